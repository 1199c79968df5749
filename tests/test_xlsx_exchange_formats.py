"""The exchange workbook's layout: one column table, versioned metadata, old files still read."""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from models.workspace import Workspace
from reports.xlsx import apply_return, export_exchange, read_return
from reports.xlsx import exchange_format as fmt
from reports.xlsx.exchange_layout import CURRENT, LAYOUTS
from test_xlsx_helpers import (GEO, NAVIGATION, PROTECTION, ROUND, hidden_columns, key_rows, office,
                               progress_of)

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "exchange_v1"


def test_letters_print_area_and_validation_come_from_the_column_table(office, tmp_path):
    ws, plan = office
    out = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, out, department="区市场监管局")
    wb = openpyxl.load_workbook(out)
    sheet = wb[fmt.MAIN_SHEET]
    row = key_rows(out)[GEO]
    assert [sheet.cell(4, i).value or "" for i in range(1, CURRENT.width + 1)] == CURRENT.headers
    assert CURRENT.headers[CURRENT.index["problems"] - 1] == "存在问题"
    assert CURRENT.headers[CURRENT.index["next_steps"] - 1] == "下一步工作计划"
    assert sheet.print_area == f"'{fmt.MAIN_SHEET}'!$A$1:${CURRENT.last_visible}${sheet.max_row}"
    dv = {d.type: str(d.sqref) for d in sheet.data_validations.dataValidation}
    assert dv["list"] == f"{CURRENT.field_letter('status')}{row}:{CURRENT.field_letter('status')}{row + 1}" \
        or f"{CURRENT.field_letter('status')}{row}" in dv["list"]
    assert f"{CURRENT.field_letter('percent')}{row}" in dv["decimal"]
    # Every echo sits between two answer columns, and holds the row's token.
    first, last = (CURRENT.index[c.key] for c in (CURRENT.answers[0], CURRENT.answers[-1]))
    for echo in CURRENT.echoes:
        assert first < CURRENT.index[echo.key] < last
        assert sheet[f"{CURRENT.letter(echo.key)}{row}"].value == fmt.echo_token(GEO)
    # The metadata names the columns and the rows by key.
    meta, sent = fmt.read_meta(wb[fmt.META_SHEET].iter_rows(values_only=True))
    assert meta["format_version"] == 2 and meta["columns"].split(",") == CURRENT.keys
    assert {s.key for s in sent} >= {GEO, NAVIGATION, PROTECTION}
    data = "".join(r[1] for r in wb[fmt.META_SHEET].iter_rows(values_only=True) if r[0] == "rows")
    assert '"key": "' + GEO + '"' in data and '"editable": 1' in data


def test_upper_plan_keys_are_written_from_the_implements_link(office, tmp_path):
    ws, plan = office
    ws.edit_task(GEO, implements="city-task-0001")
    out = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, out, department="区市场监管局")
    sheet = openpyxl.load_workbook(out)[fmt.MAIN_SHEET]
    rows = key_rows(out)
    upper = CURRENT.letter("upper_key")
    assert sheet[f"{upper}{rows[GEO]}"].value == "city-task-0001"
    assert sheet[f"{upper}{rows[PROTECTION]}"].value in (None, "")
    assert upper in hidden_columns(sheet)


def test_a_workbook_sent_in_format_1_still_imports(tmp_path):
    """The fixture was written by the format-1 code (columns A..K, positional metadata)."""
    shutil.copy(FIXTURE / "ws.plandesk", tmp_path / "ws.plandesk")
    ws = Workspace.open(tmp_path / "ws.plandesk")
    try:
        wb = openpyxl.load_workbook(FIXTURE / "sent.xlsx")
        sheet = wb[fmt.MAIN_SHEET]
        assert [c.value for c in sheet[4]][6:11] == ["进展情况", "完成状态", "完成百分比", "备注", "任务编码"]
        rows = {sheet[f"K{r}"].value: r for r in range(5, sheet.max_row + 1)}
        sheet[f"G{rows[GEO]}"] = "主体完工"
        sheet[f"H{rows[GEO]}"] = "完成"
        sheet[f"I{rows[GEO]}"] = "100%"
        sheet[f"J{rows[PROTECTION]}"] = "见附件"
        wb.save(tmp_path / "back.xlsx")
        report = read_return(ws, tmp_path / "back.xlsx")
        assert report.errors == []
        assert {(c.address, c.field, c.new) for c in report.changes} == {
            (f"分工及进展!G{rows[GEO]}", "text", "主体完工"),
            (f"分工及进展!H{rows[GEO]}", "status", "done"),
            (f"分工及进展!I{rows[GEO]}", "percent", 100),
            (f"分工及进展!J{rows[PROTECTION]}", "note", "见附件")}
        assert [str(n) for n in report.normalised] == [
            f"分工及进展!H{rows[GEO]}：完成状态“完成”读作“已完成”",
            f"分工及进展!I{rows[GEO]}：完成百分比“100%”读作 100"]
        apply_return(ws, report)
        geo = progress_of(ws)[GEO][0]
        assert (geo["status"], geo["percent"], geo["text"], geo["problems"]) == ("已完成", 100, "主体完工", "")
    finally:
        ws.close()


def test_each_format_keeps_its_own_table():
    assert LAYOUTS[1].letter("key") == "K" and LAYOUTS[1].fields == ("text", "status", "percent", "note")
    assert LAYOUTS[1].echoes == [] and LAYOUTS[1].last_visible == "J"
    assert CURRENT.fields == ("text", "status", "percent", "problems", "next_steps", "note")
    assert fmt.layout_of({"format_version": 1}) is LAYOUTS[1]
    assert fmt.layout_of({"format_version": 2, "columns": ",".join(CURRENT.keys)}).keys == CURRENT.keys
