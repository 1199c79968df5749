"""Storing a parsed plan (``insert_plan_tree``) on random plans: what the clerk reads back
(the dump) is what the plan said, the new rows are exactly the ones the undo step removes,
and the change told to the window names them.

The rows are built as tuples in one pass and written with one statement per table, the
assignments' role check left to the code (every role is one of ROLES); these properties
hold for any plan, whatever the shape of its tree.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from models.deadline import parse_deadline
from models.dump import dump
from models.entities import ROLES, STATUS_LABELS
from models.workspace import Workspace

UNITS = ["区发展改革局", "区财政局", "区科技局", "各街道", "区商务局"]
DEADLINES = ["", "2023年底前", "长期坚持", "每年2月底前", "6月底前", "2023年13月底前", "2月30日前"]
STATUSES = ["", "not_started", "done", "推进中", "已完成", "别的"]
TARGET = st.fixed_dictionaries(
    {"metric": st.sampled_from(["专利拥有量", "覆盖率"]), "value": st.sampled_from([14, 2.5, None]),
     "unit": st.sampled_from(["件", "%"]), "qualifier": st.sampled_from(["达到", "以上", ""])},
    optional={"year": st.sampled_from([2024, 2025]), "baseline": st.sampled_from(["", "10"]),
              "text": st.just("专利拥有量达到14件")})
ROLE_LISTS = st.fixed_dictionaries({}, optional={r: st.lists(st.sampled_from(UNITS), max_size=3)
                                                 for r in ROLES})


def task(children):
    return st.fixed_dictionaries(
        {"title": st.text("甲乙丙一二", max_size=6), "children": children},
        optional={"text": st.text("丁戊。", max_size=5),
                  "label_style": st.sampled_from(["1", "2", "3", "4", "dash", "none"]),
                  "source_label": st.sampled_from(["一、", "（二）", "3."]),
                  "deadline": st.sampled_from(DEADLINES).map(lambda t: {"text": t} if t else None),
                  "status": st.sampled_from(STATUSES), "roles": ROLE_LISTS,
                  "targets": st.lists(TARGET, max_size=2),
                  "people": st.lists(st.sampled_from(["杜新国", " 王丹 ", ""]), max_size=2),
                  "scopes": st.lists(st.sampled_from(["综合保税区"]), max_size=1),
                  "divisions": st.fixed_dictionaries({}, optional={"lead": st.lists(
                      st.sampled_from(["法规处", "办公室"]), max_size=2)}),
                  "line": st.integers(1, 500),
                  "source": st.fixed_dictionaries({"line": st.integers(1, 500)},
                                                  optional={"page": st.integers(1, 9)})})


TASKS = st.lists(st.recursive(task(st.just([])), lambda kids: task(st.lists(kids, max_size=3)),
                              max_leaves=12), min_size=1, max_size=4)


def expected_task(node: dict, level: int, year: int | None) -> dict:
    """What the dump must show for ``node``, read off the plan dict by the rules of storing."""
    text = (node.get("deadline") or {}).get("text", "")
    d = parse_deadline(text, year)
    roles = {r: [] for r in ROLES}
    seen: set[str] = set()
    for role in ROLES:                      # a unit has one role per task: the first given
        for name in (node.get("roles") or {}).get(role) or ():
            if name not in seen:
                seen.add(name)
                roles[role].append(name)
    names = lambda values: list(dict.fromkeys(v.strip() for v in values if v.strip()))  # noqa: E731
    source = node.get("source") or {}
    line = source.get("line", node.get("line"))
    status = node.get("status", "")
    code = {v: k for k, v in STATUS_LABELS.items()}.get(status, status if status in STATUS_LABELS else "")
    return {
        "level": level, "title": node["title"], "text": node.get("text", ""),
        "source_label": node.get("source_label", ""),
        "source": {k: v for k, v in (("page", source.get("page")), ("line", line)) if v is not None},
        "deadline": {"text": d.text, "date": d.date, "kind": d.kind} if d.text else None,
        "status": STATUS_LABELS.get(code, code), "roles": roles,
        "people": names(node.get("people") or []), "scopes": names(node.get("scopes") or []),
        "divisions": {r: names((node.get("divisions") or {}).get(r) or []) for r in ROLES},
        "targets": [{"metric": t["metric"], "value": t["value"], "unit": t["unit"],
                     "qualifier": t["qualifier"],
                     **{k: t[k] for k in ("year", "baseline", "text") if t.get(k) not in (None, "")}}
                    for t in node.get("targets") or ()],
        "children": [expected_task(c, level + 1, year) for c in node["children"]],
    }


def stored_task(task: dict) -> dict:
    keys = ("level", "title", "text", "source_label", "source", "deadline", "status", "roles",
            "people", "scopes", "divisions", "targets")
    return {**{k: task[k] for k in keys}, "children": [stored_task(c) for c in task["children"]]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tasks=TASKS, year=st.sampled_from([None, 2024]), keyed=st.booleans())
def test_a_stored_plan_reads_back_as_the_plan_and_its_undo_removes_exactly_its_rows(tasks, year, keyed):
    with Workspace.memory() as ws:
        before = ws.insert_plan_tree({"title": "已有计划", "tasks": [{"title": "旧任务", "children": [],
                                                                 "roles": {"lead": ["区财政局"]}}]},
                                     backup=False)["plan"]
        old_key = ws.tasks(before.uuid)[0].uuid
        if keyed:                           # keys from the office above; one this workspace uses
            tasks[0]["uuid"] = old_key
            tasks[-1].setdefault("uuid", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
        state = dump(ws)
        seen = []
        ws.add_listener(seen.append)
        result = ws.insert_plan_tree({"title": "随机计划", "year": year, "tasks": tasks}, backup=False)
        plan = dump(ws)["plans"][-1]
        assert [stored_task(t) for t in plan["tasks"]] == [expected_task(t, 1, year) for t in tasks]

        def flat(ts):
            for t in ts:
                yield t
                yield from flat(t["children"])
        stored = list(flat(plan["tasks"]))
        assert result["tasks"] == len(stored)
        keys = [t["uuid"] for t in stored]
        assert len(set(keys)) == len(keys) and old_key not in keys
        if keyed and tasks[-1]["uuid"] != old_key:
            assert tasks[-1]["uuid"] in keys
        ids = {r[0] for r in ws.all("SELECT id FROM tasks WHERE plan_id=?", (result["plan"].id,))}
        assert seen[-1].rows["tasks"] == ids
        assigned = {r[0] for r in ws.all(
            "SELECT a.id FROM assignments a JOIN tasks t ON t.id=a.task_id WHERE t.plan_id=?",
            (result["plan"].id,))}
        assert seen[-1].rows.get("assignments", set()) == assigned
        ws.undo()
        assert dump(ws) == state
