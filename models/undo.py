"""Undo and redo kept in the workspace itself, by SQLite triggers.

Every row change in a domain table writes one row into ``_undo_log``: the table, the row id
and the SQL that reverses the change (the technique of sqlite.org/undoredo). The table and
row id are columns of their own, so what an edit touched is read, never parsed out of SQL.
An operation is a range of that log (a row of ``_undo_steps`` with its label as a message
code and arguments, and its size in bytes); undoing it runs the range backwards, which in
turn logs the SQL that redoes it. Because it works on rows, undo restores the exact
previous state of any operation, and it survives a restart or a power cut with the data.

Which tables are undone is found from the schema, not listed: every ordinary table except
``meta`` and those whose name starts with ``_`` or ``sqlite_`` (see ``models/schema.py``).
The log is bounded by a number of steps and a number of bytes; the newest step is always
kept, however large, so the last edit can always be undone.
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Any, NamedTuple

from .messages import Message, msg

MAX_STEPS = 200
MAX_BYTES = 8 * 1024 * 1024
# Tables that are not the clerk's data (besides the _-prefixed and sqlite_ ones).
NOT_UNDONE = ("meta",)


class Entry(NamedTuple):
    """One log row: the SQL that reverses a change to row ``row_id`` of ``table``."""
    table: str
    row_id: int
    sql: str


class Step(NamedTuple):
    id: int
    label: Message
    first: int
    last: int


def undone_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables whose rows are the clerk's data, found from the schema."""
    rows = conn.execute("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type='table' "
                        "ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    out = []
    for name, sql in rows:
        if (name.startswith(("_", "sqlite_")) or name in NOT_UNDONE or name in virtual
                or any(name.startswith(v + "_") for v in virtual)      # full-text shadow tables
                or "WITHOUT ROWID" in " ".join(sql.upper().split())):
            continue
        out.append(name)
    return out


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _undo_insert(table: str, rowid: str) -> str:
    """The SQL expression of the inverse of inserting row ``rowid`` (an SQL expression)."""
    return f"'DELETE FROM \"{table}\" WHERE rowid='||{rowid}"


def trigger_sql(conn: sqlite3.Connection, table: str) -> list[str]:
    cols = [c for c in _columns(conn, table) if c != "id"]
    log = f"INSERT INTO _undo_log(tbl, row_id, sql) VALUES('{table}', "
    triggers = [
        f'CREATE TRIGGER "_undo_{table}_i" AFTER INSERT ON "{table}" BEGIN '
        f"{log}NEW.rowid, {_undo_insert(table, 'NEW.rowid')}); END",
    ]
    if cols:
        sets = "||','||".join(f"'\"{c}\"='||quote(OLD.\"{c}\")" for c in cols)
        triggers.append(
            f'CREATE TRIGGER "_undo_{table}_u" AFTER UPDATE ON "{table}" BEGIN '
            f"{log}OLD.rowid, 'UPDATE \"{table}\" SET '||{sets}||' WHERE rowid='||OLD.rowid); END")
    vals = "".join(f"||','||quote(OLD.\"{c}\")" for c in cols)
    names = ",".join(["rowid", *(f'"{c}"' for c in cols)])
    triggers.append(
        f'CREATE TRIGGER "_undo_{table}_d" BEFORE DELETE ON "{table}" BEGIN '
        f"{log}OLD.rowid, 'INSERT INTO \"{table}\"({names}) VALUES('||OLD.rowid{vals}||')'); END")
    return triggers


def _installed(conn: sqlite3.Connection) -> dict[str, str]:
    return {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='trigger' "
        "AND name LIKE '\\_undo\\_%' ESCAPE '\\'")}


def drop_triggers(conn: sqlite3.Connection) -> None:
    """Stop logging (migrations write rows that no undo step should cover)."""
    for name in _installed(conn):
        conn.execute(f'DROP TRIGGER "{name}"')


def install_triggers(conn: sqlite3.Connection) -> bool:
    """(Re)create the undo triggers to match the current tables and columns.

    The history is kept: inverse SQL names its columns, so it stays valid when a column or
    a table is added. True if anything changed.
    """
    wanted = {}
    for table in undone_tables(conn):
        for sql in trigger_sql(conn, table):
            wanted[sql.split()[2].strip('"')] = sql
    have = _installed(conn)
    if have == wanted:
        return False
    drop_triggers(conn)
    for sql in wanted.values():
        conn.execute(sql)
    return True


