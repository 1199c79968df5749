"""A revised plan from above: the diff lists exactly what changed; accepting it keeps the
district's breakdown, assignments and progress."""
from __future__ import annotations

import pytest

from cli import run
from models.carry import carry
from models.dump import dump
from models.plan_diff import diff_received
from models.plan_merge import accept_changes
from reports.importer import parse_file, parse_text
from test_carry import CITY

ROUND = "2025年第三季度"


def revise_seed(text: str) -> str:
    """The seed as the city might revise it: one task reworded, one's departments changed,
    one deleted (the next renumbered), one added, one moved to the front of its section."""
    lines = text.split("\n")
    out = []
    moved = next(line for line in lines if line.startswith("(六)全面加强知识产权宣传培训"))
    for line in lines:
        if line.startswith("(二)推动知识产权品牌建设"):
            line = line.replace("创建国内外知名品牌", "创建一批国内外知名商标品牌")
        elif line.startswith("(四)深入实施入园惠企活动"):
            line = line.replace("、槐荫经济开发区管委会", "")
        elif line.startswith("(五)建设知识产权综合服务体系"):
            continue
        elif line.startswith("(六)实施知识产权严保护工程"):
            line = "(五)" + line[3:]
            out.append(line)
            out.append("(六)推进数据知识产权保护。开展数据知识产权登记试点，探索数据资产评估。"
                       "(责任单位:区市场监管局、区大数据局)")
            continue
        elif line == moved:
            continue
        elif line.startswith("(一)完善知识产权管理体系"):
            out.append("(一)" + moved[3:])
            line = "(二)" + line[3:]
        out.append(line)
    return "\n".join(out)


def titles(changes, kind):
    return [(c.old or c.new).title for c in changes if c.kind == kind]


@pytest.fixture
def received(ws, seeds):
    path = seeds / "huaiyin_2022_ip_county_work_plan_notice.txt"
    plan = ws.insert_plan_tree(parse_file(path))["plan"]
    return plan, path.read_text(encoding="utf-8")


def test_diff_of_the_revised_seed_lists_exactly_the_changes(ws, received):
    plan, text = received
    d = diff_received(ws, plan.uuid, parse_text(revise_seed(text), "revised.txt"))
    assert d.counts() == {"reworded": 1, "roles": 1, "removed": 1, "added": 1, "moved": 1}
    assert titles(d.changes, "reworded") == ["推动知识产权品牌建设"]
    assert titles(d.changes, "roles") == ["深入实施入园惠企活动"]
    assert titles(d.changes, "removed") == ["建设知识产权综合服务体系"]
    assert titles(d.changes, "added") == ["推进数据知识产权保护"]
    assert titles(d.changes, "moved") == ["全面加强知识产权宣传培训"]


def test_accepting_keeps_the_district_plan_and_its_progress(ws, received):
    plan, text = received
    district = carry(ws, plan.uuid).plan
    local = {t.title: t for t in ws.tasks(district.uuid)}
    ws.add_round(district.uuid, ROUND)
    ws.add_task(district.uuid, "本区细化：建设地标产业孵化器", parent=local["建设知识产权综合服务体系"].uuid)
    for title in ("深入实施入园惠企活动", "建设知识产权综合服务体系"):
        ws.record_progress(local[title].uuid, ROUND, "区市场监管局", status="in_progress",
                           percent=40, text=f"{title}：推进中")
    before = [p for p in dump(ws)["plans"] if p["uuid"] == district.uuid]

    d = diff_received(ws, plan.uuid, parse_text(revise_seed(text), "revised.txt"))
    affected = {c.old.title: [t["title"] for t in d.affected.get(c.old.ref, [])]
                for c in d.changes if c.old is not None}
    assert affected["建设知识产权综合服务体系"] == ["建设知识产权综合服务体系"]
    assert affected["深入实施入园惠企活动"] == ["深入实施入园惠企活动"]
    done = accept_changes(ws, plan.uuid, d)
    assert done == {"reworded": 1, "roles": 1, "added": 1, "moved": 1, "removed": 1}

    after = [p for p in dump(ws)["plans"] if p["uuid"] == district.uuid]
    assert after == before                               # the district's plan untouched
    tasks = {t.title: t for t in ws.tasks(plan.uuid)}
    assert "建设知识产权综合服务体系" not in tasks and "推进数据知识产权保护" in tasks
    assert ws.roles(tasks["深入实施入园惠企活动"].uuid)["responsible"] == ["区市场监管局", "区金融事业发展中心"]
    assert "知名商标品牌" in tasks["推动知识产权品牌建设"].text
    section = next(t for t in ws.tasks(plan.uuid) if t.title == "保障措施")
    assert ws.children(plan.uuid, section.uuid)[0].title == "全面加强知识产权宣传培训"
    numbers = ws.numbers(plan.uuid)
    assert numbers[tasks["推进数据知识产权保护"].id] == "（六）"
    # A second look at the same revision finds nothing left to accept; one undo restores all.
    assert diff_received(ws, plan.uuid, parse_text(revise_seed(text), "revised.txt")).changes == []
    ws.undo()
    assert "建设知识产权综合服务体系" in {t.title for t in ws.tasks(plan.uuid)}


