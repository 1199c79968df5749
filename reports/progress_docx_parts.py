"""Pieces of the progress documents that the 公文 package does not have: a chart as an
inline picture, and the table of late and at-risk tasks.

Everything else — page, styles, fonts, titles, page numbers, signature — comes from
``reports.docx`` so these documents look like the office's other 公文.
"""
from __future__ import annotations

import io


from models.status import light_label

from .docx import units
from .docx.builder import paragraph
from .docx.styles import FLUSH, TABLE_HEAD, TABLE_TEXT
from .docx.table import Cells, Column, fit_to_names, grid_table_properties
from .docx.title import width
from .docx.xml import el

SHADE = {"late": "FFC7CE", "at_risk": "FFEB9C", "on_track": "C6EFCE"}
# (key, header, width in mm of the 225 mm landscape line)
# 序号 holds “三（三）1.”: four 4号 characters need 20 mm; 完成时限 “2025年6月底前”, 28 mm.
PROBLEM_COLUMNS = (("seq", "序号", 22), ("task", "任务", 48), ("lead", "牵头单位", 26),
                   ("support", "配合单位", 26), ("deadline", "完成时限", 28),
                   ("light", "预警", 22), ("detail", "进展及滞后情况", 53))


def picture(document, png: bytes, width_mm: float, height_mm: float):
    """A centred paragraph holding a PNG at the given size.

    The line is 'auto' (not the body's exact 28.95 pt): an exact line would clip the
    picture to one line's height.
    """
    inline = document.part.new_pic_inline(io.BytesIO(png), width=int(width_mm * units.EMU_PER_MM),
                                          height=int(height_mm * units.EMU_PER_MM))
    r = el("r")
    drawing = el("drawing")
    drawing.append(inline)
    r.append(drawing)
    return paragraph(FLUSH, [r], jc="center", line=240, rule="auto", first_line=0,
                     keep_next=True)


def caption(text: str):
    """图1　… under a chart, centred, 4号."""
    return paragraph(FLUSH, [(text, {"sz": units.SZ_SMALL, "spacing": 0})], jc="center",
                     line=units.TABLE_LINE)


def _tr(cells, header=False):
    tr = el("tr")
    pr = el("trPr")
    pr.append(el("cantSplit"))       # a task's row stays on one page
    if header:
        pr.append(el("tblHeader"))   # repeated on every page
    tr.append(pr)
    for c in cells:
        tr.append(c)
    return tr


def problem_columns(statuses) -> list[tuple]:
    """PROBLEM_COLUMNS without 配合单位 when no listed task has supporting departments
    (an empty column reads as missing work)."""
    if any(s.support for s in statuses):
        return list(PROBLEM_COLUMNS)
    return [c for c in PROBLEM_COLUMNS if c[0] != "support"]


def column_widths(statuses, total_width: int = units.TYPE_H, columns=PROBLEM_COLUMNS) -> list[int]:
    """Widths of the columns: the name columns as wide as their longest name needs,
    taken from 任务 and 进展及滞后情况."""
    scale = total_width / sum(c[2] for c in columns)
    cols = [Column(key, label, int(mm * scale)) for key, label, mm in columns]
    cols[-1].width += total_width - sum(c.width for c in cols)
    longest: dict = {}
    for s in statuses:
        for key, names in (("lead", s.lead), ("support", s.support)):
            for name in names or ():
                longest[key] = max(longest.get(key, 0.0), width(name))
    return [c.width for c in fit_to_names(cols, longest, donors=("task", "detail"))]


def problem_table(statuses, total_width: int = units.TYPE_H, round_name: str | None = None):
    """The w:tbl of late and at-risk tasks: one row per task, the light as a shaded cell."""
    columns = problem_columns(statuses)
    widths = column_widths(statuses, total_width, columns)
    tbl = el("tbl")
    grid_table_properties(tbl, total_width)
    grid = el("tblGrid")
    for w in widths:
        grid.append(el("gridCol", w=w))
    tbl.append(grid)
    cells = Cells()
    tbl.append(_tr([cells.cell(w, TABLE_HEAD, label, jc="center")
                    for w, (key, label, _) in zip(widths, columns)], header=True))
    centred = {"seq", "deadline", "light"}
    for s in statuses:
        values = {"seq": [s.path_number], "task": [s.title], "lead": ["、".join(s.lead)],
                  "support": ["、".join(s.support)], "deadline": [s.deadline_text],
                  "light": [light_label(s.light, "zh")], "detail": detail_lines(s, round_name)}
        row = []
        for w, (key, _, _) in zip(widths, columns):
            fill = SHADE.get(s.light) if key == "light" else None
            row.append(cells.cell(w, TABLE_TEXT, "", lines=values[key] or [""],
                                  jc="center" if key in centred else None, fill=fill))
        tbl.append(_tr(row))
    return tbl


def detail_lines(s, round_name: str | None = None) -> list[str]:
    """Why the task is flagged, then what was last reported (naming the round when it
    was an earlier one)."""
    reason = s.reason_text("zh")     # an official document: Chinese whatever the UI speaks
    lines = [reason] if reason else []
    if s.report_text:
        when = "" if s.report_round == round_name else f"（{s.report_round}）"
        lines.append(f"报送{when}：{s.report_text}")
    return lines or [""]
