"""A clerk's first week in the window, as one scripted scenario through the real widgets:
import through the preview with two corrections, a target added, a round with a due date,
two returned workbooks (one with a bad cell, accepted in part), the reminder notice to the
department that did not report, and a restart that keeps where the clerk was."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from docx import Document  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: E402

from models.workspace import Workspace  # noqa: E402
from ui import exchange_jobs, features, i18n, open_file, target_editor  # noqa: E402
from ui.main_window import BREAKDOWN, PROGRESS, MainWindow  # noqa: E402
from ui.tree_model import STATUS  # noqa: E402

PLAN = """槐荫区2025年优化营商环境工作方案

为进一步优化营商环境，制定本方案。

一、重点任务
1.推进政务服务“一网通办”。（区行政审批服务局牵头，区大数据局配合）
2.开展涉企收费清理。（国资委财政市场监管局按职能分工负责）
3.建设企业服务中心，入驻服务机构达到20家。（区发展改革局牵头）
二、保障措施
4.加强督导考核。（区政府办公室牵头，区发展改革局配合）
——姓名：
联系方式：
"""

pytestmark = pytest.mark.skipif(not features.available("exchange_export"),
                                reason="reports.xlsx not installed")


@pytest.fixture(autouse=True)
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp, translators)


def settled(qtbot, window, timeout=20000):
    qtbot.waitUntil(lambda: not window.exchange_jobs.jobs and not window.jobs.jobs,
                    timeout=timeout)


def by_title(ws, plan, title):
    return next(t for t in ws.tasks(plan) if t.title == title)


def fill_return(path, rows: dict[str, tuple[str, str, str]], out):
    """The department's answers: {task title: (进展情况, 完成状态, 完成百分比)}."""
    from reports.xlsx.exchange_layout import CURRENT as LAYOUT
    wb = load_workbook(path)
    sheet = wb["分工及进展"]
    for r in range(1, sheet.max_row + 1):
        title = str(sheet.cell(r, 2).value or "")
        for wanted, (text, status, percent) in rows.items():
            if wanted in title:
                sheet.cell(r, LAYOUT.index["progress"]).value = text
                sheet.cell(r, LAYOUT.index["status"]).value = status
                sheet.cell(r, LAYOUT.index["percent"]).value = percent
    wb.save(out)