CITY_REVISED = """泉城市推进质量强市建设工作方案
一、重点任务
（一）完善质量标准体系。开展标准化试点示范，2024年底前建成12个标准化示范项目。（牵头单位：市市场监管局；配合单位：市发展改革委）
（二）推进检验检测平台建设。（牵头单位：市科技局；配合单位：市市场监管局）
（三）加强品牌培育。组织开展品牌价值评价工作。（责任单位：市商务局，各区、县级市）
（四）建设历下区质量检测中心。（牵头单位：历下区市场监管局；配合单位：市科技局）
二、保障措施
（一）强化组织领导。（责任单位：各区、县级市）
"""


def test_second_form_deadline_targets_and_order(ws):
    plan = ws.insert_plan_tree(parse_text(CITY, "city.txt"))["plan"]
    d = diff_received(ws, plan.uuid, parse_text(CITY_REVISED, "city-2.txt"))
    assert d.counts() == {"reworded": 1, "deadline": 1, "roles": 1, "moved": 1, "removed": 1}
    assert titles(d.changes, "deadline") == ["完善质量标准体系"]
    assert titles(d.changes, "removed") == ["加强经费保障"]
    assert {titles(d.changes, "moved")[0]} <= {"推进检验检测平台建设", "加强品牌培育"}
    accept_changes(ws, plan.uuid, d, kinds=["deadline", "roles"])
    first = next(t for t in ws.tasks(plan.uuid) if t.title == "完善质量标准体系")
    assert first.deadline_text == "2024年底前" and "10个" in first.text   # text not accepted


def test_plan_commands(tmp_path, capsys):
    ws_path = tmp_path / "ws.plandesk"
    (tmp_path / "city.txt").write_text(CITY, encoding="utf-8")
    (tmp_path / "city-2.txt").write_text(CITY_REVISED, encoding="utf-8")
    assert run(["import", str(ws_path), str(tmp_path / "city.txt")]) == 0
    assert run(["plan", "diff", str(ws_path), str(tmp_path / "city-2.txt")]) == 0
    out = capsys.readouterr().out
    assert "[完成时限调整]" in out and "2025年底前" in out and "│ 2024年底前" in out
    assert run(["plan", "merge", str(ws_path), str(tmp_path / "city-2.txt"), "--only", "removed"]) == 0
    assert "已采纳 1 处修改" in capsys.readouterr().err
    assert run(["plan", "merge", str(ws_path), str(tmp_path / "city-2.txt"), "--only", "nope"]) == 2


def test_a_removed_heading_keeps_its_tasks_unless_their_move_is_accepted(ws):
    """Made up: the revision drops the heading 保障措施 and lists its tasks under 重点任务."""
    plan = ws.insert_plan_tree(parse_text(CITY, "city.txt"))["plan"]
    flat = CITY.replace("二、保障措施\n（一）强化组织领导", "（五）强化组织领导").replace(
        "（二）加强经费保障", "（六）加强经费保障")
    d = diff_received(ws, plan.uuid, parse_text(flat, "flat.txt"))
    assert titles(d.changes, "removed") == ["保障措施"]
    assert sorted(titles(d.changes, "moved")) == ["加强经费保障", "强化组织领导"]
    accept_changes(ws, plan.uuid, d, kinds=["removed"])
    assert {"保障措施", "强化组织领导", "加强经费保障"} <= {t.title for t in ws.tasks(plan.uuid)}
    accept_changes(ws, plan.uuid, diff_received(ws, plan.uuid, parse_text(flat, "flat.txt")))
    tasks = {t.title: t for t in ws.tasks(plan.uuid)}
    assert "保障措施" not in tasks
    assert tasks["加强经费保障"].parent_id == tasks["重点任务"].id
