"""The window renders Chinese: a screenshot of the demo that is not blank, drawn with a CJK font."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CJK_FAMILIES = ("Noto Sans CJK", "Noto Serif CJK", "WenQuanYi", "SimSun", "Microsoft YaHei",
                "Source Han", "PingFang")


def not_blank(image: QImage) -> int:
    """How many distinct colours a sample of the pixels has."""
    colors = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colors.add(image.pixel(x, y))
    return len(colors)


def test_a_cjk_font_is_installed_and_used(qapp, tmp_path):
    families = QFontDatabase.families()
    assert any(f.startswith(CJK_FAMILIES) for f in families), families[:20]
    from ui.app import make_app
    from ui.settings import Settings
    app, _ = make_app("en", Settings.at(tmp_path / "unused.ini"))
    assert QFontMetrics(app.font()).inFontUcs4(ord("规"))


def test_demo_window_screenshot(qtbot, window, tmp_path):
    from ui.app import prepare_for_screenshot
    window.resize(1366, 768)
    window.files.open_demo()
    prepare_for_screenshot(window)
    qtbot.wait(50)
    path = tmp_path / "window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1366, 768)
    assert not_blank(image) > 30
    assert window.breakdown.detail.stack.currentIndex() == 1    # a task is shown in detail
    assert QApplication.font().family()


def test_main_demo_screenshot_command(tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--demo", "--screenshot", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert image.width() == 1366 and not_blank(image) > 30
