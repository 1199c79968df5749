"""The two readers of returns (python-calamine's and the lxml one) give the same cells: on a
return filled with openpyxl, the same return re-saved by LibreOffice, and every form the
calamine one leaves to the other."""
from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys

import openpyxl
import pytest
from openpyxl.styles.numbers import is_date_format

from reports.xlsx import calamine_book, export_exchange
from reports.xlsx.return_reader import Cell, ReturnBook
from test_xlsx_helpers import (C_NEXT, C_NOTE, C_PERCENT, C_PROBLEMS, C_STATUS, C_TEXT, GEO,
                               NAVIGATION, PROTECTION, ROUND, build_workspace, key_rows, office)
from test_xlsx_libreoffice import SOFFICE, calc_available

__all__ = ["office"]
SHEETS = ("分工及进展", "_plandesk")


def _typed(ws, plan, tmp_path):
    """A return holding what departments type: dates in text columns (with and without a
    time, a Chinese date format), a percent cell, numbers, spaces, line breaks, an "=" text."""
    sent = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, sent, department="区市场监管局")
    rows = key_rows(sent)
    wb = openpyxl.load_workbook(sent)
    sheet = wb["分工及进展"]
    values = {
        (C_TEXT, GEO): dt.datetime(2025, 3, 31), (C_STATUS, GEO): "完成", (C_PERCENT, GEO): 0.6,
        (C_PROBLEMS, GEO): "  前后有空格\u3000", (C_NEXT, GEO): "第一行\n第二行",
        (C_NOTE, GEO): dt.datetime(2025, 12, 1, 14, 30),
        (C_TEXT, NAVIGATION): 3, (C_PERCENT, NAVIGATION): "６０％", (C_NOTE, NAVIGATION): 12.5,
        (C_PROBLEMS, NAVIGATION): 0.25, (C_NEXT, NAVIGATION): dt.date(2026, 1, 15),
        (C_TEXT, PROTECTION): "=不是公式", (C_PERCENT, PROTECTION): 60, (C_NOTE, PROTECTION): "",
    }
    formats = {(C_PERCENT, GEO): "0%", (C_NOTE, GEO): "yyyy-mm-dd hh:mm",
               (C_PROBLEMS, NAVIGATION): "0.0%", (C_NEXT, NAVIGATION): 'yyyy"年"m"月"d"日"'}
    for (col, key), value in values.items():
        cell = sheet[f"{col}{rows[key]}"]
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
    for (col, key), number_format in formats.items():
        sheet[f"{col}{rows[key]}"].number_format = number_format
    wb.save(tmp_path / "back.xlsx")
    return tmp_path / "back.xlsx"


def _bearing(number_format: str) -> str:
    """A number format as far as it bears on reading (the calamine reader keeps no other)."""
    return number_format if "%" in number_format or is_date_format(number_format) else "General"


def _key(cell):
    """What the import reads of a cell; an empty text is no answer, as an absent cell."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, Cell):
        return (cell.value, type(cell.value), cell.data_type, _bearing(cell.number_format))
    return cell


def _grid(rows) -> list[list]:
    out = [[_key(c) for c in row] for row in rows]
    for row in out:
        while row and row[-1] is None:
            row.pop()
    while out and not out[-1]:
        out.pop()
    return out


def assert_agree(path, fast: bool = True):
    """Both readers give the same cells; ``fast``: the calamine one read every sheet itself."""
    with ReturnBook(path) as book:
        theirs = {name: _grid(book.rows(name, compact=True)) for name in SHEETS}
        merges = dict(book.merges)
    with calamine_book.CalamineBook(path) as book:
        for name in SHEETS:
            if fast:
                ours = _grid(book._fast_rows(name, None))
            else:
                with pytest.raises(calamine_book._Unusual):
                    book._fast_rows(name, None)
                ours = _grid(book.rows(name, compact=True))
            assert ours == theirs[name], name
            assert book.merges[name] == merges[name]
    return theirs


def test_a_return_filled_with_openpyxl_reads_alike(office, tmp_path):
    ws, plan = office
    path = _typed(ws, plan, tmp_path)
    cells = assert_agree(path)
    flat = [c for row in cells["分工及进展"] for c in row]
    # what the comparison covered: a percent cell, a date cell, plain numbers, text
    assert (0.6, float, "n", "0%") in flat and (3, int, "n", "General") in flat
    assert any(isinstance(c, tuple) and c[3] == "yyyy-mm-dd hh:mm" for c in flat)
    assert "第一行\n第二行" in flat and "  前后有空格\u3000" in flat


@pytest.mark.slow
@pytest.mark.skipif(not calc_available(), reason="LibreOffice Calc is not installed")
def test_the_same_return_resaved_by_libreoffice_reads_alike(tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        path = _typed(ws, plan, tmp_path)
    finally:
        ws.close()
    outdir = tmp_path / "lo"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=180)
    cells = assert_agree(outdir / path.name)       # shared strings, t="n", LibreOffice's styles
    flat = [c for row in cells["分工及进展"] for c in row]
    assert "第一行\n第二行" in flat and any(isinstance(c, tuple) and "%" in c[3] for c in flat)


@pytest.mark.parametrize("edit", [
    lambda s, r: setattr(s[f"{C_TEXT}{r}"], "value", "=1+1"),                # a formula
    lambda s, r: setattr(s[f"{C_NOTE}{r}"], "value", True),                  # a boolean
    lambda s, r: setattr(s[f"{C_NOTE}{r}"], "value", 12345678901234567890),  # past a double
    lambda s, r: setattr(s[f"{C_NOTE}{r}"], "value", "换行_x000D_转义"),      # an escape
    lambda s, r: setattr(s[f"AB{r}"], "value", "旁边"),                     # a far column
])
def test_what_calamine_cannot_show_is_read_by_the_lxml_reader(office, tmp_path, edit):
    ws, plan = office
    sent = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, sent, department="区市场监管局")
    wb = openpyxl.load_workbook(sent)
    edit(wb["分工及进展"], key_rows(sent)[GEO])
    wb.save(tmp_path / "back.xlsx")
    with ReturnBook(tmp_path / "back.xlsx") as book:
        theirs = _grid(book.rows("分工及进展", compact=True))
    with calamine_book.CalamineBook(tmp_path / "back.xlsx") as book:
        with pytest.raises(calamine_book._Unusual):
            book._fast_rows("分工及进展", None)
        assert _grid(book.rows("分工及进展", compact=True)) == theirs


def test_a_large_sheet_is_streamed_by_the_lxml_reader(office, tmp_path, monkeypatch):
    """calamine holds a whole sheet: beyond its bound a return is streamed instead."""
    ws, plan = office
    path = _typed(ws, plan, tmp_path)
    with calamine_book.CalamineBook(path) as book:
        size = book.zip.getinfo(book.parts["分工及进展"]).file_size
    monkeypatch.setattr(calamine_book, "STREAM_ABOVE", size - 1)
    with calamine_book.CalamineBook(path) as book:
        with pytest.raises(calamine_book._Unusual):
            book._fast_rows("分工及进展", None)
        assert book._fast_rows("_plandesk", None)          # the small sheet still by calamine


def test_without_calamine_returns_are_read_by_the_lxml_reader(monkeypatch):
    """Some CPUs of domestic Linux machines have no python-calamine wheel."""
    monkeypatch.setitem(sys.modules, "python_calamine", None)     # import fails
    try:
        assert importlib.reload(calamine_book).BOOK is ReturnBook
    finally:
        monkeypatch.undo()
        importlib.reload(calamine_book)
    assert calamine_book.BOOK is calamine_book.CalamineBook
