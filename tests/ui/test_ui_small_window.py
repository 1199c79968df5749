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


def test_the_number_column_fits_the_plans_depth(qtbot, window):
    """A two-level plan's 编号 column is narrow, leaving 任务 the room; a deeper plan's is
    as wide as its deepest label needs."""
    window.files.open_demo()
    bd = window.breakdown
    ws, plan = window.session.ws, window.current_plan
    shallow = bd.tree.header().sectionSize(0)
    assert shallow < 110
    deep = ws.add_plan("五级计划", year=2025)
    parent = None
    for level in range(5):
        parent = ws.add_task(deep.uuid, f"第{level + 1}级", parent=parent).uuid
    bd.set_plan(deep.uuid)
    bd.tree.expandAll()
    node = bd.model.node_by_uuid(parent)
    needed = 5 * bd.tree.indentation() + bd.tree.fontMetrics().horizontalAdvance(node.number)
    assert bd.tree.header().sectionSize(0) >= needed > shallow
    bd.set_plan(plan)
    assert bd.tree.header().sectionSize(0) == shallow
