"""承接: derive the district's plan from a plan received from above.

Each carried task becomes a district task that ``implements`` the higher one: same text,
deadline and targets, the higher label kept as its source label (``task_origin``), and
the higher units replaced by their local counterparts (``counterparts.py``). A task that
names the district itself or a collective it belongs to (各区、县级市) is marked as the
district's own responsibility. The whole carry is one operation (one undo step).

Carrying again into the same plan adds only what is not carried yet, under the district
tasks that already carry the new tasks' parents, so the clerk's own breakdown stays.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .counterparts import Proposal, names_district_unit
from .departments import normalize_name
from .entities import ROLES, short_title
from .errors import InvalidEdit
from .messages import msg

SELECTIONS = ("all", "section", "mine")
PROGRESS_EVERY = 200      # tasks between two progress calls (a carry goes 2,000 in < 1 s)


@dataclass
class CarryResult:
    plan: Any                         # the district plan (Plan)
    carried: int = 0
    skipped: int = 0                  # already carried into this plan before
    own: int = 0                      # marked the district's own responsibility
    unmapped: list = field(default_factory=list)    # higher unit names with no sure counterpart
    proposals: list = field(default_factory=list)   # [Proposal] for every higher unit seen


def higher_units(ws, plan_uuid) -> list[str]:
    """The names of the units with a role in a plan, in the registry's order."""
    plan = ws.plan(plan_uuid)
    return [r[0] for r in ws.all(
        "SELECT DISTINCT d.name, d.position, d.id FROM assignments a JOIN tasks t ON t.id=a.task_id "
        "JOIN departments d ON d.id=a.department_id WHERE t.plan_id=? ORDER BY d.position, d.id",
        (plan.id,))]


def _roles_by_task(ws, plan_id: int) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for r in ws.all("SELECT a.task_id, a.role, d.name FROM assignments a JOIN tasks t ON "
                    "t.id=a.task_id JOIN departments d ON d.id=a.department_id WHERE t.plan_id=? "
                    "ORDER BY a.task_id, a.position, a.id", (plan_id,)):
        out.setdefault(r[0], []).append((r[1], r[2]))
    return out


def _select(tasks, roles, proposals: dict[str, Proposal], how: str, section,
            district: str = "") -> set[int]:
    """The ids of the higher tasks to carry, ancestors of a chosen task included."""
    by_id = {t.id: t for t in tasks}
    if how == "all":
        return set(by_id)
    if how == "section":
        if section is None or section.id not in by_id:
            raise InvalidEdit("chain.carry_no_section")
        chosen = {section.id}
        for t in tasks:   # parents come before children
            if t.parent_id in chosen:
                chosen.add(t.id)
    else:
        chosen = {t.id for t in tasks
                  if any(proposals[name].is_self or names_district_unit(name, district)
                         for _, name in roles.get(t.id, ()))}
    for tid in list(chosen):
        parent = by_id[tid].parent_id
        while parent is not None and parent not in chosen:
            chosen.add(parent)
            parent = by_id[parent].parent_id
    return chosen


