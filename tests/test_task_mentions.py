"""People (责任领导), scopes (适用范围) and internal divisions (处室) a task names: read by
the importer, stored in their own row (never in the text, never as departments), carried
in ``dump``, copied with the task, undone, and moved out of the text of older workspaces."""
from __future__ import annotations

import shutil
from pathlib import Path

from models.dump import dump
from models.mentions import split_kept_lines
from models.schema import SCHEMA_VERSION
from models.task_copy import copy_tasks, paste_tasks
from models.workspace import Workspace
from reports.importer import parse_text
from reports.importer.table import parse_table_rows

HERE = Path(__file__).parent
REAL = HERE / "data" / "import" / "real"
FIXTURES = HERE / "fixtures"


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def by_title(tasks, start: str) -> dict:
    return next(t for t in flat(tasks) if t["title"].startswith(start))


def stored(plan: dict) -> tuple[Workspace, list]:
    ws = Workspace.memory()
    ws.insert_plan_tree(plan, backup=False)
    return ws, dump(ws)["plans"][-1]["tasks"]


MADE_UP = ("某县物流枢纽建设实施方案\n一、重点任务\n"
           "1.建设物流园区。新建冷链仓储10万平方米。（责任领导：杜新国；牵头单位：县发改局；"
           "配合单位：县商务局）\n"
           "2.优化通关服务。（负责部门：县商务局、县税务局，适用范围：综合保税区）\n")


def test_the_importer_fills_them_from_a_made_up_plan_and_the_text_stays_clean():
    ws, tasks = stored(parse_text(MADE_UP, "方案.txt"))
    park, customs = by_title(tasks, "建设物流园区"), by_title(tasks, "优化通关服务")
    assert park["people"] == ["杜新国"] and park["text"] == "新建冷链仓储10万平方米。"
    assert park["roles"]["lead"] == ["县发改局"] and park["roles"]["support"] == ["县商务局"]
    assert customs["scopes"] == ["综合保税区"] and customs["text"] == ""
    assert customs["roles"]["responsible"] == ["县商务局", "县税务局"]
    names = {d["name"] for d in dump(ws)["departments"]}
    assert not names & {"杜新国", "综合保税区"}          # never in the registry


def test_a_leader_heading_of_a_published_plan():
    """海盐县 2022: "一、王丹县长牵头重点工作" — the county head named by the heading."""
    text = (REAL / "haiyan_2022_key_work_breakdown.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    ws, tasks = stored(parse_text(text, "haiyan.txt"))
    heads = [t for t in tasks if t["people"]]
    assert [t["people"] for t in heads[:2]] == [["王丹县长"], ["曹惠明常务副县长"]]
    assert all(t["title"].endswith("牵头重点工作") for t in heads)
    names = {d["name"] for d in dump(ws)["departments"]}
    assert "王丹县长" not in names


def test_a_made_up_leader_heading_of_the_same_form():
    plan = parse_text("某区重点工作责任分解\n一、李红副区长牵头重点工作\n"
                      "1.新建社区养老服务站12个。\n责任单位：区民政局（首位单位为牵头单位，下同）、区财政局\n"
                      "二、张伟区长牵头重点工作\n1.完成老旧小区改造30个。\n责任单位：区住建局\n", "分解.txt")
    _, tasks = stored(plan)
    assert [t["people"] for t in tasks] == [["李红副区长"], ["张伟区长"]]
    assert by_title(tasks, "新建社区养老")["roles"]["lead"] == ["区民政局"]


def test_division_columns_of_a_table_are_stored_by_role():
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "责任领导", "局内牵头处室", "局内配合处室"],
            ["1", "推进分级诊疗", "市卫健委", "市医保局", "王丹", "医政医管处", "基层卫生处、规划处"]]
    _, tasks = stored(parse_table_rows(rows, "分工表.xlsx"))
    task = tasks[0]
    assert task["divisions"] == {"lead": ["医政医管处"], "support": ["基层卫生处", "规划处"],
                                 "responsible": [], "guide": []}
    assert task["people"] == ["王丹"] and task["roles"]["lead"] == ["市卫健委"]
    assert "处" not in task["text"] and "王丹" not in task["text"]


def test_dump_has_the_new_keys_on_every_task_and_reimports():
    ws, tasks = stored(parse_text(MADE_UP, "方案.txt"))
    for task in flat(tasks):
        assert set(task) >= {"people", "scopes", "divisions", "roles"}
        assert set(task["divisions"]) == {"lead", "support", "responsible", "guide"}
    # a dump is a plan the importer's store takes back unchanged
    again = Workspace.memory()
    again.insert_plan_tree(dump(ws)["plans"][-1], backup=False)
    back = dump(again)["plans"][-1]["tasks"]
    assert by_title(back, "建设物流园区")["people"] == ["杜新国"]
    assert by_title(back, "优化通关服务")["scopes"] == ["综合保税区"]


