"""Random sequences of tree operations: the tree stays sound and undo restores it exactly."""
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from models.dump import dump
from models.errors import InvalidEdit
from models.workspace import Workspace

OPS = st.lists(st.tuples(
    st.sampled_from(["add", "add_child", "move", "indent", "outdent", "up", "down", "delete",
                     "edit", "assign", "deadline"]),
    st.integers(0, 40), st.integers(0, 40), st.integers(0, 6)), max_size=40)


def check_tree(ws, plan_uuid):
    rows = ws.all("SELECT id, parent_id, position FROM tasks")
    by_parent = {}
    parent = {}
    for r in rows:
        by_parent.setdefault(r["parent_id"], []).append(r["position"])
        parent[r["id"]] = r["parent_id"]
    for positions in by_parent.values():
        assert sorted(positions) == list(range(len(positions))), "positions not contiguous"
    for node in parent:               # no cycles: every chain reaches the top
        seen = set()
        while node is not None:
            assert node not in seen, "cycle in the tree"
            seen.add(node)
            node = parent[node]
    assert len(ws.tasks(plan_uuid)) == len(rows)


def apply(ws, plan, op, a, b, pos):
    tasks = ws.tasks(plan.uuid)
    pick = (lambda i: tasks[i % len(tasks)].uuid) if tasks else None
    deps = ["区市场监管局", "区财政局", "区科技局"]
    if op == "add" or not tasks:
        ws.add_task(plan.uuid, f"任务{a}", position=pos)
    elif op == "add_child":
        ws.add_task(plan.uuid, f"子任务{a}", parent=pick(a), position=pos)
    elif op == "move":
        ws.move_task(pick(a), pick(b) if b % 3 else None, pos)
    elif op == "indent":
        ws.indent_task(pick(a))
    elif op == "outdent":
        ws.outdent_task(pick(a))
    elif op == "up":
        ws.move_up(pick(a))
    elif op == "down":
        ws.move_down(pick(a))
    elif op == "delete":
        ws.delete_task(pick(a))
    elif op == "edit":
        ws.edit_task(pick(a), title=f"改{b}", text="正文" * pos)
    elif op == "assign":
        if ws.find_department(deps[b % 3]) is None:
            ws.add_department(deps[b % 3])
        ws.assign(pick(a), deps[b % 3], ["lead", "support", "responsible", "guide"][pos % 4])
    elif op == "deadline":
        ws.set_deadline(pick(a), ["2025年底前", "6月底前", "长期坚持", "每年2月底前", ""][pos % 5])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_random_tree_operations(ops):
    ws = Workspace.memory()
    plan = ws.add_plan("随机计划", year=2024)
    ws.add_task(plan.uuid, "一")
    start = json.dumps(dump(ws), sort_keys=True)
    depth = ws.undo_count()
    for op in ops:
        try:
            apply(ws, plan, *op)
        except InvalidEdit:
            pass
        check_tree(ws, plan.uuid)
    end = json.dumps(dump(ws), sort_keys=True)
    while ws.undo_count() > depth:
        ws.undo()
        check_tree(ws, plan.uuid)
    assert json.dumps(dump(ws), sort_keys=True) == start
    while ws.redo_label():
        ws.redo()
    assert json.dumps(dump(ws), sort_keys=True) == end
    ws.close()
