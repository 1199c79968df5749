"""Forms met in published plans (tests/data/import/real/) and the general rules they need.

Each test states one rule on a small text in the form the real documents use; the real
documents themselves are scored in test_import_heldout.py.
"""
from __future__ import annotations

import pytest

from reports.importer import parse_text
from reports.importer.furniture import is_furniture, read_metadata
from reports.importer.labels import parse_decimal, parse_label
from reports.importer.normalize import normalise, unwrap
from reports.importer.responsibility import parse_responsibility
from reports.importer.units import split_units


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def outline(plan):
    return [(t["level"], t["title"]) for t in flat(plan["tasks"])]


def roles(task):
    return {role: units for role, units in task["roles"].items() if units}


def find(plan, start):
    return next(t for t in flat(plan["tasks"]) if t["title"].startswith(start))


# -- page furniture -------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03", "分   类 政务公开 有 效 性 有效",
    "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号", " 无障碍    长者助手 我的收藏   收藏",
    "政府信息公开 规章库", "- 发布日期:2021-07-19", "- 浏览次数:", "主题词:", "【打印】 【字体:",
    "【法宝引证码】CLI.1.304262", "【时效性】尚未施行", "2023-01-05 10:00 区人民政府办公室",
    "广州开发区营商环境改革局政府信息公开",
])
def test_metadata_and_widgets_of_disclosure_pages_are_furniture(line):
    assert is_furniture(normalise(line))


@pytest.mark.parametrize("line", ["分类推进改革", "名称统一规范，加强管理。", "谯城区科学技术局",
                                  "序号 重点工作任务 主要责任单位 协同配合单位 完成期限"])
def test_plan_lines_that_start_like_metadata_are_kept(line):
    assert not is_furniture(normalise(line))


def test_doc_number_in_a_metadata_line_without_colon():
    assert read_metadata(normalise("发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号")) == {
        "doc_number": "蔡政办〔2023〕1号"}


# -- the head ---------------------------------------------------------------------------

def test_a_notice_copied_without_its_title_line_still_names_the_plan():
    plan = parse_text("各市(州)人民政府、省级有关部门(单位):\n"
                      "经省政府同意,现将《四川省现代流通体系建设实施方案》印发给你们,请认真贯彻实施。\n"
                      "四川省发展和改革委员会\n2022年10月18日\n四川省现代流通体系建设实施方案\n"
                      "为加快建设现代流通体系，制定本方案。\n一、深化改革\n（一）加强市场体系建设。推进建设。\n")
    assert plan["title"] == "四川省现代流通体系建设实施方案"
    assert plan["kind"] == "implementation_plan"
    assert plan["head"]["addressees"] == "各市（州）人民政府、省级有关部门（单位）"
    assert plan["head"]["signer"] == "四川省发展和改革委员会" and plan["head"]["date"] == "2022-10-18"
    assert plan["preamble"] == "为加快建设现代流通体系，制定本方案。"


def test_a_page_headline_gives_way_to_the_title_restated_below_it():
    plan = parse_text("上海印发2022年上海市打击侵权假冒工作要点\n时间:2022-09-06 来源:上海市双打办 阅读:1112\n"
                      "领导小组于2022年7月7日印发《2022年上海市打击侵权假冒工作要点》,全文如下:\n"
                      "2022年上海市打击侵权假冒工作要点\n开展打击工作，要坚持依法治理。\n"
                      "一、加大行政保护力度\n（一）加大商标权保护力度\n")
    assert plan["title"] == "2022年上海市打击侵权假冒工作要点"
    plan = parse_text("政务服务丨济宁市人民政府关于持续深化改革的实施意见\n济宁市人民政府\n"
                      "关于持续深化改革的实施意见\n济政字〔2021〕30号\n各县(市、区)人民政府:\n"
                      "为深化改革，制定本意见。\n一、目标要求\n")
    assert plan["title"] == "济宁市人民政府关于持续深化改革的实施意见"
    assert plan["doc_number"] == "济政字〔2021〕30号"


def test_an_office_notice_without_guanyu_wrapped_in_book_marks():
    plan = parse_text("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
                      "京政办发〔2016〕26号\n京政办发〔2016〕26号\n各区人民政府,市政府各委、办、局:\n"
                      "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请认真贯彻落实。\n"
                      "北京市人民政府办公厅\n2016年5月28日\n2016年是开局之年。\n一、围绕深化改革推进公开\n")
    assert plan["title"] == "北京市2016年政务公开工作要点"
    assert plan["head"]["addressees"] == "各区人民政府，市政府各委、办、局"
    plan = parse_text("中共某区委办公室 某区人民政府办公室印发《某区三年行动计划（2018—2020年）》的通知\n"
                      "某区三年\n行动计划\n(2018—2020年)\n为贯彻落实，特制定本行动计划。\n一、总体要求\n")
    assert plan["title"] == "某区三年行动计划（2018—2020年）"
    assert plan["preamble"] == "为贯彻落实，特制定本行动计划。"


