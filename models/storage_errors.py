"""OS and SQLite failures of a file, as one line that names the file and the cause.

Disk full, a read-only file or folder, a refused permission, a path too long: each is a
``StorageError`` carrying a ``common.*`` message, never a traceback. Damage is said only
when SQLite itself reports it (``is_damage``), and never for an I/O failure.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StorageError
from .messages import Message, msg

# SQLite's primary result codes (sqlite.org/rescode.html).
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26

# Less free space than this, and an I/O error from SQLite is the disk being full.
FULL_BELOW = 1024 * 1024
_BY_ERRNO = {
    errno.ENOENT: "common.file_not_found",
    errno.ENOSPC: "common.disk_full",
    errno.EDQUOT: "common.disk_full",
    errno.EROFS: "common.read_only",
    errno.EACCES: "common.permission",
    errno.EPERM: "common.permission",
    errno.ENAMETOOLONG: "common.path_too_long",
}
_BY_SQLITE = {
    SQLITE_FULL: "common.disk_full",
    SQLITE_READONLY: "common.read_only",
    SQLITE_PERM: "common.permission",
}


def sqlite_code(e: sqlite3.Error) -> int | None:
    """The primary result code of a SQLite error (from its text when Python gives none)."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(e)
    for words, value in (("disk is full", SQLITE_FULL), ("readonly database", SQLITE_READONLY),
                         ("malformed", SQLITE_CORRUPT), ("not a database", SQLITE_NOTADB),
                         ("unable to open", SQLITE_CANTOPEN), ("disk I/O error", SQLITE_IOERR)):
        if words in text:
            return value
    return None


def is_damage(e: sqlite3.Error) -> bool:
    """SQLite says the file's content is broken (not that it could not read or write it)."""
    return sqlite_code(e) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def is_storage(e: BaseException) -> bool:
    """An OS-level failure (full, read-only, refused, unreadable) rather than a bug."""
    if isinstance(e, OSError):
        return True
    return isinstance(e, sqlite3.Error) and sqlite_code(e) in (
        SQLITE_FULL, SQLITE_READONLY, SQLITE_PERM, SQLITE_IOERR, SQLITE_CANTOPEN)


def message_for(e: BaseException, file: str | Path | None) -> Message:
    """The one line for an OS or SQLite failure on ``file``."""
    if isinstance(e, OSError):
        name = e.filename if e.filename is not None else file
        code = _BY_ERRNO.get(e.errno or 0)
        if code:
            return msg(code, file=str(name))
        return msg("common.os_error", file=str(name),
                   reason=e.strerror or str(e) or e.__class__.__name__)
    if isinstance(e, sqlite3.Error):
        code = _BY_SQLITE.get(sqlite_code(e) or 0)
        if code is None and file is not None:
            # SQLite could not make or grow its files beside the workspace: say why.
            if not _writable(Path(file)):
                code = "common.read_only"
            elif _nearly_full(Path(file)):
                code = "common.disk_full"
            elif sqlite_code(e) in (SQLITE_IOERR, SQLITE_CANTOPEN):
                code = "store.io_error"
        if code:
            return msg(code, file=str(file))
        return msg("common.os_error", file=str(file), reason=str(e))
    return msg("common.os_error", file=str(file), reason=str(e))


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < FULL_BELOW
    except OSError:
        return False


def _writable(path: Path) -> bool:
    folder = path if path.is_dir() else path.parent
    return os.access(folder, os.W_OK) and (not path.is_file() or os.access(path, os.W_OK))


@contextmanager
def storage_errors(file: str | Path | None) -> Iterator[None]:
    """Turn OS and SQLite I/O failures inside the block into a StorageError on ``file``."""
    try:
        yield
    except (OSError, sqlite3.Error) as e:
        if not is_storage(e):
            raise
        raise StorageError(message_for(e, file)) from e
