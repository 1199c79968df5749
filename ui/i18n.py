"""Translations: the app's own catalog and Qt's, installed once at start-up.

Source strings are English (``self.tr("Undo {label}")``); the Chinese catalog
``resources/i18n/plandesk_zh_CN.ts`` is compiled to ``.qm`` by ``tools/i18n.sh``. Qt's own
``qtbase_zh_CN.qm`` is loaded too, so standard dialogs (file chooser, message box buttons)
speak Chinese. Chinese is the default; English is the untranslated source.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}


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
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    candidates = [
        (I18N_DIR, f"plandesk_{lang}.qm"),
        (Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)), f"qtbase_{lang}.qm"),
    ]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(str(folder / name)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    from .labels import forget_translations
    for t in translators:
        app.removeTranslator(t)
    forget_translations()
