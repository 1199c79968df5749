"""The search and filter bar above the breakdown: keyword, department, role, status, late."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from models.entities import ROLES, STATUSES

from .labels import role_label, status_label
from .task_filter import ANY, UNSET_STATUS, TaskFilter

DEBOUNCE_MS = 250


class FilterBar(QWidget):
    changed = Signal(object)     # TaskFilter

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit(self)
        self.search.setObjectName("filter_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search tasks, text, departments (Ctrl+F)"))
        self.department = QComboBox(self)
        self.department.setObjectName("filter_department")
        self.department.setMinimumContentsLength(8)
        self.department.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Any role"), ANY)
        for r in ROLES:
            self.role.addItem(role_label(r), r)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), ANY)
        for s in STATUSES:
            self.status.addItem(status_label(s), s)
        self.status.addItem(self.tr("Not reported"), UNSET_STATUS)
        self.overdue = QCheckBox(self.tr("Deadline passed"), self)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: #555;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.department, 2)
        layout.addWidget(self.role)
        layout.addWidget(self.status)
        layout.addWidget(self.overdue)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.search.textChanged.connect(self._timer.start)
        for combo in (self.department, self.role, self.status):
            combo.currentIndexChanged.connect(self.apply)
        self.overdue.toggled.connect(self.apply)
        session.changed.connect(self._on_change)
        session.workspaceChanged.connect(lambda _ws: self._fill_departments())
        self._fill_departments()

    def _on_change(self, change) -> None:
        if "departments" in change.tables:
            self._fill_departments()

    def _fill_departments(self) -> None:
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("Any department"), ANY)
        ws = self.session.ws
        for d in ws.departments() if ws is not None else []:
            self.department.addItem(d.name, d.id)
        self.department.setCurrentIndex(max(0, self.department.findData(current)))
        self.department.blockSignals(False)

    def criteria(self) -> TaskFilter:
        return TaskFilter(keyword=self.search.text().strip(),
                          department_id=self.department.currentData(),
                          role=self.role.currentData(), status=self.status.currentData(),
                          overdue=self.overdue.isChecked())

    def apply(self) -> None:
        self._timer.stop()
        self.changed.emit(self.criteria())

    def clear(self) -> None:
        for w in (self.search, self.department, self.role, self.status, self.overdue):
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.department, self.role, self.status):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        for w in (self.search, self.department, self.role, self.status, self.overdue):
            w.blockSignals(False)
        self.apply()

    def set_count(self, shown: int | None, total: int) -> None:
        self.count.setText("" if shown is None else
                           self.tr("{shown} of {total}").format(shown=shown, total=total))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
