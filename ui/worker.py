"""The one way the GUI runs long work (import, render, export, consolidation) off its thread.

    job = run_job(parse_files, paths, parent=window, title=tr("Importing"),
                  on_success=store_plans)

The task function runs on a ``QThreadPool`` thread and receives a ``JobContext`` first:
``ctx.progress(done, total, note)`` reports through a queued signal, and it (or
``ctx.check()``) raises ``Cancelled`` once the clerk pressed Cancel, so a task that polls
really stops. Success, failure and cancellation are delivered on the GUI thread. A task
does FILE work only: SQLite connections belong to the GUI thread, which stores the result.

A progress dialog appears only when the job is still running after ``PROGRESS_DELAY_MS``.
"""
from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 400

# Attributes libraries put on their exceptions to say where the problem is.
_WHERE = ("source", "path", "filename", "file", "where", "sheet", "cell", "line", "row",
          "column")


class Cancelled(Exception):
    """The task noticed the cancel flag and stopped."""


@dataclass
class JobFailure:
    """An exception raised by a task, described for the clerk and for a bug report."""
    error: BaseException
    traceback: str = ""
    where: dict = field(default_factory=dict)

    @classmethod
    def of(cls, error: BaseException) -> JobFailure:
        where = {}
        for name in _WHERE:
            value = getattr(error, name, None)
            if (isinstance(value, (str, int, float)) and value != "") or hasattr(value, "__fspath__"):
                where[name] = str(value)
        tb = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        return cls(error, tb, where)

    @property
    def message(self) -> str:
        return " ".join((str(self.error) or type(self.error).__name__).split())

    @property
    def details(self) -> str:
        lines = [f"{k}: {v}" for k, v in self.where.items()]
        messages = getattr(self.error, "messages", None)   # e.g. every problem of a notice
        if isinstance(messages, (list, tuple)) and len(messages) > 1:
            lines += [f"- {m}" for m in messages]
        return "\n".join(lines + ["", self.traceback]).strip()


class JobContext:
    """Handed to the task function: progress reporting and the cancel flag (thread-safe)."""

    def __init__(self, report: Callable[[int, int, str], None]):
        self._flag = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._flag.is_set()

    def cancel(self) -> None:
        self._flag.set()

    def check(self) -> None:
        if self._flag.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int = 0, note: str = "") -> None:
        self.check()
        self._report(int(done), int(total), str(note))


class _Runnable(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.setAutoDelete(False)   # the Job keeps it until it has finished
        self.job = job

    def run(self) -> None:
        job = self.job
        try:
            result = job.fn(job.context, *job.args, **job.kwargs)
        except Cancelled:
            job._sig_cancelled.emit()
        except BaseException as e:   # delivered to the GUI thread, never lost
            if job.context.cancelled:
                job._sig_cancelled.emit()
            else:
                job._sig_failed.emit(JobFailure.of(e))
        else:
            if job.context.cancelled:
                job._sig_cancelled.emit()   # a task that cannot poll: its result is dropped
            else:
                job._sig_succeeded.emit(result)


class Job(QObject):
    """One task on the thread pool; its public signals fire on the GUI thread."""
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)          # JobFailure
    cancelled = Signal()
    finished = Signal()

    # Emitted from the worker thread; queued to this object's (the GUI) thread.
    _sig_progress = Signal(int, int, str)
    _sig_succeeded = Signal(object)
    _sig_failed = Signal(object)
    _sig_cancelled = Signal()

    _alive: set = set()   # running jobs stay referenced until they finish

    def __init__(self, fn: Callable, *args, title: str = "", parent: QObject | None = None,
                 **kwargs):
        super().__init__(parent)
        self.fn, self.args, self.kwargs, self.title = fn, args, kwargs, title
        self.context = JobContext(self._sig_progress.emit)
        self.running = False
        self.outcome: str | None = None     # "succeeded" / "failed" / "cancelled"
        self._done_event = threading.Event()
        self._runnable = _Runnable(self)
        queued = Qt.QueuedConnection
        self._sig_progress.connect(self._on_progress, queued)
        self._sig_succeeded.connect(self._on_succeeded, queued)
        self._sig_failed.connect(self._on_failed, queued)
        self._sig_cancelled.connect(self._on_cancelled, queued)

    def start(self, pool: QThreadPool | None = None) -> Job:
        self.running = True
        Job._alive.add(self)
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        self.context.cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, note: str) -> None:
        if self.running:
            self.progressed.emit(done, total, note)

    @Slot(object)
    def _on_succeeded(self, result) -> None:
        self._finish("succeeded", self.succeeded, result)

    @Slot(object)
    def _on_failed(self, failure) -> None:
        self._finish("failed", self.failed, failure)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish("cancelled", self.cancelled)

    def _finish(self, outcome: str, signal, *args) -> None:
        self.running = False
        self.outcome = outcome
        self._done_event.set()
        try:
            signal.emit(*args)
        finally:
            self.finished.emit()
            Job._alive.discard(self)
            if self.parent() is not None:
                self.deleteLater()    # owned by a window: don't pile up one per job


class ProgressDialogs(QObject):
    """Shows a progress dialog for a job, but only once it has run for a while."""

    def __init__(self, job: Job, parent: QWidget | None, delay_ms: int = PROGRESS_DELAY_MS):
        super().__init__(job)
        self.job = job
        self.parent_widget = parent
        self.dialog: QProgressDialog | None = None
        self._last = (0, 0, "")
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._close)
        QTimer.singleShot(delay_ms, self._show)

    def _show(self) -> None:
        if not self.job.running or self.dialog is not None:
            return
        d = QProgressDialog(self.parent_widget)
        d.setWindowTitle(self.job.title)
        d.setLabelText(self.job.title)
        d.setCancelButtonText(self.tr("Cancel"))
        d.setWindowModality(Qt.WindowModal)
        d.setAutoClose(False)
        d.setAutoReset(False)
        d.setMinimumDuration(0)
        d.setMinimumWidth(360)
        d.canceled.connect(self._cancel)
        self.dialog = d
        self._apply(*self._last)
        d.show()

    def _cancel(self) -> None:
        self.job.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, note: str) -> None:
        self._last = (done, total, note)
        if self.dialog is not None:
            self._apply(done, total, note)

    def _apply(self, done: int, total: int, note: str) -> None:
        d = self.dialog
        d.setMaximum(max(total, 0))      # 0: a busy indicator
        if total:
            d.setValue(min(done, total))
        if note:
            d.setLabelText(f"{self.job.title}\n{note}")

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def run_job(fn: Callable, *args, parent: QWidget | None = None, title: str = "",
            on_success: Callable | None = None, on_failure: Callable | None = None,
            on_cancel: Callable | None = None, progress: bool = True,
            pool: QThreadPool | None = None, **kwargs) -> Job:
    """Run ``fn(ctx, *args, **kwargs)`` on the thread pool; callbacks run on the GUI thread.

    Without ``on_failure`` the failure is shown in an error dialog with its details.
    """
    job = Job(fn, *args, title=title, parent=parent, **kwargs)
    if on_success:
        job.succeeded.connect(on_success)
    if on_failure:
        job.failed.connect(on_failure)
    else:
        from . import dialogs
        job.failed.connect(lambda failure: dialogs.show_failure(parent, title, failure))
    if on_cancel:
        job.cancelled.connect(on_cancel)
    if progress:
        ProgressDialogs(job, parent)
    return job.start(pool)
