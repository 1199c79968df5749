"""Read models of the department registry: what the window lists about departments.

Each function is one query and returns plain values; the views never write SQL.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DepartmentUse:
    """One task a department has a role in."""
    plan_uuid: str
    plan_title: str
    task_id: int
    task_uuid: str
    task_title: str
    role: str


def plan_departments(ws, plan_uuid) -> list[str]:
    """The departments with a role in the plan, in the registry's order."""
    return [r[0] for r in ws.all(
        "SELECT DISTINCT d.name, d.position, d.id FROM assignments a "
        "JOIN tasks t ON t.id=a.task_id JOIN departments d ON d.id=a.department_id "
        "WHERE t.plan_id=? ORDER BY d.position, d.id", (ws.plan(plan_uuid).id,))]


def assignment_counts(ws) -> dict[int, int]:
    """department id -> how many assignments it has, over every plan."""
    return {r[0]: r[1] for r in ws.all(
        "SELECT department_id, count(*) FROM assignments GROUP BY department_id")}


def department_uses(ws, department_id: int) -> list[DepartmentUse]:
    """Where a department is used: its tasks, plan by plan, in the plans' order."""
    return [DepartmentUse(*r) for r in ws.all(
        "SELECT p.uuid, p.title, t.id, t.uuid, t.title, a.role FROM assignments a "
        "JOIN tasks t ON t.id=a.task_id JOIN plans p ON p.id=t.plan_id "
        "WHERE a.department_id=? ORDER BY p.position, t.id", (department_id,))]
