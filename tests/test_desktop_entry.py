"""The Linux desktop entry and the .plandesk file type."""
from __future__ import annotations

import configparser
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import install_desktop  # noqa: E402


def test_install_writes_an_entry_that_opens_the_file(tmp_path):
    entry, types = install_desktop.install(tmp_path, python="/opt/py/bin/python")
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(entry, encoding="utf-8")
    d = desktop["Desktop Entry"]
    assert d["Exec"] == f"/opt/py/bin/python {install_desktop.ROOT / 'main.py'} %f"
    assert d["MimeType"] == "application/x-plandesk;" and d["Name[zh_CN]"] == "规划台账"
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(types).getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-plandesk"
    assert mime.find("m:glob", ns).get("pattern") == "*.plandesk"
    install_desktop.remove(tmp_path)
    assert not entry.exists() and not types.exists()
