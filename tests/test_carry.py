"""承接: a plan from above carried into the district's plan through the counterpart table."""
from __future__ import annotations

import pytest

from models.carry import carry
from models.carry_status import carry_status
from models.dump import dump
from models.errors import InvalidEdit
from reports.importer import parse_file, parse_text

CITY = """泉城市推进质量强市建设工作方案
一、重点任务
（一）完善质量标准体系。开展标准化试点示范，2025年底前建成10个标准化示范项目。（牵头单位：市市场监管局；配合单位：市发展改革委）
（二）加强品牌培育。组织开展品牌价值评价工作。（责任单位：市商务局，各区、县级市）
（三）推进检验检测平台建设。（牵头单位：市科技局）
（四）建设历下区质量检测中心。（牵头单位：历下区市场监管局；配合单位：市科技局）
二、保障措施
（一）强化组织领导。（责任单位：各区、县级市）
（二）加强经费保障。（牵头单位：市财政局）
"""

LOCAL = ["区市场监管局", "区发改局", "区商务局", "区科技局"]


def flat(tasks):
    for t in tasks:
        yield t
        yield from flat(t["children"])


@pytest.fixture
def city(ws):
    plan = ws.insert_plan_tree(parse_text(CITY, "city.txt"))["plan"]
    for name in LOCAL:
        ws.add_department(name)
    return plan


def by_title(ws, plan_uuid):
    return {t["title"]: t for p in dump(ws)["plans"] if p["uuid"] == plan_uuid
            for t in flat(p["tasks"])}


def test_counterparts_proposed_by_rule(ws, city):
    found = {p.name: p for p in ws.propose_counterparts(
        ["市市场监管局", "市发展改革委", "各区、县级市", "市财政局", "历下区人民政府"], "历下区", city.uuid)}
    assert (found["市市场监管局"].department, found["市市场监管局"].how) == ("区市场监管局", "same_core")
    # 发改局 abbreviates 发展改革委: proposed, but the clerk must confirm it.
    assert found["市发展改革委"].department == "区发改局" and not found["市发展改革委"].sure
    assert found["各区、县级市"].is_self and found["历下区人民政府"].is_self
    # The city's own 市财政局 is in the registry (imported with the plan) but is not local.
    assert found["市财政局"].department is None


@pytest.mark.parametrize("higher, local", [
    ("济南市发展和改革委员会", "槐荫区发改局"), ("市工业和信息化局", "区工信局"),
    ("市人力资源和社会保障局", "区人社局"), ("市公安局", "区公安分局"),
    ("市委宣传部", "区委宣传部"), ("山东省市场监督管理局", "区市场监督管理局")])
def test_counterpart_rule_on_common_names(ws, higher, local):
    ws.add_department(local)
    ws.add_department("区教育和体育局")
    (p,) = ws.propose_counterparts([higher])
    assert p.department == local, (higher, p)


def test_carry_all_maps_departments_and_marks_own(ws, city):
    ws.set_counterpart("市发展改革委", "区发改局")
    result = carry(ws, city.uuid, district="历下区")
    assert result.carried == 8 and result.own == 2
    assert result.unmapped == ["市财政局"]
    tasks = by_title(ws, result.plan.uuid)
    higher = by_title(ws, city.uuid)
    first = tasks["完善质量标准体系"]
    assert first["implements"] == higher["完善质量标准体系"]["uuid"]
    assert first["roles"]["lead"] == ["区市场监管局"] and first["roles"]["support"] == ["区发改局"]
    assert first["text"] == higher["完善质量标准体系"]["text"]
    assert first["deadline"]["text"] == "2025年底前"
    assert first["source_label"] == "（一）" and first["carried"] == {"own": False}
    assert tasks["加强品牌培育"]["roles"]["responsible"] == ["区商务局"]
    assert tasks["加强品牌培育"]["carried"]["own"] is True
    assert tasks["强化组织领导"]["carried"] == {"own": True}
    # The sure rule's counterparts are now rows of the clerk's table, to confirm once.
    table = {r["name"]: r for r in ws.counterparts()}
    assert table["市市场监管局"] == {"name": "市市场监管局", "department": "区市场监管局",
                                 "is_self": False, "confirmed": False}
    assert table["市发展改革委"]["confirmed"] is True


