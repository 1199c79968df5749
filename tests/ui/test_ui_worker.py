"""The one worker mechanism: results on the GUI thread, failures with details, real cancel,
a progress dialog only for work that takes a while."""
from __future__ import annotations

import os
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from models.messages import PlanDeskError  # noqa: E402
from ui import dialogs  # noqa: E402
from ui.worker import Cancelled, Job, ProgressDialogs, run_job  # noqa: E402


def wait_done(qtbot, job, timeout=5000):
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=timeout)


def test_result_arrives_on_the_gui_thread(qtbot):
    seen = {}

    def task(ctx, a, b):
        seen["worker"] = threading.get_ident()
        ctx.progress(1, 2, "half")
        return a + b

    results = []
    job = run_job(task, 2, 3, on_success=lambda r: results.append((r, threading.get_ident())),
                  progress=False)
    wait_done(qtbot, job)
    assert job.outcome == "succeeded"
    assert results == [(5, threading.get_ident())]
    assert seen["worker"] != threading.get_ident()


class WhereError(PlanDeskError):
    def __init__(self):
        super().__init__("第 12 行：无法识别的编号")
        self.source = "plan.txt"
        self.line = 12


def test_failure_carries_the_library_details(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_failure", lambda parent, title, f: shown.append(f))

    def task(ctx):
        raise WhereError()

    job = run_job(task, title="导入", progress=False)
    wait_done(qtbot, job)
    assert job.outcome == "failed"
    failure = shown[0]
    assert failure.message == "第 12 行：无法识别的编号"
    assert failure.where == {"source": "plan.txt", "line": "12"}
    assert "WhereError" in failure.details
    box = dialogs.failure_box(None, "导入", failure)
    assert "12" in box.informativeText() and "plan.txt" in box.informativeText()


def test_cancel_really_stops_the_task(qtbot):
    ticks = []
    stopped = threading.Event()

    def task(ctx):
        try:
            for i in range(10_000):
                ctx.progress(i, 10_000)
                ticks.append(i)
                time.sleep(0.005)
        finally:
            stopped.set()
        return "finished anyway"

    got = []
    job = run_job(task, on_success=got.append, progress=False)
    qtbot.waitUntil(lambda: len(ticks) > 5, timeout=3000)
    job.cancel()
    assert stopped.wait(2), "the task kept running after cancel"
    n = len(ticks)
    time.sleep(0.1)
    assert len(ticks) == n and n < 10_000
    wait_done(qtbot, job)
    assert job.outcome == "cancelled" and got == []


def test_the_progress_dialog_waits_before_it_appears(qtbot):
    release = threading.Event()

    def slow(ctx):
        while not release.is_set():
            ctx.check()
            time.sleep(0.01)
        return 1

    quick = Job(lambda ctx: 1)
    quick_dialogs = ProgressDialogs(quick, None)
    quick.start()
    wait_done(qtbot, quick)
    qtbot.wait(450)
    assert quick_dialogs.dialog is None

    job = Job(slow, title="渲染")
    pd = ProgressDialogs(job, None, delay_ms=150)
    job.start()
    qtbot.wait(50)
    assert pd.dialog is None                       # not yet
    qtbot.waitUntil(lambda: pd.dialog is not None and pd.dialog.isVisible(), timeout=2000)
    button = pd.dialog.findChild(QPushButton)
    qtbot.mouseClick(button, Qt.LeftButton)        # the clerk presses Cancel
    wait_done(qtbot, job)
    assert job.outcome == "cancelled"
    assert pd.dialog is None
    release.set()
    QThreadPool.globalInstance().waitForDone(2000)


def test_a_task_that_cannot_poll_has_its_result_dropped(qtbot):
    gate = threading.Event()

    def task(ctx):
        gate.wait(2)
        return "late"

    got = []
    job = run_job(task, on_success=got.append, progress=False)
    job.cancel()
    gate.set()
    wait_done(qtbot, job)
    assert job.outcome == "cancelled" and got == []
    assert issubclass(Cancelled, Exception)
