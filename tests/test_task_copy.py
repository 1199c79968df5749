"""Copy and paste of tasks with their subtrees, within a plan and into another workspace."""
from __future__ import annotations

import json

import pytest

from models.errors import InvalidEdit
from models.task_copy import copy_tasks, count, paste_tasks
from models.workspace import Workspace


def _tree(ws):
    ws.add_department("区市场监管局", aliases=["市场监管局"])
    plan = ws.add_plan("计划", year=2025)
    top = ws.add_task(plan.uuid, "重点任务")
    a = ws.add_task(plan.uuid, "建设产业大厦", parent=top.uuid, deadline="2025年6月底前",
                    text="以大厦为载体。")
    ws.assign(a.uuid, "区市场监管局", "lead")
    ws.set_targets(a.uuid, [{"metric": "入驻机构", "value": 20, "unit": "家", "qualifier": "达到"}])
    ws.add_task(plan.uuid, "完成主体工程", parent=a.uuid, deadline="长期坚持")
    return plan, top, a


def test_paste_copies_the_subtree_after_a_task(ws):
    plan, top, a = _tree(ws)
    data = json.loads(json.dumps(copy_tasks(ws, [a.uuid])))   # through the clipboard
    assert count(data) == 2
    made = paste_tasks(ws, plan.uuid, data, top.uuid, 1)
    kids = ws.children(plan.uuid, top.uuid)
    assert [k.title for k in kids] == ["建设产业大厦", "建设产业大厦"]
    copy = kids[1]
    assert copy.uuid == made[0] != a.uuid
    assert (copy.text, copy.deadline_text, copy.deadline_date) == ("以大厦为载体。", "2025年6月底前",
                                                                   "2025-06-30")
    assert ws.roles(copy.uuid)["lead"] == ["区市场监管局"]
    assert ws.targets(copy.uuid) == ws.targets(a.uuid)
    assert [c.title for c in ws.children(plan.uuid, copy.uuid)] == ["完成主体工程"]
    ws.undo()   # one step
    assert [k.title for k in ws.children(plan.uuid, top.uuid)] == ["建设产业大厦"]


def test_paste_into_another_workspace_matches_departments_by_alias():
    src, dst = Workspace.memory(), Workspace.memory()
    _plan, _top, a = _tree(src)
    dst.add_department("槐荫区市场监督管理局", aliases=["区市场监管局"])
    other = dst.add_plan("区实施方案")
    made = paste_tasks(dst, other.uuid, copy_tasks(src, [a.uuid]))
    assert dst.roles(made[0])["lead"] == ["槐荫区市场监督管理局"]
    assert len(dst.departments()) == 1


def test_paste_refuses_what_is_not_tasks(ws):
    plan, _top, _a = _tree(ws)
    with pytest.raises(InvalidEdit) as e:
        paste_tasks(ws, plan.uuid, {"format": "something/1", "tasks": []})
    assert "剪贴板" in str(e.value)
