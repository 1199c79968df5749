"""The 备份与恢复 dialog: the workspace's backups, newest first, and restoring one.

Restoring calls ``models.restore.restore_backup`` — what ``backup restore`` runs — as one
job on the worker. The workspace is closed first (the restore takes the writer lock
itself) and opened again afterwards: a sound workspace is backed up before it is
replaced; a damaged one, which the window could not open at all, is moved aside and kept.
``offer_restore`` is the error dialog of a damaged workspace, with "从备份恢复…" in it.
What each backup holds is read from the backup files on the worker (``count_job``): the
list shows at once, its 内容 column fills in when the files are read, and restoring waits
for that (the restore rotates the backups being read).
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from models.backup import BackupInfo, list_backups
from models.backup_contents import backup_counts
from models.errors import DamagedWorkspace, NotAWorkspace
from models.messages import Message, catalog, msg
from models.restore import Restored, restore_backup

from . import dialogs
from .chain_common import item, table
from .worker import run_job


def t(code: str, **args) -> str:
    """A text of this dialog, in the clerk's language (``app.backup.*`` codes)."""
    return str(msg(f"app.backup.{code}", **args))


def reason_text(reason: str) -> str:
    """What was about to happen when the backup was taken, from its file name's slug."""
    upgrade = re.fullmatch(r"before-upgrade-v(\d+)", reason)
    if upgrade:
        return t("reason.before_upgrade", version=upgrade.group(1))
    code = f"app.backup.reason.{reason.replace('-', '_')}"
    if code in catalog() and code != "app.backup.reason.other":
        return str(msg(code))
    return t("reason.other", reason=reason)


def size_text(size: int) -> str:
    mb = size / (1024 * 1024)
    return f"{mb:.2f} MB" if mb < 10 else f"{mb:.1f} MB"


def count_job(ctx, paths: list[Path]) -> list[tuple[int, int] | None]:
    """Worker: (plans, tasks) of each backup file, None for one that cannot be read."""
    counts = []
    for i, path in enumerate(paths):
        ctx.progress(i, len(paths), path.name)
        counts.append(backup_counts(path))
    return counts


def restore_job(ctx, workspace: Path, backup: Path, force: bool) -> Restored:
    """Worker: the CLI's restore, unchanged."""
    ctx.progress(0, 0, backup.name)
    return restore_backup(workspace, backup, force=force)


