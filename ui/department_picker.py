"""A line edit that completes department names AND aliases from the registry.

Typing 发改 offers 区发展改革局 and its alias 发改局 (shown as “发改局 → 区发展改革局”);
the store resolves whichever text is chosen through the registry's aliases.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit


class DepartmentNamesModel(QAbstractListModel):
    """One row per name or alias: EditRole is what is typed, DisplayRole what is shown."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows: list[tuple[str, str]] = []     # (name or alias, department name)
        session.changed.connect(self._on_change)
        session.workspaceChanged.connect(lambda _ws: self.reload())
        self.reload()

    def _on_change(self, change) -> None:
        if change.tables & {"departments", "department_aliases"}:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        ws = self.session.ws
        if ws is not None:
            for d in ws.departments():
                self._rows.append((d.name, d.name))
                self._rows += [(a, d.name) for a in d.aliases]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        text, name = self._rows[index.row()]
        if role == Qt.EditRole:
            return text
        if role == Qt.DisplayRole:
            return text if text == name else f"{text} → {name}"
        return None


class DepartmentEdit(QLineEdit):
    """Emits ``chosen(text)`` when the clerk presses Enter on a name."""
    chosen = Signal(str)

    def __init__(self, names: DepartmentNamesModel, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Department name or alias…"))
        completer = QCompleter(names, self)
        completer.setCompletionRole(Qt.EditRole)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.returnPressed.connect(self._emit)

    def _emit(self) -> None:
        text = self.text().strip()
        if text:
            self.chosen.emit(text)
