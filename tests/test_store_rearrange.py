"""Moving many tasks at once (``models/rearrange.py``) gives exactly the tree the single
moves give one after another — the same refusal when one is refused — in one undo step
that writes only the tasks that moved."""
import json
import uuid

from hypothesis import HealthCheck, given, settings, strategies as st

from models.dump import dump
from models.errors import InvalidEdit
from models.workspace import Workspace

# A tree as a list of parent picks: task k hangs under task (pick % k) or at the top.
TREES = st.lists(st.integers(-30, 30), min_size=2, max_size=30)   # about half at the top
KINDS = st.sampled_from(["indent", "outdent", "up", "down", "move"])


def build(parents):
    ws = Workspace.memory()
    plan = ws.add_plan("随机计划", year=2024)
    made = []
    with ws.operation("建树"):
        for k, p in enumerate(parents):
            parent = made[p % k] if k and p >= 0 else None
            made.append(ws.add_task(plan.uuid, f"任务{k}", parent=parent,
                                    uuid=str(uuid.UUID(int=k + 1))).uuid)
    return ws, plan, made


def shape(ws):
    by_id = {r["id"]: r["uuid"] for r in ws.all("SELECT id, uuid FROM tasks")}
    return sorted((r["uuid"], by_id.get(r["parent_id"]), r["position"])
                  for r in ws.all("SELECT uuid, parent_id, position FROM tasks"))


def one_by_one(ws, kind, picked, target, anchor):
    """What the window did before: each task moved on its own, inside one operation."""
    single = {"indent": ws.indent_task, "outdent": ws.outdent_task, "up": ws.move_up,
              "down": ws.move_down}
    with ws.operation("逐项移动"):
        for u in picked:
            if kind != "move":
                single[kind](u)
                continue
            pos = None
            if anchor is not None:
                t, a = ws.task(u), ws.task(anchor)
                pos = a.position - 1 if t.parent_id == a.parent_id and t.position < a.position \
                    else a.position
            ws.move_task(u, target, pos)


def together(ws, kind, picked, target, anchor):
    if kind == "move":
        ws.move_tasks(picked, target, anchor)
        return
    {"indent": ws.indent_tasks, "outdent": ws.outdent_tasks, "up": ws.move_up_tasks,
     "down": ws.move_down_tasks}[kind](picked)


def outcome(fn, ws, *args):
    try:
        fn(ws, *args)
    except InvalidEdit as e:
        return e.code
    return None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES, KINDS, st.lists(st.integers(0, 60), min_size=1, max_size=4, unique=True),
       st.one_of(st.just(-2), st.integers(-1, 60)), st.integers(-1, 60))
def test_many_moves_at_once_match_the_moves_one_by_one(parents, kind, picks, target, anchor):
    a_ws, _, made = build(parents)
    b_ws, _, _ = build(parents)
    picked = list(dict.fromkeys(made[p % len(made)] for p in picks))
    target_uuid = made[target % len(made)] if target >= 0 else None
    if target == -2:                   # among the moved tasks' own siblings (a reorder)
        first = a_ws.task(picked[0])
        target_uuid = a_ws.task(first.parent_id).uuid if first.parent_id else None
    anchor_uuid = None
    if kind == "move" and anchor >= 0:
        parent_id = a_ws.task(target_uuid).id if target_uuid else None
        free = [r["uuid"] for r in a_ws.all(
            "SELECT uuid FROM tasks WHERE parent_id IS ? ORDER BY position", (parent_id,))
            if r["uuid"] not in picked]
        anchor_uuid = free[anchor % len(free)] if free else None
    before = shape(b_ws)
    steps = b_ws.undo_count()
    expected = outcome(one_by_one, a_ws, kind, picked, target_uuid, anchor_uuid)
    got = outcome(together, b_ws, kind, picked, target_uuid, anchor_uuid)
    assert got == expected
    assert shape(b_ws) == shape(a_ws)
    if got is None and shape(b_ws) != before:
        assert b_ws.undo_count() == steps + 1          # one undo step
        b_ws.undo()
    assert shape(b_ws) == before
    a_ws.close()
    b_ws.close()


def test_dragging_a_hundred_of_a_thousand_siblings_writes_only_what_moved():
    ws = Workspace.memory()
    plan = ws.add_plan("大计划", year=2024)
    with ws.operation("建计划"):
        uuids = [ws.add_task(plan.uuid, f"任务{k}").uuid for k in range(1000)]
    section = ws.add_task(plan.uuid, "新的一节").uuid
    picked = uuids[100:200]
    ws.move_tasks(picked, section)
    assert [t.uuid for t in ws.children(plan.uuid, section)] == picked
    top = ws.children(plan.uuid)
    assert [t.position for t in top] == list(range(901))
    assert top[100].uuid == uuids[200]
    assert ws.undo_label() == "移动 100 项任务"
    # Undo rows: the 100 moved tasks and the 801 later siblings that closed up, once each
    # (one by one, each move shifted every later sibling: some 80,000 rows).
    first, last = ws.one("SELECT first_seq, last_seq FROM _undo_steps WHERE stack='undo' "
                         "ORDER BY id DESC LIMIT 1")
    assert ws.one("SELECT count(*) FROM _undo_log WHERE seq BETWEEN ? AND ?",
                  (first, last))[0] == 901
    ws.undo()
    assert [t.uuid for t in ws.children(plan.uuid)] == uuids + [section]
    ws.close()


def test_a_refused_move_of_many_changes_nothing():
    ws = Workspace.memory()
    plan = ws.add_plan("计划", year=2024)
    a = ws.add_task(plan.uuid, "一").uuid
    b = ws.add_task(plan.uuid, "二").uuid
    child = ws.add_task(plan.uuid, "二之一", parent=b).uuid
    start = json.dumps(dump(ws), sort_keys=True)
    steps = ws.undo_count()
    try:
        ws.indent_tasks([b, a])           # b goes under a, then a is first: refused
    except InvalidEdit as e:
        assert e.code == "store.edit.first_cannot_indent"
    else:
        raise AssertionError("indenting the first task was accepted")
    try:
        ws.move_tasks([a, b], child)      # into b's own subtree
    except InvalidEdit as e:
        assert e.code == "store.edit.move_into_own"
    else:
        raise AssertionError("a move into a moved task's subtree was accepted")
    assert json.dumps(dump(ws), sort_keys=True) == start
    assert ws.undo_count() == steps
    ws.close()