def test_a_notice_title_whose_book_marks_name_a_cited_document():
    plan = parse_text("区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n"
                      "各街道办事处:\n现印发给你们，并就有关事项通知如下:\n一、各责任单位要高度重视。\n"
                      "二、加强考核。\n蔡甸区人民政府办公室\n2023年1月3日\n"
                      "2023年区《政府工作报告》确定的主要目标任务责任分解方案\n一、主要预期目标\n"
                      "(一)地区生产总值增长7%以上\n责任单位:区发展和改革局\n")
    assert plan["kind"] == "division_table"
    assert outline(plan) == [(1, "主要预期目标"), (2, "地区生产总值增长7%以上")]


# -- numbering ---------------------------------------------------------------------------

def test_an_unnumbered_heading_above_the_first_sub_item_is_a_caption():
    plan = parse_text("某市规划责任分解\n现将规划中的任务进行责任分解。\n“十三五”应急体系9个具体建设任务\n"
                      "(一)“一案三制”建设\n1.完善应急预案体系\n(1)加强应急预案管理。\n(2)加强应急预案演练。\n"
                      "(责任单位:市直各有关单位、各县(市、区)人民政府)\n2.健全体制\n(1)推进机构建设。\n"
                      "(二)队伍建设\n“十三五”应急体系7个重点建设项目\n(一)应急平台\n")
    assert outline(plan) == [
        (1, "“十三五”应急体系9个具体建设任务"), (2, "“一案三制”建设"), (3, "完善应急预案体系"),
        (4, "加强应急预案管理"), (4, "加强应急预案演练"), (3, "健全体制"), (4, "推进机构建设"),
        (2, "队伍建设"), (1, "“十三五”应急体系7个重点建设项目"), (2, "应急平台")]
    assert plan["tasks"][0]["label_style"] == "none"
    # one responsibility line after all the measures speaks for the item above them
    assert roles(find(plan, "完善应急预案体系")) == {
        "responsible": ["市直各有关单位", "各县（市、区）人民政府"]}
    assert not roles(find(plan, "加强应急预案演练"))


def test_a_preamble_sentence_without_punctuation_is_no_caption():
    plan = parse_text("某区工作要点\n现就今年工作提出如下要点\n（一）加强领导。成立领导小组。\n")
    assert outline(plan) == [(1, "加强领导")]


def test_decimal_labels_nest_under_the_item_of_their_first_number():
    plan = parse_text("某市实施方案\n一、总体要求\n1.1 指导思想\n坚持以人民为中心。\n二、主要任务\n"
                      "2.1 建设政务云。统筹资源。（市大数据局牵头，各区县政府配合）\n"
                      "2.2 推进数据共享。共享率提升至1.5倍。（市大数据局负责）\n三、保障措施\n")
    assert outline(plan) == [(1, "总体要求"), (2, "指导思想"), (1, "主要任务"), (2, "建设政务云"),
                             (2, "推进数据共享"), (1, "保障措施")]
    assert find(plan, "推进数据共享")["label_style"] == ""
    assert parse_decimal("1.5倍以上") is None
    assert parse_decimal("2.1.3 开展试点").prefix == (2, 1)


def test_a_star_marks_a_numbered_measure():
    assert parse_label("1* .开展“一证多址”改革").number == 1
    assert parse_label("2*.开展登记").rest == "开展登记"


# -- responsibility -------------------------------------------------------------------

def test_lead_and_cooperating_responsible_units_and_leaders():
    plan = parse_text("某市重点工作及责任分解\n一、主要预期目标\n    1. 地区生产总值增长8%以上。\n"
                      "    牵头负责领导:金力。\n    牵头责任单位:市发展改革委。\n"
                      "    协同责任单位:市经信局、滁州海关、市人行等,各县、市、区政府。\n")
    task = find(plan, "地区生产总值")
    assert roles(task) == {"lead": ["市发展改革委"],
                           "support": ["市经信局", "滁州海关", "市人行", "各县、市、区政府"]}
    assert task["people"] == ["金力"] and "金力" not in task["text"]


def test_units_separated_by_spaces_stay_apart():
    assert normalise("配合单位：区科技局 区工信局") == "配合单位：区科技局 区工信局"
    assert normalise("修订《条 例》 全面 推进") == "修订《条例》全面推进"
    plan = parse_text("某区方案\n一、任务\n（一）加强保护。健全机制。（区市场监管局牵头，区法院 区检察院配合）\n")
    assert roles(find(plan, "加强保护")) == {"lead": ["区市场监管局"], "support": ["区法院", "区检察院"]}


def test_unit_lists_with_and_and_etc_phrases():
    assert split_units("区卫生健康局和各街道") == ["区卫生健康局", "各街道"]
    assert split_units("区人力资源和社会保障局") == ["区人力资源和社会保障局"]
    assert split_units("区经信局、区财政局等区政府有关部门，谯城经开区管委会") == [
        "区经信局", "区财政局", "谯城经开区管委会"]


def test_units_the_document_will_not_list_again():
    roles_, convention = parse_responsibility(
        "〔责任单位:省发展改革委、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕")
    assert roles_["responsible"] == ["省发展改革委", "商务厅"]
    assert convention.omitted_units == ("相关市（州）人民政府",)


