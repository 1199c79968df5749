"""Reporting templates from above (报送模板): the office's workbook kept as it came, with
its reading — header rows, the column → field map and the row → task map — which the
clerk corrects once and which every later filling of the same template reuses.
"""
from __future__ import annotations

import hashlib
import json
import time

from .errors import InvalidEdit, NotFound
from .messages import msg

# Fields a template column can be filled from; the others describe the task.
FILLABLE = ("text", "status", "percent", "problems", "next_steps", "note")
DESCRIBING = ("key", "upper_key", "number", "task", "lead", "support", "responsible", "guide", "deadline",
              "leader", "unit")
FIELD_LABELS = {"text": "进展情况", "status": "完成状态", "percent": "完成百分比",
                "problems": "存在问题", "next_steps": "下一步工作计划", "note": "备注",
                "key": "任务编码", "upper_key": "上级任务编码", "number": "序号", "task": "任务", "lead": "牵头单位",
                "support": "配合单位", "responsible": "责任单位", "guide": "指导单位",
                "deadline": "完成时限", "leader": "责任领导", "unit": "填报单位",
                "ignore": "不填写"}
FIELDS = tuple(FIELD_LABELS)


def _row(ws, ref):
    if isinstance(ref, str) and ref.isdigit():
        rows = ws.all("SELECT * FROM templates ORDER BY id")
        i = int(ref)
        if not 1 <= i <= len(rows):
            raise NotFound("chain.template_index", index=i, count=len(rows))
        return rows[i - 1]
    row = ws.one("SELECT * FROM templates WHERE uuid=?", (ref,))
    if row is None:
        raise NotFound("chain.template_missing", ref=ref)
    return row


def _as_dict(ws, row) -> dict:
    plan = ws.one("SELECT uuid FROM plans WHERE id=?", (row["plan_id"],)) if row["plan_id"] else None
    return {"id": row["id"], "uuid": row["uuid"], "plan_uuid": plan[0] if plan else None,
            "title": row["title"], "file_name": row["file_name"], "sha256": row["sha256"],
            "content": bytes(row["content"]), "reading": json.loads(row["reading"] or "{}"),
            "created": row["created"]}


def template(ws, ref) -> dict:
    """A template by uuid or 1-based index: its file (``content``) and its ``reading``."""
    return _as_dict(ws, _row(ws, ref))


def templates(ws) -> list[dict]:
    return [_as_dict(ws, r) for r in ws.all("SELECT * FROM templates ORDER BY id")]


def add_template(ws, plan_uuid, file_name: str, content: bytes, reading: dict,
                 title: str = "") -> dict:
    """Keep a template file with its reading, for the received plan it reports on."""
    plan = ws.plan(plan_uuid)
    uid = ws.new_uuid()
    with ws.operation(msg("chain.op_template_add", file=file_name)):
        ws.conn.execute(
            "INSERT INTO templates(uuid, plan_id, title, file_name, sha256, content, reading, created) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (uid, plan.id, title, file_name, hashlib.sha256(content).hexdigest(), content,
             json.dumps(reading, ensure_ascii=False), time.strftime("%Y-%m-%d %H:%M:%S")))
    return template(ws, uid)


def _save_reading(ws, row, reading: dict, label) -> None:
    with ws.operation(label):
        ws.conn.execute("UPDATE templates SET reading=? WHERE id=?",
                        (json.dumps(reading, ensure_ascii=False), row["id"]))


def map_column(ws, ref, column: str, field: str | None) -> dict:
    """The clerk's field for a column (letter or header text); None/"ignore" leaves it out."""
    row = _row(ws, ref)
    reading = json.loads(row["reading"])
    if field not in (None, "ignore") and field not in FIELDS:
        raise InvalidEdit("chain.template_field", field=field)
    col = next((c for c in reading["columns"]
                if c["letter"] == column.upper() or c["header"] == column
                or c["header"].split("/")[-1] == column), None)
    if col is None:
        raise InvalidEdit("chain.template_column", column=column, file=row["file_name"])
    col["field"] = None if field == "ignore" else field
    col["how"] = "clerk"
    _save_reading(ws, row, reading, msg("chain.op_template_column", column=col["header"]))
    return template(ws, row["uuid"])


def confirm_row(ws, ref, sheet_row: int, task_uuid: str | None) -> dict:
    """The clerk's answer for a row: the task it reports on, or None (no task)."""
    row = _row(ws, ref)
    reading = json.loads(row["reading"])
    found = next((r for r in reading["rows"] if r["row"] == sheet_row), None)
    if found is None:
        raise InvalidEdit("chain.template_row", row=sheet_row, file=row["file_name"])
    if task_uuid is not None:
        ws.task(task_uuid)
    found["task"] = task_uuid
    found["match"] = "clerk"          # with no task: the clerk said the row is not reported
    _save_reading(ws, row, reading, msg("chain.op_template_row", row=sheet_row))
    return template(ws, row["uuid"])


def confirm_all(ws, ref) -> dict:
    """Take every uncertain match as the clerk's (after reviewing them)."""
    row = _row(ws, ref)
    reading = json.loads(row["reading"])
    for r in reading["rows"]:
        if r.get("match") == "uncertain" and r.get("task"):
            r["match"] = "clerk"
    _save_reading(ws, row, reading, msg("chain.op_template_rows"))
    return template(ws, row["uuid"])


def delete_template(ws, ref) -> None:
    row = _row(ws, ref)
    with ws.operation(msg("chain.op_template_delete", file=row["file_name"])):
        ws.conn.execute("DELETE FROM templates WHERE id=?", (row["id"],))
