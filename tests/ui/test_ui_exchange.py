"""Exchange workbooks and notice details through the window: export, check a return on the
worker, review it, apply it; the notice form."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: E402

from ui import exchange_jobs, features  # noqa: E402
from ui.notice_dialog import NoticeDialog, default_notice, edit_notice  # noqa: E402
from reports.xlsx.exchange_layout import CURRENT as LAYOUT  # noqa: E402

needs_xlsx = pytest.mark.skipif(not features.available("exchange_export"),
                                reason="reports.xlsx not installed")


def settled(qtbot, window, timeout=15000):
    """Every op and query of the exchange commands has finished."""
    qtbot.waitUntil(lambda: not window.exchange_jobs.jobs, timeout=timeout)


@needs_xlsx
def test_export_and_import_a_return(qtbot, window, workspace_file, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    out = tmp_path / "全部任务.xlsx"
    monkeypatch.setattr(exchange_jobs.ExportDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_exchange.trigger()          # an op on the database thread
    settled(qtbot, window)
    assert out.exists()
    assert [e["direction"] for e in ws.exchanges(plan)] == ["out"]
    assert window.exchanges.model.rowCount() == 1

    # the department fills in one row and sends the workbook back
    wb = load_workbook(out)
    sheet = wb["分工及进展"]
    row = next(r for r in range(1, sheet.max_row + 1)
               if sheet.cell(r, 2).value and "实施专利导航项目" in str(sheet.cell(r, 2).value))
    sheet.cell(row, LAYOUT.index["progress"]).value = "已确定导航方向"
    sheet.cell(row, LAYOUT.index["status"]).value = "推进中"
    back = tmp_path / "报回.xlsx"
    wb.save(back)

    reviewed = []

    def accept(dialog):
        reviewed.append(dialog.apply_button.isEnabled())
        return QDialog.Accepted
    monkeypatch.setattr(exchange_jobs.ReturnDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(back)], ""))
    window.actions.import_returns.trigger()           # checked on the worker
    qtbot.waitUntil(lambda: bool(reviewed), timeout=15000)
    settled(qtbot, window)
    assert reviewed == [True]
    task = next(t for t in ws.tasks(plan) if t.title == "实施专利导航项目")
    progress = ws.progress(task.uuid)
    assert progress and progress[-1]["status"] == "in_progress"
    assert [e["direction"] for e in ws.exchanges(plan)] == ["out", "in"]


def test_notice_form_defaults_and_validation(qapp, sample):
    session, plan_uuid = sample
    ws = session.ws
    ws.update_plan(plan_uuid, issuer="济南市槐荫区人民政府", doc_number="济槐政字〔2022〕16号",
                   head={"addressees": "各街道办事处，区政府各部门：", "date_text": "2022年11月22日"})
    notice = default_notice(ws, plan_uuid)
    title = ws.plan(plan_uuid).title
    assert notice["title"] == f"关于印发《{title}》的通知"
    assert notice["date"] == "2022-11-22"
    assert notice["addressees"] == "各街道办事处，区政府各部门："
    d = NoticeDialog(None, notice)
    data = d.notice()
    assert data["doc_number"] == "济槐政字〔2022〕16号"
    assert data["attachments"] == [title, f"{title}重点任务分工表"]
    if features.available("notice_docx"):
        assert d.problems.text() == ""                 # a complete notice: nothing to fix
        # The warnings' place is kept even when empty, so the fields above never move.
        height = d.problems_area.height()
        d.fields["doc_number"].setText("济槐政字[2022]16号")
        assert "〔" in d.problems.text() or "发文字号" in d.problems.text()
        assert d.problems_area.height() == height



def test_saving_an_untouched_notice_form_adds_no_step(qapp, sample, monkeypatch):
    """The 印发机关 emptied and saved shows the issuer's office again next time; saving
    that form unchanged stores nothing and adds no undo step."""
    session, plan_uuid = sample
    ws = session.ws
    ws.update_plan(plan_uuid, issuer="济南市槐荫区人民政府")
    first = default_notice(ws, plan_uuid)
    ws.save_notice(plan_uuid, {**first, "printer": ""})
    monkeypatch.setattr(NoticeDialog, "exec", lambda self: QDialog.Accepted)
    steps = ws.undo_count()
    data = edit_notice(None, session, plan_uuid)
    assert data["printer"] == "济南市槐荫区人民政府办公室"
    assert ws.undo_count() == steps and ws.notice(plan_uuid)["printer"] == ""
    # A change the clerk makes is still saved, as one step.
    monkeypatch.setattr(NoticeDialog, "exec", lambda self: (
        self.fields["signer"].setText("济南市槐荫区人民政府办公室"), QDialog.Accepted)[1])
    edit_notice(None, session, plan_uuid)
    assert ws.undo_count() == steps + 1
    assert ws.notice(plan_uuid)["signer"] == "济南市槐荫区人民政府办公室"

@needs_xlsx
def test_export_a_workbook_for_every_department(qtbot, window, workspace_file, tmp_path,
                                                monkeypatch):
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan

    def every_department(dialog):
        dialog.department.setCurrentIndex(dialog.department.findData(exchange_jobs.EVERY_DEPARTMENT))
        return QDialog.Accepted
    monkeypatch.setattr(exchange_jobs.ExportDialog, "exec", every_department)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    window.actions.export_exchange.trigger()
    settled(qtbot, window)
    from reports.xlsx import plan_departments
    departments = plan_departments(ws, plan)
    written = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert len(written) == len(departments) > 1
    assert all(any(d in name for name in written) for d in departments)
    assert ws.undo_label().startswith("发出工作簿给")      # one undo step for the batch


@needs_xlsx
@pytest.mark.parametrize("column, typed", [("status", "基本完成"), ("percent", "过半")])
def test_a_return_the_clerk_cannot_import_is_recorded_as_refused(qtbot, window, workspace_file,
                                                                 tmp_path, monkeypatch,
                                                                 column, typed):
    """As the CLI and the 汇总 do: the 交换 list shows the department did report, with errors."""
    from openpyxl import load_workbook
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    out = tmp_path / "全部任务.xlsx"
    monkeypatch.setattr(exchange_jobs.ExportDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_exchange.trigger()
    settled(qtbot, window)

    wb = load_workbook(out)
    sheet = wb["分工及进展"]
    row = next(r for r in range(1, sheet.max_row + 1)
               if sheet.cell(r, 2).value and "实施专利导航项目" in str(sheet.cell(r, 2).value))
    sheet.cell(row, LAYOUT.index[column]).value = typed
    back = tmp_path / "报回.xlsx"
    wb.save(back)

    shown = []

    def close_it(dialog):           # the import button is greyed out: the clerk closes
        shown.append(dialog.apply_button.isEnabled())
        return QDialog.Rejected
    monkeypatch.setattr(exchange_jobs.ReturnDialog, "exec", close_it)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(back)], ""))
    for _ in range(2):              # the same file twice: listed once
        shown.clear()
        window.actions.import_returns.trigger()
        qtbot.waitUntil(lambda: bool(shown), timeout=15000)
        settled(qtbot, window)
        assert shown == [False]
    records = ws.exchanges(plan)
    assert [e["direction"] for e in records] == ["out", "in"]
    refused = records[-1]["summary"]
    assert refused["refused"] and refused["error_count"] == 1
    assert refused["errors"][0]["address"] == f"分工及进展!{LAYOUT.letter(column)}{row}"
    assert records[-1]["file_name"] == "报回.xlsx" and records[-1]["round"] == records[0]["round"]
    model = window.exchanges.model
    assert model.rowCount() == 2
    assert model.summary_text(model.rows[0]) == model.tr("refused: %n error(s)", "", 1)
    task = next(t for t in ws.tasks(plan) if t.title == "实施专利导航项目")
    assert ws.progress(task.uuid) == []      # nothing of it was applied
