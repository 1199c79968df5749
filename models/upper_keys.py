"""The task key of the plan above, for each task of a plan.

A district task that carries out a city task (承接) keeps the city task's key in its
``implements`` link. The exchange workbook writes that key in a hidden column, so a return
sent up to an office that also uses PlanDesk is matched by key, never by text.
"""
from __future__ import annotations


def upper_keys(ws, plan_uuid) -> dict[str, str]:
    """{task uuid: the key of the task of the plan above it carries out} (linked tasks only)."""
    plan = ws.plan(plan_uuid)
    return {r[0]: r[1] for r in ws.all(
        "SELECT uuid, implements FROM tasks WHERE plan_id=? AND coalesce(implements, '')!=''",
        (plan.id,))}
