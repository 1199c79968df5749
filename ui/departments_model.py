"""The department registry as a table: name, aliases, kind, how often used, review flag.

Names and aliases are edited in place (a rename keeps the old name as an alias, so
documents that still use it keep matching); every edit is one store operation.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from models.messages import msg
from models.read_departments import assignment_counts

from .labels import department_kind_label

NAME, ALIASES, KIND, USES, REVIEW = range(5)
DepartmentIdRole = Qt.UserRole + 1
IsNewRole = Qt.UserRole + 2
_WATCHED = {"departments", "department_aliases", "assignments"}
ALIAS_SEPARATORS = re.compile(r"[、,，;；\n]+")


class DepartmentsModel(QAbstractTableModel):
    mergeWanted = Signal(int, int)     # renamed to another's name: (this id, the other's id)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.departments = []
        self.uses: dict[int, int] = {}
        self._new_brush = QBrush(QColor("#c62828"))
        session.changed.connect(self._on_change)
        session.workspaceChanged.connect(lambda _ws: self.reload())
        self.reload()

    def _on_change(self, change) -> None:
        if change.tables & _WATCHED:
            self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        deps = ws.departments() if ws is not None else []
        uses = assignment_counts(ws) if ws is not None else {}
        if [d.id for d in deps] == [d.id for d in self.departments]:
            self.departments, self.uses = deps, uses
            if deps:
                self.dataChanged.emit(self.index(0, 0), self.index(len(deps) - 1, REVIEW))
            return
        self.beginResetModel()
        self.departments, self.uses = deps, uses
        self.endResetModel()

    def department_at(self, row: int):
        return self.departments[row] if 0 <= row < len(self.departments) else None

    def row_of(self, dep_id: int) -> int:
        return next((i for i, d in enumerate(self.departments) if d.id == dep_id), -1)

    # ---- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.departments)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < 5:
            return (self.tr("Name"), self.tr("Aliases"), self.tr("Kind"), self.tr("Tasks"),
                    self.tr("Review"))[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() in (NAME, ALIASES) and not self.session.readonly:
            f |= Qt.ItemIsEditable
        return f

    def data(self, index, role=Qt.DisplayRole):
        d = self.department_at(index.row()) if index.isValid() else None
        if d is None:
            return None
        col = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if col == NAME:
                return d.name
            if col == ALIASES:
                return "、".join(d.aliases)
            if col == KIND:
                return department_kind_label(d.kind)
            if col == USES:
                return self.uses.get(d.id, 0) if role == Qt.EditRole else str(self.uses.get(d.id, 0))
            if col == REVIEW:
                return self.tr("to review") if d.is_new else ""
        if role == DepartmentIdRole:
            return d.id
        if role == IsNewRole:
            return bool(d.is_new)
        if role == Qt.ForegroundRole and d.is_new and col == REVIEW:
            return self._new_brush
        if role == Qt.TextAlignmentRole and col == USES:
            return Qt.AlignRight | Qt.AlignVCenter
        if role == Qt.ToolTipRole and col == REVIEW and d.is_new:
            return self.tr("Added by an import or by hand: check the name, merge it into an "
                           "existing department if it is one, then mark it reviewed.")
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        d = self.department_at(index.row())
        if d is None or role != Qt.EditRole or self.session.readonly:
            return False
        ws = self.session.ws
        text = str(value).strip()
        if index.column() == NAME:
            if text == d.name:
                return True
            other = ws.find_department(text) if text else None
            if other is not None and other != d.id:
                # The name is another department's: the clerk means the same unit.
                self.mergeWanted.emit(d.id, other)
                return False
            return self.session.edit(ws.rename_department, d.id, text) is not None
        if index.column() == ALIASES:
            wanted = [a.strip() for a in ALIAS_SEPARATORS.split(text) if a.strip()]
            return self.set_aliases(d, wanted)
        return False

    def set_aliases(self, d, wanted: list[str]) -> bool:
        """Make the department's aliases exactly ``wanted``: one undo step."""
        wanted = list(dict.fromkeys(a for a in wanted if a != d.name))
        removed = [a for a in d.aliases if a not in wanted]
        added = [a for a in wanted if a not in d.aliases]
        if not removed and not added:
            return True
        ws = self.session.ws

        def apply():
            with ws.operation(msg("store.op.edit_aliases", name=d.name)):
                for a in removed:
                    ws.remove_alias(d.id, a)
                for a in added:
                    ws.add_alias(d.id, a)
            return True
        return bool(self.session.edit(apply))
