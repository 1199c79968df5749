"""One writer per workspace, across processes and machines sharing a folder.

An OS lock on a sidecar file ``WS.lock`` is held for as long as the workspace is open for
writing; the OS drops it when the process dies, so a crash never leaves a stale lock.
The file's text says who holds it, for the message the second process shows.
"""
from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from pathlib import Path

from .errors import WorkspaceLocked

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


def _holder_text(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return "另一个 PlanDesk 进程"
    since = info.get("since", "")
    return (f"{info.get('user', '?')}@{info.get('host', '?')}（进程 {info.get('pid', '?')}，"
            f"自 {since} 起）")


class WriterLock:
    """Exclusive writer lock for one workspace path."""

    def __init__(self, workspace: Path):
        self.path = lock_path(workspace)
        self.workspace = workspace
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise WorkspaceLocked(
                f"{self.workspace}: 工作区正由 {_holder_text(self.path)} 编辑；"
                "可以只读方式打开，或等对方关闭后再试")
        info = {"user": _user(), "host": socket.gethostname(), "pid": os.getpid(),
                "since": time.strftime("%Y-%m-%d %H:%M")}
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        # Keep byte 0 locked on Windows: write the text after it.
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        # The file stays: unlinking it could let two processes lock two different inodes.

    @property
    def held(self) -> bool:
        return self._fd is not None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return "?"
