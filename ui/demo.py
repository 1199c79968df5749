"""The demo workspace for ``--demo`` and the "open the demo" button.

``reports.demo.build_demo`` makes it: real sample plans imported as a clerk would, two
reporting rounds collected through the exchange workbooks. That takes seconds, so it is
built once per PlanDesk version and kept in the user's cache folder (``%LOCALAPPDATA%``
on Windows, ``$XDG_CACHE_HOME`` elsewhere; ``PLANDESK_CACHE_DIR`` overrides it); each demo
the clerk opens is a fresh copy of it, with its workbooks, in a temporary folder. The
cache is keyed by what the demo is made of (the program's version, the schema, the sample
files and, in a source checkout, the code that builds it: names, sizes and times), so a
change rebuilds it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import zlib
from pathlib import Path

from models.applog import per_user_dir

from . import features

DEMO_NAME = "演示工作区.plandesk"
ROOT = Path(__file__).resolve().parent.parent
# What the demo's content depends on, besides the version and the schema.
SOURCES = ("models", "reports")
SAMPLES = ROOT / "resources" / "samples"


def cache_dir() -> Path:
    return per_user_dir("PLANDESK_CACHE_DIR", ("LOCALAPPDATA", "AppData/Local"),
                        ("XDG_CACHE_HOME", ".cache"), "PlanDesk", "cache")


def _files(folder: Path, suffix: str) -> list[str]:
    """The files under ``folder`` ending in ``suffix``, as paths relative to ROOT."""
    start = len(str(ROOT)) + 1
    out = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        out += [f"{top}/{n}"[start:] for n in names if n.endswith(suffix)]
    return sorted(out)


def demo_key() -> str:
    """A digest of everything the demo is built from (two CRCs: a cache key needs no
    cryptographic hash, and hashlib would load OpenSSL for the first paint)."""
    from models.schema import KNOWN_MIGRATIONS
    lines = [f"{KNOWN_MIGRATIONS}"]
    files = [f for folder in SOURCES for f in _files(ROOT / folder, ".py")]
    files += _files(SAMPLES, "") if SAMPLES.is_dir() else []
    if (ROOT / "pyproject.toml").is_file():      # a source checkout: the version is in it
        files.append("pyproject.toml")
    else:                                        # an installed build: its metadata
        from reports.capabilities import version
        lines.append(version())
    for name in files:       # a file edited since: its size or time differs
        st = os.stat(f"{ROOT}/{name}")
        lines.append(f"{name} {st.st_size} {st.st_mtime_ns}")
    data = "\n".join(lines).encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def cached_demo() -> Path:
    """The folder holding the built demo (the workspace and its exchange workbooks),
    building it first when this version has none. Two PlanDesks building at once: the
    first to finish wins, the other's copy is dropped."""
    folder = cache_dir() / f"demo-{demo_key()}"
    if (folder / DEMO_NAME).is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix="demo-building-", dir=folder.parent))
    try:
        features.get("demo")(building / DEMO_NAME)
        try:
            os.replace(building, folder)
        except OSError:
            if not (folder / DEMO_NAME).is_file():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for old in folder.parent.glob("demo-*"):     # earlier versions' demos
        if old != folder and not old.name.startswith("demo-building-"):
            shutil.rmtree(old, ignore_errors=True)
    return folder


def make_demo_workspace(folder: Path | None = None) -> Path:
    """A fresh demo workspace (a copy of the cached one); returns its path."""
    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="plandesk-demo-"))
    # Not the builder's lock file, nor the backups its 汇总 took.
    shutil.copytree(cached_demo(), folder, dirs_exist_ok=True, copy_function=shutil.copyfile,
                    ignore=shutil.ignore_patterns("*.lock", "*.backups"))
    return folder / DEMO_NAME
