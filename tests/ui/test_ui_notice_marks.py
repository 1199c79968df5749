"""The 发文信息 form's header marks — 份号, 密级和保密期限, 紧急程度 — and the 签发人 of a
上行文, as the CLI's ``render notice`` has them: typed in the window's form, checked as the
clerk types, saved, and printed in the notice (read back from its XML)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import (QApplication, QDialogButtonBox, QFileDialog, QLabel,  # noqa: E402
                               QLineEdit)

from test_ui_preamble import paragraphs, store_notice_details, type_chinese  # noqa: E402
from ui import features, i18n  # noqa: E402
from ui.notice_dialog import NoticeDialog, default_notice  # noqa: E402


@pytest.fixture(autouse=True)
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp, translators)


def shown_form():
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, NoticeDialog) and w.isVisible())


def problems(form) -> str:
    return form.findChild(QLabel, "notice_problems").text()


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        type_chinese(edit, text)           # as a Chinese input method commits it


def test_marks_and_signers_are_checked_saved_and_printed(qtbot, window, workspace_file,
                                                         monkeypatch, tmp_path, modal):
    window.files.open(workspace_file)
    ws, plan = window.session.ws, window.current_plan
    store_notice_details(ws, plan)
    seen = {}

    def clerk_fills():
        form = shown_form()
        try:
            seen["labels"] = [form.layout().itemAt(0).widget().widget().layout().labelForField(w)
                              .text() for w in (form.copy_number, form.secrecy.parentWidget(),
                                                form.urgency, form.signers)]
            seen["urgency_items"] = [form.urgency.itemText(i) for i in range(form.urgency.count())]
            retype(qtbot, form.copy_number, "12a")
            seen["bad_copy"] = problems(form)
            retype(qtbot, form.copy_number, "123")
            retype(qtbot, form.secrecy_term, "3周")             # a term needs its level
            seen["bad_secrecy"] = problems(form)
            form.secrecy.setFocus()
            qtbot.keyClick(form.secrecy, Qt.Key_Down)
            qtbot.keyClick(form.secrecy, Qt.Key_Down)            # （无） → 秘密 → 机密
            seen["bad_term"] = problems(form)
            retype(qtbot, form.secrecy_term, "1年")
            form.urgency.setFocus()
            qtbot.keyClick(form.urgency, Qt.Key_Down)
            qtbot.keyClick(form.urgency, Qt.Key_Down)           # （无） → 加急 → 特急
            form.upward.setChecked(True)
            seen["no_signers"] = problems(form)
            retype(qtbot, form.signers, "张三，李四，王五")
            seen["after"] = problems(form)
            seen["upward"] = form.upward.isChecked()
        finally:
            form.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    QTimer.singleShot(0, clerk_fills)
    monkeypatch.setitem(features._cache, "check_docx", lambda path: [])
    out = tmp_path / "上行文.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_notice.trigger()
    qtbot.waitUntil(lambda: not window.jobs.jobs, timeout=20000)
    assert seen["labels"] == ["份号", "密级和保密期限", "紧急程度", "签发人"]
    assert seen["urgency_items"] == ["（无）", "加急", "特急"]
    assert "份号“12a”应为不超过 6 位的阿拉伯数字" in seen["bad_copy"]
    assert "密级和保密期限“3周”" in seen["bad_secrecy"] and "份号" not in seen["bad_secrecy"]
    assert "密级和保密期限“机密★3周”" in seen["bad_term"]
    assert "上行文须标注签发人" in seen["no_signers"]
    assert seen["after"] == "" and seen["upward"]
    assert not modal.texts("failure"), modal.calls

    stored = ws.notice(plan)
    assert {k: stored[k] for k in ("copy_number", "secrecy", "urgency", "signers", "direction")} \
        == {"copy_number": "123", "secrecy": "机密★1年", "urgency": "特急",
            "signers": "张三，李四，王五", "direction": "up"}
    printed = [p for p in paragraphs(out) if p.strip()]
    assert printed[:3] == ["000123", "机密★1年", "特急"]          # top left, in this order
    assert "签发人：张三\u3000李四" in printed
    number = next(p for p in printed if "济槐政字" in p)
    assert number.startswith("济槐政字〔2022〕16号") and number.endswith("王五")

    # Opened again, the form shows what was saved; cleared, the notice is a 下行文 again.
    form = NoticeDialog(window, default_notice(ws, plan))
    qtbot.addWidget(form)
    assert (form.copy_number.text(), form.secrecy.currentText(), form.secrecy_term.text(),
            form.urgency.currentText(), form.signers.text(), form.upward.isChecked()) == (
        "123", "机密", "1年", "特急", "张三，李四，王五", True)
    form.signers.clear()
    form.upward.setChecked(False)
    form.urgency.setCurrentIndex(0)
    data = form.notice()
    assert (data["signers"], data["direction"], data["urgency"]) == ("", "down", "")


def test_the_english_form_names_the_marks_in_english(qtbot, qapp, window, workspace_file):
    translators = i18n.switch(qapp, "en")
    try:
        window.files.open(workspace_file)
        form = NoticeDialog(window, default_notice(window.session.ws, window.current_plan))
        qtbot.addWidget(form)
        assert [form.urgency.itemText(i) for i in range(form.urgency.count())] == [
            "Not urgent", "Urgent", "Extra urgent"]
        assert [form.urgency.itemData(i) for i in range(3)] == ["", "加急", "特急"]  # as printed
        assert form.upward.text().startswith("Upward document")
        assert [form.secrecy.itemText(i) for i in range(4)] == [
            "Not classified", "Secret", "Confidential", "Top secret"]
    finally:
        i18n.uninstall(qapp, translators)
