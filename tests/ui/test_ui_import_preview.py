"""The import preview: nothing is stored before the clerk says so; unticked lines stay out,
a department is corrected or split everywhere, warnings are in words, run-on numbering is
detected and kept."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from models.numbering import runs_on  # noqa: E402
from reports.importer.any_file import parse_any  # noqa: E402
from ui import i18n  # noqa: E402
from ui.import_preview import ImportPreview, warning_text  # noqa: E402

PLAN = """槐荫区2025年优化营商环境工作方案

为进一步优化营商环境，制定本方案。

一、重点任务
1.推进政务服务“一网通办”。（区行政审批服务局牵头，区大数据局配合）
2.开展涉企收费清理。（国资委财政市场监管局按职能分工负责）
3.建设企业服务中心。（区发展改革局牵头）
二、保障措施
4.加强督导考核。（区政府办公室牵头）
5.强化宣传引导。（区委宣传部牵头）
"""
# A second document of the same form, made up: other units, other run-together names.
PLAN2 = """历下区2026年科技创新工作要点

一、创新平台
1.建设科创走廊。（区科技局牵头）
2.培育高新技术企业。（科技经信局教体局按职责分工负责）
二、人才引育
3.实施人才计划。（区委组织部牵头，区人社局配合）
"""


@pytest.fixture
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp, translators)


def parsed(tmp_path, text, name="方案.txt"):
    path = tmp_path / name
    path.write_text(text + "——姓名：\n联系方式：\n", encoding="utf-8")
    return parse_any(path)


def titles(nodes):
    out = []
    for n in nodes:
        out.append(n["title"])
        out += titles(n.get("children") or [])
    return out


@pytest.mark.parametrize("text,merged,parts", [
    (PLAN, "国资委财政市场监管局", ["区国资委", "区财政局", "区市场监管局"]),
    (PLAN2, "科技经信局教体局", ["区科技经信局", "区教体局"]),
])
def test_untick_correct_and_split_before_importing(qtbot, chinese, tmp_path, text, merged, parts):
    plan = parsed(tmp_path, text)
    dialog = ImportPreview("方案.txt", plan, {"区发展改革局"})
    qtbot.addWidget(dialog)
    assert dialog.source.toPlainText().startswith(text.splitlines()[0])
    # The form's line is a task as read; the clerk unticks it.
    junk = [t for t in titles(plan["tasks"]) if "姓名" in t]
    for t in junk:
        assert dialog.set_checked(t, False)
    assert "将导入" in dialog.summary.text()
    # The run-together name is split everywhere it stands.
    assert dialog.select_department(merged)
    assert dialog.apply_department(merged, parts) == 1
    names = [dialog.departments.item(i).data(Qt.UserRole) for i in range(dialog.departments.count())]
    assert merged not in names and all(p in names for p in parts)
    # A misread name is corrected on its task through the role line.
    first = dialog.tree.topLevelItem(0).child(0)
    dialog.tree.setCurrentItem(first)
    lead = dialog.role_edits["lead"]
    assert lead.text() and lead.isEnabled()
    lead.setText("区行政审批服务局、区数据局")
    lead.editingFinished.emit()
    assert first.text(2) == "区行政审批服务局、区数据局"
    result = dialog.result()
    kept = titles(result.plan["tasks"])
    assert not any("姓名" in t for t in kept)
    assert result.plan["tasks"][0]["children"][0]["roles"]["lead"] == ["区行政审批服务局",
                                                                        "区数据局"]
    assert plan["tasks"][0]["children"][0]["roles"]["lead"] != ["区行政审批服务局", "区数据局"], \
        "the parsed plan itself is left as it was"


def test_the_selected_task_shows_its_source_lines(qtbot, tmp_path):
    plan = parsed(tmp_path, PLAN)
    dialog = ImportPreview("方案.txt", plan)
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(1).child(0)        # 4.加强督导考核
    dialog.tree.setCurrentItem(item)
    marks = dialog.source.extraSelections()
    assert len(marks) == 1 and "加强督导考核" in marks[0].cursor.selectedText()


def test_run_on_numbering_is_detected_and_shown(qtbot, chinese, tmp_path):
    plan = parsed(tmp_path, PLAN)
    assert runs_on(plan["tasks"])
    dialog = ImportPreview("方案.txt", plan)
    qtbot.addWidget(dialog)
    assert dialog.run_on.isChecked() and dialog.run_on_note.isVisibleTo(dialog)
    assert "连续" in dialog.run_on.text()
    restarted = parsed(tmp_path, PLAN.replace("4.加强", "1.加强").replace("5.强化", "2.强化"), "b.txt")
    assert not runs_on(restarted["tasks"])
    assert not ImportPreview("b.txt", restarted).run_on.isChecked()


def test_warnings_are_rendered_from_their_codes(chinese):
    w = {"line": 7, "code": "importer.run_together", "args": {"unit": "国资委财政市场监管局"},
         "message": "(ignored)"}
    text = warning_text(w)
    assert text.startswith("第 7 行") and "国资委财政市场监管局" in text and "ignored" not in text


def test_cancel_in_the_preview_stores_nothing(qtbot, window, tmp_path, modal):
    path = tmp_path / "方案.txt"
    path.write_text(PLAN, encoding="utf-8")
    from models.workspace import Workspace
    ws_path = tmp_path / "ws.plandesk"
    Workspace.create(ws_path).close()
    window.files.open(ws_path)
    modal.preview = lambda dialog: False
    job = window.jobs.import_files([path])
    qtbot.waitUntil(lambda: ("preview", "方案.txt") in modal.calls, timeout=10000)
    qtbot.wait(50)
    assert window.session.ws.plans() == []
    assert job is not None
    modal.preview = lambda dialog: dialog.set_checked("强化宣传引导", False) or True
    window.jobs.import_files([path])
    qtbot.waitUntil(lambda: window.session.ws.plans() != [] and not window.jobs.jobs, timeout=10000)
    plan = window.session.ws.plans()[0]
    assert [t.title for t in window.session.ws.tasks(plan.uuid)][-1] == "加强督导考核"
    assert plan.settings.get("continuous_level3") is True
