"""One plan's tasks, roles, rounds and reports, read with one query per table.

The status of 10,000 tasks is computed from memory; a query per task would take seconds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..entities import ROLES, Plan
from ..numbering import number_tree
from .rounds import round_period
from .schedule import Date, to_date


@dataclass(slots=True)
class Report:
    """One department's report on one task in one round."""
    round_id: int
    round_position: int
    round_name: str
    department: str          # "" when reported for the task as a whole
    status: str              # not_started / in_progress / done / ""
    percent: float | None
    text: str
    note: str
    date: Date | None        # the round's end, else the day it was recorded
    seq: int                 # progress row id: later entries win ties
    problems: str = ""       # 存在问题
    next_steps: str = ""     # 下一步工作计划


@dataclass(slots=True)
class TaskRow:
    """The columns of a task the status needs (lighter than ``entities.Task``)."""
    id: int
    uuid: str
    parent_id: int | None
    title: str
    label_style: str
    deadline_text: str
    deadline_date: str | None
    deadline_kind: str
    status: str


@dataclass
class PlanData:
    plan: Plan
    tasks: list                                   # TaskRow, preorder
    numbers: dict                                 # task id → official label
    roles: dict = field(default_factory=dict)     # task id → {role: [department names]}
    rounds: list = field(default_factory=list)    # models.entities.Round, in order
    reports: dict = field(default_factory=dict)   # task id → {round id: [Report]}
    targets: dict = field(default_factory=dict)   # task id → [target dict]


def load_plan(ws, plan_uuid, with_targets: bool = False) -> PlanData:
    plan = ws.plan(plan_uuid)
    tasks, numbers = _tree(ws, plan)
    data = PlanData(plan, tasks, numbers)
    for r in ws.all(
            "SELECT a.task_id, a.role, d.name FROM assignments a JOIN tasks t ON t.id=a.task_id "
            "JOIN departments d ON d.id=a.department_id WHERE t.plan_id=? "
            "ORDER BY a.task_id, a.position, a.id", (plan.id,)):
        roles = data.roles.get(r[0])
        if roles is None:
            roles = data.roles[r[0]] = {k: [] for k in ROLES}
        roles[r[1]].append(r[2])
    data.rounds = ws.rounds(plan.uuid)
    by_id = {}
    for rnd in data.rounds:
        by_id[rnd.id] = (rnd, round_period(rnd, plan.year)[1])
    reports = data.reports
    for (seq, task_id, round_id, department, status, percent, text, note,
         reported_at, problems, next_steps) in ws.conn.execute(
            "SELECT p.id, p.task_id, p.round_id, d.name, p.status, p.percent, p.text, "
            "p.note, p.reported_at, p.problems, p.next_steps FROM progress p "
            "JOIN tasks t ON t.id=p.task_id "
            "LEFT JOIN departments d ON d.id=p.department_id WHERE t.plan_id=? ORDER BY p.id",
            (plan.id,)):
        rnd, end = by_id[round_id]
        per_task = reports.get(task_id)
        if per_task is None:
            per_task = reports[task_id] = {}
        per_task.setdefault(round_id, []).append(Report(
            round_id, rnd.position, rnd.name, department or "", status or "", percent,
            text or "", note or "", end or to_date(reported_at), seq, problems or "",
            next_steps or ""))
    if with_targets:
        for r in ws.all("SELECT g.* FROM targets g JOIN tasks t ON t.id=g.task_id "
                        "WHERE t.plan_id=? ORDER BY g.task_id, g.position, g.id", (plan.id,)):
            data.targets.setdefault(r["task_id"], []).append(dict(r))
    return data


def _tree(ws, plan) -> tuple[list, dict]:
    """The tasks in preorder and their official numbers, from one query."""
    kids: dict = {}
    for row in ws.conn.execute(
            "SELECT id, uuid, parent_id, title, label_style, deadline_text, deadline_date, "
            "deadline_kind, status FROM tasks WHERE plan_id=? ORDER BY position, id", (plan.id,)):
        t = TaskRow(*row)
        kids.setdefault(t.parent_id, []).append(t)
    out: list = []
    stack = list(reversed(kids.get(None, [])))
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(reversed(kids.get(t.id, ())))
    labels = number_tree(kids.get(None, []), lambda t: kids.get(t.id, ()), lambda t: t.label_style,
                         bool(plan.settings.get("continuous_level3")), key=lambda t: t.id)
    return out, labels