def test_first_week(qtbot, settings, tmp_path, monkeypatch, modal):
    ws_path = tmp_path / "营商环境.plandesk"
    Workspace.create(ws_path).close()
    source = tmp_path / "营商环境方案.txt"
    source.write_text(PLAN, encoding="utf-8")

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.files.open(ws_path)
    assert window.stack.currentWidget() is window.empty          # no plan yet

    # ---- Monday: import through the preview, with two corrections -------------------
    seen = {}

    def preview(dialog):
        seen["summary"] = dialog.summary.text()
        seen["warnings"] = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
        for junk in ("姓名：", "联系方式："):
            dialog.set_checked(junk, False)                     # 1: the form's lines out
        dialog.select_department("国资委财政市场监管局")
        dialog.apply_department("国资委财政市场监管局",            # 2: three units
                                ["区国资委", "区财政局", "区市场监管局"])
        seen["after"] = dialog.summary.text()
        return True
    modal.preview = preview
    window.jobs.import_files([source])
    qtbot.waitUntil(lambda: bool(window.session.ws.plans()) and not window.jobs.jobs, timeout=20000)
    ws = window.session.ws
    plan = window.current_plan
    assert "共" not in seen["summary"] or "将导入" in seen["summary"]
    assert any("国资委财政市场监管局" in w and w.startswith("第 7 行") for w in seen["warnings"])
    assert window.stack.currentWidget() is window.splitter
    titles = [t.title for t in ws.tasks(plan)]
    assert not any("姓名" in t or "联系方式" in t for t in titles)
    fee = by_title(ws, plan, "开展涉企收费清理")
    assert ws.roles(fee.uuid)["responsible"] == ["区国资委", "区财政局", "区市场监管局"]
    bd = window.breakdown
    bd.tree.expandAll()
    assert bd.model.node_by_uuid(fee.uuid).number in ("2.", "（二）")

    # ---- Tuesday: a target in the detail panel ----------------------------------------
    centre = by_title(ws, plan, "建设企业服务中心，入驻服务机构达到20家")
    bd.select_uuid(centre.uuid)

    def fill(dialog):
        dialog.metric_edit.setText("企业服务中心入驻服务机构")
        dialog.qualifier.setText("达到")
        dialog.value.setText("20")
        dialog.unit.setText("家")
        return QDialog.Accepted
    monkeypatch.setattr(target_editor.TargetDialog, "exec", fill)
    before = bd.detail.targets.list.topLevelItemCount()
    qtbot.mouseClick(bd.detail.targets.add_button, Qt.LeftButton)
    items = [bd.detail.targets.list.topLevelItem(i) for i in range(before + 1)]
    assert any(i.text(0) == "企业服务中心入驻服务机构" and i.text(1) == "达到20家" for i in items)

    # ---- Wednesday: a round with its due date; workbooks out --------------------------
    window.tabs.setCurrentIndex(PROGRESS)
    qtbot.waitUntil(lambda: window.progress.dashboard is not None, timeout=20000)
    dash = window.progress.dashboard
    dash.today = dt.date(2025, 10, 20)
    dash.refresh()
    assert dash.no_round.isVisible()                            # not all green without a round
    dash.rounds.create_round("2025年第三季度", "2025-07-01", "2025-09-30", due="2025-10-15")
    qtbot.waitUntil(lambda: dash.rounds.current_name() == "2025年第三季度")
    assert dash.rounds.due_button.text() == "截止 2025-10-15"
    pending_before = dash.rounds.pending_button.text()

    out = {}
    for dep in ("区行政审批服务局", "区发展改革局"):
        path = tmp_path / f"{dep}.xlsx"

        def choose(dialog, dep=dep):
            dialog.round.setCurrentText("2025年第三季度")
            dialog.department.setCurrentIndex(dialog.department.findData(dep))
            return QDialog.Accepted
        monkeypatch.setattr(exchange_jobs.ExportDialog, "exec", choose)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, p=path, **k: (str(p), ""))
        window.actions.export_exchange.trigger()
        settled(qtbot, window)
        assert path.exists()
        out[dep] = path

    # ---- Thursday: two returns, one with a bad cell accepted in part ------------------
    good = tmp_path / "审批局报回.xlsx"
    fill_return(out["区行政审批服务局"], {"推进政务服务": ("已上线", "已完成", 100)}, good)
    bad = tmp_path / "发改局报回.xlsx"
    fill_return(out["区发展改革局"],
                {"建设企业服务中心": ("主体完工", "推进中", 60)}, bad)
    from reports.xlsx.exchange_layout import CURRENT as LAYOUT
    wb = load_workbook(bad)
    sheet = wb["分工及进展"]
    # Its second row gets a status that is not on the list: a bad cell.
    other = next(r for r in range(1, sheet.max_row + 1)
                 if "加强督导考核" in str(sheet.cell(r, 2).value or ""))
    sheet.cell(other, LAYOUT.index["status"]).value = "差不多了"
    wb.save(bad)

    answers = []

    def review(dialog):
        answers.append((dialog.apply_button.isEnabled(), dialog.accept_valid.isVisibleTo(dialog)))
        if dialog.accept_valid.isVisibleTo(dialog):
            dialog.accept_valid.setChecked(True)
        return QDialog.Accepted if dialog.apply_button.isEnabled() else QDialog.Rejected
    monkeypatch.setattr(exchange_jobs.ReturnDialog, "exec", review)
    for k, path in enumerate((good, bad)):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, p=path, **kw: ([str(p)], ""))
        window.actions.import_returns.trigger()
        qtbot.waitUntil(lambda k=k: len(answers) > k, timeout=20000)
        settled(qtbot, window)
    assert answers[0] == (True, False)                          # the clean one goes in
    assert answers[1] == (False, True)                          # blocked, unless in part
    supervise = by_title(ws, plan, "加强督导考核")
    assert ws.progress(supervise.uuid) == []                    # the bad cell stayed out
    window.tabs.setCurrentIndex(BREAKDOWN)
    e_gov = by_title(ws, plan, "推进政务服务“一网通办”")
    assert bd.model.index_of_uuid(e_gov.uuid, STATUS).data() == "已完成"
    assert bd.model.index_of_uuid(centre.uuid, STATUS).data() == "推进中 60%"
    bd.select_uuid(e_gov.uuid)
    assert bd.detail.reported.text().startswith("报送：已完成 100%")

    # ---- Friday: 催报 to whoever has not reported -------------------------------------
    window.tabs.setCurrentIndex(PROGRESS)
    dash.refresh()
    assert dash.rounds.pending_button.text() != pending_before
    dialog = dash.rounds.pending_dialog()
    missing = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert "区行政审批服务局" not in missing and "区发展改革局" not in missing
    assert "区政府办公室" in missing
    monkeypatch.setattr(open_file, "offer_to_open", lambda *a: None)
    dialog.write(tmp_path / "催报通知.docx")
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    notice = dialog.written
    body = "\n".join(p.text for p in Document(str(notice)).paragraphs)
    assert "区政府办公室" in body and "应于2025年10月15日前报送" in body and "已逾期5天" in body

    # ---- Monday again: the window comes back where it was ----------------------------
    window.tabs.setCurrentIndex(BREAKDOWN)
    bd.tree.collapseAll()
    section = ws.tasks(plan)[0]
    bd.tree.expand(bd.view_index(bd.model.index_of_uuid(section.uuid)))
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.files.open(ws_path)
    assert again.current_plan == plan and again.tabs.currentIndex() == BREAKDOWN
    assert again.breakdown.expanded_uuids() == [section.uuid]
    ws2 = again.session.ws
    assert again.breakdown.model.index_of_uuid(e_gov.uuid, STATUS).data() == "已完成"
    assert ws2.round(plan, "2025年第三季度").due_date == "2025-10-15"
    assert any(t["metric"] == "企业服务中心入驻服务机构" for t in ws2.targets(centre.uuid))
    again.close()
