"""Search and filter over the breakdown: short Chinese keywords, departments, roles, status."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QModelIndex  # noqa: E402

from ui.task_filter import TaskFilter, TaskFilterProxy  # noqa: E402
from ui.tree_model import TITLE, TaskTreeModel  # noqa: E402


@pytest.fixture
def proxy(tree):
    p = TaskFilterProxy()
    p.setSourceModel(tree)
    return p


def shown(proxy, parent=QModelIndex()):
    out = []
    for r in range(proxy.rowCount(parent)):
        idx = proxy.index(r, 0, parent)
        out.append(proxy.data(idx.siblingAtColumn(TITLE)))
        out += shown(proxy, idx)
    return out


def test_qtmodeltester_with_a_filter(qtmodeltester, proxy):
    proxy.set_filter(TaskFilter(keyword="专利"))
    qtmodeltester.check(proxy)


def test_one_and_two_chinese_characters_match(proxy):
    proxy.set_filter(TaskFilter(keyword="专利"))
    assert shown(proxy) == ["重点任务", "实施专利导航项目", "开展企业专利培训", "建设专利导航服务基地"]
    proxy.set_filter(TaskFilter(keyword="厦"))
    assert shown(proxy) == ["重点任务", "建设中国地理标志产业大厦"]
    assert proxy.match_count() == 1


def test_keyword_finds_text_and_department_names(proxy):
    proxy.set_filter(TaskFilter(keyword="创新驱动"))
    assert shown(proxy) == ["总体要求", "指导思想"]
    proxy.set_filter(TaskFilter(keyword="街道"))
    assert shown(proxy)[-1] == "建设专利导航服务基地"


def test_department_and_role(sample, proxy):
    session, _ = sample
    dep = session.ws.find_department("区市场监管局")
    proxy.set_filter(TaskFilter(department_id=dep))
    assert shown(proxy) == ["重点任务", "建设中国地理标志产业大厦", "实施专利导航项目"]
    proxy.set_filter(TaskFilter(department_id=dep, role="lead"))
    assert shown(proxy) == ["重点任务", "建设中国地理标志产业大厦"]
    proxy.set_filter(TaskFilter(role="responsible"))
    assert shown(proxy)[-1] == "建设专利导航服务基地"


def test_status_and_overdue(sample, proxy):
    session, plan = sample
    ws = session.ws
    task = [t for t in ws.tasks(plan) if t.title == "实施专利导航项目"][0]
    ws.edit_task(task.uuid, status="in_progress")
    proxy.set_filter(TaskFilter(status="in_progress"))
    assert shown(proxy) == ["重点任务", "实施专利导航项目"]
    # 2022年6月底前 has passed and the task is not done; 长期坚持 never is
    proxy.set_filter(TaskFilter(overdue=True, today="2024-01-01"))
    assert shown(proxy) == ["重点任务", "实施专利导航项目"]
    ws.edit_task(task.uuid, status="done")
    assert shown(proxy) == []


def test_filter_follows_edits_and_keeps_a_new_task_visible(sample, proxy):
    session, plan = sample
    ws = session.ws
    proxy.set_filter(TaskFilter(keyword="专利"))
    uid = ws.new_uuid()
    proxy.pin(uid)
    ws.add_task(plan, "", uuid=uid)           # an empty new task: shown although it doesn't match
    assert "" in shown(proxy)
    t = [t for t in ws.tasks(plan) if t.title == "保障措施"][0]
    ws.edit_task(t.uuid, title="专利保障措施")
    assert "专利保障措施" in shown(proxy)


@pytest.mark.parametrize("seed", [4, 9])
def test_filter_follows_targeted_edits_like_a_fresh_proxy(sample, seed):
    """Edits, undo and redo under an active filter show what a freshly built proxy shows."""
    import random

    from PySide6.QtTest import QAbstractItemModelTester
    session, plan = sample
    ws = session.ws
    model = TaskTreeModel(session)
    model.set_plan(plan)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    dep = ws.find_department("区科技局")
    criteria = [TaskFilter(keyword="专利"), TaskFilter(department_id=dep),
                TaskFilter(keyword="改 1")]
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rng = random.Random(seed)
    from models.errors import InvalidEdit
    for step in range(80):
        if step % 20 == 0:
            proxy.set_filter(criteria[(step // 20) % len(criteria)])
        t = rng.choice(ws.tasks(plan))
        op = rng.choice(["rename", "rename", "assign", "unassign", "indent", "add", "undo", "redo"])
        try:
            if op == "rename":
                ws.edit_task(t.uuid, title=rng.choice(["专利改", f"改 {step}", "普通"]))
            elif op == "assign":
                ws.assign(t.uuid, "区科技局", "lead")
            elif op == "unassign":
                ws.unassign(t.uuid, "区科技局")
            elif op == "indent":
                ws.indent_task(t.uuid)
            elif op == "add":
                ws.add_task(plan, "专利新", parent=t.uuid)
            elif op == "undo":
                ws.undo()
            else:
                ws.redo()
        except InvalidEdit:
            pass
        fresh_model = TaskTreeModel(session)
        fresh_model.set_plan(plan)
        fresh = TaskFilterProxy()
        fresh.setSourceModel(fresh_model)
        fresh.set_filter(proxy.criteria)
        assert shown(proxy) == shown(fresh), (step, op)
        assert proxy.match_count() == fresh.match_count()


def filtered_tree(session, plan):
    """The breakdown's filtered rows over a fresh model, shown in a tree that keeps state."""
    from PySide6.QtWidgets import QAbstractItemView, QTreeView

    from ui.filtered_rows import FilteredRows
    model = TaskTreeModel(session)
    model.set_plan(plan)
    proxy = TaskFilterProxy()
    rows = FilteredRows(model, proxy)
    view = QTreeView()
    view.setSelectionMode(QAbstractItemView.ExtendedSelection)
    rows.keep(view)
    return model, proxy, rows, view


