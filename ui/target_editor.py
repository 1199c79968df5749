"""The targets (指标) of a task in the detail panel: listed, added, edited and removed.

A target is a metric with a value and unit (每万人口高价值发明专利拥有量 达到 14 件, 2025年).
Each change writes the task's whole target list in one store operation, so one Ctrl+Z
takes it back.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)


def target_value_text(t: dict) -> str:
    """达到14件 / ≥95% : qualifier, value and unit as the plan writes them."""
    value = t.get("value")
    shown = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
    return f"{t.get('qualifier', '')}{shown}{t.get('unit', '')}"


class TargetDialog(QDialog):
    """One target's fields; the value must be a number (or empty for a qualitative one)."""

    def __init__(self, parent, target: dict | None = None):
        super().__init__(parent)
        self.setObjectName("target_dialog")
        self.setWindowTitle(self.tr("Target"))
        t = target or {}
        self.metric_edit = QLineEdit(t.get("metric", ""))
        self.metric_edit.setObjectName("target_metric")
        self.metric_edit.setPlaceholderText(self.tr("e.g. 每万人口高价值发明专利拥有量"))
        self.qualifier = QLineEdit(t.get("qualifier", ""))
        self.qualifier.setObjectName("target_qualifier")
        self.qualifier.setPlaceholderText(self.tr("e.g. 达到, 不低于"))
        value = t.get("value")
        self.value = QLineEdit("" if value is None else f"{value:g}")
        self.value.setObjectName("target_value")
        self.value.setValidator(QDoubleValidator(self))
        self.unit = QLineEdit(t.get("unit", ""))
        self.unit.setObjectName("target_unit")
        self.unit.setPlaceholderText(self.tr("e.g. 件, %, 家"))
        self.year = QSpinBox()
        self.year.setObjectName("target_year")
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("(none)"))
        self.year.setValue(int(t.get("year") or 0))
        form = QFormLayout()
        form.addRow(self.tr("Metric"), self.metric_edit)
        form.addRow(self.tr("Qualifier"), self.qualifier)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Year"), self.year)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.metric_edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._extra = {k: v for k, v in t.items() if k in ("baseline", "text")}
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.metric_edit.text().strip()))

    def target(self) -> dict:
        text = self.value.text().strip().replace(",", "")
        value: float | int | None = None
        if text:
            number = float(text)
            value = int(number) if number.is_integer() else number
        out = {"metric": self.metric_edit.text().strip(), "qualifier": self.qualifier.text().strip(),
               "value": value, "unit": self.unit.text().strip(), **self._extra}
        if self.year.value():
            out["year"] = self.year.value()
        return out


class TargetEditor(QWidget):
    """The list with Add / Edit / Remove; ``edited(list)`` carries the new target list."""
    edited = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._targets: list[dict] = []
        self.list = QTreeWidget()
        self.list.setObjectName("detail_targets")
        self.list.setHeaderLabels([self.tr("Target"), self.tr("Value")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(lambda *_: self.edit_current())
        self.list.installEventFilter(self)
        self.add_button = QPushButton(self.tr("Add target…"))
        self.add_button.setObjectName("target_add")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("target_edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("target_remove")
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._readonly = False

    def set_targets(self, targets: list[dict], readonly: bool) -> None:
        self._targets = [dict(t) for t in targets]
        self._readonly = readonly
        row = self.list.currentIndex().row()
        self.list.clear()
        for t in self._targets:
            self.list.addTopLevelItem(QTreeWidgetItem([t.get("metric", ""), target_value_text(t)]))
        if 0 <= row < len(self._targets):
            self.list.setCurrentItem(self.list.topLevelItem(row))
        self.list.resizeColumnToContents(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        self.add_button.setEnabled(not self._readonly)
        self.edit_button.setEnabled(has and not self._readonly)
        self.remove_button.setEnabled(has and not self._readonly)

    def _ask(self, target: dict | None) -> dict | None:
        dialog = TargetDialog(self, target)
        return dialog.target() if dialog.exec() == QDialog.Accepted else None

    def add(self) -> None:
        if self._readonly:
            return
        new = self._ask(None)
        if new is not None:
            self.edited.emit([*self._targets, new])

    def edit_current(self) -> None:
        row = self.list.currentIndex().row()
        if self._readonly or not 0 <= row < len(self._targets):
            return
        changed = self._ask(self._targets[row])
        if changed is not None and changed != self._targets[row]:
            self.edited.emit([*self._targets[:row], changed, *self._targets[row + 1:]])

    def remove_current(self) -> None:
        row = self.list.currentIndex().row()
        if self._readonly or not 0 <= row < len(self._targets):
            return
        self.edited.emit([*self._targets[:row], *self._targets[row + 1:]])

    def eventFilter(self, obj, event) -> bool:
        if obj is self.list and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
                self.remove_current()
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F2):
                self.edit_current()
                return True
        return super().eventFilter(obj, event)
