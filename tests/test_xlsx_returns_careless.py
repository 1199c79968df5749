"""Returns as a careless department sends them: a copy of the sheet filled in instead of
the original, the sheet renamed, answer columns hidden or filtered, percentages and
statuses written in words or with punctuation. Each is applied with its reading listed,
or refused with the cell named, the workspace left as it was."""
from __future__ import annotations

import subprocess

import openpyxl
import pytest

from models.workspace import Workspace
from reports.xlsx import WorkbookError, apply_return, export_exchange, read_return
from reports.xlsx.cell_values import percent_value, status_code
from test_xlsx_helpers import (C_NOTE, C_PERCENT, C_STATUS, C_TEXT, GEO, LAYOUT, NAVIGATION, PROTECTION,
                               ROUND, build_workspace, key_rows, office, progress_of, sha)
from test_xlsx_libreoffice import SOFFICE, calc_available

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns
S = "分工及进展"
COPY = "分工及进展 (2)"


def sent(ws, plan, tmp_path):
    out = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, out, department="区市场监管局")
    return out, key_rows(out)


def answer(sheet, r, text="主体封顶", status="推进中", percent=60):
    sheet[f"{C_TEXT}{r}"], sheet[f"{C_STATUS}{r}"], sheet[f"{C_PERCENT}{r}"] = text, status, percent


def with_copy_first(path):
    """The department unlocks the workbook, copies the sheet and puts the copy first
    (what it sees on opening): the copy is what it fills in."""
    wb = openpyxl.load_workbook(path)
    wb.security.lockStructure = False
    copy = wb.copy_worksheet(wb[S])
    copy.title = COPY
    wb.move_sheet(copy, offset=-(len(wb.sheetnames) - 1))
    return wb, copy


def returned(ws, wb, tmp_path):
    """The department saves the workbook and sends it back: (its path, the reading of it)."""
    back = tmp_path / "back.xlsx"
    wb.save(back)
    return back, read_return(ws, back)


def refused_untouched(ws, path):
    """Applying the return is refused and the workspace file is byte-identical."""
    ws_path = ws.path
    ws.close()
    before = sha(ws_path)
    with Workspace.open(ws_path) as again:
        with pytest.raises(WorkbookError):
            apply_return(again, read_return(again, path))
    assert sha(ws_path) == before


