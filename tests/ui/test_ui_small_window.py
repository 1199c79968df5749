"""The window at its smallest size (960×600, what a small office screen gives it): the progress charts
are shown whole, axes and labels inside their place, not cut off at the bottom."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.main_window import PROGRESS  # noqa: E402


def test_the_charts_fit_a_small_window(qtbot, window):
    window.files.open_demo()
    window.resize(window.minimumSize())
    window.tabs.setCurrentIndex(PROGRESS)
    qtbot.waitUntil(lambda: window.progress.dashboard is not None)
    dash = window.progress.dashboard
    qtbot.waitUntil(lambda: len(dash.canvases) == 4)
    qtbot.wait(50)
    area = dash.charts.rect()
    for name, canvas in dash.canvases.items():
        assert canvas.height() >= canvas.minimumHeight(), name
        assert area.contains(canvas.geometry()), (name, canvas.geometry(), area)
        # The figure is drawn at the size it is shown: nothing rendered below the widget.
        width, height = canvas.figure.get_size_inches() * canvas.figure.dpi
        assert abs(height - canvas.height() * canvas.devicePixelRatioF()) <= 2, name
