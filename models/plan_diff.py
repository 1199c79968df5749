"""A revised plan from above against the one received before: what changed, task by task.

Tasks are matched by their content, not their position, so one added task does not make
every later one "changed": first the same key (a workbook PlanDesk wrote), then the same
text, then the same title, then the most similar text (character pairs), with the label's
number and an already matched parent as tie-breakers. A matched pair is then compared:
reworded (title or text), moved (another parent, or out of order among its siblings),
departments, deadline and targets changed. Unmatched old tasks are removed, unmatched
new ones added. The district tasks that implement a changed or removed task are listed.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .entities import ROLES
from .similar import pairs as _pairs, plain as _norm, similarity as _similar

KINDS = ("added", "removed", "moved", "reworded", "roles", "deadline", "targets")
KIND_LABELS = {"added": "新增", "removed": "删除", "moved": "移动", "reworded": "文字修改",
               "roles": "责任单位调整", "deadline": "完成时限调整", "targets": "指标调整"}
MATCH_AT = 0.5


@dataclass
class Node:
    """A task of either version, flattened."""
    ref: str                    # uuid (old) or "n<index>" (new)
    parent: str | None
    position: int
    number: str
    title: str
    text: str
    roles: dict
    deadline: str
    targets: list
    key: str = ""               # the uuid a new node carries (from a PlanDesk workbook)
    source: dict = field(default_factory=dict, repr=False)

    @property
    def norm_title(self) -> str:
        return _norm(self.title)

    @property
    def norm_full(self) -> str:
        return _norm(self.title) + _norm(self.text)


def _roles(roles: dict | None) -> dict:
    roles = roles or {}
    return {r: [unicodedata.normalize("NFKC", n).strip() for n in roles.get(r) or ()]
            for r in ROLES if roles.get(r)}


def _targets(targets) -> list:
    return [(t.get("metric", ""), t.get("value"), t.get("unit", ""), t.get("qualifier", ""))
            for t in targets or ()]


def _deadline(d) -> str:
    if isinstance(d, dict):
        return d.get("text", "") or ""
    return str(d or "")


def flatten(tasks: list[dict], old: bool) -> list[Node]:
    """The tree as nodes in document order (the dump shape, or an importer's plan dict)."""
    out: list[Node] = []

    def walk(nodes, parent):
        for i, t in enumerate(nodes):
            ref = t["uuid"] if old else f"n{len(out)}"
            out.append(Node(ref, parent, i, t.get("number", "") or t.get("source_label", "") or "",
                            t.get("title", ""), t.get("text", ""), _roles(t.get("roles")),
                            _deadline(t.get("deadline")), _targets(t.get("targets")),
                            "" if old else (t.get("uuid") or ""), t))
            walk(t.get("children") or [], ref)

    walk(tasks, None)
    return out


@dataclass
class TaskChange:
    """One change of one task between the two versions (``kind`` is one of ``KINDS``)."""
    kind: str
    old: Node | None
    new: Node | None
    detail: str = ""

    @property
    def before(self) -> Node:
        """The stored task (every change but "added" has one)."""
        assert self.old is not None, self.kind
        return self.old

    @property
    def after(self) -> Node:
        """The revision's task (every change but "removed" has one)."""
        assert self.new is not None, self.kind
        return self.new


@dataclass
class PlanDiff:
    old: list[Node]
    new: list[Node]
    pairs: dict[str, str]                    # new ref -> old uuid
    changes: list[TaskChange]
    affected: dict[str, list[dict]] = field(default_factory=dict)   # old uuid -> district tasks

    def of_kind(self, kind: str) -> list[TaskChange]:
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: len(self.of_kind(k)) for k in KINDS if self.of_kind(k)}


