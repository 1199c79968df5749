"""The one way the GUI runs long work (import, render, export, 汇总) off its thread.

Three entry points, on the pattern of Anki's ``QueryOp``/``CollectionOp``:

    run_job(parse_files, paths, parent=window, title=…, on_success=store_plans)
        FILE work on the thread pool: ``fn(ctx, *args)``; no workspace.
    run_query(session, find_late, plan, parent=window, title=…, on_success=…)
        READS: ``fn(ctx, ws, *args)`` with a read-only connection of its own, opened and
        closed in the job, so the clerk keeps working meanwhile.
    run_op(session, consolidate, plan, paths, parent=window, title=…, on_success=…)
        WRITES: ``fn(ctx, ws, *args)`` with the session's own workspace, on the one database
        thread. Until it ends the window takes no input (it still paints and the progress
        dialog's Cancel works), edits are refused, and the store's change notifications
        are held and delivered on the GUI thread before ``on_success``. ``fn`` gets plain
        values: what the clerk chose is read from the widgets before the op, never in it.

A workspace without a file (in memory) has no second connection: its queries run as ops.
``ctx.progress(done, total, note)`` reports through a queued signal, and it (or
``ctx.check()``) raises ``Cancelled`` once the clerk pressed Cancel, so a task that polls
really stops (an op's open operation is rolled back). Success, failure and cancellation
are delivered on the GUI thread; a failure carries one Chinese line (``models.applog``:
an unexpected exception is logged with its traceback and the line says where the log is).

A progress dialog appears only when the job is still running after ``PROGRESS_DELAY_MS``.

``parent`` is the widget the job works for, not the job's Qt owner: a job lives until its
task has ended, since the worker thread still signals through it. A parent closed and
deleted meanwhile cancels the job and hears nothing of it; the workspace and the window's
input are given back all the same.
"""
from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from shiboken6 import isValid

from models.applog import explain

PROGRESS_DELAY_MS = 400
# Rows an edit may write and still run on the GUI thread (about 0.1 s); bigger ones (a
# deleted plan, undoing an import) run as ops.
GUI_ROWS = 500

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
    _message: str | None = field(default=None, repr=False)

    @classmethod
    def of(cls, error: BaseException) -> JobFailure:
        where = {}
        for name in _WHERE:
            value = getattr(error, name, None)
            if (isinstance(value, (str, int, float)) and value != "") or hasattr(value, "__fspath__"):
                where[name] = str(value)
        tb = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        failure = cls(error, tb, where)
        failure.message     # noqa: B018 - explained (and logged) here, on the worker
        return failure

    @property
    def message(self) -> str:
        """One line for the clerk, in the catalog's language (an unexpected error: logged)."""
        if self._message is None:
            self._message = " ".join(str(explain(self.error)).split())
        return self._message

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
        if job.context.cancelled:           # cancelled while it waited for the thread
            job._sig_cancelled.emit()
            return
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
        super().__init__()
        self.fn, self.args, self.kwargs, self.title = fn, args, kwargs, title
        self.owner = parent
        self._orphaned = False          # the owner went: its callbacks are not called
        self.context = JobContext(self._sig_progress.emit)
        self.running = False
        self.outcome: str | None = None     # "succeeded" / "failed" / "cancelled"
        self._done_event = threading.Event()
        self._on_end: list[Callable[[], None]] = []   # before the outcome's signal
        self._runnable = _Runnable(self)
        queued = Qt.QueuedConnection
        self._sig_progress.connect(self._on_progress, queued)
        self._sig_succeeded.connect(self._on_succeeded, queued)
        self._sig_failed.connect(self._on_failed, queued)
        self._sig_cancelled.connect(self._on_cancelled, queued)
        if parent is not None:
            parent.destroyed.connect(self._owner_gone)

    def start(self, pool: QThreadPool | None = None) -> Job:
        self.running = True
        Job._alive.add(self)
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        self.context.cancel()

    @Slot()
    def _owner_gone(self) -> None:
        self._orphaned = True
        self.cancel()

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
        for fn in self._on_end:
            fn()
        try:
            if not self._orphaned:
                signal.emit(*args)
        finally:
            self.finished.emit()
            Job._alive.discard(self)
            if self.owner is not None:
                self.deleteLater()    # working for a window: don't pile up one per job


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

    def _alive(self) -> bool:
        """The dialog still exists (closing its parent deletes it with the parent)."""
        return self.dialog is not None and isValid(self.dialog)

    def _show(self) -> None:
        if not self.job.running or self.dialog is not None:
            return
        if self.parent_widget is not None and not isValid(self.parent_widget):
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
        if self._alive():
            self._apply(done, total, note)

    def _apply(self, done: int, total: int, note: str) -> None:
        d = self.dialog
        d.setMaximum(max(total, 0))      # 0: a busy indicator
        if total:
            d.setValue(min(done, total))
        if note:
            d.setLabelText(f"{self.job.title}\n{note}")

    def _close(self) -> None:
        if self._alive():
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None


