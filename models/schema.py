"""The workspace schema, as ordered forward migrations (sqlite-utils ``Migrations``).

Never edit a shipped migration: add the next one. ``SCHEMA_VERSION`` (stored in
``PRAGMA user_version``) is the number of migrations, so an older PlanDesk can tell a
newer workspace from the header alone and refuse it untouched.

Undo and migrations (``models/undo.py``):

- Every ordinary table is undone, found from the schema: a new table or column gets its
  triggers at the next opening, with nothing to register. Name a table ``_something`` (or
  make it ``WITHOUT ROWID`` / virtual) to keep it out of the undo log; ``meta`` is out too.
- Migrations run with the undo triggers dropped, so what they write is never in the log
  (no undo step could cover it); the triggers are rebuilt after the last migration.
- The undo history is kept across migrations: inverse SQL names its columns, so adding a
  table or a column (with a default) leaves every older step valid. A migration that
  renames or drops a column or table the log may name must call
  ``undo.forget_history(db.conn)``; a step that no longer fits is otherwise dropped with
  a clear message the first time it is undone.
- Inside a migration use ``db.conn.execute`` statement by statement: ``executescript``
  commits first and so leaves the migration's transaction.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


class _Migrations:
    """The migrations in order; sqlite-utils' ``Migrations`` runs them, made on first use:
    importing sqlite-utils costs more than starting Qt, and opening a workspace that is up
    to date needs neither it nor them (``Store`` checks ``PRAGMA user_version`` first)."""

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[str, Callable]] = []
        self._real: Any = None

    def __call__(self, *, name: str):
        def register(fn: Callable) -> Callable:
            self.steps.append((name, fn))
            self._real = None
            return fn
        return register

    def __getattr__(self, attr: str):
        # pending, apply, applied, _migrations …: sqlite-utils' own object answers.
        if self._real is None:
            from sqlite_utils.migrations import Migrations
            real = Migrations(self.name)
            for name, fn in self.steps:
                real(name=name)(fn)
            self._real = real
        return getattr(self._real, attr)


migrations = _Migrations("plandesk")


@migrations(name="m001_plans_tasks_departments")
def m001(db: Database) -> None:
    """Plans, the task tree, departments with aliases, assignments, targets, undo log."""
    db.executescript("""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'work_plan',
        issuer TEXT NOT NULL DEFAULT '',
        doc_number TEXT NOT NULL DEFAULT '',
        year INTEGER,
        period TEXT NOT NULL DEFAULT '',
        parent_uuid TEXT,
        source_file TEXT NOT NULL DEFAULT '',
        preamble TEXT NOT NULL DEFAULT '',
        head TEXT NOT NULL DEFAULT '{}',
        warnings TEXT NOT NULL DEFAULT '[]',
        settings TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        label_style TEXT NOT NULL DEFAULT '',
        deadline_text TEXT NOT NULL DEFAULT '',
        deadline_date TEXT,
        deadline_kind TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '',
        implements TEXT,
        source_line INTEGER
    );
    CREATE INDEX tasks_tree ON tasks(plan_id, parent_id, position);
    CREATE INDEX tasks_parent ON tasks(parent_id);
    CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE,
        short_name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'unit' CHECK (kind IN ('unit', 'collective')),
        is_new INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE department_aliases (
        id INTEGER PRIMARY KEY,
        department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        alias TEXT NOT NULL UNIQUE
    );
    CREATE INDEX department_aliases_department ON department_aliases(department_id);
    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'responsible', 'guide')),
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (task_id, department_id)
    );
    CREATE INDEX assignments_department ON assignments(department_id);
    CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        metric TEXT NOT NULL DEFAULT '',
        value REAL,
        unit TEXT NOT NULL DEFAULT '',
        qualifier TEXT NOT NULL DEFAULT '',
        year INTEGER,
        baseline TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX targets_task ON targets(task_id);
    CREATE TABLE _undo_log (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL);
    CREATE TABLE _undo_steps (
        id INTEGER PRIMARY KEY,
        stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
        label TEXT NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL
    );
    """)


@migrations(name="m002_rounds_progress_exchanges_notices")
def m002(db: Database) -> None:
    """Reporting rounds, progress reports, exchanged workbooks, notice metadata."""
    db.executescript("""
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        closed INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (plan_id, name)
    );
    CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
        department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
        direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        counterpart TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT '',
        content_checksum TEXT NOT NULL DEFAULT '',
        time TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX exchanges_sha256 ON exchanges(sha256);
    CREATE TABLE progress (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT ''
            CHECK (status IN ('', 'not_started', 'in_progress', 'done')),
        percent REAL,
        text TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        exchange_id INTEGER REFERENCES exchanges(id) ON DELETE SET NULL,
        reported_at TEXT NOT NULL DEFAULT '',
        UNIQUE (task_id, department_id, round_id)
    );
    CREATE INDEX progress_round ON progress(round_id);
    CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
        data TEXT NOT NULL DEFAULT '{}'
    );
    """)


@migrations(name="m003_typed_undo_log")
def m003(db: Database) -> None:
    """The undo log names each row's table and id in columns; step labels are message codes.

    The history is converted, not dropped: the first triggers wrote one statement shape per
    kind, from which the table and row id are read once here.
    """
    from .undo import legacy_entry
    c = db.conn
    c.execute("CREATE TABLE _undo_log_new (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
              "row_id INTEGER NOT NULL, sql TEXT NOT NULL)")
    for seq, sql in c.execute("SELECT seq, sql FROM _undo_log ORDER BY seq").fetchall():
        entry = legacy_entry(sql)
        if entry is not None:
            c.execute("INSERT INTO _undo_log_new VALUES (?,?,?,?)", (seq, *entry))
    c.execute("""CREATE TABLE _undo_steps_new (
        id INTEGER PRIMARY KEY,
        stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
        code TEXT NOT NULL,
        args TEXT NOT NULL DEFAULT '{}',
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0)""")
    c.execute("INSERT INTO _undo_steps_new(id, stack, code, args, first_seq, last_seq, bytes) "
              "SELECT id, stack, 'common.text', json_object('text', label), first_seq, last_seq, "
              "(SELECT coalesce(sum(length(CAST(sql AS BLOB))), 0) FROM _undo_log_new "
              " WHERE seq BETWEEN first_seq AND last_seq) FROM _undo_steps")
    c.execute("DROP TABLE _undo_log")
    c.execute("DROP TABLE _undo_steps")
    c.execute("ALTER TABLE _undo_log_new RENAME TO _undo_log")
    c.execute("ALTER TABLE _undo_steps_new RENAME TO _undo_steps")
    # A workspace with this schema also has its own identity (backups are matched to it).
    import uuid      # here, not at start-up: it loads platform
    c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('workspace_uuid', ?)",
              (str(uuid.uuid4()),))


@migrations(name="m004_task_source_plan_attachments")
def m004(db: Database) -> None:
    """Each task's label and place in the source document; the plan's attachments that are
    not task lists (indicator tables, catalogues, forms, the notice's own points)."""
    db.executescript("""
    ALTER TABLE tasks ADD COLUMN source_label TEXT NOT NULL DEFAULT '';
    ALTER TABLE tasks ADD COLUMN source_page INTEGER;
    ALTER TABLE tasks ADD COLUMN source_paragraph INTEGER;
    ALTER TABLE plans ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
    """)


@migrations(name="m005_progress_problems_next_steps")
def m005(db: Database) -> None:
    """存在问题 and 下一步工作计划: two progress fields real reporting templates carry."""
    db.executescript("""
    ALTER TABLE progress ADD COLUMN problems TEXT NOT NULL DEFAULT '';
    ALTER TABLE progress ADD COLUMN next_steps TEXT NOT NULL DEFAULT '';
    """)


@migrations(name="m006_counterparts_templates_task_origin")
def m006(db: Database) -> None:
    """Counterpart units (对口部门), reporting templates from above, carried-task origins."""
    db.executescript("""
    CREATE TABLE counterparts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
        is_self INTEGER NOT NULL DEFAULT 0,
        confirmed INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
        title TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT '',
        content BLOB NOT NULL,
        reading TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE task_origin (
        task_id INTEGER PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
        source_label TEXT NOT NULL DEFAULT '',
        own INTEGER NOT NULL DEFAULT 0
    );
    """)


@migrations(name="m007_round_due_date")
def m007(db: Database) -> None:
    """The date a round's returns are due (报送截止日期), for reminders (催报)."""
    db.execute("ALTER TABLE rounds ADD COLUMN due_date TEXT")


@migrations(name="m008_task_mentions")
def m008(db: Database) -> None:
    """What an annotation names that is no department — people (责任领导), scopes (适用范围)
    and the issuing office's internal divisions (处室) by role — in a row of their own per
    task, instead of lines appended to the task's text.

    Tasks whose text ends in those lines (the form earlier versions of the importer wrote)
    get them moved here: the clerk now sees them in their own fields, and the 分工表 prints
    them in their own columns, so leaving them in the text would show each twice. Only the
    trailing lines of exactly that form move; whatever the clerk wrote stays.
    """
    import json

    from .mentions import split_kept_lines
    c = db.conn
    c.execute("""CREATE TABLE task_mentions (
        task_id INTEGER PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
        people TEXT NOT NULL DEFAULT '[]',
        scopes TEXT NOT NULL DEFAULT '[]',
        divisions TEXT NOT NULL DEFAULT '{}')""")
    rows = c.execute("SELECT id, text FROM tasks WHERE text LIKE '%：%'").fetchall()
    for task_id, text in rows:
        rest, found = split_kept_lines(text)
        if not found:
            continue
        c.execute("UPDATE tasks SET text=? WHERE id=?", (rest, task_id))
        c.execute("INSERT INTO task_mentions(task_id, people, scopes, divisions) VALUES (?,?,?,?)",
                  (task_id, json.dumps(found["people"], ensure_ascii=False),
                   json.dumps(found["scopes"], ensure_ascii=False),
                   json.dumps(found["divisions"], ensure_ascii=False)))


SCHEMA_VERSION = len(migrations.steps)
KNOWN_MIGRATIONS = [name for name, _fn in migrations.steps]


# ---- a new file without sqlite-utils ----------------------------------------------------
# sqlite-utils' record of applied migrations, as its Migrations.apply makes it (the same
# text, so a later upgrade run by sqlite-utils finds its own table).
MIGRATIONS_TABLE = ('CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n'
                    '   "migration_set" TEXT,\n   "name" TEXT,\n   "applied_at" TEXT\n)')
MIGRATIONS_INDEX = ('CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
                    '    ON "_sqlite_migrations" ("migration_set", "name")')


class _PlainDatabase:
    """What the migrations use of sqlite-utils' ``Database``: ``conn``, ``execute`` and
    ``executescript`` inside the open transaction (statement by statement, as sqlite-utils
    does there: ``sqlite3.executescript`` would commit first)."""

    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql: str, parameters=None):
        return self.conn.execute(sql, parameters if parameters is not None else ())

    def executescript(self, sql: str):
        import sqlite3
        cursor = self.conn.cursor()
        pending = ""
        pieces = sql.split(";")
        for i, piece in enumerate(pieces):
            pending += piece if i == len(pieces) - 1 else piece + ";"
            if pending.strip() and sqlite3.complete_statement(pending):
                cursor.execute(pending.strip())
                pending = ""
        if pending.strip():
            cursor.execute(pending.strip())
        return cursor


def create_schema(conn) -> None:
    """A new, empty file's schema: every migration in one transaction, each recorded as
    sqlite-utils records it. Importing sqlite-utils (it loads numpy and click) costs more
    than making the file; upgrades of existing files still run through it."""
    import datetime
    conn.execute("BEGIN")
    try:
        conn.execute(MIGRATIONS_TABLE)
        conn.execute(MIGRATIONS_INDEX)
        db = _PlainDatabase(conn)
        for name, fn in migrations.steps:
            fn(db)
            conn.execute('INSERT INTO "_sqlite_migrations" ("migration_set", "name", "applied_at") '
                         "VALUES (?, ?, ?)",
                         (migrations.name, name, str(datetime.datetime.now(datetime.timezone.utc))))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
