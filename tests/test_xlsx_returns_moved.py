"""Answers that moved between rows are caught by cell address and never applied to another task.

Each return is built the way a department would: openpyxl edits (a sort of some answer
columns, a cut-and-paste, a merge, the sheet's protection taken off) and, where another
office program is involved, a LibreOffice re-save.
"""
from __future__ import annotations

import subprocess

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.xlsx import apply_return, export_exchange, read_return
from test_xlsx_helpers import (C_PERCENT, C_STATUS, C_TEXT, GEO, LAYOUT, NAVIGATION, PROTECTION,
                               ROUND, build_workspace, key_rows, office, progress_of)
from test_xlsx_libreoffice import SOFFICE, calc_available

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns
S = "分工及进展"
FIRST, LAST = LAYOUT.answer_span                 # G … Q: the answers with the echoes inside
SPAN = range(LAYOUT.index[LAYOUT.answers[0].key], LAYOUT.index[LAYOUT.answers[-1].key] + 1)
ANSWERS = {  # what the department means for each of its three tasks
    GEO: ("大厦主体已封顶", "推进中", 60),
    NAVIGATION: ("导航项目已验收", "已完成", 100),
    PROTECTION: ("开展专项执法", "未启动", 0),
}


def sent_and_filled(ws, plan, tmp_path):
    out = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, out, department="区市场监管局")
    rows = key_rows(out)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    for key, (text, status, percent) in ANSWERS.items():
        r = rows[key]
        sheet[f"{C_TEXT}{r}"], sheet[f"{C_STATUS}{r}"], sheet[f"{C_PERCENT}{r}"] = text, status, percent
    return wb, sheet, rows


def permute(sheet, rows: list[int], order: list[int], columns) -> None:
    """Rows ``rows`` of ``columns`` take the cells of rows ``order`` (a sort of that range)."""
    block = {r: [sheet.cell(r, c).value for c in columns] for r in rows}
    for target, source in zip(rows, order):
        for c, value in zip(columns, block[source]):
            sheet.cell(target, c).value = value


def test_partial_sort_of_the_answer_columns_is_refused_row_by_row(office, tmp_path):
    ws, plan = office
    wb, sheet, rows = sent_and_filled(ws, plan, tmp_path)
    sheet.protection.sheet = False        # the department took the protection off to sort
    editable = sorted(rows[k] for k in ANSWERS)
    # Sort G:J (进展情况 … 完成百分比's neighbour) by 完成状态, as Excel's 排序 on a selection does.
    columns = range(LAYOUT.index["progress"], LAYOUT.index["echo2"] + 1)
    status_col = LAYOUT.index["status"]
    order = sorted(editable, key=lambda r: str(sheet.cell(r, status_col).value))
    assert order != editable
    permute(sheet, editable, order, columns)
    wb.save(tmp_path / "sorted.xlsx")
    report = read_return(ws, tmp_path / "sorted.xlsx")
    moved = [r for r, o in zip(editable, order) if r != o]
    assert sorted(e.address for e in report.errors) == sorted(f"{S}!{FIRST}{r}:{LAST}{r}" for r in moved)
    for e in report.errors:
        assert "原属于第" in e.message and "排序或剪切粘贴" in e.message
    assert set(report.updates) == {k for k in ANSWERS if rows[k] not in moved}
    before = progress_of(ws)
    with pytest.raises(Exception, match="处错误，未导入"):
        apply_return(ws, report)
    assert progress_of(ws) == before
    # Accepting the valid rows takes only the rows proven to be in place.
    result = apply_return(ws, report, accept_valid=True)
    assert result["left_out"] == len(moved)
    stored = progress_of(ws)
    for key in ANSWERS:
        if rows[key] in moved:
            assert key not in stored
        else:
            assert stored[key][0]["text"] == ANSWERS[key][0]


