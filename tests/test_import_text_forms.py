"""The small readers of the plan importer: normal form, furniture, labels, sentences,
deadlines as text and targets."""
from __future__ import annotations

import pytest

from reports.importer import deadlines
from reports.importer.furniture import is_furniture, read_metadata
from reports.importer.labels import cn_to_int, int_to_cn, parse_label
from reports.importer.normalize import normalise
from reports.importer.sentences import has_lead_in, split_title
from reports.importer.targets import find_targets


@pytest.mark.parametrize("raw, clean", [
    ("各街道办事处,区政府各部门:", "各街道办事处，区政府各部门："),
    ("(一)知识产权", "（一）知识产权"),
    ("2021 年是中国共产党成立 100 周年", "2021年是中国共产党成立100周年"),
    ("修订《山东省知识产权促进条 例》", "修订《山东省知识产权促进条例》"),
    ("DB37/T 4293-2020 标准", "DB37/T 4293-2020标准"),
    ("发挥 TISC 积极作用", "发挥TISC积极作用"),
    ("１．加强组织领导", "1．加强组织领导"),
    ("达到1,000家，10:30开会", "达到1,000家，10:30开会"),
    ("<p>(二) 完善体系。</p>", "（二）完善体系。"),
    ("满意率90％以上&nbsp;", "满意率90%以上"),
    ("Open Source Software", "Open Source Software"),
    # a PDF's text layer spaces every number; a space between two unit names stays
    ("实施第 21 项措施，2024 年 6 月底前完成（区科技局 区工信局配合）",
     "实施第21项措施，2024年6月底前完成（区科技局 区工信局配合）"),
])
def test_normalise(raw, clean):
    assert normalise(raw) == clean


@pytest.mark.parametrize("line", [
    "字号:", "大 中 小", "字号：【大 中 小】", "【字体：大 中 小】", "扫码使用手机浏览本页内容",
    "【打印本页】【关闭窗口】", "联系我们", "订阅号", "服务号", "协会对公账户", "2021.03.16591",
    "账 号:1602023919200059151", "开 户 行:济南工商银行趵突泉支行", "综 合 部:0531-55692989",
    "发布时间：2023-04-12 09:30 来源：区政府办公室", "— 3 —", "首页 > 政务公开", "摘要:",
])
def test_web_furniture_is_recognised(line):
    assert is_furniture(normalise(line))


@pytest.mark.parametrize("line", [
    "一、指导思想", "完成时限：2022-2025年", "牵头单位：区市场监管局", "加强组织领导。各部门要高度重视。",
    "时间：2023年底前", "大力推进中小企业发展",
])
def test_plan_lines_are_not_furniture(line):
    assert not is_furniture(normalise(line))


def test_metadata_block_gives_doc_number_and_issuer():
    meta = read_metadata("索引号：11370100/2022-001 发文机关：济南市槐荫区人民政府 发文字号：济槐政字〔2022〕16号")
    assert meta == {"doc_number": "济槐政字〔2022〕16号", "issuer": "济南市槐荫区人民政府"}


@pytest.mark.parametrize("text, style, number, rest, ambiguous", [
    ("一、指导思想", "1", 1, "指导思想", False),
    ("十二、其他", "1", 12, "其他", False),
    ("（三）加强保护", "2", 3, "加强保护", False),
    ("(三)加强保护", "2", 3, "加强保护", False),
    ("1.积极探索", "3", 1, "积极探索", False),
    ("3、开展试点", "3", 3, "开展试点", False),
    ("1．开展试点", "3", 1, "开展试点", False),
    ("（2）推动许可", "4", 2, "推动许可", False),
    ("⑵推动许可", "4", 2, "推动许可", False),
    ("②发布清单", "5", 2, "发布清单", False),
    ("——科学谋划", "dash", None, "科学谋划", False),
    ("第二部分 主要任务", "part", 2, "主要任务", False),
    ("11.121人才梯队项目", "3", 11, "121人才梯队项目", True),
    ("1.5倍以上", "3", 1, "5倍以上", True),
])
def test_labels(text, style, number, rest, ambiguous):
    label = parse_label(text)
    assert (label.style, label.number, label.rest, label.ambiguous) == (style, number, rest, ambiguous)


