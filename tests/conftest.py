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
