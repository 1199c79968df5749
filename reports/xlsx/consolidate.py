"""汇总: import many returned workbooks of one round and write the roll-up workbook.

Each file is read and applied on its own (one undo step per file, one backup before the
first), so a bad file is reported and the others still go in; a refused file is recorded
in the 交换 list. With ``accept_valid`` a file whose errors are confined to some rows is
applied without them, the bad cells left 待核实 for that department.

The roll-up is computed from the workspace afterwards (``round_state``): every return of
the round recorded there counts, whichever run brought it in. With ``apply=False`` the
reports are laid over it in memory instead, so the preview shows what applying would give.

All or nothing: the returns are committed only once the roll-up is written (``ws.batch``),
so a full disk, a cancel or any failure before that leaves the workspace as it was — each
file still its own undo step when it goes through.
"""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from models.read_exchange import round_id
from models.dump import plan_dict

from .errors import WorkbookError
from .exchange_apply import apply_return, record_refusal
from .exchange_import import PlanView, read_return
from .rollup import Rollup, write_rollup
from .table_rows import table_rows


def consolidate(ws, plan_uuid, round_name: str, paths, out_path, apply: bool = True,
                overwrite_conflicts: bool = False, progress=None,
                accept_valid: bool = False) -> dict:
    """Import ``paths`` for one plan and round, then write the roll-up to ``out_path``.

    Returns {"files": [per-file summary], "missing": [departments that have not
    returned], "departments": {department: state text}, "counts": {department:
    {status: n}}, "disagree": [task numbers], "out": path}.
    """
    plan = ws.plan(plan_uuid)
    round_name = round_name.strip()
    view = PlanView(ws, plan.uuid)
    paths = [Path(p) for p in paths]
    if apply and paths:
        ws.bulk_backup("consolidate")     # before the batch: a backup of what was committed
    with ws.batch() if apply else nullcontext():
        return _consolidate(ws, plan, round_name, view, paths, out_path, apply,
                            overwrite_conflicts, progress, accept_valid)


def _consolidate(ws, plan, round_name, view, paths, out_path, apply, overwrite_conflicts,
                 progress, accept_valid) -> dict:
    files: list[dict] = []
    pending: list = []        # reports not applied (apply=False)
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
        usable = not report.errors or (accept_valid and report.partial_ok)
        if report.already_imported:
            entry["status"] = "already_imported"
        elif not apply:
            entry["status"] = "checked" if usable else "errors"
            entry["left_out"] = len(report.left_out) if report.errors and usable else 0
            pending.append(report)
        elif not usable:
            entry["status"] = "errors"
            if report.meta:
                record_refusal(ws, report, plan.uuid)
        else:
            result = apply_return(ws, report, overwrite_conflicts=overwrite_conflicts,
                                  backup=False, accept_valid=accept_valid)
            entry["status"] = "applied"
            entry["applied"] = result["applied"]
            entry["left_out"] = result["left_out"]
        files.append(entry)
        if progress:
            progress(i, path.name)

    rollup = build_rollup(ws, plan, round_name, pending, accept_valid, rows=view.rows)
    write_rollup(rollup, files, out_path)
    return {"files": files, "missing": rollup.missing, "counts": rollup.counts(),
            "departments": {d: rollup.state(d) for d in rollup.departments},
            "states": dict(rollup.states),
            "disagree": [row.number for row, _ in rollup.disagreements()], "out": str(out_path)}


def _covered(row_departments: list[str], department: str) -> list[str]:
    """Who a return speaks for: its department, or (a whole-plan return) every department."""
    return [department] if department else row_departments


def build_rollup(ws, plan, round_name: str, pending=(), accept_valid: bool = False,
                 rows=None) -> Rollup:
    """``rows``: the plan's table rows when the caller has them (the plan is read once)."""
    rows = rows if rows is not None else table_rows(plan_dict(ws, plan.uuid))
    every = list(dict.fromkeys(d for r in rows for d in r.departments))
    rollup = Rollup(plan.title, round_name, rows, {})
    if round_id(ws, plan.id, round_name) is not None:
        for p in ws.round_progress(plan.uuid, round_name):
            rollup.progress[(p["task"], p["department"] or "")] = p
    for e in ws.exchanges(plan.uuid):
        if e["direction"] != "in" or e["round"] != round_name:
            continue
        s = e["summary"]
        if s.get("refused"):
            state = ("errors", s.get("error_count", 0))
            issues = s.get("errors") or []
        elif s.get("left_out_count"):
            state = ("errors", s["left_out_count"])
            issues = s.get("left_out") or []
        else:
            state, issues = ("returned", 0), []
        for d in _covered(every, e["department"] or ""):
            rollup.states[d] = state      # the latest return of a department counts
        for issue in issues:
            if issue.get("task"):
                for d in _covered(every, e["department"] or ""):
                    rollup.to_check[(issue["task"], d)] = f"{issue['address']}：{issue['message']}"
    for report in pending:   # a preview: what applying the returns would give
        usable = not report.errors or (accept_valid and report.partial_ok)
        covered = _covered(every, report.department)
        for d in covered:
            rollup.states[d] = ("errors", len(report.errors)) if report.errors else ("returned", 0)
        if not usable:
            continue
        for key, values in {**report.updates, **report.conflict_updates}.items():
            rollup.progress[(key, report.department)] = values
        for issue in report.left_out:
            if issue.task:
                for d in covered:
                    rollup.to_check[(issue.task, d)] = str(issue)
    return rollup
