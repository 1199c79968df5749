"""催报 in the window: a round's due date, the departments that have not reported, and the
reminder notice (催报通知) to them.

    dialog = PendingDialog(ws, plan_uuid, round_uuid, today, parent)
    dialog.exec()        # lists who is missing; "Write reminder notice…" writes the .docx
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from models import reminders
from models.errors import WorkspaceError

from . import dialogs, open_file
from .worker import run_job


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DueDateDialog(QDialog):
    """Set or clear a round's 报送截止日期."""

    def __init__(self, current: str | None, suggested: dt.date, parent=None):
        super().__init__(parent)
        self.setObjectName("due_date_dialog")
        self.setWindowTitle(self.tr("Due date of the returns"))
        self.none = QCheckBox(self.tr("No due date"))
        self.date = QDateEdit(qdate(dt.date.fromisoformat(current) if current else suggested))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.none.setChecked(False)
        self.none.toggled.connect(lambda on: self.date.setEnabled(not on))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Departments must return their workbooks by:")))
        layout.addWidget(self.date)
        layout.addWidget(self.none)
        layout.addWidget(buttons)

    def value(self) -> str | None:
        return None if self.none.isChecked() else self.date.date().toString("yyyy-MM-dd")


class PendingDialog(QDialog):
    """The departments that have not reported in a round, and the reminder notice."""

    def __init__(self, ws, plan_uuid: str, round_uuid: str, today: dt.date | None = None,
                 parent=None, folder: str = ""):
        super().__init__(parent)
        self.setObjectName("pending_dialog")
        self.ws, self.plan_uuid = ws, plan_uuid
        self.today = today or dt.date.today()
        self.folder = folder
        self.written: Path | None = None
        self.round = ws.round(plan_uuid, round_uuid)
        self.pending = reminders.pending_departments(ws, plan_uuid, round_uuid, self.today)
        self.setWindowTitle(self.tr("Not reported — {round}").format(round=self.round.name))
        self.resize(520, 380)
        due = self.round.due_date
        if due:
            head = self.tr("Due on {date}. {n} departments have not reported:").format(
                date=due, n=len(self.pending))
        else:
            head = self.tr("No due date set. {n} departments have not reported:").format(
                n=len(self.pending))
        if not self.pending:
            head = self.tr("Every department has reported in this round.")
        self.label = QLabel(head)
        self.label.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("pending_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Department"), self.tr("Tasks led"),
                                   self.tr("Days overdue")])
        for p in self.pending:
            item = QTreeWidgetItem([p.department, str(p.tasks),
                                    str(p.overdue_days) if p.overdue_days else ""])
            item.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignRight | Qt.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        self.write_button = QPushButton(self.tr("Write reminder notice…"))
        self.write_button.setObjectName("write_reminder")
        self.write_button.setEnabled(bool(self.pending))
        self.write_button.clicked.connect(self.choose_and_write)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.write_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def suggested_path(self) -> Path:
        return Path(self.folder or Path.home()) / f"催报通知_{self.round.name}.docx"

    def choose_and_write(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Write reminder notice"),
                                             str(self.suggested_path()), "*.docx")
        if out:
            self.write(Path(out))

    def write(self, out: Path):
        """Write the notice to ``out`` (a Word document) off the window — under the
        office's 版头 once it has stored a notice — and offer to open it. Returns the job."""
        from reports.office_notice import office_head
        head = office_head(self.ws, self.today)
        return run_job(write_reminder, self.ws.plan(self.plan_uuid), self.round, self.pending,
                       out, self.today, head, parent=self, title=self.windowTitle(),
                       on_success=lambda path: self._written(Path(path), head))

    def _written(self, path: Path, head: dict) -> None:
        if head.get("doc_number"):
            try:
                self.ws.record_doc_numbers([head["doc_number"]])
            except WorkspaceError as e:
                dialogs.show_error(self, self.windowTitle(), str(e))
        self.written = path
        open_file.offer_to_open(self, path, self.tr("The reminder notice was written."))


def write_reminder(ctx, plan, rnd, pending, out: Path, today: dt.date, head: dict) -> Path:
    """Job: the 催报通知 written to ``out``."""
    from reports.reminder_notice import render_reminder
    ctx.progress(0, 0, out.name)
    return Path(render_reminder(plan, rnd, pending, out, today, head=head))
