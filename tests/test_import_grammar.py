"""Responsibility annotations read by grammar: each clause form, as found and as made up.

Every real phrasing from the field (first case of each pair) has a second one of the same
form written here, so the rule is the form, not the sentence.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.importer import parse_text
from reports.importer.responsibility import Convention, read, read_convention
from reports.importer.table import parse_table_rows
from reports.importer.units import VERBS, split_units


def roles_of(text, convention=None):
    reading = read(text, convention)
    return {role: units for role, units in reading.roles.items() if units}


def flat(tasks):
    for t in tasks:
        yield t
        yield from flat(t["children"])


def tasks_of(text):
    plan = parse_text(text, "方案.txt")
    return [t for t in flat(plan["tasks"]) if t["level"] > 1], plan["warnings"]


@pytest.mark.parametrize("first, later", [
    ("（商务部、海关总署、外汇局等负责。列第一位者为牵头单位，下同）", "（国家发展改革委、财政部负责）"),
    ("（县科技局、县统计局等负责。排名第一的为牵头单位，以下同）", "（县财政局、县税务局、县人社局负责）"),
    ("（区教育局、区卫健局负责，首位为牵头单位，下同）", "（区民政局、区残联负责）"),
    # the form of a city's 责任分解 (2020): after the last unit, the role named twice
    ("责任单位：市经信局、市财政局、市税务局（列第一位者为工作牵头单位或汇总单位，下同）",
     "责任单位：市商务局、市市场监管局"),
    # made up: the same statement with another second name
    ("（县住建局、县城管局负责，排在第一位的为本项工作牵头部门或召集部门，下同）",
     "（县水利局、县农业农村局负责）"),
])
def test_first_listed_leads_here_and_onward(first, later):
    reading = read(first)
    assert reading.convention.lead_first
    lead, *support = reading.roles["lead"] + reading.roles["support"]
    assert reading.roles["lead"] == [lead] and reading.roles["support"] == support and support
    again = read(later, reading.convention)
    assert len(again.roles["lead"]) == 1 and again.roles["support"] and not again.roles["responsible"]


@pytest.mark.parametrize("statement", [
    # the form of a city's notice (2025): in passing, inside a bracket of its own point
    "各牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要统筹相关责任单位制订办理方案。",
    # made up: another condition and another verb, as a sentence of its own
    "未明确牵头部门的，由责任部门作为牵头部门。",
])
def test_where_no_unit_leads_the_responsible_ones_do(statement):
    convention = read_convention(statement)
    assert convention.responsible_leads and not convention.lead_first
    assert roles_of("（责任单位：市发展改革委、市财政局）", convention) == {
        "lead": ["市发展改革委", "市财政局"]}
    # a named lead still leads, and the others support it
    assert roles_of("（牵头单位：市工信局；责任单位：市科技局）", convention) == {
        "lead": ["市工信局"], "support": ["市科技局"]}
    assert roles_of("（责任单位：市发展改革委）") == {"responsible": ["市发展改革委"]}


def test_the_notice_points_state_it_for_the_plan():
    text = ("某区人民政府办公室关于印发2025年重点工作责任分解方案的通知\n"
            "各街道办事处，区政府各部门：\n现将《2025年重点工作责任分解方案》印发给你们，请认真贯彻执行。\n"
            "一、压实责任。没有牵头单位的，其责任单位即为牵头单位，下同。\n"
            "某区人民政府办公室\n2025年2月1日\n2025年重点工作责任分解方案\n一、主要目标\n"
            "1.地区生产总值增长6%。\n责任单位：区发改局、区统计局\n")
    plan = parse_text(text, "分解.txt")
    (task,) = [t for t in flat(plan["tasks"]) if t["level"] == 2]
    assert task["roles"]["lead"] == ["区发改局", "区统计局"] and not task["roles"]["responsible"]
    assert plan["conventions"]["responsible_leads"]


def test_first_listed_without_onward_holds_only_there():
    reading = read("（县科技局、县财政局负责，排在第一位的为牵头单位）")
    assert reading.roles["lead"] == ["县科技局"] and not reading.convention.lead_first
    assert roles_of("（县发改局、县统计局负责）", reading.convention) == {
        "responsible": ["县发改局", "县统计局"]}


@pytest.mark.parametrize("text, units, scope", [
    ("（负责部门：邮政局、中国铁路总公司，适用范围：重庆自贸试验区）",
     ["邮政局", "中国铁路总公司"], "重庆自贸试验区"),
    ("（实施单位：市口岸办、市税务局；适用范围：两江新区）", ["市口岸办", "市税务局"], "两江新区"),
])
def test_labelled_field_and_scope(text, units, scope):
    reading = read(text)
    assert reading.roles["responsible"] == units
    assert reading.scopes == [scope] and not reading.rejected


@pytest.mark.parametrize("text, expected", [
    ("（农业农村部、科技部、市场监管总局等和各有关省级人民政府负责）",
     ["农业农村部", "科技部", "市场监管总局", "各有关省级人民政府"]),
    ("（教育部、财政部等和各有关地方人民政府负责）", ["教育部", "财政部", "各有关地方人民政府"]),
    ("人力资源社会保障部等有关部门和单位负责", ["人力资源社会保障部"]),
    ("区卫健局、区民政局等相关单位和部门负责", ["区卫健局", "区民政局"]),
    ("区经信局、区财政局等区政府有关部门，区开发区管委会负责", ["区经信局", "区财政局", "区开发区管委会"]),
])
def test_etc_closes_a_list(text, expected):
    assert roles_of(text) == {"responsible": expected}


@pytest.mark.parametrize("text, people, roles", [
    ("（责任领导：杜新国；牵头单位：县发改局）", ["杜新国"], {"lead": ["县发改局"]}),
    ("（联系领导：王晓明；责任单位：区商务局）", ["王晓明"], {"responsible": ["区商务局"]}),
    ("（朱伟县长牵头，县财政局负责）", ["朱伟县长"], {"responsible": ["县财政局"]}),
    ("（副区长李红牵头，区住建局、区城管局负责）", ["副区长李红"], {"responsible": ["区住建局", "区城管局"]}),
])
def test_people_are_never_departments(text, people, roles):
    reading = read(text)
    assert reading.people == people and roles_of(text) == roles and not reading.rejected


@pytest.mark.parametrize("text, people, roles", [
    # the form of a province's 重点工作分工 (湘政发〔2019〕1号): posts, then units, one bracket
    ("（分管副省长、协管副秘书长负责，省发展改革委牵头，省财政厅、省自然资源厅配合）",
     ["分管副省长", "协管副秘书长"], {"lead": ["省发展改革委"], "support": ["省财政厅", "省自然资源厅"]}),
    # made up: a county's, with 等; a bare post; a standing committee member; 领导 as a post
    ("（常务副县长负责，县发改局牵头，县财政局等配合）", ["常务副县长"],
     {"lead": ["县发改局"], "support": ["县财政局"]}),
    ("（县委书记、县长负责，县委办牵头，县直各单位配合）", ["县委书记", "县长"],
     {"lead": ["县委办"], "support": ["县直各单位"]}),
    ("（市委常委、副市长负责，市住建局牵头）", ["市委常委", "副市长"], {"lead": ["市住建局"]}),
    ("（分管区领导负责，区教育局牵头，区人社局、区财政局配合）", ["分管区领导"],
     {"lead": ["区教育局"], "support": ["区人社局", "区财政局"]}),
    ("（市政府分管领导、分管副州长负责，州民政局牵头）", ["市政府分管领导", "分管副州长"],
     {"lead": ["州民政局"]}),
])
def test_leaders_posts_in_the_units_bracket_are_people(text, people, roles):
    reading = read(text)
    assert reading.people == people and roles_of(text) == roles and not reading.rejected


def test_leaders_posts_stay_on_the_imported_task():
    tasks, warnings = tasks_of("方案\n一、任务\n1.扩大有效投资。（副省长负责，省发展改革委牵头，省统计局等配合）\n")
    (task,) = tasks
    assert task["people"] == ["副省长"] and "副省长" not in str(task["roles"])
    assert task["roles"]["lead"] == ["省发展改革委"] and task["roles"]["support"] == ["省统计局"]
    assert not warnings


@pytest.mark.parametrize("unit", ["县人大常委会", "常委会党组", "市长热线办公室", "县委办", "省政府办公厅"])
def test_a_unit_named_after_a_post_is_still_a_unit(unit):
    assert roles_of(f"（{unit}牵头）") == {"lead": [unit]}


@pytest.mark.parametrize("text, people, division", [
    # the words of a county notice (西乡县 2023: 包抓责任领导、责任股室、责任人)
    ("（包抓领导：张伟；责任单位：县发改局；责任股室：规划股；责任人：李娜）", ["张伟", "李娜"], "规划股"),
    # made up: another qualifier before 领导, and 股室 after the units
    ("（县级包联领导：王强，责任单位：县发改局，责任股室：村镇股）", ["王强"], "村镇股"),
])
def test_a_head_of_people_names_people_however_qualified(text, people, division):
    reading = read(text)
    assert reading.people == people and reading.roles["responsible"] == ["县发改局"]
    assert reading.divisions == {"responsible": [division]} and not reading.rejected


@pytest.mark.parametrize("leader, section", [("县级包抓领导", "责任股室"), ("包联负责人", "牵头股室")])
def test_table_columns_of_qualified_leaders_and_county_divisions(leader, section):
    rows = [["序号", "工作任务", leader, "责任单位", section, "完成时限"],
            ["1", "新建高标准农田2万亩。", "王强", "县农业农村局", "农田建设股", "2024年10月底前"]]
    (task,) = parse_table_rows(rows, "一览表.xlsx")["tasks"]
    assert task["title"] == "新建高标准农田2万亩" and task["people"] == ["王强"]
    assert task["roles"]["responsible"] == ["县农业农村局"]
    assert list(task["divisions"].values()) == [["农田建设股"]]


def test_people_and_scope_stay_on_the_task():
    tasks, _ = tasks_of("方案\n一、任务\n1.建设物流园区。（责任领导：杜新国；牵头单位：县发改局）\n"
                        "2.优化通关。（负责部门：海关、邮政局，适用范围：综合保税区）\n")
    first, second = tasks
    # kept in fields of their own (stored in task_mentions), not as lines of the text
    assert first["people"] == ["杜新国"] and "杜新国" not in first["text"]
    assert first["roles"]["lead"] == ["县发改局"]
    assert second["scopes"] == ["综合保税区"] and "综合保税区" not in second["text"]
    assert "综合保税区" not in str(second["roles"])


@pytest.mark.parametrize("header, lead, support", [
    (["序号", "重点任务", "牵头单位", "配合单位", "市卫健委内牵头处室", "市卫健委内配合处室"],
     "医政医管处", ["基层卫生处", "规划处"]),
    (["序号", "工作任务", "牵头部门", "协办单位", "局内牵头处室", "局内配合处室"],
     "法规处", ["办公室", "财务处"]),
])
def test_internal_divisions_are_kept_apart(header, lead, support):
    row = ["1", "推进分级诊疗", "市卫健委", "市医保局、市财政局", lead, "、".join(support)]
    task = parse_table_rows([header, row], "分工表.xlsx")["tasks"][0]
    assert task["roles"]["lead"] == ["市卫健委"]
    assert task["roles"]["support"] == ["市医保局", "市财政局"]
    assert task["divisions"] == {"lead": [lead], "support": support}
    assert lead not in task["text"]


def test_division_label_in_running_text():
    reading = read("（牵头单位：省卫健委；责任处室：医政处、规划处）")
    assert reading.roles["lead"] == ["省卫健委"]
    assert reading.divisions == {"responsible": ["医政处", "规划处"]}


@pytest.mark.parametrize("text", [
    "方案\n一、任务\n1.推进港口建设。（牵头部\n门：市交通委、市水务局）\n",
    "方案\n一、任务\n1.推进港口建设。（牵头单\n位：市交通委、市水务局）\n",
])
def test_a_label_broken_by_a_line_break(text):
    (task,), _ = tasks_of(text)
    assert task["roles"]["lead"] == ["市交通委", "市水务局"] and task["text"] == ""


@pytest.mark.parametrize("title", ["购置地面泵（机组）", "推广节水灌溉设备（泵站）"])
def test_a_bracket_in_an_item_name_is_no_annotation(title):
    tasks, _ = tasks_of(f"方案\n一、任务\n（一）{title}\n（二）建设数据平台（区大数据局）\n")
    assert tasks[0]["title"] == title and not any(tasks[0]["roles"].values())
    assert tasks[1]["roles"]["responsible"] == ["区大数据局"]


@pytest.mark.parametrize("line, kept, flagged", [
    ("1.优化营商环境。（发改委、市教体局科技经信局（国资委财政市场监管局按职能分工负责）",
     ["发改委", "市教体局科技经信局", "国资委财政市场监管局"], "市教体局科技经信局"),
    ("1.规范涉企收费。（区发改局、区商务局工信局（区财政局按职责分工负责）",
     ["区发改局", "区商务局工信局", "区财政局"], "区商务局工信局"),
])
def test_a_stray_bracket_keeps_every_unit_and_warns(line, kept, flagged):
    (task,), warnings = tasks_of(f"方案\n一、任务\n{line}\n")
    assert task["roles"]["responsible"] == kept and task["text"] == ""
    assert any(w["code"] == "importer.run_together" and w["args"]["unit"] == flagged for w in warnings)


@pytest.mark.parametrize("line, kept, rest", [
    ("1.规范收费。（市场监管局、财政商务按职能分工负责）", ["市场监管局"], "财政商务"),
    ("1.整治乱收费。（县税务局、人社住建按职责分工负责）", ["县税务局"], "人社住建"),
])
def test_short_names_without_suffix_are_warned_not_dropped(line, kept, rest):
    (task,), warnings = tasks_of(f"方案\n一、任务\n{line}\n")
    assert task["roles"]["responsible"] == kept and task["text"] == ""
    assert [(w["line"], w["code"], w["args"]["rest"]) for w in warnings] == [
        (3, "importer.units_unplaced", rest)]


@pytest.mark.parametrize("statement, unit", [
    ("（以下均需各区人民政府落实，不再列出）", "各区人民政府"),
    ("（以下任务均需各乡镇人民政府负责落实，不再一一列出）", "各乡镇人民政府"),
])
def test_units_that_apply_to_everything_after(statement, unit):
    reading = read(statement)
    assert reading.convention.omitted_units == (unit,)
    assert roles_of("（区发改局负责）", reading.convention) == {"responsible": ["区发改局"]}


@pytest.mark.parametrize("text, expected", [
    ("牵头单位：市卫健委；配合单位：市财政局", {"lead": ["市卫健委"], "support": ["市财政局"]}),
    ("主办单位：市商务局；协办单位：市海关", {"lead": ["市商务局"], "support": ["市海关"]}),
    ("牵头负责单位：区农业农村局；协同责任单位：区水务局", {"lead": ["区农业农村局"], "support": ["区水务局"]}),
    ("（区发改局主办，区财政局协办）", {"lead": ["区发改局"], "support": ["区财政局"]}),
    ("（省农业农村厅督导，各市政府落实）", {"guide": ["省农业农村厅"], "responsible": ["各市政府"]}),
    ("牵头：区科技局；配合：区财政局、区税务局", {"lead": ["区科技局"], "support": ["区财政局", "区税务局"]}),
])
def test_role_words_before_and_after_the_units(text, expected):
    assert roles_of(text) == expected


# -- the property: splitting never makes a unit out of a role word, a connector or a piece
_LEVEL = st.sampled_from(["区", "市", "县", "省", ""])
_CORE = st.sampled_from(["发展改革", "财政", "市场监管", "人力资源和社会保障", "科技", "教育", "卫生健康",
                         "农业农村", "商务", "生态环境", "住房和城乡建设", "文化和旅游", "统计"])
_SUFFIX = st.sampled_from(["局", "委", "厅", "办", "中心"])
_UNIT = st.builds(lambda a, b, c: a + b + c, _LEVEL, _CORE, _SUFFIX)
_SEP = st.sampled_from(["、", "，", ",", "；", "和", "及", "、"])
_TAIL = st.sampled_from(["", "等", "等有关部门", "等相关单位", "等有关部门和单位", "等部门"])
_ROLE_WORDS = {v for v, _ in VERBS} | {"牵头", "配合", "负责", "参与", "协助", "指导"}
_CONNECTORS = {"和", "及", "以及", "与", "等", "等有关部门", "有关部门", "单位", "部门"}


@settings(max_examples=300, deadline=None)
@given(st.lists(_UNIT, min_size=1, max_size=6, unique=True), st.data())
def test_split_and_rejoin_never_makes_fragments(units, data):
    seps = [data.draw(_SEP) for _ in units[1:]]
    joined = units[0] + "".join(s + u for s, u in zip(seps, units[1:])) + data.draw(_TAIL)
    got = split_units(joined)
    assert set(got) <= set(units), (joined, got)
    assert not (set(got) & (_ROLE_WORDS | _CONNECTORS))
    # every name comes back (和 inside "住房和城乡建设局" never splits it)
    assert got == units, joined
    verb = data.draw(st.sampled_from(["负责", "牵头", "配合", "按职责分工负责"]))
    reading = read(f"（{joined}{verb}）", Convention())
    assert [u for r in reading.roles.values() for u in r] == units
    assert not reading.rejected


@pytest.mark.parametrize("sentence", ["各单位主要领导为第一责任人", "各乡镇要明确专人负责到底"])
def test_a_sentence_about_a_collective_is_no_unit(sentence):
    (task,), _ = tasks_of(f"方案\n一、任务\n1.压实责任。（{sentence}）\n")
    assert not any(task["roles"].values()) and sentence in task["text"]


@pytest.mark.parametrize("line, lead, support", [
    # the form of a province's 重点任务分工方案 (2021): a label naming the division of work,
    # whose value is itself a clause list
    ("部门分工：省发展改革委牵头，各地、各部门配合。", ["省发展改革委"], ["各地", "各部门"]),
    # made up: another label of the same kind, other collectives
    ("责任分工：市教育局牵头，市财政局、各区、各单位配合", ["市教育局"], ["市财政局", "各区", "各单位"]),
])
def test_a_division_of_work_label_holds_role_clauses(line, lead, support):
    assert roles_of(line) == {"lead": lead, "support": support}


def test_a_collective_after_etc_names_nobody_but_on_its_own_it_is_a_unit():
    assert split_units("市财政局等各部门") == ["市财政局"]
    assert split_units("各街道、各部门") == ["各街道", "各部门"]
