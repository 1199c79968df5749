"""PySide6 asks of every imported module whether it uses PySide6: the answer read from the
file's bytes is PySide6's own, and the source is not decoded into ``linecache`` for it."""
from __future__ import annotations

import importlib.util
import linecache
import sys

import PySide6.QtCore  # noqa: F401

from ui import feature_scan

feature = sys.modules["shibokensupport.feature"]


def _module(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_answer_is_pysides_own(tmp_path, monkeypatch):
    upstream = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", upstream)    # put back afterwards
    modules = [
        _module(tmp_path / "qt_view.py", "# 任务视图\nfrom PySide6.QtCore import Qt\nX = Qt\n"),
        _module(tmp_path / "plain_rows.py", "# 表格行\nROWS = ['牵头单位', 'PySide']\n"),
        _module(tmp_path / "old_form.py", "# -*- coding: gbk -*-\n# 窗口\nNAME = 'PySide6'\n",
                encoding="gbk"),
        sys,                                                       # a built-in: no file
    ]
    expected = [upstream(m) for m in modules]
    assert expected == [True, False, True, False]
    linecache.clearcache()
    feature_scan.install()
    assert feature._mod_uses_pyside is not upstream
    assert [feature._mod_uses_pyside(m) for m in modules] == expected
    assert not any(str(tmp_path) in name for name in linecache.cache)   # nothing decoded
    installed = feature._mod_uses_pyside
    feature_scan.install()                                     # a second install: the same one
    assert feature._mod_uses_pyside is installed