# -- tables -----------------------------------------------------------------------------

def test_a_table_flattened_with_single_spaces_and_a_cell_over_several_lines():
    plan = parse_text("谯城区重点工作任务分解表\n序号 重点工作任务 主要责任单位 协同配合单位 完成期限\n"
                      "33 新培育科技型中小企业50家以上。 区科技局 区经信局、区财政局等区政府有关部门。 2023年12月底\n"
                      "34 推动园区提档升级。 区科技局\n区商务局(区药发中心)\n区药投公司\n"
                      "区发改委、区农投公司。 2023年12月底\n35 强化企业创新主体地位。 区科技局 区经信局。 2023年12月底\n")
    assert plan["title"] == "谯城区重点工作任务分解表" and plan["kind"] == "division_table"
    assert outline(plan) == [(1, "新培育科技型中小企业50家以上"), (1, "推动园区提档升级"),
                             (1, "强化企业创新主体地位")]
    assert roles(find(plan, "推动园区")) == {
        "lead": ["区科技局", "区商务局（区药发中心）", "区药投公司"], "support": ["区发改委", "区农投公司"]}
    assert find(plan, "新培育")["deadline"] == {"text": "2023年12月底"}


def test_a_table_flattened_with_runs_of_spaces_after_a_plan():
    plan = parse_text("某县工作方案\n一、重点任务\n（一）提升创造水平。开展培育。\n（二）加强保护力度。开展执法。\n"
                      "附件2\n重点任务分工表\n序号  重点任务  牵头单位  配合单位  完成时限\n"
                      "1  提升创造水平  县市场监管局  县科技局、县工信局  2025年底前\n"
                      "— 3 —\n2  加强保护力度  县市场监管局  长期坚持\n")
    assert roles(find(plan, "提升创造水平")) == {"lead": ["县市场监管局"], "support": ["县科技局", "县工信局"]}
    assert roles(find(plan, "加强保护力度")) == {"lead": ["县市场监管局"]}
    assert find(plan, "加强保护力度")["deadline"] == {"text": "长期坚持"}


def test_a_task_column_filled_on_every_row_is_the_task_and_the_next_its_description():
    plan = parse_text("某区重点任务分工表\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\n一、\t优化政务服务\n"
                      "1\t推进一网通办\t实现高频事项全程网办\t区行政审批局\t区大数据中心\n"
                      "2\t推行一件事一次办\t梳理集成服务事项\t区行政审批局\t区直各部门\n二、\t优化法治环境\n"
                      "3\t规范涉企执法\t推行综合查一次\t区司法局\t区市场监管局\n")
    assert outline(plan) == [(1, "优化政务服务"), (2, "推进一网通办"), (2, "推行一件事一次办"),
                             (1, "优化法治环境"), (2, "规范涉企执法")]
    assert find(plan, "推进一网通办")["text"] == "实现高频事项全程网办"


# -- text from PDFs ------------------------------------------------------------------------

def test_wrapped_lines_with_half_width_digits_are_rejoined():
    lines = ["（一）提升知识产权创造质量。实施专利提质增效行", "动，到2025年，全县每万人口发明专利拥有量达到",
             "2.5件以上，有效发明专利达到500件。（县市场监", "管局牵头，县科技局配合）"] * 3
    paras = unwrap(list(enumerate(lines, 1)), lambda t: parse_label(t) is not None
                   and not parse_label(t).ambiguous)
    assert len(paras) == 3
    assert paras[0][1].endswith("达到2.5件以上，有效发明专利达到500件。（县市场监管局牵头，县科技局配合）")


def test_a_table_laid_out_in_columns_with_cells_wrapped_over_lines():
    # as pdftotext -layout gives it: cells under their header, wrapped cells on later lines,
    # blank lines between rows, a row number centred on the second line of its row
    text = "\n".join([
        "某县知识产权重点任务分工表",
        "序号  重点任务                      牵头单位            配合单位                完成时限",
        "",
        "1     实施专利质量提升工程，培育    县市场监管局        县科技局                2023年底前",
        "      高价值专利                                        县工信局",
        "",
        "      一、加强知识产权保护",
        "",
        "2     开展知识产权执法专项行动      县市场监管局        县公安局                每年11月底",
        "                                                        县文化和旅游局          前",
        "",
        "      建立知识产权纠纷调解组织，",
        "3     化解纠纷                      县司法局            县法院                  持续推进",
        "注：排在第一位的为牵头单位。",
    ])
    plan = parse_text(text)
    assert outline(plan) == [(1, "实施专利质量提升工程，培育高价值专利"), (1, "加强知识产权保护"),
                             (2, "开展知识产权执法专项行动"), (2, "建立知识产权纠纷调解组织，化解纠纷")]
    assert roles(find(plan, "实施专利")) == {"lead": ["县市场监管局"], "support": ["县科技局", "县工信局"]}
    assert find(plan, "开展知识产权执法")["deadline"] == {"text": "每年11月底前"}
    assert roles(find(plan, "建立知识产权纠纷")) == {"lead": ["县司法局"], "support": ["县法院"]}
    assert not plan["warnings"]
