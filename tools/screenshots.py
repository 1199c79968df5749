"""Render the README's screenshots: the main window on the demo workspace, one per tab.

    xvfb-run -a .venv/bin/python tools/screenshots.py docs/screenshots
(or with QT_QPA_PLATFORM=offscreen). The pictures are what a clerk sees at 1366×768.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NAMES = ["breakdown", "matrix", "departments", "progress", "exchanges"]


def main(folder: str) -> int:
    from ui.app import SCREENSHOT_SIZE, make_app, prepare_for_screenshot
    from ui.main_window import MainWindow
    from ui.settings import Settings

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    app, _translators = make_app("zh_CN", settings)
    window = MainWindow(settings, persist=False)
    window.resize(*SCREENSHOT_SIZE)
    window.files.open_demo()
    window.show()
    prepare_for_screenshot(window)
    for index, name in enumerate(NAMES):
        window.tabs.setCurrentIndex(index)
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
