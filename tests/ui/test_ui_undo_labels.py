"""The undo menu names each step in the window's language, whatever language it was made in."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QItemSelectionModel as S  # noqa: E402

from ui import i18n  # noqa: E402


@pytest.fixture
def english(qapp):
    translators = i18n.install(qapp, "en")
    yield translators
    i18n.uninstall(qapp, translators)


def test_the_english_window_names_undo_steps_in_english(english, qtbot, settings, workspace_file):
    from ui.main_window import MainWindow
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    w.files.open(workspace_file)
    ws = w.session.ws
    task = ws.add_task(w.current_plan, "宣传培训")
    assert w.actions.undo.text() == "&Undo Add the task “宣传培训”"
    ws.add_department("区教育局")
    ws.assign(task.uuid, "区教育局", "support")
    assert w.actions.undo.text() == "&Undo Make “区教育局” the supporting department of “宣传培训”"
    w.actions.undo.trigger()
    assert w.actions.redo.text().startswith("&Redo Make “区教育局”")
    assert "添加" not in w.actions.undo.text() and "设置" not in w.actions.redo.text()
    w.close()


# A step over several tasks or departments is named from the catalog too.
def _select_tasks(bd, ws, plan, titles):
    bd.tree.expandAll()
    by_title = {t.title: t.uuid for t in ws.tasks(plan)}
    for i, title in enumerate(titles):
        idx = bd.view_index(bd.model.index_of_uuid(by_title[title]))
        bd.tree.selectionModel().select(idx, (S.ClearAndSelect if i == 0 else S.Select) | S.Rows)


def _window(qtbot, settings, workspace_file):
    from ui.main_window import MainWindow
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    w.files.open(workspace_file)
    return w


def test_steps_over_several_items_read_in_english(english, qtbot, settings, workspace_file):
    w = _window(qtbot, settings, workspace_file)
    ws, plan, bd = w.session.ws, w.current_plan, w.breakdown
    _select_tasks(bd, ws, plan, ["总体要求", "重点任务"])
    bd.move_down()
    assert w.actions.undo.text() == "&Undo Move 2 tasks down"
    _select_tasks(bd, ws, plan, ["指导思想", "保障措施"])
    bd.delete_selected(ask=False)
    assert w.actions.undo.text() == "&Undo Delete 2 tasks"
    ids = [d.id for d in ws.departments()][:2]
    w.tabs.setCurrentWidget(w.departments)
    w.departments.select_ids(ids)
    assert w.departments.selected_ids() == ids
    w.departments.toggle_kind()
    assert w.actions.undo.text() == "&Undo Change the kind of 2 departments"
    w.actions.undo.trigger()
    assert w.actions.redo.text() == "&Redo Change the kind of 2 departments"
    w.close()


def test_the_same_steps_read_in_chinese_in_the_chinese_window(qapp, qtbot, settings,
                                                              workspace_file):
    translators = i18n.install(qapp, "zh_CN")
    try:
        w = _window(qtbot, settings, workspace_file)
        ws, plan, bd = w.session.ws, w.current_plan, w.breakdown
        _select_tasks(bd, ws, plan, ["指导思想", "保障措施"])
        bd.delete_selected(ask=False)
        assert w.actions.undo.text() == "撤销 删除 2 项任务"
        w.close()
    finally:
        i18n.uninstall(qapp, translators)
