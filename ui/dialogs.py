"""Small dialogs used across the window. Views call them through this module (tests
replace ``confirm`` and friends), and every message from the store is shown as it is:
one plain Chinese line."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QLabel, QMessageBox,
                               QVBoxLayout, QWidget)


translate = QCoreApplication.translate   # lupdate finds translate("Context", "text")


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_warning(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """Something the clerk should look at, not a failure: e.g. points to check before
    printing a document that was written all the same."""
    box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Information, title, message, QMessageBox.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def failure_box(parent: QWidget | None, title: str, failure) -> QMessageBox:
    """The dialog for a failed job: the library's message, where (file, line, cell), details."""
    box = QMessageBox(QMessageBox.Warning, title or translate("Dialogs", "Error"), failure.message,
                      QMessageBox.Ok, parent)
    where = "\n".join(f"{_where_label(k)}：{v}" for k, v in failure.where.items())
    if where:
        box.setInformativeText(where)
    box.setDetailedText(failure.details)
    return box


def show_failure(parent: QWidget | None, title: str, failure) -> None:
    failure_box(parent, title, failure).exec()


def _where_label(key: str) -> str:
    labels = {
        "source": translate("Dialogs", "File"), "path": translate("Dialogs", "File"),
        "filename": translate("Dialogs", "File"), "file": translate("Dialogs", "File"),
        "where": translate("Dialogs", "Where"), "sheet": translate("Dialogs", "Sheet"),
        "cell": translate("Dialogs", "Cell"), "line": translate("Dialogs", "Line"),
        "row": translate("Dialogs", "Row"), "column": translate("Dialogs", "Column"),
    }
    return labels.get(key, key)


def locked_box(parent: QWidget | None, message: str) -> tuple[QMessageBox, object]:
    """The store's "workspace is being edited by …" line, with a read-only way in."""
    box = QMessageBox(QMessageBox.Warning, translate("Dialogs", "Workspace in use"), message, QMessageBox.NoButton,
                      parent)
    readonly = box.addButton(translate("Dialogs", "Open read-only"), QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(readonly)
    return box, readonly


def ask_open_readonly(parent: QWidget | None, message: str) -> bool:
    box, readonly = locked_box(parent, message)
    box.exec()
    return box.clickedButton() is readonly


class ChooseDialog(QDialog):
    """Pick one of a few names (e.g. which department to keep when merging)."""

    def __init__(self, parent, title: str, text: str, names: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox(self)
        self.combo.addItems(names)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)


def choose(parent, title: str, text: str, names: list[str], current: int = 0) -> int | None:
    """The index of the chosen name, or None."""
    d = ChooseDialog(parent, title, text, names)
    d.combo.setCurrentIndex(current)
    return d.combo.currentIndex() if d.exec() == QDialog.Accepted else None
