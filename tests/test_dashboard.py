"""The 进度 dashboard on a small workspace, offscreen: rounds, charts, table, clicks."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # before anything imports Qt

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from models.status import evaluate_plan  # noqa: E402
from models.status.sample import build_sample  # noqa: E402
from models.status.summary import problem_tasks  # noqa: E402

Q3 = "2025年第三季度"
TODAY = dt.date(2025, 11, 1)


@pytest.fixture
def dash(qtbot, ws):
    from ui.dashboard import DashboardWidget
    plan = build_sample(ws)
    w = DashboardWidget(ws, plan, today=TODAY)
    qtbot.addWidget(w)
    w.resize(1200, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_builds_with_rounds_summary_charts_and_the_problem_table(dash, ws):
    assert dash.current_round() == Q3
    assert [dash.rounds.combo.itemData(i) for i in range(dash.rounds.combo.count())] == [
        "2025年第一季度", "2025年第二季度", Q3]
    assert "4 late (2 overdue), 3 at risk" in dash.summary_label.text()
    assert set(dash.canvases) == {"status", "department", "month", "target"}
    expected = problem_tasks(evaluate_plan(ws, dash.plan_uuid, Q3, TODAY))
    assert dash.model.rowCount() == len(expected) == 7
    assert [dash.model.status_at(r).task_uuid for r in range(7)] == [s.task_uuid for s in expected]
    assert dash.model.index(0, 4).data() == "滞后"        # the catalog speaks Chinese by default


def test_activating_a_table_row_emits_its_task(dash, qtbot):
    row = 2
    dash.table.setFocus()
    dash.table.setCurrentIndex(dash.model.index(row, 1))
    with qtbot.waitSignal(dash.taskActivated, timeout=1000) as blocker:
        qtbot.keyClick(dash.table.viewport(), Qt.Key_Return)
    assert blocker.args == [dash.model.status_at(row).task_uuid]


def click_artist(canvas, artist):
    """Press the mouse on the middle of a bar, as a clerk would."""
    from matplotlib.backend_bases import MouseEvent
    canvas.draw()
    bbox = artist.get_window_extent()
    x, y = (bbox.x0 + bbox.x1) / 2, (bbox.y0 + bbox.y1) / 2
    MouseEvent("button_press_event", canvas, x, y, button=1)._process()


def test_clicking_a_department_bar_narrows_the_table_and_emits_its_first_task(dash, qtbot):
    canvas = dash.canvases["department"]
    bar = next(a for a in canvas.figure.axes[0].patches if a.get_gid() == "department:区市场监管局")
    with qtbot.waitSignal(dash.taskActivated, timeout=1000) as blocker:
        click_artist(canvas, bar)
    rows = [dash.model.status_at(r) for r in range(dash.model.rowCount())]
    assert rows and all("区市场监管局" in s.lead for s in rows)
    assert blocker.args == [rows[0].task_uuid]
    assert dash.show_all.isVisibleTo(dash)
    dash.show_all.click()
    assert dash.model.rowCount() == 7


def test_clicking_a_target_bar_emits_that_task(dash, qtbot):
    canvas = dash.canvases["target"]
    bar = next(a for a in canvas.figure.axes[0].patches if (a.get_gid() or "").startswith("task:"))
    with qtbot.waitSignal(dash.taskActivated, timeout=1000) as blocker:
        click_artist(canvas, bar)
    assert blocker.args == [bar.get_gid()[5:]]


def test_slice_clicks_can_be_told_not_to_jump(dash, qtbot):
    dash.chart_picks_activate = False
    with qtbot.assertNotEmitted(dash.taskActivated):
        dash.activate_group("light", "at_risk")
    assert {dash.model.status_at(r).light for r in range(dash.model.rowCount())} == {"at_risk"}


def test_creating_closing_and_choosing_rounds(dash, ws, qtbot):
    dash.rounds.create_round("2025年第四季度", "2025-10-01", "2025-12-31")
    assert dash.current_round() == "2025年第四季度"
    assert "As of 2025-11-01" in dash.summary_label.text()      # the round is running
    assert "9 without a report this round" in dash.summary_label.text()   # all but the done one
    dash.rounds.toggle_closed()
    assert ws.round(dash.plan_uuid, "2025年第四季度").closed == 1
    qtbot.waitUntil(lambda: dash.rounds.combo.currentText() == "2025年第四季度 (closed)")
    assert dash.rounds.close_button.text() == "Reopen round"
    dash.set_round("2025年第一季度")
    assert dash.current_round() == "2025年第一季度"
    assert "As of 2025-03-31" in dash.summary_label.text()


def test_workspace_changes_refresh_it(dash, ws, qtbot):
    late = dash.model.status_at(0)
    ws.record_progress(late.task_uuid, Q3, late.lead[0], "done")
    qtbot.waitUntil(lambda: dash.model.rowCount() == 6, timeout=2000)
    ws.undo()
    qtbot.waitUntil(lambda: dash.model.rowCount() == 7, timeout=2000)


def test_hidden_dashboard_refreshes_when_shown(dash, ws, qtbot):
    dash.hide()
    late = dash.model.status_at(0)
    ws.record_progress(late.task_uuid, Q3, late.lead[0], "done")
    qtbot.wait(20)
    assert dash.model.rowCount() == 7                # not yet: nobody is looking
    dash.show()
    qtbot.waitUntil(lambda: dash.model.rowCount() == 6, timeout=2000)


def test_deleted_plan_and_no_plan(dash, ws):
    ws.delete_plan(dash.plan_uuid)
    dash.refresh()
    assert dash.model.rowCount() == 0 and dash.canvases == {}
    dash.set_plan(None)
    assert dash.summary_label.text() == "No plan selected."
    assert not dash.rounds.new_button.isEnabled()


def test_reasons_speak_the_window_language_and_chinese_is_unchanged(qtbot, ws):
    import re

    from models import messages
    from ui.dashboard_model import WHY, ProblemTableModel
    plan = build_sample(ws)
    statuses = evaluate_plan(ws, plan, Q3, TODAY)
    rows = problem_tasks(statuses)
    model = ProblemTableModel()
    model.set_rows(rows)
    chinese = [model.index(r, WHY).data() for r in range(len(rows))]
    assert "已逾期92天，尚未完成" in chinese and all(chinese)
    assert chinese == [s.reason_text("zh") for s in rows]
    names = {d for s in statuses for d in (*s.lead, *s.support, *(a[0] for a in s.answers)) if d}
    try:
        messages.set_language("en")
        english = [model.index(r, WHY).data() for r in range(len(rows))]
        tips = [model.index(r, WHY).data(Qt.ToolTipRole) for r in range(len(rows))]
    finally:
        messages.set_language("zh")
    assert "92 days overdue, not done" in english
    for text, tip in zip(english, tips):
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, "")
        assert text and not re.search(r"[\u4e00-\u9fff]", text), text
        assert tip.splitlines()[1] == english[tips.index(tip)]
    assert [model.index(r, WHY).data() for r in range(len(rows))] == chinese


def test_a_heading_reason_counts_its_sub_tasks_in_both_languages(ws):
    from models.status import LIGHTS, light_label
    statuses = evaluate_plan(ws, build_sample(ws), Q3, TODAY)
    headings = [s for s in statuses if s.is_heading and s.tracked]
    assert headings
    for s in headings:
        counts = [(k, s.rollup[k]) for k in LIGHTS if s.rollup[k]]
        assert s.reason_text("zh") == "下属任务：" + "，".join(
            f"{light_label(k, 'zh')}{n}项" for k, n in counts)
        assert s.reason_text("en") == "sub-tasks: " + ", ".join(
            f"{n} {k.replace('_', ' ')}" for k, n in counts)
    assert any(len([k for k in LIGHTS if s.rollup[k]]) > 1 for s in headings)
