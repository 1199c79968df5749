"""Filling a sent exchange workbook as a department would: its 进展情况 cells, found by the
header, only where the sheet lets the department write."""
from __future__ import annotations

from pathlib import Path

import openpyxl


def fill_progress(sent: Path, out: Path, text: str) -> Path:
    book = openpyxl.load_workbook(sent)
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows(max_row=12) if any(c.value == "进展情况" for c in r))
    col = next(c.column for c in header if c.value == "进展情况")
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        if not row[col - 1].protection.locked:
            row[col - 1].value = text
    book.save(out)
    return out
