"""承接情况: what of the higher plan is carried, and what still needs the clerk.

Three lists for a district plan: higher tasks not carried yet, carried tasks without a
local lead (or responsible unit), and local tasks that carry nothing from above (a
sub-task of a carried task is the district's breakdown of it, not listed).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CarryStatus:
    plan: object
    higher: list = field(default_factory=list)           # [Plan] the plans carried from
    not_carried: list = field(default_factory=list)      # [{uuid, number, title, plan}]
    without_lead: list = field(default_factory=list)     # [{uuid, number, title, own}]
    carries_nothing: list = field(default_factory=list)  # [{uuid, number, title}]
    carried: int = 0

    def empty(self) -> bool:
        return not (self.not_carried or self.without_lead or self.carries_nothing)


def higher_plans(ws, plan) -> list:
    """The plans a district plan carries from: its parent plan and every plan it implements."""
    ids = [r[0] for r in ws.all(
        "SELECT DISTINCT h.plan_id FROM tasks t JOIN tasks h ON h.uuid=t.implements "
        "WHERE t.plan_id=?", (plan.id,))]
    plans = [ws.plan(i) for i in ids]
    if plan.parent_uuid and all(p.uuid != plan.parent_uuid for p in plans):
        parent = ws.one("SELECT id FROM plans WHERE uuid=?", (plan.parent_uuid,))
        if parent:
            plans.insert(0, ws.plan(parent[0]))
    return plans


def carry_status(ws, plan_uuid) -> CarryStatus:
    plan = ws.plan(plan_uuid)
    status = CarryStatus(plan, higher_plans(ws, plan))
    implemented = {r[0] for r in ws.all(
        "SELECT implements FROM tasks WHERE plan_id=? AND implements IS NOT NULL", (plan.id,))}
    for hp in status.higher:
        numbers = ws.numbers(hp.uuid)
        for t in ws.tasks(hp.uuid):
            if t.uuid not in implemented:
                status.not_carried.append({"uuid": t.uuid, "number": numbers[t.id],
                                           "title": t.title, "plan": hp.title})
    numbers = ws.numbers(plan.uuid)
    led = {r[0] for r in ws.all(
        "SELECT DISTINCT a.task_id FROM assignments a JOIN tasks t ON t.id=a.task_id "
        "WHERE t.plan_id=? AND a.role IN ('lead', 'responsible')", (plan.id,))}
    own = {r[0] for r in ws.all("SELECT task_id FROM task_origin WHERE own=1")}
    parents_with_children = {r[0] for r in ws.all(
        "SELECT DISTINCT parent_id FROM tasks WHERE plan_id=? AND parent_id IS NOT NULL", (plan.id,))}
    carrying: set[int] = set()   # tasks that carry something, themselves or through an ancestor
    for t in ws.tasks(plan.uuid):
        row = {"uuid": t.uuid, "number": numbers[t.id], "title": t.title}
        if t.implements:
            carrying.add(t.id)
            status.carried += 1
            # A heading whose sub-tasks are led is not itself a task to lead.
            if t.id not in led and t.id not in parents_with_children:
                status.without_lead.append({**row, "own": t.id in own})
        elif t.parent_id in carrying:
            carrying.add(t.id)
        else:
            status.carries_nothing.append(row)
    return status
