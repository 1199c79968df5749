"""Backups through SQLite's backup API, in a rotating set beside the workspace.

``ws.plandesk`` keeps its backups in ``ws.plandesk.backups/`` as
``000042-20261121-153000-import.plandesk``: a sequence number that only grows (two backups
in one second stay in order), the time and the reason. The newest ``KEEP`` are kept; the
rotation never removes a backup that is being restored. A backup is a whole workspace, so
it carries the workspace's identity (``workspace_uuid``) and can be matched to it.
"""
from __future__ import annotations

import re
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .storage_errors import storage_errors

KEEP = 20
_NAME = re.compile(r"(\d{6})-(\d{8})-(\d{6})-(.*)\.plandesk$")
# Backups named before the sequence number: 20261121-153000[-2]-import.plandesk
_OLD_NAME = re.compile(r"(\d{8})-(\d{6})(?:-\d+)?-(.*)\.plandesk$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    time: str
    reason: str
    size: int
    seq: int = 0


def backup_dir(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".backups")


def _slug(reason: str) -> str:
    return re.sub(r"[^\w\-]+", "-", reason, flags=re.UNICODE).strip("-")[:40] or "backup"


def take_backup(conn: sqlite3.Connection, workspace: Path, reason: str,
                spare: Path | None = None) -> Path:
    """Copy the open workspace (a consistent snapshot) into the rotating set.

    ``spare`` is never removed by the rotation (the backup a restore is reading).
    A full disk or a read-only folder leaves no partial file and raises StorageError.
    """
    folder = backup_dir(workspace)
    with storage_errors(folder):
        folder.mkdir(exist_ok=True)
        clean_partials(folder)
    seq = max((b.seq for b in list_backups(workspace)), default=0) + 1
    target = folder / f"{seq:06d}-{time.strftime('%Y%m%d-%H%M%S')}-{_slug(reason)}.plandesk"
    partial = target.with_suffix(".partial")
    try:
        with storage_errors(target):
            copy_database(conn, partial)
            partial.replace(target)
    finally:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    _rotate(workspace, spare)
    return target


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open database as one self-contained file (no WAL)."""
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def clean_partials(folder: Path) -> None:
    """Remove what an interrupted backup left (only the lock holder writes backups)."""
    for leftover in folder.glob("*.partial*"):
        with suppress(OSError):
            leftover.unlink()


def _rotate(workspace: Path, spare: Path | None) -> None:
    keep_from = [b.path for b in list_backups(workspace)]
    for old in keep_from[KEEP:]:
        if spare is not None and old.resolve() == spare.resolve():
            continue
        with suppress(OSError):
            old.unlink(missing_ok=True)


def list_backups(workspace: Path) -> list[BackupInfo]:
    """Newest first, by sequence number (backups named before it come last, by time)."""
    out = []
    for p in backup_dir(workspace).glob("*.plandesk"):
        m = _NAME.match(p.name)
        if m:
            seq, d, t, reason = int(m.group(1)), m.group(2), m.group(3), m.group(4)
        else:
            old = _OLD_NAME.match(p.name)
            if not old:
                continue
            seq, (d, t, reason) = 0, old.groups()
        when = f"{d[:4]}-{d[4:6]}-{d[6:]} {t[:2]}:{t[2:4]}:{t[4:]}"
        try:
            size = p.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(p, when, reason, size, seq))
    out.sort(key=lambda b: (b.seq, b.path.name), reverse=True)
    return out


def workspace_uuid_of(path: Path) -> str | None:
    """The identity stored in a workspace or backup file, read without writing; None if unknown."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='workspace_uuid'").fetchone()
        return row[0] if row and row[0] else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()
