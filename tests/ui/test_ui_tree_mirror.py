"""The rows the tree view reads (``TaskTreeMirror``): always those of the task model and the
store, through random edits, undo and redo; moved rows keep their open branches and
selection in the view."""
from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from PySide6.QtWidgets import QTreeView  # noqa: E402

from ui.tree_dnd import MIME_TYPE  # noqa: E402
from ui.tree_mirror import TaskTreeMirror  # noqa: E402
from ui.tree_model import DEADLINE, LEAD, TITLE, TaskTreeModel, UuidRole  # noqa: E402

from test_ui_tree_model import grow, outline, random_edit, store_outline, tree_of  # noqa: E402

S = QItemSelectionModel.SelectionFlag


def shown(session, plan):
    model = TaskTreeModel(session)
    model.set_plan(plan)
    mirror = TaskTreeMirror(model)
    QAbstractItemModelTester(mirror, QAbstractItemModelTester.FailureReportingMode.Fatal)
    view = QTreeView()
    view.setModel(mirror)
    mirror.keep(view)
    view.expandAll()
    return model, mirror, view


def test_cells_answer_from_the_task_model(sample):
    session, plan = sample
    model, mirror, _view = shown(session, plan)
    assert outline(mirror) == store_outline(session.ws, plan)
    s2 = mirror.index(1, 0)
    t1 = mirror.index(0, 0, s2)
    assert mirror.data(t1.siblingAtColumn(LEAD)) == "区市场监管局"
    assert mirror.data(t1.siblingAtColumn(DEADLINE)) == "2025年底前"
    assert mirror.data(s2, Qt.FontRole).bold()
    assert mirror.headerData(TITLE, Qt.Horizontal) == model.headerData(TITLE, Qt.Horizontal)
    # editing goes to the store, where the task model allows it
    assert mirror.editable(t1.siblingAtColumn(TITLE)) and not mirror.editable(t1)
    assert mirror.setData(t1.siblingAtColumn(TITLE), "建设产业大厦")
    assert session.ws.task(mirror.data(t1, UuidRole)).title == "建设产业大厦"
    assert mirror.data(mirror.index(0, TITLE, s2)) == "建设产业大厦"
    assert not mirror.setData(t1.siblingAtColumn(LEAD), "x")
    # a made-up second: a cell two levels down, through the view's own index
    leaf = mirror.index(1, 0, mirror.index(1, 0, s2))
    assert mirror.data(leaf.siblingAtColumn(LEAD)) == "各街道办事处"
    assert mirror.from_source(mirror.to_source(leaf)) == leaf


def test_drag_and_drop_go_to_the_store(sample):
    session, plan = sample
    ws = session.ws
    _model, mirror, _view = shown(session, plan)
    data = mirror.mimeData([mirror.index(2, 0), mirror.index(2, TITLE)])
    assert data.hasFormat(MIME_TYPE)
    assert mirror.dropMimeData(data, Qt.MoveAction, 0, 0, QModelIndex())
    assert [t.title for t in ws.children(plan)] == ["保障措施", "总体要求", "重点任务"]
    assert not mirror.removeRows(0, 1)      # what the view asks after a move-drop
    assert outline(mirror) == store_outline(ws, plan)
    s2 = mirror.index(2, 0)
    assert not mirror.canDropMimeData(mirror.mimeData([s2]), Qt.MoveAction, -1, -1,
                                      mirror.index(0, 0, s2))
    ws.readonly = True
    _model.set_plan(plan)
    try:
        assert mirror.mimeData([mirror.index(0, 0)]) is None
        assert not mirror.editable(mirror.index(0, TITLE))
    finally:
        ws.readonly = False


@pytest.mark.parametrize("seed", [3, 17, 2026])
def test_random_edits_keep_the_rows_of_the_store(sample, seed):
    """Whatever the store does, the view's rows are the store's, with no reset."""
    session, plan = sample
    ws = session.ws
    rng = random.Random(seed)
    grow(ws, plan, rng)
    model, mirror, view = shown(session, plan)
    resets = []
    mirror.modelReset.connect(lambda: resets.append(1))
    deps = [d.name for d in ws.departments()]
    start = ws.undo_count()
    from models.errors import InvalidEdit
    for step in range(200):
        op = rng.choice(["add", "add", "indent", "indent", "outdent", "up", "down", "move",
                         "delete", "edit", "style", "assign", "unassign", "undo", "undo",
                         "redo", "group"])
        if rng.random() < .3:      # the clerk clicks somewhere and opens a branch
            tasks = model.all_nodes()
            if tasks:
                n = rng.choice(tasks)
                view.setCurrentIndex(mirror.index_of(n, rng.randrange(6)))
                view.setExpanded(mirror.index_of(n), rng.random() < .7)
        try:
            random_edit(ws, plan, rng, step, op, deps, undo_floor=start)
        except InvalidEdit:
            pass
        assert outline(mirror) == store_outline(ws, plan), (step, op)
        assert tree_of(mirror) == tree_of(model), (step, op)
    assert not resets


def test_a_moved_task_stays_selected_and_open(sample):
    session, plan = sample
    ws = session.ws
    model, mirror, view = shown(session, plan)
    s2 = mirror.index(1, 0)
    second = mirror.index(1, 0, s2)             # （二）实施专利导航项目, two subtasks
    uuid = mirror.data(second, UuidRole)
    view.selectionModel().setCurrentIndex(second.siblingAtColumn(TITLE),
                                          S.ClearAndSelect | S.Rows)
    seen = []
    view.selectionModel().selectionChanged.connect(lambda *a: seen.append("selection"))
    view.selectionModel().currentChanged.connect(lambda *a: seen.append("current"))
    ws.indent_task(uuid)
    moved = mirror.index_of(model.node_by_uuid(uuid))
    assert moved.parent() == mirror.index(0, 0, s2)
    assert view.currentIndex() == moved.siblingAtColumn(TITLE)
    assert [mirror.data(i, UuidRole) for i in view.selectionModel().selectedRows()] == [uuid]
    assert view.isExpanded(moved) and view.isExpanded(moved.parent())
    assert not seen, "to the clerk a move changes no selection"
    ws.undo()
    back = mirror.index_of(model.node_by_uuid(uuid))
    assert (back.row(), back.parent()) == (1, s2)
    assert view.currentIndex() == back.siblingAtColumn(TITLE) and view.isExpanded(back)
    # a made-up second: a closed branch moved with a selected child stays closed
    ws.outdent_task(mirror.data(mirror.index(0, 0, back), UuidRole))   # 开展企业专利培训
    child = mirror.index(0, 0, back)
    view.setExpanded(back, False)
    view.selectionModel().select(child, S.ClearAndSelect | S.Rows)
    ws.move_up(uuid)
    top = mirror.index_of(model.node_by_uuid(uuid))
    assert top.row() == 0 and not view.isExpanded(top)
    assert view.selectionModel().isRowSelected(0, top)
