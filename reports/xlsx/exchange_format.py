"""The exchange workbook as a protocol: the hidden ``_plandesk`` sheet, the checksum.

The visible sheet is the 分工表 with the recipient's answer columns; its columns come from
one table (``exchange_layout``). The veryHidden ``_plandesk`` sheet holds key/value
metadata — the format version and, from format 2, the keys of the columns written — then
the rows sent as JSON (in ``rows`` lines of at most 30,000 characters, under Excel's
32,767 per cell; one cell per chunk keeps reading a return fast). Format 2 writes each
row as an object keyed by name (row, key, editable, hash, upper_key and the progress
values it was sent with), so a field added later does not shift the others; format 1
wrote positional lists and is still read. The checksum covers the metadata and the
rows, so it proves what was sent; the workspace keeps the same checksum in its record of
the export.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from models.entities import STATUS_LABELS

from .exchange_layout import CURRENT, LAYOUTS, Layout

FORMAT = "plandesk.exchange"
FORMAT_VERSION = 2
MAIN_SHEET = "分工及进展"
META_SHEET = "_plandesk"
LISTS_SHEET = "_lists"
STATUS_NAME = "PlanDeskStatus"   # the defined name the drop-down list refers to

FIELD_LABELS = {"text": "进展情况", "status": "完成状态", "percent": "完成百分比",
                "problems": "存在问题", "next_steps": "下一步工作计划", "note": "备注"}
FIELDS = ("status", "percent", "text", "problems", "next_steps", "note")
HEADERS = CURRENT.headers

STATUS_BY_LABEL = {label: code for code, label in STATUS_LABELS.items()}

# Metadata keys, in the order written; CHECKED ones enter the checksum.
META_KEYS = ["format", "format_version", "workspace_uuid", "plan_uuid", "plan_title", "round",
             "round_uuid", "department", "department_uuid", "recipient", "export_uuid",
             "exported_at", "header_row", "columns", "checksum"]
CHECKED = ["format", "format_version", "workspace_uuid", "plan_uuid", "round",
           "department_uuid", "export_uuid", "header_row"]
ROWS_KEY = "rows"
WHERE = "_lines"    # in a read meta dict: {key: the line of the hidden sheet it was on}
CHUNK = 30_000
V1_FIELDS = ("status", "percent", "text", "note")   # format 1's row values, in order
UNSENT = {f: None if f == "percent" else "" for f in FIELDS}   # a field sent empty


@dataclass(slots=True)
class SentRow:
    """One row as it was sent."""
    row: int
    key: str
    editable: bool
    hash: str
    sent: dict = field(default_factory=dict)   # the progress values it was sent with
    upper_key: str = ""

    def values(self) -> dict:
        return {**UNSENT, **self.sent}     # ``sent`` holds fields of FIELDS only


def layout_of(meta: dict) -> Layout:
    """The columns a workbook was written with (KeyError / ValueError when unreadable)."""
    version = int(meta.get("format_version") or 0)
    if version >= 2:
        return Layout.from_keys(str(meta.get("columns") or "").split(","))
    return LAYOUTS[1]


def echo_token(key: str) -> str:
    """What the echo columns of a row hold: short, and different for every task."""
    return "r" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def canon(value) -> str:
    """The canonical text of a cell: what survives a re-save by Excel, WPS or openpyxl."""
    if value is None:
        return ""
    if value.__class__ is str and value.isprintable():   # no control characters or breaks
        return value.strip()
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
    version = int(meta.get("format_version") or 0)
    keys = CHECKED + (["columns"] if version >= 2 else [])
    h.update("\x1f".join(canon(meta.get(k)) for k in keys).encode("utf-8"))
    fields = V1_FIELDS if version < 2 else FIELDS
    parts = []           # one update of the whole text: the same digest as one per row
    for r in rows:
        sent = r.sent    # a field not sent is "" (``values()`` without its dict per row)
        line = [str(r.row), r.key, "1" if r.editable else "0", r.hash]
        line += ["" if (v := sent.get(f)) is None else percent_text(v) if f == "percent"
                 else canon(v) for f in fields]
        if version >= 2:
            line.append(r.upper_key)
        parts.append("\x1e" + "\x1f".join(line))
    h.update("".join(parts).encode("utf-8"))
    return h.hexdigest()


def meta_rows(meta: dict, rows: list[SentRow]) -> list[list]:
    """The lines of the hidden sheet: key/value lines, then ``rows`` lines of JSON."""
    out: list[list] = [[key, meta.get(key, "")] for key in META_KEYS]
    data = json.dumps([_row_object(r) for r in rows], ensure_ascii=False)
    out += [[ROWS_KEY, data[i:i + CHUNK]] for i in range(0, len(data), CHUNK)]
    return out


def _row_object(r: SentRow) -> dict:
    d = {"row": r.row, "key": r.key, "editable": 1 if r.editable else 0, "hash": r.hash}
    d.update({f: v for f, v in r.sent.items() if v not in (None, "")})
    if r.upper_key:
        d["upper_key"] = r.upper_key
    return d


def read_meta(lines) -> tuple[dict, list[SentRow]]:
    """Read what ``meta_rows`` wrote, in either format. ValueError on a malformed line."""
    meta: dict = {}
    chunks: list[str] = []
    where: dict[str, int] = {}
    for n, values in enumerate(lines, 1):
        values = list(values) + [None, None]
        key = canon(values[0])
        if key == ROWS_KEY:
            chunks.append(str(values[1] or ""))
        elif key:
            meta[key] = values[1]
            where.setdefault(key, n)
    meta[WHERE] = where
    first = f"{META_SHEET}!B{len(META_KEYS) + 1}"
    try:
        data = json.loads("".join(chunks) or "[]")
        return meta, [_sent_row(item) for item in data]
    except (TypeError, ValueError, KeyError, AttributeError):   # JSONDecodeError is a ValueError
        raise ValueError(first) from None


def _sent_row(item) -> SentRow:
    if isinstance(item, list):   # format 1: [row, key, editable, hash, status, percent, text, note]
        row, key, editable, hash_, *values = item
        item = {"row": row, "key": key, "editable": editable, "hash": hash_,
                **dict(zip(V1_FIELDS, values))}
    get = item.get    # only what was sent filled in (``values()`` gives the rest as empty)
    sent = {f: float(v) if f == "percent" else str(v or "")
            for f in FIELDS if (v := get(f)) is not None and v != ""}
    return SentRow(int(item["row"]), str(item["key"]), bool(item["editable"]), str(item["hash"]),
                   sent, str(item.get("upper_key") or ""))
