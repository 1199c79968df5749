"""The three seed documents parsed end to end; expectations checked by hand against the text."""
from __future__ import annotations

import pytest

from reports.importer import parse_file


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def find(plan, title_start):
    found = [t for t in flat(plan["tasks"]) if t["title"].startswith(title_start)]
    assert len(found) == 1, title_start
    return found[0]


def roles(task):
    return {role: units for role, units in task["roles"].items() if units}


@pytest.fixture
def huaiyin(seeds):
    return parse_file(seeds / "huaiyin_2022_ip_county_work_plan_notice.txt")


@pytest.fixture
def work_points(seeds):
    return parse_file(seeds / "shandong_2021_ip_work_points.txt")


@pytest.fixture
def division(seeds):
    return parse_file(seeds / "shandong_ip_province_task_division_table.txt")


def test_huaiyin_notice_head(huaiyin):
    assert huaiyin["title"] == "槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）"
    assert (huaiyin["kind"], huaiyin["year"]) == ("work_plan", 2022)
    assert huaiyin["doc_number"] == "济槐政字〔2022〕16号"
    assert huaiyin["issuer"] == "济南市槐荫区人民政府"
    head = huaiyin["head"]
    assert head["addressees"] == "各街道办事处，区政府各部门"
    assert head["body"].startswith("现将《槐荫区建设国家知识产权强县示范区工作方案")
    assert (head["signer"], head["date"], head["note"]) == ("济南市槐荫区人民政府", "2022-11-22", "（此件公开发布）")
    assert head["notice_title"].endswith("工作方案（2022—2025年）的通知")
    assert huaiyin["preamble"].startswith("为全面贯彻落实《知识产权强国建设纲要") and huaiyin["preamble"].endswith("制定本方案。")
    assert huaiyin["warnings"] == []


def test_huaiyin_outline(huaiyin):
    tops = huaiyin["tasks"]
    assert [(t["source_label"], t["title"]) for t in tops] == [
        ("一、", "指导思想"), ("二、", "工作目标"), ("三、", "重点任务"), ("四、", "保障措施")]
    assert [len(t["children"]) for t in tops] == [0, 4, 6, 6]
    assert sum(1 for _ in flat(tops)) == 20
    assert all(c["level"] == 2 and c["label_style"] == "2" for t in tops for c in t["children"])
    assert tops[0]["text"].startswith("坚持以习近平新时代中国特色社会主义思想为指导")


def test_huaiyin_roles_and_targets(huaiyin):
    assert roles(find(huaiyin, "建设中国地理标志产业大厦")) == {"responsible": [
        "区市场监管局", "区工业和信息化局", "区财政局", "区农业农村局", "区商务局"]}
    assert roles(find(huaiyin, "深入实施入园惠企活动")) == {"responsible": [
        "区市场监管局", "槐荫经济开发区管委会", "区金融事业发展中心"]}
    assert roles(find(huaiyin, "实施知识产权严保护工程")) == {"responsible": [
        "区市场监管局", "区法院", "区检察院", "区公安分局", "区农业农村局", "区文化和旅游局"]}
    supply = find(huaiyin, "知识产权高质量供给机制更加健全")
    assert "责任单位" not in supply["text"]
    assert [(t["metric"], t["value"], t["unit"], t["qualifier"]) for t in supply["targets"]] == [
        ("每万人口高价值发明专利拥有量", 14, "件", "达到"), ("有效注册商标量", 80000, "件", "突破")]
    assert [t["value"] for t in find(huaiyin, "知识产权全链条保护环境更加优化")["targets"]] == [90]
    assert roles(find(huaiyin, "完善知识产权管理体系")) == {}  # 保障措施 carry no annotation
    assert "责任单位" not in find(huaiyin, "实施知识产权强企培育")["text"]


