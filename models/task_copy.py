"""Copying tasks with their subtrees, within a plan or into another one (also of another
workspace): a plain-data snapshot, and pasting it as new tasks.

    data = copy_tasks(ws, [uuid, …])          # JSON-able; the clipboard carries it
    new = paste_tasks(ws, plan, data, parent_uuid, position)   # one undo step

Department names travel as names: in another workspace they are matched through its
registry and aliases, and unknown ones are added flagged new, as an import does.
"""
from __future__ import annotations

from . import mentions
from .entities import short_title
from .errors import InvalidEdit
from .messages import msg

FORMAT = "plandesk.tasks/1"


def _node(ws, task) -> dict:
    return {"title": task.title, "text": task.text, "label_style": task.label_style,
            "deadline": task.deadline_text, "status": task.status,
            "roles": ws.roles(task.uuid), "targets": ws.targets(task.uuid),
            **ws.mentions(task.uuid),
            "children": [_node(ws, c) for c in _children(ws, task)]}


def _children(ws, task):
    plan = ws.plan(task.plan_id)
    return ws.children(plan.uuid, task.uuid)


def copy_tasks(ws, uuids) -> dict:
    """The tasks (top-most first, in the order given) with their subtrees."""
    return {"format": FORMAT, "tasks": [_node(ws, ws.task(u)) for u in uuids]}


def count(data: dict) -> int:
    stack, n = list(data.get("tasks") or []), 0
    while stack:
        node = stack.pop()
        n += 1
        stack.extend(node.get("children") or [])
    return n


def paste_tasks(ws, plan_uuid, data: dict, parent_uuid=None, position: int | None = None
                ) -> list[str]:
    """Insert copies of the tasks under ``parent_uuid`` from ``position`` on; their uuids."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidEdit("app.paste_not_tasks")
    tops = data.get("tasks") or []
    first = tops[0].get("title", "") if tops else ""
    made: list[str] = []
    with ws.operation(msg("app.op.paste_tasks", n=count(data), title=short_title(first))):
        for i, node in enumerate(tops):
            pos = None if position is None else position + i
            made.append(_insert(ws, plan_uuid, node, parent_uuid, pos))
    return made


def _insert(ws, plan_uuid, node: dict, parent_uuid, position) -> str:
    task = ws.add_task(plan_uuid, str(node.get("title", "")), parent=parent_uuid,
                       position=position, text=str(node.get("text", "")),
                       deadline=str(node.get("deadline", "")),
                       label_style=str(node.get("label_style", "")),
                       status=str(node.get("status", "")))
    roles = {r: list(v) for r, v in (node.get("roles") or {}).items() if v}
    if roles:
        ws.set_roles(task.uuid, roles)
    if node.get("targets"):
        ws.set_targets(task.uuid, list(node["targets"]))
    found = mentions.clean(node)
    if not mentions.is_empty(found):
        ws.write_mentions(task.id, found)
    for child in node.get("children") or []:
        _insert(ws, plan_uuid, child, task.uuid, None)
    return task.uuid
