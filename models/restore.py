"""Restore a backup into a workspace, through the SQLite backup API.

The current state is backed up first, so a restore can itself be undone by restoring.
The backup is checked like any workspace before a byte of the workspace changes.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import NotAWorkspace
from .fileformat import check_header
from .schema import SCHEMA_VERSION
from .store import Store


def restore_backup(workspace: Path, backup: Path) -> Path:
    """Replace the workspace's content with the backup's; returns the safety backup's path."""
    if not backup.is_file():
        raise NotAWorkspace(f"{backup}: 备份文件不存在")
    check_header(backup, SCHEMA_VERSION)
    src = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    try:
        Store._verify(src, backup)
        with Store.open(workspace) as ws:          # holds the writer lock meanwhile
            safety = ws.bulk_backup("before-restore")
            src.backup(ws.conn)
        # Reopen once so an older backup is migrated and the triggers re-created.
        Store.open(workspace).close()
    finally:
        src.close()
    return safety
