"""Starting the desktop application: ``python main.py`` (the last workspace), ``--demo`` (a
fresh demo workspace) and ``--demo --screenshot F.png`` (render the window and exit)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from models.gc_pause import collector_paused

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .settings import Settings

# Qt and the window's modules are imported by start_gui, with the garbage collector paused:
# importing them makes the same long-lived objects as building the window.

SCREENSHOT_SIZE = (1366, 768)


def _no_display() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def make_app(lang: str | None, settings: Settings) -> tuple[QApplication, list]:
    """The QApplication with its translators (created once per process)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from . import i18n
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("PlanDesk")
    app.setApplicationName("PlanDesk")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "PlanDesk"))
    if sys.platform.startswith("linux"):
        # Pick a CJK-capable face so Chinese never falls back to boxes or a Japanese glyph set.
        font = QFont(app.font())
        font.setFamilies(["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC",
                          font.family()])
        app.setFont(font)
    translators = i18n.install(app, lang or settings.language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "PlanDesk"))
    return app, translators


def run_gui(demo: bool = False, screenshot: str | None = None, lang: str | None = None,
            workspace: str | None = None) -> int:
    if screenshot and _no_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app, window, translators = start_gui(demo=demo, lang=lang, workspace=workspace,
                                         persist=not screenshot)
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
        return take_screenshot(app, window, Path(screenshot))
    window.show()
    code = app.exec()
    del translators
    return code


def start_gui(demo: bool = False, lang: str | None = None, workspace: str | None = None,
              persist: bool = True):
    """The application and its main window with the workspace open, not yet shown:
    (app, window, translators). The log and the crash handler are set up first.

    The cyclic garbage collector is paused meanwhile: start-up makes tens of thousands of
    objects that live as long as the window, and collecting would only walk them again."""
    with collector_paused():
        from models import applog

        from . import feature_scan
        feature_scan.install()          # before the window's modules are imported
        from . import crash
        from .settings import Settings
        applog.setup()
        settings = Settings()
        app, translators = make_app(lang, settings)
        crash.install()
        from .main_window import MainWindow
        window = MainWindow(settings, persist=persist)
        if demo:
            window.files.open_demo()
        elif workspace:
            window.files.open(Path(workspace))
        elif settings.last_workspace and Path(settings.last_workspace).exists():
            window.files.open(Path(settings.last_workspace), quiet_missing=True)
    return app, window, translators


def take_screenshot(app: QApplication, window, out: Path) -> int:
    """Show the window with a task selected, render it to ``out``, close it."""
    window.show()
    prepare_for_screenshot(window)
    for _ in range(5):     # layouts, deferred repaints
        app.processEvents()
    ok = window.grab().save(str(out))
    window.close()
    if not ok:
        print(f"错误：无法写入截图 {out}", file=sys.stderr)
        return 2
    return 0


def prepare_for_screenshot(window) -> None:
    """Select the first task that has departments, so the detail panel is filled."""
    view = window.breakdown
    view.tree.expandToDepth(1)
    for node in view.model.iter_nodes():
        if node.names("lead", "responsible") and node.parent is not view.model.root:
            view.select_uuid(node.uuid)
            break
