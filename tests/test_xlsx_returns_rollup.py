"""The 汇总 tells the truth: who reported, who reported with errors, who did not; partial
acceptance; whole-plan returns; disagreement between departments as a state of its own."""
from __future__ import annotations

import openpyxl
import pytest

from cli import run
from models.status import evaluate_plan
from reports.progress_report import render_progress_report_xlsx
from reports.xlsx import apply_return, consolidate, export_exchange, read_return
from test_xlsx_helpers import (C_PERCENT, C_STATUS, C_TEXT, GEO, LEADERSHIP, ROUND, SUBSIDY,
                               build_workspace, fill, key_rows, office)

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns
S = "分工及进展"


def sheet_rows(path, name):
    return [list(r) for r in openpyxl.load_workbook(path)[name].iter_rows(values_only=True)]


def returned(ws, plan, tmp_path, department, answers, name=None):
    """A department's return: {task: (text, status, percent)}."""
    sent = tmp_path / f"sent-{department}.xlsx"
    export_exchange(ws, plan, ROUND, sent, department=department)
    rows = key_rows(sent)
    edits = {}
    for key, (text, status, percent) in answers.items():
        edits.update({f"{C_TEXT}{rows[key]}": text, f"{C_STATUS}{rows[key]}": status,
                      f"{C_PERCENT}{rows[key]}": percent})
    return fill(sent, tmp_path / (name or f"{department}.xlsx"), edits), rows


def test_partial_acceptance_leaves_bad_cells_to_check_and_the_rollup_says_so(tmp_path, capsys):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    finance, rows = returned(ws, plan, tmp_path, "区财政局", {
        GEO: ("拨付资金2000万元", "已完成", 100), SUBSIDY: ("兑现资助", "基本完成", 90)})
    good, _ = returned(ws, plan, tmp_path, "区发展改革局", {LEADERSHIP: ("召开推进会", "推进中", 50)})
    ws.close()
    ws_path = str(tmp_path / "ws.plandesk")
    out = tmp_path / "汇总.xlsx"
    assert run(["exchange", "consolidate", ws_path, str(finance), str(good), "--round", ROUND,
                "--out", str(out), "--accept-valid"]) == 0
    printed = capsys.readouterr().out
    bad_cell = f"{S}!{C_STATUS}{rows[SUBSIDY]}"
    assert "区财政局.xlsx：已导入无误的行，1 处待核实（区财政局），修改 3 处，冲突 0 处" in printed
    assert f"  错误 {bad_cell}：完成状态“基本完成”不明确" in printed
    assert "报送情况：已报送 1 个，报送有误 1 个，未报送 4 个" in printed
    assert "报送有误：区财政局，报送有误（1 处）" in printed
    from models.workspace import Workspace
    with Workspace.open(ws_path, readonly=True) as ws:
        assert [p["status"] for p in ws.progress(GEO)] == ["done"]
        assert ws.progress(SUBSIDY) == []
        record = next(e for e in ws.exchanges() if e["file_name"] == "区财政局.xlsx")
        assert record["summary"]["left_out"] == [
            {"address": bad_cell, "task": SUBSIDY,
             "message": "完成状态“基本完成”不明确：请向报送单位确认是“推进中”还是“已完成”"}]
    summary = {r[1]: r for r in sheet_rows(out, "汇总") if r[0] and str(r[0]).isdigit()}
    assert summary["区财政局"][8] == "报送有误（1 处）"
    assert summary["区发展改革局"][8] == "已报送" and summary["区司法局"][8] == "未报送"
    details = sheet_rows(out, "进展明细")
    check = [r for r in details if r[1] == "落实财政奖补政策"]
    assert len(check) == 1 and check[0][2:5] == ["区财政局", "待核实", None]
    assert check[0][5] == f"{bad_cell}：完成状态“基本完成”不明确：请向报送单位确认是“推进中”还是“已完成”"


def test_a_refused_return_is_reported_with_errors_not_as_missing(office, tmp_path):
    ws, plan = office
    bad, _ = returned(ws, plan, tmp_path, "区财政局", {SUBSIDY: ("兑现资助", "基本完成", 90)})
    result = consolidate(ws, plan, ROUND, [bad], tmp_path / "汇总.xlsx")
    assert result["departments"]["区财政局"] == "报送有误（1 处）"
    assert "区财政局" not in result["missing"]
    assert [e["summary"]["refused"] for e in ws.exchanges(plan) if e["direction"] == "in"] == [True]
    # Sent again, corrected: the latest return counts.
    good, _ = returned(ws, plan, tmp_path, "区财政局", {SUBSIDY: ("兑现资助", "推进中", 90)},
                       name="财政局-改.xlsx")
    again = consolidate(ws, plan, ROUND, [good], tmp_path / "汇总2.xlsx")
    assert again["departments"]["区财政局"] == "已报送"


