"""A plan (dump shape) flattened into the rows of a 分工表.

Every task is one row in document order. A task with children and no department or
deadline of its own is a heading (section row); the others are task rows. A row keeps
its roles: the 分工表 prints one column per role; the exchange workbook's 牵头单位 text
(``lead``) shows the leads and the responsible units (marked 负责), its 配合单位 text
the supporting ones, with guiding bodies marked 指导. The leaders (责任领导), the issuing
office's divisions (处室, by role) and the scope (适用范围) a task names are no
departments: they are kept apart from the units.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from models.numbering import display_label


@dataclass(slots=True)      # one per task: a 20,000-task plan holds 20,000 of them
class TableRow:
    uuid: str
    level: int
    number: str
    title: str
    text: str
    lead: str
    support: str
    deadline: str
    section: bool
    roles: dict = field(default_factory=dict)
    ancestors: tuple = ()          # uuids of the headings and tasks above
    departments: list = field(default_factory=list)   # every one named, leads first
    people: str = ""               # 责任领导: "杜新国、王丹县长"
    divisions: dict = field(default_factory=dict)   # 处室 by role: {"lead": ["法规处"]}
    scopes: str = ""               # 适用范围: "综合保税区"


def departments_of(roles: dict) -> list[str]:
    """Every department named in ``roles``, leads first, without repeats."""
    out: dict[str, None] = {}
    for role in ("lead", "responsible", "support", "guide"):
        for name in roles.get(role) or ():
            out.setdefault(name, None)
    return list(out)


def role_columns(roles: dict) -> tuple[str, str]:
    """(牵头单位 text, 配合单位 text) for a task's roles.

    Responsible units in a 牵头单位 column read "A、B负责", as official tables write them,
    so they are not mistaken for leads.
    """
    lead = "、".join(roles.get("lead") or ())
    responsible = "、".join(roles.get("responsible") or ())
    if responsible:
        responsible += "负责"
    first = "；".join(filter(None, [lead, responsible]))
    second = "、".join(roles.get("support") or ())
    guide = roles.get("guide") or ()
    if guide:
        second = "；".join(filter(None, [second, "指导：" + "、".join(guide)]))
    return first, second


def has_roles(roles: dict) -> bool:
    return any(roles.get(r) for r in ("lead", "support", "responsible", "guide"))


def deadline_text(task: dict) -> str:
    d = task.get("deadline")
    if isinstance(d, dict):
        return d.get("text") or ""
    return str(d or "")


def table_rows(plan: dict) -> list[TableRow]:
    """The rows of the plan's 分工表, in document order."""
    out: list[TableRow] = []
    stack = [(t, ()) for t in reversed(plan.get("tasks") or [])]
    while stack:
        task, ancestors = stack.pop()
        roles = task.get("roles") or {}
        lead, support = role_columns(roles)
        deadline = deadline_text(task)
        children = task.get("children") or []
        out.append(TableRow(
            uuid=task.get("uuid", ""), level=task.get("level") or len(ancestors) + 1,
            number=display_label(task), title=task.get("title", ""), text=task.get("text", ""),
            lead=lead, support=support, deadline=deadline,
            section=bool(children) and not has_roles(roles) and not deadline,
            roles=roles, ancestors=ancestors, departments=departments_of(roles),
            people="、".join(task.get("people") or ()),
            divisions={r: list(n) for r, n in (task.get("divisions") or {}).items() if n},
            scopes="；".join(task.get("scopes") or ())))
        for child in reversed(children):
            stack.append((child, ancestors + (task.get("uuid", ""),)))
    return out


def rows_for_department(rows: list[TableRow], name: str) -> tuple[list[TableRow], set[str]]:
    """The rows a department reports on, with their headings for context.

    Returns (rows to show, uuids of the rows the department fills in).
    """
    mine = {r.uuid for r in rows if name in r.departments}
    needed = set(mine)
    for r in rows:
        if r.uuid in mine:
            needed.update(r.ancestors)
    return [r for r in rows if r.uuid in needed], mine
