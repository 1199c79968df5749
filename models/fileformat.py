"""Recognise a workspace file from its first bytes, before SQLite touches it.

SQLite would happily "open" an empty or truncated file and may write to it; we read the
100-byte header ourselves so that a wrong file is refused without a single byte changed.
"""
from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path

from .errors import DamagedWorkspace, NewerWorkspace, NotAWorkspace, StorageError
from .messages import Message, msg
from .storage_errors import is_damage, message_for

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of every PlanDesk workspace ("PDSK").
APPLICATION_ID = 0x5044534B


def describe_foreign(head: bytes) -> Message:
    """A short guess at what a non-SQLite file is, for the error message."""
    if head.startswith(b"PK\x03\x04"):
        return msg("store.kind.zip")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return msg("store.kind.old_office")
    if head.startswith(b"%PDF"):
        return msg("store.kind.pdf")
    if head and not head.strip(b"\x00"):
        return msg("store.kind.zeroed")
    return msg("store.kind.other")


def wal_pending(path: Path) -> bool:
    """Committed changes wait in ``WS-wal``: the main file alone is not the workspace."""
    try:
        return os.path.getsize(f"{path}-wal") > 32          # more than the WAL header
    except OSError:
        return False


def damage_reported(path: Path) -> str | None:
    """What SQLite says is wrong with a file (read without any write), or None if it is ok."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as e:
        return str(e)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        return None if problems == ["ok"] else problems[0]
    except sqlite3.Error as e:
        return str(e) if is_damage(e) else None
    finally:
        conn.close()


def restore_hint(path: Path) -> str:
    return f'main.py backup restore "{path}" 1'


def check_header(path: Path, newest_schema: int) -> int:
    """Validate a workspace file's header; return its schema version (user_version).

    Raises NotAWorkspace or NewerWorkspace with a one-line message naming the file. A file
    shorter than its header says is judged by SQLite, after the pending WAL, never by us.
    """
    name = str(path)
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as e:
        raise StorageError(message_for(e, name)) from e
    if size == 0:
        raise NotAWorkspace("store.empty", file=name)
    if not head.startswith(SQLITE_MAGIC):
        raise NotAWorkspace("store.foreign", file=name, what=describe_foreign(head))
    if len(head) < 100:
        raise NotAWorkspace("store.too_short", file=name, size=size)
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count, = struct.unpack(">I", head[28:32])
    change_counter, = struct.unpack(">I", head[24:28])
    valid_for, = struct.unpack(">I", head[92:96])
    user_version, = struct.unpack(">I", head[60:64])
    app_id, = struct.unpack(">I", head[68:72])
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedWorkspace("store.damaged", file=name, reason=msg("store.bad_page_size", size=page_size),
                               command=restore_hint(path))
    # The in-header page count is trustworthy only when valid_for matches the counter, and
    # a failed checkpoint (disk full) leaves the main file short with every change in the WAL.
    if (valid_for == change_counter and page_count and size < page_count * page_size
            and not wal_pending(path)):
        problem = damage_reported(path)
        if problem:
            raise DamagedWorkspace("store.damaged", file=name, reason=problem,
                                   command=restore_hint(path))
    if app_id != APPLICATION_ID:
        raise NotAWorkspace("store.foreign_sqlite", file=name)
    if user_version > newest_schema:
        raise NewerWorkspace("store.newer_schema", file=name, version=user_version,
                             newest=newest_schema)
    return user_version
