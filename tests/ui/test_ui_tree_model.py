"""The task tree model, without widgets: structure, numbering, flags, edits, moves, undo."""
from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402

from models.dump import dump  # noqa: E402
from ui.tree_dnd import MIME_TYPE  # noqa: E402
from ui.tree_model import (DEADLINE, LEAD, NUMBER, SUPPORT, TITLE, NodeRole, TaskTreeModel,  # noqa: E402
                           UuidRole)


@pytest.fixture
def model(tree):
    return tree


def outline(model, parent=QModelIndex(), depth=0):
    """[(depth, number, title)] read through the Qt API only."""
    out = []
    for r in range(model.rowCount(parent)):
        idx = model.index(r, 0, parent)
        out.append((depth, model.data(idx), model.data(idx.siblingAtColumn(TITLE))))
        out += outline(model, idx, depth + 1)
    return out


def store_outline(ws, plan):
    numbers = ws.numbers(plan)
    depth = {}
    out = []
    for t in ws.tasks(plan):
        depth[t.id] = 0 if t.parent_id is None else depth[t.parent_id] + 1
        out.append((depth[t.id], numbers[t.id], t.title))
    return out


def test_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_rows_parents_and_numbering(model):
    assert model.rowCount() == 3
    assert outline(model)[:5] == [(0, "一、", "总体要求"), (1, "（一）", "指导思想"),
                                  (1, "（二）", "工作目标"), (0, "二、", "重点任务"),
                                  (1, "（一）", "建设中国地理标志产业大厦")]
    s2 = model.index(1, 0)
    task = model.index(1, 0, s2)
    child = model.index(0, 0, task)
    assert model.parent(child) == task.siblingAtColumn(0)
    assert model.parent(task) == s2
    assert not model.parent(s2).isValid()
    assert model.data(child) == "1."
    # Each node knows its row: parent() never searches.
    node = model.data(child, NodeRole)
    assert node.row == 0 and node.parent.row == 1


def test_department_columns(model):
    s2 = model.index(1, 0)
    t1 = model.index(0, 0, s2)
    assert model.data(t1.siblingAtColumn(LEAD)) == "区市场监管局"
    assert model.data(t1.siblingAtColumn(SUPPORT)) == "区发展改革局"
    assert model.data(t1.siblingAtColumn(DEADLINE)) == "2025年底前"
    # a task with only a responsible unit shows it in the lead column
    leaf = model.index(1, 0, model.index(1, 0, s2))
    assert model.data(leaf.siblingAtColumn(LEAD)) == "各街道办事处"


def test_flags(model, sample):
    session, _ = sample
    idx = model.index(0, 0)
    assert not model.flags(idx) & Qt.ItemIsEditable
    assert model.flags(idx.siblingAtColumn(TITLE)) & Qt.ItemIsEditable
    assert model.flags(idx.siblingAtColumn(DEADLINE)) & Qt.ItemIsEditable
    assert not model.flags(idx.siblingAtColumn(LEAD)) & Qt.ItemIsEditable
    assert model.flags(idx) & Qt.ItemIsDragEnabled
    assert model.flags(QModelIndex()) & Qt.ItemIsDropEnabled
    session.ws.readonly = True      # what a read-only workspace looks like to the model
    model.set_plan(model.plan_uuid)
    try:
        assert not model.flags(idx.siblingAtColumn(TITLE)) & Qt.ItemIsEditable
        assert not model.flags(idx) & Qt.ItemIsDragEnabled
    finally:
        session.ws.readonly = False


def test_set_data_edits_the_store(model, sample):
    session, plan = sample
    idx = model.index(2, TITLE)
    assert model.setData(idx, "组织保障")
    assert session.ws.task(model.data(idx, UuidRole)).title == "组织保障"
    assert model.data(idx) == "组织保障"
    assert model.setData(idx.siblingAtColumn(DEADLINE), "2024年6月底前")
    t = session.ws.task(model.data(idx, UuidRole))
    assert (t.deadline_text, t.deadline_date) == ("2024年6月底前", "2024-06-30")
    assert not model.setData(idx.siblingAtColumn(LEAD), "x")


