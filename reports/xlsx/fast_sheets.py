"""Large print-ready tables written with XlsxWriter's constant-memory mode.

The 汇总 and exchange workbooks can hold tens of thousands of lines; XlsxWriter writes each
row to the file as it comes (constant memory) at two to three times openpyxl's write-only
speed. The look is
PlanDesk's (``styles``): the official faces with the GB2312 charset, thin borders, the grey
header, A4 landscape fitted to the width, the header repeated on every page, page numbers.
Text is always written as text: a value starting with "=" is never a formula, and it
carries the quote prefix so it stays text when the clerk edits it in Excel. The looks are
``styles.named_styles`` as XlsxWriter formats (locked unless they are where a recipient
writes).
"""
from __future__ import annotations

import re

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from . import styles

_BORDER = {"border": 1, "text_wrap": True, "valign": "vcenter"}
_LOOKS = {
    "pd_title": {"font_name": styles.TITLE_FACE, "font_size": styles.TITLE_SIZE, "align": "center",
                 "valign": "vcenter", "text_wrap": True},
    "pd_info": {"font_name": styles.KAI_FACE, "font_size": styles.INFO_SIZE, "align": "left",
                "valign": "vcenter", "text_wrap": True},
    "pd_header": {"font_name": styles.HEAD_FACE, "font_size": styles.HEADER_SIZE,
                  "bg_color": "#D9D9D9", "align": "center", **_BORDER},
    "pd_body": {"font_name": styles.BODY_FACE, "font_size": styles.BODY_SIZE, **_BORDER},
    "pd_centre": {"font_name": styles.BODY_FACE, "font_size": styles.BODY_SIZE, "align": "center",
                  **_BORDER},
    "pd_info_c": {"font_name": styles.KAI_FACE, "font_size": styles.INFO_SIZE, "align": "center",
                  "valign": "vcenter", "text_wrap": True},
    "pd_input": {"font_name": styles.BODY_FACE, "font_size": styles.BODY_SIZE, **_BORDER,
                 "bg_color": "#FFF9E5", "num_format": styles.TEXT_FORMAT, "locked": False},
    "pd_input_centre": {"font_name": styles.BODY_FACE, "font_size": styles.BODY_SIZE,
                        "align": "center", **_BORDER, "bg_color": "#FFF9E5", "locked": False},
}
# Headings: 黑体 on blue (level 1), bold 楷体 on grey (level 2), bold 仿宋 below.
for _level, _face, _fill in ((1, styles.HEAD_FACE, "#DDEBF7"), (2, styles.KAI_FACE, "#F2F2F2"),
                             (3, styles.BODY_FACE, None)):
    for _suffix, _align in (("", {}), ("_c", {"align": "center"})):
        _LOOKS[f"pd_section{_level}{_suffix}"] = {
            "font_name": _face, "font_size": styles.BODY_SIZE, "bold": _level > 1, **_BORDER,
            **_align, **({"bg_color": _fill} if _fill else {})}
FORMULA_START = ("=", "+", "-", "@")
# What a workbook cannot store (control characters pasted from Word); openpyxl's set, so
# the text written is the text ``exchange_format.canon`` hashes.
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


class _ProtectedBook(xlsxwriter.Workbook):
    """A workbook whose structure is protected (no sheet added, removed, shown or renamed):
    XlsxWriter has no call for <workbookProtection>, so it is written where the schema
    puts it, just before the book views."""

    def _write_book_views(self) -> None:
        self._xml_empty_tag("workbookProtection", [("lockStructure", "1")])
        super()._write_book_views()


