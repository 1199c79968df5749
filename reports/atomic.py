"""Atomic output files: write beside the target, fsync, then rename over it.

A crash or a full disk leaves either the old file or the new one, never half of one.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from models.messages import PlanDeskError


class FolderMissing(PlanDeskError, FileNotFoundError):
    """The folder an output file should go into does not exist (one line for the clerk)."""


@contextmanager
def atomic_path(target, suffix: str | None = None):
    """Yield a temporary path next to ``target``; on success it replaces ``target``."""
    target = Path(target)
    if not target.parent.is_dir():
        raise FolderMissing("common.folder_missing", folder=str(target.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix or target.suffix,
                               dir=target.parent)
    os.close(fd)
    tmp = Path(tmp)
    # mkstemp makes the file private (0600); an output file gets the usual permissions.
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        # A full disk met by a writer library names no file, or the hidden temporary one:
        # the clerk is told about the file being written.
        if e.errno and (not e.filename or Path(e.filename) == tmp):
            raise OSError(e.errno, e.strerror or str(e), str(target)) from e
        raise
    finally:
        if tmp.exists():
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(target, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
