"""The labels tasks had in their source document, and renumbering on purpose.

An imported task keeps its own label ("（二十）" where the document ran level-2 numbers on
across sections, "8." where a list started at 7) so that a clerk who reads "第（二十）条" in
the original finds it. ``renumber`` is the clerk's explicit choice to number the plan
officially instead: it clears every source label of the plan in one undoable step.
"""
from __future__ import annotations

from .entities import short_title
from .messages import msg


def renumber(ws, plan_uuid) -> int:
    """Drop the source labels of a plan's tasks (one undo step); returns how many changed."""
    plan = ws.plan(plan_uuid)
    count = ws.one("SELECT count(*) FROM tasks WHERE plan_id=? AND source_label<>''",
                   (plan.id,))[0]
    if count:
        with ws.operation(msg("store.op.renumber", title=short_title(plan.title))):
            ws.conn.execute("UPDATE tasks SET source_label='' WHERE plan_id=? AND source_label<>''",
                            (plan.id,))
    return count


def has_source_labels(ws, plan_uuid) -> bool:
    """Does any task of the plan still show the label of its source document?"""
    plan = ws.plan(plan_uuid)
    return ws.one("SELECT 1 FROM tasks WHERE plan_id=? AND source_label<>'' LIMIT 1",
                  (plan.id,)) is not None
