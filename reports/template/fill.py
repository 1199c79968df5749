"""Import a template from above and fill a copy of it with a round's values.

``import_template`` reads the layout, matches the rows to the received plan's tasks and
keeps file and reading in the workspace. ``preview`` lists, cell by cell, what filling
would write; ``fill_template`` writes exactly those cells into a copy of the office's own
file (``sheet_xml``) and records what was sent as an exchange.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from models.dump import plan_dict
from models.messages import msg
from models.templates import FIELD_LABELS, FILLABLE, add_template, template, templates
from models.templates_values import round_values

from ..atomic import atomic_path
from .errors import TemplateError

from .layout import read_layout
from .match import match_rows, normalise_text
from .sheet_xml import fill_zip

FILLED_MATCHES = ("key", "text", "similar", "clerk")


def import_template(ws, path, plan_uuid, title: str = "") -> dict:
    """Read ``path`` as a template for the received plan ``plan_uuid`` and keep it.

    The same form sent again (next quarter's copy: the same headers) takes the clerk's
    answers given for the earlier one — columns mapped, rows confirmed — so they are
    given once.
    """
    path = Path(path)
    reading = read_layout(path)
    match_rows(reading["rows"], plan_dict(ws, plan_uuid))
    earlier = _same_form(ws, plan_uuid, reading)
    if earlier is not None:
        _take_answers(reading, earlier["reading"])
    heading = next((line["text"] for line in reading["lines"] if line["kind"] == "title"), "")
    return add_template(ws, plan_uuid, path.name, path.read_bytes(), reading, title or heading)


def _headers(reading: dict) -> list[str]:
    return [c["header"] for c in reading["columns"]]


def _same_form(ws, plan_uuid, reading: dict) -> dict | None:
    for tpl in reversed(templates(ws)):
        if tpl["plan_uuid"] == plan_uuid and _headers(tpl["reading"]) == _headers(reading):
            return tpl
    return None


def _take_answers(reading: dict, earlier: dict) -> None:
    for col, old in zip(reading["columns"], earlier["columns"]):
        if old.get("how") == "clerk":
            col["field"], col["how"] = old["field"], "clerk"
    answered = {normalise_text(r["text"]): r for r in earlier["rows"] if r.get("match") == "clerk"}
    for row in reading["rows"]:
        old = answered.get(normalise_text(row["text"]))
        if old is not None and row.get("match") in ("uncertain", "none"):
            row["task"], row["match"] = old.get("task"), old["match"]


@dataclass
class CellValue:
    address: str          # G7
    row: int
    col: int
    field: str
    old: str
    new: object
    task: str


# The words offices use in a status drop-down, for each reported status.
STATUS_WORDS = {"done": ("已完成", "完成", "已办结", "办结", "已销号"),
                "in_progress": ("推进中", "正在推进", "进行中", "正常推进", "序时推进", "未完成", "在办"),
                "not_started": ("未启动", "未开始", "尚未启动", "未开展")}


def status_word(status: str, label: str, choices: list[str] | None) -> str:
    """The status as the template words it: one of its drop-down's values when it has one."""
    if not choices or not status:
        return label
    if label in choices:
        return label
    for word in STATUS_WORDS.get(status, ()):
        for choice in choices:
            if choice == word or (len(word) > 2 and word in choice):
                return choice
    return label


def _value(field: str, values: dict, number_format: str, choices=None):
    if field == "status":
        return status_word(values.get("status", ""), values.get("status_label") or "", choices)
    if field == "percent":
        p = values.get("percent")
        if p is None:
            return ""
        return p / 100 if "%" in (number_format or "") else p
    return values.get(field) or ""


def preview(ws, tpl: dict, round_name: str) -> tuple[list[CellValue], list[dict]]:
    """(the cells filling writes, the rows left out and why: unmatched or uncertain)."""
    reading = tpl["reading"]
    if not tpl["plan_uuid"]:
        raise TemplateError("chain.template_no_plan", file=tpl["file_name"])
    values = round_values(ws, tpl["plan_uuid"], round_name)
    columns = [c for c in reading["columns"] if c["field"] in FILLABLE]
    if not columns:
        raise TemplateError("chain.template_no_columns", file=tpl["file_name"])
    cells: list[CellValue] = []
    left_out = []
    for row in reading["rows"]:
        if row.get("match") not in FILLED_MATCHES or not row.get("task"):
            left_out.append(row)
            continue
        v = values.get(row["task"])
        if not v:
            continue
        covered = set(row.get("covered") or ())
        for col in columns:
            if col["col"] in covered:
                continue
            new = _value(col["field"], v, col.get("number_format", ""), col.get("choices"))
            if new == "" or new is None:
                continue
            cells.append(CellValue(f"{col['letter']}{row['row']}", row["row"], col["col"],
                                   col["field"], (row.get("inputs") or {}).get(str(col["col"]), ""),
                                   new, row["task"]))
    return cells, left_out


def fill_template(ws, ref, round_name: str, out_path) -> dict:
    """Write the filled copy to ``out_path`` (atomically) and record it as sent."""
    tpl = template(ws, ref)
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise TemplateError("chain.output_folder", folder=str(out_path.parent))
    cells, left_out = preview(ws, tpl, round_name)
    reading = tpl["reading"]
    with ws.operation(msg("chain.op_template_fill", file=tpl["file_name"])):
        rnd = ws.ensure_round(tpl["plan_uuid"], round_name)
        with atomic_path(out_path) as tmp:
            fill_zip(tpl["content"], tmp, reading["part"], {(c.row, c.col): c.new for c in cells})
            sha = hashlib.sha256(tmp.read_bytes()).hexdigest()
            ws.record_exchange(
                tpl["plan_uuid"], "out", out_path.name, sha, rnd.uuid,
                counterpart=tpl["title"] or tpl["file_name"],
                summary={"template": tpl["uuid"], "cells": len(cells),
                         "sent": [[c.address, FIELD_LABELS[c.field], c.new] for c in cells]})
    return {"path": str(out_path), "cells": len(cells), "rows": len({c.row for c in cells}),
            "left_out": len(left_out), "sha256": sha}
