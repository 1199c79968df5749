"""The dashboard's table of late and at-risk tasks: a small read-only table model.

Rows are ``models.status.TaskStatus`` objects; the task uuid is under ``TaskUuidRole`` so
the view can say which task was activated without knowing the columns.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.messages import language
from models.status import light_label

TaskUuidRole = Qt.UserRole + 1       # str: the task's uuid
LightRole = Qt.UserRole + 2          # str: on_track / at_risk / late

NUMBER, TITLE, LEAD, DEADLINE, LIGHT, WHY = range(6)
LIGHT_BRUSHES = {"late": "#ffc7ce", "at_risk": "#ffeb9c", "on_track": "#c6efce"}


class ProblemTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._brushes = {k: QBrush(QColor(v)) for k, v in LIGHT_BRUSHES.items()}

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Task"), self.tr("Lead"), self.tr("Deadline"),
                self.tr("Status"), self.tr("Why")]

    def light_label(self, light: str) -> str:
        return light_label(light)        # the catalog's name, as in the reports

    # ---- content -----------------------------------------------------------------------
    def set_rows(self, rows: list) -> None:
        """Replace the rows (a new evaluation: everything may have changed)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def status_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, task_uuid: str) -> int:
        for i, s in enumerate(self._rows):
            if s.task_uuid == task_uuid:
                return i
        return -1

    # ---- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < 6:
            return self.headers()[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable     # read-only: the light is computed

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == TaskUuidRole:
            return s.task_uuid
        if role == LightRole:
            return s.light
        if role == Qt.DisplayRole:
            return (s.path_number, s.title, "、".join(s.lead), s.deadline_text,
                    self.light_label(s.light), s.reason_text(language()))[col]
        if role == Qt.ToolTipRole:
            if col in (TITLE, WHY):
                why = s.reason_text(language())
                return "\n".join(p for p in (s.title, why, s.report_text) if p)
            return None
        if role == Qt.BackgroundRole and col == LIGHT:
            return self._brushes.get(s.light)
        if role == Qt.TextAlignmentRole and col in (NUMBER, DEADLINE, LIGHT):
            return int(Qt.AlignCenter)
        return None
