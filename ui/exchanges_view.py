"""The 交换 tab: the workbooks sent to and received from other offices for the plan."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QStackedWidget, QTableView, QToolButton, QVBoxLayout, QWidget)

TIME, DIRECTION, COUNTERPART, ROUND, FILE, SUMMARY = range(6)
RESIZE_ROWS = 50
# The roles shown, as plain ints: the hidden tab's header asks every role of every cell
# while it sizes its columns, and reading Qt's enum on each call costs more than the answer.
_SHOWN = frozenset({int(Qt.DisplayRole.value), int(Qt.ToolTipRole.value)})


class ExchangesModel(QAbstractTableModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan_uuid: str | None = None
        self.rows: list[dict] = []
        session.changed.connect(self._on_change)

    def set_plan(self, plan_uuid: str | None) -> None:
        self.plan_uuid = plan_uuid
        self.reload()

    def _on_change(self, change) -> None:
        if change.tables & {"exchanges", "rounds", "departments", "plans"}:
            self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        self.beginResetModel()
        try:
            # Newest first: the clerk looks for what just came back.
            self.rows = ws.exchanges(self.plan_uuid)[::-1] if ws is not None and self.plan_uuid else []
        except Exception:    # the plan was deleted meanwhile
            self.rows = []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < 6:
            return (self.tr("Time"), self.tr("Direction"), self.tr("Office"), self.tr("Round"),
                    self.tr("File"), self.tr("Summary"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if role not in _SHOWN or not index.isValid():
            return None
        e = self.rows[index.row()]
        col = index.column()
        if col == TIME:
            return e.get("time", "")
        if col == DIRECTION:
            return self.tr("sent") if e.get("direction") == "out" else self.tr("received")
        if col == COUNTERPART:
            return e.get("department") or e.get("counterpart") or ""
        if col == ROUND:
            return e.get("round") or ""
        if col == FILE:
            return e.get("file_name", "")
        return self.summary_text(e)

    def summary_text(self, e: dict) -> str:
        """What the clerk needs to know of an exchange, in words (not the stored keys)."""
        s = e.get("summary") or {}
        if not isinstance(s, dict):
            return str(s)
        if e.get("direction") == "out":
            return self.tr("%n row(s), %1 to fill in", "", int(s.get("rows", 0))).replace(
                "%1", str(s.get("editable", 0)))
        if s.get("refused"):    # came back with errors: recorded, nothing applied
            return self.tr("refused: %n error(s)", "", int(s.get("error_count", 0)))
        parts = [self.tr("%n task(s) updated", "", int(s.get("tasks", 0)))]
        if s.get("left_out_count"):
            parts.append(self.tr("%n cell(s) left to check", "", int(s["left_out_count"])))
        for key, text in (("conflicts", self.tr("%n conflict(s)", "", int(s.get("conflicts", 0)))),
                          ("conflicts_skipped", self.tr("%n conflict(s) kept", "",
                                                        int(s.get("conflicts_skipped", 0)))),
                          ("warnings", self.tr("%n warning(s)", "", int(s.get("warnings", 0))))):
            if s.get(key):
                parts.append(text)
        return "，".join(parts)


class ExchangesView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.model = ExchangesModel(session, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # File names are as wide as they are (cut in the middle only when the window is
        # narrower than a name: the department and round at its ends stay readable).
        for column in (TIME, DIRECTION, COUNTERPART, ROUND, FILE):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.setTextElideMode(Qt.ElideMiddle)
        header.setSectionResizeMode(SUMMARY, QHeaderView.Stretch)
        # Widths from the first rows: a long log is not measured row by row at each reset.
        header.setResizeContentsPrecision(RESIZE_ROWS)
        self.empty = QLabel(self.tr("No workbooks exchanged for this plan yet.\n"
                                    "Workbooks sent to departments and their returns "
                                    "are listed here."), self)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #777;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(0, 0, 0, 0)
        self.tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.tools)
        layout.addWidget(self.stack, 1)
        self.model.modelReset.connect(
            lambda: self.stack.setCurrentIndex(1 if self.model.rowCount() else 0))

    def add_tool_actions(self, actions) -> None:
        for action in actions:
            b = QToolButton(self)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonTextOnly)
            self.tools.insertWidget(self.tools.count() - 1, b)

    def set_plan(self, plan_uuid: str | None) -> None:
        self.model.set_plan(plan_uuid)
