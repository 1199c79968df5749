"""The responsibility matrix model and its keyboard: roles, totals, missing leads, filters."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QItemSelectionModel, Qt  # noqa: E402

from models.dump import dump  # noqa: E402
from ui.matrix_model import MatrixFilter, MatrixModel, RoleCodeRole  # noqa: E402
from ui.matrix_view import MatrixView  # noqa: E402


@pytest.fixture
def model(sample, tree):
    return MatrixModel(sample[0], tree)


def cell(model, title, dep):
    return model.index(next(i for i, r in enumerate(model.rows) if r.label.endswith(title)),
                       model.column_of_department(dep))


def test_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_cells_totals_and_missing_lead(model):
    assert model.rowCount() == len(model.rows) + 1
    c = cell(model, "建设中国地理标志产业大厦", "区市场监管局")
    assert model.data(c, RoleCodeRole) == "lead"
    assert model.data(c) in ("L", "牵")
    total = model.index(model.rowCount() - 1, model.column_of_department("区市场监管局"))
    assert model.data(total) == "1/2"            # lead once, on two tasks in all
    assert not model.flags(total) & Qt.ItemIsSelectable
    missing = {r.label for r in model.rows if r.id in model.missing}
    # a leaf without a department in a staffed section; headings and goals are not flagged
    assert missing == {"1.开展企业专利培训"}


def test_set_role_and_clear_in_one_step(sample, model):
    session, plan = sample
    before = dump(session.ws)
    a = cell(model, "开展企业专利培训", "区科技局")
    b = cell(model, "开展企业专利培训", "区市场监管局")
    assert model.set_role([a, b], "lead")
    assert model.data(a, RoleCodeRole) == "lead" and model.data(b, RoleCodeRole) == "lead"
    assert "2" in session.ws.undo_label()     # one step for both cells
    assert model.set_role([a], None)
    assert model.data(a, RoleCodeRole) is None
    session.ws.undo()
    session.ws.undo()
    assert dump(session.ws) == before


def test_filters(sample, model):
    session, _ = sample
    sections = model.sections()
    assert [label for _i, label in sections] == ["一、总体要求", "二、重点任务", "三、保障措施"]
    model.set_filter(MatrixFilter(section=sections[1][0]))
    assert [r.label for r in model.rows][0] == "二、重点任务"
    model.set_filter(MatrixFilter(department=session.ws.find_department("区科技局")))
    assert [r.label for r in model.rows] == ["（二）实施专利导航项目"]
    model.set_filter(MatrixFilter(missing_lead=True, used_only=True))
    assert [r.label for r in model.rows] == ["1.开展企业专利培训"]
    assert {d.name for d in model.departments} == {"区市场监管局", "区发展改革局", "区科技局",
                                                   "各街道办事处"}


def test_keyboard_sets_roles(qtbot, sample, tree):
    session, plan = sample
    view = MatrixView(session, tree)
    qtbot.addWidget(view)
    view.set_plan(plan)
    view.show()
    m = view.model
    target = cell(m, "开展企业专利培训", "区科技局")
    view.table.setFocus()
    view.table.selectionModel().setCurrentIndex(target, QItemSelectionModel.ClearAndSelect)
    for key, role in ((Qt.Key_1, "lead"), (Qt.Key_P, "support"), (Qt.Key_3, "responsible"),
                      (Qt.Key_D, "guide")):
        qtbot.keyClick(view.table, key)
        assert m.data(cell(m, "开展企业专利培训", "区科技局"), RoleCodeRole) == role
    qtbot.keyClick(view.table, Qt.Key_Delete)
    assert m.data(cell(m, "开展企业专利培训", "区科技局"), RoleCodeRole) is None


def test_hidden_matrix_catches_up_when_shown(sample, model):
    session, plan = sample
    model.set_active(False)
    t = [t for t in session.ws.tasks(plan) if t.title == "开展企业专利培训"][0]
    session.ws.assign(t.uuid, "区科技局", "lead")
    c = cell(model, "开展企业专利培训", "区科技局")
    assert model.data(c, RoleCodeRole) is None            # not followed while hidden
    model.set_active(True)
    assert model.data(c, RoleCodeRole) == "lead"


def test_random_edits_patch_the_matrix_as_a_rebuild_would(sample, tree, model):
    """Edits update single rows in place; the result must be what a rebuild gives."""
    import random
    session, plan = sample
    ws = session.ws
    rng = random.Random(3)
    patches = []
    model.modelReset.connect(lambda: patches.append("reset"))
    for step in range(60):
        tasks = ws.tasks(plan)
        t = rng.choice(tasks)
        dep = rng.choice(ws.departments())
        op = rng.random()
        if op < .5:
            ws.assign(t.uuid, dep.id, rng.choice(["lead", "support", "responsible", "guide"]))
        elif op < .7:
            ws.unassign(t.uuid, dep.id)
        elif op < .8:
            ws.edit_task(t.uuid, title=f"任务{step}")
        elif op < .9:
            ws.undo()
        else:
            ws.add_task(plan, f"新{step}", parent=t.uuid)
        fresh = MatrixModel(session, tree)
        assert [r.label for r in model.rows] == [r.label for r in fresh.rows], step
        assert model.cells == fresh.cells and model.missing == fresh.missing, step
        assert model.totals == fresh.totals, step
    assert patches.count("reset") < 20      # most edits patched rows in place


@pytest.mark.parametrize("seed,section", [(3, False), (8, True)])
def test_patched_matrix_equals_a_fresh_one(sample, tree, seed, section):
    """Assignments, renames and undo patch only the changed cells and totals; the result is
    the matrix a fresh model computes (with and without a section filter)."""
    import random
    session, plan = sample
    ws = session.ws
    model = MatrixModel(session, tree)
    if section:
        model.set_filter(MatrixFilter(section=model.sections()[1][0]))
    rebuilt = []
    model.modelReset.connect(lambda: rebuilt.append(1))
    changed = []
    model.dataChanged.connect(lambda a, b, *r: changed.append((a.row(), a.column(), b.row(),
                                                               b.column())))
    rng = random.Random(seed)
    deps = [d.name for d in ws.departments()]
    start = ws.undo_count()
    for step in range(60):
        t = rng.choice(ws.tasks(plan))
        op = rng.choice(["assign", "assign", "unassign", "rename", "undo", "redo"])
        if op == "assign":
            ws.assign(t.uuid, rng.choice(deps), rng.choice(["lead", "support", "guide"]))
        elif op == "unassign":
            ws.unassign(t.uuid, rng.choice(deps))
        elif op == "rename":
            ws.edit_task(t.uuid, title=f"改{step}")
        elif op == "undo":
            if ws.undo_count() > start:    # not the sample's own steps (adding tasks)
                ws.undo()
        else:
            ws.redo()
        fresh = MatrixModel(session, tree)
        fresh.set_filter(model.filter)
        for name in ("cells", "missing", "totals"):
            assert getattr(model, name) == getattr(fresh, name), (step, op, name)
        assert [(r.id, r.label) for r in model.rows] == [(r.id, r.label) for r in fresh.rows]
    assert not rebuilt
    # an assignment repaints its cell and its total, not the whole row
    changed.clear()
    t = model.rows[0]
    ws.assign(t.uuid, deps[0], "guide" if model.cells.get((t.id, ws.find_department(deps[0])))
              != "guide" else "lead")
    col = model.column_of_department(deps[0])
    assert sorted(changed) == [(0, col, 0, col), (len(model.rows), col, len(model.rows), col)]
