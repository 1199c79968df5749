"""Division tables: parse_table_rows on rows of cells, and tables flattened to text."""
from __future__ import annotations

import pytest

from reports.importer import PlanImportError, parse_text
from reports.importer.table import header_kinds, parse_table_rows, phrases, split_measures


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def roles(task):
    return {role: units for role, units in task["roles"].items() if units}


def test_header_rows_are_recognised_with_spaces_and_blank_merged_cells():
    assert header_kinds(["重点任务", "", "责任部门", "备注"]) == ["task", "task", "responsible", "note"]
    assert header_kinds(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]) == [
        "number", "task", "lead", "support", "deadline"]
    assert header_kinds(["重点任 务", "责 任 部 门", "备 注"]) == ["task", "responsible", "note"]
    assert header_kinds(["1", "实施专利导航", "区市场监管局", "区科技局"]) is None


def test_measures_in_one_cell_are_split_only_on_running_numbers():
    assert split_measures("1. 积极探索改革。 2. 鼓励开展试点，增长1.5倍。 3. 开展综合执法。") == [
        "1. 积极探索改革。", "2. 鼓励开展试点，增长1.5倍。", "3. 开展综合执法。"]
    assert split_measures("1. 推进建设，覆盖3. 5个区县") == ["1. 推进建设，覆盖3. 5个区县"]
    assert split_measures("（一）开展试点。") == ["（一）开展试点。"]


def test_responsibility_phrases_split_at_paragraphs_and_after_role_words():
    assert phrases("<p>省知识产权局牵头，省委组织部参加</p> <p>省知识产权局、省科技厅负责</p>") == [
        "省知识产权局牵头，省委组织部参加", "省知识产权局、省科技厅负责"]
    assert phrases("省统计局牵头，省发展改革委参加 省国资委牵头，省科技厅参加 省科技厅负责") == [
        "省统计局牵头，省发展改革委参加", "省国资委牵头，省科技厅参加", "省科技厅负责"]
    assert phrases("省知识产权局、 省版权局负责") == ["省知识产权局、省版权局负责"]