def test_moves_keep_persistent_indexes_and_renumber(model, sample, qtmodeltester):
    session, plan = sample
    qtmodeltester.check(model)
    ws = session.ws
    s2 = model.index(1, 0)
    second = QPersistentModelIndex(model.index(1, 0, s2))     # （二）实施专利导航项目
    uuid = model.data(second, UuidRole)
    moves = []
    model.rowsMoved.connect(lambda *a: moves.append(a))
    ws.indent_task(uuid)
    assert moves, "an indent is a move, not a reset"
    assert second.isValid() and model.data(second, UuidRole) == uuid
    assert model.data(QModelIndex(second).siblingAtColumn(NUMBER)) == "1."
    ws.undo()
    assert model.data(QModelIndex(second)) == "（二）"
    assert outline(model) == store_outline(ws, plan)


def test_delete_and_undo(model, sample):
    session, plan = sample
    ws = session.ws
    before = dump(ws)
    ws.delete_task(model.data(model.index(1, 0), UuidRole))
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0)) == "二、"      # 保障措施 renumbered
    ws.undo()
    assert outline(model) == store_outline(ws, plan)
    assert dump(ws) == before


def test_drop_reorders_and_reparents(model, sample):
    session, plan = sample
    ws = session.ws
    first, last = model.index(0, 0), model.index(2, 0)
    data = model.mimeData([last])
    assert data.hasFormat(MIME_TYPE)
    # drop 保障措施 before 总体要求 (row 0 at top level)
    assert model.dropMimeData(data, Qt.MoveAction, 0, 0, QModelIndex())
    assert [t.title for t in ws.children(plan)] == ["保障措施", "总体要求", "重点任务"]
    # drop 总体要求 onto 重点任务: it becomes its last child
    s1 = model.index(1, 0)
    s2 = model.index(2, 0)
    assert model.dropMimeData(model.mimeData([s1]), Qt.MoveAction, -1, -1, s2)
    kids = ws.children(plan, model.data(model.index(1, 0), UuidRole))
    assert kids[-1].title == "总体要求"
    assert outline(model) == store_outline(ws, plan)
    # a task cannot go into its own subtree
    s2 = model.index(1, 0)
    inner = model.index(0, 0, s2)
    assert not model.canDropMimeData(model.mimeData([s2]), Qt.MoveAction, -1, -1, inner)
    assert first is not None


def test_drop_several_keeps_their_order_in_one_undo_step(model, sample):
    session, plan = sample
    ws = session.ws
    before = dump(ws)
    a, c = model.index(0, 0), model.index(2, 0)
    s2 = model.index(1, 0)
    # drop 总体要求 and 保障措施 between the two tasks of 重点任务
    assert model.dropMimeData(model.mimeData([c, a]), Qt.MoveAction, 1, 0, s2)
    titles = [t.title for t in ws.children(plan, model.data(model.index(0, 0), UuidRole))]
    assert titles == ["建设中国地理标志产业大厦", "总体要求", "保障措施", "实施专利导航项目"]
    ws.undo()
    assert dump(ws) == before


def test_drop_within_the_same_parent_lands_before_the_anchor(model, sample):
    session, plan = sample
    ws = session.ws
    # 总体要求 dropped before 保障措施 (row 2): it ends up second, not last
    assert model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.MoveAction, 2, 0,
                              QModelIndex())
    assert [t.title for t in ws.children(plan)] == ["重点任务", "总体要求", "保障措施"]


def test_continuous_level3_setting_renumbers(model, sample):
    session, plan = sample
    ws = session.ws
    s1 = ws.children(plan)[0]
    ws.add_task(plan, "子项", parent=ws.children(plan, s1.uuid)[0].uuid)
    ws.set_plan_setting(plan, "continuous_level3", True)
    assert outline(model) == store_outline(ws, plan)
    labels = [n for _d, n, _t in outline(model) if n.endswith(".")]
    assert labels == ["1.", "2.", "3."]


def test_plan_deleted_and_restored(model, sample):
    session, plan = sample
    session.ws.delete_plan(plan)
    assert model.rowCount() == 0 and model.plan_uuid is None


