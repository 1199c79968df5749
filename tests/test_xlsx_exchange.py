"""The exchange workbook: export, fill in as a department would, import, check the diff."""
from __future__ import annotations

import json
import re
import zipfile

import openpyxl
import pytest

from models.workspace import Workspace
from reports.xlsx import (WorkbookError, apply_return, export_exchange, read_return)
from reports.xlsx import exchange_format as fmt
from test_xlsx_helpers import LAYOUT, C_KEY, C_NOTE, C_PERCENT, C_STATUS, C_TEXT
from test_xlsx_helpers import (GEO, LEADERSHIP, NAVIGATION, PROTECTION, ROUND, SUBSIDY, TRAINING,
                               build_workspace, fill, hidden_columns, key_rows, office, progress_of,
                               sha)

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns


def export(ws, plan, tmp_path, department="区市场监管局", name="sent.xlsx"):
    out = tmp_path / name
    result = export_exchange(ws, plan, ROUND, out, department=department)
    return out, result


def test_export_is_a_protected_form_with_hidden_keys_and_metadata(office, tmp_path):
    ws, plan = office
    out, result = export(ws, plan, tmp_path)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["分工及进展", "_lists", "_plandesk"]
    assert [s.sheet_state for s in wb.worksheets] == ["visible", "hidden", "veryHidden"]
    assert wb.security.lockStructure
    sheet = wb["分工及进展"]
    header = [c.value or "" for c in sheet[4]]
    assert header == fmt.HEADERS
    hidden = [c.key for c in LAYOUT.columns if LAYOUT.letter(c.key) in hidden_columns(sheet)]
    assert hidden == ["echo1", "echo2", "echo3", "echo4", "echo5", "key", "upper_key"]
    # Only the department's rows (市场监管局: 3 tasks) with their headings for context.
    keys = key_rows(out)
    assert set(keys) >= {GEO, NAVIGATION, PROTECTION}
    assert TRAINING not in keys and SUBSIDY not in keys and LEADERSHIP not in keys
    assert result["editable"] == 3 and result["rows"] == 4   # + the heading 二、重点任务
    heading = [r for r in sheet.iter_rows(min_row=5) if r[1].value == "重点任务"][0]
    assert heading[0].value == "二、" and heading[6].protection.locked
    # Locked everywhere except the four columns of an assigned row.
    row = keys[GEO]
    assert sheet.protection.sheet
    answers = {LAYOUT.letter(c.key) for c in LAYOUT.answers}
    assert answers == set("GIKMOQ")
    for col in "ABCDEFGHIJKLMNOPQRS":
        assert sheet[f"{col}{row}"].protection.locked == (col not in answers)
    # The print area stops at the last visible column, 备注.
    assert sheet.print_area == f"'分工及进展'!$A$1:$Q${sheet.max_row}"
    assert sheet[f"{C_TEXT}{row}"].number_format == "@"
    # The status list lives on the hidden sheet, through a defined name.
    dv = {d.type: d for d in sheet.data_validations.dataValidation}
    assert dv["list"].formula1 == fmt.STATUS_NAME
    assert f"{C_STATUS}{row}" in str(dv["list"].sqref)
    assert dv["decimal"].formula1 == "0" and dv["decimal"].formula2 == "100"
    assert wb.defined_names[fmt.STATUS_NAME].attr_text == "'_lists'!$A$1:$A$3"
    assert [wb["_lists"].cell(i, 1).value for i in (1, 2, 3)] == ["未启动", "推进中", "已完成"]
    # Print-ready: A4 landscape, one page wide, header repeated, panes frozen.
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    # (fitToWidth left out of the file is the schema's default: one page wide)
    assert sheet.page_setup.fitToWidth in (1, None) and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$4:$4" and sheet.freeze_panes == "C5"
    # Metadata and the export record.
    meta, sent = fmt.read_meta(wb["_plandesk"].iter_rows(values_only=True))
    assert meta["format_version"] == fmt.FORMAT_VERSION
    assert meta["workspace_uuid"] == ws.workspace_uuid and meta["plan_uuid"] == plan
    assert meta["round"] == ROUND and meta["department"] == "区市场监管局" and meta["exported_at"]
    assert meta["checksum"] == fmt.content_checksum(meta, sent)
    record = ws.exchanges(plan)[-1]
    assert record["direction"] == "out" and record["sha256"] == sha(out)
    assert record["content_checksum"] == meta["checksum"] and record["round"] == ROUND
    assert [r.name for r in ws.rounds(plan)] == [ROUND]


