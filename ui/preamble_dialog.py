"""The plan's preamble (前言: the paragraphs before the first task), edited in a dialog.

The preamble is printed in the notice's attachment before the tasks, so residue an import
kept (a web page's column name, a broken 发文字号) must be fixable here.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class PreambleDialog(QDialog):
    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("preamble_dialog")
        self.setWindowTitle(self.tr("Preamble of the plan"))
        self.resize(640, 420)
        note = QLabel(self.tr("The text before the first task, printed at the start of the "
                              "plan. One paragraph a line."))
        note.setWordWrap(True)
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("preamble_text")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        lines = [line.rstrip() for line in self.edit.toPlainText().splitlines()]
        return "\n".join(lines).strip()


def edit_preamble(parent, session, plan_uuid: str) -> bool:
    """Ask for the new preamble and store it (one undo step); True when it changed."""
    ws = session.ws
    plan = ws.plan(plan_uuid)
    dialog = PreambleDialog(plan.preamble, parent)
    if dialog.exec() != QDialog.Accepted or dialog.text() == plan.preamble.strip():
        return False
    return session.edit(ws.update_plan, plan_uuid, label=QCoreApplication.translate("PreambleDialog", "Edit the preamble"),
                        preamble=dialog.text()) is not None
