"""The colophon (版记): 抄送 and "…印发" between rules at the foot of the last page.

Design §5.8: a one-column table, thick outer rules and thin inner ones, rows of exact
height, pushed to the bottom of its own page by a spacer of exact height so the last
rule lies on the bottom edge of the type area whatever the renderer.
"""
from __future__ import annotations

import math

from . import units
from .builder import paragraph
from .notice import cn_date
from .styles import COLOPHON_CC, COLOPHON_PRINT
from .xml import el, set_child

CC_LABEL = "抄送："


def cc_text(cc: str) -> str:
    """抄送：names separated by ，and ending with 。"""
    cc = (cc or "").strip()
    if cc.startswith(CC_LABEL) or cc.startswith("抄送:"):
        cc = cc[3:].strip()
    cc = cc.rstrip("。.，,；;")
    return f"{CC_LABEL}{cc}。"


def print_line(notice: dict) -> tuple[str, str]:
    return notice["printer"].strip(), cn_date(notice["print_date"]) + "印发"


def _width4(text: str) -> int:
    return sum(units.HALF_4 if ord(ch) < 0x80 else units.CHAR_4 for ch in text)


def cc_lines(text: str) -> int:
    """Lines the 抄送 text takes: names start 4 字 in, end 1 字 before the right edge.

    One character of slack absorbs line-breaking rules (no 。 at a line start).
    """
    names = text[len(CC_LABEL):]
    avail = units.TYPE_W - 4 * units.CHAR_4 - units.CHAR_4
    return max(1, math.ceil((_width4(names) + units.CHAR_4) / avail))


def has_colophon(notice: dict) -> bool:
    return bool((notice.get("printer") or "").strip() or (notice.get("cc") or "").strip())


def build_colophon(notice: dict, line: int = units.LINE):
    """(w:tbl, height in twips)."""
    rows = []
    cc = (notice.get("cc") or "").strip()
    if cc:
        text = cc_text(cc)
        rows.append((cc_lines(text) * line, [paragraph(COLOPHON_CC, [text], line=line)]))
    if (notice.get("printer") or "").strip():
        office, date = print_line(notice)
        rows.append((line, [paragraph(COLOPHON_PRINT, [office + "\t" + date], line=line)]))

    tbl = el("tbl")
    pr = set_child(tbl, "tblPr")
    set_child(pr, "tblW", w=units.TYPE_W, type="dxa")
    set_child(pr, "jc", val="center")
    borders = set_child(pr, "tblBorders")
    for side, sz in (("top", units.RULE_THICK), ("bottom", units.RULE_THICK),
                     ("insideH", units.RULE_THIN)):
        set_child(borders, side, val="single", sz=sz, space=0, color="000000")
    for side in ("left", "right", "insideV"):
        set_child(borders, side, val="nil")
    set_child(pr, "tblLayout", type="fixed")
    mar = set_child(pr, "tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        set_child(mar, side, w=0, type="dxa")
    grid = el("tblGrid")
    grid.append(el("gridCol", w=units.TYPE_W))
    tbl.append(grid)
    for height, paras in rows:
        tr = el("tr")
        trpr = el("trPr")
        trpr.append(el("cantSplit"))
        trpr.append(el("trHeight", val=height, hRule="exact"))
        tr.append(trpr)
        tc = el("tc")
        tcpr = set_child(tc, "tcPr")
        set_child(tcpr, "tcW", w=units.TYPE_W, type="dxa")
        set_child(tcpr, "vAlign", val="center")
        for p in paras:
            tc.append(p)
        tr.append(tc)
        tbl.append(tr)
    return tbl, sum(h for h, _ in rows)


TRAILING = 20  # the 1 pt paragraph after the table
SLACK = 40     # measured: LibreOffice needs a little room for the trailing paragraph


def write_colophon(builder, notice: dict, opts, *, blank_page_before: bool = False,
                   lines_before: int | None = None) -> None:
    """The 版记 at the foot of a page: its own page (the default), after an empty page
    (blank_page_before), or sharing the last text page, which holds `lines_before` lines."""
    tbl, height = build_colophon(notice, opts.line_pitch)
    spacer = units.TYPE_H - height - TRAILING - SLACK
    if lines_before is not None:
        builder.spacer(spacer - lines_before * opts.line_pitch)
    elif blank_page_before:
        builder.p(None, line=TRAILING)
        builder.spacer(spacer, page_break_before=True)
    else:
        builder.spacer(spacer)
    builder.add(tbl)
    builder.p(None, line=TRAILING)


def colophon_lines(notice: dict, line: int = units.LINE) -> int:
    return math.ceil(build_colophon(notice, line)[1] / line)
