"""One writer per workspace, across processes and machines sharing a folder.

An OS lock on a sidecar file ``WS.lock`` is held for as long as the workspace is open for
writing; the OS drops it when the process dies, so a crash never leaves a stale lock.
The file's text says who holds it, for the message the second process shows.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from .errors import StorageError, WorkspaceLocked
from .messages import Message, msg
from .storage_errors import message_for

# How long a second process waits for the holder to finish describing itself.
HOLDER_WAIT = 0.5

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


def _read_holder(path: Path) -> dict | None:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(info, dict) and all(info.get(k) for k in ("user", "host", "pid")):
        return info
    return None


def holder(path: Path, wait: float = HOLDER_WAIT) -> Message:
    """Who holds the lock; read again for a moment while the holder is still writing it."""
    deadline = time.monotonic() + wait
    while True:
        info = _read_holder(path)
        if info is not None:
            return msg("store.holder", user=info["user"], host=info["host"], pid=info["pid"],
                       since=info.get("since", ""))
        if time.monotonic() >= deadline:
            return msg("store.holder_unknown")
        time.sleep(0.02)


class WriterLock:
    """Exclusive writer lock for one workspace path."""

    def __init__(self, workspace: Path):
        self.path = lock_path(workspace)
        self.workspace = workspace
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            # A read-only folder or medium: say so about the workspace, not the sidecar.
            raise StorageError(message_for(OSError(e.errno, e.strerror, str(self.workspace)),
                                           self.workspace)) from e
        if not _try_lock(fd):
            os.close(fd)
            raise WorkspaceLocked("store.locked", file=str(self.workspace), holder=holder(self.path))
        info = {"user": _user(), "host": _host() or "?", "pid": os.getpid(),
                "since": time.strftime("%Y-%m-%d %H:%M")}
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        try:
            # Overwrite, then cut: a reader never finds the file empty, and one that finds
            # it half-written reads again (see ``holder``).
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except OSError:
            pass        # the lock holds without its description (a full disk)
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


def _host() -> str:
    # os.uname() is what socket.gethostname() asks on POSIX, without loading socket at open.
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket
    return socket.gethostname()


def _user() -> str:
    # getpass.getuser()'s own order: the environment, then the password database (asked
    # directly: getpass loads termios for its prompts, ~1.5 ms of the start-up).
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        import pwd
        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):  # Windows without USERNAME; a uid with no entry
        return str(os.getuid()) if hasattr(os, "getuid") else "user"