BULK_ROWS = 500      # fewer rows go in through the trigger: dropping it costs more


def insert_many(conn: sqlite3.Connection, table: str, sql: str, rows: list) -> None:
    """``executemany(sql, rows)`` of INSERTs into ``table``, inside an operation, logged as
    its insert trigger logs them, but in one statement after the rows are in: the trigger
    is dropped meanwhile (fired per row it costs more than the insert itself). New rows
    get row ids above every existing one, so they are the rows past the old maximum."""
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type='trigger' AND name=?",
                           (f"_undo_{table}_i",)).fetchone()
    if trigger is None or len(rows) < BULK_ROWS:
        conn.executemany(sql, rows)
        return
    before = conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
    conn.execute(f'DROP TRIGGER "_undo_{table}_i"')
    try:
        conn.executemany(sql, rows)
        conn.execute(f"INSERT INTO _undo_log(tbl, row_id, sql) SELECT '{table}', rowid, "
                     f'{_undo_insert(table, "rowid")} FROM "{table}" WHERE rowid > ? '
                     "ORDER BY rowid", (before,))
    finally:
        conn.execute(trigger[0])


def forget_history(conn: sqlite3.Connection) -> None:
    """Drop every undo and redo step (after a change the old inverse SQL cannot survive)."""
    conn.execute("DELETE FROM _undo_log")
    conn.execute("DELETE FROM _undo_steps")


def forget_orphans(conn: sqlite3.Connection) -> int:
    """Delete log rows that no step covers; returns how many."""
    before = conn.total_changes
    edge = 0
    for first, last in conn.execute(
            "SELECT first_seq, last_seq FROM _undo_steps ORDER BY first_seq").fetchall():
        conn.execute("DELETE FROM _undo_log WHERE seq > ? AND seq < ?", (edge, first))
        edge = max(edge, last)
    conn.execute("DELETE FROM _undo_log WHERE seq > ?", (edge,))
    return conn.total_changes - before


