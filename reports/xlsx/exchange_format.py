"""The exchange workbook as a protocol: layout, the hidden ``_plandesk`` sheet, the checksum.

The visible sheet is the 分工表 with four columns for the recipient (进展情况, 完成状态,
完成百分比, 备注) and a hidden column of task keys. The veryHidden ``_plandesk`` sheet holds
key/value metadata, then the rows sent as JSON (in ``rows`` lines of at most 30,000
characters, under Excel's 32,767 per cell; one cell per chunk rather than eight per row
keeps reading a return fast): each row's number, task key, whether the recipient fills it
in, a hash of its locked cells and the progress values it was sent with. The checksum
covers the metadata and the rows, so it proves what was sent; the workspace keeps the
same checksum in its record of the export.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from models.entities import STATUS_LABELS

FORMAT = "plandesk.exchange"
FORMAT_VERSION = 1
MAIN_SHEET = "分工及进展"
META_SHEET = "_plandesk"
LISTS_SHEET = "_lists"
STATUS_NAME = "PlanDeskStatus"   # the defined name the drop-down list refers to

# The visible columns, in order (1-based column = index + 1).
HEADERS = ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限",
           "进展情况", "完成状态", "完成百分比", "备注", "任务编码"]
LOCKED_COLUMNS = 6                 # A..F: what the recipient must not change
FIELD_COLUMNS = {"text": 7, "status": 8, "percent": 9, "note": 10}
KEY_COLUMN = 11
FIELD_LABELS = {"text": "进展情况", "status": "完成状态", "percent": "完成百分比", "note": "备注"}
FIELDS = ("status", "percent", "text", "note")
WIDTHS = [6, 16, 34, 13, 15, 13, 34, 10, 10, 12, 38]

STATUS_BY_LABEL = {label: code for code, label in STATUS_LABELS.items()}

# Metadata keys, in the order written; CHECKED ones enter the checksum.
META_KEYS = ["format", "format_version", "workspace_uuid", "plan_uuid", "plan_title", "round",
             "round_uuid", "department", "department_uuid", "recipient", "export_uuid",
             "exported_at", "header_row", "checksum"]
CHECKED = ["format", "format_version", "workspace_uuid", "plan_uuid", "round",
           "department_uuid", "export_uuid", "header_row"]
# Each row sent, in the JSON: [row, key, editable, hash, status, percent, text, note].
ROWS_KEY = "rows"
CHUNK = 30_000


@dataclass
class SentRow:
    """One row as it was sent."""
    row: int
    key: str
    editable: bool
    hash: str
    status: str = ""        # code: not_started / in_progress / done / ""
    percent: float | None = None
    text: str = ""
    note: str = ""

    def values(self) -> dict:
        return {"status": self.status, "percent": self.percent, "text": self.text,
                "note": self.note}


def canon(value) -> str:
    """The canonical text of a cell: what survives a re-save by Excel, WPS or openpyxl."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip()


def percent_text(value: float | None) -> str:
    if value is None:
        return ""
    return canon(round(float(value), 4))


def row_hash(key: str, cells) -> str:
    """Hash of one row's locked cells (A..F) with its task key."""
    text = "\x1f".join([key, *(canon(c) for c in cells)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def content_checksum(meta: dict, rows: list[SentRow]) -> str:
    h = hashlib.sha256()
    h.update("\x1f".join(canon(meta.get(k)) for k in CHECKED).encode("utf-8"))
    for r in rows:
        line = [str(r.row), r.key, "1" if r.editable else "0", r.hash, r.status,
                percent_text(r.percent), canon(r.text), canon(r.note)]
        h.update(("\x1e" + "\x1f".join(line)).encode("utf-8"))
    return h.hexdigest()


def meta_rows(meta: dict, rows: list[SentRow]) -> list[list]:
    """The lines of the hidden sheet: key/value lines, then ``rows`` lines of JSON."""
    out: list[list] = [[key, meta.get(key, "")] for key in META_KEYS]
    data = json.dumps([[r.row, r.key, 1 if r.editable else 0, r.hash, r.status, r.percent,
                        r.text, r.note] for r in rows], ensure_ascii=False)
    out += [[ROWS_KEY, data[i:i + CHUNK]] for i in range(0, len(data), CHUNK)]
    return out


def read_meta(lines) -> tuple[dict, list[SentRow]]:
    """Read what ``meta_rows`` wrote (rows of cell values). ValueError on a malformed line."""
    meta: dict = {}
    chunks: list[str] = []
    for values in lines:
        values = list(values) + [None, None]
        key = canon(values[0])
        if key == ROWS_KEY:
            chunks.append(str(values[1] or ""))
        elif key:
            meta[key] = values[1]
    first = f"{META_SHEET}!B{len(META_KEYS) + 1}"
    try:
        data = json.loads("".join(chunks) or "[]")
        return meta, [SentRow(int(row), str(key), bool(editable), str(hash_), str(status or ""),
                              None if percent in (None, "") else float(percent),
                              str(text or ""), str(note or ""))
                      for row, key, editable, hash_, status, percent, text, note in data]
    except (TypeError, ValueError):   # JSONDecodeError is a ValueError
        raise ValueError(first) from None
