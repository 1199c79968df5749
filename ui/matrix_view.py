"""The 责任分工 tab: the responsibility matrix with its filters, keys, menu and printing.

Keys on the selected cells: 1/Q lead, 2/P support, 3/F responsible, 4/D guide,
Delete/Backspace/0 clear. Double-click or right-click opens the same choices as a menu.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout,
                               QHeaderView, QLabel, QMenu, QTableView, QToolButton,
                               QVBoxLayout, QWidget)

from models.entities import ROLES

from .labels import ROLE_KEYS, role_label, role_short
from .matrix_model import MatrixFilter, MatrixModel, TaskUuidRole

CLEAR_KEYS = (Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_0)


MAX_HEADER_LINES = 6


class MatrixTable(QTableView):
    roleKey = Signal(object)      # a role code, or None to clear

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("matrix_table")
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        hh = self.horizontalHeader()
        hh.setDefaultSectionSize(54)
        hh.setMinimumSectionSize(40)
        hh.setDefaultAlignment(Qt.AlignCenter | Qt.TextWordWrap)
        hh.setFixedHeight(64)
        hh.setSectionResizeMode(QHeaderView.Interactive)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.Fixed)
        vh.setDefaultSectionSize(24)
        vh.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        vh.setFixedWidth(320)
        vh.setTextElideMode(Qt.ElideRight)

    def keyPressEvent(self, event) -> None:
        if not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            if event.key() in CLEAR_KEYS:
                self.roleKey.emit(None)
                return
            role = ROLE_KEYS.get(event.text().upper())
            if role:
                self.roleKey.emit(role)
                return
        super().keyPressEvent(event)


class MatrixView(QWidget):
    taskActivated = Signal(str)     # a task uuid the clerk wants to see in the breakdown

    def __init__(self, session, tree_model, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = MatrixModel(session, tree_model, self)
        self.model.active = False      # follows edits only while shown
        self.table = MatrixTable(self)
        self.table.setModel(self.model)
        self.table.roleKey.connect(self.set_role)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.doubleClicked.connect(lambda idx: self._menu(self.table.visualRect(idx).center()))
        self.table.verticalHeader().sectionDoubleClicked.connect(self._activate_row)

        self.section = QComboBox(self)
        self.section.setObjectName("matrix_section")
        self.section.setMinimumContentsLength(14)
        self.section.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.department = QComboBox(self)
        self.department.setObjectName("matrix_department")
        self.department.setMinimumContentsLength(10)
        self.department.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.missing = QCheckBox(self.tr("Only tasks without a lead"), self)
        self.used_only = QCheckBox(self.tr("Only departments of this plan"), self)
        self.used_only.setChecked(True)   # the registry holds other plans' departments too
        self.model.set_filter(MatrixFilter(used_only=True))
        for combo in (self.section, self.department):
            combo.currentIndexChanged.connect(self._apply_filter)
        for box in (self.missing, self.used_only):
            box.toggled.connect(self._apply_filter)
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(0, 0, 0, 0)
        self.tools.addWidget(QLabel(self.tr("Section"), self))
        self.tools.addWidget(self.section, 2)
        self.tools.addWidget(QLabel(self.tr("Department"), self))
        self.tools.addWidget(self.department, 1)
        self.tools.addWidget(self.missing)
        self.tools.addWidget(self.used_only)
        self.tools.addStretch(1)
        legend = "  ".join(f"{k}/{q} {role_short(r)}={role_label(r)}" for k, q, r in
                           (("1", "Q", "lead"), ("2", "P", "support"), ("3", "F", "responsible"),
                            ("4", "D", "guide")))
        self.legend = QLabel(legend + "  " + self.tr("Del = clear"), self)
        self.legend.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self._plan: str | None = None
        self.model.modelReset.connect(self._fill_combos)
        session.changed.connect(self._on_change)

    def add_tool_actions(self, actions) -> None:
        for action in actions:
            b = QToolButton(self)
            b.setDefaultAction(action)
            self.tools.addWidget(b)

    # ---- plan and filters ------------------------------------------------------------
    def set_plan(self, plan_uuid: str | None) -> None:
        """The rows follow the breakdown's plan; a new plan drops the section filters."""
        if plan_uuid != self._plan:
            self._plan = plan_uuid
            if self.model.filter.section is not None or self.model.filter.department is not None:
                self.model.set_filter(MatrixFilter(missing_lead=self.missing.isChecked(),
                                                   used_only=self.used_only.isChecked()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.model.set_active(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.model.set_active(False)

    def _on_change(self, change) -> None:
        if change.tables & {"tasks", "departments"} and self.isVisible():
            self._fill_combos()

    def _fit_header(self) -> None:
        """Tall enough for the longest department name wrapped in its column (no clipping)."""
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        per_line = max(1, int((header.defaultSectionSize() - 8) // fm.horizontalAdvance("国")))
        names = [d.short_name or d.name for d in self.model.departments] or ["国"]
        lines = min(MAX_HEADER_LINES, max(-(-len(n) // per_line) for n in names))
        header.setFixedHeight(max(40, lines * fm.lineSpacing() + 12))

    def _fill_combos(self) -> None:
        self._fit_header()
        f = self.model.filter
        for combo, items, current in (
                (self.section, self.model.sections(), f.section),
                (self.department, [(d.id, d.name) for d in self._registry()], f.department)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _registry(self):
        ws = self.session.ws
        return ws.departments() if ws is not None else []

    def _apply_filter(self) -> None:
        self.model.set_filter(MatrixFilter(section=self.section.currentData(),
                                           department=self.department.currentData(),
                                           missing_lead=self.missing.isChecked(),
                                           used_only=self.used_only.isChecked()))

    # ---- editing ---------------------------------------------------------------------
    def set_role(self, role: str | None) -> None:
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes and self.table.currentIndex().isValid():
            indexes = [self.table.currentIndex()]
        self.model.set_role(indexes, role)

    def _menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or self.model.is_total_row(index.row()) or self.session.readonly:
            return
        if not self.table.selectionModel().isSelected(index):
            self.table.setCurrentIndex(index)
        menu = QMenu(self)
        keys = {"lead": "1", "support": "2", "responsible": "3", "guide": "4"}
        for role in ROLES:
            act = menu.addAction(f"{role_label(role)}\t{keys[role]}")
            act.setData(role)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear") + "\tDel")
        chosen = menu.exec(self.table.viewport().mapToGlobal(pos))
        if chosen is clear:
            self.set_role(None)
        elif chosen is not None:
            self.set_role(chosen.data())

    def _activate_row(self, section: int) -> None:
        uuid = self.model.headerData(section, Qt.Vertical, TaskUuidRole)
        if uuid:
            self.taskActivated.emit(uuid)