def test_a_whole_plan_return_speaks_for_the_departments_of_each_row(office, tmp_path, capsys):
    ws, plan = office
    sent = tmp_path / "whole.xlsx"
    export_exchange(ws, plan, ROUND, sent)
    rows = key_rows(sent)
    back = fill(sent, tmp_path / "whole-back.xlsx", {
        f"{C_TEXT}{rows[GEO]}": "主体封顶", f"{C_STATUS}{rows[GEO]}": "推进中", f"{C_PERCENT}{rows[GEO]}": 70,
        f"{C_STATUS}{rows[SUBSIDY]}": "已完成"})
    out = tmp_path / "汇总.xlsx"
    result = consolidate(ws, plan, ROUND, [back], out)
    assert [f["status"] for f in result["files"]] == ["applied"]
    assert result["missing"] == []
    assert set(result["departments"].values()) == {"已报送"}
    assert result["counts"]["区财政局"] == {"done": 1, "in_progress": 1, "not_started": 0, "": 0}
    details = [r for r in sheet_rows(out, "进展明细") if r[1] == "建设中国地理标志产业大厦"]
    assert [(r[2], r[3], r[4], r[5]) for r in details] == [
        ("区市场监管局", "推进中", 70, "主体封顶"), ("区发展改革局", "推进中", 70, "主体封顶"),
        ("区财政局", "推进中", 70, "主体封顶")]


def test_disagreement_is_a_state_with_each_answer_and_the_rule_used(office, tmp_path):
    ws, plan = office
    files = [returned(ws, plan, tmp_path, dep, {GEO: answer})[0] for dep, answer in [
        ("区发展改革局", ("已完工", "已完成", 100)), ("区财政局", ("资金部分到位", "推进中", 30))]]
    out = tmp_path / "汇总.xlsx"
    result = consolidate(ws, plan, ROUND, files, out)
    assert result["disagree"] == ["（一）"]
    # No report from the lead (区市场监管局): the least advanced report counts.
    tasks = {r[1]: r for r in sheet_rows(out, "任务汇总") if r[0]}
    geo = tasks["建设中国地理标志产业大厦"]
    assert geo[3:8] == ["推进中", 30, "意见不一致", "无牵头单位报送，按进展最慢的区财政局的报送",
                        "区发展改革局：已完成 100%；区财政局：推进中 30%"]
    status = evaluate_plan(ws, plan, ROUND).by_uuid()[GEO]
    assert "disagree" in status.flags and status.reported == 30
    assert status.answers == (("区发展改革局", "done", 100.0), ("区财政局", "in_progress", 30.0))
    assert "意见不一致，无牵头单位报送，按进展最慢的区财政局的报送" in status.reason
    report = render_progress_report_xlsx(ws, plan, ROUND, tmp_path / "进展.xlsx")
    cells = [str(c) for sheet in openpyxl.load_workbook(report).worksheets
             for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any("意见不一致" in c and "各单位：区发展改革局：已完成 100%；区财政局：推进中 30%" in c for c in cells)

    # The lead reports: its report counts, and the light says so.
    lead, _ = returned(ws, plan, tmp_path, "区市场监管局", {GEO: ("主体封顶", "推进中", 80)})
    apply_return(ws, read_return(ws, lead))
    status = evaluate_plan(ws, plan, ROUND).by_uuid()[GEO]
    assert status.reported == 80 and "按牵头单位区市场监管局的报送" in status.reason


def test_the_rollup_prints_like_the_office_tables_and_keeps_text_as_text(office, tmp_path):
    ws, plan = office
    ws.ensure_round(plan, ROUND)
    ws.record_progress(GEO, ROUND, "区市场监管局", "in_progress", 50, "=见附件")
    out = tmp_path / "汇总.xlsx"
    consolidate(ws, plan, ROUND, [], out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "任务汇总", "未报送单位", "进展明细", "导入情况"]
    detail = wb["进展明细"]
    assert detail.print_title_rows == "$3:$3" and detail.page_setup.orientation == "landscape"
    assert detail["A3"].font.name == "黑体" and detail["A3"].font.charset == 134
    cell = next(c for row in detail.iter_rows(min_row=4) for c in row if c.value == "=见附件")
    assert cell.data_type == "s" and cell.quotePrefix and cell.font.name == "仿宋_GB2312"
    assert detail.auto_filter.ref.startswith("A3:I")


def test_a_whole_plan_return_for_a_named_recipient_is_that_departments(office, tmp_path, capsys):
    ws, plan = office
    path = ws.path
    ws.close()
    sent = tmp_path / "whole.xlsx"
    assert run(["exchange", "export", str(path), "--round", ROUND, "--recipient", "区发展改革局",
                "--out", str(sent)]) == 0
    rows = key_rows(sent)
    back = fill(sent, tmp_path / "back.xlsx", {f"{C_STATUS}{rows[SUBSIDY]}": "已完成",
                                               f"{C_STATUS}{rows[GEO]}": "推进中"})
    out = tmp_path / "汇总.xlsx"
    assert run(["exchange", "consolidate", str(path), str(back), "--round", ROUND, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "报送情况：已报送 1 个，报送有误 0 个，未报送 5 个" in printed
    details = [(r[1], r[2], r[3]) for r in sheet_rows(out, "进展明细")[3:]]
    assert details == [("建设中国地理标志产业大厦", "区发展改革局", "推进中"),
                       ("落实财政奖补政策", "区发展改革局", "已完成")]