class KeepsJobs:
    """A group of window commands that keeps its running jobs, to cancel them on close."""
    jobs: list

    def _keep(self, job: Job) -> None:
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job) if job in self.jobs else None)

    def cancel_all(self) -> None:
        for job in list(self.jobs):
            job.cancel()


def run_job(fn: Callable, *args, parent: QWidget | None = None, title: str = "",
            on_success: Callable | None = None, on_failure: Callable | None = None,
            on_cancel: Callable | None = None, progress: bool = True,
            pool: QThreadPool | None = None, **kwargs) -> Job:
    """Run ``fn(ctx, *args, **kwargs)`` on the thread pool; callbacks run on the GUI thread.

    Without ``on_failure`` the failure is shown in an error dialog with its details.
    """
    job = Job(fn, *args, title=title, parent=parent, **kwargs)
    return _connect_and_start(job, parent, title, on_success, on_failure, on_cancel,
                              progress, pool)


def _connect_and_start(job: Job, parent, title, on_success, on_failure, on_cancel, progress,
                       pool) -> Job:
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


# ---- work on the workspace ----------------------------------------------------------------
_database_pool: QThreadPool | None = None


def database_thread() -> QThreadPool:
    """The one thread that runs ops: they touch the workspace one after the other."""
    global _database_pool
    if _database_pool is None:
        _database_pool = QThreadPool()
        _database_pool.setMaxThreadCount(1)
    return _database_pool


def wait_for_ops(msecs: int = 30000) -> bool:
    """Wait until no op runs (closing the workspace must not pull it from under one)."""
    return _database_pool is None or _database_pool.waitForDone(msecs)


def run_op(session, fn: Callable, *args, parent: QWidget | None = None, title: str = "",
           on_success: Callable | None = None, on_failure: Callable | None = None,
           on_cancel: Callable | None = None, progress: bool = True, **kwargs) -> Job:
    """Run ``fn(ctx, ws, *args, **kwargs)`` on the database thread with the session's
    workspace, the window's input held and the store's changes delivered afterwards."""
    window = parent.window() if parent is not None else None
    focus = window.focusWidget() if window is not None else None
    if focus is not None:
        focus.clearFocus()      # a field still being typed in is committed before the op
    ws = session.ws
    job = Job(fn, ws, *args, title=title, parent=parent, **kwargs)
    hold = InputHold(window)
    session.hold(job)
    ws.hold_changes()       # whoever listens hears of the op's changes on the GUI thread

    def end():
        hold.release()
        session.release(job)
        ws.release_changes()
    job._on_end.append(end)
    return _connect_and_start(job, parent, title, on_success, on_failure, on_cancel,
                              progress, database_thread())


def run_query(session, fn: Callable, *args, parent: QWidget | None = None, title: str = "",
              on_success: Callable | None = None, on_failure: Callable | None = None,
              on_cancel: Callable | None = None, progress: bool = True, **kwargs) -> Job:
    """Run ``fn(ctx, ws, *args, **kwargs)`` on the thread pool with a read-only connection
    of its own; a workspace in memory, which has no file to open twice, runs as an op."""
    ws = session.ws
    if ws.path is None:
        return run_op(session, fn, *args, parent=parent, title=title, on_success=on_success,
                      on_failure=on_failure, on_cancel=on_cancel, progress=progress, **kwargs)
    job = Job(_read_only, ws.path, fn, *args, title=title, parent=parent, **kwargs)
    return _connect_and_start(job, parent, title, on_success, on_failure, on_cancel,
                              progress, None)


def _read_only(ctx: JobContext, path, fn: Callable, *args, **kwargs):
    from models.workspace import Workspace
    with Workspace.open(path, readonly=True) as ws:
        return fn(ctx, ws, *args, **kwargs)


_INPUT_EVENTS = frozenset({
    QEvent.KeyPress, QEvent.KeyRelease, QEvent.ShortcutOverride, QEvent.Shortcut,
    QEvent.MouseButtonPress, QEvent.MouseButtonRelease, QEvent.MouseButtonDblClick,
    QEvent.Wheel, QEvent.ContextMenu, QEvent.DragEnter, QEvent.DragMove, QEvent.Drop,
    QEvent.Close})


class InputHold(QObject):
    """While an op runs, the window ignores the clerk's input (and closing) but keeps
    painting; the progress dialog, a window of its own, stays usable."""

    def __init__(self, window: QWidget | None):
        super().__init__()
        self.window = window
        self.app = QApplication.instance()
        if window is not None and self.app is not None:
            self.app.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in _INPUT_EVENTS:
            return False
        if kind == QEvent.Shortcut:          # delivered to actions, not widgets
            return True
        return isinstance(obj, QWidget) and obj.window() is self.window

    def release(self) -> None:
        if self.window is not None and self.app is not None:
            self.app.removeEventFilter(self)
            self.window = None
