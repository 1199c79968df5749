"""Undo and redo kept in the workspace itself, by SQLite triggers.

Every row change in a domain table writes the SQL that reverses it into ``_undo_log``
(the technique of sqlite.org/undoredo). An operation is a range of that log; undoing it
runs the range backwards, which in turn logs the SQL that redoes it. Because it works
on rows, undo restores the exact previous state of any operation, present or future,
and it survives a restart or a power cut along with the data.
"""
from __future__ import annotations

import re
import sqlite3

# Tables whose rows are the clerk's data; the rest (meta, migrations, undo) are not undone.
UNDONE_TABLES = ("plans", "tasks", "departments", "department_aliases", "assignments",
                 "targets", "rounds", "exchanges", "progress", "notices",
                 "counterparts", "templates", "task_origin")
MAX_STEPS = 200


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def trigger_sql(conn: sqlite3.Connection, table: str) -> list[str]:
    cols = [c for c in _columns(conn, table) if c != "id"]
    sets = "||','||".join(f"'{c}='||quote(OLD.{c})" for c in cols)
    vals = "||','||".join(f"quote(OLD.{c})" for c in cols)
    names = ",".join(["rowid", *cols])
    return [
        f"CREATE TRIGGER _undo_{table}_i AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO _undo_log(sql) VALUES('DELETE FROM {table} WHERE rowid='||NEW.rowid); END",
        f"CREATE TRIGGER _undo_{table}_u AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO _undo_log(sql) VALUES('UPDATE {table} SET '||{sets}||' WHERE rowid='||OLD.rowid); END",
        f"CREATE TRIGGER _undo_{table}_d BEFORE DELETE ON {table} BEGIN "
        f"INSERT INTO _undo_log(sql) VALUES('INSERT INTO {table}({names}) VALUES('||OLD.rowid||','||{vals}||')'); END",
    ]


def install_triggers(conn: sqlite3.Connection) -> bool:
    """(Re)create the undo triggers to match the current columns; True if anything changed."""
    wanted = {}
    for table in UNDONE_TABLES:
        for sql in trigger_sql(conn, table):
            wanted[sql.split()[2]] = sql
    have = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE '\\_undo\\_%' ESCAPE '\\'")}
    if have == wanted:
        return False
    for name in have:
        conn.execute(f"DROP TRIGGER {name}")
    for sql in wanted.values():
        conn.execute(sql)
    # A schema change makes older inverse SQL meaningless: start a fresh history.
    conn.execute("DELETE FROM _undo_log")
    conn.execute("DELETE FROM _undo_steps")
    return True


def last_seq(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM _undo_log").fetchone()[0]


def record_step(conn: sqlite3.Connection, label: str, first: int, stack: str = "undo") -> bool:
    """Close an operation that began after log position ``first``; False if it changed nothing."""
    end = last_seq(conn)
    if end <= first:
        return False
    conn.execute("INSERT INTO _undo_steps(stack, label, first_seq, last_seq) VALUES (?,?,?,?)",
                 (stack, label, first + 1, end))
    return True


def clear_redo(conn: sqlite3.Connection) -> None:
    for first, last in conn.execute(
            "SELECT first_seq, last_seq FROM _undo_steps WHERE stack='redo'").fetchall():
        conn.execute("DELETE FROM _undo_log WHERE seq BETWEEN ? AND ?", (first, last))
    conn.execute("DELETE FROM _undo_steps WHERE stack='redo'")


def prune(conn: sqlite3.Connection, keep: int = MAX_STEPS) -> None:
    """Forget the oldest undo steps beyond ``keep``."""
    for step_id, first, last in conn.execute(
            "SELECT id, first_seq, last_seq FROM _undo_steps WHERE stack='undo' "
            "ORDER BY id DESC LIMIT -1 OFFSET ?", (keep,)).fetchall():
        conn.execute("DELETE FROM _undo_log WHERE seq BETWEEN ? AND ?", (first, last))
        conn.execute("DELETE FROM _undo_steps WHERE id=?", (step_id,))


def top(conn: sqlite3.Connection, stack: str):
    """(id, label, first, last) of the step on top of a stack, or None."""
    return conn.execute("SELECT id, label, first_seq, last_seq FROM _undo_steps WHERE stack=? "
                        "ORDER BY id DESC LIMIT 1", (stack,)).fetchone()


def replay(conn: sqlite3.Connection, stack: str) -> tuple[str, list[str]] | None:
    """Reverse the top step of ``stack`` ('undo' or 'redo'); push its inverse on the other.

    Must run inside a transaction. Returns the step's label and the statements it ran,
    or None when the stack is empty.
    """
    step = top(conn, stack)
    if step is None:
        return None
    step_id, label, first, last = step
    inverse = statements(conn, first, last)[::-1]
    conn.execute("DELETE FROM _undo_log WHERE seq BETWEEN ? AND ?", (first, last))
    conn.execute("DELETE FROM _undo_steps WHERE id=?", (step_id,))
    # Rows come back child-first after a cascading delete: check foreign keys at COMMIT.
    conn.execute("PRAGMA defer_foreign_keys=ON")
    mark = last_seq(conn)
    for sql in inverse:
        conn.execute(sql)
    record_step(conn, label, mark, "redo" if stack == "undo" else "undo")
    return label, inverse


_ROWID = re.compile(r"WHERE rowid=(-?\d+)$|VALUES\((-?\d+),")


def touched_rows(statements) -> dict[str, set[int]]:
    """{table: rowids} that a list of inverse statements names (what an edit changed)."""
    rows: dict[str, set[int]] = {}
    for sql in statements:
        m = _ROWID.search(sql)
        if m:
            rows.setdefault(_table_of(sql), set()).add(int(m.group(1) or m.group(2)))
    return rows


def statements(conn: sqlite3.Connection, first: int, last: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT sql FROM _undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq", (first, last))]


def _table_of(sql: str) -> str:
    """The table an inverse statement writes: DELETE FROM t / INSERT INTO t(…) / UPDATE t SET."""
    words = sql.split(None, 3)
    return (words[2] if words[0] in ("DELETE", "INSERT") else words[1]).split("(")[0]


def change_of(label: str, kind: str, inverse: list[str]):
    """The Change notification for an edit, an undo or a redo, from its statements."""
    from .entities import Change
    rows = touched_rows(inverse)
    return Change(label, frozenset(_table_of(sql) for sql in inverse), kind,
                  {t: frozenset(ids) for t, ids in rows.items()})
