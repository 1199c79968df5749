"""A received sheet as a grid of cell texts that remembers its merged cells.

The table reader downstream sees only text, so what a merge *means* must be decided here,
where the merges are known: which cells continue the one above (a task spanning several
measures), which span the whole width (a heading), and how many rows a cell covers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openpyxl.utils import column_index_from_string

from ..importer.table import header_kinds
from ..template.lines import line_kind

MAX_HEADER_SEARCH = 40


def cell_text(value) -> str:
    """A cell value as the text a clerk sees in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime) and not (value.hour or value.minute or value.second):
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


@dataclass
class Grid:
    rows: list[list[str]]                        # rows[r][c], 0-based, row 0 = sheet row 1
    rows_spanned: dict = field(default_factory=dict)   # (r, c) top cell -> rows it covers
    cols_spanned: dict = field(default_factory=dict)   # (r, c) top cell -> columns it covers
    top_of: dict = field(default_factory=dict)         # (r, c) covered cell -> (r0, c0)
    header_rows: set = field(default_factory=set)      # rows that are (part of) a header

    def span(self, r: int, c: int) -> int:
        return self.rows_spanned.get((r, c), 1)

    def continues(self, r: int, c: int) -> bool:
        """True for a cell hidden under a merge that started in a row above."""
        top = self.top_of.get((r, c))
        return top is not None and top[0] < r

    def fill_down(self, start: int = 0, skip_columns=()) -> None:
        """Repeat a vertically merged cell's text on the rows it covers from row ``start``."""
        for (r, c), (r0, c0) in self.top_of.items():
            if c == c0 and r > r0 and r >= start and c not in skip_columns \
                    and r0 not in self.header_rows:
                self.rows[r][c] = self.rows[r0][c0]


def hidden_columns(sheet) -> set[int]:
    out = set()
    for key, dim in sheet.column_dimensions.items():
        if dim.hidden:
            first = dim.min or column_index_from_string(key)
            out.update(range(first, (dim.max or first) + 1))
    return out


def read_grid(sheet) -> Grid:
    """The sheet from A1 (merges and warnings use sheet rows), hidden columns left out."""
    hidden = hidden_columns(sheet)
    keep = [c for c in range(1, sheet.max_column + 1) if c not in hidden]
    index = {c: i for i, c in enumerate(keep)}
    values = sheet.iter_rows(min_row=1, min_col=1, max_row=sheet.max_row,
                             max_col=sheet.max_column, values_only=True)
    grid = Grid([[cell_text(row[c - 1]) for c in keep] for row in values])
    for rng in sheet.merged_cells.ranges:
        cols = [index[c] for c in range(rng.min_col, rng.max_col + 1) if c in index]
        if not cols or rng.min_row > len(grid.rows):
            continue
        top = (rng.min_row - 1, cols[0])
        grid.rows_spanned[top] = rng.max_row - rng.min_row + 1
        grid.cols_spanned[top] = len(cols)
        for r in range(rng.min_row - 1, min(rng.max_row, len(grid.rows))):
            for c in cols:
                if (r, c) != top:
                    grid.top_of[(r, c)] = top
    return grid


def drop_footnotes(grid: Grid, header: int) -> list[str]:
    """Blank the one-cell note lines below the table (注：…); returns their texts."""
    notes = []
    for row in grid.rows[header + 1:]:
        filled = [c for c in row if c]
        if len(filled) == 1 and line_kind(filled[0]) in ("footnote", "instruction", "unit"):
            notes.append(filled[0])
            row[:] = [""] * len(row)
    return notes


def find_header(grid: Grid) -> int | None:
    for i, row in enumerate(grid.rows[:MAX_HEADER_SEARCH]):
        if header_kinds(row):
            return i
    return None


def merge_header_pairs(grid: Grid) -> None:
    """A header over two rows ("责任单位" above "牵头单位 | 配合单位") becomes one row."""
    rows = grid.rows
    i = 0
    while i + 1 < len(rows):
        lower = header_kinds(rows[i + 1])
        if lower and header_kinds(rows[i]):
            rows[i] = [lo if lo and kind else up
                       for up, lo, kind in zip(rows[i], rows[i + 1], lower)]
            rows[i + 1] = [""] * len(rows[i + 1])
            grid.header_rows.update((i, i + 1))
            i += 1
        i += 1


def take_title(grid: Grid, header: int) -> str:
    """The caption above the header (the longest one-cell line that is not a 填报单位 line,
    an instruction or a note); what is above is dropped."""
    title = ""
    for row in grid.rows[:header]:
        filled = [c for c in row if c]
        if len(filled) == 1 and line_kind(filled[0]) == "title":
            text = " ".join(filled[0].split())
            if len(text) > len(title):
                title = text
        row[:] = [""] * len(row)
    return title
