"""Small disks and read-only media for the reliability tests.

A real tmpfs of a few hundred KB is mounted where the test may mount one (root on Linux);
elsewhere the same failures are injected where the program meets them: SQLite is not
allowed to grow the file (``PRAGMA max_page_count``, which fails exactly as a full disk
does), an output file written there larger than the room left fails at its fsync with
ENOSPC (as a full disk reports delayed writes), and opening for writing meets EROFS.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import struct
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

import models.lock as lock_module
import models.store as store_module


def _mount(*args: str) -> bool:
    # PLANDESK_TEST_NO_MOUNT=1 runs the injected failures even where a disk could be mounted.
    if os.environ.get("PLANDESK_TEST_NO_MOUNT") or not shutil.which("mount"):
        return False
    try:
        return subprocess.run(["mount", *args], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


class Disk:
    """A folder on a small disk: ``fill(free)`` leaves ``free`` bytes, ``readonly()`` locks it."""

    def __init__(self, folder: Path, mounted: bool):
        self.folder = folder
        self.mounted = mounted
        self._mp = pytest.MonkeyPatch()
        self._filler = folder / "filler.bin"

    def fill(self, free: int) -> None:
        if not self.mounted:
            self._inject_full(free)
            return
        with open(self._filler, "wb", buffering=0) as f:   # unbuffered: nothing left to flush at close
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError as e:
                assert e.errno == errno.ENOSPC
            size = f.tell()
        os.truncate(self._filler, max(0, size - free))

    def free_all(self) -> None:
        self._filler.unlink(missing_ok=True)
        self._mp.undo()

    def readonly(self) -> None:
        if self.mounted and _mount("-o", "remount,ro", str(self.folder)):
            return
        self._inject_readonly()

    def writable(self) -> None:
        if self.mounted:
            _mount("-o", "remount,rw", str(self.folder))
        self._mp.undo()

    # ---- injection where no disk can be mounted ------------------------------------------
    def _inject_full(self, free: int) -> None:
        real = store_module._connect

        def connect(target, uri=False):
            conn = real(target, uri)
            pages, size = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "page_size"))
            conn.execute(f"PRAGMA max_page_count={max(pages, 1) + free // size}")
            return conn
        self._mp.setattr(store_module, "_connect", connect)
        real_fsync, folder = os.fsync, str(self.folder)

        def fsync(fd):
            try:
                where = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                where = ""
            if where.startswith(folder) and os.fstat(fd).st_size > free:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_fsync(fd)
        self._mp.setattr(os, "fsync", fsync)

    def _inject_readonly(self) -> None:
        real = os.open

        def refuse(path, flags, *args, **kw):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and str(path).startswith(str(self.folder)):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
            return real(path, flags, *args, **kw)
        self._mp.setattr(lock_module.os, "open", refuse)
        real_connect = store_module._connect
        folder_uri = self.folder.as_uri()

        def connect(target, uri=False):
            # Reading a WAL file needs its -shm beside it, which a read-only folder refuses.
            if uri and target.startswith(folder_uri) and "immutable" not in target:
                raise sqlite3.OperationalError("unable to open database file")
            return real_connect(target, uri)
        self._mp.setattr(store_module, "_connect", connect)


@contextmanager
def small_disk(tmp_path: Path, size_kb: int = 1024):
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    disk = Disk(folder, mounted)
    try:
        yield disk
    finally:
        disk._mp.undo()
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=10)


def wal_frames(wal: Path):
    """(page number, commit size, data) of each valid frame of a WAL file, in order."""
    data = wal.read_bytes()
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    frames = []
    at = 32
    while at + 24 + page_size <= len(data):
        page, commit = struct.unpack(">II", data[at:at + 8])
        if data[at + 8:at + 16] != salts:
            break
        frames.append((page, commit, data[at + 24:at + 24 + page_size]))
        at += 24 + page_size
    return frames


def fail_checkpoint_after_page_one(path: Path) -> None:
    """What a checkpoint on a full disk leaves: page 1 written back, the file not grown."""
    frames = wal_frames(Path(f"{path}-wal"))
    last_commit = max(i for i, f in enumerate(frames) if f[1])
    page_one = [f[2] for f in frames[:last_commit + 1] if f[0] == 1][-1]
    with open(path, "r+b") as f:
        f.write(page_one)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
