"""Forms found on published pages, each in a document written here (the real ones are in
tests/data/import/real/): square-bracket notes, a page stored on one line, | tables, a notice
without title whose plan is its attachment, headings that name who leads, a consultation
announcement, the first-listed convention written after the first unit."""
from __future__ import annotations

from reports.importer import parse_text


def flat(tasks):
    for t in tasks:
        yield t
        yield from flat(t["children"])


def outline(plan):
    return [(t["level"], t["title"], {r: u for r, u in t["roles"].items() if u})
            for t in flat(plan["tasks"])]


def test_square_bracket_notes():
    plan = parse_text("某镇2024年重点工作分解\n一、乡村振兴\n1、整治人居环境。[牵头单位:镇农办;责任单位:各村、镇城建办]\n"
                      "2、发展特色产业。[牵头单位:镇经发办]\n", "x.txt")
    assert outline(plan) == [(1, "乡村振兴", {}),
                             (2, "整治人居环境", {"lead": ["镇农办"], "support": ["各村", "镇城建办"]}),
                             (2, "发展特色产业", {"lead": ["镇经发办"]})]


def test_a_page_stored_on_one_line():
    line = ("各镇人民政府，县政府各部门： 《某县2023年重点工作责任分解》已经县政府同意，现印发给你们，请认真贯彻执行。 "
            "某县人民政府办公室 2023年3月1日 某县2023年重点工作责任分解 一、李明县长牵头重点工作 "
            "1.推进园区扩容提质，新增标准厂房10万平方米。 责任单位:县经信局(首位单位为牵头单位,下同)、县自然资源局 "
            "2.加快闲置土地处置。 责任单位:县自然资源局 二、张华副县长牵头重点工作 1.完善养老服务体系。 责任单位:县民政局")
    plan = parse_text(line + "\n", "page.txt")
    assert plan["title"] == "某县2023年重点工作责任分解" and plan["head"]["date"] == "2023-03-01"
    assert outline(plan) == [
        (1, "李明县长牵头重点工作", {}),
        (2, "推进园区扩容提质，新增标准厂房10万平方米", {"lead": ["县经信局"], "support": ["县自然资源局"]}),
        (2, "加快闲置土地处置", {"lead": ["县自然资源局"]}),
        (1, "张华副县长牵头重点工作", {}),
        (2, "完善养老服务体系", {"lead": ["县民政局"]})]
    assert plan["tasks"][0]["people"] == ["李明县长"]


def test_spaces_between_unit_names_do_not_split_a_short_line():
    plan = parse_text("方案\n一、任务\n1.建设平台。\n配合单位：区科技局 区工信局 区财政局\n", "x.txt")
    assert outline(plan)[1][2] == {"support": ["区科技局", "区工信局", "区财政局"]}


def test_a_table_with_bars_between_cells():
    text = ("某区2024年重点工作清单\n发布时间:2024-01-05\n序号 | 工作事项 | 牵头单位 | 完成时限 |\n"
            "1 | 建成区级数据中心。 | 区数据局 | 2024年6月底前 |\n2 | 新建口袋公园5个。 | 区城管局 | 2024年底前 |\n")
    plan = parse_text(text, "x.txt")
    assert [(t["title"], t["roles"]["lead"], t["deadline"]["text"]) for t in plan["tasks"]] == [
        ("建成区级数据中心", ["区数据局"], "2024年6月底前"), ("新建口袋公园5个", ["区城管局"], "2024年底前")]


def test_metadata_written_as_a_bar_table_is_read_not_kept():
    text = ("索引号: | 1133/2024-001 | 成文日期: | 2024-02-01 |\n文件编号: | 某政办发〔2024〕3号 | 有效性: |\n"
            "某县2024年工作要点\n一、任务\n（一）推进改革。（县发改局负责）\n")
    plan = parse_text(text, "x.txt")
    assert plan["doc_number"] == "某政办发〔2024〕3号" and plan["title"] == "某县2024年工作要点"
    assert not plan["warnings"]


def test_a_notice_without_title_whose_plan_is_its_attachment():
    text = ("各乡镇人民政府，县直各单位：\n现将《某县2024年重点任务清单》印发给你们，请认真抓好落实。\n"
            "一、压实责任。各单位要细化分工。\n二、加强调度。每月报送进展。\n附件：某县2024年重点任务清单\n"
            "某县人民政府办公室\n2024年3月8日\n附件\n某县2024年重点任务清单\n一、县发改局牵头工作（2项）\n"
            "1.争取中央预算内投资2亿元。\n2.谋划储备重大项目50个。\n二、县商务局负责的工作\n1.举办招商推介会3场。\n")
    plan = parse_text(text, "x.txt")
    assert plan["title"] == "某县2024年重点任务清单" and plan["head"]["date"] == "2024-03-08"
    assert outline(plan) == [
        (1, "县发改局牵头工作（2项）", {}),
        (2, "争取中央预算内投资2亿元", {"lead": ["县发改局"]}),
        (2, "谋划储备重大项目50个", {"lead": ["县发改局"]}),
        (1, "县商务局负责的工作", {}),
        (2, "举办招商推介会3场", {"responsible": ["县商务局"]})]


def test_a_heading_does_not_override_the_tasks_own_units():
    plan = parse_text("方案\n一、县发改局牵头工作\n1.谋划项目。\n2.争取资金。（县财政局负责）\n", "x.txt")
    assert [t["roles"] for t in plan["tasks"][0]["children"]] == [
        {"lead": ["县发改局"], "support": [], "responsible": [], "guide": []},
        {"lead": [], "support": [], "responsible": ["县财政局"], "guide": []}]


def test_a_consultation_announcement_with_its_draft_attached():
    text = ("某市农业农村局关于《某市农业支持政策》公开征求意见的公告\n现将征求意见稿全文公布，征求社会各界意见。\n"
            "1.通过网站提出意见。\n2.通过信函寄送意见。\n附件：1.《某市农业支持政策》（征求意见稿）\n"
            "2.起草说明.doc\n某市农业农村局\n2024年5月6日\n附件1：\n某市农业支持政策\n（征求意见稿）\n"
            "一、稳定粮食生产\n1.实施规模种粮补贴。对种粮大户给予补贴。\n")
    plan = parse_text(text, "x.txt")
    assert outline(plan) == [(1, "稳定粮食生产", {}), (2, "实施规模种粮补贴", {})]
    assert plan["head"]["date"] == "2024-05-06"
