"""Progress reports read back: the Word report's XML, the workbook, the follow-up notice."""
from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from lxml import etree

from models.errors import WorkspaceError
from models.status import evaluate_plan
from models.status.sample import build_sample
from models.status.summary import department_tasks, problem_tasks
from reports.progress_notice import NothingToFollowUp, followup_departments
from reports.progress_report import (cli_render_report, late_departments,
                                     render_followup_notice, render_progress_report_docx,
                                     render_progress_report_xlsx)

Q3 = "2025年第三季度"
TODAY = dt.date(2025, 10, 15)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


@pytest.fixture
def sample(ws):
    return build_sample(ws)


def document_xml(path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")), z.namelist()


def para_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def table_rows(tbl) -> list[list[str]]:
    return [["\n".join(para_text(p) for p in tc.findall(W + "p")) for tc in tr.findall(W + "tc")]
            for tr in tbl.findall(W + "tr")]


# ---- the Word report ---------------------------------------------------------------------
def test_report_has_summary_charts_and_the_late_and_at_risk_table(ws, sample, tmp_path):
    out = render_progress_report_docx(ws, sample, Q3, tmp_path / "report.docx", TODAY)
    root, names = document_xml(out)
    texts = [para_text(p) for p in root.iter(W + "p")]
    body = "\n".join(texts)
    assert texts[0].startswith("关于《××区2025年知识产权强区建设工作方案》2025年第三季度推进情况的报告")
    assert "截至2025年9月30日" in body
    assert "纳入统计的任务共10项，其中已完成1项，正常推进2项，存在风险3项，滞后4项（其中已逾期2项）" in body
    for heading in ("一、总体情况", "二、分类统计", "三、滞后和存在风险的任务", "四、下一步工作"):
        assert heading in texts
    # Four charts, each an inline picture with its caption.
    assert len(root.findall(".//wp:inline", NS)) == 4
    assert len([n for n in names if n.startswith("word/media/")]) == 4
    assert [t for t in texts if t.startswith("图")] == [
        "图1\u3000任务推进总体情况", "图2\u3000各牵头单位任务推进情况",
        "图3\u3000任务按完成时限月份分布", "图4\u3000指标完成情况（报送数值/目标值）"]
    # The table: a header row, then exactly the late and at-risk tasks, late first.
    expected = problem_tasks(evaluate_plan(ws, sample, Q3, TODAY))
    tables = root.findall(".//w:tbl", NS)
    assert len(tables) == 1
    rows = table_rows(tables[0])
    assert rows[0] == ["序号", "任务", "牵头单位", "配合单位", "完成时限", "预警", "进展及滞后情况"]
    assert [(r[0], r[1], r[2], r[5]) for r in rows[1:]] == [
        (s.path_number, s.title, "、".join(s.lead), {"late": "滞后", "at_risk": "存在风险"}[s.light])
        for s in expected]
    assert rows[1][3] == "区财政局" and "已逾期92天" in rows[1][6]
    # Signed by the plan's issuer; the table on landscape pages.
    assert "××区人民政府办公室" in texts and "2025年10月15日" in texts
    sizes = [s.find(W + "pgSz") for s in root.iter(W + "sectPr")]
    assert [s.get(W + "orient") for s in sizes] == [None, "landscape"]


def test_report_without_problems_has_no_table_or_attachment(ws, tmp_path):
    p = ws.add_plan("顺利的方案", year=2025, issuer="××区发展改革局").uuid
    ws.add_round(p, Q3, "2025-07-01", "2025-09-30")
    ws.add_department("区发改局")
    t = ws.add_task(p, "按期完成", deadline="2025年底前")
    ws.assign(t.uuid, "区发改局", "lead")
    ws.record_progress(t.uuid, Q3, "区发改局", "in_progress", 90)
    out = render_progress_report_docx(ws, p, Q3, tmp_path / "ok.docx", TODAY)
    root, _ = document_xml(out)
    body = "\n".join(para_text(p) for p in root.iter(W + "p"))
    assert root.find(".//w:tbl", NS) is None
    assert "本轮没有滞后或存在风险的任务" in body and "附件" not in body
    assert len(root.findall(".//wp:inline", NS)) == 3          # no targets: no target chart


# ---- the workbook ------------------------------------------------------------------------
def test_workbook_has_every_task_with_a_coloured_light_and_a_summary(ws, sample, tmp_path):
    from openpyxl import load_workbook
    ws.edit_task(ws.tasks(sample)[1].uuid, title="=HYPERLINK(\"x\")培育")   # stays text
    out = render_progress_report_xlsx(ws, sample, Q3, tmp_path / "progress.xlsx", TODAY)
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "进度台账"]
    table = wb["进度台账"]
    header = [c.value for c in table[3]]
    assert header[:9] == ["序号", "任务", "牵头单位", "配合单位", "完成时限", "序时进度", "报送进度",
                          "完成状态", "预警"]
    statuses = evaluate_plan(ws, sample, Q3, TODAY)
    rows = list(table.iter_rows(min_row=4, values_only=False))
    assert len(rows) == len(statuses) == 13
    fills = {"on_track": "C6EFCE", "at_risk": "FFEB9C", "late": "FFC7CE"}
    for row, s in zip(rows, statuses):
        assert row[1].value == s.title
        light = row[8]
        if s.light:
            assert light.value.endswith({"on_track": "正常推进", "at_risk": "存在风险",
                                         "late": "滞后"}[s.light])
            assert light.fill.fgColor.rgb.endswith(fills[s.light])
    injected = rows[1][1]
    assert injected.data_type == "s" and injected.value.startswith("=HYPERLINK")
    late_row = next(r for r in rows if r[1].value == "建设地理标志产业大厦")
    assert late_row[5].value == 1.0 and late_row[5].number_format == "0%"
    assert late_row[6].value == 0.9
    summary = wb["汇总"]
    values = [[c for c in row] for row in summary.iter_rows(values_only=True)]
    flat = {r[0]: r[1] for r in values if r and r[0]}
    assert flat["红灯·滞后"] == 4 and flat["黄灯·存在风险"] == 3 and flat["绿灯·正常推进"] == 3
    assert flat["其中：已逾期"] == 2
    assert any(r[0] == "区市场监管局" and tuple(r[1:5]) == (2, 1, 0, 3) for r in values)


