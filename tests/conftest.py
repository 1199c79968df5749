"""Shared fixtures: one fresh workspace per test, never shared state."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# GUI tests run on Qt's offscreen platform; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The application's log goes to a folder of the run, not the clerk's profile.
os.environ.setdefault("PLANDESK_LOG_DIR", tempfile.mkdtemp(prefix="plandesk-log-"))
# The demo is built once per run into a cache of the run (ui.demo).
os.environ.setdefault("PLANDESK_CACHE_DIR", tempfile.mkdtemp(prefix="plandesk-cache-"))

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "resources" / "samples"

from models.workspace import Workspace  # noqa: E402


@pytest.fixture
def ws():
    """A fresh in-memory workspace."""
    w = Workspace.memory()
    yield w
    w.close()


@pytest.fixture
def ws_file(tmp_path):
    """A fresh workspace file, open for writing."""
    w = Workspace.create(tmp_path / "ws.plandesk")
    yield w
    w.close()


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture(params=["calamine", "lxml"])
def return_reader(request, monkeypatch):
    """The import reads returns with each reader in turn (python-calamine's where installed,
    the lxml one everywhere): the return tests use it, so both are held to them."""
    from reports.xlsx import calamine_book, exchange_import
    from reports.xlsx.return_reader import ReturnBook
    if request.param == "calamine":
        assert calamine_book.CalamineWorkbook is not None, "python-calamine is a test dependency"
        monkeypatch.setattr(exchange_import, "BOOK", calamine_book.CalamineBook)
    else:
        monkeypatch.setattr(exchange_import, "BOOK", ReturnBook)
    return request.param