def test_carry_is_one_undo_step(ws, city):
    plans_before, table_before = len(ws.plans()), ws.counterparts()
    carry(ws, city.uuid, district="历下区")
    assert str(ws.undo_label()) == "承接“泉城市推进质量强市建设工作方案”的任务"
    ws.undo()
    assert len(ws.plans()) == plans_before and ws.counterparts() == table_before


def test_carry_mine_and_again_adds_only_the_rest(ws, city):
    result = carry(ws, city.uuid, how="mine", district="历下区")
    titles = [t["title"] for t in by_title(ws, result.plan.uuid).values()]
    assert titles == ["重点任务", "加强品牌培育", "建设历下区质量检测中心", "保障措施", "强化组织领导"]
    centre = by_title(ws, result.plan.uuid)["建设历下区质量检测中心"]
    assert centre["roles"]["lead"] == ["区市场监管局"] and centre["roles"]["support"] == ["区科技局"]
    again = carry(ws, city.uuid, into=result.plan.uuid, district="历下区")
    assert (again.carried, again.skipped) == (3, 5)
    tasks = ws.tasks(result.plan.uuid)
    key = {t.title: t for t in tasks}
    # The new task sits under the district task that carries its parent.
    assert key["推进检验检测平台建设"].parent_id == key["重点任务"].id


def test_carry_section(ws, city):
    section = next(t for t in ws.tasks(city.uuid) if t.title == "保障措施")
    result = carry(ws, city.uuid, how="section", section=section.uuid)
    assert [t.title for t in ws.tasks(result.plan.uuid)] == ["保障措施", "强化组织领导", "加强经费保障"]


def test_carry_status_lists_what_needs_the_clerk(ws, city):
    result = carry(ws, city.uuid, how="mine", district="历下区")
    plan = result.plan
    ws.add_task(plan.uuid, "本区自行安排的任务")
    st = carry_status(ws, plan.uuid)
    assert [p.uuid for p in st.higher] == [city.uuid]
    assert {r["title"] for r in st.not_carried} == {"完善质量标准体系", "推进检验检测平台建设",
                                                    "加强经费保障"}
    assert [(r["title"], r["own"]) for r in st.without_lead] == [("强化组织领导", True)]
    assert [r["title"] for r in st.carries_nothing] == ["本区自行安排的任务"]
    lead = next(t for t in ws.tasks(plan.uuid) if t.title == "强化组织领导")
    ws.add_task(plan.uuid, "区内分解的子任务", parent=lead.uuid)
    ws.assign(lead.uuid, "区科技局", "lead")
    st = carry_status(ws, plan.uuid)
    assert st.without_lead == [] and [r["title"] for r in st.carries_nothing] == ["本区自行安排的任务"]


def test_huaiyin_seed_carried_as_the_city_plan(ws, seeds):
    """The seed's 区 units stand for the city's units; the district's are 县 units here."""
    city = ws.insert_plan_tree(parse_file(seeds / "huaiyin_2022_ip_county_work_plan_notice.txt"))["plan"]
    for name in ("县市场监管局", "县工业和信息化局", "县财政局", "县农业农村局", "县科技局", "县商务局"):
        ws.add_department(name)
    ws.set_counterpart("槐荫经济开发区管委会", "县科技局")
    result = carry(ws, city.uuid)
    assert result.carried == 20
    task = by_title(ws, result.plan.uuid)["建设中国地理标志产业大厦"]
    assert task["roles"]["responsible"] == ["县市场监管局", "县工业和信息化局", "县财政局", "县农业农村局",
                                          "县商务局"]
    assert task["source_label"] == "（一）"
    assert "区法院" in result.unmapped


def test_carry_into_itself_refused(ws, city):
    with pytest.raises(InvalidEdit) as e:
        carry(ws, city.uuid, into=city.uuid)
    assert "不能把计划承接到它自身" in str(e.value)