def test_a_copy_filled_in_instead_of_the_sheet_sent_is_refused_at_its_first_answer(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb, copy = with_copy_first(out)
    answer(copy, rows[GEO])
    back, report = returned(ws, wb, tmp_path)
    assert [(e.address, e.message) for e in report.errors] == [(
        f"{COPY}!{C_TEXT}{rows[GEO]}",
        f"工作表“{COPY}”是“{S}”的副本，内容与原表不同（自本格起），未导入："
        f"请把填报内容写在“{S}”中、删除副本后再导入")]
    assert not report.partial_ok and not report.changes
    refused_untouched(ws, back)


def test_an_identical_copy_is_noted_and_the_sheet_sent_is_applied(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    answer(wb[S], rows[GEO])
    wb.save(out)
    wb, _ = with_copy_first(out)
    wb.create_sheet("填报说明", 0)["A1"] = "请于10日前报送"     # a sheet of their own, too
    back, report = returned(ws, wb, tmp_path)
    assert report.errors == []
    assert [str(w) for w in report.warnings] == [f"{COPY}!A1：工作表“{COPY}”是“{S}”的副本，内容相同，未读取"]
    apply_return(ws, report)
    stored = progress_of(ws)[GEO][0]
    assert (stored["text"], stored["status"], stored["percent"]) == ("主体封顶", "推进中", 60)


def test_a_renamed_sheet_is_refused_with_its_new_name(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    wb.security.lockStructure = False
    answer(wb[S], rows[GEO])
    wb[S].title = "市场监管局"
    back, report = returned(ws, wb, tmp_path)
    assert [str(e) for e in report.errors] == [
        f"市场监管局!A1：工作表“{S}”被改名为“市场监管局”：请改回“{S}”后再导入"]
    refused_untouched(ws, back)


def test_hidden_answer_columns_and_filtered_rows_are_read_all_the_same(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    answer(sheet, rows[GEO])
    answer(sheet, rows[NAVIGATION], "已验收", "已完成", 100)
    sheet[f"{C_NOTE}{rows[NAVIGATION]}"] = "见附件"
    sheet.column_dimensions[C_TEXT].hidden = sheet.column_dimensions[C_NOTE].hidden = True
    sheet.auto_filter.ref = f"A4:{C_NOTE}{sheet.max_row}"      # a filter left on,
    sheet.row_dimensions[rows[NAVIGATION]].hidden = True        # hiding a filled row
    back, report = returned(ws, wb, tmp_path)
    assert report.errors == [] and report.normalised == []
    assert report.updates[NAVIGATION] == {"status": "done", "percent": 100, "text": "已验收",
                                          "problems": "", "next_steps": "", "note": "见附件"}
    assert set(report.updates) == {GEO, NAVIGATION}


def test_percent_in_words_and_status_with_punctuation_are_read_and_listed(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    answer(sheet, rows[GEO], status="推进中。", percent="百分之六十")
    answer(sheet, rows[NAVIGATION], status="“已完成”", percent="十成")
    answer(sheet, rows[PROTECTION], status="已完成（已验收）", percent="6成")
    back, report = returned(ws, wb, tmp_path)
    g, n, p = rows[GEO], rows[NAVIGATION], rows[PROTECTION]
    # a remark inside the status is not dropped to fit the list: asked about
    assert [str(e) for e in report.errors] == [
        f"{S}!{C_STATUS}{p}：完成状态“已完成（已验收）”无效，应为 未启动、推进中 或 已完成"]
    assert [str(i) for i in report.normalised] == [
        f"{S}!{C_STATUS}{g}：完成状态“推进中。”去掉标点或引号后读作“推进中”",
        f"{S}!{C_PERCENT}{g}：完成百分比“百分之六十”读作 60",
        f"{S}!{C_STATUS}{n}：完成状态““已完成””去掉标点或引号后读作“已完成”",
        f"{S}!{C_PERCENT}{n}：完成百分比“十成”读作 100",
        f"{S}!{C_PERCENT}{p}：完成百分比“6成”读作 60",
    ]
    apply_return(ws, report, accept_valid=True)
    stored = progress_of(ws)
    assert [(v[0]["status"], v[0]["percent"]) for v in (stored[GEO], stored[NAVIGATION])] == [
        ("推进中", 60), ("已完成", 100)]
    assert PROTECTION not in stored


@pytest.mark.parametrize("typed, expected", [
    ("百分之三十五", 35), ("百分之百", 100), ("百分之五", 5), ("两成", 20), ("7.5成", 75),
    ("八成", 80), ("百分之 四十", 40)])
def test_percent_in_words(typed, expected):
    read = percent_value(typed)
    assert read.value == expected and read.note


@pytest.mark.parametrize("typed", ["约六成", "十一成", "百分之", "成", "百分之六十多"])
def test_percent_in_words_that_are_not_one_number_are_refused(typed):
    with pytest.raises(ValueError):
        percent_value(typed)


@pytest.mark.parametrize("typed, code", [("未启动；", "not_started"), ("‘推进中’", "in_progress"),
                                         ("完成！", "done"), ("「已完成」", "done")])
def test_status_with_quotes_or_punctuation(typed, code):
    read = status_code(typed)
    assert read.value == code and read.note


@pytest.mark.slow
@pytest.mark.skipif(not calc_available(), reason="LibreOffice Calc is not installed")
def test_a_copy_filled_in_and_resaved_by_libreoffice_is_refused(tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        out, rows = sent(ws, plan, tmp_path)
        wb, copy = with_copy_first(out)
        answer(copy, rows[NAVIGATION], "已验收", "已完成", 100)
        back = tmp_path / "back.xlsx"
        wb.save(back)
        outdir = tmp_path / "lo"
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(back)],
                       check=True, capture_output=True, timeout=180)
        report = read_return(ws, outdir / back.name)
        assert [e.address for e in report.errors] == [f"{COPY}!{C_TEXT}{rows[NAVIGATION]}"]
        assert not report.changes
    finally:
        ws.close()


@pytest.mark.parametrize("edit, address, expected, found", [
    (lambda sheet: (sheet.insert_cols(7), sheet.cell(4, 7, "责任人")), "G4", "进展情况", "责任人"),
    (lambda sheet: sheet.delete_cols(3), "C4", "具体内容", "牵头单位"),
    (lambda sheet: sheet.cell(4, 9, "状态"), "I4", "完成状态", "状态"),
])
def test_a_column_inserted_deleted_or_renamed_is_named_at_the_header(office, tmp_path, edit, address,
                                                                     expected, found):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    sheet.protection.sheet = False
    answer(sheet, rows[GEO])
    edit(sheet)
    back, report = returned(ws, wb, tmp_path)
    assert [str(e) for e in report.errors] == [
        f"{S}!{address}：表头第 {address[0]} 列应为“{expected}”，现为“{found}”（列被插入、删除或移动）："
        "请删除插入的列、恢复原列，或用发出的原表填写"]
    refused_untouched(ws, back)


def test_a_cleared_task_key_is_one_error_at_the_key_cell_and_the_other_rows_can_go_in(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    sheet.protection.sheet = False
    answer(sheet, rows[GEO])
    answer(sheet, rows[PROTECTION], "开展专项执法", "已完成", 100)
    key = f"{LAYOUT.letter('key')}{rows[GEO]}"
    sheet[key] = None                      # the department cleared the hidden column
    back, report = returned(ws, wb, tmp_path)
    assert [(str(e), e.task) for e in report.errors] == [(
        f"{S}!{key}：本行（（一）建设中国地理标志产业大厦）隐藏的任务编码被清除，无法确认内容属于该任务：请用发出的原表填写",
        GEO)]
    assert report.partial_ok
    apply_return(ws, report, accept_valid=True)
    stored = progress_of(ws)
    assert set(stored) == {PROTECTION} and stored[PROTECTION][0]["status"] == "已完成"


def test_a_sub_item_row_added_by_the_department_is_left_out_and_the_tasks_go_in(office, tmp_path):
    ws, plan = office
    out, rows = sent(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    sheet = wb[S]
    sheet.protection.sheet = False
    answer(sheet, rows[GEO])
    answer(sheet, rows[PROTECTION], "开展专项执法", "已完成", 100)
    added = rows[GEO] + 1
    sheet.insert_rows(added)               # their own sub-item under the task
    sheet[f"B{added}"], sheet[f"{C_TEXT}{added}"] = "子项：大厦装修", "装修招标中"
    back, report = returned(ws, wb, tmp_path)
    assert [str(e) for e in report.errors] == [
        f"{S}!A{added}：新增的行（没有任务编码）：填报表不能新增任务，请删除该行"]
    assert report.partial_ok
    apply_return(ws, report, accept_valid=True)
    stored = progress_of(ws)
    assert (stored[GEO][0]["text"], stored[PROTECTION][0]["percent"]) == ("主体封顶", 100)
