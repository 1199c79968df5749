"""Small helpers shared by the chain's windows: catalog text, plan choosers, tables."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from models.messages import msg


def t(code: str, **args) -> str:
    """A text of the chain's windows, in the clerk's language (``chain.ui_*`` codes)."""
    return str(msg(f"chain.{code}", **args))


def plan_combo(ws, current: str | None = None) -> QComboBox:
    box = QComboBox()
    for plan in ws.plans():
        box.addItem(plan.title or "—", plan.uuid)
        if plan.uuid == current:
            box.setCurrentIndex(box.count() - 1)
    return box


def table(headers: list[str]) -> QTableWidget:
    w = QTableWidget(0, len(headers))
    w.setHorizontalHeaderLabels(headers)
    w.verticalHeader().setVisible(False)
    w.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    w.horizontalHeader().setStretchLastSection(True)
    w.setWordWrap(True)
    return w


def item(text, data=None) -> QTableWidgetItem:
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(it.flags() & ~it.flags().ItemIsEditable)
    if data is not None:
        it.setData(256, data)   # Qt.UserRole
    return it
