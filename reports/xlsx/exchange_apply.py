"""Apply a checked ReturnReport: one backup, one operation, one exchange record.

A return with errors confined to some rows can be applied in part (``accept_valid``): the
valid rows go in, the bad cells are kept in the exchange record as 待核实 for that
department. A refused return is recorded too (``record_refusal``), so the 交换 list and
the 汇总 show that the department did report, with errors.
"""
from __future__ import annotations

from models.read_exchange import imports_of_file
from models.errors import NotFound
from models.messages import msg

from . import exchange_format as fmt
from .errors import WorkbookError
from .exchange_import import import_record
from .return_report import ReturnReport

MAX_LISTED = 200   # bad cells kept in one exchange record


def _department_ref(ws, meta: dict) -> str | None:
    ref = fmt.canon(meta.get("department_uuid")) or None
    if ref:
        try:
            return ws.department(ref).uuid
        except NotFound:
            return ws.department(fmt.canon(meta.get("department"))).uuid
    return None


def _issues(issues) -> list[dict]:
    return [{"address": i.address, "message": i.message, "task": i.task}
            for i in issues[:MAX_LISTED]]


def apply_return(ws, report: ReturnReport, overwrite_conflicts: bool = False,
                 backup: bool = True, accept_valid: bool = False) -> dict:
    """Record the returned progress in the workspace.

    Errors block it (WorkbookError) unless ``accept_valid`` and they are all confined to
    rows: then the valid rows are applied and the bad ones listed as left out. Conflicting
    rows are applied only with ``overwrite_conflicts``; when they are left out the import
    is recorded as partial, so the same file can be imported again later to overwrite
    them. A file imported before changes nothing. ``backup=False`` when the caller took
    the backup (consolidation).
    """
    partial = accept_valid and report.partial_ok
    if report.errors and not partial:
        first = report.blocking[0] if report.blocking else report.errors[0]
        raise WorkbookError(report.file_name,
                            f"有 {len(report.errors)} 处错误，未导入；第一处：{first}")
    result = {"file": report.file_name, "applied": 0, "conflicts": len(report.conflict_updates),
              "conflicts_applied": 0, "exchange_id": None, "already_imported": False,
              "left_out": len(report.left_out) if partial else 0}
    if report.already_imported or import_record(ws, report.sha256):
        result["already_imported"] = True
        return result
    updates = dict(report.updates)
    if overwrite_conflicts:
        updates.update(report.conflict_updates)
    skipped = 0 if overwrite_conflicts else len(report.conflict_updates)
    meta = report.meta
    plan_uuid = fmt.canon(meta.get("plan_uuid"))
    dep_ref = _department_ref(ws, meta)
    if backup:
        ws.bulk_backup("exchange-import")
    with ws.operation(msg("store.op.receive_workbook", file=report.file_name)):
        rnd = ws.ensure_round(plan_uuid, fmt.canon(meta.get("round")))
        summary = {"export_uuid": fmt.canon(meta.get("export_uuid")), "tasks": len(updates),
                   "changes": len(report.changes), "conflicts": len(report.conflicts),
                   "conflicts_skipped": skipped, "warnings": len(report.warnings),
                   "normalised": len(report.normalised)}
        if partial:
            summary["left_out"] = _issues(report.left_out)
            summary["left_out_count"] = len(report.left_out)
        exchange_id = ws.record_exchange(
            plan_uuid, "in", report.file_name, report.sha256, rnd.uuid, dep_ref,
            counterpart=fmt.canon(meta.get("recipient")),
            content_checksum=fmt.canon(meta.get("checksum")), summary=summary)
        if updates:
            ws.record_progress_many(plan_uuid, rnd.uuid, dep_ref, updates, exchange_id)
    result.update(applied=len(updates), exchange_id=exchange_id,
                  conflicts_applied=len(report.conflict_updates) if overwrite_conflicts else 0)
    return result


def record_refusal(ws, report: ReturnReport, plan_uuid=None) -> int | None:
    """Record in the 交换 list that a return came back and was refused, with its errors.

    Only a return that names a plan of this workspace (or one read for ``plan_uuid``) can
    be recorded; another workspace's file is reported, not recorded. Returns the record id.
    """
    if not report.errors or report.already_imported:
        return None
    last = imports_of_file(ws, report.sha256)
    if last and last[0]["summary"].get("refused"):
        return None     # this very file was refused before: once in the list is enough
    meta = report.meta
    plan_ref = fmt.canon(meta.get("plan_uuid")) or plan_uuid
    try:
        plan = ws.plan(plan_ref) if plan_ref else None
        if plan is None or fmt.canon(meta.get("workspace_uuid")) not in ("", ws.workspace_uuid):
            return None
        dep_ref = _department_ref(ws, meta)
        rnd_name = fmt.canon(meta.get("round"))
        rnd = ws.round(plan.uuid, rnd_name).uuid if rnd_name else None
    except NotFound:
        return None
    return ws.record_exchange(
        plan.uuid, "in", report.file_name, report.sha256, rnd, dep_ref,
        counterpart=fmt.canon(meta.get("recipient")),
        content_checksum=fmt.canon(meta.get("checksum")),
        summary={"refused": True, "error_count": len(report.errors),
                 "errors": _issues(report.errors), "warnings": len(report.warnings)})