# ---- the follow-up notice ----------------------------------------------------------------
def test_followup_notice_lists_exactly_the_departments_late_tasks(ws, sample, tmp_path):
    statuses = evaluate_plan(ws, sample, Q3, TODAY)
    # Give 区财政局 a second late task, and a late task it only supports.
    for t in ws.tasks(sample):
        if t.title == "建设知识产权纠纷调解组织":
            ws.set_roles(t.uuid, {"lead": ["区财政局"], "support": ["区市场监管局"]})
    statuses = evaluate_plan(ws, sample, Q3, TODAY)
    expected = department_tasks(statuses, "区财政局")
    assert len(expected) == 2
    out = render_followup_notice(ws, sample, Q3, "区财政局", tmp_path / "督办.docx", TODAY)
    root, _ = document_xml(out)
    texts = [para_text(p) for p in root.iter(W + "p")]
    assert texts[0] == "关于加快推进滞后任务的督办通知"
    assert "区财政局：" in texts
    items = [t for t in texts if t[:1].isdigit() and ".【方案" in t[:6]]
    assert [t.split("】", 1)[1].split("（", 1)[0] for t in items] == [s.title for s in expected]
    assert "建设地理标志产业大厦" not in "\n".join(texts)          # 区财政局 only supports it
    assert any("2025年10月20日前" in t for t in texts)             # five days to reply
    assert "××区人民政府办公室" in texts


def test_followup_refuses_a_department_without_late_tasks(ws, sample, tmp_path):
    with pytest.raises(NothingToFollowUp):
        render_followup_notice(ws, sample, Q3, "区教体局", tmp_path / "x.docx", TODAY)
    assert not (tmp_path / "x.docx").exists()
    statuses = evaluate_plan(ws, sample, Q3, TODAY)
    assert set(followup_departments(statuses)) == {"区发展改革局", "区商务局", "区财政局",
                                                   "各街道办事处"}
    assert set(late_departments(ws, sample, Q3, TODAY)) == set(followup_departments(statuses))


# ---- the CLI entry -----------------------------------------------------------------------
def test_cli_render_report_picks_the_format_by_suffix(ws, sample, tmp_path):
    assert zipfile.ZipFile(cli_render_report(ws, sample, Q3, tmp_path / "r.docx", TODAY)
                           ).read("word/document.xml")
    assert zipfile.ZipFile(cli_render_report(ws, sample, None, tmp_path / "r.xlsx", TODAY)
                           ).read("xl/workbook.xml")
    with pytest.raises(WorkspaceError, match=r"\.docx 或 \.xlsx"):
        cli_render_report(ws, sample, Q3, tmp_path / "r.pdf", TODAY)
    with pytest.raises(WorkspaceError):
        cli_render_report(ws, sample, "2030年第一季度", tmp_path / "r2.docx", TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.xlsx"]   # no temp files


@pytest.mark.slow
def test_report_lays_out_in_libreoffice(ws, sample, tmp_path):
    from reports import pdf
    if not pdf.available():
        pytest.skip("LibreOffice is not installed")
    out = render_progress_report_docx(ws, sample, Q3, tmp_path / "report.docx", TODAY)
    converted = pdf.convert_to_pdf(out, tmp_path / "report.pdf")
    assert pdf.page_count(converted) >= 4
