"""The plan's preamble (前言) edited in its dialog: typed, stored, printed in the notice,
and one Ctrl+Z brings the old one back — through the window's menu and keys."""
from __future__ import annotations

import os
import re
import zipfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog,  # noqa: E402
                               QPlainTextEdit)

from ui import features, i18n  # noqa: E402
from ui.notice_dialog import NoticeDialog, default_notice  # noqa: E402
from ui.preamble_dialog import PreambleDialog  # noqa: E402

RESIDUE = "【优化营商环境】为加快知识产权强区建设，制定本方案。淮知联发〔20215"
CLEAN = ["为加快知识产权强区建设，结合我区实际，制定本方案。", "本方案自印发之日起施行。"]


@pytest.fixture(autouse=True)
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp, translators)


def paragraphs(docx_path) -> list[str]:
    """The text of each paragraph of the document's XML, as Word joins its runs."""
    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode("utf-8")
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
            for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)]


def type_chinese(widget, text: str) -> None:
    """What a Chinese input method does: commit the composed text to the focused editor."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_dialog():
    """The preamble dialog the window has open (exec() is running)."""
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, PreambleDialog) and w.isVisible())


def store_notice_details(ws, plan) -> None:
    """The 发文信息 filled in once, so exporting the notice saves nothing new (no undo step)."""
    form = NoticeDialog(None, default_notice(ws, plan))
    for key, text in (("issuer_mark", "济南市槐荫区人民政府"), ("doc_number", "济槐政字〔2022〕16号"),
                      ("addressees", "各街道办事处，区政府各部门："), ("signer", "济南市槐荫区人民政府"),
                      ("printer", "济南市槐荫区人民政府办公室")):
        form.fields[key].setText(text)
    ws.save_notice(plan, form.notice())
    form.deleteLater()


def export_notice(qtbot, window, monkeypatch, out, modal):
    monkeypatch.setattr(NoticeDialog, "exec", lambda self: QDialog.Accepted)   # Save as shown
    monkeypatch.setitem(features._cache, "check_docx", lambda path: [])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_notice.trigger()
    qtbot.waitUntil(lambda: not window.reports.jobs and not window.jobs.jobs, timeout=20000)
    assert out.exists(), modal.calls
    return paragraphs(out)


def test_the_preamble_is_edited_stored_printed_and_undone(qtbot, window, workspace_file,
                                                          monkeypatch, tmp_path, modal):
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    ws.update_plan(plan, preamble=RESIDUE)
    store_notice_details(ws, plan)
    seen = {}

    def clerk_edits():
        dialog = shown_dialog()
        edit = dialog.findChild(QPlainTextEdit, "preamble_text")
        seen["before"] = edit.toPlainText()
        seen["title"] = dialog.windowTitle()
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)     # select all, type over it
        type_chinese(edit, CLEAN[0])
        qtbot.keyClick(edit, Qt.Key_Return)
        type_chinese(edit, CLEAN[1])
        qtbot.keyClicks(edit, "   ")                            # trailing blanks go
        qtbot.keyClick(edit, Qt.Key_Return)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        qtbot.mouseClick(ok, Qt.LeftButton)
    QTimer.singleShot(0, clerk_edits)
    window.actions.edit_preamble.trigger()                     # 发文 › 编辑前言…

    assert seen == {"before": RESIDUE, "title": "计划前言"}
    assert ws.plan(plan).preamble == "\n".join(CLEAN)
    assert window.actions.undo.text() == "撤销 修改计划前言"
    printed = export_notice(qtbot, window, monkeypatch, tmp_path / "通知.docx", modal)
    # Each line a paragraph of 附件1 under its title, before the first task; no residue.
    first = printed.index(CLEAN[0])
    assert printed[first - 2:first] == ["槐荫区知识产权强区建设工作方案", ""]
    assert printed[first + 1] == CLEAN[1]
    assert printed[first + 2] == "一、总体要求"                  # then the first task
    assert not any("淮知联发" in p or "【" in p for p in printed)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.breakdown.tree.setFocus()
    assert window.actions.undo.text() == "撤销 修改计划前言"   # exporting stored nothing
    qtbot.keyClick(window.breakdown.tree, Qt.Key_Z, Qt.ControlModifier)
    assert ws.plan(plan).preamble == RESIDUE
    again = export_notice(qtbot, window, monkeypatch, tmp_path / "通知-撤销后.docx", modal)
    assert RESIDUE in again and CLEAN[0] not in again


def test_cancel_or_no_change_stores_nothing(qtbot, window, workspace_file):
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    undo = window.actions.undo.text()
    for button in (QDialogButtonBox.Cancel, QDialogButtonBox.Ok):
        def answer(button=button):
            dialog = shown_dialog()
            if button == QDialogButtonBox.Cancel:
                dialog.findChild(QPlainTextEdit).setPlainText("不保存的文字")
            dialog.findChild(QDialogButtonBox).button(button).click()
        QTimer.singleShot(0, answer)
        window.actions.edit_preamble.trigger()
        assert ws.plan(plan).preamble == "" and window.actions.undo.text() == undo
