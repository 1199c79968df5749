"""Workbooks given to ``import``: a 分工表 (.xlsx, old .xls/.et) -> the foreign table reader.

A returned PlanDesk exchange workbook is recognised by its hidden ``_plandesk`` sheet and
redirected to ``exchange import`` instead of becoming a plan. An old binary workbook is
converted to .xlsx — by LibreOffice when installed, else by reading it with xlrd and
writing its values, merged cells and hidden columns into a new workbook — so that every
workbook is read by the same code.
"""
from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

from ..errors import PlanImportError
from . import libreoffice

_WORKBOOK_PART = "xl/workbook.xml"
_META_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*\bname=\"_plandesk\"")


def read_workbook(path, name: str) -> dict:
    if is_exchange_workbook(path):
        raise PlanImportError(name, "container.returned_workbook",
                              command=f"exchange import WS {name}")
    from ...xlsx.foreign import read_foreign_workbook
    return read_foreign_workbook(path)


def is_exchange_workbook(path) -> bool:
    """True for a workbook PlanDesk exported for a department (it has the _plandesk sheet)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_WORKBOOK_PART)
            if info.file_size > 4 * 1024 * 1024:
                return False
            return bool(_META_SHEET.search(archive.read(info)))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False


def read_old_workbook(path, name: str) -> dict:
    """An .xls/.et 分工表 -> the plan dict, through an .xlsx made from it."""
    from ...xlsx.errors import WorkbookError
    from ...xlsx.foreign import read_foreign_workbook
    with tempfile.TemporaryDirectory(prefix="plandesk-xls-") as work:
        xlsx = _to_xlsx(Path(path), name, Path(work))
        try:
            plan = read_foreign_workbook(xlsx)
        except WorkbookError as error:
            raise WorkbookError(name, error.problem) from None
    plan["source_file"] = name
    return plan


def _to_xlsx(path: Path, name: str, work: Path) -> Path:
    if libreoffice.available():
        try:
            return libreoffice.convert(path, "xls", "xlsx", work)
        except libreoffice.ConversionFailed:
            pass   # read it with xlrd below
    return _xlrd_to_xlsx(path, name, work / "converted.xlsx")


def _xlrd_to_xlsx(path: Path, name: str, out: Path) -> Path:
    import openpyxl
    import xlrd
    from openpyxl.utils import get_column_letter

    from ...zipsafety import MAX_CELLS, MAX_COLS, MAX_ROWS
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as error:  # xlrd raises XLRDError, struct.error, IndexError… on bad files
        reason = "已加密" if "encrypt" in str(error).lower() else type(error).__name__
        raise PlanImportError(name, "container.xls_unreadable", reason=reason) from None
    try:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > MAX_ROWS or sheet.ncols > MAX_COLS or sheet.nrows * sheet.ncols > MAX_CELLS:
                raise PlanImportError(name, "container.sheet_too_large", sheet=sheet.name,
                                      ref=f"{sheet.nrows}×{sheet.ncols}", rows=MAX_ROWS, cols=MAX_COLS)
            ws = wb.create_sheet(sheet.name[:31] or f"Sheet{index + 1}")
            ws.sheet_state = ("visible", "hidden", "veryHidden")[min(sheet.visibility, 2)]
            for r in range(sheet.nrows):
                for c in range(sheet.ncols):
                    value = _value(sheet.cell(r, c), book.datemode, xlrd)
                    if value not in (None, ""):
                        ws.cell(r + 1, c + 1, value)
            for rlo, rhi, clo, chi in sheet.merged_cells:
                if rhi - rlo > 1 or chi - clo > 1:
                    ws.merge_cells(start_row=rlo + 1, end_row=rhi, start_column=clo + 1, end_column=chi)
            for c, info in sheet.colinfo_map.items():
                if info.hidden:
                    ws.column_dimensions[get_column_letter(c + 1)].hidden = True
        if not wb.worksheets:
            raise PlanImportError(name, "container.no_text")
        wb.save(out)
    finally:
        book.release_resources()
    return out


def _value(cell, datemode: int, xlrd):
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value      # text, or a number
