"""parse_text on small synthetic plans: head, hierarchy, annotations, deadlines, warnings."""
from __future__ import annotations

import pytest

from reports.importer import PlanImportError, parse_text


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def outline(plan):
    return [(t["level"], t["label_style"], t["title"]) for t in flat(plan["tasks"])]


def by_title(plan, title):
    matches = [t for t in flat(plan["tasks"]) if t["title"] == title]
    assert len(matches) == 1, [t["title"] for t in flat(plan["tasks"])]
    return matches[0]


def roles(task):
    return {role: units for role, units in task["roles"].items() if units}


NOTICE = """XX区人民政府文件
X政发[2022]7号
XX区人民政府关于印发XX区知识产权强区建设
工作方案的通知
各街道办事处，区政府各部门：
现将《XX区知识产权强区建设工作方案》印发给你们，请认真组织实施。
XX区人民政府
2022年11月22日
（此件公开发布）
附件
XX区知识产权强区建设
工作方案（2022—2025年）
为加快知识产权强区建设，制定本方案。
一、工作目标
到2025年，每万人口高价值发明专利拥有量达到14件。
二、重点任务
（一）建设服务体系。开展托管服务工作。（责任单位：区市场监管局）
"""


def test_notice_head_is_read_and_the_attachment_is_the_plan():
    plan = parse_text(NOTICE, "notice.txt")
    head = plan["head"]
    assert head["notice_title"] == "XX区人民政府关于印发XX区知识产权强区建设工作方案的通知"
    assert head["addressees"] == "各街道办事处，区政府各部门"
    assert head["body"] == "现将《XX区知识产权强区建设工作方案》印发给你们，请认真组织实施。"
    assert (head["signer"], head["date"], head["date_text"]) == ("XX区人民政府", "2022-11-22", "2022年11月22日")
    assert head["note"] == "（此件公开发布）"
    assert plan["title"] == "XX区知识产权强区建设工作方案（2022—2025年）"  # broken over two lines
    assert plan["doc_number"] == "X政发〔2022〕7号"
    assert plan["issuer"] == "XX区人民政府"
    assert (plan["kind"], plan["year"]) == ("work_plan", 2022)
    assert plan["preamble"] == "为加快知识产权强区建设，制定本方案。"
    assert outline(plan) == [(1, "1", "工作目标"), (1, "1", "重点任务"), (2, "2", "建设服务体系")]
    # the half-width brackets of the 字号 are reported, not silently fixed
    assert any(w["line"] == 2 and "[]" in w["message"] for w in plan["warnings"])


def test_bare_plan_title_and_kind():
    plan = parse_text("2023年XX市场监督管理局知识产权工作要点\n一、加强创造\n——实施专利提升工程。完善培育体系。")
    assert plan["title"] == "2023年XX市场监督管理局知识产权工作要点"
    assert (plan["kind"], plan["year"], plan["issuer"]) == ("work_points", 2023, "XX市场监督管理局")
    assert outline(plan) == [(1, "1", "加强创造"), (2, "dash", "实施专利提升工程")]
    assert by_title(plan, "实施专利提升工程")["text"] == "完善培育体系。"