def last_seq(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM _undo_log").fetchone()[0]


def record_step(conn: sqlite3.Connection, label: Message, first: int, stack: str = "undo") -> bool:
    """Close an operation that began after log position ``first``; False if it changed nothing."""
    end = last_seq(conn)
    if end <= first:
        return False
    size = conn.execute("SELECT coalesce(sum(length(CAST(sql AS BLOB))), 0) FROM _undo_log "
                        "WHERE seq BETWEEN ? AND ?", (first + 1, end)).fetchone()[0]
    conn.execute("INSERT INTO _undo_steps(stack, code, args, first_seq, last_seq, bytes) "
                 "VALUES (?,?,?,?,?,?)",
                 (stack, label.code, encode_args(label.args), first + 1, end, size))
    return True


def clear_redo(conn: sqlite3.Connection) -> None:
    for first, last in conn.execute(
            "SELECT first_seq, last_seq FROM _undo_steps WHERE stack='redo'").fetchall():
        conn.execute("DELETE FROM _undo_log WHERE seq BETWEEN ? AND ?", (first, last))
    conn.execute("DELETE FROM _undo_steps WHERE stack='redo'")


def prune(conn: sqlite3.Connection, keep: int | None = None, budget: int | None = None) -> int:
    """Forget the oldest undo steps beyond ``keep`` steps or ``budget`` bytes; how many went.

    The newest step always stays, so the last edit can be undone whatever its size.
    """
    keep = MAX_STEPS if keep is None else keep
    budget = MAX_BYTES if budget is None else budget
    total = 0
    forgotten = 0
    for i, (step_id, first, last, size) in enumerate(conn.execute(
            "SELECT id, first_seq, last_seq, bytes FROM _undo_steps WHERE stack='undo' "
            "ORDER BY id DESC").fetchall()):
        total += size
        if i == 0 or (i < keep and total <= budget):
            continue
        conn.execute("DELETE FROM _undo_log WHERE seq BETWEEN ? AND ?", (first, last))
        conn.execute("DELETE FROM _undo_steps WHERE id=?", (step_id,))
        forgotten += 1
    return forgotten


def log_bytes(conn: sqlite3.Connection) -> int:
    """The size of the whole log's SQL in bytes."""
    return conn.execute(
        "SELECT coalesce(sum(length(CAST(sql AS BLOB))), 0) FROM _undo_log").fetchone()[0]


def top(conn: sqlite3.Connection, stack: str) -> Step | None:
    """The step on top of a stack, or None."""
    row = conn.execute("SELECT id, code, args, first_seq, last_seq FROM _undo_steps "
                       "WHERE stack=? ORDER BY id DESC LIMIT 1", (stack,)).fetchone()
    if row is None:
        return None
    return Step(row[0], Message(row[1], decode_args(row[2])), row[3], row[4])


def replay(conn: sqlite3.Connection, stack: str) -> tuple[Message, list[Entry]] | None:
    """Reverse the top step of ``stack`` ('undo' or 'redo'); push its inverse on the other.

    Must run inside a transaction. Returns the step's label and the log entries it ran,
    or None when the stack is empty.
    """
    step = top(conn, stack)
    if step is None:
        return None
    inverse = entries(conn, step.first, step.last)[::-1]
    conn.execute("DELETE FROM _undo_log WHERE seq BETWEEN ? AND ?", (step.first, step.last))
    conn.execute("DELETE FROM _undo_steps WHERE id=?", (step.id,))
    # Rows come back child-first after a cascading delete: check foreign keys at COMMIT.
    conn.execute("PRAGMA defer_foreign_keys=ON")
    mark = last_seq(conn)
    for entry in inverse:
        conn.execute(entry.sql)
    record_step(conn, step.label, mark, "redo" if stack == "undo" else "undo")
    return step.label, inverse


def entries(conn: sqlite3.Connection, first: int, last: int) -> list[Entry]:
    return [Entry(*r) for r in conn.execute(
        "SELECT tbl, row_id, sql FROM _undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq",
        (first, last))]


def change_of(label: Message, kind: str, written: list[Entry]):
    """The Change notification for an edit, an undo or a redo, from its log entries."""
    rows: dict[str, set[int]] = {}
    for e in written:
        rows.setdefault(e.table, set()).add(e.row_id)
    return _change(label, kind, rows)


def change_in(conn: sqlite3.Connection, label: Message, kind: str, first: int, last: int):
    """The Change notification for the log range first..last: only the table and row id
    of each entry are read (an import's range holds tens of thousands of SQL texts)."""
    cur = conn.cursor()
    cur.row_factory = None          # plain tuples: no Row object per entry
    rows: dict[str, set[int]] = {}
    # one scan of the range; an operation writes its rows table by table, in runs
    table, ids = None, set()
    for tbl, row_id in cur.execute("SELECT tbl, row_id FROM _undo_log WHERE seq BETWEEN ? AND ?",
                                   (first, last)):
        if tbl != table:
            table, ids = tbl, rows.setdefault(tbl, set())
        ids.add(row_id)
    return _change(label, kind, rows)


def _change(label: Message, kind: str, rows: dict[str, set[int]]):
    from .entities import Change
    return Change(label.render(), frozenset(rows), kind,
                  {t: frozenset(ids) for t, ids in rows.items()})


# ---- labels: message codes with arguments, stored as JSON ------------------------------
def as_label(label: str | Message) -> Message:
    """A label given as finished text is kept as text (shown as is in every language)."""
    return label if isinstance(label, Message) else msg("common.text", text=label)


def encode_args(args: Any) -> str:
    return json.dumps(_plain(args), ensure_ascii=False, sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return {"$code": value.code, "args": _plain(value.args)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def decode_args(text: str) -> dict:
    def hook(d: dict):
        return Message(d["$code"], d["args"]) if "$code" in d else d
    try:
        args = json.loads(text or "{}", object_hook=hook)
    except ValueError:
        return {}
    return args if isinstance(args, dict) else {}


# ---- the log of schemas before m003: one SQL column --------------------------------------
_LEGACY_INSERT = re.compile(r'INSERT INTO "?(\w+)"?\([^)]*\) VALUES\((-?\d+),')
_LEGACY_OTHER = re.compile(r'(?:DELETE FROM|UPDATE) "?(\w+)"?\s.*WHERE rowid=(-?\d+)$', re.S)


def legacy_entry(sql: str) -> Entry | None:
    """The table and row of an inverse statement written by the first triggers.

    Those statements had one fixed shape per kind: the row id follows the column list of
    an INSERT, and ends an UPDATE or a DELETE — text inside the values is never looked at.
    """
    m = _LEGACY_INSERT.match(sql) if sql.startswith("INSERT") else _LEGACY_OTHER.match(sql)
    return Entry(m.group(1), int(m.group(2)), sql) if m else None