def test_text_that_looks_like_a_formula_stays_text(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    sheet = openpyxl.load_workbook(out)["分工及进展"]
    cells = {sheet[f"C{keys[GEO]}"], sheet[f"C{keys[PROTECTION]}"]}
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix
    assert sheet[f"C{keys[GEO]}"].value == "=SUM(A1:A3) 推动地理标志产业集聚发展。"
    assert sheet[f"C{keys[PROTECTION]}"].value == "-严厉打击侵权假冒行为。"
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_round_trip_changes_exactly_what_the_department_wrote(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    returned = fill(out, tmp_path / "back.xlsx", {
        f"{C_TEXT}{keys[GEO]}": "大厦主体已封顶", f"{C_STATUS}{keys[GEO]}": "推进中", f"{C_PERCENT}{keys[GEO]}": 60,
        f"{C_STATUS}{keys[PROTECTION]}": "已完成", f"{C_PERCENT}{keys[PROTECTION]}": "100%", f"{C_NOTE}{keys[PROTECTION]}": "=见附件",
    })
    # "=见附件" typed by a person is a formula: make it text as Excel's Text format would.
    wb = openpyxl.load_workbook(returned)
    wb["分工及进展"][f"{C_NOTE}{keys[PROTECTION]}"].data_type = "s"
    wb.save(returned)
    before = progress_of(ws)
    report = read_return(ws, returned)
    assert report.errors == [] and report.conflicts == []
    assert {(c.task, c.field, c.new) for c in report.changes} == {
        (GEO, "text", "大厦主体已封顶"), (GEO, "status", "in_progress"), (GEO, "percent", 60),
        (PROTECTION, "status", "done"), (PROTECTION, "percent", 100), (PROTECTION, "note", "=见附件")}
    assert all(c.address.startswith("分工及进展!") for c in report.changes)
    assert progress_of(ws) == before   # reading changes nothing
    result = apply_return(ws, report)
    assert result["applied"] == 2
    after = progress_of(ws)
    assert set(after) == {GEO, PROTECTION}
    assert after[GEO] == [{"department": "区市场监管局", "round": ROUND, "status": "推进中",
                           "percent": 60, "text": "大厦主体已封顶", "problems": "", "next_steps": "",
                           "note": ""}]
    assert after[PROTECTION][0]["status"] == "已完成" and after[PROTECTION][0]["percent"] == 100
    assert ws.progress(PROTECTION)[0]["note"] == "=见附件"
    incoming = [e for e in ws.exchanges(plan) if e["direction"] == "in"]
    assert len(incoming) == 1 and incoming[0]["sha256"] == sha(returned)
    # One undo step takes the whole import back.
    assert ws.undo_label().startswith("收回工作簿")

    again = read_return(ws, returned)
    assert again.already_imported and not again.changes
    assert "已于" in str(again.warnings[0])
    snapshot = progress_of(ws)
    assert apply_return(ws, again)["already_imported"]
    assert progress_of(ws) == snapshot
    assert len([e for e in ws.exchanges(plan) if e["direction"] == "in"]) == 1


def test_careless_edits_are_each_reported_by_cell_and_block_the_import(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    geo, nav, prot = keys[GEO], keys[NAVIGATION], keys[PROTECTION]

    def delete_and_insert(sheet):
        sheet.delete_rows(prot)          # the last row: nothing shifts above it
        sheet.insert_rows(geo)           # a new row above the 大厦 row
        sheet[f"B{geo}"] = "新增任务"

    returned = fill(out, tmp_path / "careless.xlsx", {
        f"{C_STATUS}{geo}": "基本完成",              # not one of the three statuses
        f"{C_PERCENT}{geo}": "大约一半",               # not a number
        f"C{geo}": "我们改了任务内容",        # a locked cell
        f"{C_TEXT}{nav}": "=VLOOKUP(A1,B:C,2)",     # a formula
        f"{C_PERCENT}{nav}": 150,                     # out of range
    }, then=delete_and_insert)
    report = read_return(ws, returned)
    found = {(e.address, re.sub(r"[“（].*", "", e.message)) for e in report.errors}
    shifted_geo, shifted_nav = geo + 1, nav + 1
    expected_addresses = {
        f"分工及进展!{C_STATUS}{shifted_geo}", f"分工及进展!{C_PERCENT}{shifted_geo}", f"分工及进展!C{shifted_geo}",
        f"分工及进展!{C_TEXT}{shifted_nav}", f"分工及进展!{C_PERCENT}{shifted_nav}",
        f"分工及进展!A{geo}",        # the inserted row
        f"分工及进展!A{prot}",       # the deleted row (where it was sent)
    }
    assert {a for a, _ in found} == expected_addresses, report.errors
    messages = {e.address: e.message for e in report.errors}
    assert "完成状态“基本完成”不明确" in messages[f"分工及进展!{C_STATUS}{shifted_geo}"]
    assert "不是数字" in messages[f"分工及进展!{C_PERCENT}{shifted_geo}"]
    assert "原为“=SUM(A1:A3)" in messages[f"分工及进展!C{shifted_geo}"]
    assert "公式" in messages[f"分工及进展!{C_TEXT}{shifted_nav}"]
    assert "超出 0–100" in messages[f"分工及进展!{C_PERCENT}{shifted_nav}"]
    assert "新增的行" in messages[f"分工及进展!A{geo}"]
    assert "被删除" in messages[f"分工及进展!A{prot}"]
    assert all("\n" not in str(e) for e in report.errors)
    assert not report.changes
    ws_path = ws.path
    ws.close()
    before = sha(ws_path)
    with Workspace.open(ws_path) as again:
        with pytest.raises(WorkbookError, match="careless.xlsx: 有 7 处错误"):
            apply_return(again, read_return(again, returned))
    assert sha(ws_path) == before


def test_percent_as_typed_in_several_ways_and_consistency_warnings(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    geo, prot = keys[GEO], keys[PROTECTION]

    def percent_format(sheet):
        sheet[f"{C_PERCENT}{prot}"].number_format = "0%"   # Excel turns a typed 60% into 0.6

    returned = fill(out, tmp_path / "back.xlsx", {
        f"{C_STATUS}{geo}": "已完成", f"{C_PERCENT}{geo}": "８０％", f"{C_STATUS}{prot}": "推进中", f"{C_PERCENT}{prot}": 0.6,
    }, then=percent_format)
    report = read_return(ws, returned)
    assert report.errors == []
    new = {(c.task, c.field): c.new for c in report.changes}
    assert new[(GEO, "percent")] == 80 and new[(PROTECTION, "percent")] == 60
    assert any(w.address == f"分工及进展!{C_PERCENT}{geo}" and "已完成" in w.message for w in report.warnings)


def test_return_resaved_by_another_tool_is_accepted(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    returned = fill(out, tmp_path / "back.xlsx", {f"{C_TEXT}{keys[GEO]}": "已完成立项", f"{C_STATUS}{keys[GEO]}": "推进中"})
    # Re-saved again by "another tool" (openpyxl), then the WPS habit of declaring A1:A1.
    openpyxl.load_workbook(returned).save(returned)
    wps = tmp_path / "wps.xlsx"
    with zipfile.ZipFile(returned) as src, zipfile.ZipFile(wps, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:A1"/>', data)
            dst.writestr(item, data)
    with zipfile.ZipFile(wps) as z:
        assert b'<dimension ref="A1:A1"/>' in z.read("xl/worksheets/sheet1.xml")
    report = read_return(ws, wps)
    assert report.errors == [] and report.rows == 4
    assert {(c.task, c.field) for c in report.changes} == {(GEO, "text"), (GEO, "status")}
    apply_return(ws, report)
    assert ws.progress(GEO)[0]["text"] == "已完成立项"


def test_untouched_return_changes_nothing(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    report = read_return(ws, out)
    assert report.errors == [] and report.changes == []
    assert any("完全相同" in w.message for w in report.warnings)


def test_conflicts_are_listed_and_not_overwritten_unless_asked(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    # After the export the clerk records 市场监管局's progress on the 大厦 by phone.
    ws.record_progress(GEO, ROUND, "区市场监管局", "in_progress", 50, "电话报告：主体施工中")
    returned = fill(out, tmp_path / "back.xlsx", {
        f"{C_TEXT}{keys[GEO]}": "主体已封顶", f"{C_PERCENT}{keys[GEO]}": 70,
        f"{C_STATUS}{keys[PROTECTION]}": "推进中"})
    report = read_return(ws, returned)
    assert report.errors == []
    assert {(c.task, c.field, c.old, c.new) for c in report.conflicts} == {
        (GEO, "text", "电话报告：主体施工中", "主体已封顶"), (GEO, "percent", 50, 70)}
    assert [(c.task, c.field) for c in report.changes] == [(PROTECTION, "status")]
    result = apply_return(ws, report)
    assert result["applied"] == 1 and result["conflicts"] == 1
    assert ws.progress(GEO)[0]["text"] == "电话报告：主体施工中"       # kept
    assert ws.progress(PROTECTION)[0]["status"] == "in_progress"
    # The clerk decides the department is right: import the same file again, overwriting.
    again = read_return(ws, returned)
    assert not again.already_imported and not again.changes and len(again.conflicts) == 2
    apply_return(ws, again, overwrite_conflicts=True)
    assert ws.progress(GEO)[0]["text"] == "主体已封顶" and ws.progress(GEO)[0]["percent"] == 70
    assert read_return(ws, returned).already_imported


def test_workbook_from_another_workspace_plan_round_or_version(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    other, _ = build_workspace(tmp_path / "other.plandesk")
    try:
        report = read_return(other, out)
        assert [e.address for e in report.errors] == ["_plandesk!B3"]
        assert "另一个工作区" in report.errors[0].message
    finally:
        other.close()
    report = read_return(ws, out, round_name="2025年第四季度")
    assert [e.address for e in report.errors] == ["_plandesk!B6"]
    second = ws.add_plan("另一个计划")
    report = read_return(ws, out, plan=second.uuid)
    assert "不是“另一个计划”" in report.errors[0].message

    def patch_meta(name, row, value):
        wb = openpyxl.load_workbook(out)
        wb["_plandesk"].cell(row, 2).value = value
        path = tmp_path / name
        wb.save(path)
        return path

    old = read_return(ws, patch_meta("old.xlsx", 2, 0))
    assert [str(e) for e in old.errors] == ["_plandesk!B2：旧版交换格式（第 0 版），请用本程序重新导出后再填报"]
    newer = read_return(ws, patch_meta("newer.xlsx", 2, 9))
    assert "更新版本" in newer.errors[0].message
    tampered = read_return(ws, patch_meta("tampered.xlsx", 6, "2025年第四季度"))
    assert [e.address for e in tampered.errors] == [f"_plandesk!B{fmt.META_KEYS.index('checksum') + 1}"]


def test_plain_workbook_is_not_an_exchange_workbook(office, tmp_path):
    ws, _ = office
    path = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "重点任务"
    wb.save(path)
    with pytest.raises(WorkbookError, match=r"^plain.xlsx: 不是 PlanDesk 导出的进展填报工作簿"):
        read_return(ws, path)


def test_whole_plan_export_reports_without_a_department(office, tmp_path):
    ws, plan = office
    out, result = export(ws, plan, tmp_path, department=None)
    keys = key_rows(out)
    assert result["editable"] == 8 and result["rows"] == 11   # 3 headings are not filled in
    returned = fill(out, tmp_path / "back.xlsx", {f"{C_STATUS}{keys[LEADERSHIP]}": "已完成", f"{C_PERCENT}{keys[LEADERSHIP]}": 100})
    report = read_return(ws, returned)
    assert report.errors == [] and len(report.changes) == 2
    apply_return(ws, report)
    assert progress_of(ws)[LEADERSHIP][0]["department"] == ""


def test_writing_in_a_row_of_another_department_is_a_warning(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path, department="区科技局")
    keys = key_rows(out)
    heading = min(keys.values())   # 二、重点任务: context only
    returned = fill(out, tmp_path / "back.xlsx", {f"{C_TEXT}{heading}": "本行不该填", f"{C_STATUS}{keys[TRAINING]}": "推进中"})
    report = read_return(ws, returned)
    assert report.errors == []
    assert [w.address for w in report.warnings] == [f"分工及进展!{C_TEXT}{heading}"]
    assert [(c.task, c.field) for c in report.changes] == [(TRAINING, "status")]


def test_export_for_a_department_without_tasks_is_refused(office, tmp_path):
    ws, plan = office
    ws.add_department("区档案馆")
    with pytest.raises(WorkbookError, match="区档案馆”在计划.*没有承担任务"):
        export(ws, plan, tmp_path, department="区档案馆")
    assert not (tmp_path / "sent.xlsx").exists()
    assert all(e["direction"] != "out" for e in ws.exchanges(plan))


def test_export_prefills_what_the_department_reported_before(office, tmp_path):
    ws, plan = office
    ws.ensure_round(plan, ROUND)
    ws.record_progress(GEO, ROUND, "区市场监管局", "in_progress", 40, "=已开工", "备注一")
    out, _ = export(ws, plan, tmp_path)
    row = key_rows(out)[GEO]
    sheet = openpyxl.load_workbook(out)["分工及进展"]
    assert [sheet[f"{c}{row}"].value for c in (C_TEXT, C_STATUS, C_PERCENT, C_NOTE)] == [
        "=已开工", "推进中", 40, "备注一"]
    assert sheet[f"{C_TEXT}{row}"].data_type == "s"
    report = read_return(ws, out)
    assert report.errors == [] and report.changes == [] and report.conflicts == []
    summary = json.loads(ws.all("SELECT summary FROM exchanges WHERE direction='out'")[-1][0])
    assert summary["editable"] == 3


def test_copied_row_and_changed_key_are_errors(office, tmp_path):
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    keys = key_rows(out)
    geo, nav, prot = keys[GEO], keys[NAVIGATION], keys[PROTECTION]

    def copy_and_rekey(sheet):
        last = sheet.max_row + 1
        for c in range(1, LAYOUT.width + 1):      # the 大厦 row copied below the table
            sheet.cell(last, c).value = sheet.cell(geo, c).value
        sheet[f"{C_KEY}{nav}"] = "11111111-2222-4333-8444-555555555555"

    returned = fill(out, tmp_path / "copied.xlsx", {}, then=copy_and_rekey)
    report = read_return(ws, returned)
    messages = {e.address: e.message for e in report.errors}
    assert "同一任务" in messages[f"分工及进展!A{prot + 1}"]
    assert "任务编码不是发出时的编码" in messages[f"分工及进展!{C_KEY}{nav}"]
    assert "被删除" in messages[f"分工及进展!A{nav}"]   # its real key is gone from the sheet


def test_control_characters_from_word_do_not_break_the_round_trip(office, tmp_path):
    ws, plan = office
    ws.edit_task(GEO, title="建设中国地理标志\x0b产业大厦\x07")
    out, _ = export(ws, plan, tmp_path)
    sheet = openpyxl.load_workbook(out)["分工及进展"]
    assert sheet[f"B{key_rows(out)[GEO]}"].value == "建设中国地理标志产业大厦"
    returned = fill(out, tmp_path / "back.xlsx", {f"{C_STATUS}{key_rows(out)[GEO]}": "推进中"})
    report = read_return(ws, returned)
    assert report.errors == [] and len(report.changes) == 1


def test_apply_takes_a_backup_first(office, tmp_path):
    from models.backup import list_backups
    ws, plan = office
    out, _ = export(ws, plan, tmp_path)
    returned = fill(out, tmp_path / "back.xlsx", {f"{C_STATUS}{key_rows(out)[GEO]}": "推进中"})
    assert list_backups(ws.path) == []
    apply_return(ws, read_return(ws, returned))
    assert [b.reason for b in list_backups(ws.path)] == ["exchange-import"]
