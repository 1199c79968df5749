"""Cells read as the person meant them, each reading listed in the report with its cell."""
from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl
import pytest

from models.dump import dump
from reports.xlsx import apply_return, export_exchange, read_return
from reports.xlsx.cell_values import BadValue, percent_value, status_code, text_value
from test_xlsx_helpers import (C_NEXT, C_NOTE, C_PERCENT, C_PROBLEMS, C_STATUS, C_TEXT, GEO,
                               NAVIGATION, PROTECTION, ROUND, build_workspace, key_rows, office)
from test_xlsx_libreoffice import SOFFICE, calc_available

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns
S = "分工及进展"


def _return(ws, plan, tmp_path, edits, formats=None, name="back.xlsx"):
    out = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, out, department="区市场监管局")
    rows = key_rows(out)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    for (col, key), value in edits.items():
        sheet[f"{col}{rows[key]}"] = value
    for (col, key), number_format in (formats or {}).items():
        sheet[f"{col}{rows[key]}"].number_format = number_format
    wb.save(tmp_path / name)
    return tmp_path / name, rows


def test_dates_numbers_percents_spaces_and_synonyms(office, tmp_path):
    ws, plan = office
    path, rows = _return(ws, plan, tmp_path, {
        (C_TEXT, GEO): dt.datetime(2025, 3, 31),      # a date typed in 进展情况
        (C_STATUS, GEO): "完成",
        (C_PERCENT, GEO): "６０％",
        (C_NOTE, GEO): 12.5,                          # a number in 备注
        (C_PROBLEMS, GEO): "资金未到位\u3000",          # a trailing full-width space
        (C_NEXT, GEO): dt.date(2025, 6, 30),
        (C_STATUS, NAVIGATION): "进行中",
        (C_PERCENT, NAVIGATION): 0.6,                 # 60% as Excel stores it in a percent cell
        (C_STATUS, PROTECTION): "已完成\u3000",
        (C_PERCENT, PROTECTION): "100",
    }, formats={(C_PERCENT, NAVIGATION): "0%"})
    report = read_return(ws, path)
    assert report.errors == []
    g, n, p = rows[GEO], rows[NAVIGATION], rows[PROTECTION]
    assert report.updates[GEO] == {"status": "done", "percent": 60, "text": "2025-03-31",
                                   "problems": "资金未到位", "next_steps": "2025-06-30", "note": "12.5"}
    assert (report.updates[NAVIGATION]["status"], report.updates[NAVIGATION]["percent"]) == ("in_progress", 60)
    assert (report.updates[PROTECTION]["status"], report.updates[PROTECTION]["percent"]) == ("done", 100)
    assert [str(i) for i in report.normalised] == [
        f"{S}!{C_TEXT}{g}：日期（45747）读作“2025-03-31”",
        f"{S}!{C_STATUS}{g}：完成状态“完成”读作“已完成”",
        f"{S}!{C_PERCENT}{g}：完成百分比“６０％”读作 60",
        f"{S}!{C_PROBLEMS}{g}：去掉了首尾的空格",
        f"{S}!{C_NEXT}{g}：日期（45838）读作“2025-06-30”",
        f"{S}!{C_STATUS}{n}：完成状态“进行中”读作“推进中”",
        f"{S}!{C_PERCENT}{n}：百分比格式的 0.6 读作 60%",
        f"{S}!{C_STATUS}{p}：去掉了首尾的空格",
    ]
    assert any(line == f"  规整 {S}!{C_STATUS}{g}：完成状态“完成”读作“已完成”" for line in report.lines())
    apply_return(ws, report)
    geo = next(t for t in dump(ws)["plans"][0]["tasks"][1]["children"] if t["uuid"] == GEO)
    assert geo["progress"][0] | {"round": ROUND} == {
        "department": "区市场监管局", "round": ROUND, "status": "已完成", "percent": 60,
        "text": "2025-03-31", "problems": "资金未到位", "next_steps": "2025-06-30", "note": "12.5"}


def test_ambiguous_cells_are_asked_about_with_the_cell_named(office, tmp_path):
    ws, plan = office
    path, rows = _return(ws, plan, tmp_path, {(C_STATUS, GEO): "基本完成", (C_PERCENT, NAVIGATION): 0.6,
                                              (C_STATUS, PROTECTION): "推进中"})
    report = read_return(ws, path)
    errors = {e.address: e.message for e in report.errors}
    assert errors == {
        f"{S}!{C_STATUS}{rows[GEO]}": "完成状态“基本完成”不明确：请向报送单位确认是“推进中”还是“已完成”",
        f"{S}!{C_PERCENT}{rows[NAVIGATION]}": "完成百分比 0.6 不明确：是 60% 还是 0.6%？请填写 0–100 的数字，如 60"}
    assert {e.task for e in report.errors} == {GEO, NAVIGATION}
    assert set(report.updates) == {PROTECTION} and report.partial_ok


@pytest.mark.parametrize("typed, code", [("完成", "done"), ("已办结", "done"), ("进行中", "in_progress"),
                                         ("正在推进", "in_progress"), ("尚未启动", "not_started"),
                                         (" 推 进 中 ", "in_progress"), ("in_progress", "in_progress")])
def test_status_synonyms(typed, code):
    assert status_code(typed).value == code


@pytest.mark.parametrize("value, number_format, expected", [
    ("60%", "General", 60), ("６０％", "General", 60), ("60", "General", 60), (60, "General", 60),
    (0.6, "0%", 60), (0.455, "0.0%", 45.5), (" 75 % ", "@", 75), (1, "General", 1)])
def test_percent_in_every_usual_form(value, number_format, expected):
    assert percent_value(value, number_format).value == expected


@pytest.mark.parametrize("value", ["大约一半", 150, -1, 0.5, "基本完成"])
def test_percent_refusals(value):
    with pytest.raises(BadValue):
        percent_value(value)


def test_text_columns_keep_what_was_typed():
    assert text_value(45747, "n", "yyyy/m/d").value == "2025-03-31"
    assert text_value(45747.5, "n", "yyyy-mm-dd hh:mm").value == "2025-03-31 12:00"
    assert text_value(3.0, "n", "General").value == "3"
    assert text_value(0.25, "n", "0%").value == "25%"
    assert text_value("2025-03-31T00:00:00", "d").value == "2025-03-31"
    assert text_value(" 已开工 ", "s").value == "已开工"


@pytest.mark.slow
@pytest.mark.skipif(not calc_available(), reason="LibreOffice Calc is not installed")
def test_a_date_typed_in_libreoffice_stays_a_date(tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        path, rows = _return(ws, plan, tmp_path, {(C_NOTE, GEO): dt.date(2025, 12, 1),
                                                  (C_PERCENT, GEO): 0.8},
                             formats={(C_NOTE, GEO): "yyyy\"年\"m\"月\"d\"日\"", (C_PERCENT, GEO): "0%"})
        outdir = tmp_path / "lo"
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(path)],
                       check=True, capture_output=True, timeout=180)
        report = read_return(ws, outdir / path.name)
        assert report.errors == []
        assert (report.updates[GEO]["note"], report.updates[GEO]["percent"]) == ("2025-12-01", 80)
    finally:
        ws.close()