def test_labels_in_all_widths_nest_by_style():
    plan = parse_text("\n".join([
        "方案", "一、总体要求", "(一)指导思想", "１．坚持创新", "（1）创新驱动", "①强化研发", "②加快转化",
        "(2)开放合作", "2、坚持开放", "(二)基本原则", "二、重点任务"]))
    assert [(lvl, style) for lvl, style, _ in outline(plan)] == [
        (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5"), (5, "5"), (4, "4"), (3, "3"), (2, "2"), (1, "1")]


def test_a_section_may_skip_a_level():
    plan = parse_text("方案\n一、任务\n（一）创造\n1.专利\n2.商标\n二、保障\n1.组织保障\n2.资金保障\n三、附则")
    assert outline(plan) == [
        (1, "1", "任务"), (2, "2", "创造"), (3, "3", "专利"), (3, "3", "商标"),
        (1, "1", "保障"), (2, "3", "组织保障"), (2, "3", "资金保障"), (1, "1", "附则")]


def test_level_three_numbers_run_on_across_sections_without_warnings():
    lines = ["方案", "一、任务", "（一）创造"] + [f"{n}.措施{n}" for n in range(1, 9)] + \
            ["（二）运用"] + [f"{n}.措施{n}" for n in range(9, 14)]
    plan = parse_text("\n".join(lines))
    second = by_title(plan, "运用")
    assert [c["source_label"] for c in second["children"]] == ["9.", "10.", "11.", "12.", "13."]
    assert all(c["level"] == 3 for c in second["children"])
    assert plan["warnings"] == []


def test_numbers_that_belong_to_the_title():
    lines = ["方案", "一、任务"] + [f"{n}.措施{n}" for n in range(1, 11)] + [
        "11.121人才梯队项目。实施人才计划。", "2021年起，每年评估一次。", "1.5倍的增长目标要落实。", "12.5G网络建设"]
    plan = parse_text("\n".join(lines))
    items = by_title(plan, "任务")["children"]
    assert [c["source_label"] for c in items][-2:] == ["11.", "12."]
    eleven = items[-2]
    assert eleven["title"] == "121人才梯队项目"
    assert eleven["text"] == "实施人才计划。\n2021年起，每年评估一次。\n1.5倍的增长目标要落实。"
    assert items[-1]["title"] == "5G网络建设"


def test_unnumbered_lead_in_paragraphs_under_a_bare_heading_are_tasks():
    plan = parse_text("方案\n一、任务\n1.开展试点。\n二、保障措施\n加强组织领导。成立领导小组，统筹推进。\n"
                      "强化督查考核。纳入年度考核。（区督查室负责）\n营造良好氛围。加强宣传。")
    section = by_title(plan, "保障措施")
    assert [(c["level"], c["label_style"], c["title"]) for c in section["children"]] == [
        (2, "none", "加强组织领导"), (2, "none", "强化督查考核"), (2, "none", "营造良好氛围")]
    assert section["children"][0]["text"] == "成立领导小组，统筹推进。"
    assert roles(section["children"][1]) == {"responsible": ["区督查室"]}


def test_an_unnumbered_paragraph_under_a_heading_is_its_text():
    plan = parse_text("方案\n一、指导思想\n坚持以新发展理念为引领，全面提升知识产权创造、运用、保护、管理和服务水平，"
                      "为高质量发展提供支撑。\n二、工作目标\n到2025年，目标全面实现。\n（一）创造水平提升。专利数量增长。")
    first = by_title(plan, "指导思想")
    assert first["children"] == [] and first["text"].startswith("坚持以新发展理念为引领")
    goal = by_title(plan, "工作目标")
    assert goal["text"] == "到2025年，目标全面实现。"
    assert [c["title"] for c in goal["children"]] == ["创造水平提升"]


def test_responsibility_lines_after_a_task():
    plan = parse_text("方案\n一、任务\n1.深化改革。推进全程网办。\n牵头单位：区行政审批服务局\n"
                      "责任单位：区大数据中心、区司法局\n完成时限：2023年12月底前\n2.优化服务。\n"
                      "（牵头单位：区市场监管局；配合单位：区税务局）")
    first = by_title(plan, "深化改革")
    assert roles(first) == {"lead": ["区行政审批服务局"], "support": ["区大数据中心", "区司法局"]}
    assert first["deadline"] == {"text": "2023年12月底前"}
    assert first["text"] == "推进全程网办。"
    assert roles(by_title(plan, "优化服务")) == {"lead": ["区市场监管局"], "support": ["区税务局"]}


def test_annotations_are_removed_from_the_text():
    plan = parse_text("方案\n一、任务\n（一）建设大厦。建成服务基地。（责任单位：区市场监管局、区财政局）\n"
                      "（二）推动品牌建设。实施品牌战略（区市场监管局牵头，区商务局参加）。\n"
                      "（三）强化保护。加强执法，2023年底前完成。责任单位：区公安分局\n"
                      "（四）完善机制。（区司法局负责）（2024年6月底前）")
    assert by_title(plan, "建设大厦")["text"] == "建成服务基地。"
    second = by_title(plan, "推动品牌建设")
    assert second["text"] == "实施品牌战略。"
    assert roles(second) == {"lead": ["区市场监管局"], "support": ["区商务局"]}
    third = by_title(plan, "强化保护")
    assert third["text"] == "加强执法，2023年底前完成。"
    assert roles(third) == {"responsible": ["区公安分局"]}
    assert third["deadline"] == {"text": "2023年底前"}
    fourth = by_title(plan, "完善机制")
    assert roles(fourth) == {"responsible": ["区司法局"]} and fourth["deadline"] == {"text": "2024年6月底前"}
    assert fourth["text"] == ""


def test_asides_in_brackets_stay_in_the_text():
    plan = parse_text("方案\n一、任务\n1.建设技术与创新支持中心（TISC）。推进县（市、区）全覆盖（2022—2025年）。")
    task = by_title(plan, "建设技术与创新支持中心（TISC）")
    assert task["text"] == "推进县（市、区）全覆盖（2022—2025年）。"
    assert roles(task) == {}


def test_conventions_carry_through_the_document():
    plan = parse_text("方案\n一、任务\n1.甲。（区科技局、区财政局负责，排在第一位的为牵头单位，下同）\n"
                      "2.乙。（区发改局、区统计局负责）\n"
                      "3.丙。〔责任单位：区商务局。各街道负责落实，不再列出，下同。〕")
    assert roles(by_title(plan, "乙")) == {"lead": ["区发改局"], "support": ["区统计局"]}
    assert roles(by_title(plan, "丙")) == {"lead": ["区商务局"]}
    assert plan["conventions"] == {"lead_first": True, "responsible_leads": False,
                                   "omitted_units": ["各街道"]}
    assert any("各街道" in w["message"] and w["line"] == 5 for w in plan["warnings"])


def test_targets_and_deadlines_per_task():
    plan = parse_text("方案\n一、目标\n（一）供给更加健全。每万人口高价值发明专利拥有量达到14件，"
                      "有效注册商标量突破8万件。\n（二）运用更加完善。融资金额累计达到2亿元，长期坚持。")
    first = by_title(plan, "供给更加健全")
    assert [(t["metric"], t["value"], t["unit"]) for t in first["targets"]] == [
        ("每万人口高价值发明专利拥有量", 14, "件"), ("有效注册商标量", 80000, "件")]
    assert by_title(plan, "运用更加完善")["deadline"] == {"text": "长期坚持"}


def test_web_furniture_and_html_are_dropped():
    plan = parse_text("字号:\n大 中 小\n<p>XX工作方案</p>\n2021.03.16591\n摘要:\n一、任务\n"
                      "<p>——加强保护。开展执法 行动。</p>\n打印本页 关闭窗口\n联系我们\n联系地址:XX路1号\n"
                      "传 真:0531-55692988\n订阅号\n")
    assert plan["title"] == "XX工作方案"
    assert outline(plan) == [(1, "1", "任务"), (2, "dash", "加强保护")]
    assert by_title(plan, "加强保护")["text"] == "开展执法行动。"
    assert plan["warnings"] == []


def test_line_numbers_are_those_of_the_input():
    plan = parse_text("\n\n方案\n\n一、任务\n\n1.甲。\n2.乙。")
    assert [t["line"] for t in flat(plan["tasks"])] == [5, 7, 8]


def test_numbering_gaps_are_warned_with_their_line():
    plan = parse_text("方案\n一、任务\n1.甲\n2.乙\n4.丁\n三、附则")
    assert {"line": 5, "code": "importer.numbering", "args": {"label": "4.", "expected": "3"},
            "message": "编号“4.”不连续：此处应为 3，请核对原文。"} in plan["warnings"]
    assert any(w["line"] == 6 and "三、" in w["message"] for w in plan["warnings"])


def test_attachment_without_content_is_reported():
    plan = parse_text("方案\n一、任务\n1.甲。\n附件：重点任务分工表\n")
    assert any("重点任务分工表" in w["message"] and w["line"] == 4 for w in plan["warnings"])
    assert outline(plan) == [(1, "1", "任务"), (2, "3", "甲")]


def test_a_text_attachment_becomes_a_section_of_its_own():
    plan = parse_text("方案\n一、任务\n1.甲。\n附件2\n专项行动清单\n一、行动一\n二、行动二\n")
    last = plan["tasks"][-1]
    assert (last["level"], last["label_style"], last["title"]) == (1, "none", "专项行动清单")
    assert [(c["level"], c["title"]) for c in last["children"]] == [(2, "行动一"), (2, "行动二")]


def test_hard_wrapped_text_is_rejoined():
    body = ("一、任务\n（一）建设运营服务平台。依托区科技创新服务中心建设知识\n"
            "产权运营服务平台，集成专利检索、价值评估、交易转化等功能\n。（区市场监管局牵头）\n")
    text = "方案\n" + body * 5
    plan = parse_text(text)
    task = plan["tasks"][0]["children"][0]
    assert task["text"] == "依托区科技创新服务中心建设知识产权运营服务平台，集成专利检索、价值评估、交易转化等功能。"
    assert roles(task) == {"lead": ["区市场监管局"]}


@pytest.mark.parametrize("text", ["", "   \n\n", "这是一段普通的文字，没有任何编号。\n第二段也没有。"])
def test_no_plan_structure_raises_one_clear_line(text):
    with pytest.raises(PlanImportError) as error:
        parse_text(text, "note.txt")
    message = str(error.value)
    assert message.startswith("note.txt：") and "\n" not in message
    assert error.value.code in ("importer.empty", "importer.no_structure")


def test_a_plan_issued_as_its_own_document_ends_with_its_signature():
    plan = parse_text("关于做好2023年知识产权工作的通知\n各街道办事处，区直各部门：\n为做好今年工作，通知如下。\n"
                      "一、加强创造\n1.实施专利导航。（区市场监管局负责）\nXX区人民政府办公室\n2023年3月1日\n"
                      "（此件公开发布）\n抄送：区委办公室，区人大常委会办公室。\nXX区人民政府办公室 2023年3月1日印发\n")
    assert plan["head"]["addressees"] == "各街道办事处，区直各部门"
    assert plan["preamble"] == "为做好今年工作，通知如下。"
    assert (plan["head"]["signer"], plan["head"]["date"], plan["head"]["note"]) == (
        "XX区人民政府办公室", "2023-03-01", "（此件公开发布）")
    assert plan["head"]["cc"] == "区委办公室，区人大常委会办公室"
    assert plan["issuer"] == "XX区人民政府办公室"
    only = by_title(plan, "实施专利导航")
    assert only["text"] == "" and roles(only) == {"responsible": ["区市场监管局"]}


def test_a_saved_web_page():
    page = ("<html><head><title>XX</title><script>var a=1;</script></head><body>"
            "<div class='nav'>首页 &gt; 政务公开</div><h1>XX区知识产权工作方案</h1>"
            "<p>一、重点任务</p><p>（一）开展专利导航。聚焦主导产业。（区市场监管局牵头，区科技局配合）</p>"
            "<p>【打印本页】【关闭窗口】</p></body></html>")
    plan = parse_text(page, "page.html")
    assert plan["title"] == "XX区知识产权工作方案"
    assert outline(plan) == [(1, "1", "重点任务"), (2, "2", "开展专利导航")]
    assert roles(by_title(plan, "开展专利导航")) == {"lead": ["区市场监管局"], "support": ["区科技局"]}


def test_a_single_lead_in_paragraph_is_a_task_once_the_document_uses_them():
    plan = parse_text("要点\n一、创造\n（一）提高专利质量\n实施质量提升工程。培育高价值专利。（市市场监管局牵头）\n"
                      "加强商标品牌培育。新增指导站。（市市场监管局负责）\n（二）促进版权创造\n"
                      "开展版权示范创建。推荐申报示范单位。（市委宣传部负责）")
    copyright_ = by_title(plan, "促进版权创造")
    assert [(c["level"], c["label_style"], c["title"]) for c in copyright_["children"]] == [
        (3, "none", "开展版权示范创建")]
    assert roles(copyright_) == {} and roles(copyright_["children"][0]) == {"responsible": ["市委宣传部"]}


def test_items_that_run_on_in_one_paragraph_are_each_a_task():
    """The form of a district's 重点工作目标安排 (2020): under each 一、 one paragraph in which
    （一）（二）（三）… follow each other; made up here with ①② and a bracket that is no number."""
    plan = parse_text(
        "2025年街道重点工作安排\n"
        "一、稳住经济基本盘\n"
        "（一）完成税收收入3亿元（以区财政正式下达为准）。（二）新引进企业50家。"
        "其中规上企业5家。（三）盘活闲置楼宇2幢。\n"
        "二、办好民生实事\n"
        "（一）新建社区食堂2个：①滨河社区；②东湖社区。（二）改造老旧小区4个。\n",
        "安排.txt")
    assert [(level, title) for level, _, title in outline(plan)] == [
        (1, "稳住经济基本盘"), (2, "完成税收收入3亿元（以区财政正式下达为准）"), (2, "新引进企业50家"),
        (2, "盘活闲置楼宇2幢"), (1, "办好民生实事"), (2, "新建社区食堂2个"),
        (2, "改造老旧小区4个")]
