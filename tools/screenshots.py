"""Render the README's screenshots: the main window on the demo workspace, one per tab,
then the import preview of a sample plan and the 催报 dialog of the demo's round.

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
    for name, dialog in dialogs(window):
        dialog.show()
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
        dialog.close()
    window.close()
    return 0


def dialogs(window):
    """The import preview (a sample plan) and the departments not reported in a round."""
    import datetime as dt

    from models import reminders
    from reports.importer.any_file import parse_any
    from ui.import_preview import ImportPreview, known_names
    from ui.reminders import PendingDialog
    sample = Path(__file__).resolve().parent.parent / "resources" / "samples" / \
        "huaiyin_2022_ip_county_work_plan_notice.txt"
    ws, plan = window.session.ws, window.current_plan
    preview = ImportPreview(sample.name, parse_any(sample), known_names(ws), window)
    preview.resize(1280, 760)
    items = preview.tree.topLevelItem(2)
    if items is not None and items.childCount():
        preview.tree.setCurrentItem(items.child(0))
    # A round after the demo's, due on 10 October, looked at on the 16th: nobody reported yet.
    rnd = ws.add_round(plan, "2023年第三季度", "2023-07-01", "2023-09-30")
    reminders.set_due_date(ws, plan, rnd.uuid, "2023-10-10")
    pending = PendingDialog(ws, plan, rnd.uuid, dt.date(2023, 10, 16), window)
    return [("import_preview", preview), ("reminders", pending)]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
