"""After a file was written: open it, or open the folder it is in (QDesktopServices).

    offer_to_open(window, path, "通知已生成。")   # a box with 打开文件 / 打开所在文件夹 / 关闭

Tests replace ``open_url`` to see what would be opened.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate   # lupdate finds translate("Context", "text")


def open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def open_path(path: Path) -> bool:
    return open_url(QUrl.fromLocalFile(str(path)))


def open_folder(path: Path) -> bool:
    return open_url(QUrl.fromLocalFile(str(path if path.is_dir() else path.parent)))


def open_box(parent: QWidget | None, path: Path, text: str) -> QMessageBox:
    """The box itself (tests click its buttons): the file's name, its folder, three buttons."""
    box = QMessageBox(QMessageBox.Information, translate("OpenFile", "Done"), text,
                      QMessageBox.NoButton, parent)
    box.setObjectName("open_file_box")
    box.setInformativeText(str(path))
    file_button = box.addButton(translate("OpenFile", "Open the file"), QMessageBox.AcceptRole)
    folder_button = box.addButton(translate("OpenFile", "Open its folder"), QMessageBox.ActionRole)
    box.addButton(QMessageBox.Close)
    box.setDefaultButton(file_button)
    file_button.setObjectName("open_the_file")
    folder_button.setObjectName("open_its_folder")
    if path.is_dir():
        file_button.hide()
        box.setDefaultButton(folder_button)

    def clicked(button) -> None:
        if button is file_button:
            open_path(path)
        elif button is folder_button:
            open_folder(path)
    box.buttonClicked.connect(clicked)
    return box


def offer_to_open(parent: QWidget | None, path: Path, text: str) -> None:
    open_box(parent, Path(path), text).exec()
