"""Read models of the task tree: the rows the breakdown's tree model mirrors.

A task row's fields are ``TASK_FIELDS`` in this order (the tree model keeps them as they
come). The whole plan is two queries (``plan_tasks``, ``plan_roles``); following one edit
reads only the written rows and the child lists that changed (the other functions).
"""
from __future__ import annotations

from collections.abc import Collection

TASK_FIELDS = ("uuid", "title", "text", "label_style", "deadline_text", "deadline_date",
               "deadline_kind", "status")
_FIELDS = ", ".join(TASK_FIELDS)


def _marks(n: int) -> str:
    return ",".join("?" * n)


def plan_tasks(ws, plan_id: int) -> list:
    """(id, parent_id, *TASK_FIELDS) of every task of a plan, by parent then position."""
    return ws.all(f"SELECT id, parent_id, {_FIELDS} FROM tasks WHERE plan_id=? "
                  "ORDER BY parent_id, position", (plan_id,))


def plan_roles(ws, plan_id: int) -> list:
    """(task id, role, department id, department name, assignment id) of a plan, by task
    then the order the roles were given."""
    return ws.all("SELECT a.task_id, a.role, a.department_id, d.name, a.id FROM assignments a "
                  "JOIN tasks t ON t.id=a.task_id JOIN departments d ON d.id=a.department_id "
                  "WHERE t.plan_id=? ORDER BY a.task_id, a.position, a.id", (plan_id,))


def tasks_by_id(ws, ids: Collection[int]) -> list:
    """(id, parent_id, position, plan_id, *TASK_FIELDS) of the tasks still there."""
    ids = list(ids)
    return ws.all(f"SELECT id, parent_id, position, plan_id, {_FIELDS} FROM tasks "
                  f"WHERE id IN ({_marks(len(ids))})", ids)


def children(ws, plan_id: int, parent_ids: Collection[int]) -> list:
    """(id, parent_id) of the children of these tasks, by parent then position."""
    ids = list(parent_ids)
    return ws.all(f"SELECT id, parent_id FROM tasks WHERE plan_id=? AND parent_id IN "
                  f"({_marks(len(ids))}) ORDER BY parent_id, position", [plan_id, *ids])


def top_tasks(ws, plan_id: int) -> list[int]:
    """The ids of the plan's top-level tasks, in order."""
    return [r[0] for r in ws.all("SELECT id FROM tasks WHERE plan_id=? AND parent_id IS NULL "
                                 "ORDER BY position", (plan_id,))]


def assignment_tasks(ws, assignment_ids: Collection[int]) -> list:
    """(assignment id, task id) of the assignments still there."""
    ids = list(assignment_ids)
    return ws.all(f"SELECT id, task_id FROM assignments WHERE id IN ({_marks(len(ids))})", ids)


def task_roles(ws, task_ids: Collection[int]) -> list:
    """(task id, role, department id, department name) of these tasks, in order."""
    ids = list(task_ids)
    return ws.all("SELECT a.task_id, a.role, a.department_id, d.name FROM assignments a "
                  "JOIN departments d ON d.id=a.department_id "
                  f"WHERE a.task_id IN ({_marks(len(ids))}) ORDER BY a.task_id, a.position, a.id",
                  ids)


def plan_uuid(ws, plan_id: int) -> str | None:
    """The plan's uuid; None when it was deleted."""
    rows = ws.all("SELECT uuid FROM plans WHERE id=?", (plan_id,))
    return rows[0][0] if rows else None
