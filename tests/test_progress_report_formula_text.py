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