def test_edits_import_and_delete_are_undone():
    ws, tasks = stored(parse_text(MADE_UP, "方案.txt"))
    uuid = by_title(tasks, "建设物流园区")["uuid"]
    ws.set_mentions(uuid, people=["杜新国", "王丹县长"], scopes=["县城片区"])
    assert ws.mentions(uuid)["people"] == ["杜新国", "王丹县长"]
    assert "责任领导" in ws.undo_label()
    ws.undo()
    assert ws.mentions(uuid) == {"people": ["杜新国"], "scopes": [], "divisions": {}}
    ws.redo()
    assert ws.mentions(uuid)["scopes"] == ["县城片区"]
    ws.set_mentions(uuid, people=[], scopes=[])          # emptied: no row left
    assert ws.one("SELECT count(*) FROM task_mentions WHERE task_id=?",
                  (ws.task(uuid).id,))[0] == 0
    ws.undo()
    assert ws.mentions(uuid)["people"] == ["杜新国", "王丹县长"]
    ws.delete_task(uuid)
    ws.undo()                                           # the row comes back with the task
    assert ws.mentions(uuid)["scopes"] == ["县城片区"]
    while ws.undo_count():                              # back to before the import
        ws.undo()
    assert ws.one("SELECT count(*) FROM task_mentions")[0] == 0


def test_copied_tasks_keep_them():
    ws, tasks = stored(parse_text(MADE_UP, "方案.txt"))
    plan = ws.plans()[-1].uuid
    data = copy_tasks(ws, [by_title(tasks, "优化通关服务")["uuid"]])
    (new,) = paste_tasks(ws, plan, data)
    assert ws.mentions(new)["scopes"] == ["综合保税区"]


def test_an_old_workspace_has_the_lines_moved_out_of_its_text(tmp_path):
    path = tmp_path / "old.plandesk"
    shutil.copy(FIXTURES / "schema7.plandesk", path)
    with Workspace.open(path) as ws:
        assert ws.one("PRAGMA user_version")[0] == SCHEMA_VERSION
        tasks = dump(ws)["plans"][0]["tasks"]
        park = by_title(tasks, "建设物流园区")
        assert park["text"] == "新建冷链仓储10万平方米。" and park["people"] == ["杜新国"]
        customs = by_title(tasks, "优化通关服务")
        assert customs["text"] == "" and customs["scopes"] == ["综合保税区", "县城片区"]
        clinic = by_title(tasks, "推进分级诊疗")
        assert clinic["text"] == "" and clinic["people"] == ["王丹县长", "曹惠明"]
        assert clinic["divisions"]["lead"] == ["医政医管处"]
        assert clinic["divisions"]["support"] == ["基层卫生处", "规划处"]
        own = by_title(tasks, "压实工作责任")        # a line the clerk wrote mid-text stays
        assert own["text"].startswith("责任领导：各分管县长\n") and own["people"] == []
        assert park["roles"]["lead"] == ["县发改局"]
        # the migration is no undo step; later edits are
        assert ws.undo_count() == 0
        ws.set_mentions(park["uuid"], people=["杜新国", "李明"])
        ws.undo()
        assert ws.mentions(park["uuid"])["people"] == ["杜新国"]


def test_split_kept_lines_reads_only_the_trailing_lines_of_that_form():
    assert split_kept_lines("要求。\n责任领导：甲、乙\n指导处室：法规处") == (
        "要求。", {"people": ["甲", "乙"], "scopes": [], "divisions": {"guide": ["法规处"]}})
    assert split_kept_lines("责任领导：甲\n按月调度。") == ("责任领导：甲\n按月调度。", None)
    assert split_kept_lines("没有注释。") == ("没有注释。", None)


def test_a_large_import_is_undone_and_redone_with_its_mentions():
    """Past a few rows the import logs its undo entries in bulk (``undo.insert_many``)."""
    lines = ["某县重点工作责任分解", "一、重点工作"]
    lines += [f"{i}.完成第{i}项工作。（责任领导：杜新国；牵头单位：县发改局）" for i in range(1, 601)]
    ws = Workspace.memory()
    ws.insert_plan_tree(parse_text("\n".join(lines) + "\n", "分解.txt"), backup=False)
    count = "SELECT count(*) FROM task_mentions"
    assert ws.one(count)[0] == 600
    ws.undo()
    assert ws.one(count)[0] == 0
    ws.redo()
    assert ws.one(count)[0] == 600
    assert by_title(dump(ws)["plans"][-1]["tasks"], "完成第600项")["people"] == ["杜新国"]
