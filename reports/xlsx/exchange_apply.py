"""Apply a clean ReturnReport: one backup, one operation, one exchange record."""
from __future__ import annotations

from models.errors import NotFound
from models.messages import msg

from . import exchange_format as fmt
from .errors import WorkbookError
from .exchange_import import import_record
from .return_report import ReturnReport


def apply_return(ws, report: ReturnReport, overwrite_conflicts: bool = False,
                 backup: bool = True) -> dict:
    """Record the returned progress in the workspace.

    Errors block it (WorkbookError). Conflicting rows are applied only with
    ``overwrite_conflicts``; when they are left out the import is recorded as partial, so
    the same file can be imported again later to overwrite them. A file imported before
    changes nothing. ``backup=False`` when the caller took the backup (consolidation).
    """
    if report.errors:
        raise WorkbookError(report.file_name,
                            f"有 {len(report.errors)} 处错误，未导入；第一处：{report.errors[0]}")
    result = {"file": report.file_name, "applied": 0, "conflicts": len(report.conflict_updates),
              "conflicts_applied": 0, "exchange_id": None, "already_imported": False}
    if report.already_imported or import_record(ws, report.sha256):
        result["already_imported"] = True
        return result
    updates = dict(report.updates)
    if overwrite_conflicts:
        updates.update(report.conflict_updates)
    skipped = 0 if overwrite_conflicts else len(report.conflict_updates)
    meta = report.meta
    plan_uuid = fmt.canon(meta.get("plan_uuid"))
    dep_ref = fmt.canon(meta.get("department_uuid")) or None
    if dep_ref:
        try:
            dep_ref = ws.department(dep_ref).uuid
        except NotFound:
            dep_ref = ws.department(fmt.canon(meta.get("department"))).uuid
    if backup:
        ws.bulk_backup("exchange-import")
    with ws.operation(msg("store.op.receive_workbook", file=report.file_name)):
        rnd = ws.ensure_round(plan_uuid, fmt.canon(meta.get("round")))
        exchange_id = ws.record_exchange(
            plan_uuid, "in", report.file_name, report.sha256, rnd.uuid, dep_ref,
            counterpart=fmt.canon(meta.get("recipient")),
            content_checksum=fmt.canon(meta.get("checksum")),
            summary={"export_uuid": fmt.canon(meta.get("export_uuid")), "tasks": len(updates),
                     "changes": len(report.changes), "conflicts": len(report.conflicts),
                     "conflicts_skipped": skipped, "warnings": len(report.warnings)})
        for key, v in updates.items():
            ws.record_progress(key, rnd.uuid, dep_ref, status=v["status"], percent=v["percent"],
                               text=v["text"], note=v["note"], exchange_id=exchange_id)
    result.update(applied=len(updates), exchange_id=exchange_id,
                  conflicts_applied=len(report.conflict_updates) if overwrite_conflicts else 0)
    return result