def test_work_points_outline(work_points):
    assert work_points["title"] == "2021年山东省市场监督管理局知识产权工作要点"
    assert (work_points["kind"], work_points["year"], work_points["issuer"]) == (
        "work_points", 2021, "山东省市场监督管理局")
    tops = work_points["tasks"]
    assert len(tops) == 7
    assert [len(t["children"]) for t in tops] == [3, 3, 5, 5, 3, 4, 2]
    assert all(c["label_style"] == "dash" and c["level"] == 2 for t in tops for c in t["children"])
    assert tops[0]["title"] == "加强顶层设计，高起点谋划“十四五”时期及面向2035年全省知识产权工作"
    first = tops[0]["children"][0]
    assert first["title"] == "科学谋划“十四五”知识产权规划和强省战略纲要"
    assert first["text"].startswith("快推动知识产权强省建设")
    assert find(work_points, "加强学法普法")["text"].startswith("围绕民法典、专利法、商标法等法律法规，")
    assert work_points["preamble"].startswith("2021年是中国共产党成立100周年")


def test_work_points_web_residue_is_not_a_task(work_points):
    everything = " ".join(t["title"] + t["text"] for t in flat(work_points["tasks"]))
    for residue in ("账号", "开户行", "联系我们", "订阅号", "0531", "2021.03"):
        assert residue not in everything
    assert [w["line"] for w in work_points["warnings"]] == [75]  # the lone 附件 with nothing after it


def test_division_table_outline(division):
    assert division["title"] == "山东省知识产权强省建设实施方案重点任务分工表"
    assert division["kind"] == "division_table"
    tops = division["tasks"]
    assert [t["title"] for t in tops] == ["推进知识产权管理体制机制改革", "建立严格的知识产权保护制度",
                                          "扩大知识产权运用成效", "提升知识产权服务能力", "增强知识产权国际合作交流"]
    first = tops[0]
    assert [c["title"][:8] for c in first["children"]] == ["开展知识产权管理", "建立重大科技经济", "建立知识产权综合"]
    assert [len(c["children"]) for c in first["children"]] == [3, 3, 3]
    assert all(m["level"] == 3 and m["label_style"] == "3" for c in first["children"] for m in c["children"])


def test_division_table_roles(division):
    assert roles(find(division, "积极探索知识产权管理体制机制改革")) == {
        "lead": ["省编办"], "support": ["省知识产权局", "省工商局", "省版权局"]}
    # three measures in one cell, three responsibility phrases: paired in order
    assert roles(find(division, "探索将知识产权产品纳入国民经济核算体系")) == {
        "lead": ["省统计局"], "support": ["省发展改革委", "省科技厅", "省知识产权局", "省工商局", "省版权局"]}
    assert roles(find(division, "面向国有企业探索建立经营业绩")) == {
        "lead": ["省国资委"], "support": ["省科技厅", "省知识产权局"]}
    assert roles(find(division, "加大科技奖励工作中知识产权评价的权重")) == {
        "responsible": ["省科技厅", "省知识产权局"]}
    assert roles(find(division, "将故意侵犯知识产权行为情况纳入")) == {
        "lead": ["省发展改革委", "人民银行济南分行"], "support": ["省工商局", "省版权局", "省知识产权局"]}
    assert roles(find(division, "依法严厉打击侵犯知识产权犯罪行为")) == {"responsible": ["省公安厅"]}
    assert roles(find(division, "探索开发专利股权融资")) == {"responsible": [
        "人民银行济南分行", "省版权局", "省知识产权局", "山东银监局", "山东保监局"]}
    high_value = find(division, "促进高价值知识产权产出")
    assert roles(high_value) == {"responsible": ["省科技厅", "省知识产权局"]}
    assert high_value["text"].startswith("培育一批技术水平先进")
    # a province unit listed twice in one cell is kept once
    assert roles(find(division, "加大对中小微企业知识产权维权援助力度"))["responsible"].count("省商务厅") == 1


def test_division_table_mismatches_are_reported_by_row(division):
    lines = {w["line"] for w in division["warnings"]}
    assert {49, 54} <= lines  # 2 phrases for one section row; 3 phrases for 2 measures
    assert all(w["message"] for w in division["warnings"])