@pytest.mark.parametrize("text", ["2021年以来", "100周年", "（此件公开发布）", "“十四五”规划", "5G基站", "3·15活动"])
def test_not_labels(text):
    assert parse_label(text) is None


def test_chinese_numerals_both_ways():
    for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110):
        assert cn_to_int(int_to_cn(n)) == n
    assert cn_to_int("二〇二二") == 2022


@pytest.mark.parametrize("text, title, rest", [
    ("知识产权高质量供给机制更加健全。高价值知识产权培育体系不断完善。", "知识产权高质量供给机制更加健全",
     "高价值知识产权培育体系不断完善。"),
    ("指导思想", "指导思想", ""),
    ("积极探索知识产权管理体制机制改革。", "积极探索知识产权管理体制机制改革", ""),
    ("实施“双提升。双促进”工程。推动…", "实施“双提升。双促进”工程", "推动…"),
    ("总体目标：到2025年，全面建成。", "总体目标", "到2025年，全面建成。"),
])
def test_title_is_the_lead_in(text, title, rest):
    assert split_title(text) == (title, rest)


def test_lead_in_needs_a_short_first_sentence_and_more_text():
    assert has_lead_in("加强组织领导。成立领导小组，统筹推进。")
    assert not has_lead_in("坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，全面提升知识产权创造水平和运用效益。")
    assert not has_lead_in("加强组织领导。")


@pytest.mark.parametrize("text, found", [
    ("2023年底前", "2023年底前"), ("2022年10月底前", "2022年10月底前"), ("6月底前", "6月底前"),
    ("到2025年", "到2025年"), ("长期坚持", "长期坚持"), ("每年2月底前", "每年2月底前"),
    ("2024年6月30日前", "2024年6月30日前"), ("持续推进", "持续推进"), ("2023年底前完成", "2023年底前"),
    ("区市场监管局", None), ("加强组织领导", None),
])
def test_whole_deadline(text, found):
    assert deadlines.whole_deadline(text) == found


@pytest.mark.parametrize("text, found", [
    ("开展专利导航，2023年底前完成。", "2023年底前"),
    ("2022年10月底前，出台管理办法。", "2022年10月底前"),
    ("推动“科技贷”扩面增量，2023年10月底前出台风险补偿办法。", "2023年10月底前"),
    ("积极推动落实，长期坚持。", "长期坚持"),
    ("2021年是中国共产党成立100周年。", None),
    ("每万人口高价值发明专利拥有量达到14件。", None),
])
def test_deadline_in_running_text(text, found):
    assert deadlines.in_clauses(text) == found


def _target(text):
    found = find_targets(text)
    assert len(found) == 1, found
    t = found[0]
    return t["metric"], t["value"], t["unit"], t["qualifier"]


def test_targets_of_the_issue():
    assert _target("每万人口高价值发明专利拥有量达到14件") == ("每万人口高价值发明专利拥有量", 14, "件", "达到")
    assert _target("专利授权量增长20%") == ("专利授权量增长", 20, "%", "")
    assert _target("每年培训不少于400名") == ("培训", 400, "名", "不少于")
    assert _target("建成5G基站2600个以上") == ("5G基站", 2600, "个", "以上")
    assert _target("地区生产总值增长6.2%左右") == ("地区生产总值增长", 6.2, "%", "左右")
    assert _target("有效注册商标量突破8万件") == ("有效注册商标量", 80000, "件", "突破")
    assert _target("知识产权保护满意率达90%以上") == ("知识产权保护满意率", 90, "%", "以上")


def test_target_keeps_its_phrase_and_several_are_found_in_order():
    found = find_targets("实现市级人民调解组织覆盖率90%以上、仲裁组织覆盖率80%以上。")
    assert [(t["metric"], t["value"]) for t in found] == [("市级人民调解组织覆盖率", 90), ("仲裁组织覆盖率", 80)]
    assert found[1]["text"] == "仲裁组织覆盖率80%以上"


@pytest.mark.parametrize("text", ["培育建设1家以地理标志产品为主的服务机构", "以优异成绩庆祝建党100周年",
                                  "2021年是开局之年", "3分钟响应"])
def test_bare_numbers_are_not_targets(text):
    assert find_targets(text) == []
