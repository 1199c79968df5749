"""Domain operations on a fresh workspace: what a clerk does, and undo of each."""
import json

import pytest

from models.dump import dump
from models.errors import InvalidEdit, ReadOnlyWorkspace


def snapshot(ws):
    return json.dumps(dump(ws), ensure_ascii=False, sort_keys=True)


@pytest.fixture
def plan(ws):
    return ws.add_plan("槐荫区知识产权工作方案", kind="work_plan", year=2022)


def titles(ws, plan, parent=None):
    return [t.title for t in ws.children(plan.uuid, parent)]


def test_plan_create_rename_and_undo(ws):
    p = ws.add_plan("2025年工作要点", kind="work_points", year=2025)
    assert [x.title for x in ws.plans()] == ["2025年工作要点"]
    ws.rename_plan(p.uuid, "2025年知识产权工作要点")
    assert ws.plan(p.uuid).title == "2025年知识产权工作要点"
    assert ws.undo_label() == "重命名计划为“2025年知识产权工作要点”"
    ws.undo()
    assert ws.plan(p.uuid).title == "2025年工作要点"
    with pytest.raises(InvalidEdit):
        ws.rename_plan(p.uuid, "  ")
    with pytest.raises(InvalidEdit):
        ws.add_plan("x", kind="novel")


def test_plan_by_index(ws):
    a = ws.add_plan("甲")
    b = ws.add_plan("乙")
    assert ws.plan("1").uuid == a.uuid and ws.plan("2").uuid == b.uuid


def test_add_insert_positions_stay_contiguous(ws, plan):
    a = ws.add_task(plan.uuid, "甲")
    c = ws.add_task(plan.uuid, "丙")
    ws.add_task(plan.uuid, "乙", position=1)
    assert titles(ws, plan) == ["甲", "乙", "丙"]
    assert [t.position for t in ws.children(plan.uuid)] == [0, 1, 2]
    ws.add_task(plan.uuid, "甲-1", parent=a.uuid)
    assert titles(ws, plan, a.uuid) == ["甲-1"]
    ws.delete_task(a.uuid)
    assert titles(ws, plan) == ["乙", "丙"]
    assert [t.position for t in ws.children(plan.uuid)] == [0, 1]
    assert ws.task(c.uuid).position == 1


def test_indent_outdent_move(ws, plan):
    one = ws.add_task(plan.uuid, "一")
    two = ws.add_task(plan.uuid, "二")
    three = ws.add_task(plan.uuid, "三")
    ws.indent_task(two.uuid)
    assert titles(ws, plan) == ["一", "三"] and titles(ws, plan, one.uuid) == ["二"]
    ws.indent_task(three.uuid)
    assert titles(ws, plan, one.uuid) == ["二", "三"]
    ws.move_up(three.uuid)
    assert titles(ws, plan, one.uuid) == ["三", "二"]
    ws.outdent_task(three.uuid)
    assert titles(ws, plan) == ["一", "三"] and titles(ws, plan, one.uuid) == ["二"]
    with pytest.raises(InvalidEdit):
        ws.move_task(one.uuid, two.uuid)       # into its own subtree
    with pytest.raises(InvalidEdit):
        ws.indent_task(one.uuid)               # nothing above it
    with pytest.raises(InvalidEdit):
        ws.outdent_task(one.uuid)


def test_delete_subtree_takes_assignments_and_undo_restores(ws, plan):
    start, start_label = snapshot(ws), ws.undo_label()
    head = ws.add_task(plan.uuid, "重点任务")
    t = ws.add_task(plan.uuid, "建设中国地理标志产业大厦", parent=head.uuid, deadline="2023年底前")
    ws.add_department("区市场监管局", aliases=["市场监管局"])
    ws.assign(t.uuid, "市场监管局", "lead")
    ws.add_department("区财政局")
    ws.assign(t.uuid, "区财政局", "support")
    ws.set_targets(t.uuid, [{"metric": "地理标志产品", "value": 3, "unit": "个", "qualifier": "达到"}])
    before_delete = snapshot(ws)
    assert ws.subtree_size(head.uuid) == 2
    ws.delete_task(head.uuid)
    after_delete = snapshot(ws)
    assert ws.all("SELECT count(*) FROM assignments")[0][0] == 0
    assert ws.all("SELECT count(*) FROM targets")[0][0] == 0
    ws.undo()
    assert snapshot(ws) == before_delete
    while ws.undo_label() != start_label:
        ws.undo()
    assert snapshot(ws) == start
    while ws.redo_label():
        ws.redo()
    assert snapshot(ws) == after_delete
    ws.undo()
    assert ws.roles(t.uuid) == {"lead": ["区市场监管局"], "support": ["区财政局"],
                                "responsible": [], "guide": []}


