"""Tables written row after row, in openpyxl's write-only mode.

A 5,000-row table is ~60,000 cells; write-only mode writes them straight to the file
instead of keeping a cell object for each, which takes a fraction of the time. Its one
rule: what the file stores before the rows (column widths, frozen panes) is set before
the first row, so ``SheetWriter`` does that on creation. Merges, validation, protection
and page setup are written after the rows and may be set at any time.
"""
from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from . import styles


class SheetWriter:
    """One sheet of a ``Workbook(write_only=True)`` with PlanDesk's look."""

    def __init__(self, wb, title: str, widths: list[float], header_row: int | None = None,
                 freeze: str | None = None, span: int | None = None):
        """``span``: how many columns the title covers (default: all)."""
        self.sheet = wb.create_sheet(title[:31])
        self.widths = widths
        self.span = span or len(widths)
        self.row = 0
        styles.set_widths(self.sheet, widths)
        if header_row:
            styles.setup_page(self.sheet, header_row, freeze or f"A{header_row + 1}")

    def cell(self, value, style: str | None = None):
        """A cell: numbers stay numbers; anything else is written as text, never a formula."""
        cell = WriteOnlyCell(self.sheet)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            cell.value = value
            if style:
                styles.set_style(cell, style)
        else:
            styles.put_text(cell, value, style)
        return cell

    def add(self, cells, height: float | None = None) -> int:
        """Append a row of (value, style) pairs (or ready cells); returns its row number."""
        self.row += 1
        if height:
            self.sheet.row_dimensions[self.row].height = height
        self.sheet.append([self.cell(*c) if isinstance(c, tuple) else c for c in cells])
        return self.row

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        self.sheet.merged_cells.add(
            f"{get_column_letter(first_col)}{row}:{get_column_letter(last_col)}{row}")

    def title(self, text: str, lines: list[tuple[str, str]] = ()) -> int:
        """A title row and info lines ((text, "left"|"center")) across the table.

        Returns the row the header goes in.
        """
        n = self.span
        total = sum(self.widths[:n])
        r = self.add([(text, "pd_title")],
                     max(36, 30 * styles.estimate_lines(text, total, styles.TITLE_SIZE)))
        self.merge(r, 1, n)
        for line, align in lines:
            r = self.add([(line, "pd_info_c" if align == "center" else "pd_info")],
                         20 * styles.estimate_lines(line, total, styles.INFO_SIZE))
            self.merge(r, 1, n)
        return r + 1

    def header(self, names: list[str]) -> int:
        return self.add([(name, "pd_header") for name in names], 30)


def header_row_after(lines: int) -> int:
    """Where the header goes below a title and ``lines`` info lines."""
    return 2 + lines
