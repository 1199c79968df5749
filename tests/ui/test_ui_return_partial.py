"""The return dialog offers to import the valid rows of a return with bad cells."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.xlsx import export_exchange, read_return  # noqa: E402
from test_xlsx_helpers import (C_PERCENT, C_STATUS, GEO, PROTECTION, ROUND,  # noqa: E402
                               build_workspace, fill, key_rows)
from ui import exchange_jobs  # noqa: E402


def test_valid_rows_can_be_imported_once_the_clerk_ticks_the_box(qapp, tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        sent = tmp_path / "sent.xlsx"
        export_exchange(ws, plan, ROUND, sent, department="区市场监管局")
        rows = key_rows(sent)
        back = fill(sent, tmp_path / "back.xlsx", {f"{C_STATUS}{rows[GEO]}": "推进中",
                                                   f"{C_PERCENT}{rows[GEO]}": 40,
                                                   f"{C_STATUS}{rows[PROTECTION]}": "基本完成"})
        report = read_return(ws, back)
        assert report.partial_ok
        dialog = exchange_jobs.ReturnDialog(None, report)
        assert not dialog.accept_valid.isHidden()
        assert "1" in dialog.accept_valid.text()
        assert not dialog.apply_button.isEnabled()
        dialog.accept_valid.setChecked(True)
        assert dialog.apply_button.isEnabled()

        class Ctx:
            def progress(self, *a):
                pass

            def check(self):
                pass
        result = exchange_jobs.apply_return(Ctx(), ws, report, False, dialog.accept_valid.isChecked())
        assert result["applied"] == 1 and result["left_out"] == 1
        assert ws.progress(GEO)[0]["percent"] == 40 and ws.progress(PROTECTION) == []
    finally:
        ws.close()


def test_a_clean_return_shows_no_such_box(qapp, tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        sent = tmp_path / "sent.xlsx"
        export_exchange(ws, plan, ROUND, sent, department="区市场监管局")
        back = fill(sent, tmp_path / "back.xlsx", {f"{C_STATUS}{key_rows(sent)[GEO]}": "推进中"})
        dialog = exchange_jobs.ReturnDialog(None, read_return(ws, back))
        assert dialog.accept_valid.isHidden() and dialog.apply_button.isEnabled()
    finally:
        ws.close()