def random_edit(ws, plan, rng, step, op, deps=(), undo_floor=0):
    """One random store edit of kind ``op`` on a random task (InvalidEdit when refused)."""
    tasks = ws.tasks(plan)
    t = rng.choice(tasks) if tasks else None
    if op == "add" or t is None:
        ws.add_task(plan, f"任务{step}", parent=t.uuid if t and rng.random() < .6 else None,
                    position=rng.randint(0, 4))
    elif op == "indent":
        ws.indent_task(t.uuid)
    elif op == "outdent":
        ws.outdent_task(t.uuid)
    elif op == "up":
        ws.move_up(t.uuid)
    elif op == "down":
        ws.move_down(t.uuid)
    elif op == "move":
        target = rng.choice(tasks + [None])
        ws.move_task(t.uuid, target.uuid if target else None, rng.randint(0, 4))
    elif op == "delete":
        ws.delete_task(t.uuid)
    elif op == "edit":
        ws.edit_task(t.uuid, title=f"改{step}", deadline=rng.choice(["", "2025年底前"]))
    elif op == "style":
        ws.edit_task(t.uuid, label_style=rng.choice(["", "", "1", "3", "dash", "none"]))
    elif op == "assign":
        ws.assign(t.uuid, rng.choice(deps), rng.choice(["lead", "support", "guide"]),
                  position=rng.choice([None, 0]))
    elif op == "unassign":
        ws.unassign(t.uuid, rng.choice(deps))
    elif op == "roles":
        ws.set_roles(t.uuid, {"lead": rng.sample(deps, 1), "support": rng.sample(deps, 2)})
    elif op == "undo":
        if ws.undo_count() > undo_floor:    # never the test's own setup
            ws.undo()
    elif op == "redo":
        ws.redo()
    elif op == "group":      # several edits, one step: moves, a delete and an insert
        with ws.operation("group"):
            ws.outdent_task(t.uuid)
            ws.delete_task(rng.choice(ws.tasks(plan)).uuid)
            u = rng.choice(ws.tasks(plan))
            ws.add_task(plan, f"组{step}", parent=u.uuid, position=0)
            ws.move_task(u.uuid, None, 0)


@pytest.mark.parametrize("seed", [7, 11, 2025])
def test_random_edits_match_the_store(sample, qtmodeltester, seed):
    """Whatever the store does, the model mirrors it without a reset (checked by Qt's tester)."""
    session, plan = sample
    ws = session.ws
    model = TaskTreeModel(session)
    model.set_plan(plan)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    rng = random.Random(seed)
    from models.errors import InvalidEdit
    for step in range(150):
        op = rng.choice(["add", "add", "indent", "outdent", "up", "down", "move", "delete",
                         "edit", "undo", "undo", "redo", "group"])
        try:
            random_edit(ws, plan, rng, step, op)
        except InvalidEdit:
            pass
        assert outline(model) == store_outline(ws, plan), (step, op)
    assert not resets


def test_undo_reports_only_the_tables_it_touched(sample):
    session, plan = sample
    ws = session.ws
    seen = []
    session.changed.connect(seen.append)
    t = ws.tasks(plan)[-1]
    ws.edit_task(t.uuid, title="改")
    ws.undo()
    ws.redo()
    assert [c.tables for c in seen] == [frozenset({"tasks"})] * 3
    assert [c.kind for c in seen] == ["do", "undo", "redo"]


def tree_of(model, parent=QModelIndex()):
    """[(number, title, lead, children)] of the whole tree, read through the Qt API."""
    out = []
    for r in range(model.rowCount(parent)):
        idx = model.index(r, 0, parent)
        out.append((model.data(idx), model.data(idx.siblingAtColumn(TITLE)),
                    model.data(idx.siblingAtColumn(LEAD)), model.data(idx.siblingAtColumn(SUPPORT)),
                    model.data(idx.siblingAtColumn(DEADLINE)), tree_of(model, idx)))
    return out


def grow(ws, plan, rng, n=40):
    """More tasks, deeper levels and assignments on top of the sample plan."""
    deps = [d.name for d in ws.departments()]
    for k in range(n):
        tasks = ws.tasks(plan)
        parent = rng.choice(tasks + [None])
        t = ws.add_task(plan, f"附加{k}", parent=parent.uuid if parent else None,
                        position=rng.randint(0, 5))
        if rng.random() < .5:
            ws.assign(t.uuid, rng.choice(deps), rng.choice(["lead", "support", "responsible"]))


