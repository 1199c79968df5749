"""Accept a revision's changes into the received plan, in one undoable step.

Matched tasks are edited in place — same uuid — so every district task that implements
them keeps its link, and the district's own plan (breakdown, assignments, progress) is
never touched. Added tasks go in under their (matched or added) parent after their
previous sibling; with moves accepted, each parent's children take the revision's order.
Removed tasks are deleted last, after their matched children have moved away.
"""
from __future__ import annotations

from .entities import short_title
from .messages import msg
from .plan_diff import KINDS, PlanDiff, TaskChange


def _target_dicts(node) -> list[dict]:
    keep = ("metric", "value", "unit", "qualifier", "year", "baseline", "text")
    return [{k: t[k] for k in keep if k in t} for t in node.source.get("targets") or ()]


def accept_changes(ws, plan_uuid, diff: PlanDiff, kinds=None, backup: bool = True) -> dict:
    """Apply the changes of ``kinds`` (default: all); returns counts by kind."""
    plan = ws.plan(plan_uuid)
    kinds = set(kinds or KINDS)
    chosen = [c for c in diff.changes if c.kind in kinds]
    if backup:
        ws.bulk_backup("revision")
    done: dict[str, int] = {}
    with ws.operation(msg("chain.op_revision", plan=short_title(plan.title), n=len(chosen))):
        uuid_of: dict[str, str] = dict(diff.pairs)        # new ref -> task uuid in the plan
        for c in chosen:
            if c.kind in ("reworded", "roles", "deadline", "targets"):
                _edit(ws, c)
                done[c.kind] = done.get(c.kind, 0) + 1
        if "added" in kinds:
            for c in (c for c in chosen if c.kind == "added"):   # parents before children
                uuid_of[c.after.ref] = _add(ws, plan, c, diff, uuid_of)
                done["added"] = done.get("added", 0) + 1
        if "moved" in kinds:
            _reorder(ws, plan, diff, uuid_of)
            done["moved"] = len([c for c in chosen if c.kind == "moved"])
        keep = _holding_matched(diff) if "moved" not in kinds else set()
        for c in (c for c in chosen if c.kind == "removed"):
            if c.before.ref in keep:
                continue   # its sub-tasks live on in the revision: not without their move
            if ws.one("SELECT 1 FROM tasks WHERE uuid=?", (c.before.ref,)):
                ws.delete_task(c.before.ref)
            done["removed"] = done.get("removed", 0) + 1
    return done


def _holding_matched(diff: PlanDiff) -> set[str]:
    """Old tasks with a descendant that the revision keeps (matched): deleting one of them
    would take that descendant along."""
    matched = set(diff.pairs.values())
    parent = {o.ref: o.parent for o in diff.old}
    out: set[str] = set()
    for ref in matched:
        p = parent.get(ref)
        while p is not None:
            out.add(p)
            p = parent.get(p)
    return out


def _edit(ws, c: TaskChange) -> None:
    n, uuid = c.after, c.before.ref
    if c.kind == "reworded":
        ws.edit_task(uuid, title=n.title, text=n.text)
    elif c.kind == "deadline":
        ws.edit_task(uuid, deadline=n.deadline)
    elif c.kind == "roles":
        ws.set_roles(uuid, n.roles)
    elif c.kind == "targets":
        ws.set_targets(uuid, _target_dicts(n))


def _add(ws, plan, c: TaskChange, diff: PlanDiff, uuid_of: dict) -> str:
    n = c.after
    parent = uuid_of.get(n.parent) if n.parent is not None else None
    siblings = [m for m in diff.new if m.parent == n.parent and m.position < n.position]
    position = 0
    for m in reversed(siblings):        # after the previous sibling already in the plan
        if m.ref in uuid_of and ws.one("SELECT 1 FROM tasks WHERE uuid=?", (uuid_of[m.ref],)):
            position = ws.task(uuid_of[m.ref]).position + 1
            break
    free = n.key and ws.one("SELECT 1 FROM tasks WHERE uuid=?", (n.key,)) is None
    task = ws.add_task(plan.uuid, n.title, parent=parent, position=position, text=n.text,
                       deadline=n.deadline, label_style=n.source.get("label_style", "") or "",
                       uuid=n.key if free else None)
    if n.roles:
        ws.set_roles(task.uuid, n.roles)
    if n.targets:
        ws.set_targets(task.uuid, _target_dicts(n))
    return task.uuid


def _reorder(ws, plan, diff: PlanDiff, uuid_of: dict) -> None:
    """Each parent's children in the revision's order; tasks kept from the old version
    but absent from the revision follow them."""
    ids = {r[0]: r[1] for r in ws.all("SELECT uuid, id FROM tasks WHERE plan_id=?", (plan.id,))}
    groups: dict = {}
    for n in diff.new:
        uuid = uuid_of.get(n.ref)
        if uuid in ids:
            parent = uuid_of.get(n.parent) if n.parent is not None else None
            groups.setdefault(ids.get(parent) if parent else None, []).append(ids[uuid])
    placed = {i for children in groups.values() for i in children}
    for parent_id in set(groups) | {None}:
        order = groups.get(parent_id, [])
        rest = [r[0] for r in ws.all(
            "SELECT id FROM tasks WHERE plan_id=? AND parent_id IS ? ORDER BY position",
            (plan.id, parent_id)) if r[0] not in placed]
        for pos, tid in enumerate(order + rest):
            ws.conn.execute("UPDATE tasks SET parent_id=?, position=? WHERE id=?",
                            (parent_id, pos, tid))
    # Parents that lost children to a move: close their gaps.
    for parent_id, in ws.all("SELECT DISTINCT parent_id FROM tasks WHERE plan_id=?", (plan.id,)):
        if parent_id in groups:
            continue
        for pos, (tid,) in enumerate(ws.all(
                "SELECT id FROM tasks WHERE plan_id=? AND parent_id IS ? ORDER BY position",
                (plan.id, parent_id))):
            ws.conn.execute("UPDATE tasks SET position=? WHERE id=?", (pos, tid))
