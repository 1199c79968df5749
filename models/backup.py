"""Backups through SQLite's backup API, in a rotating set beside the workspace.

``ws.plandesk`` keeps its backups in ``ws.plandesk.backups/`` as
``20261121-153000-import.plandesk``; the newest ``KEEP`` are kept.
"""
from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

KEEP = 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    time: str
    reason: str
    size: int


def backup_dir(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".backups")


def _slug(reason: str) -> str:
    return re.sub(r"[^\w\-]+", "-", reason, flags=re.UNICODE).strip("-")[:40] or "backup"


def take_backup(conn: sqlite3.Connection, workspace: Path, reason: str) -> Path:
    """Copy the open workspace (a consistent snapshot) into the rotating set."""
    folder = backup_dir(workspace)
    folder.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{_slug(reason)}.plandesk"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}-{_slug(reason)}.plandesk"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    partial.replace(target)
    _rotate(folder)
    return target


def _rotate(folder: Path) -> None:
    files = sorted(folder.glob("*.plandesk"))
    for old in files[:-KEEP]:
        old.unlink(missing_ok=True)


def list_backups(workspace: Path) -> list[BackupInfo]:
    """Newest first."""
    out = []
    for p in sorted(backup_dir(workspace).glob("*.plandesk"), reverse=True):
        m = re.match(r"(\d{8})-(\d{6})(?:-\d+)?-(.*)\.plandesk$", p.name)
        if not m:
            continue
        d, t, reason = m.groups()
        when = f"{d[:4]}-{d[4:6]}-{d[6:]} {t[:2]}:{t[2:4]}:{t[4:]}"
        out.append(BackupInfo(p, when, reason, p.stat().st_size))
    return out
