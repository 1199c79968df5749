"""What a clerk reaches for in the first week, through the real widgets: editing only on
F2, no empty task left behind, targets, reported progress in the tree, copy and paste,
催报, help, the language switched without a restart and the view kept across a restart."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from docx import Document  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit  # noqa: E402

from models import reminders  # noqa: E402
from ui import i18n, open_file, target_editor  # noqa: E402
from ui.main_window import PROGRESS, MainWindow  # noqa: E402
from ui.task_clipboard import MIME  # noqa: E402
from ui.tree_model import LEAD, STATUS, TITLE  # noqa: E402


@pytest.fixture(autouse=True)
def chinese(qapp):
    """What the clerk sees: the Chinese UI."""
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp, translators)


def by_title(ws, plan, title):
    return next(t for t in ws.tasks(plan) if t.title == title)


def click_cell(qtbot, tree, index):
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())


def test_a_click_on_the_selected_task_does_not_open_its_title(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    bd, ws, plan = window.breakdown, window.session.ws, window.current_plan
    task = by_title(ws, plan, "实施专利导航项目")
    bd.tree.expandAll()
    bd.select_uuid(task.uuid)
    idx = bd.view_index(bd.model.index_of_uuid(task.uuid, TITLE))
    click_cell(qtbot, bd.tree, idx)
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    click_cell(qtbot, bd.tree, idx)                        # the task is selected already
    qtbot.wait(50)
    assert bd.tree.state() != bd.tree.State.EditingState
    qtbot.keyClick(bd.tree, Qt.Key_F2)                     # F2 edits
    assert bd.tree.state() == bd.tree.State.EditingState
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    lead = idx.siblingAtColumn(LEAD)                       # departments: the detail panel's
    at = bd.tree.visualRect(lead).center()
    qtbot.mouseClick(bd.tree.viewport(), Qt.LeftButton, pos=at)   # a double-click: press first
    qtbot.mouseDClick(bd.tree.viewport(), Qt.LeftButton, pos=at)
    assert bd.tree.state() != bd.tree.State.EditingState


def test_enter_then_escape_leaves_no_empty_task(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    bd, ws, plan = window.breakdown, window.session.ws, window.current_plan
    before = len(ws.tasks(plan))
    bd.select_uuid(by_title(ws, plan, "保障措施").uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_Return)
    assert len(ws.tasks(plan)) == before + 1
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key_Escape)
    qtbot.waitUntil(lambda: len(ws.tasks(plan)) == before)
    assert all(t.title for t in ws.tasks(plan) if t.parent_id is None)
    assert bd.model.task_count() == before
    # A task that got a title stays.
    qtbot.keyClick(bd.tree, Qt.Key_Return)
    editor = QApplication.focusWidget()
    editor.insert("加强宣传")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: any(t.title == "加强宣传" for t in ws.tasks(plan)))
    assert len(ws.tasks(plan)) == before + 1


def test_targets_are_added_edited_and_removed_in_the_detail_panel(qtbot, window,
                                                                  workspace_file, monkeypatch):
    window.files.open(workspace_file)
    bd, ws, plan = window.breakdown, window.session.ws, window.current_plan
    task = by_title(ws, plan, "建设中国地理标志产业大厦")
    bd.select_uuid(task.uuid)
    answers = []

    def fake_exec(dialog):
        fill = answers.pop(0)
        fill(dialog)
        return QDialog.Accepted
    monkeypatch.setattr(target_editor.TargetDialog, "exec", fake_exec)

    def first(d):
        d.metric_edit.setText("入驻知识产权服务机构")
        d.qualifier.setText("达到")
        d.value.setText("20")
        d.unit.setText("家")
        d.year.setValue(2025)
    answers.append(first)
    editor = bd.detail.targets
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    assert ws.targets(task.uuid) == [{"metric": "入驻知识产权服务机构", "value": 20, "unit": "家",
                                      "qualifier": "达到", "year": 2025}]
    item = editor.list.topLevelItem(0)
    assert (item.text(0), item.text(1)) == ("入驻知识产权服务机构", "达到20家")

    answers.append(lambda d: d.value.setText("25.5"))
    editor.list.setCurrentItem(item)
    qtbot.mouseClick(editor.edit_button, Qt.LeftButton)
    assert ws.targets(task.uuid)[0]["value"] == 25.5
    assert editor.list.topLevelItem(0).text(1) == "达到25.5家"

    editor.list.setCurrentItem(editor.list.topLevelItem(0))
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key_Delete)
    assert ws.targets(task.uuid) == [] and editor.list.topLevelItemCount() == 0
    window.actions.undo.trigger()
    assert ws.targets(task.uuid)[0]["value"] == 25.5
    assert editor.list.topLevelItemCount() == 1


def test_reported_progress_shows_in_the_tree_and_the_panel(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    bd, ws, plan = window.breakdown, window.session.ws, window.current_plan
    task = by_title(ws, plan, "建设中国地理标志产业大厦")
    bd.select_uuid(task.uuid)
    idx = bd.model.index_of_uuid(task.uuid, STATUS)
    assert idx.data() == ""
    assert bd.detail.reported.text() == "尚无报送"
    rnd = ws.add_round(plan, "2025年第三季度")
    ws.record_progress(task.uuid, rnd.uuid, "区市场监管局", status="done", percent=100)
    assert idx.data() == "已完成"
    assert bd.detail.reported.text() == "报送：已完成 100%（2025年第三季度，区市场监管局）"
    other = by_title(ws, plan, "实施专利导航项目")
    ws.record_progress(other.uuid, rnd.uuid, "区科技局", status="in_progress", percent=40)
    assert bd.model.index_of_uuid(other.uuid, STATUS).data() == "推进中 40%"


def test_copy_paste_and_duplicate_a_subtree(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    bd, ws, plan = window.breakdown, window.session.ws, window.current_plan
    task = by_title(ws, plan, "实施专利导航项目")        # with two subtasks
    bd.tree.expandAll()
    bd.select_uuid(task.uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_C, Qt.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME)
    assert mime.text().splitlines() == ["（二）实施专利导航项目", "  1.开展企业专利培训",
                                        "  2.建设专利导航服务基地"]
    bd.select_uuid(by_title(ws, plan, "保障措施").uuid)
    bd.tree.setFocus()
    qtbot.keyClick(bd.tree, Qt.Key_V, Qt.ControlModifier)
    tops = ws.children(plan)
    assert [t.title for t in tops][-1] == "实施专利导航项目"
    pasted = tops[-1]
    assert [c.title for c in ws.children(plan, pasted.uuid)] == ["开展企业专利培训",
                                                                 "建设专利导航服务基地"]
    assert ws.roles(pasted.uuid)["lead"] == ["区科技局"]
    assert bd.current_node().uuid == pasted.uuid
    assert bd.model.node_by_uuid(pasted.uuid).number == "四、"
    qtbot.keyClick(bd.tree, Qt.Key_D, Qt.ControlModifier)   # duplicate right after
    assert [t.title for t in ws.children(plan)][-2:] == ["实施专利导航项目"] * 2
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert [t.title for t in ws.children(plan)][-1] == "保障措施"
    QApplication.clipboard().clear()


def test_a_round_with_a_due_date_and_a_reminder_notice(qtbot, window, workspace_file,
                                                        tmp_path, monkeypatch):
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    window.tabs.setCurrentIndex(PROGRESS)
    qtbot.waitUntil(lambda: window.progress.dashboard is not None)
    dash = window.progress.dashboard
    dash.today = dt.date(2025, 10, 20)
    dash.refresh()
    assert dash.no_round.isVisible()
    assert not dash.canvases                                 # no lights without a round
    bar = dash.rounds
    bar.create_round("2025年第三季度", "2025-07-01", "2025-09-30", due="2025-10-15")
    qtbot.waitUntil(lambda: bar.current_name() == "2025年第三季度")
    assert ws.round(plan, "2025年第三季度").due_date == "2025-10-15"
    assert bar.due_button.text() == "截止 2025-10-15"
    assert bar.pending_button.text() == "未报送：2"
    dialog = bar.pending_dialog()
    rows = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert sorted(rows) == ["区市场监管局", "区科技局"]
    assert dialog.list.topLevelItem(0).text(2) == "5"
    shown = []
    monkeypatch.setattr(open_file, "offer_to_open", lambda parent, path, text: shown.append(path))
    dialog.write(tmp_path / "催报.docx")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    out = dialog.written
    assert shown == [out] and out == tmp_path / "催报.docx"
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "应于2025年10月15日前报送" in body and "已逾期5天" in body
    assert {p.department: p.tasks for p in reminders.pending_departments(
        ws, plan, "2025年第三季度")} == {"区市场监管局": 1, "区科技局": 1}


def test_open_file_box_opens_the_file_or_its_folder(qapp, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(open_file, "open_url", lambda url: opened.append(url.toLocalFile()))
    path = tmp_path / "通知.docx"
    path.write_bytes(b"x")
    box = open_file.open_box(None, path, "已生成。")
    box.findChild(type(box.defaultButton()), "open_the_file").click()
    box = open_file.open_box(None, path, "已生成。")
    box.findChild(type(box.defaultButton()), "open_its_folder").click()
    assert opened == [str(path), str(tmp_path)]


def test_about_shows_the_version_and_no_module_names(qapp):
    from ui.help import about_box, app_version
    box = about_box(None)
    assert app_version() in box.text() and app_version()[0].isdigit()
    assert "_" not in box.text() + box.informativeText()
    # The optional parts found, each with what it gives the clerk.
    assert "LibreOffice" in box.informativeText() and "OCR" in box.informativeText()


def test_manual_and_shortcuts(qtbot, window):
    from ui.help import ManualDialog, ShortcutsDialog
    manual = ManualDialog("zh_CN", window)
    assert "导入预览" in manual.browser.toPlainText()
    keys = ShortcutsDialog(window.actions, window)
    rows = {keys.table.item(i, 0).text(): keys.table.item(i, 1).text()
            for i in range(keys.table.rowCount())}
    assert rows["编辑标题"] == "F2" and rows["复制任务"] == "Ctrl+C"
    assert window.actions.manual.shortcut().toString() == "F1"


def test_language_changes_without_a_restart(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    ws = window.session.ws
    window.tabs.setCurrentIndex(1)
    new = window._set_language("en")
    qtbot.addWidget(new)
    try:
        assert new is not window and new.session.ws is ws
        assert new.tabs.tabText(0) == "Breakdown"
        assert new.tabs.currentIndex() == 1
        assert new.menuBar().actions()[0].text() == "&File"
        ws.tasks(new.current_plan)          # still open and usable
    finally:
        back = new._set_language("zh_CN")
        qtbot.addWidget(back)
        assert back.tabs.tabText(0) == "任务分解"
        back.close()


def test_plan_tab_and_open_branches_are_kept_across_a_restart(qtbot, settings, workspace_file):
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.files.open(workspace_file)
    ws, plan = w.session.ws, w.current_plan
    w.breakdown.tree.collapseAll()
    branch = by_title(ws, plan, "实施专利导航项目").uuid
    section = by_title(ws, plan, "重点任务").uuid
    bd = w.breakdown
    bd.tree.expand(bd.view_index(bd.model.index_of_uuid(section)))
    bd.tree.expand(bd.view_index(bd.model.index_of_uuid(branch)))
    w.tabs.setCurrentIndex(2)
    w.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.files.open(workspace_file)
    assert again.current_plan == plan and again.tabs.currentIndex() == 2
    assert set(again.breakdown.expanded_uuids()) == {section, branch}
    again.close()


def test_main_opens_a_workspace_given_on_the_command_line(monkeypatch, workspace_file):
    import main
    import ui.app
    seen = {}
    monkeypatch.setattr(ui.app, "run_gui", lambda **kw: seen.update(kw) or 0)
    assert main.main([str(workspace_file)]) == 0
    assert seen["workspace"] == str(workspace_file) and not seen["demo"]


def _dark_pixels(image, box=None) -> int:
    """Pixels darker than mid-grey in ``image`` (a QImage), within ``box`` (x, y, w, h)."""
    x0, y0, w, h = box or (0, 0, image.width(), image.height())
    return sum(1 for x in range(x0, x0 + w, 2) for y in range(y0, y0 + h, 2)
               if image.pixelColor(x, y).lightness() < 128)


def test_print_preview_shows_the_pdf_pages_in_the_window(qtbot, tmp_path, monkeypatch):
    import pypdfium2
    from ui import pdf_preview
    from ui.matrix_print import matrix_printer
    from PySide6.QtGui import QFont, QPainter
    from PySide6.QtPrintSupport import QPrinter
    pdf = tmp_path / "通知.pdf"
    printer = matrix_printer(str(pdf))
    painter = QPainter(printer)
    painter.setFont(QFont(painter.font().family(), 40))
    painter.drawText(100, 400, "第一页")                    # top left on page 1
    printer.newPage()
    painter.drawText(printer.width() - 2000, printer.height() - 400, "第二页")   # bottom right
    painter.end()
    images = pdf_preview.page_images(pdf)
    assert images is not None and len(images) == 2
    assert images[0].width() > images[0].height()           # landscape, as printed
    dialog = pdf_preview.PdfPreview(pdf, images, "打印预览")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(dialog.page_labels) == 2 and dialog.info.text() == "共 2 页 — 通知.pdf"
    first, second = (label.pixmap().toImage() for label in dialog.page_labels)
    w, h = first.width(), first.height()
    # Each page shows its own text where it was printed, and nothing where it was not.
    assert _dark_pixels(first, (0, 0, w // 2, h // 2)) > 20
    assert _dark_pixels(first, (w // 2, h // 2, w // 2, h // 2)) == 0
    assert _dark_pixels(second, (w // 2, h // 2, w // 2, h // 2)) > 20
    assert _dark_pixels(second, (0, 0, w // 2, h // 2)) == 0
    assert dialog.page_labels[0].isVisible()
    opened = []
    monkeypatch.setattr(open_file, "open_url", lambda url: opened.append(url.toLocalFile()))
    dialog.folder_button.click()
    assert opened == [str(tmp_path)]
    # Print: each page image on its own sheet.
    out = tmp_path / "打印.pdf"
    sheet = QPrinter(QPrinter.HighResolution)
    sheet.setOutputFormat(QPrinter.PdfFormat)
    sheet.setOutputFileName(str(out))
    pdf_preview.print_images(sheet, pdf_preview.page_images(pdf, pdf_preview.PRINT_DPI))
    assert len(pypdfium2.PdfDocument(str(out))) == 2


def test_a_file_that_is_no_pdf_is_left_to_the_system_viewer(qtbot, tmp_path):
    from ui import pdf_preview
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.7\n not a pdf")
    assert pdf_preview.page_images(broken) is None
    assert pdf_preview.show_pdf(None, broken, "打印预览") is False


def test_after_an_export_the_file_can_be_opened(qtbot, window, workspace_file, modal):
    from ui.print_check import Rendered, show_rendered
    path = workspace_file.parent / "分工表.xlsx"
    show_rendered(window, "导出", Rendered([path]))
    assert ("offer_open", path) in modal.calls
    assert str(path) in window.statusBar().currentMessage()


def test_the_demo_folder_goes_when_the_demo_closes(qtbot, window):
    assert window.files.open_demo()
    folder = window.session.ws.path.parent
    assert folder.exists() and folder.name.startswith("plandesk-demo-")
    window.session.close()
    assert not folder.exists()