def carry(ws, higher_plan, *, into=None, title: str | None = None, how: str = "all",
          section=None, district: str = "", backup: bool = True,
          progress: Callable[[int, int], None] | None = None) -> CarryResult:
    """Carry tasks of ``higher_plan`` into ``into`` (a plan) or a new implementation plan.

    ``how``: "all", "section" (``section`` = a task uuid and its subtree) or "mine" (tasks
    naming the district, one of its units, or a collective of the level below).
    ``district``: the district's own name (槐荫区), to recognise tasks that name it.
    ``progress(done, total)`` is called as the tasks are gone through; what it raises
    (a cancel) rolls the whole carry back.
    """
    if how not in SELECTIONS:
        raise InvalidEdit("chain.carry_how", how=how)
    higher = ws.plan(higher_plan)
    tasks = ws.tasks(higher.uuid)
    if not tasks:
        raise InvalidEdit("chain.carry_empty", plan=higher.title)
    sec = ws.task(section) if section else None
    roles = _roles_by_task(ws, higher.id)
    proposals = {p.name: p for p in ws.propose_counterparts(higher_units(ws, higher.uuid), district,
                                                              higher.uuid)}
    chosen = _select(tasks, roles, proposals, how, sec, district)
    numbers = ws.numbers(higher.uuid)
    targets: dict[int, list] = {}
    for r in ws.all("SELECT targets.* FROM targets JOIN tasks ON tasks.id=targets.task_id "
                    "WHERE tasks.plan_id=? ORDER BY targets.task_id, targets.position, targets.id",
                    (higher.id,)):
        targets.setdefault(r["task_id"], []).append(r)

    result = CarryResult(None, proposals=list(proposals.values()))
    if backup:
        ws.bulk_backup("carry")
    with ws.operation(msg("chain.op_carry", plan=short_title(higher.title))):
        if into is not None:
            plan = ws.plan(into)
            if plan.id == higher.id:
                raise InvalidEdit("chain.carry_into_self")
        else:
            plan = ws.add_plan(title or f"落实《{higher.title}》任务分解", kind="implementation_plan",
                               parent_uuid=higher.uuid, year=higher.year)
        result.plan = plan
        existing = {r[0]: r[1] for r in ws.all(
            "SELECT implements, id FROM tasks WHERE plan_id=? AND implements IS NOT NULL", (plan.id,))}
        uuid_of = {t.id: t.uuid for t in tasks}
        local_of: dict[int, int] = {}       # higher task id -> district task id
        positions: dict = {}
        for parent_id, n in ws.all("SELECT parent_id, count(*) FROM tasks WHERE plan_id=? "
                                   "GROUP BY parent_id", (plan.id,)):
            positions[parent_id] = n
        index = ws.department_index()
        local = {name: index.get(normalize_name(p.department)) if p.department else None
                 for name, p in proposals.items()}
        unmapped: dict[str, None] = {}
        used: dict[str, Proposal] = {}
        rows = _Rows(ws.one("SELECT coalesce(max(id), 0) + 1 FROM tasks")[0])
        for i, t in enumerate(tasks):
            if progress is not None and i % PROGRESS_EVERY == 0:
                progress(i, len(tasks))
            if t.id not in chosen:
                continue
            if t.uuid in existing:
                local_of[t.id] = existing[t.uuid]
                result.skipped += 1
                continue
            parent = local_of.get(t.parent_id) if t.parent_id is not None else None
            pos = positions.get(parent, 0)
            positions[parent] = pos + 1
            tid = local_of[t.id] = rows.task(
                (ws.new_uuid(), plan.id, parent, pos, t.title, t.text, t.label_style,
                 t.deadline_text, t.deadline_date, t.deadline_kind, uuid_of[t.id],
                 numbers.get(t.id, "")))
            result.carried += 1
            own = _assign(rows, tid, roles.get(t.id, ()), proposals, local, unmapped, used)
            result.own += own
            rows.origins.append((tid, own))
            rows.targets += [(tid, tg["position"], tg["metric"], tg["value"], tg["unit"],
                              tg["qualifier"], tg["year"], tg["baseline"], tg["text"])
                             for tg in targets.get(t.id, ())]
        rows.write(ws.conn)
        if progress is not None:
            progress(len(tasks), len(tasks))
        # The sure proposals used become rows of the clerk's table, to confirm or correct once.
        for p in used.values():
            if p.how not in ("confirmed", "stored"):
                ws._store_counterpart(normalize_name(p.name), local[p.name], p.is_self, False)
    result.unmapped = list(unmapped)
    result.plan = ws.plan(result.plan.id)
    return result


class _Rows:
    """The rows of the carried tasks, gathered and then written with one statement each."""

    def __init__(self, next_id: int):
        self.next_id = next_id
        self.tasks: list[tuple] = []
        self.assignments: list[tuple] = []
        self.origins: list[tuple] = []
        self.targets: list[tuple] = []

    def task(self, values: tuple) -> int:
        tid = self.next_id
        self.next_id += 1
        self.tasks.append((tid, *values))
        return tid

    def write(self, conn) -> None:
        conn.executemany(
            "INSERT INTO tasks(id, uuid, plan_id, parent_id, position, title, text, label_style, "
            "deadline_text, deadline_date, deadline_kind, status, source_line, implements, "
            "source_label) VALUES (?,?,?,?,?,?,?,?,?,?,?,'',NULL,?,?)", self.tasks)
        conn.executemany("INSERT INTO assignments(task_id, department_id, role, position) "
                         "VALUES (?,?,?,?)", self.assignments)
        # The higher label is kept once, as the task's own ``source_label``; the
        # column of that name in task_origin (m006) was its copy and is left empty.
        conn.executemany("INSERT INTO task_origin(task_id, own) VALUES (?,?)", self.origins)
        conn.executemany("INSERT INTO targets(task_id, position, metric, value, unit, qualifier, "
                         "year, baseline, text) VALUES (?,?,?,?,?,?,?,?,?)", self.targets)


_RANK = {r: i for i, r in enumerate(ROLES)}


def _assign(rows: _Rows, task_id: int, roles, proposals, local, unmapped, used) -> int:
    """The local assignments of a carried task; 1 when it is the district's own."""
    own = 0
    seen: set[int] = set()
    for role, name in sorted(roles, key=lambda rn: _RANK[rn[0]]):
        p = proposals[name]
        if p.is_self:
            own = 1
            used[name] = p
            continue
        if not p.sure or not p.department:
            unmapped[name] = None
            continue
        used[name] = p
        dep_id = local[name]
        if dep_id is None or dep_id in seen:
            continue
        seen.add(dep_id)
        rows.assignments.append((task_id, dep_id, role, len(seen) - 1))
    return own
