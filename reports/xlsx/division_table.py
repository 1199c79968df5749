"""The 重点任务分工表 as a print-ready workbook (``render table … --out F.xlsx``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from ..atomic import atomic_path
from . import styles
from .sheet_writer import SheetWriter, header_row_after
from .table_rows import TableRow, table_rows


@dataclass
class DivisionTableOptions:
    title: str | None = None        # default: the plan title (+ 重点任务分工表)
    issuer: str | None = None       # default: the plan's issuer; "" leaves the row out
    note_column: bool = True        # an empty 备注 column for handwritten remarks
    sheet_name: str = "重点任务分工表"


# (key, header, width): the widths suit 12 pt Chinese text on A4 landscape.
COLUMNS = [
    ("number", "序号", 7), ("title", "重点任务", 24), ("text", "具体内容", 50),
    ("lead", "牵头单位", 18), ("support", "配合单位", 22), ("people", "责任领导", 12),
    ("divisions", "责任处室", 18), ("deadline", "完成时限", 13), ("note", "备注", 14),
]
CENTRED = ("number", "deadline")


def default_title(plan: dict) -> str:
    title = (plan.get("title") or "").strip() or "重点任务"
    if title.endswith(("分工表", "分工方案", "任务清单")):
        return title
    return f"{title}重点任务分工表"


def _columns(rows: list[TableRow], options: DivisionTableOptions) -> list[tuple[str, str, float]]:
    """Only the columns the plan uses, so a plan without deadlines prints no empty column."""
    any_lead = any(r.roles.get("lead") for r in rows)
    used = {"number", "title", "lead",
            *(k for k in ("text", "support", "people", "divisions", "deadline")
              if any(getattr(r, k) for r in rows))}
    if options.note_column or any(r.scopes for r in rows):   # the scope is a remark
        used.add("note")
    out = []
    for key, header, width in COLUMNS:
        if key in used:
            if key == "lead" and not any_lead:
                header = "责任单位"   # no lead singled out anywhere: the units are responsible
            out.append((key, header, width))
    return out


def _task_row(out: SheetWriter, row: TableRow, keys: list[str]) -> None:
    values = {"number": row.number, "title": row.title, "text": row.text, "lead": row.lead,
              "support": row.support, "people": row.people, "divisions": row.divisions,
              "deadline": row.deadline, "note": f"适用范围：{row.scopes}" if row.scopes else ""}
    cells = []
    for key in keys:
        if row.section:
            style = styles.section_style(row.level, key in CENTRED)
        else:
            style = "pd_centre" if key in CENTRED else "pd_body"
        cell = out.cell(values[key], style)
        if key == "title" and row.level > 1:
            # The hierarchy shows as indentation (the named styles carry no indent).
            cell.alignment = styles.indented(row.level - 1)
        cells.append(cell)
    # A heading without text reads across the table, as in the printed plan.
    across = row.section and not row.text and len(keys) > 2
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
    if not any(r.roles.get("lead") for r in rows):   # the column will say 责任单位
        rows = table_rows(plan, mark_responsible=False)
    columns = _columns(rows, options)
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
