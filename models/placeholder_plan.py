"""The empty first plan of a new workspace gives way to the first plan imported into it.

``new WS --title T`` (and the window's first start) make a workspace with one empty plan;
importing a plan document then added a second one, leaving an empty plan at the top of the
list. Once a plan is imported, an empty plan that is the only other one is deleted (one
undoable step).
"""
from __future__ import annotations

from .messages import msg


def _empty(ws, plan) -> bool:
    return not plan.source_file and ws.one(
        "SELECT (SELECT count(*) FROM tasks WHERE plan_id=?) + "
        "(SELECT count(*) FROM rounds WHERE plan_id=?) + "
        "(SELECT count(*) FROM notices WHERE plan_id=?)", (plan.id, plan.id, plan.id))[0] == 0


def drop_empty_placeholder(ws, imported_uuid: str) -> str | None:
    """Delete the empty placeholder plan beside ``imported_uuid``; its title, or None."""
    plans = ws.plans()
    if len(plans) != 2:
        return None
    other = next(p for p in plans if p.uuid != imported_uuid)
    if not _empty(ws, other):
        return None
    with ws.operation(msg("app.op.drop_empty_plan", title=other.title)):
        ws.delete_plan(other.uuid)
    return other.title
