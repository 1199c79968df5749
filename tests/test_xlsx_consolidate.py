"""汇总: many returned workbooks at once, a roll-up by department and status."""
from __future__ import annotations

import pytest
import openpyxl

from models.workspace import Workspace
from reports.xlsx import consolidate, export_exchange
from test_xlsx_helpers import C_PERCENT, C_STATUS, C_TEXT
from test_xlsx_helpers import (GEO, LEADERSHIP, NAVIGATION, ROUND, SUBSIDY, TRAINING, fill,
                               key_rows, office, sha)

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns


def returns(ws, plan, tmp_path):
    """Six departments sent a workbook; four return it well, one carelessly, one not at all."""
    sent = {}
    for i, name in enumerate(["区市场监管局", "区发展改革局", "区财政局", "区科技局", "区教育局", "区司法局"]):
        out = tmp_path / f"sent{i}.xlsx"
        export_exchange(ws, plan, ROUND, out, department=name)
        sent[name] = out
    k = {name: key_rows(path) for name, path in sent.items()}
    files = [
        fill(sent["区市场监管局"], tmp_path / "市场监管局.xlsx", {
            f"{C_STATUS}{k['区市场监管局'][GEO]}": "推进中", f"{C_PERCENT}{k['区市场监管局'][GEO]}": 60,
            f"{C_TEXT}{k['区市场监管局'][GEO]}": "主体封顶",
            f"{C_STATUS}{k['区市场监管局'][NAVIGATION]}": "已完成", f"{C_PERCENT}{k['区市场监管局'][NAVIGATION]}": 100}),
        fill(sent["区发展改革局"], tmp_path / "发展改革局.xlsx", {
            f"{C_STATUS}{k['区发展改革局'][GEO]}": "推进中", f"{C_STATUS}{k['区发展改革局'][LEADERSHIP]}": "已完成"}),
        fill(sent["区财政局"], tmp_path / "财政局.xlsx", {
            f"{C_STATUS}{k['区财政局'][SUBSIDY]}": "未启动", f"{C_PERCENT}{k['区财政局'][SUBSIDY]}": 0}),
        fill(sent["区科技局"], tmp_path / "科技局.xlsx", {
            f"{C_STATUS}{k['区科技局'][TRAINING]}": "推进中", f"{C_PERCENT}{k['区科技局'][TRAINING]}": 40}),
        fill(sent["区教育局"], tmp_path / "教育局.xlsx", {
            f"{C_TEXT}{k['区教育局'][TRAINING]}": "=A1&B1", f"{C_STATUS}{k['区教育局'][TRAINING]}": "进行中"}),
    ]
    garbage = tmp_path / "扫描件.xlsx"
    garbage.write_bytes(b"%PDF-1.4 scanned return")
    return files + [garbage]