class FastBook:
    """A workbook written straight to ``path`` (give it a temporary path, then move it)."""

    def __init__(self, path, lock_structure: bool = False):
        """``lock_structure``: sheets cannot be added, removed, shown or renamed."""
        kind = _ProtectedBook if lock_structure else xlsxwriter.Workbook
        self.book = kind(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
        self.book.set_properties({"author": "PlanDesk"})
        self.formats = {}
        for name, look in _LOOKS.items():
            look = {**look, "font_charset": styles.GB2312}
            self.formats[name] = self.book.add_format(look)
            self.formats[name + "!"] = self.book.add_format({**look, "quote_prefix": True})
        self.formats[""] = None          # no look: the sheet's default (hidden sheets)
        self.formats["!"] = self.book.add_format({"quote_prefix": True})

    def sheet(self, name: str, widths: list[float], header_row: int | None,
              freeze: str | None = None,
              hidden=(), span: int | None = None):
        return FastSheet(self, name, widths, header_row, freeze, hidden, span)

    def close(self) -> None:
        try:
            self.book.close()
        except FileCreateError as e:
            # A full disk or a refused folder is a file error like any other (one line).
            cause = e.args[0] if e.args and isinstance(e.args[0], OSError) else None
            if cause is None:
                raise
            raise cause from e


class FastSheet:
    """One table: title lines, a header, then lines of values (1-based rows as in styles)."""

    def __init__(self, book: FastBook, name: str, widths: list[float], header_row: int | None,
                 freeze: str | None, hidden=(), span: int | None = None):
        """``hidden``: 0-based columns hidden; ``span``: the columns the title covers;
        ``header_row`` None: a sheet of data, not for printing (no page setup)."""
        self.book, self.widths = book, widths
        self.span = span or len(widths)
        self.sheet = book.book.add_worksheet(name[:31])
        self.row = 0
        for i, w in enumerate(widths):
            self.sheet.set_column(i, i, w, None, {"hidden": True} if i in hidden else None)
        if header_row is None:
            return
        s = self.sheet
        s.set_paper(9)
        s.set_landscape()
        s.fit_to_pages(1, 0)
        s.repeat_rows(header_row - 1)
        s.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
        s.center_horizontally()
        s.set_footer(f'&C&"{styles.BODY_FACE}"&10第 &P 页，共 &N 页')
        if freeze:
            s.freeze_panes(freeze)
        else:
            s.freeze_panes(header_row, 0)

    def title(self, text: str, lines=()) -> None:
        total = sum(self.widths[:self.span])
        last = self.span - 1
        height = max(36, 30 * styles.estimate_lines(text, total, styles.TITLE_SIZE))
        self._merged(text, "pd_title", height, last)
        for line, _align in lines:
            self._merged(line, "pd_info", 20 * styles.estimate_lines(line, total, styles.INFO_SIZE),
                         last)

    def _merged(self, text: str, look: str, height: float, last: int) -> None:
        self.sheet.set_row(self.row, height)
        self.sheet.merge_range(self.row, 0, self.row, last, text, self.book.formats[look])
        self.row += 1

    def header(self, names: list[str]) -> None:
        self.sheet.set_row(self.row, 30)
        fmt = self.book.formats["pd_header"]
        for c, name in enumerate(names):
            self.sheet.write_string(self.row, c, name, fmt)
        self.row += 1

    def add(self, values: list, looks: list, height: float | None = None) -> int:
        """One line: each value with its look ("pd_body", "pd_centre", …; None: no look);
        returns its (1-based) row number."""
        s, formats, r = self.sheet, self.book.formats, self.row
        if height:
            s.set_row(r, height)
        for c, (value, look) in enumerate(zip(values, looks)):
            look = look or ""
            if value is None or value == "":
                s.write_blank(r, c, None, formats[look])
            elif value.__class__ is not str and isinstance(value, (int, float)) \
                    and not isinstance(value, bool):
                s.write_number(r, c, value, formats[look])
            else:
                text = value if value.__class__ is str else str(value)
                if not text.isprintable():      # rare: only then look for what cannot be stored
                    text = _ILLEGAL.sub("", text)
                s.write_string(r, c, text, formats[look + "!" if text[:1] in FORMULA_START else look])
        self.row += 1
        return self.row

    def autofilter(self, first_row: int, last_col: int) -> None:
        """Filter buttons on the header (1-based ``first_row``) over the lines written."""
        self.sheet.autofilter(first_row - 1, 0, max(self.row - 1, first_row - 1), last_col - 1)
