"""Translations: the app's own catalog and Qt's, installed once at start-up.

Source strings are English (``self.tr("Undo {label}")``); the Chinese catalog
``resources/i18n/plandesk_zh_CN.ts`` is compiled to ``.qm`` by ``tools/i18n.sh``. Qt's own
``qtbase_zh_CN.qm`` is loaded too, so standard dialogs (file chooser, message box buttons)
speak Chinese, and the message catalog (``models.messages``) renders in the same language.
Chinese is the default; English is the untranslated source.

``switch()`` changes the language of a running application (the window is then rebuilt).
Qt's own file dialog is used, with its dates in the UI's language: it otherwise formats
them in the system locale, which on many Linux desktops is "C" ("3 12 2026").
"""
from __future__ import annotations

from pathlib import Path

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (QApplication, QFileDialog, QLabel, QStyledItemDelegate,
                               QTreeView)

from models import messages

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
_current: list[QTranslator] = []      # what install() put in last (for switch())


def normalize(lang: str | None) -> str:
    """'' / None -> the default; zh, zh-CN, zh_Hans… -> zh_CN; en_US -> en."""
    if not lang:
        return DEFAULT_LANGUAGE
    lang = lang.replace("-", "_")
    if lang.lower().startswith("zh"):
        return "zh_CN"
    if lang.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def install(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install the translators for ``lang``; returns them (keep them alive with the app)."""
    from .labels import forget_translations
    forget_translations()
    lang = normalize(lang)
    _use_qt_file_dialogs(app)
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        messages.set_language("en")
        _current[:] = installed
        return installed
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    messages.set_language("zh")
    for path in (I18N_DIR / f"plandesk_{lang}.qm", _qt_catalog(lang)):
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    _current[:] = installed
    return installed


def _qt_catalog(lang: str) -> Path | None:
    """qtbase_zh_CN.qm: where Qt says, else beside the PySide6 package (frozen builds)."""
    import PySide6
    name = f"qtbase_{lang}.qm"
    base = Path(PySide6.__file__).resolve().parent
    for folder in (Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)),
                   base / "Qt" / "translations", base / "translations"):
        if (folder / name).exists():
            return folder / name
    return None


def switch(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Replace the translators installed last by those of ``lang``; returns the new ones."""
    uninstall(app, list(_current))
    return install(app, lang)


class _LocalDates(QStyledItemDelegate):
    """The file dialog's 大小 and 修改日期 columns in the UI's locale, not the system's
    (which on Linux is often "C": "1 bytes", "3 12 2026")."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if index.column() == 1 and hasattr(model, "size") and not model.isDir(index):
            option.text = QLocale().formattedDataSize(model.size(index), 1,
                                                      QLocale.DataSizeTraditionalFormat)
        elif index.column() == 3 and hasattr(model, "lastModified"):
            option.text = QLocale().toString(model.lastModified(index), QLocale.ShortFormat)
        elif index.column() == 2 and hasattr(model, "isDir"):
            # Qt's Chinese catalog lacks the file kinds of Qt 6 ("Folder", "%1 File").
            if model.isDir(index):
                option.text = QCoreApplication.translate("FileDialog", "Folder")
            elif model.fileInfo(index).suffix():
                option.text = QCoreApplication.translate("FileDialog", "{suffix} file").format(
                    suffix=model.fileInfo(index).suffix().upper())


def localize_file_dialog(dialog: QFileDialog) -> None:
    """Dates and kinds in the UI's language, and the two labels Qt's catalog misses."""
    for name, text in (("lookInLabel", QCoreApplication.translate("FileDialog", "&Look in:")),
                       ("fileTypeLabel",
                        QCoreApplication.translate("FileDialog", "Files of &type:"))):
        label = dialog.findChild(QLabel, name)
        if label is not None:
            label.setText(text)
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None and not isinstance(view.itemDelegate(), _LocalDates):
        view.setItemDelegate(_LocalDates(view))
        # Wide enough for the longest kind it names ("PLANDESK 文件"), not cut to "PL…文件".
        kind = QCoreApplication.translate("FileDialog", "{suffix} file").format(suffix="PLANDESK")
        header = view.header()
        header.resizeSection(2, max(header.sectionSize(2),
                                    view.fontMetrics().horizontalAdvance(kind) + 16))


def _focus_changed(_old, now) -> None:
    # A focus change is rare (unlike events, which an event filter would see all of):
    # the file dialog is caught when it takes the focus, before the clerk reads a date.
    window = now.window() if now is not None else None
    if isinstance(window, QFileDialog):
        localize_file_dialog(window)


def _use_qt_file_dialogs(app: QCoreApplication) -> None:
    """Qt's own (translated) file dialog, except on Windows, whose dialog speaks the
    system's language already."""
    if not isinstance(app, QApplication) or app.property("plandesk_dates"):
        return
    if not sys.platform.startswith("win"):
        app.setAttribute(Qt.AA_DontUseNativeDialogs, True)
    app.setProperty("plandesk_dates", True)
    app.focusChanged.connect(_focus_changed)


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    from .labels import forget_translations
    for t in [*translators, *_current]:
        app.removeTranslator(t)
    translators.clear()
    _current.clear()
    forget_translations()
    messages.set_language("zh")