def test_rows_with_a_header_merged_cells_and_row_numbers():
    rows = [
        ["重点任务分工表", "", "", "", "", ""],
        ["序号", "工作任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
        ["1", "提升创造水平", "实施专利质量提升工程。", "县市场监管局", "县科技局、县工信局", "2023年底前"],
        ["2", "提升创造水平", "开展商标品牌培育行动。", "县市场监管局", "县农业农村局", "长期坚持"],
        ["3", "加强保护", "开展执法专项行动。", "县市场监管局", "县公安局", "每年11月底前"],
    ]
    plan = parse_table_rows(rows, "分工.xlsx", first_row_number=1)
    assert plan["title"] == "重点任务分工表" and plan["kind"] == "division_table"
    assert [(t["level"], t["source_label"], t["title"]) for t in flat(plan["tasks"])] == [
        (1, "", "提升创造水平"), (2, "1", "实施专利质量提升工程"), (2, "2", "开展商标品牌培育行动"),
        (1, "", "加强保护"), (2, "3", "开展执法专项行动")]
    first = plan["tasks"][0]["children"][0]
    assert roles(first) == {"lead": ["县市场监管局"], "support": ["县科技局", "县工信局"]}
    assert first["deadline"] == {"text": "2023年底前"} and first["line"] == 3
    assert plan["warnings"] == []


def test_measures_pair_with_their_responsibility_phrases():
    rows = [["一、推进改革", "（一）开展试点。", "1. 探索改革。 2. 面向国企建立考评模式。 3. 加大奖励权重。",
             "省统计局牵头，省科技厅参加 省国资委牵头，省知识产权局参加 省科技厅、省知识产权局负责"]]
    plan = parse_table_rows(rows, "t.txt")
    section = plan["tasks"][0]
    assert (section["title"], section["level"]) == ("推进改革", 1)
    measures = section["children"][0]["children"]
    assert [m["title"] for m in measures] == ["探索改革", "面向国企建立考评模式", "加大奖励权重"]
    assert [roles(m) for m in measures] == [
        {"lead": ["省统计局"], "support": ["省科技厅"]},
        {"lead": ["省国资委"], "support": ["省知识产权局"]},
        {"responsible": ["省科技厅", "省知识产权局"]}]


def test_one_phrase_for_several_measures_applies_to_each_and_mismatch_is_warned():
    rows = [["（一）甲。", "1. 子一。 2. 子二。", "省知识产权局负责"],
            ["（二）乙。", "1. 子三。 2. 子四。", "<p>省商务厅负责</p><p>省外办负责</p><p>省贸促会负责</p>"]]
    plan = parse_table_rows(rows, "t.txt", first_row_number=10)
    first, second = plan["tasks"]
    assert [roles(c) for c in first["children"]] == [{"responsible": ["省知识产权局"]}] * 2
    assert roles(second["children"][0]) == {"responsible": ["省商务厅", "省外办", "省贸促会"]}
    assert [w["line"] for w in plan["warnings"]] == [11]
    assert plan["warnings"][0]["message"] == "第 11 行：3 条责任分工对应 2 项任务，已全部分给每一项，请核对。"


def test_headerless_two_unit_columns_are_lead_and_support():
    plan = parse_table_rows([["1", "实施专利导航", "区市场监管局", "区科技局、区财政局", "2023年底前"]], "x")
    assert roles(plan["tasks"][0]) == {"lead": ["区市场监管局"], "support": ["区科技局", "区财政局"]}


def test_unit_column_with_unusual_names_under_its_header():
    rows = [["任务", "牵头单位", "配合单位"], ["推进数据共享", "区数据资源管理局", "国网东湖供电公司、中国移动东湖分公司"]]
    plan = parse_table_rows(rows, "x")
    assert roles(plan["tasks"][0]) == {"lead": ["区数据资源管理局"],
                                       "support": ["国网东湖供电公司", "中国移动东湖分公司"]}


def test_empty_table_raises():
    with pytest.raises(PlanImportError, match="^x.xlsx：表格中没有找到任务行"):
        parse_table_rows([["序号", "重点任务", "牵头单位"], ["", "", ""]], "x.xlsx")


def test_text_table_with_title_and_repeated_header():
    text = ("某某分工表\n\n序号\t工作任务\t牵头单位\t完成时限\n1\t开展专利导航\t区市场监管局\t2023年底前\n\n"
            "序号\t工作任务\t牵头单位\t完成时限\n2\t推进品牌建设\t区商务局\t长期坚持\n")
    plan = parse_text(text, "t.txt")
    assert plan["title"] == "某某分工表" and plan["kind"] == "division_table"
    assert [(t["title"], t["roles"]["lead"], t["deadline"]["text"], t["line"]) for t in plan["tasks"]] == [
        ("开展专利导航", ["区市场监管局"], "2023年底前", 4), ("推进品牌建设", ["区商务局"], "长期坚持", 7)]


def test_a_table_after_the_plan_gives_roles_to_the_same_tasks():
    text = ("方案\n一、任务\n1.开展专利导航。聚焦重点产业。\n2.推进品牌建设。培育区域品牌。\n"
            "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n1\t开展专利导航\t区市场监管局\t区科技局\n"
            "2\t推进品牌建设\t区商务局\t区农业农村局\n3\t建设交易平台\t区财政局\t区金融办\n")
    plan = parse_text(text)
    tasks = plan["tasks"][0]["children"]
    assert [(t["title"], roles(t)) for t in tasks] == [
        ("开展专利导航", {"lead": ["区市场监管局"], "support": ["区科技局"]}),
        ("推进品牌建设", {"lead": ["区商务局"], "support": ["区农业农村局"]})]
    assert len(plan["tasks"]) == 1
    assert any(w["line"] == 10 and "建设交易平台" in w["message"] for w in plan["warnings"])


def test_a_table_under_a_heading_holds_its_tasks():
    text = ("方案\n一、总体要求\n坚持创新驱动。\n二、重点任务\n序号\t工作任务\t牵头单位\n1\t实施专利导航\t区市场监管局\n"
            "2\t开展品牌培育\t区商务局\n三、保障措施\n（一）加强领导。")
    plan = parse_text(text)
    assert [(t["level"], t["title"]) for t in flat(plan["tasks"])] == [
        (1, "总体要求"), (1, "重点任务"), (2, "实施专利导航"), (2, "开展品牌培育"), (1, "保障措施"), (2, "加强领导")]


def test_a_note_under_the_table_sets_the_lead_first_convention():
    text = ("分工表\n序号\t重点任务\t责任单位\n1\t开展专利导航\t区市场监管局、区科技局\n"
            "2\t推进品牌建设\t区商务局、区农业农村局\n注：责任单位中排在第一位的为牵头单位。\n")
    plan = parse_text(text)
    assert [(roles(t)) for t in plan["tasks"]] == [
        {"lead": ["区市场监管局"], "support": ["区科技局"]}, {"lead": ["区商务局"], "support": ["区农业农村局"]}]
    assert plan["conventions"]["lead_first"] and "注：" in plan["preamble"]


def test_spreadsheet_cell_values():
    import datetime
    rows = [["序号", "重点任务", "牵头单位", "完成时限"], [1.0, "开展专利导航", "区市场监管局", datetime.date(2023, 12, 31)],
            [2, "推进品牌建设", None, "长期坚持"]]
    plan = parse_table_rows(rows, "book.xlsx")
    first, second = plan["tasks"]
    assert (first["source_label"], first["deadline"]) == ("1", {"text": "2023年12月31日"})
    assert (second["source_label"], roles(second)) == ("2", {})


def test_a_single_space_table_whose_header_words_are_spaced_out():
    """The form of a State Council office's 量化指标任务分工 (2016): a header written
    "序号 工 作 任 务 牵头负责部门" to fill its columns, rows with single spaces; made up here
    with another header word spaced out and other ministries."""
    plan = parse_text(
        "2025年重点指标任务分工\n"
        "序号 任 务 内 容 牵头部门\n"
        "1 粮食产量稳定在1.3万亿斤以上 农业农村部\n"
        "2 新增减税降费1万亿元,惠及小微企业 财政部\n"
        "3 新开工改造城镇老旧小区5万个 住房城乡建设部\n",
        "分工.txt")
    tasks = list(flat(plan["tasks"]))
    assert [(t["title"], t["roles"]["lead"]) for t in tasks] == [
        ("粮食产量稳定在1.3万亿斤以上", ["农业农村部"]),
        ("新增减税降费1万亿元，惠及小微企业", ["财政部"]),
        ("新开工改造城镇老旧小区5万个", ["住房城乡建设部"])]