def test_assign_roles_order_and_unassign(ws, plan):
    t = ws.add_task(plan.uuid, "推动知识产权品牌建设")
    for name in ("区市场监管局", "区科技局", "区财政局"):
        ws.add_department(name)
    ws.assign(t.uuid, "区市场监管局", "lead")
    ws.assign(t.uuid, "区财政局", "support")
    ws.assign(t.uuid, "区科技局", "support", position=1)
    assert [a.department for a in ws.assignments(t.uuid)] == ["区市场监管局", "区科技局", "区财政局"]
    ws.assign(t.uuid, "区科技局", "lead")         # change of role keeps its place
    assert ws.roles(t.uuid)["lead"] == ["区市场监管局", "区科技局"]
    ws.unassign(t.uuid, "区市场监管局")
    assert [a.position for a in ws.assignments(t.uuid)] == [0, 1]
    with pytest.raises(InvalidEdit):
        ws.assign(t.uuid, "区财政局", "boss")


def test_aliases_resolve_and_merge_departments(ws, plan):
    t1 = ws.add_task(plan.uuid, "甲")
    t2 = ws.add_task(plan.uuid, "乙")
    keep = ws.add_department("区发展改革委", aliases=["发改委"])
    ws.set_roles(t1.uuid, {"lead": ["发改委"], "support": ["区发改局"]})
    assert ws.roles(t1.uuid) == {"lead": ["区发展改革委"], "support": ["区发改局"],
                                 "responsible": [], "guide": []}
    dup = ws.department("区发改局")
    assert dup.is_new == 1                       # added from a document: flagged for review
    ws.set_roles(t2.uuid, {"support": ["区发改局"]})
    ws.merge_departments(keep.uuid, dup.uuid)
    assert ws.roles(t1.uuid)["lead"] == ["区发展改革委"] and ws.roles(t1.uuid)["support"] == []
    assert ws.roles(t2.uuid)["support"] == ["区发展改革委"]
    assert "区发改局" in ws.department(keep.uuid).aliases
    assert ws.find_department("区发改局") == keep.id
    ws.undo()
    assert ws.roles(t2.uuid)["support"] == ["区发改局"]


def test_fullwidth_and_spaces_match(ws):
    d = ws.add_department("区市场监管局")
    assert ws.find_department(" 区市场 监管局 ") == d.id
    with pytest.raises(InvalidEdit):
        ws.add_department("区市场监管局 ")


def test_deadlines_parsed_with_plan_year(ws, plan):
    t = ws.add_task(plan.uuid, "甲", deadline="6月底前")
    assert (t.deadline_text, t.deadline_date, t.deadline_kind) == ("6月底前", "2022-06-30", "by")
    t = ws.set_deadline(t.uuid, "长期坚持")
    assert (t.deadline_date, t.deadline_kind) == (None, "ongoing")
    t = ws.set_deadline(t.uuid, "每年2月底前")
    assert (t.deadline_date, t.deadline_kind) == ("2022-02-28", "recurring")
    t = ws.set_deadline(t.uuid, "2025年底前")
    assert (t.deadline_date, t.deadline_kind) == ("2025-12-31", "by")


def test_progress_by_round(ws, plan):
    t = ws.add_task(plan.uuid, "甲")
    ws.add_department("区市场监管局")
    ws.add_round(plan.uuid, "2025年第三季度")
    ws.record_progress(t.uuid, "2025年第三季度", "区市场监管局", "in_progress", 60, "已完成选址")
    ws.record_progress(t.uuid, "2025年第三季度", "区市场监管局", "in_progress", 70, "主体完工")
    hist = ws.progress(t.uuid)
    assert len(hist) == 1 and hist[0]["percent"] == 70
    task = dump(ws)["plans"][0]["tasks"][0]
    assert task["progress"] == [{"department": "区市场监管局", "round": "2025年第三季度",
                                 "status": "推进中", "percent": 70, "text": "主体完工",
                                 "problems": "", "next_steps": "", "note": ""}]
    with pytest.raises(InvalidEdit):
        ws.record_progress(t.uuid, "2025年第三季度", "区市场监管局", "in_progress", 130)


