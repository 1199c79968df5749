"""Work on the workspace through the one mechanism: 汇总 runs on the database thread while the
window keeps painting, Cancel stops it, failures come back on the GUI thread in Chinese,
and the store's changes reach the views on the GUI thread."""
from __future__ import annotations

import os
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from models import applog  # noqa: E402
from models.messages import PlanDeskError  # noqa: E402
from ui import features  # noqa: E402
from ui.worker import run_op  # noqa: E402

needs_xlsx = pytest.mark.skipif(not features.available("consolidate"),
                                reason="reports.xlsx not installed")


def returns_of_a_round(ws, plan, folder):
    """The round's workbooks as the departments send them back (unchanged)."""
    from reports.xlsx import export_for_departments
    results = export_for_departments(ws, plan, "2025年第一季度", folder)
    return [r["path"] for r in results]


@pytest.fixture
def gated_consolidate(monkeypatch):
    """The real 汇总, stopping after its first file until the test lets it go on."""
    real = features.get("consolidate")
    started, go = threading.Event(), threading.Event()

    def consolidate(ws, plan, round_name, paths, out, progress=None):
        def step(i, name):
            if i == 1:
                started.set()
                go.wait(10)
            progress(i, name)
        return real(ws, plan, round_name, paths, out, progress=step)
    monkeypatch.setitem(features._cache, "consolidate", consolidate)
    return started, go


@needs_xlsx
def test_cancel_stops_a_running_consolidation_and_the_window_keeps_painting(
        qtbot, window, workspace_file, tmp_path, monkeypatch, modal, gated_consolidate):
    started, go = gated_consolidate
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    folder = tmp_path / "报回"
    folder.mkdir()
    returns = sorted(str(p) for p in returns_of_a_round(ws, plan, folder))
    assert len(returns) >= 3
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (returns, ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    modal.choice = 0
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    job = window.exchange_jobs.consolidate(plan)
    qtbot.waitUntil(started.is_set, timeout=10000)
    # 汇总 is on the database thread: the event loop runs and the window paints.
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=5000)
    assert not window.grab().isNull()
    assert window.session.busy
    job.cancel()
    go.set()
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    timer.stop()
    assert job.outcome == "cancelled"
    assert not out.exists()                     # stopped before the roll-up was written
    imported = [e for e in ws.exchanges(plan) if e["direction"] == "in"]
    assert imported == []                       # all or nothing: the first file is undone too
    assert not window.session.busy and not window.exchange_jobs.jobs
    assert not modal.texts("failure")


@needs_xlsx
def test_a_consolidation_runs_to_the_end_off_the_window(qtbot, window, workspace_file,
                                                       tmp_path, monkeypatch, modal):
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    folder = tmp_path / "报回"
    folder.mkdir()
    returns = sorted(str(p) for p in returns_of_a_round(ws, plan, folder))
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (returns, ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    job = window.exchange_jobs.consolidate(plan)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=20000)
    assert job.outcome == "succeeded" and out.exists()
    assert len([e for e in ws.exchanges(plan) if e["direction"] == "in"]) == len(returns)
    assert any("汇总.xlsx" in text for text in modal.texts("info"))
    # The window says what the CLI and the 汇总 sheet say.
    assert any(f"报送情况：已报送 {len(returns)} 个" in text for text in modal.texts("info_details"))


def test_an_unexpected_failure_comes_back_in_chinese_with_the_log(qtbot, session,
                                                                  tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_LOG_DIR", str(tmp_path / "log"))
    applog.shutdown()
    failures = []

    def broken(ctx, ws):
        with ws.operation("导入"):
            ws.add_plan("失败之前")
            raise KeyError("no such column")

    job = run_op(session, broken, progress=False,
                 on_failure=lambda f: failures.append((f, threading.get_ident())))
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    applog.shutdown()
    failure, thread = failures[0]
    assert thread == threading.get_ident()              # delivered on the GUI thread
    assert failure.message.startswith("程序出现意外错误")
    log = tmp_path / "log" / applog.LOG_NAME
    assert str(log) in failure.message
    assert "KeyError" in log.read_text(encoding="utf-8")
    assert [p.title for p in session.ws.plans()] == []  # the operation was rolled back


def test_a_planDesk_error_is_its_own_line(qtbot, session):
    failures = []

    def refused(ctx, ws):
        raise PlanDeskError("common.file_not_found", file="报回.xlsx")

    job = run_op(session, refused, progress=False, on_failure=failures.append)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert failures[0].message == "报回.xlsx：找不到该文件，请确认路径是否正确。"


def test_changes_of_an_op_reach_the_views_on_the_gui_thread(qtbot, session):
    seen, notices = [], []
    session.changed.connect(lambda change: seen.append(threading.get_ident()))
    session.notice.connect(notices.append)
    release = threading.Event()

    def add(ctx, ws):
        plan = ws.add_plan("在数据库线程上添加")
        release.wait(5)
        return plan.uuid

    job = run_op(session, add, progress=False)
    assert session.edit(session.ws.add_plan, "同时修改") is None   # refused while busy
    assert notices and "正在处理" in notices[0]
    release.set()
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert job.outcome == "succeeded"
    assert seen == [threading.get_ident()]
    assert [p.title for p in session.ws.plans()] == ["在数据库线程上添加"]


def test_a_field_being_typed_in_is_saved_before_an_op(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    ws = window.session.ws
    view = window.breakdown
    node = next(n for n in view.model.iter_nodes() if n.title == "实施专利导航项目")
    view.select_uuid(node.uuid)
    detail = view.detail
    detail.title.setFocus()
    qtbot.waitUntil(detail.title.hasFocus, timeout=2000)
    detail.title.setText("实施专利导航工程")
    job = run_op(window.session, lambda ctx, ws: ws.plans(), parent=window, progress=False)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert ws.task(node.uuid).title == "实施专利导航工程"


def test_an_imported_plan_is_stored_on_the_database_thread(qtbot, window, workspace_file, modal,
                                                           monkeypatch):
    window.files.open(workspace_file)
    ws = window.session.ws
    before = len(ws.plans())
    real, threads = ws.insert_plan_tree, []

    def insert(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(ws, "insert_plan_tree", insert)
    seed = Path(__file__).resolve().parents[2] / "resources" / "samples" / "shandong_2021_ip_work_points.txt"
    window.jobs.import_files([seed])
    qtbot.waitUntil(lambda: len(ws.plans()) == before + 1 and not window.jobs.jobs, timeout=20000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.current_plan == ws.plans()[-1].uuid
