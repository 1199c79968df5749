"""The chain's windows: carry with the counterpart table, 承接情况, a template filled from
its dialog, a revision accepted side by side; the 上下级 menu of the window."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl  # noqa: E402

from reports.importer import parse_text  # noqa: E402
from template_books import city_template  # noqa: E402
from test_carry import CITY, LOCAL  # noqa: E402
from test_plan_revision import CITY_REVISED  # noqa: E402
from ui.carry_view import SELF, CarryDialog, CarryStatusDialog  # noqa: E402
from ui.revision_dialog import RevisionDialog  # noqa: E402
from ui.template_dialog import TemplateDialog  # noqa: E402


def city_session(session):
    ws = session.ws
    plan = ws.insert_plan_tree(parse_text(CITY, "city.txt"))["plan"]
    for name in LOCAL:
        ws.add_department(name)
    return plan


def test_carry_dialog_confirms_counterparts_and_carries(qtbot, session):
    city = city_session(session)
    dialog = CarryDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.district.setText("历下区")
    dialog.refresh()
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    box = dialog.table.cellWidget(rows["市发展改革委"], 1)
    assert box.currentText() == "区发改局"            # proposed, uncertain
    assert dialog.table.cellWidget(rows["各区、县级市"], 1).currentData() == SELF
    dialog.confirm_counterparts()
    confirmed = {r["name"]: r for r in session.ws.counterparts()}
    assert confirmed["市市场监管局"] == {"name": "市市场监管局", "department": "区市场监管局",
                                    "is_self": False, "confirmed": True}
    assert confirmed["各区、县级市"]["is_self"] and "市财政局" not in confirmed
    with qtbot.waitSignal(dialog.carried):
        dialog.do_carry()
    assert "已承接 8 项任务" in dialog.outcome.text()
    table = {r["name"]: r for r in session.ws.counterparts()}
    assert table["市发展改革委"]["confirmed"] is True    # the clerk saw and kept it
    plan = session.ws.plans()[1]
    status = CarryStatusDialog(session, plan.uuid)
    qtbot.addWidget(status)
    assert status.lists["not_carried"].count() == 0
    lacking = status.lists["without_lead"]
    assert any("加强经费保障" in lacking.item(i).text() for i in range(lacking.count()))
    session.ws.undo()
    assert len(session.ws.plans()) == 1
    session.ws.undo()
    assert session.ws.counterparts() == []


def test_template_dialog_imports_previews_and_fills(qtbot, session, tmp_path):
    city = city_session(session)
    ws = session.ws
    ws.add_round(city.uuid, "第三季度")
    task = next(t for t in ws.tasks(city.uuid) if t.title == "加强品牌培育")
    ws.record_progress(task.uuid, "第三季度", "区商务局", status="done", text="完成评价")
    source = tmp_path / "city.xlsx"
    city_template(source, [("1.", "完善质量标准体系", "市市场监管局", ""),
                           ("2.", "加强品牌培育", "市商务局", "")])
    dialog = TemplateDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.import_file(str(source))
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    assert dialog.columns.rowCount() == 9 and dialog.rows.rowCount() == 2
    dialog.round.setCurrentText("第三季度")
    cells = dialog.show_preview()
    assert [(c.address, c.new) for c in cells] == [("F6", "完成评价")]
    assert dialog.cells.item(0, 2).text() == "完成评价"
    out = tmp_path / "filled.xlsx"
    dialog.fill(str(out))
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    assert dialog.message.text() == f"已填写 1 个单元格：{out}"
    assert openpyxl.load_workbook(out)["推进情况"]["F6"].value == "完成评价"
    dialog.confirm_rows()
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    assert [dialog.rows.item(r, 3).text() for r in range(2)] == ["文字相同", "文字相同"]
    dialog.set_field("I", "note")                        # the clerk maps 佐证材料
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    assert dialog.current["reading"]["columns"][8]["field"] == "note"


def test_revision_dialog_side_by_side_and_accept(qtbot, session, tmp_path):
    city = city_session(session)
    revised = tmp_path / "city-2.txt"
    revised.write_text(CITY_REVISED, encoding="utf-8")
    dialog = RevisionDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.load(str(revised))
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    kinds = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "完成时限调整" in kinds and "删除" in kinds
    row = kinds.index("完成时限调整")
    assert (dialog.table.item(row, 1).text(), dialog.table.item(row, 2).text()) == (
        "2025年底前", "2024年底前")
    for kind, box in dialog.kinds.items():
        box.setChecked(kind == "removed")
    with qtbot.waitSignal(dialog.changesAccepted) as accepted:
        dialog.accept_checked()
    assert accepted.args == [{"removed": 1}]
    assert "加强经费保障" not in {t.title for t in session.ws.tasks(city.uuid)}


def test_a_bad_template_file_is_one_line_in_the_dialog(qtbot, session, tmp_path):
    city = city_session(session)
    bad = tmp_path / "bad.xlsx"
    bad.write_text("不是工作簿", encoding="utf-8")
    dialog = TemplateDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.import_file(str(bad))
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    assert dialog.message.text().startswith("bad.xlsx") and dialog.chooser.count() == 0
    revision = RevisionDialog(session, city.uuid)
    qtbot.addWidget(revision)
    revision.load(str(tmp_path / "missing.txt"))
    qtbot.waitUntil(lambda: not revision.jobs, timeout=15000)
    assert "missing.txt" in revision.message.text() and revision.diff is None


def test_window_has_the_chain_menu(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "上下级(&C)" in titles and titles.index("上下级(&C)") == len(titles) - 2
    assert [a.text() for a in window.chain_actions][0] == "承接上级计划(&A)…"
