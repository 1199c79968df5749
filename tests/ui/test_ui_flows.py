"""User flows through the real widgets: type, indent, assign with the keyboard, undo it all."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from models.dump import dump  # noqa: E402
from ui import features  # noqa: E402
from ui.main_window import BREAKDOWN, MATRIX  # noqa: E402
from ui.matrix_model import RoleCodeRole  # noqa: E402
from ui.tree_model import TITLE  # noqa: E402

SEEDS = Path("/work/shared/seeds")


def task_by_title(ws, plan, title):
    return next(t for t in ws.tasks(plan) if t.title == title)


def test_add_type_indent_assign_then_undo_everything(qtbot, window, workspace_file):
    assert window.files.open(workspace_file)
    ws = window.session.ws
    plan = window.current_plan
    before = dump(ws)
    bd = window.breakdown
    assert bd.select_uuid(task_by_title(ws, plan, "保障措施").uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Return)                 # a new task after it, title editor open
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.insert("新增宣传任务")     # what an input method commits (QTest types ASCII only)
    qtbot.keyClick(editor, Qt.Key_Return)                  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: any(t.title == "新增宣传任务" for t in ws.tasks(plan)))
    new = task_by_title(ws, plan, "新增宣传任务")
    assert new.parent_id is None
    assert bd.model.node_by_uuid(new.uuid).number == "四、"

    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Tab)                    # indent under 保障措施
    assert ws.task(new.uuid).parent_id == task_by_title(ws, plan, "保障措施").id
    assert bd.model.node_by_uuid(new.uuid).number == "（一）"
    assert bd.current_node().uuid == new.uuid              # the selection followed the move

    window.tabs.setCurrentIndex(MATRIX)
    m = window.matrix.model
    idx = m.index(m.row_of_task(new.uuid), m.column_of_department("区科技局"))
    window.matrix.table.setFocus()
    window.matrix.table.setCurrentIndex(idx)
    qtbot.keyClick(window.matrix.table, Qt.Key_Q)          # Q = 牵头
    assert ws.roles(new.uuid)["lead"] == ["区科技局"]
    assert m.data(idx, RoleCodeRole) == "lead"
    assert "区科技局" in window.actions.undo.text()          # “Undo 设置“区科技局”为…的牵头单位”

    for _ in range(4):                                     # assign, indent, title, add
        assert window.actions.undo.isEnabled()
        window.actions.undo.trigger()
    assert dump(ws) == before
    assert "新增宣传任务" in window.actions.redo.text() or window.actions.redo.isEnabled()


def test_outdent_move_and_delete_with_the_keyboard(qtbot, window, workspace_file, modal):
    window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    child = task_by_title(ws, plan, "建设专利导航服务基地")
    bd.select_uuid(child.uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Tab, Qt.ShiftModifier)            # Shift+Tab: promote
    assert ws.task(child.uuid).parent_id == task_by_title(ws, plan, "重点任务").id
    qtbot.keyClick(bd.tree, Qt.Key_Up, Qt.ControlModifier)           # Ctrl+Up
    assert ws.task(child.uuid).position == 1
    qtbot.keyClick(bd.tree, Qt.Key_Down, Qt.ControlModifier)
    assert ws.task(child.uuid).position == 2
    parent = task_by_title(ws, plan, "实施专利导航项目")
    bd.select_uuid(parent.uuid)
    qtbot.keyClick(bd.tree, Qt.Key_Delete)                           # with its subtask
    assert "1" in modal.texts("confirm")[-1]
    assert parent.uuid not in {t.uuid for t in ws.tasks(plan)}
    assert ws.undo_label().startswith("删除任务")
    modal.confirm_answer = False
    bd.select_uuid(child.uuid)
    qtbot.keyClick(bd.tree, Qt.Key_Delete)
    assert child.uuid in {t.uuid for t in ws.tasks(plan)}            # the clerk said no


def test_multi_select_delete_is_one_step(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    before = dump(ws)
    bd.tree.expandAll()
    a = bd.view_index(bd.model.index_of_uuid(task_by_title(ws, plan, "指导思想").uuid))
    b = bd.view_index(bd.model.index_of_uuid(task_by_title(ws, plan, "保障措施").uuid))
    from PySide6.QtCore import QItemSelectionModel as S
    bd.tree.selectionModel().select(a, S.ClearAndSelect | S.Rows)
    bd.tree.selectionModel().select(b, S.Select | S.Rows)
    bd.delete()
    assert len(ws.tasks(plan)) == 7
    window.actions.undo.trigger()
    assert dump(ws) == before


def test_detail_panel_edits_and_alias_picker(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    t = task_by_title(ws, plan, "开展企业专利培训")
    bd.select_uuid(t.uuid)
    d = bd.detail
    assert d.title.text() == "开展企业专利培训"
    d.deadline.setText("2023年9月底前")
    d.deadline.editingFinished.emit()
    assert ws.task(t.uuid).deadline_date == "2023-09-30"
    assert "2023-09-30" in d.deadline_info.text()
    d.role.setCurrentIndex(d.role.findData("support"))
    d.department.setText("发改局")                         # an alias
    qtbot.keyClick(d.department, Qt.Key_Return)
    assert ws.roles(t.uuid)["support"] == ["区发展改革局"]
    assert d.assignments.topLevelItemCount() == 1
    # the completer offers names and aliases containing what is typed
    completer = d.department.completer()
    completer.setCompletionPrefix("发改")
    found = {completer.completionModel().index(i, 0).data(Qt.EditRole)
             for i in range(completer.completionCount())}
    assert found == {"发改局", "区发改局"}
    d.department.setText("区新设办公室")                      # unknown: added, flagged new
    qtbot.keyClick(d.department, Qt.Key_Return)
    assert ws.department("区新设办公室").is_new
    d.status.setCurrentIndex(d.status.findData("in_progress"))
    d.status.activated.emit(d.status.currentIndex())
    assert ws.task(t.uuid).status == "in_progress"


def test_filter_bar_finds_two_characters(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    bd = window.breakdown
    ws = window.session.ws
    bd.select_uuid(task_by_title(ws, window.current_plan, "开展企业专利培训").uuid)
    bd.tree.collapseAll()
    bd.tree.expand(bd.view_index(bd.model.index(0, 0)))   # the clerk had 总体要求 open
    bd.filter_bar.search.setText("培训")
    bd.filter_bar.apply()
    assert bd.filtered
    m = bd.tree.model()
    assert [m.data(m.index(0, TITLE))] == ["重点任务"]
    assert bd.current_node().title == "开展企业专利培训"     # still the current task
    assert "1" in bd.filter_bar.count.text()
    bd.filter_bar.search.clear()
    bd.filter_bar.apply()
    assert not bd.filtered and bd.tree.model() is bd.mirror
    assert bd.tree.isExpanded(bd.view_index(bd.model.index(0, 0)))   # as before the search
    assert bd.tree.header().sectionSize(0) > 0
    assert ws is window.session.ws


def test_read_only_disables_every_edit(qtbot, window, workspace_file):
    assert window.files.open(workspace_file, readonly=True)
    a = window.actions
    for act in a.edit_actions + [a.undo, a.redo]:
        assert not act.isEnabled(), act.text()
    assert window.mode_label.text() == "Read-only"
    bd = window.breakdown
    assert not bd.model.flags(bd.model.index(0, TITLE)) & Qt.ItemIsEditable
    idx = bd.tree.model().index(0, TITLE)
    bd.tree.setCurrentIndex(idx)
    bd.tree.edit(idx)                                     # what F2 or a double-click does
    assert bd.tree.state() != bd.tree.State.EditingState
    bd.select_uuid(bd.model.root.children[0].uuid)
    assert bd.detail.title.isReadOnly() and not bd.detail.add_button.isEnabled()
    window.tabs.setCurrentIndex(MATRIX)
    m = window.matrix.model
    window.matrix.table.setCurrentIndex(m.index(0, 0))
    qtbot.keyClick(window.matrix.table, Qt.Key_1)
    assert m.data(m.index(0, 0), RoleCodeRole) is None
    assert not window.departments.add_button.isEnabled()


def test_locked_workspace_offers_read_only(qtbot, window, workspace_file, modal):
    from models.workspace import Workspace
    holder = Workspace.open(workspace_file)               # another writer holds the lock
    try:
        modal.readonly_answer = False
        assert not window.files.open(workspace_file)
        message = modal.texts("locked")[-1]
        assert "工作区正由" in message and "只读" in message and "\n" not in message
        assert window.session.ws is None
        modal.readonly_answer = True
        assert window.files.open(workspace_file)
        assert window.session.readonly
        assert not window.actions.insert_sibling.isEnabled()
    finally:
        holder.close()


def test_locked_message_box_shows_the_store_message(qapp):
    from ui.dialogs import locked_box
    box, readonly = locked_box(None, "工作区正由 clerk@pc（进程 42）编辑；可以只读方式打开")
    assert box.text().startswith("工作区正由 clerk@pc")
    assert readonly in box.buttons()


def test_empty_state_and_demo(qtbot, window):
    assert window.stack.currentWidget() is window.empty
    texts = [b.text() for b in window.empty._buttons]
    assert "Import plan" in texts and "Open the demo workspace" in texts
    window.actions.open_demo.trigger()
    assert window.session.ws is not None and window.session.temporary
    assert window.stack.currentWidget() is window.splitter
    assert window.breakdown.model.task_count() > 5
    assert window.settings.recent_workspaces == []        # a demo is not remembered


def test_missing_feature_is_greyed_with_a_tooltip(qtbot, window, workspace_file, monkeypatch):
    monkeypatch.setitem(features._cache, "table_xlsx", None)
    window.files.open(workspace_file)
    act = window.actions.export_table_xlsx
    assert not act.isEnabled()
    assert act.toolTip() == "Not available yet"


def test_dropping_a_plan_file_imports_it(qtbot, window, workspace_file, modal, tmp_path):
    if not features.available("import_text"):
        return
    window.files.open(workspace_file)
    ws = window.session.ws
    n = len(ws.plans())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEEDS / "huaiyin_2022_ip_county_work_plan_notice.txt"))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: len(ws.plans()) == n + 1 and not window.jobs.jobs, timeout=15000)
    assert window.current_plan == ws.plans()[-1].uuid
    assert window.tabs.currentIndex() == BREAKDOWN
    assert modal.texts("info")                              # the import summary
    # a file that is no plan: the importer's message, with the file named
    bad = tmp_path / "空.txt"
    bad.write_text("", encoding="utf-8")
    job = window.jobs.import_files([bad])
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    assert job.outcome == "failed"
    assert "空.txt" in modal.texts("failure")[-1]
    assert len(ws.plans()) == n + 1


def test_ctrl_enter_adds_a_subtask_under_a_leaf(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    leaf = task_by_title(ws, plan, "保障措施")
    bd.select_uuid(leaf.uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Return, Qt.ControlModifier)
    kids = ws.children(plan, leaf.uuid)
    assert len(kids) == 1
    assert bd.tree.isExpanded(bd.view_index(bd.model.index_of_uuid(leaf.uuid)))
    assert bd.current_node().uuid == kids[0].uuid
    assert bd.model.node_by_uuid(kids[0].uuid).number == "（一）"
    assert isinstance(QApplication.focusWidget(), QLineEdit)     # typing the title next


def test_expand_all_then_indent_into_a_leaf_keeps_the_task_in_sight(qtbot, window,
                                                                    workspace_file):
    """Leaves say they never have children (the tree keeps no expanded state for them):
    a task indented under one after "expand all" is still shown, with its new parent open."""
    window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    bd.expand_all()
    leaf = task_by_title(ws, plan, "工作目标")             # the second child of 总体要求
    first = task_by_title(ws, plan, "指导思想")            # its leaf sibling above
    idx = bd.model.index_of_uuid(first.uuid)
    assert bd.model.flags(idx) & Qt.ItemNeverHasChildren
    assert not bd.model.flags(idx.parent()) & Qt.ItemNeverHasChildren
    assert bd.select_uuid(leaf.uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Tab)
    assert ws.task(leaf.uuid).parent_id == first.id
    parent = bd.model.index_of_uuid(first.uuid)
    assert not bd.model.flags(parent) & Qt.ItemNeverHasChildren
    assert bd.tree.isExpanded(bd.view_index(parent))
    assert bd.tree.visualRect(bd.view_index(bd.model.index_of_uuid(leaf.uuid))).isValid()
    assert bd.current_node().uuid == leaf.uuid
    window.actions.undo.trigger()
    assert bd.model.node_by_uuid(leaf.uuid).number == "（二）"



def test_the_empty_page_shows_the_standard_icons(qtbot, window):
    """The style's icons are set when something first shows them, not before the first
    paint: the empty page's 打开工作区 button has its icon."""
    buttons = {b.action: b for b in window.empty._buttons}
    assert not buttons[window.actions.open_workspace].icon().isNull()