def _match(old: list[Node], new: list[Node]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    taken: set[str] = set()

    def take(n: Node, o: Node) -> None:
        pairs[n.ref] = o.ref
        taken.add(o.ref)

    old_uuids = {o.ref: o for o in old}
    for n in new:                                 # the same key
        if n.key and n.key in old_uuids:
            take(n, old_uuids[n.key])
    for attr in ("norm_full", "norm_title"):     # the same text, then the same title
        index: dict[str, list[Node]] = {}
        for o in old:
            if o.ref not in taken:
                index.setdefault(getattr(o, attr), []).append(o)
        for n in new:
            if n.ref in pairs:
                continue
            found = [o for o in index.get(getattr(n, attr), ()) if o.ref not in taken]
            if len(found) == 1 or (found and attr == "norm_full"):
                take(n, found[0])
    # The most similar text among the rest, best pairs first.
    rest_old = [o for o in old if o.ref not in taken]
    grams: dict[str, set[int]] = {}
    for i, o in enumerate(rest_old):
        for p in _pairs(o.norm_title[:40]):
            grams.setdefault(p, set()).add(i)
    scored = []
    for n in new:
        if n.ref in pairs:
            continue
        near: set[int] = set()
        for p in _pairs(n.norm_title[:40]):
            near |= grams.get(p, set())
        for i in near:
            o = rest_old[i]
            s = max(_similar(n.norm_title, o.norm_title), _similar(n.norm_full, o.norm_full))
            if n.number and n.number == o.number:
                s += 0.05
            if n.parent is not None and pairs.get(n.parent) == o.parent:
                s += 0.05
            if s >= MATCH_AT:
                scored.append((s, n.ref, o.ref))
    for _score, n_ref, o_ref in sorted(scored, reverse=True):
        if n_ref not in pairs and o_ref not in taken:
            pairs[n_ref] = o_ref
            taken.add(o_ref)
    return pairs


def _out_of_order(items: list[tuple[str, int]]) -> set[str]:
    """Of (ref, old position) in new order, those outside a longest increasing run."""
    n = len(items)
    if n < 2:
        return set()
    best = [1] * n
    back = [-1] * n
    for i in range(n):
        for j in range(i):
            if items[j][1] < items[i][1] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    i = max(range(n), key=best.__getitem__)
    keep = set()
    while i >= 0:
        keep.add(items[i][0])
        i = back[i]
    return {ref for ref, _ in items} - keep


def diff_plans(old_tasks: list[dict], new_tasks: list[dict]) -> PlanDiff:
    """Compare the stored plan's tasks (dump shape) with a revision's (importer shape)."""
    old, new = flatten(old_tasks, True), flatten(new_tasks, False)
    pairs = _match(old, new)
    by_old = {o.ref: o for o in old}
    changes: list[TaskChange] = []
    siblings: dict[str | None, list[tuple[str, int]]] = {}
    for n in new:
        o_ref = pairs.get(n.ref)
        if o_ref is None:
            changes.append(TaskChange("added", None, n))
            continue
        o = by_old[o_ref]
        new_parent = pairs.get(n.parent) if n.parent is not None else None
        if new_parent != o.parent:
            changes.append(TaskChange("moved", o, n, "parent"))
        else:
            siblings.setdefault(o.parent, []).append((n.ref, o.position))
        if o.norm_title != n.norm_title or _norm(o.text) != _norm(n.text):
            changes.append(TaskChange("reworded", o, n))
        if o.roles != n.roles:
            changes.append(TaskChange("roles", o, n))
        if _norm(o.deadline) != _norm(n.deadline):
            changes.append(TaskChange("deadline", o, n))
        if o.targets != n.targets:
            changes.append(TaskChange("targets", o, n))
    moved = set()
    for items in siblings.values():
        moved |= _out_of_order(items)
    by_new = {n.ref: n for n in new}
    for ref in moved:
        changes.append(TaskChange("moved", by_old[pairs[ref]], by_new[ref], "order"))
    matched_old = set(pairs.values())
    changes += [TaskChange("removed", o, None) for o in old if o.ref not in matched_old]
    order = {n.ref: i for i, n in enumerate(new)}
    old_order = {o.ref: i for i, o in enumerate(old)}
    changes.sort(key=lambda c: (order[c.new.ref] if c.new else old_order[c.before.ref] - 0.5,
                                KINDS.index(c.kind)))
    return PlanDiff(old, new, pairs, changes)


def changed_text(old: str, new: str, context: int = 8) -> tuple[str, str]:
    """The parts of two texts that differ, with a little context: what a clerk compares."""
    from difflib import SequenceMatcher
    ops = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if not ops:
        return old, new
    a0, a1, b0, b1 = ops[0][1], ops[-1][2], ops[0][3], ops[-1][4]
    lead = "…" if min(a0, b0) > context else ""

    def cut(text, i, j):
        tail = "…" if len(text) - j > context else ""
        return lead + text[max(0, i - context):j + context] + tail

    return cut(old, a0, a1), cut(new, b0, b1)


def implementers(ws, uuids) -> dict[str, list[dict]]:
    """{higher task uuid: [{uuid, title, plan}]} of the tasks (in any plan) implementing them."""
    uuids = list(uuids)
    out: dict[str, list[dict]] = {}
    for i in range(0, len(uuids), 500):
        chunk = uuids[i:i + 500]
        for r in ws.all(
                "SELECT t.implements, t.uuid, t.title, p.title AS plan FROM tasks t JOIN plans p "
                f"ON p.id=t.plan_id WHERE t.implements IN ({','.join('?' * len(chunk))}) "
                "ORDER BY p.position, t.id", chunk):
            out.setdefault(r[0], []).append({"uuid": r[1], "title": r[2], "plan": r[3]})
    return out


def diff_received(ws, plan_uuid, revision: dict) -> PlanDiff:
    """The diff of a stored plan against a parsed revision, with the district tasks that
    implement each changed or removed task."""
    from .dump import plan_dict
    d = diff_plans(plan_dict(ws, plan_uuid)["tasks"], revision.get("tasks") or [])
    touched = {c.old.ref for c in d.changes if c.old is not None}
    d.affected = implementers(ws, touched)
    return d