class BackupDialog(QDialog):
    """Lists the backups of ``workspace``; restores the chosen one and reopens the workspace."""

    COLUMNS = ("col_time", "col_reason", "col_size", "col_contents")
    counted = Signal()          # the 内容 column is filled in

    def __init__(self, window, workspace: Path, damaged: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(t("title"))
        self.window_, self.workspace, self.damaged = window, Path(workspace).absolute(), damaged
        self.backups: list[BackupInfo] = []
        self.job = None
        self.counting = None        # the job reading what the backups hold
        self.intro = QLabel(t("intro_damaged" if damaged else "intro", file=self.workspace.name))
        self.intro.setWordWrap(True)
        self.table = table([t(c) for c in self.COLUMNS])
        self.table.setObjectName("backup_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.outcome = QLabel("")
        self.outcome.setObjectName("backup_result")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.restore_button = QPushButton(t("restore"))
        self.restore_button.setObjectName("backup_restore")
        self.restore_button.clicked.connect(self.restore_chosen)
        close = QPushButton(t("close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.resize(720, 420)
        self.refresh()

    # ---- the list ----------------------------------------------------------------------
    def refresh(self) -> None:
        if self.counting is not None:
            self.counting.cancel()
        self.backups = list_backups(self.workspace)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            for col, text in enumerate((b.time, reason_text(b.reason), size_text(b.size),
                                        t("counting"))):
                self.table.setItem(row, col, item(text, str(b.path) if col == 0 else None))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        elif not self.outcome.text():
            self.outcome.setText(t("none"))
        backups = list(self.backups)
        job = self.counting = run_job(
            count_job, [b.path for b in backups], parent=self, progress=False,
            on_success=lambda counts: self._counted(job, backups, counts),
            on_failure=lambda failure: self._counted(job, backups, [None] * len(backups)))
        job.cancelled.connect(lambda: self._counted(job, backups, None))
        self._update_buttons()

    def _counted(self, job, backups: list[BackupInfo], counts) -> None:
        if job is not self.counting:
            return              # a newer listing is being read
        self.counting = None
        if counts is not None and backups == self.backups:
            for row, c in enumerate(counts):
                cell = self.table.item(row, 3)
                cell.setText(t("contents", plans=c[0], tasks=c[1]) if c else t("unreadable"))
            self.table.resizeColumnsToContents()
        self._update_buttons()
        self.counted.emit()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.job is None and self.counting is None
                                       and self.chosen() is not None)

    # ---- restoring -----------------------------------------------------------------------
    def restore_chosen(self, force: bool = False):
        """Ask, close the workspace if the window shows it, restore on the worker. Returns the job."""
        b = self.chosen()
        if b is None or self.job is not None or self.counting is not None:
            return None
        session = self.window_.session
        if session.busy:
            self.outcome.setText(t("busy"))
            return None
        if not force:
            question = t("confirm_damaged" if self.damaged else "confirm", time=b.time,
                         reason=reason_text(b.reason), file=self.workspace.name)
            if not dialogs.confirm(self, t("title"), question):
                return None
        self._was_open = session.ws is not None and session.ws.path == self.workspace
        if self._was_open:
            session.close()
        self.outcome.setText("")
        self.job = run_job(restore_job, self.workspace, b.path, force, parent=self,
                           title=t("restoring"),
                           on_success=lambda done: self._restored(b, done),
                           on_failure=lambda failure: self._failed(b, failure))
        self._update_buttons()
        return self.job

    def _restored(self, b: BackupInfo, done: Restored) -> None:
        self.job = None
        if done.aside is not None or self.damaged:
            line = msg("store.restored_damaged", backup=b.path.name,
                       aside=done.aside.name if done.aside else "-")
        else:
            line = msg("store.restored", backup=b.path.name,
                       safety=done.safety.name if done.safety else "-")
        self.damaged = False
        self.intro.setText(t("intro", file=self.workspace.name))
        self.window_.files.open(self.workspace)
        self.refresh()
        self.outcome.setText(str(line))

    def _failed(self, b: BackupInfo, failure) -> None:
        self.job = None
        error = failure.error
        if self._was_open:                 # the restore changed nothing: show it again
            self.window_.files.open(self.workspace)
        if getattr(error, "code", "") == "store.backup_foreign":
            if dialogs.confirm(self, t("title"), t("confirm_foreign", **error.message.args)):
                self.restore_chosen(force=True)
                return
            self.outcome.setText(t("not_restored"))
        else:
            self.outcome.setText(failure.message)
        self._update_buttons()

    def reject(self) -> None:
        if self.job is None:          # a restore runs to its end: the file is half-replaced otherwise
            if self.counting is not None:
                self.counting.cancel()
            super().reject()


def open_backups(window, workspace: Path | None = None, damaged: bool = False) -> BackupDialog:
    """The dialog for ``workspace`` (default: the one the window shows), shown modally."""
    if workspace is None:
        workspace = window.session.ws.path
    dialog = BackupDialog(window, workspace, damaged)
    dialog.exec()
    return dialog


def restorable(path: Path, error: Exception) -> bool:
    """Whether opening ``path`` failed the way a backup mends: SQLite reports the content
    damaged, or the file is no workspace any more (a zeroed header, cut short) while it
    has backups beside it."""
    if isinstance(error, DamagedWorkspace):
        return True
    return isinstance(error, NotAWorkspace) and Path(path).is_file() \
        and bool(list_backups(Path(path).absolute()))


def damaged_text(error: NotAWorkspace) -> tuple[str, str]:
    """The store's line, with the window's way to restore instead of the command line's;
    SQLite's own words (English) go to the details. Returns (line, details)."""
    args = dict(error.message.args)
    if "command" in args:
        args["command"] = msg("app.backup.in_window")
    details = ""
    if isinstance(args.get("reason"), str):
        details, args["reason"] = args["reason"], msg("app.backup.sqlite_found")
    return str(Message(error.message.code, args)), details


def ask_restore(parent: QWidget | None, message: str, details: str = "") -> bool:
    """The error dialog of a damaged workspace; True when the clerk chose "从备份恢复…"."""
    box = QMessageBox(QMessageBox.Warning, t("cannot_open"), message, QMessageBox.NoButton,
                      parent)
    if details:
        box.setDetailedText(details)
    restore = box.addButton(t("offer"), QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def offer_restore(window, path: Path, error: NotAWorkspace) -> bool:
    """Say the workspace is damaged and offer its backups; True once it is shown restored."""
    if not ask_restore(window, *damaged_text(error)):
        return False
    open_backups(window, Path(path), damaged=True)
    ws = window.session.ws
    return ws is not None and ws.path == Path(path).absolute()


# The menu entry lives in ui.backup_menu (imported at start-up, this module is not).
from .backup_menu import can_restore as _can_restore, install  # noqa: E402,F401
