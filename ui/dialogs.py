"""Small dialogs used across the window. Views call them through this module (tests
replace ``confirm`` and friends), and every message from the store is shown as it is:
one plain Chinese line."""
from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QVBoxLayout, QWidget)


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
    """Pick one of some names (e.g. which department to keep when merging). A long list is
    sorted (Chinese by pinyin) and searchable; the index returned is the caller's."""

    SEARCH_FROM = 8     # a few names stay in the caller's order, without a search box

    def __init__(self, parent, title: str, text: str, names: list[str], current: int = 0):
        super().__init__(parent)
        self.setObjectName("choose_dialog")
        self.setWindowTitle(title)
        self.names = list(names)
        self.search = QLineEdit(self)
        self.search.setObjectName("choose_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("Dialogs", "Type to find…"))
        self.list = QListWidget(self)
        self.list.setObjectName("choose_list")
        order = list(range(len(names)))
        if len(names) >= self.SEARCH_FROM:
            collator = QCollator(QLocale(QLocale.Chinese, QLocale.China))
            order.sort(key=cmp_to_key(lambda a, b: collator.compare(names[a], names[b])))
        else:
            self.search.hide()
        for i in order:
            item = QListWidgetItem(names[i], self.list)
            item.setData(Qt.UserRole, i)
            if i == current:
                self.list.setCurrentItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(420, 420 if len(names) >= self.SEARCH_FROM else 260)

    def _filter(self, text: str) -> None:
        key = text.strip()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(key) and key not in item.text()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if self.list.currentItem() is None or self.list.currentItem().isHidden():
            self.list.setCurrentItem(first)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(first is not None)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(Qt.UserRole)


def choose(parent, title: str, text: str, names: list[str], current: int = 0) -> int | None:
    """The index of the chosen name, or None."""
    d = ChooseDialog(parent, title, text, names, current)
    return d.chosen() if d.exec() == QDialog.Accepted else None
