"""Read models of the plan list: counts the window shows beside each plan."""
from __future__ import annotations


def task_counts(ws) -> dict[int, int]:
    """plan id -> number of tasks."""
    return {r[0]: r[1] for r in ws.all("SELECT plan_id, count(*) FROM tasks GROUP BY plan_id")}


def task_count(ws, plan_id: int) -> int:
    return ws.all("SELECT count(*) FROM tasks WHERE plan_id=?", (plan_id,))[0][0]


def round_names(ws) -> list[str]:
    """The names of every plan's reporting rounds, oldest first, each once."""
    return list(dict.fromkeys(r[0] for r in ws.all("SELECT name FROM rounds ORDER BY id")))
