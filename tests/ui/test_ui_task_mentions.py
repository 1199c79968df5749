"""The detail panel shows the leaders, scope and 处室 a task names, and edits them in one
undoable step each."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from models.dump import dump  # noqa: E402
from ui.task_detail import TaskDetail  # noqa: E402


def test_the_panel_shows_and_edits_leaders_and_scope(qtbot, sample, tree):
    session, plan = sample
    ws = session.ws
    task = next(t for t in ws.tasks(plan) if t.title == "实施专利导航项目")
    ws.set_mentions(task.uuid, people=["杜新国"], divisions={"lead": ["法规处"]})
    detail = TaskDetail(session, tree)
    qtbot.addWidget(detail)
    detail.show_tasks([task.uuid])
    assert detail.people.text() == "杜新国" and detail.scopes.text() == ""
    assert detail.divisions["lead"].text() == "法规处" and detail.divisions["support"].text() == ""
    detail.people.setText("杜新国、王丹县长")
    detail.people.editingFinished.emit()
    detail.scopes.setText("综合保税区；县城片区")
    detail.scopes.editingFinished.emit()
    assert ws.mentions(task.uuid) == {"people": ["杜新国", "王丹县长"],
                                      "scopes": ["综合保税区", "县城片区"],
                                      "divisions": {"lead": ["法规处"]}}
    ws.undo()
    qtbot.waitUntil(lambda: detail.scopes.text() == "", timeout=2000)
    assert detail.people.text() == "杜新国、王丹县长"
    other = next(t for t in ws.tasks(plan) if t.title == "总体要求")
    detail.show_tasks([other.uuid])
    assert detail.people.text() == "" and detail.divisions["lead"].text() == ""


def test_the_import_preview_tells_them_in_the_tooltip():
    from ui.import_preview import mention_lines
    node = {"people": ["杜新国"], "scopes": ["综合保税区"], "divisions": {"lead": ["法规处"]}}
    assert mention_lines(node) == ["责任领导：杜新国", "适用范围：综合保税区", "牵头处室：法规处"]
    assert mention_lines({"title": "无"}) == []


def dumped(ws, uuid) -> dict:
    def flat(tasks):
        for t in tasks:
            yield t
            yield from flat(t["children"])
    return next(t for p in dump(ws)["plans"] for t in flat(p["tasks"]) if t["uuid"] == uuid)


def type_into(qtbot, edit, text: str) -> None:
    """What a clerk does: click in, select what is there, type (an input method commits the
    Chinese text at once), Enter."""
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)
    qtbot.keyClick(edit, Qt.Key_Return)


def test_a_division_typed_in_the_window_is_undone_and_redone(qtbot, window, workspace_file):
    assert window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    task = next(t for t in ws.tasks(plan) if t.title == "开展企业专利培训")
    assert bd.select_uuid(task.uuid)
    d = bd.detail
    lead, support = d.divisions["lead"], d.divisions["support"]
    assert lead.isVisibleTo(d) and lead.text() == "" and not lead.isReadOnly()
    type_into(qtbot, lead, "法规处")
    type_into(qtbot, support, "办公室、财务处")
    assert dumped(ws, task.uuid)["divisions"]["lead"] == ["法规处"]
    assert dumped(ws, task.uuid)["divisions"]["support"] == ["办公室", "财务处"]
    # each edit its own step, named in the Edit menu
    assert "开展企业专利培训" in window.actions.undo.text()
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: support.text() == "", timeout=2000)
    assert lead.text() == "法规处"
    assert dumped(ws, task.uuid)["divisions"]["support"] == []
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: lead.text() == "", timeout=2000)
    assert dumped(ws, task.uuid)["divisions"] == {"lead": [], "support": [], "responsible": [],
                                                   "guide": []}
    window.actions.redo.trigger()
    qtbot.waitUntil(lambda: lead.text() == "法规处", timeout=2000)
    assert dumped(ws, task.uuid)["divisions"]["lead"] == ["法规处"]
    # a division renamed, then emptied: the row of the task goes when it names nothing
    type_into(qtbot, lead, "政策法规处")
    assert dumped(ws, task.uuid)["divisions"]["lead"] == ["政策法规处"]
    type_into(qtbot, lead, "")
    assert dumped(ws, task.uuid)["divisions"]["lead"] == []
    assert ws.one("SELECT count(*) FROM task_mentions")[0] == 0
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: lead.text() == "政策法规处", timeout=2000)


def test_leaders_and_scope_typed_in_the_window_are_undone(qtbot, window, workspace_file):
    """A made-up second form: a leader with his title, two scopes; Enter commits each."""
    assert window.files.open(workspace_file)
    ws, plan, bd = window.session.ws, window.current_plan, window.breakdown
    task = next(t for t in ws.tasks(plan) if t.title == "开展企业专利培训")
    assert bd.select_uuid(task.uuid)
    d = bd.detail
    type_into(qtbot, d.people, "王明副区长、李红")
    type_into(qtbot, d.scopes, "城区各街道；开发区")
    got = dumped(ws, task.uuid)
    assert got["people"] == ["王明副区长", "李红"] and got["scopes"] == ["城区各街道", "开发区"]
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: d.scopes.text() == "", timeout=2000)
    assert dumped(ws, task.uuid)["scopes"] == [] and d.people.text() == "王明副区长、李红"
    window.actions.redo.trigger()
    qtbot.waitUntil(lambda: d.scopes.text() == "城区各街道；开发区", timeout=2000)


def test_a_read_only_workspace_shows_divisions_without_editing(qtbot, window, workspace_file):
    from models.workspace import Workspace
    with Workspace.open(workspace_file) as ws:
        task = next(t for t in ws.tasks(ws.plans()[-1].uuid) if t.title == "开展企业专利培训")
        ws.set_mentions(task.uuid, divisions={"guide": ["督查室"]})
    assert window.files.open(workspace_file, readonly=True)
    bd = window.breakdown
    assert bd.select_uuid(task.uuid)
    guide = bd.detail.divisions["guide"]
    assert guide.text() == "督查室" and guide.isReadOnly()