def turn_on(proxy, rows, view, criteria):
    proxy.set_filter(criteria)
    if proxy.sourceModel() is None:
        proxy.setSourceModel(rows.source)
    rows.show_filter()
    view.setModel(rows)
    view.expandAll()


@pytest.mark.parametrize("seed", [5, 13])
def test_filtered_rows_show_what_the_proxy_shows_through_edits(sample, seed):
    """The rows the tree reads under a filter are always those of a freshly built proxy,
    whatever is edited, undone or redone, and whichever filter is set."""
    import random

    from PySide6.QtTest import QAbstractItemModelTester
    session, plan = sample
    ws = session.ws
    model, proxy, rows, view = filtered_tree(session, plan)
    QAbstractItemModelTester(rows, QAbstractItemModelTester.FailureReportingMode.Fatal)
    dep = ws.find_department("区科技局")
    criteria = [TaskFilter(keyword="专利"), TaskFilter(department_id=dep),
                TaskFilter(keyword="改 1"), TaskFilter(keyword="导航 基地")]
    rng = random.Random(seed)
    from models.errors import InvalidEdit
    for step in range(80):
        if step % 20 == 0:
            turn_on(proxy, rows, view, criteria[(step // 20) % len(criteria)])
        t = rng.choice(ws.tasks(plan))
        op = rng.choice(["rename", "rename", "assign", "unassign", "indent", "outdent", "add",
                         "delete", "undo", "redo"])
        try:
            if op == "rename":
                ws.edit_task(t.uuid, title=rng.choice(["专利改", f"改 {step}", "普通"]))
            elif op == "assign":
                ws.assign(t.uuid, "区科技局", "lead")
            elif op == "unassign":
                ws.unassign(t.uuid, "区科技局")
            elif op == "indent":
                ws.indent_task(t.uuid)
            elif op == "outdent":
                ws.outdent_task(t.uuid)
            elif op == "add":
                ws.add_task(plan, "专利新", parent=t.uuid)
            elif op == "delete":
                ws.delete_task(t.uuid)
            elif op == "undo":
                ws.undo()
            else:
                ws.redo()
        except InvalidEdit:
            pass
        fresh_model = TaskTreeModel(session)
        fresh_model.set_plan(plan)
        fresh = TaskFilterProxy()
        fresh.setSourceModel(fresh_model)
        fresh.set_filter(proxy.criteria)
        assert shown(rows) == shown(fresh), (step, op)
        for node in rows.parents():     # every row finds its task, and back
            index = rows.index_of(node)
            assert rows.node(index) is node and rows.from_source(rows.to_source(index)) == index


def test_a_rebuild_keeps_the_current_task_and_closed_branches(sample):
    from PySide6.QtCore import QItemSelectionModel
    session, plan = sample
    ws = session.ws
    model, proxy, rows, view = filtered_tree(session, plan)
    turn_on(proxy, rows, view, TaskFilter(keyword="专利"))
    assert shown(rows) == ["重点任务", "实施专利导航项目", "开展企业专利培训", "建设专利导航服务基地"]
    task = model.node_by_uuid(ws.tasks(plan)[6].uuid)          # 开展企业专利培训
    assert task.title == "开展企业专利培训"
    S = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(rows.index_of(task, TITLE), S.ClearAndSelect | S.Rows)
    branch = rows.index_of(task.parent)
    seen = []
    view.selectionModel().selectionChanged.connect(lambda *a: seen.append("selection"))
    view.selectionModel().currentChanged.connect(lambda *a: seen.append("current"))
    ws.move_down(task.uuid)                  # a change of shape: the rows are built again
    moved = rows.index_of(task, TITLE)
    assert moved.row() == 1 and view.currentIndex() == moved
    assert view.selectionModel().isRowSelected(1, moved.parent())
    assert not seen, "the clerk's selection came back as it was"
    # a made-up second: a closed branch stays closed, and a task no longer shown is said so
    view.collapse(rows.index_of(task.parent))
    ws.edit_task(task.uuid, title="企业培训")   # no longer a match
    assert not view.isExpanded(rows.index_of(task.parent)) and branch.isValid()
    assert "企业培训" not in shown(rows) and seen == ["selection"]
