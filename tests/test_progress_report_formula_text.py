"""Text that looks like a formula stays text in the progress report, also when edited in Excel."""
from __future__ import annotations

import openpyxl

from reports.progress_report import render_progress_report_xlsx
from test_xlsx_helpers import GEO, ROUND, SUBSIDY, office

__all__ = ["office"]


def test_formula_like_text_is_written_with_quote_prefix(office, tmp_path):
    ws, plan = office
    ws.ensure_round(plan, ROUND)
    ws.record_progress(GEO, ROUND, "区市场监管局", "in_progress", 40, "=HYPERLINK(\"http://x\")")
    ws.record_progress(SUBSIDY, ROUND, "区财政局", "in_progress", 20, "+已拨付一半")
    out = render_progress_report_xlsx(ws, plan, ROUND, tmp_path / "进展.xlsx")
    cells = {c.value: c for sheet in openpyxl.load_workbook(out).worksheets
             for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ("=HYPERLINK(\"http://x\")", "+已拨付一半"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    plain = next(c for v, c in cells.items() if v.startswith("建设中国地理标志产业大厦"))
    assert not plain.quotePrefix


def test_problems_and_next_steps_are_in_the_ledger(office, tmp_path):
    ws, plan = office
    ws.ensure_round(plan, ROUND)
    ws.record_progress(GEO, ROUND, "区市场监管局", "in_progress", 40, "主体施工",
                       problems="用地指标不足", next_steps="协调自然资源部门")
    out = render_progress_report_xlsx(ws, plan, ROUND, tmp_path / "进展.xlsx")
    rows = [list(r) for sheet in openpyxl.load_workbook(out).worksheets
            for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and "存在问题" in r)
    geo = next(r for r in rows if r[1] == "建设中国地理标志产业大厦")
    assert geo[header.index("存在问题")] == "用地指标不足"
    assert geo[header.index("下一步工作计划")] == "协调自然资源部门"