def test_a_menu_shows_the_standard_icons(qtbot, settings, workspace_file):
    """A window opened on a workspace never shows the empty page: the 文件 menu, once
    opened, has the icons of 撤销 and 删除任务 set."""
    from ui.main_window import MainWindow
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    w.files.open(workspace_file)
    w.show()
    qtbot.waitExposed(w)
    menu = w.actions.file_menu
    menu.popup(w.mapToGlobal(w.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    assert not w.actions.undo.icon().isNull() and not w.actions.delete_task.icon().isNull()
    menu.hide()
    w.close()


def test_indenting_and_dragging_many_tasks_is_one_step(qtbot, window, workspace_file):
    """Tab on 300 selected siblings puts them under the one before, and dropping them
    back before it restores the order: each one step, written at once."""
    window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    section = task_by_title(ws, plan, "保障措施").uuid
    with ws.operation("粘贴任务"):
        added = [ws.add_task(plan, f"措施{k}", parent=section).uuid for k in range(301)]
    bd.tree.expandAll()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel as S
    first = bd.view_index(bd.model.index_of_uuid(added[1]))
    last = bd.view_index(bd.model.index_of_uuid(added[300]))
    bd.tree.setCurrentIndex(first)
    bd.tree.selectionModel().select(QItemSelection(first, last), S.ClearAndSelect | S.Rows)
    steps = ws.undo_count()
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Tab)
    assert [t.uuid for t in ws.children(plan, added[0])] == added[1:]
    assert [t.uuid for t in ws.children(plan, section)] == [added[0]]
    assert ws.undo_count() == steps + 1 and ws.undo_label() == "降级 300 项任务"
    # The tree shows it: the 300 rows are now under 措施0.
    holder = bd.model.index_of_uuid(added[0])
    assert bd.model.rowCount(holder) == 300
    # Drag them back before 措施0 in one drop.
    moving = [bd.model.index_of_uuid(u) for u in added[1:]]
    target = bd.model.index_of_uuid(section)
    assert bd.model.dropMimeData(bd.model.mimeData(moving), Qt.MoveAction, 0, 0, target)
    assert [t.uuid for t in ws.children(plan, section)] == added[1:] + [added[0]]
    assert ws.undo_label() == "移动 300 项任务"
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert [t.uuid for t in ws.children(plan, section)][-301:] == added
