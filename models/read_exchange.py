"""Read models of the workbook exchange: what the workbook readers and writers look up.

``reports.xlsx`` asks these questions of the workspace; the SQL stays here.
"""
from __future__ import annotations

import json

PROGRESS_FIELDS = ("status", "percent", "text", "problems", "next_steps", "note")


def round_id(ws, plan_id: int, name: str) -> int | None:
    """The id of the plan's round called ``name``, or None when there is none yet."""
    rows = ws.all("SELECT id FROM rounds WHERE plan_id=? AND name=?", (plan_id, name))
    return rows[0][0] if rows else None


def round_progress_by_task(ws, round_id: int, department_id: int | None) -> dict[str, dict]:
    """{task uuid: {status, percent, text, problems, next_steps, note}} recorded for a round
    and department (None: the progress recorded without a department)."""
    return {r["uuid"]: {f: r[f] for f in PROGRESS_FIELDS}
            for r in ws.all("SELECT tasks.uuid, progress.status, progress.percent, progress.text, "
                            "progress.problems, progress.next_steps, progress.note FROM progress "
                            "JOIN tasks ON tasks.id=progress.task_id "
                            "WHERE progress.round_id=? AND progress.department_id IS ?",
                            (round_id, department_id))}


def imports_of_file(ws, sha256: str) -> list[dict]:
    """The recorded imports of the file with this content, newest first (summary parsed)."""
    return [{**dict(r), "summary": json.loads(r["summary"] or "{}")} for r in ws.all(
        "SELECT * FROM exchanges WHERE sha256=? AND direction='in' ORDER BY id DESC", (sha256,))]


def was_sent(ws, sha256: str) -> bool:
    """True when a workbook with exactly this content was exported from here."""
    return bool(ws.all("SELECT 1 FROM exchanges WHERE sha256=? AND direction='out' LIMIT 1",
                       (sha256,)))


def sent_checksum(ws, export_uuid: str) -> str | None:
    """The content checksum recorded when the workbook ``export_uuid`` was sent; None when
    there is no record of it (undone, or restored from a backup)."""
    rows = ws.all("SELECT content_checksum FROM exchanges WHERE uuid=? AND direction='out'",
                  (export_uuid,))
    return rows[0][0] if rows else None
