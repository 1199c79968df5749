"""The cells of a returned workbook with python-calamine reading the text (汇总 speed).

calamine parses a sheet in Rust, several times faster than a Python walk over lxml's tree
(``ReturnBook.rows``). What it cannot show is taken from the sheet's XML bytes, cheaply:

* numbers in a cell whose format bears on reading (percent, date): a regex matching only
  the cells of those styles gives the raw value and the format, as ``ReturnBook`` reads
  them (calamine would give 0.6 or a date object); other numbers are calamine's, an
  integral one as an int, their format read as General (it tells nothing more);
* merged ranges: a regex over ``<mergeCell ref=…>``;
* bounds: a sheet with a two-letter column or a six-digit row is read by ``ReturnBook``,
  which measures and refuses it before any grid is built (calamine's grid is dense).
  Two regex passes over the tags check all of this (``_UNUSUAL``, ``_PREFIXED``).

Anything else a return may hold — a formula, an error, boolean or ISO-date cell, phonetic
runs, ``_x000D_`` escapes, a cell or row without its reference, another namespace or
prefixed elements, quotes other than ``"`` — sends the sheet to ``ReturnBook``'s reader,
which reads all of it. So both readers give the same cells (the return tests run with
each, and one test compares them cell for cell on openpyxl and LibreOffice files).
A large sheet is streamed by ``ReturnBook`` (``STREAM_ABOVE``): calamine holds all of it.
An empty text cell is ``None`` here, as an absent cell is: nothing was typed in either.

python-calamine has no wheel for some CPUs of domestic Linux machines: without it the
import reads with ``ReturnBook`` alone (``BOOK``).
"""
from __future__ import annotations

import re
from functools import cached_property

from openpyxl.styles.numbers import is_date_format

from .return_reader import _INTEGER, Cell, ReturnBook

try:
    from python_calamine import CalamineWorkbook
except ImportError:          # no wheel for this machine: the lxml reader does all of it
    CalamineWorkbook = None  # type: ignore[assignment,misc]

# calamine holds a whole sheet, and its Python copy beside it; a sheet larger than this
# (some 4,000 rows of a return) is streamed by ReturnBook, whose memory stays bounded.
STREAM_ABOVE = 8 * 1024 * 1024
_MAIN = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
# Anything but the plain forms Excel, WPS, LibreOffice and openpyxl write — a cell tag
# other than <c r="A1" s="3" t="…"> with a text or number type (so no formula, error,
# boolean or ISO-date cell, no two-letter column, no six-digit row), a row without its
# reference, a formula, phonetic runs, a comment or CDATA — and prefixed elements. Two
# patterns, each led by one literal byte: the regex engine skips from one "<" (or ":") to
# the next at memchr speed, where one pattern led by either byte steps through every byte
# of the sheet (three times slower on a return).
_UNUSUAL = re.compile(
    rb'<(?:c(?:>| (?!r="[A-Z]\d{1,5}"(?: s="\d+")?(?: t="(?:n|s|str|inlineStr)")?[ >/]))'
    rb'|row(?:>| (?!r="\d{1,5}"))|f[\s>/]|rPh|!|mergeCell (?!ref="))')
_PREFIXED = re.compile(rb':(?:c|row|is|t|v|f|r|si|mergeCell|sheetData)[\s>/]')  # <x:c …>, or a text "…:c "
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")         # calamine decodes _x000D_, lxml does not
_MERGE = re.compile(rb'<mergeCell ref="([^"]*)"')
_CELL_AT = rb'<c r="([A-Z])(\d+)" s="(?:%s)"(?: t="(?:n|s|str|inlineStr)")?>'


class _Unusual(Exception):
    """The sheet holds something only ReturnBook reads: read it there."""


class CalamineBook(ReturnBook):
    """``ReturnBook`` whose ``rows`` lets calamine parse the sheets it can."""

    @cached_property
    def _calamine(self):
        return CalamineWorkbook.from_path(self.zip.filename)

    def close(self) -> None:
        if "_calamine" in self.__dict__:
            self._calamine.close()
        super().close()

    def rows(self, name: str, width: int | None = None, compact: bool = False) -> list[list]:
        if not compact:        # full Cell objects for every cell: ReturnBook's own form
            return super().rows(name, width, compact)
        try:
            return self._fast_rows(name, width)
        except _Unusual:
            return super().rows(name, width, compact)

    def _plain(self, data: bytes) -> bool:
        # (a search for "_x" with ``in`` is three times slower than the regex's own)
        return _UNUSUAL.search(data) is None and _PREFIXED.search(data) is None \
            and _ESCAPE.search(data) is None

    @cached_property
    def _strings_plain(self) -> bool:
        part = self._parts_by_type.get("sharedStrings")
        if not part or part not in self.zip.namelist():
            return True
        return self._plain(self.zip.read(part))

    @cached_property
    def _special(self) -> tuple[dict[int, str], re.Pattern | None]:
        """The styles whose number format bears on reading (percent, date), and a regex
        finding the cells written with them."""
        special = {i: f for i, f in enumerate(self._formats) if "%" in f or is_date_format(f)}
        if not special:
            return special, None
        return special, re.compile(_CELL_AT % b"|".join(str(i).encode() for i in special))

    def _fast_rows(self, name: str, width: int | None) -> list[list]:
        if self.zip.getinfo(self.parts[name]).file_size > STREAM_ABOVE:
            raise _Unusual
        data = self.zip.read(self.parts[name])
        if not data.startswith(_MAIN, data.find(b"<worksheet")) or not self._plain(data) \
                or not self._strings_plain:
            raise _Unusual
        try:
            grid = self._calamine.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # calamine's errors, a Rust panic (not an Exception): ReturnBook says why
            raise _Unusual from None
        special, cells_at = self._special
        if cells_at is not None:          # numbers in a percent or date cell: the raw value
            for m in cells_at.finditer(data):
                r, c = int(m[2]) - 1, ord(m[1]) - 65
                if r < 0 or r >= len(grid) or c >= len(grid[r]):
                    raise _Unusual
                if grid[r][c].__class__ is str:
                    continue              # text (or nothing) whatever the format
                end = m.end()
                if not data.startswith(b"<v>", end):
                    raise _Unusual
                text = data[end + 3:data.index(b"</v>", end)].decode()
                i = int(m[0].rsplit(b's="', 1)[1].split(b'"', 1)[0])
                try:
                    number = int(text) if _INTEGER.fullmatch(text) else float(text)
                except ValueError:
                    raise _Unusual from None
                grid[r][c] = Cell(number, "n", special[i])
        if width is not None:
            grid = [row[:width] for row in grid]
        rows = [[v if v.__class__ is str and v else None if v == "" else _number(v) for v in row]
                for row in grid]
        self.merges[name] = [ref.decode() for ref in _MERGE.findall(data)]
        return rows


def _number(value) -> Cell:
    """A number calamine read from a cell whose format does not bear on reading."""
    if value.__class__ is Cell:
        return value
    if value.__class__ is float:
        if value.is_integer():
            if abs(value) >= 2 ** 53:     # beyond a double's integers: the raw digits matter
                raise _Unusual
            return Cell(int(value), "n", "General")
        return Cell(value, "n", "General")
    raise _Unusual                        # a date calamine saw where the format check did not


# The reader of returns: calamine's when its wheel is installed.
BOOK: type[ReturnBook] = CalamineBook if CalamineWorkbook is not None else ReturnBook