def test_operation_groups_into_one_undo_step(ws, plan):
    start = snapshot(ws)
    with ws.operation("粘贴三项任务"):
        for title in ("甲", "乙", "丙"):
            ws.add_task(plan.uuid, title)
    assert ws.undo_label() == "粘贴三项任务"
    assert ws.undo() == "粘贴三项任务"
    assert snapshot(ws) == start
    assert ws.redo() == "粘贴三项任务"
    assert titles(ws, plan) == ["甲", "乙", "丙"]


def test_failed_operation_rolls_back_and_leaves_no_step(ws, plan):
    ws.add_task(plan.uuid, "甲")
    label = ws.undo_label()
    before = snapshot(ws)
    with pytest.raises(RuntimeError):
        with ws.operation("半途而废"):
            ws.add_task(plan.uuid, "乙")
            raise RuntimeError("boom")
    assert snapshot(ws) == before and ws.undo_label() == label


def test_new_edit_clears_redo(ws, plan):
    ws.add_task(plan.uuid, "甲")
    ws.undo()
    assert ws.redo_label()
    ws.add_task(plan.uuid, "乙")
    assert ws.redo_label() is None


def test_change_notification(ws, plan):
    seen = []
    ws.add_listener(seen.append)
    t = ws.add_task(plan.uuid, "甲")
    ws.edit_task(t.uuid, title="甲甲")
    ws.undo()
    assert [c.kind for c in seen] == ["do", "do", "undo"]
    assert "tasks" in seen[0].tables
    assert seen[2].tables == {"tasks"}          # what the undo rewrote
    ws.redo()
    assert seen[3].kind == "redo" and seen[3].tables == {"tasks"}
    assert seen[3].rows == {"tasks": {t.id}}
    other = ws.add_task(plan.uuid, "乙", position=0)     # shifts 甲 down: both rows written
    assert seen[4].rows["tasks"] == {t.id, other.id}


def test_insert_plan_tree_and_dump_shape(ws):
    parsed = {"title": "示范区工作方案", "kind": "work_plan", "year": 2022, "doc_number": "济槐政字〔2022〕16号",
              "tasks": [{"title": "重点任务", "children": [
                  {"title": "建设大厦", "text": "以…为契机。", "deadline": {"text": "2023年底前"},
                   "roles": {"responsible": ["区市场监管局", "区财政局"]},
                   "targets": [{"metric": "每万人口高价值发明专利拥有量", "value": 14, "unit": "件",
                                "qualifier": "达到"}]},
                  {"title": "品牌建设", "label_style": "3", "roles": {"lead": ["区市场监管局"]}}]}]}
    result = ws.insert_plan_tree(parsed, source_file="plan.txt")
    assert result["tasks"] == 3 and result["new_departments"] == ["区市场监管局", "区财政局"]
    d = dump(ws)
    assert d["format"] == "plandesk.dump/1"
    p = d["plans"][0]
    assert p["doc_number"] == "济槐政字〔2022〕16号"
    top = p["tasks"][0]
    assert (top["level"], top["number"], top["title"]) == (1, "一、", "重点任务")
    a, b = top["children"]
    assert (a["level"], a["number"]) == (2, "（一）")
    assert b["number"] == "1."                    # the document's own scheme (1. under 一、)
    assert a["deadline"] == {"text": "2023年底前", "date": "2023-12-31", "kind": "by"}
    assert a["roles"]["responsible"] == ["区市场监管局", "区财政局"]
    assert a["targets"] == [{"metric": "每万人口高价值发明专利拥有量", "value": 14, "unit": "件",
                             "qualifier": "达到"}]
    assert set(a) >= {"uuid", "level", "number", "title", "text", "deadline", "status", "roles",
                      "targets", "progress", "children"}
    assert [x["name"] for x in d["departments"]] == ["区市场监管局", "区财政局"]
    assert ws.undo().startswith("导入计划")
    assert dump(ws)["plans"] == []


