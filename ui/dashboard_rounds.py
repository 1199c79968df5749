"""The reporting-round bar of the dashboard: choose a round, create one, close or reopen it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget)

from models import reminders
from models.errors import WorkspaceError
from models.messages import msg
from models.status.rounds import suggest_round

DUE_AFTER_DAYS = 10


class NewRoundDialog(QDialog):
    """Name and period of a new round, suggested from today (the quarter it falls in)."""

    def __init__(self, existing: list[str], today: dt.date | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New reporting round"))
        name, start, end = suggest_round(today or dt.date.today(), existing)
        self.name = QLineEdit(name, self)
        self.start = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.end = QDateEdit(QDate(end.year, end.month, end.day), self)
        # Returns are due a few days after the period ends (报送截止日期).
        due = end + dt.timedelta(days=DUE_AFTER_DAYS)
        self.due = QDateEdit(QDate(due.year, due.month, due.day), self)
        self.due.setObjectName("round_due_date")
        for edit in (self.start, self.end, self.due):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Returns due"), self.due)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return (self.name.text().strip(), self.start.date().toString("yyyy-MM-dd"),
                self.end.date().toString("yyyy-MM-dd"))

    def due_date(self) -> str:
        return self.due.date().toString("yyyy-MM-dd")

    def accept(self) -> None:
        name, start, end = self.values()
        if not name:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The round needs a name."))
            return
        if start > end:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The round must end on or after its first day."))
            return
        super().accept()


class RoundBar(QWidget):
    """Round selector with New / Close buttons. Emits ``roundChosen(name)`` ('' = none)."""
    roundChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ws = None
        self.plan_uuid = None
        self._rounds = []
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(12)
        self.new_button = QPushButton(self.tr("New round…"), self)
        self.close_button = QPushButton(self.tr("Close round"), self)
        self.due_button = QPushButton(self)
        self.due_button.setObjectName("round_due_button")
        self.due_button.setToolTip(self.tr("The date departments must return their workbooks by"))
        self.pending_button = QPushButton(self)
        self.pending_button.setObjectName("round_pending_button")
        self.pending_button.setToolTip(self.tr("Departments that have not reported, and a "
                                               "reminder notice to them"))
        self.today: dt.date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Reporting round:"), self))
        layout.addWidget(self.combo)
        layout.addWidget(self.new_button)
        layout.addWidget(self.close_button)
        layout.addWidget(self.due_button)
        layout.addWidget(self.pending_button)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.ask_new_round)
        self.close_button.clicked.connect(self.toggle_closed)
        self.due_button.clicked.connect(self.ask_due_date)
        self.pending_button.clicked.connect(self.show_pending)

    # ---- state ---------------------------------------------------------------------------
    def set_rounds(self, ws, plan_uuid, rounds, current: str | None) -> None:
        """Fill the combo without emitting roundChosen."""
        self.ws, self.plan_uuid, self._rounds = ws, plan_uuid, list(rounds)
        self.combo.blockSignals(True)
        self.combo.clear()
        for r in self._rounds:
            label = r.name + (self.tr(" (closed)") if r.closed else "")
            self.combo.addItem(label, r.name)
        i = self.combo.findData(current) if current else -1
        self.combo.setCurrentIndex(i)
        self.combo.blockSignals(False)
        self._update_buttons()

    def current_name(self) -> str:
        return self.combo.currentData() or ""

    def _current_round(self):
        name = self.current_name()
        return next((r for r in self._rounds if r.name == name), None)

    def _update_buttons(self) -> None:
        r = self._current_round()
        writable = self.ws is not None and not self.ws.readonly and self.plan_uuid is not None
        self.new_button.setEnabled(writable)
        self.close_button.setEnabled(writable and r is not None)
        self.close_button.setText(self.tr("Reopen round") if r is not None and r.closed
                                  else self.tr("Close round"))
        self.due_button.setVisible(r is not None)
        self.pending_button.setVisible(r is not None)
        if r is None:
            return
        due = getattr(r, "due_date", None)
        self.due_button.setText(self.tr("Due {date}").format(date=due) if due
                                else self.tr("Set due date…"))
        self.due_button.setEnabled(writable)
        n = len(reminders.pending_departments(self.ws, self.plan_uuid, r.uuid, self.today))
        self.pending_button.setText(self.tr("Not reported: {n}").format(n=n))
        late = due is not None and n and (self.today or dt.date.today()).isoformat() > due
        self.pending_button.setStyleSheet("color: #c62828; font-weight: bold;" if late else "")

    def _chosen(self, _index: int) -> None:
        self._update_buttons()
        self.roundChosen.emit(self.current_name())

    # ---- edits ---------------------------------------------------------------------------
    def ask_new_round(self) -> None:
        dialog = NewRoundDialog([r.name for r in self._rounds], parent=self)
        if dialog.exec() == QDialog.Accepted:
            self.create_round(*dialog.values(), due=dialog.due_date())

    def create_round(self, name: str, start: str | None = None, end: str | None = None,
                     due: str | None = None):
        """Add a round with its due date (one undo step) and choose it; a refused name is
        shown, not raised."""
        ws = self.ws
        try:
            with ws.operation(msg("app.op.new_round", name=name)):
                rnd = ws.add_round(self.plan_uuid, name, start, end)
                if due:
                    rnd = reminders.set_due_date(ws, self.plan_uuid, rnd.uuid, due)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("New reporting round"), str(e))
            return None
        self.roundChosen.emit(rnd.name)
        return rnd

    def toggle_closed(self) -> None:
        r = self._current_round()
        if r is None:
            return
        try:
            self.ws.close_round(self.plan_uuid, r.uuid, closed=not r.closed)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("Close round"), str(e))

    def ask_due_date(self) -> None:
        r = self._current_round()
        if r is None:
            return
        from .reminders import DueDateDialog
        suggested = (dt.date.fromisoformat(r.end_date) if r.end_date else
                     (self.today or dt.date.today())) + dt.timedelta(days=DUE_AFTER_DAYS)
        dialog = DueDateDialog(r.due_date, suggested, self)
        if dialog.exec() == QDialog.Accepted:
            self.set_due_date(dialog.value())

    def set_due_date(self, value: str | None) -> None:
        r = self._current_round()
        try:
            reminders.set_due_date(self.ws, self.plan_uuid, r.uuid, value)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("Due date of the returns"), str(e))

    def pending_dialog(self):
        from .reminders import PendingDialog
        r = self._current_round()
        return PendingDialog(self.ws, self.plan_uuid, r.uuid, self.today, self) if r else None

    def show_pending(self) -> None:
        dialog = self.pending_dialog()
        if dialog is not None:
            dialog.exec()
