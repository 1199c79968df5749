"""What the clerk sees when the program itself breaks: one Chinese line and where the log is.

``install()`` replaces ``sys.excepthook`` and ``threading.excepthook``: the traceback goes
to the log file (``models.applog``), the window shows ``common.crash`` with the log's path,
and the application keeps running (Qt would otherwise abort on an exception in a slot).
An exception on another thread is shown on the GUI thread.
"""
from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Qt, Signal

from models.applog import record
from models.messages import msg


class _Reporter(QObject):
    crashed = Signal(str)      # the line for the clerk; queued to the GUI thread

    def __init__(self):
        super().__init__()
        self.crashed.connect(self._show, Qt.QueuedConnection)
        self.shown: list[str] = []

    def _show(self, line: str) -> None:
        self.shown.append(line)
        from . import dialogs
        dialogs.show_error(None, msg("app.crash_title").render(), line)


_reporter: _Reporter | None = None


def report(error: BaseException, where: str = "") -> str:
    """Log ``error`` with its traceback and show the clerk one line; returns the line."""
    path = record(error, where)
    line = str(msg("common.crash", log=str(path)))
    if _reporter is not None:
        _reporter.crashed.emit(line)
    else:
        print(line, file=sys.stderr)
    return line


def _excepthook(kind, error, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    report(error.with_traceback(tb) if error is not None else kind())


def _thread_hook(args) -> None:
    if args.exc_type is SystemExit:
        return
    error = args.exc_value if args.exc_value is not None else args.exc_type()
    name = args.thread.name if args.thread is not None else "?"
    report(error, f"thread {name}")


def install() -> _Reporter:
    """Catch every uncaught exception of the GUI process (call once the QApplication exists)."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    return _reporter


def uninstall() -> None:
    global _reporter
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    _reporter = None
