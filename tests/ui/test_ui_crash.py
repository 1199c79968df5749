"""A crash in the field leaves a traceback in the log and tells the clerk one line."""
from __future__ import annotations

import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from models import applog  # noqa: E402
from ui import crash  # noqa: E402


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_LOG_DIR", str(tmp_path / "日志"))
    applog.shutdown()
    reporter = crash.install()
    yield tmp_path / "日志", reporter
    crash.uninstall()
    applog.shutdown()


def test_an_uncaught_exception_is_logged_and_shown_as_one_line(qtbot, log_dir, modal, capsys):
    folder, reporter = log_dir
    try:
        {}["任务"]
    except KeyError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(reporter.shown), timeout=2000)
    line = reporter.shown[0]
    log = folder / applog.LOG_NAME
    assert line == f"程序出现意外错误，已记录到日志：{log}"
    assert modal.texts("error") == [line]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: '任务'" in text
    assert "Traceback" not in capsys.readouterr().err


def test_an_exception_on_another_thread_reaches_the_window(qtbot, log_dir, modal):
    folder, reporter = log_dir

    def worker():
        raise RuntimeError("汇总线程出错")

    t = threading.Thread(target=worker, name="汇总")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(reporter.shown), timeout=2000)
    assert reporter.shown[0].startswith("程序出现意外错误")
    text = (folder / applog.LOG_NAME).read_text(encoding="utf-8")
    assert "thread 汇总" in text and "RuntimeError: 汇总线程出错" in text


def test_the_log_lives_beside_the_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("PLANDESK_LOG_DIR")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert applog.log_dir() == tmp_path / "Roaming" / "PlanDesk"
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert applog.log_dir() == tmp_path / "config" / "PlanDesk"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert applog.log_dir() == tmp_path / "home" / ".config" / "PlanDesk"