@pytest.mark.parametrize("seed,continuous", [(1, False), (5, False), (42, False), (3, True)])
def test_targeted_sync_matches_a_fresh_model(sample, seed, continuous, monkeypatch):
    """Edits, undo and redo follow the rows they wrote (no full re-read of the plan), and
    after every step the tree — numbers, titles, departments, children — is the one a
    freshly built model shows."""
    session, plan = sample
    ws = session.ws
    rng = random.Random(seed)
    grow(ws, plan, rng)
    if continuous:
        ws.set_plan_setting(plan, "continuous_level3", True)
    model = TaskTreeModel(session)
    model.set_plan(plan)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    full = []
    real_sync = TaskTreeModel._sync
    monkeypatch.setattr(TaskTreeModel, "_sync",
                        lambda self, *a: (full.append(a), real_sync(self, *a))[1])
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    deps = [d.name for d in ws.departments()]
    start = ws.undo_count()
    from models.errors import InvalidEdit
    for step in range(200):
        op = rng.choice(["add", "add", "indent", "indent", "outdent", "up", "down", "move",
                         "delete", "edit", "style", "assign", "assign", "unassign", "roles",
                         "undo", "undo", "undo", "redo", "redo", "group"])
        try:
            random_edit(ws, plan, rng, step, op, deps, undo_floor=start)
        except InvalidEdit:
            pass
        fresh = TaskTreeModel(session)
        fresh.set_plan(plan)
        assert tree_of(model) == tree_of(fresh), (step, op)
        assert outline(model) == store_outline(ws, plan), (step, op)
    assert not full, "ordinary edits never re-read the whole plan"
    assert not resets


def test_targeted_sync_signals_only_what_changed(sample):
    """A rename is one dataChanged of one row; an indent a single move."""
    session, plan = sample
    ws = session.ws
    model = TaskTreeModel(session)
    model.set_plan(plan)
    seen = []
    for name in ("dataChanged", "rowsMoved", "rowsInserted", "rowsRemoved", "layoutChanged"):
        getattr(model, name).connect(lambda *a, name=name: seen.append((name, a)))
    s2 = model.index(1, 0)
    second = model.index(1, 0, s2)
    ws.edit_task(model.data(second, UuidRole), title="改名")
    assert [(n, a[0].row(), a[1].row()) for n, a in seen] == [("dataChanged", 1, 1)]
    assert seen[0][1][0].parent() == s2
    seen.clear()
    ws.indent_task(model.data(second, UuidRole))
    names = [n for n, _a in seen]
    assert names.count("rowsMoved") == 1 and "rowsInserted" not in names
    assert "rowsRemoved" not in names and "layoutChanged" not in names
    # The numbers that changed: the moved task's and, one level deeper now, its children's
    # (one signal for their run of rows); nothing else.
    changed = [(model.data(a[0]), a[0].row(), a[1].row()) for n, a in seen if n == "dataChanged"]
    assert sorted(changed) == [("1.", 0, 0), ("（1）", 0, 1)]


def test_big_changes_take_the_full_path(sample, monkeypatch):
    session, plan = sample
    ws = session.ws
    model = TaskTreeModel(session)
    model.set_plan(plan)
    import ui.tree_sync as tree_sync
    monkeypatch.setattr(tree_sync, "BIG_CHANGE", 3)
    full = []
    real_sync = TaskTreeModel._sync
    monkeypatch.setattr(TaskTreeModel, "_sync",
                        lambda self, *a: (full.append(a), real_sync(self, *a))[1])
    ws.delete_task(model.data(model.index(1, 0), UuidRole))     # 5 tasks and 5 assignments
    assert full and outline(model) == store_outline(ws, plan)
    full.clear()
    ws.edit_task(model.data(model.index(0, 0), UuidRole), title="总体")
    assert not full and outline(model) == store_outline(ws, plan)
    ws.undo()
    ws.undo()
    assert outline(model) == store_outline(ws, plan)
    ws.rename_department("区科技局", "区科学技术局")          # the registry: full path
    s2 = model.index(1, 0)
    assert model.data(model.index(1, LEAD, s2)) == "区科学技术局"
