"""What the departments last reported on each task, for the tree's 状态 column and the
detail panel.

The latest round with a report on the task counts; when several departments reported
in it, the least advanced report stands for the task (a task is done when all say so).
"""
from __future__ import annotations

from dataclasses import dataclass

_ORDER = {"not_started": 0, "in_progress": 1, "done": 2, "": 3}
_SQL = ("SELECT p.task_id, p.status, p.percent, r.name, r.position, coalesce(d.name, ''), p.id "
        "FROM progress p JOIN rounds r ON r.id=p.round_id "
        "LEFT JOIN departments d ON d.id=p.department_id ")


@dataclass(frozen=True)
class LatestReport:
    status: str
    percent: float | None
    round: str
    department: str


def _pick(rows) -> dict[int, LatestReport]:
    best: dict[int, tuple] = {}
    for task_id, status, percent, rnd, position, dep, seq in rows:
        key = (-position, _ORDER.get(status, 3), percent if percent is not None else 1e9, -seq)
        if task_id not in best or key < best[task_id][0]:
            best[task_id] = (key, LatestReport(status, percent, rnd, dep))
    return {k: v[1] for k, v in best.items()}


def latest_reports(ws, plan_uuid) -> dict[int, LatestReport]:
    """{task id: its latest report} for every reported task of the plan."""
    plan = ws.plan(plan_uuid)
    return _pick(ws.all(_SQL + "JOIN tasks t ON t.id=p.task_id WHERE t.plan_id=?", (plan.id,)))


def latest_report(ws, task_uuid) -> LatestReport | None:
    task = ws.task(task_uuid)
    return _pick(ws.all(_SQL + "WHERE p.task_id=?", (task.id,))).get(task.id)
