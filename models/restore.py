"""Restore a backup into a workspace — above all when the workspace is damaged.

The backup is checked like any workspace before a byte of the workspace changes, and it
must be a backup of this workspace (the same ``workspace_uuid``) unless the clerk insists.
A sound workspace is backed up first and then overwritten through the SQLite backup API,
so a restore can itself be undone by restoring. A workspace that cannot be opened (a
corrupt page, a truncated file, a zeroed header) is moved aside under a clear name, kept,
and the backup is copied into its place.
"""
from __future__ import annotations

import os
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .backup import copy_database, workspace_uuid_of
from .errors import NewerWorkspace, NotAWorkspace, StorageError, WorkspaceError, WorkspaceLocked
from .fileformat import check_header
from .lock import WriterLock
from .schema import SCHEMA_VERSION
from .storage_errors import storage_errors
from .store import Store

FORCE_OPTION = "--force"


@dataclass(frozen=True)
class Restored:
    """What a restore did: the safety backup of a sound workspace, or where the damaged one went."""
    safety: Path | None = None
    aside: Path | None = None


def restore_backup(workspace: Path, backup: Path, *, force: bool = False) -> Restored:
    """Replace the workspace's content with the backup's."""
    workspace, backup = Path(workspace).absolute(), Path(backup).absolute()
    if not backup.is_file():
        raise NotAWorkspace("store.backup_missing", file=str(backup))
    check_header(backup, SCHEMA_VERSION)
    with storage_errors(backup):
        src = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        Store._verify(src, backup)
        _check_identity(workspace, backup, force)
        try:
            ws = Store.open(workspace) if workspace.exists() else None
        except (NewerWorkspace, WorkspaceLocked, StorageError):
            raise
        except NotAWorkspace:
            ws = None
        if ws is None:
            return _replace_unreadable(workspace, src)
        with ws:                                   # holds the writer lock meanwhile
            safety = ws.bulk_backup("before-restore", spare=backup)
            with storage_errors(workspace):
                src.backup(ws.conn)
    finally:
        src.close()
    # Reopen once so an older backup is migrated and the triggers re-created.
    Store.open(workspace).close()
    return Restored(safety=safety)


def _check_identity(workspace: Path, backup: Path, force: bool) -> None:
    mine = workspace_uuid_of(workspace) if workspace.exists() else None
    theirs = workspace_uuid_of(backup)
    if mine and theirs and mine != theirs and not force:
        raise WorkspaceError("store.backup_foreign", file=str(backup), other=theirs[:8],
                             workspace=str(workspace), force=FORCE_OPTION)


def aside_name(workspace: Path) -> Path:
    """Where a damaged workspace is kept: ``ws.damaged-20261203-101500.plandesk``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = workspace.with_name(f"{workspace.stem}.damaged-{stamp}{workspace.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = workspace.with_name(f"{workspace.stem}.damaged-{stamp}-{n}{workspace.suffix}")
    return target


def _replace_unreadable(workspace: Path, src: sqlite3.Connection) -> Restored:
    lock = WriterLock(workspace)
    lock.acquire()
    tmp = workspace.with_name(f".{workspace.name}.{os.getpid()}.restoring")
    aside = None
    try:
        with storage_errors(workspace):
            # The copy is complete before anything is moved: a full disk changes nothing.
            copy_database(src, tmp)
            if workspace.exists():
                aside = aside_name(workspace)
                os.replace(workspace, aside)
                for side in ("-wal", "-shm"):       # the damaged file's own journal goes with it
                    if Path(f"{workspace}{side}").exists():
                        os.replace(f"{workspace}{side}", f"{aside}{side}")
            os.replace(tmp, workspace)
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        lock.release()
    Store.open(workspace).close()
    return Restored(aside=aside)


def remove_workspace_files(workspace: Path) -> None:
    """Remove a workspace that was just created and could not be set up (with its sidecars)."""
    for path in (workspace, *(Path(f"{workspace}{side}") for side in ("-wal", "-shm", ".lock"))):
        with suppress(OSError):
            path.unlink(missing_ok=True)
