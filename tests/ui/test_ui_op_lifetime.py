"""An op's hold on the workspace, in memory and in a file: closing the workspace while an op
writes waits for it instead of pulling the connection from under the database thread (that
crashed the process), a dialog closed and deleted mid-op gives the window back, and every
listener of the store — not only the session — hears of the op's changes on the GUI thread."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from models.workspace import Workspace  # noqa: E402
from ui.session import Session  # noqa: E402
from ui.worker import run_op  # noqa: E402


@pytest.fixture(params=["memory", "file"])
def any_session(request, qapp, tmp_path):
    """A session on an in-memory workspace and on a workspace file."""
    s = Session()
    s.set_workspace(Workspace.memory() if request.param == "memory"
                    else Workspace.create(tmp_path / "ws.plandesk"))
    yield s
    s.close()


def writing(started: threading.Event, tasks: int = 20000):
    """An op adding many tasks, one operation each, polling the cancel flag between them."""
    def op(ctx, ws):
        plan = ws.add_plan("很长的计划")
        for i in range(tasks):
            ws.add_task(plan.uuid, f"第{i}项任务")
            started.set()
            ctx.check()
        return plan.uuid
    return op


def test_closing_the_workspace_waits_for_the_op_that_writes_it(qtbot, any_session):
    started = threading.Event()
    ws = any_session.ws
    job = run_op(any_session, writing(started), progress=False)
    assert started.wait(10)
    any_session.close()                  # used to close the connection under the op
    assert ws.conn is None and any_session.ws is None
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    assert job.outcome == "cancelled"
    assert not any_session.busy


def test_opening_another_workspace_mid_op_keeps_the_first_file_sound(qtbot, any_session,
                                                                     tmp_path):
    started = threading.Event()
    first = any_session.ws
    job = run_op(any_session, writing(started), progress=False)
    assert started.wait(10)
    other = Workspace.create(tmp_path / "other.plandesk")
    any_session.set_workspace(other)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    assert job.outcome == "cancelled" and first.conn is None
    assert not any_session.busy                       # the new workspace takes edits
    assert any_session.edit(other.add_plan, "新工作区的计划") is not None
    if first.path is not None:
        with Workspace.open(first.path, readonly=True) as again:
            plan = again.plans()[0]
            assert 0 < len(again.tasks(plan.uuid)) < 20000   # the steps done so far, whole


def test_a_dialog_deleted_mid_op_gives_the_window_back(qtbot, any_session):
    go = threading.Event()
    called = []

    def op(ctx, ws):
        go.wait(10)
        with ws.operation("在对话框关闭后完成"):
            ws.add_plan("对话框关闭后")

    dialog = QDialog()
    job = run_op(any_session, op, parent=dialog, progress=True,
                 on_success=lambda result: called.append(result),
                 on_cancel=lambda: called.append("cancel"))
    assert any_session.busy
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not job.running or job.context.cancelled, timeout=5000)
    go.set()
    qtbot.waitUntil(lambda: not any_session.busy, timeout=10000)
    assert called == []                        # nobody is left to tell
    assert any_session.edit(any_session.ws.add_plan, "之后的编辑") is not None


def test_every_listener_of_the_store_hears_an_op_on_the_gui_thread(qtbot, any_session):
    heard = []
    any_session.ws.add_listener(lambda change: heard.append(threading.get_ident()))

    def op(ctx, ws):
        ws.add_plan("在数据库线程上")
        return threading.get_ident()

    results = []
    job = run_op(any_session, op, progress=False, on_success=results.append)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert results and results[0] != threading.get_ident()     # written off the GUI thread
    assert heard == [threading.get_ident()]                    # heard on it


def test_an_op_cancelled_before_it_starts_touches_nothing(qtbot, any_session):
    go = threading.Event()

    def first(ctx, ws):
        go.wait(10)

    def second(ctx, ws):
        ws.add_plan("不该写入")

    a = run_op(any_session, first, progress=False)
    b = run_op(any_session, second, progress=False)     # waits for the one thread
    b.cancel()
    go.set()
    qtbot.waitUntil(lambda: a.outcome is not None and b.outcome is not None, timeout=5000)
    assert b.outcome == "cancelled"
    assert any_session.ws.plans() == []
