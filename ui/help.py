"""Help: the short manual (F1), the list of shortcuts, and the About box with the version.

The manual is a page of HTML per language in ``resources/help/`` (``manual_zh_CN.html``,
``manual_en.html``); the shortcut list is built from the window's actions, so it is never
out of date.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QMessageBox,
                               QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
                               QWidget)

from .actions import plain_text
from .i18n import normalize

ROOT = Path(__file__).resolve().parent.parent
HELP_DIR = ROOT / "resources" / "help"
translate = QCoreApplication.translate   # lupdate finds translate("Context", "text")


@cache
def app_version() -> str:
    """The version of the installed package, else the one in pyproject.toml."""
    try:
        return metadata.version("plandesk")
    except metadata.PackageNotFoundError:
        pass
    try:
        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return "?"
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    return found.group(1) if found else "?"


def manual_html(language: str | None) -> str:
    lang = normalize(language)
    path = HELP_DIR / f"manual_{lang}.html"
    if not path.exists():
        path = HELP_DIR / "manual_zh_CN.html"
    return path.read_text(encoding="utf-8")


class ManualDialog(QDialog):
    def __init__(self, language: str | None, parent=None):
        super().__init__(parent)
        self.setObjectName("manual_dialog")
        self.setWindowTitle(translate("Help", "PlanDesk manual"))
        self.resize(720, 640)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manual_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(manual_html(language))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def shortcut_rows(actions) -> list[tuple[str, str]]:
    """(what it does, keys) for every action of the window that has a shortcut."""
    rows, seen = [], set()
    # QWidget.actions(): the window's own ``actions`` attribute is the Actions object.
    for act in QWidget.actions(actions.window) + list(actions.task_actions):
        keys = [k.toString(QKeySequence.NativeText) for k in act.shortcuts() if not k.isEmpty()]
        name = plain_text(act.text())
        if not keys or not name or act in seen:
            continue
        seen.add(act)
        rows.append((name, " / ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        self.resize(520, 560)
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([translate("Help", "Command"),
                                              translate("Help", "Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for i, (name, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def about_box(parent) -> QMessageBox:
    box = QMessageBox(QMessageBox.Information, translate("Help", "About PlanDesk"),
                      translate("Help", "<b>PlanDesk</b> version {version}").format(
                          version=app_version()), QMessageBox.Ok, parent)
    box.setObjectName("about_box")
    from reports import capabilities
    from models.messages import language
    intro = translate(
        "Help", "Plans, task breakdown, responsibilities and progress reports for planning "
                "offices. Works offline; every edit is saved at once and can be undone.")
    # What this machine has of the optional parts, and what each missing one disables.
    parts = capabilities.report(language(), where=False)[1:]
    box.setInformativeText("\n\n".join([intro, "\n".join(parts)]))
    return box
