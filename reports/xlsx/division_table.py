"""The 重点任务分工表 as a print-ready workbook (``render table … --out F.xlsx``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from models.mentions import SCOPE_WORD

from ..atomic import atomic_path
from ..division_columns import DIVISION_KEYS, ROLE_KEYS, chosen_columns, headers, plan_noun
from . import styles
from .sheet_writer import SheetWriter, header_row_after
from .table_rows import TableRow, table_rows


@dataclass
class DivisionTableOptions:
    title: str | None = None        # default: the plan title (+ 重点任务分工表)
    issuer: str | None = None       # default: the plan's issuer; "" leaves the row out
    note_column: bool = False       # 备注 even when no task names a scope (handwritten remarks)
    sheet_name: str = "重点任务分工表"


# Column widths (characters) for 12 pt Chinese text on A4 landscape; which columns
# print, and under which header, is the Word table's choice too (``division_columns``).
WIDTHS = {
    "seq": 7, "task": 24, "content": 50, "lead": 18, "support": 22, "responsible": 18,
    "guide": 16, "people": 12, **{k: 14 for k in DIVISION_KEYS}, "deadline": 13, "remarks": 14,
}
CENTRED = ("seq", "deadline")


def default_title(plan: dict) -> str:
    title = (plan.get("title") or "").strip() or "重点任务"
    if title.endswith(("分工表", "分工方案", "任务清单")):
        return title
    return f"{title}重点任务分工表"


def _columns(rows: list[TableRow], options: DivisionTableOptions,
             noun: str | None = None) -> list[tuple[str, str, float]]:
    """(key, header, width) of the columns some row fills, in the Word table's order; the
    处室 columns under the plan's own word (``noun``)."""
    keys = chosen_columns(rows, _text)
    if options.note_column and "remarks" not in keys:
        keys.append("remarks")      # an empty 备注 column for handwritten remarks
    names = headers(noun)
    return [(k, names[k], WIDTHS[k]) for k in keys]


def _text(row: TableRow, key: str) -> str:
    """What the row shows in the column ``key``."""
    if key in ROLE_KEYS:
        return "、".join(n for n in row.roles.get(key) or () if n)
    if key in DIVISION_KEYS:
        return "、".join(row.divisions.get(key[len("division_"):]) or ())
    if key == "remarks":
        return f"{SCOPE_WORD}：{row.scopes}" if row.scopes else ""
    return {"seq": row.number, "task": row.title, "content": row.text, "people": row.people,
            "deadline": row.deadline}[key]


def _task_row(out: SheetWriter, row: TableRow, keys: list[str]) -> None:
    values = {k: _text(row, k) for k in keys}
    cells = []
    for key in keys:
        if row.section:
            style = styles.section_style(row.level, key in CENTRED)
        else:
            style = "pd_centre" if key in CENTRED else "pd_body"
        cell = out.cell(values[key], style)
        if key == "task" and row.level > 1:
            # The hierarchy shows as indentation (the named styles carry no indent).
            cell.alignment = styles.indented(row.level - 1)
        cells.append(cell)
    # A heading without text reads across the table, as in the printed plan (unless it
    # names a leader, a 处室 or a scope: that stays in its column).
    across = row.section and len(keys) > 2 and not any(values[k] for k in keys[2:])
    widths = out.widths
    texts = ([(row.title, sum(widths[1:]))] if across else
             [(values[k], w) for k, w in zip(keys, widths)])
    r = out.add(cells, styles.row_height(texts))
    if across:
        out.merge(r, 2, len(keys))


def render_division_table_xlsx(plan: dict, out_path, options: DivisionTableOptions | dict | None = None) -> dict:
    """Write the plan's division table to ``out_path`` (atomically). Returns {"rows": n}."""
    if isinstance(options, dict):
        options = DivisionTableOptions(**options)
    options = options or DivisionTableOptions()
    rows = table_rows(plan)
    columns = _columns(rows, options, plan_noun(plan))
    keys = [c[0] for c in columns]
    title = options.title or default_title(plan)
    issuer = plan.get("issuer", "") if options.issuer is None else options.issuer
    info = [(issuer, "center")] if issuer else []

    wb = Workbook(write_only=True)
    styles.register_styles(wb)
    header_row = header_row_after(len(info))
    out = SheetWriter(wb, options.sheet_name, [c[2] for c in columns], header_row,
                      f"C{header_row + 1}" if len(keys) > 2 else None)
    out.title(title, info)
    out.header([c[1] for c in columns])
    for row in rows:
        _task_row(out, row, keys)
    wb.properties.creator = "PlanDesk"
    wb.properties.title = title
    out_path = Path(out_path)
    with atomic_path(out_path) as tmp:
        wb.save(tmp)
    return {"rows": len(rows), "path": str(out_path)}
