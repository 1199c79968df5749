"""The application's log file, and what the clerk is told when something breaks.

One rotating file per user, in the folder of the settings: ``%APPDATA%\\PlanDesk`` on
Windows, ``$XDG_CONFIG_HOME/PlanDesk`` (``~/.config/PlanDesk``) elsewhere;
``PLANDESK_LOG_DIR`` overrides it (tests, portable installs). An unexpected exception
goes there with its traceback; the clerk sees one Chinese line that says where the log is,
so there is something to send to the maintainers. Pure Python: the CLI and the GUI share it.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from .messages import Message, PlanDeskError, msg
from .storage_errors import message_for

LOG_NAME = "plandesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

log = logging.getLogger("plandesk")


class _RotatingLog(logging.Handler):
    """The rotating log file, opened at its first record: ``logging.handlers`` (which loads
    socket, pickle and queue) is imported then, not at start-up."""

    def __init__(self, path: Path):
        super().__init__()
        self.baseFilename = os.path.abspath(path)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler
            self._file = RotatingFileHandler(self.baseFilename, maxBytes=MAX_BYTES,
                                             backupCount=BACKUPS, encoding="utf-8", delay=True)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


_handler: _RotatingLog | None = None


def per_user_dir(override: str, windows: tuple[str, str], xdg: tuple[str, str],
                 *tail: str) -> Path:
    """A folder of the user's: ``$override`` when set; else ``%windows[0]%`` (or
    ``~/windows[1]``) on Windows and ``$xdg[0]`` (or ``~/xdg[1]``) elsewhere, then ``tail``."""
    if os.environ.get(override):
        return Path(os.environ[override])
    var, default = windows if sys.platform == "win32" else xdg
    return Path(os.environ.get(var) or Path.home() / default).joinpath(*tail)


def log_dir() -> Path:
    return per_user_dir("PLANDESK_LOG_DIR", ("APPDATA", "AppData/Roaming"),
                        ("XDG_CONFIG_HOME", ".config"), "PlanDesk")


def log_path() -> Path:
    """The log file in use (after ``setup``), else where it would be."""
    if _handler is not None:
        return Path(_handler.baseFilename)
    return log_dir() / LOG_NAME


def setup() -> Path:
    """Send the ``plandesk`` logger to the rotating file (once); returns its path.

    A folder that cannot be written (a locked-down profile) falls back to the temp folder.
    """
    global _handler
    if _handler is not None:
        return Path(_handler.baseFilename)
    for folder in (log_dir(), Path(tempfile.gettempdir()) / "PlanDesk"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = _RotatingLog(folder / LOG_NAME)
            break
        except OSError:
            continue
    else:     # nowhere to write: the line the clerk sees still says where it would be
        return log_path()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    _handler = handler
    return Path(handler.baseFilename)


def shutdown() -> None:
    """Detach the file (tests that point the log elsewhere)."""
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def record(error: BaseException, context: str = "") -> Path:
    """Write ``error`` with its traceback to the log; returns the log's path."""
    path = setup()
    log.error("%s%s: %s", f"{context}: " if context else "", type(error).__name__, error,
              exc_info=(type(error), error, error.__traceback__))
    for h in log.handlers:
        h.flush()
    return path


def file_error(error: BaseException) -> OSError | None:
    """The OSError behind ``error``: itself, or one a library wrapped in its own exception
    (raised from it, or while handling it — XlsxWriter's FileCreateError, for one)."""
    found: BaseException | None = error
    for _ in range(10):
        if found is None or isinstance(found, OSError):
            return found
        found = found.__cause__ or found.__context__
    return None


def explain(error: BaseException, where: str = "") -> Message:
    """The one line for the clerk: a PlanDesk error says itself; a file error says which
    file and why (``where`` when the error names none); anything else is a crash, logged,
    with the log's place."""
    if isinstance(error, PlanDeskError):
        return error.message
    os_error = file_error(error)
    if os_error is not None and (os_error.filename or os_error.strerror):
        return message_for(os_error, os_error.filename or where)
    return msg("common.crash", log=str(record(error)))

