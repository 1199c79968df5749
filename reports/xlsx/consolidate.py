"""汇总: import many returned workbooks of one round and write the roll-up workbook.

Each file is read and applied on its own (one undo step per file, one backup before the
first), so a bad file is reported and the others still go in. The roll-up is computed
from the workspace afterwards; with ``apply=False`` the clean returns are laid over it
in memory instead, so the preview shows what applying would give.
"""
from __future__ import annotations

from pathlib import Path

from models.dump import plan_dict
from models.read_exchange import round_id

from .errors import WorkbookError
from .exchange_apply import apply_return
from .exchange_import import PlanView, read_return
from .rollup import Rollup, write_rollup
from .table_rows import table_rows


def consolidate(ws, plan_uuid, round_name: str, paths, out_path, apply: bool = True,
                overwrite_conflicts: bool = False, progress=None) -> dict:
    """Import ``paths`` for one plan and round, then write the roll-up to ``out_path``.

    Returns {"files": [per-file summary], "missing": [departments that have not
    returned], "counts": {department: {status: n}}, "out": path}.
    """
    plan = ws.plan(plan_uuid)
    round_name = round_name.strip()
    view = PlanView(ws, plan.uuid)
    files: list[dict] = []
    pending: list = []        # clean reports not applied (apply=False)
    backed_up = False
    paths = [Path(p) for p in paths]
    for i, path in enumerate(paths, 1):
        try:
            report = read_return(ws, path, plan=plan.uuid, round_name=round_name, view=view)
        except WorkbookError as e:
            files.append({"file": path.name, "department": "", "status": "unreadable",
                          "errors": [str(e)], "warnings": [], "changes": 0, "conflicts": 0})
            if progress:
                progress(i, path.name)
            continue
        entry = report.summary()
        if report.errors:
            entry["status"] = "errors"
        elif report.already_imported:
            entry["status"] = "already_imported"
        elif apply:
            if not backed_up:
                ws.bulk_backup("consolidate")
                backed_up = True
            result = apply_return(ws, report, overwrite_conflicts=overwrite_conflicts, backup=False)
            entry["status"] = "applied"
            entry["applied"] = result["applied"]
        else:
            entry["status"] = "checked"
            pending.append(report)
        files.append(entry)
        if progress:
            progress(i, path.name)

    rollup = build_rollup(ws, plan, round_name, pending)
    write_rollup(rollup, files, out_path)
    return {"files": files, "missing": rollup.missing, "counts": rollup.counts(),
            "out": str(out_path)}


def build_rollup(ws, plan, round_name: str, pending) -> Rollup:
    rows = table_rows(plan_dict(ws, plan.uuid))
    progress: dict = {}
    returned: set[str] = set()
    if round_id(ws, plan.id, round_name) is not None:
        for p in ws.round_progress(plan.uuid, round_name):
            progress[(p["task"], p["department"] or "")] = p
    for e in ws.exchanges(plan.uuid):
        if e["direction"] == "in" and e["round"] == round_name and e["department"]:
            returned.add(e["department"])
    for report in pending:   # a preview: what applying the clean returns would give
        returned.add(report.department)
        for key, values in {**report.updates, **report.conflict_updates}.items():
            progress[(key, report.department)] = values
    return Rollup(plan.title, round_name, rows, progress, returned)