def test_readonly_refuses_edits(tmp_path):
    from models.workspace import Workspace
    path = tmp_path / "ro.plandesk"
    Workspace.create(path).close()
    with Workspace.open(path, readonly=True) as ro:
        with pytest.raises(ReadOnlyWorkspace):
            ro.add_plan("x")
        assert ro.plans() == []


def test_deleting_many_siblings_renumbers_once_and_undoes_as_one_step(ws):
    plan = ws.add_plan("长清单")
    section = ws.add_task(plan.uuid, "一节")
    kids = [ws.add_task(plan.uuid, f"第{i}项", parent=section.uuid) for i in range(300)]
    ws.add_task(plan.uuid, "子项", parent=kids[0].uuid)
    gone = kids[::3]                       # every third, the first one with its child
    ws.delete_tasks([k.uuid for k in gone] + [gone[0].uuid])
    left = [t for t in ws.tasks(plan.uuid) if t.parent_id == section.id]
    assert [t.title for t in left] == [k.title for k in kids if k not in gone]
    assert [t.position for t in left] == list(range(200))
    assert "子项" not in {t.title for t in ws.tasks(plan.uuid)}
    # One row per task deleted or moved, not one per later sibling at every deletion.
    assert ws.step_size("undo") < 2 * 300
    assert ws.undo_label() == "删除 100 项任务"
    ws.undo()                              # one step brings them all back
    back = [t for t in ws.tasks(plan.uuid) if t.parent_id == section.id]
    assert [(t.title, t.position) for t in back] == [(k.title, i) for i, k in enumerate(kids)]
    assert "子项" in {t.title for t in ws.tasks(plan.uuid)}


def test_deleting_one_task_of_a_list_keeps_its_own_label(ws):
    plan = ws.add_plan("短清单")
    a = ws.add_task(plan.uuid, "甲")
    ws.add_task(plan.uuid, "乙")
    ws.delete_tasks([a.uuid])
    assert ws.undo_label() == "删除任务“甲”"
    assert [(t.title, t.position) for t in ws.tasks(plan.uuid)] == [("乙", 0)]


def test_new_keys_are_random_uuids_in_their_usual_form():
    import uuid

    from models.store import new_uuid
    keys = [new_uuid() for _ in range(2000)]
    assert len(set(keys)) == 2000
    for key in keys[:200]:
        parsed = uuid.UUID(key)
        assert str(parsed) == key and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_one_plans_dump_is_its_entry_in_the_whole_dump_and_reads_no_other_plan(ws):
    """An export or a notice dumps its own plan only: the same tree, roles, targets,
    progress, mentions and carried origins as the whole dump gives it, and nothing of the
    other plans."""
    from models.carry import carry
    from models.dump import plan_dict
    higher = ws.insert_plan_tree({"title": "市级方案", "kind": "work_plan", "year": 2025, "tasks": [
        {"title": "重点任务", "children": [
            {"title": "建设平台", "roles": {"lead": ["市发展改革委"], "support": ["市财政局"]},
             "people": ["张三"], "targets": [{"metric": "覆盖率", "value": 90, "unit": "%"}]},
            {"title": "完善机制", "roles": {"responsible": ["市司法局"]}}]}]})["plan"]
    mine = carry(ws, higher.uuid, title="区级方案", backup=False).plan
    other = ws.add_plan("另一计划")
    task = ws.add_task(other.uuid, "不相干的任务")
    ws.add_department("区教育局")
    ws.assign(task.uuid, "区教育局", "lead")
    ws.add_round(other.uuid, "一季度")
    ws.record_progress(task.uuid, "一季度", "区教育局", status="in_progress", percent=40)
    whole = {p["uuid"]: p for p in dump(ws)["plans"]}
    for p in ws.plans():
        assert plan_dict(ws, p.uuid) == whole[p.uuid]
    alone = dump(ws, mine)
    assert [p["uuid"] for p in alone["plans"]] == [mine.uuid]
    text = json.dumps(alone, ensure_ascii=False)
    assert "不相干的任务" not in text and "一季度" not in text
    carried = alone["plans"][0]["tasks"][0]["children"][0]
    assert carried["title"] == "建设平台" and "carried" in carried