def read_sheet(path, name):
    sheet = openpyxl.load_workbook(path)[name]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_consolidating_returns_of_six_departments(office, tmp_path):
    ws, plan = office
    files = returns(ws, plan, tmp_path)
    out = tmp_path / "汇总.xlsx"
    result = consolidate(ws, plan, ROUND, files, out)
    status = {f["file"]: f["status"] for f in result["files"]}
    assert status == {"市场监管局.xlsx": "applied", "发展改革局.xlsx": "applied", "财政局.xlsx": "applied",
                      "科技局.xlsx": "applied", "教育局.xlsx": "errors", "扫描件.xlsx": "unreadable"}
    education = next(f for f in result["files"] if f["file"] == "教育局.xlsx")
    assert any(e.startswith(f"分工及进展!{C_TEXT}") and "公式" in e for e in education["errors"])
    # 进行中 is a synonym of 推进中: read, and listed as read.
    assert any(n.startswith(f"分工及进展!{C_STATUS}") and "“进行中”读作“推进中”" in n
               for n in education["normalised"])
    # A refused return is a department that reported with errors, not one that sent nothing.
    assert result["missing"] == ["区司法局"]
    assert result["departments"]["区教育局"] == "报送有误（1 处）"
    assert result["departments"]["区市场监管局"] == "已报送"
    assert result["counts"]["区市场监管局"] == {"done": 1, "in_progress": 1, "not_started": 0, "": 1}
    assert result["counts"]["区财政局"] == {"done": 0, "in_progress": 0, "not_started": 1, "": 1}
    assert result["counts"]["区司法局"][""] == 2
    # Applied in the workspace, one exchange per good file.
    assert ws.progress(NAVIGATION)[0]["status"] == "done"
    assert {p["department"] for p in ws.progress(GEO)} == {"区市场监管局", "区发展改革局"}
    incoming = [e for e in ws.exchanges(plan) if e["direction"] == "in"]
    assert len(incoming) == 5 and [e["file_name"] for e in incoming if e["summary"].get("refused")] \
        == ["教育局.xlsx"]

    summary = read_sheet(out, "汇总")
    assert summary[0][0] == "槐荫区知识产权强区建设工作方案进展情况汇总表"
    by_department = {row[1]: row for row in summary if row[0] and str(row[0]).isdigit()}
    assert by_department["区市场监管局"][2:9] == [3, 1, 1, 0, 1, 80, "已报送"]
    assert by_department["区司法局"][2:9] == [2, 0, 0, 0, 2, None, "未报送"]
    total = next(row for row in summary if row[1] == "合计")
    assert total[2] == sum(by_department[d][2] for d in by_department)
    missing = read_sheet(out, "未报送单位")
    assert [row[1] for row in missing[3:]] == ["区司法局"]
    assert by_department["区教育局"][8] == "报送有误（1 处）"
    details = read_sheet(out, "进展明细")
    geo = [row for row in details if row[1] == "建设中国地理标志产业大厦"]
    # Only what came back: 区财政局 (a supporting unit of the task) returned nothing on it.
    assert [(r[2], r[3], r[4], r[5]) for r in geo] == [("区市场监管局", "推进中", 60, "主体封顶"),
                                                       ("区发展改革局", "推进中", None, None)]
    issues = read_sheet(out, "导入情况")
    assert any(row[0] == "教育局.xlsx" and "公式" in (row[5] or "") for row in issues)
    assert any(row[0] == "扫描件.xlsx" and "PDF" in (row[5] or "") for row in issues)

    # Consolidating the same files again changes nothing.
    again = consolidate(ws, plan, ROUND, files, tmp_path / "again.xlsx")
    assert {f["status"] for f in again["files"] if f["file"] in status and status[f["file"]] == "applied"} \
        == {"already_imported"}
    assert len([e for e in ws.exchanges(plan) if e["direction"] == "in"]) == 5


def test_preview_without_applying_leaves_the_workspace_as_it_was(office, tmp_path):
    ws, plan = office
    files = returns(ws, plan, tmp_path)
    path = ws.path
    ws.close()
    before = sha(path)
    with Workspace.open(path, readonly=True) as ro:
        result = consolidate(ro, plan, ROUND, files, tmp_path / "preview.xlsx", apply=False)
    assert sha(path) == before
    assert result["missing"] == ["区司法局"]
    assert result["departments"]["区教育局"] == "报送有误（1 处）"
    assert result["counts"]["区市场监管局"]["done"] == 1
    assert {f["status"] for f in result["files"]} == {"checked", "errors", "unreadable"}


def test_a_return_for_another_round_is_one_file_error(office, tmp_path):
    ws, plan = office
    out = tmp_path / "q2.xlsx"
    export_exchange(ws, plan, "2025年第二季度", out, department="区财政局")
    result = consolidate(ws, plan, ROUND, [out], tmp_path / "sum.xlsx")
    assert result["files"][0]["status"] == "errors"
    assert "报送轮次“2025年第二季度”" in result["files"][0]["errors"][0]