def test_cut_and_paste_of_answers_to_another_row_names_both_rows(office, tmp_path):
    ws, plan = office
    wb, sheet, rows = sent_and_filled(ws, plan, tmp_path)
    sheet.protection.sheet = False
    src, dst = rows[GEO], rows[PROTECTION]
    for c in SPAN:                          # cut G:Q of the 大厦 row, paste it on 保护's row
        sheet.cell(dst, c).value = sheet.cell(src, c).value
        sheet.cell(src, c).value = None
    wb.save(tmp_path / "pasted.xlsx")
    report = read_return(ws, tmp_path / "pasted.xlsx")
    messages = {e.address: e.message for e in report.errors}
    assert set(messages) == {f"{S}!{FIRST}{src}:{LAST}{src}", f"{S}!{FIRST}{dst}:{LAST}{dst}"}
    assert f"原属于第 {src} 行" in messages[f"{S}!{FIRST}{dst}:{LAST}{dst}"]
    assert "行标记缺失或被改动" in messages[f"{S}!{FIRST}{src}:{LAST}{src}"]
    assert set(report.updates) == {NAVIGATION}


def test_merged_answer_cells_are_refused_with_the_range_named(office, tmp_path):
    ws, plan = office
    wb, sheet, rows = sent_and_filled(ws, plan, tmp_path)
    sheet.protection.sheet = False
    first, second = sorted((rows[GEO], rows[NAVIGATION]))
    assert second == first + 1 or second > first
    ref = f"{C_TEXT}{first}:{C_TEXT}{second}"
    sheet.merge_cells(ref)
    wb.save(tmp_path / "merged.xlsx")
    report = read_return(ws, tmp_path / "merged.xlsx")
    errors = {e.address: e.message for e in report.errors}
    assert "被合并" in errors[f"{S}!{ref}"]
    assert not (set(report.updates) & {GEO, NAVIGATION})   # neither row is taken
    assert set(report.updates) <= {PROTECTION}


@pytest.mark.slow
def test_any_move_of_answer_cells_is_refused_or_lands_on_the_right_task(office, tmp_path):
    """Any permutation of rows over any block of two or more adjacent answer columns (what a
    sort or a cut-and-paste moves; every such block holds an echo)."""
    ws, plan = office
    _, _, rows = sent_and_filled(ws, plan, tmp_path)
    source = tmp_path / "filled.xlsx"
    wb, sheet, rows = sent_and_filled(ws, plan, tmp_path)
    wb.save(source)
    editable = sorted(rows[k] for k in ANSWERS)
    key_of = {rows[k]: k for k in ANSWERS}
    counter = iter(range(10_000))

    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    @given(order=st.permutations(editable),
           first=st.sampled_from(list(SPAN)), width=st.integers(2, len(SPAN)))
    def check(order, first, width):
        columns = range(first, min(first + width, SPAN[-1] + 1))
        if len(columns) < 2:
            return
        book = openpyxl.load_workbook(source)
        permute(book[S], editable, list(order), columns)
        path = tmp_path / f"moved{next(counter)}.xlsx"
        book.save(path)
        report = read_return(ws, path)
        refused_rows = {e.row for e in report.errors}
        for r, src in zip(editable, order):
            key = key_of[r]
            if key in report.updates:
                text, status, percent = ANSWERS[key]
                got = report.updates[key]
                assert r not in refused_rows
                assert (got["text"], got["percent"]) == (text, percent), (r, src, list(columns))
    check()


@pytest.mark.slow
@pytest.mark.skipif(not calc_available(), reason="LibreOffice Calc is not installed")
def test_libreoffice_resave_of_sorted_and_merged_answers_is_refused(tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        wb, sheet, rows = sent_and_filled(ws, plan, tmp_path)
        sheet.protection.sheet = False
        editable = sorted(rows[k] for k in ANSWERS)
        permute(sheet, editable, list(reversed(editable)), SPAN)
        sheet.merge_cells(f"{C_STATUS}{editable[0]}:{C_STATUS}{editable[1]}")
        wb.save(tmp_path / "edited.xlsx")
        outdir = tmp_path / "lo"
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir),
                        str(tmp_path / "edited.xlsx")], check=True, capture_output=True, timeout=180)
        report = read_return(ws, outdir / "edited.xlsx")
        addresses = {e.address for e in report.errors}
        assert f"{S}!{C_STATUS}{editable[0]}:{C_STATUS}{editable[1]}" in addresses
        moved = [r for r, o in zip(editable, reversed(editable)) if r != o]
        assert {f"{S}!{FIRST}{r}:{LAST}{r}" for r in moved} <= addresses
        assert not (set(report.updates) & {key for key in ANSWERS if rows[key] in moved})
    finally:
        ws.close()
