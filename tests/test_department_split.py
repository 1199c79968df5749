"""Splitting a wrongly merged department name: its assignments, progress and names follow."""
from __future__ import annotations

import pytest

from models.errors import InvalidEdit


def _setup(ws, merged: str):
    ws.add_department("区发展改革局")
    ws.add_department("区财政局")
    ws.add_department(merged, is_new=True)
    plan = ws.add_plan("计划")
    t1 = ws.add_task(plan.uuid, "任务一")
    ws.assign(t1.uuid, "区发展改革局", "lead")
    ws.assign(t1.uuid, merged, "support")
    t2 = ws.add_task(plan.uuid, "任务二")
    ws.assign(t2.uuid, merged, "lead")
    ws.assign(t2.uuid, "区财政局", "guide")
    rnd = ws.add_round(plan.uuid, "第一季度")
    ws.record_progress(t2.uuid, rnd.uuid, merged, status="done", percent=100)
    return plan, t1, t2


def test_split_gives_every_task_each_part_in_the_old_role(ws):
    plan, t1, t2 = _setup(ws, "国资委财政市场监管局")
    parts = ws.split_department("国资委财政市场监管局", ["区国资委", "区财政局", "区市场监管局"])
    assert [d.name for d in parts] == ["区国资委", "区财政局", "区市场监管局"]
    assert ws.roles(t1.uuid)["support"] == ["区国资委", "区财政局", "区市场监管局"]
    # 区财政局 already guided task two: it keeps its place, with the stronger role.
    assert ws.roles(t2.uuid) == {"lead": ["区国资委", "区市场监管局", "区财政局"], "support": [],
                                 "responsible": [], "guide": []}
    assert ws.find_department("国资委财政市场监管局") is None
    assert [p["department"] for p in ws.progress(t2.uuid)] == ["区国资委"]
    assert {d.name: d.is_new for d in ws.departments()}["区市场监管局"]


def test_split_is_one_undo_step(ws):
    _plan, t1, t2 = _setup(ws, "科技经信局教体局")
    before = (ws.roles(t1.uuid), ws.roles(t2.uuid), [d.name for d in ws.departments()])
    ws.split_department("科技经信局教体局", ["区科技经信局", "区教体局"])
    assert ws.roles(t1.uuid)["support"] == ["区科技经信局", "区教体局"]
    ws.undo()
    assert (ws.roles(t1.uuid), ws.roles(t2.uuid), [d.name for d in ws.departments()]) == before


def test_split_needs_two_new_names(ws):
    _setup(ws, "科技经信局教体局")
    with pytest.raises(InvalidEdit) as e:
        ws.split_department("科技经信局教体局", ["区科技经信局", " "])
    assert "至少" in str(e.value)
    with pytest.raises(InvalidEdit):
        ws.split_department("科技经信局教体局", ["科技经信局教体局", "区教体局"])
