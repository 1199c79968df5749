"""Tasks copied in one PlanDesk window and pasted in another (another workspace), with the
keyboard, through the real clipboard: the rows, the departments matched by the second
office's registry, and undo in the second window."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.workspace import Workspace  # noqa: E402
from ui import i18n  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.task_clipboard import MIME  # noqa: E402
from ui.tree_model import LEAD, NUMBER, SUPPORT, TITLE  # noqa: E402


@pytest.fixture(autouse=True)
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp, translators)
    QApplication.clipboard().clear()


@pytest.fixture
def county(tmp_path):
    """Another office's workspace: its own plan, and its own names for two of the district's
    departments (the district's name is an alias there); 区科技局 it does not know."""
    path = tmp_path / "县" / "county.plandesk"
    path.parent.mkdir()
    with Workspace.create(path) as ws:
        ws.add_department("县市场监督管理局", aliases=["区市场监管局"])
        ws.add_department("县发展和改革局", aliases=["区发展改革局"])
        plan = ws.add_plan("县知识产权工作要点", kind="work_plan", year=2023)
        first = ws.add_task(plan.uuid, "总体要求")
        ws.add_task(plan.uuid, "加强组织领导")
        ws.assign(first.uuid, "县发展和改革局", "lead")
    return path


def open_window(qtbot, settings, path):
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.files.open(path)
    return w


def focus_tree(qtbot, window):
    """The clerk turns to ``window``: it becomes the active one, its tree takes the keys."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.breakdown.tree.setFocus()
    qtbot.waitUntil(window.breakdown.tree.hasFocus)


def rows(view, parent=None):
    """(number, title, lead, support) of each row under ``parent`` as the tree shows them."""
    from PySide6.QtCore import QModelIndex
    model, parent = view.model, parent or QModelIndex()
    return [tuple(model.index(r, c, parent).data() or "" for c in (NUMBER, TITLE, LEAD, SUPPORT))
            for r in range(model.rowCount(parent))]


def test_a_subtree_copied_in_one_window_pastes_in_another(qtbot, settings, tmp_path,
                                                          workspace_file, county):
    one = open_window(qtbot, settings, workspace_file)
    two = open_window(qtbot, settings.__class__.at(tmp_path / "two.ini"), county)
    ws1, ws2 = one.session.ws, two.session.ws
    assert ws1 is not ws2 and ws1.path != ws2.path
    source = next(t for t in ws1.tasks(one.current_plan) if t.title == "实施专利导航项目")
    before_one = [(t.title, t.uuid) for t in ws1.tasks(one.current_plan)]
    departments_before = sorted(d.name for d in ws2.departments())
    undo_one = one.actions.undo.text()

    one.breakdown.select_uuid(source.uuid)
    focus_tree(qtbot, one)
    qtbot.keyClick(one.breakdown.tree, Qt.Key_C, Qt.ControlModifier)
    assert QApplication.clipboard().mimeData().hasFormat(MIME)

    bd = two.breakdown
    target = next(t for t in ws2.tasks(two.current_plan) if t.title == "总体要求")
    bd.select_uuid(target.uuid)
    focus_tree(qtbot, two)
    qtbot.keyClick(bd.tree, Qt.Key_V, Qt.ControlModifier)

    # The tree of window 2: the copy after the selected task, renumbered in this plan.
    top = rows(bd)
    assert [r[:2] for r in top] == [("一、", "总体要求"), ("二、", "实施专利导航项目"),
                                    ("三、", "加强组织领导")]
    # The district's names became the county's (aliases); unknown ones were added, flagged.
    assert top[1][2:] == ("区科技局", "县市场监督管理局")
    pasted = bd.model.index(1, TITLE)
    assert (bd.current_node().number, bd.current_node().title) == ("二、", "实施专利导航项目")
    bd.tree.expand(pasted)
    assert [r[1] for r in rows(bd, bd.model.index(1, 0))] == ["开展企业专利培训",
                                                               "建设专利导航服务基地"]
    added = ["区科技局", "各街道办事处"]        # the sub-task's 责任单位 came along too
    assert sorted(d.name for d in ws2.departments()) == sorted(departments_before + added)
    assert all(ws2.department(name).is_new for name in added)
    assert not ws2.department("县市场监督管理局").is_new
    assert two.actions.undo.text() == "撤销 粘贴3项任务“实施专利导航项目”"
    assert one.actions.undo.text() == undo_one      # window 1 has nothing new to undo

    qtbot.keyClick(bd.tree, Qt.Key_Z, Qt.ControlModifier)   # one step: tasks and departments
    assert [r[1] for r in rows(bd)] == ["总体要求", "加强组织领导"]
    assert sorted(d.name for d in ws2.departments()) == departments_before
    qtbot.keyClick(bd.tree, Qt.Key_Y, Qt.ControlModifier)
    assert [r[1] for r in rows(bd)] == ["总体要求", "实施专利导航项目", "加强组织领导"]
    # Window 1 and its workspace are as they were.
    assert [(t.title, t.uuid) for t in ws1.tasks(one.current_plan)] == before_one
    two.close()
    one.close()
