"""The whole workspace as JSON, in the ``plandesk.dump/1`` format of the design.

Beyond the design's shape (additions only, so older readers still work): each task carries
``source_label`` (its label in the source document, "" when it has none or was renumbered)
and ``source`` ({page, paragraph, line} where it was read); each plan its ``attachments``
(what the document holds besides tasks). Each task also carries what its annotations name
that is no department: ``people`` (责任领导, as written), ``scopes`` (适用范围) and
``divisions`` (the issuing office's 处室, by role like ``roles``). ``number`` stays the computed official label;
``numbering.display_label`` gives the one to print.

Reads each table once and builds the trees in memory: a 10,000-task workspace dumps in
well under the 2 s the design allows.
"""
from __future__ import annotations

from .entities import ROLES, STATUS_LABELS
from .mentions import DEFAULT_NOUN
from .numbering import number_tree

FORMAT = "plandesk.dump/1"


def dump(ws, only=None) -> dict:
    """The workspace; with ``only`` (a Plan) the same shape holding that plan alone, read
    from its own rows only (what an export or a notice needs)."""
    departments = ws.departments()
    dep_name = {d.id: d.name for d in departments}
    rounds = {r["id"]: r["name"] for r in ws.all("SELECT id, name FROM rounds")}
    args = (only.id,) if only is not None else ()

    def of_plan(column: str = "task_id") -> str:
        """The condition keeping the rows of the plan's tasks only (none: every row)."""
        return f"WHERE {column} IN (SELECT id FROM tasks WHERE plan_id=?)" if args else ""

    roles: dict[int, dict] = {}
    for r in ws.all(f"SELECT task_id, department_id, role FROM assignments {of_plan()} "
                    "ORDER BY task_id, position, id", args):
        roles.setdefault(r[0], {k: [] for k in ROLES})[r[2]].append(dep_name[r[1]])
    targets: dict[int, list] = {}
    for r in ws.all(f"SELECT * FROM targets {of_plan()} ORDER BY task_id, position, id", args):
        targets.setdefault(r["task_id"], []).append(_target(r))
    progress: dict[int, list] = {}
    for r in ws.all("SELECT progress.*, rounds.position AS rpos FROM progress JOIN rounds ON "
                    f"rounds.id=progress.round_id {of_plan('progress.task_id')} "
                    "ORDER BY progress.task_id, rounds.position, progress.id", args):
        progress.setdefault(r["task_id"], []).append({
            "department": dep_name.get(r["department_id"], ""),
            "round": rounds[r["round_id"]],
            "status": STATUS_LABELS.get(r["status"], r["status"]),
            "percent": _num(r["percent"]),
            "text": r["text"], "problems": r["problems"], "next_steps": r["next_steps"],
            "note": r["note"]})

    mentioned = ws.plan_mentions(only.id if only is not None else None)
    # Carried tasks (承接): whether the district itself answers for the task.
    origin = {r[0]: {"own": bool(r[1])}
              for r in ws.all(f"SELECT task_id, own FROM task_origin {of_plan()}", args)}
    plans_out = []
    for plan in ([only] if only is not None else ws.plans()):
        rows = ws.all("SELECT * FROM tasks WHERE plan_id=? ORDER BY position", (plan.id,))
        kids: dict = {}
        for r in rows:
            kids.setdefault(r["parent_id"], []).append(r)
        numbers = number_tree(kids.get(None, []), lambda r, kids=kids: kids.get(r["id"], ()),
                              lambda r: r["label_style"],
                              bool(plan.settings.get("continuous_level3")))

        def build(r, level, kids=kids, numbers=numbers):
            return {
                "uuid": r["uuid"], "level": level, "number": numbers[r],
                "source_label": r["source_label"],
                "source": _source(r), "title": r["title"],
                "text": r["text"],
                "deadline": ({"text": r["deadline_text"], "date": r["deadline_date"],
                              "kind": r["deadline_kind"]} if r["deadline_text"] else None),
                "status": STATUS_LABELS.get(r["status"], r["status"]),
                "roles": roles.get(r["id"], {k: [] for k in ROLES}),
                **_mentions(mentioned.get(r["id"])),
                "targets": targets.get(r["id"], []),
                "progress": progress.get(r["id"], []),
                "children": [build(c, level + 1, kids, numbers) for c in kids.get(r["id"], ())],
                "implements": r["implements"],
                **({"carried": origin[r["id"]]} if r["id"] in origin else {}),
            }

        plans_out.append({
            "uuid": plan.uuid, "title": plan.title, "kind": plan.kind, "issuer": plan.issuer,
            "doc_number": plan.doc_number, "year": plan.year, "preamble": plan.preamble,
            "head": plan.head, "warnings": plan.warnings, "parent_uuid": plan.parent_uuid,
            "attachments": plan.attachments,
            "division_word": plan.settings.get("division_word") or DEFAULT_NOUN,
            "rounds": [r.name for r in ws.rounds(plan.uuid)],
            "tasks": [build(r, 1) for r in kids.get(None, [])],
        })
    return {"format": FORMAT, "plans": plans_out,
            "departments": [{"uuid": d.uuid, "name": d.name, "aliases": d.aliases, "kind": d.kind,
                             "is_new": bool(d.is_new)} for d in departments]}


def _mentions(m: dict | None) -> dict:
    m = m or {}
    divisions = m.get("divisions") or {}
    return {"people": list(m.get("people") or ()), "scopes": list(m.get("scopes") or ()),
            "divisions": {k: list(divisions.get(k) or ()) for k in ROLES}}


def _source(r) -> dict:
    """Where the task came from in its document: {page, paragraph, line} as far as known."""
    return {k: r[f"source_{k}"] for k in ("page", "paragraph", "line")
            if r[f"source_{k}"] is not None}


def _num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _target(r) -> dict:
    d = {"metric": r["metric"], "value": _num(r["value"]), "unit": r["unit"],
         "qualifier": r["qualifier"]}
    for key in ("year", "baseline", "text"):
        if r[key] not in (None, ""):
            d[key] = r[key]
    return d


def plan_dict(ws, plan_uuid) -> dict:
    """One plan in the dump shape — what the renderers of ``reports/`` take."""
    return dump(ws, ws.plan(plan_uuid))["plans"][0]
