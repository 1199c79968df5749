"""The detail panel shows the leaders, scope and 处室 a task names, and edits them in one
undoable step each."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
    assert detail.divisions.text() == "牵头处室：法规处"
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
    assert detail.people.text() == "" and not detail.divisions.isVisibleTo(detail)


def test_the_import_preview_tells_them_in_the_tooltip():
    from ui.import_preview import mention_lines
    node = {"people": ["杜新国"], "scopes": ["综合保税区"], "divisions": {"lead": ["法规处"]}}
    assert mention_lines(node) == ["责任领导：杜新国", "适用范围：综合保税区", "牵头处室：法规处"]
    assert mention_lines({"title": "无"}) == []
