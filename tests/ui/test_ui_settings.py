"""Typed settings: defaults, round trips, recent files, the version and its migration hook."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QSettings  # noqa: E402

from ui.settings import MAX_RECENT, SETTINGS_VERSION, Settings  # noqa: E402


def test_defaults_and_round_trip(tmp_path):
    s = Settings.at(tmp_path / "s.ini")
    assert s.language == "" and s.recent_workspaces == [] and s.window_geometry.isEmpty()
    s.language = "en"
    s.window_geometry = QByteArray(b"\x01\x02")
    s.sync()
    again = Settings.at(tmp_path / "s.ini")
    assert again.language == "en"
    assert bytes(again.window_geometry) == b"\x01\x02"
    assert again.version == SETTINGS_VERSION


def test_recent_workspaces(tmp_path):
    s = Settings.at(tmp_path / "s.ini")
    for i in range(MAX_RECENT + 2):
        s.add_recent(tmp_path / f"w{i}.plandesk")
    s.add_recent(tmp_path / "w3.plandesk")
    recent = Settings.at(tmp_path / "s.ini").recent_workspaces
    assert len(recent) == MAX_RECENT and recent[0].endswith("w3.plandesk")
    assert s.last_workspace.endswith("w3.plandesk")
    s.remove_recent(tmp_path / "w3.plandesk")
    assert s.last_workspace == "" and all(not p.endswith("w3.plandesk") for p in s.recent_workspaces)
    one = Settings.at(tmp_path / "one.ini")
    one.add_recent(tmp_path / "only.plandesk")
    assert Settings.at(tmp_path / "one.ini").recent_workspaces == [str(tmp_path / "only.plandesk")]


def test_versions(tmp_path):
    raw = QSettings(str(tmp_path / "old.ini"), QSettings.IniFormat)
    raw.setValue("ui/language", "zh_CN")
    raw.sync()
    s = Settings.at(tmp_path / "old.ini")          # version 0 -> migrated
    assert s.version == SETTINGS_VERSION and s.language == "zh_CN"
    raw = QSettings(str(tmp_path / "new.ini"), QSettings.IniFormat)
    raw.setValue("settings_version", SETTINGS_VERSION + 5)
    raw.sync()
    assert Settings.at(tmp_path / "new.ini").version == SETTINGS_VERSION + 5   # left alone
