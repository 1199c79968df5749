"""Print-ready look shared by every workbook PlanDesk writes.

Official tables are printed, not just viewed: A4 landscape, fitted to the page width,
the header repeated on every page, thin borders, the official faces (仿宋_GB2312 body,
黑体 headers and first-level headings, 楷体_GB2312 second-level headings, 方正小标宋简体
title). Row heights are estimated from the text because Excel does not grow rows by
itself when a file is opened; an estimate slightly too tall prints better than clipped text.
"""
from __future__ import annotations

import math
from copy import copy
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

BODY_FACE = "仿宋_GB2312"
HEAD_FACE = "黑体"
KAI_FACE = "楷体_GB2312"
TITLE_FACE = "方正小标宋简体"
GB2312 = 134   # font charset: makes Excel/WPS pick the Chinese face, not a Latin substitute

BODY_SIZE = 12
HEADER_SIZE = 12
TITLE_SIZE = 18
INFO_SIZE = 12

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
# Headings shaded by level: the darker, the higher.
SECTION_FILLS = {1: PatternFill("solid", fgColor="DDEBF7"), 2: PatternFill("solid", fgColor="F2F2F2")}
EDITABLE_FILL = PatternFill("solid", fgColor="FFF9E5")   # where the recipient writes

TEXT_FORMAT = "@"   # typed input stays text (no formula, no date guessing)


def font(face: str = BODY_FACE, size: float = BODY_SIZE, bold: bool = False) -> Font:
    return Font(name=face, size=size, bold=bold, charset=GB2312)


def named_styles() -> list[NamedStyle]:
    """The cell styles of a table, registered once per workbook (fast to apply per cell)."""
    wrap_top = Alignment(wrap_text=True, vertical="center")
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
    locked = Protection(locked=True)
    out = [
        NamedStyle("pd_title", font=font(TITLE_FACE, TITLE_SIZE),
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        NamedStyle("pd_info", font=font(KAI_FACE, INFO_SIZE),
                   alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
        NamedStyle("pd_info_c", font=font(KAI_FACE, INFO_SIZE), alignment=centred),
        NamedStyle("pd_header", font=font(HEAD_FACE, HEADER_SIZE), fill=HEADER_FILL,
                   border=BORDER, alignment=centred, protection=locked),
        NamedStyle("pd_body", font=font(), border=BORDER, alignment=wrap_top, protection=locked),
        NamedStyle("pd_centre", font=font(), border=BORDER, alignment=centred, protection=locked),
        NamedStyle("pd_input", font=font(), border=BORDER, alignment=wrap_top, fill=EDITABLE_FILL,
                   number_format=TEXT_FORMAT, protection=Protection(locked=False)),
        NamedStyle("pd_input_centre", font=font(), border=BORDER, alignment=centred,
                   fill=EDITABLE_FILL, protection=Protection(locked=False)),
    ]
    for level in (1, 2, 3):
        face = HEAD_FACE if level == 1 else (KAI_FACE if level == 2 else BODY_FACE)
        for suffix, align in (("", wrap_top), ("_c", centred)):
            out.append(NamedStyle(f"pd_section{level}{suffix}",
                                  font=font(face, BODY_SIZE, bold=level > 1),
                                  fill=SECTION_FILLS.get(level, PatternFill()), border=BORDER,
                                  alignment=align, protection=locked))
    return out


def register_styles(wb) -> None:
    for style in named_styles():
        if style.name not in wb.named_styles:
            wb.add_named_style(style)


def indented(level: int) -> Alignment:
    """The alignment of a task title ``level`` steps below the top (indent capped at 4)."""
    return _INDENTS[min(max(level, 0), 4)]


_INDENTS = [Alignment(wrap_text=True, vertical="center", indent=i) for i in range(5)]


def section_style(level: int, centred: bool = False) -> str:
    """Headings: 黑体 on blue (level 1), bold 楷体 on grey (level 2), bold 仿宋 below."""
    return f"pd_section{min(max(level, 1), 3)}{'_c' if centred else ''}"


_ARRAYS: WeakKeyDictionary = WeakKeyDictionary()   # workbook -> {style name: StyleArray}


def set_style(cell, name: str) -> None:
    """``cell.style = name`` without openpyxl's search of the style by name on every cell.

    Assigning a named style copies its StyleArray into the cell (openpyxl's
    NamedStyleDescriptor does exactly this); the array is looked up once per workbook.
    A 5,000-row table has ~60,000 cells, so this saves seconds.
    """
    arrays = _ARRAYS.setdefault(cell.parent.parent, {})
    array = arrays.get(name)
    if array is None:
        cell.style = name
        arrays[name] = copy(cell._style)
    else:
        cell._style = copy(array)


def put_text(cell, value, style: str | None = None) -> None:
    """Write user text as text: "=1+1" or "-3" stays a string, never a formula.

    Control characters pasted from Word (\x0b, \x07) cannot be stored in a workbook; they
    are dropped here, and ``exchange_format.canon`` drops them too, so checksums agree.
    """
    cell.value = "" if value is None else ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell.data_type = "s"
    if style:
        set_style(cell, style)
    if cell.value[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True   # Excel keeps it text when the cell is edited, too


def set_widths(ws, widths: list[float]) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def setup_page(ws, header_row: int, freeze: str) -> None:
    """A4 landscape, one page wide, header row on every page, page numbers in the footer."""
    ws.page_setup.paperSize = "9"   # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = freeze
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = BODY_FACE
    ws.oddFooter.center.size = 10


def display_width(text: str) -> int:
    """Width in half-width units: a Chinese character counts 2, a Latin letter 1.

    GB18030 happens to spend exactly that many bytes on them, and encoding is fast.
    """
    return len(text.encode("gb18030", errors="replace"))


def estimate_lines(text: str, column_width: float, size: float = BODY_SIZE) -> int:
    """How many lines ``text`` wraps to in a column ``column_width`` Excel units wide."""
    if not text:
        return 1
    # One Excel width unit is ~7 px; a half-width character at ``size`` pt is ~size*2/3 px.
    per_line = max(2.0, (column_width * 7 - 6) / (size * 96 / 72 / 2))
    text = str(text)
    if "\n" not in text:       # the usual one paragraph: no split, no generator
        return max(1, math.ceil(display_width(text) / per_line))
    return sum(max(1, math.ceil(display_width(part) / per_line)) for part in text.split("\n"))


def row_height(texts_and_widths, size: float = BODY_SIZE, minimum: float = 20.0) -> float:
    """Row height in points for cells [(text, column width)] (Excel's maximum is 409)."""
    lines = max((estimate_lines(t, w, size) for t, w in texts_and_widths if t), default=1)
    return min(409.0, max(minimum, lines * size * 1.35 + 6))
