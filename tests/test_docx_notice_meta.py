"""Notice metadata, doc numbers, title breaking and the arithmetic of the layout."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.docx import (
    NoticeError,
    render_notice,
    suggest_next_doc_number,
    units,
    validate_notice,
)
from reports.docx.attachments import attachment_labels
from reports.docx.header import mark_size
from reports.docx.notice import cn_date, doc_number_problems
from reports.docx.options import DEFAULT_ROLE_LABELS
from reports.docx.plan import annotation
from reports.docx.samples import sample_notice, sample_plan
from reports.docx.signature import signature_indents, text_width
from reports.docx.title import break_title, width


def test_sample_notice_is_valid():
    assert validate_notice(sample_notice()) == []


@pytest.mark.parametrize("number", [
    "济槐政字[2022]16号", "济槐政字（2022）16号", "济槐政字(2022)16号",
    "济槐政字【2022】16号", "济槐政字［2022］16号",
])
def test_lookalike_brackets_are_refused(number):
    problems = doc_number_problems(number)
    assert len(problems) == 1 and "六角括号〔〕" in problems[0]


@pytest.mark.parametrize("number, words", [
    ("济槐政字〔2022〕016号", "虚位"),
    ("济槐政字〔2022〕第16号", "“第”"),
    ("济槐政字〔22〕16号", "四位"),
    ("〔2022〕16号", "代字"),
    ("济槐政字〔2022〕16", "“号”"),
    ("", "为空"),
])
def test_doc_number_problems_name_the_fault(number, words):
    problems = doc_number_problems(number)
    assert problems and words in problems[0]


def test_valid_doc_numbers_pass():
    for number in ("济槐政字〔2022〕16号", "鲁政办发〔2021〕1号", "国发〔2023〕120号"):
        assert doc_number_problems(number) == []


@pytest.mark.parametrize("change, words", [
    ({"date": "2022-02-30"}, "成文日期“2022-02-30”不是有效日期"),
    ({"date": "2022/11/22"}, "不是有效日期"),
    ({"title": ""}, "标题为空"),
    ({"title": "关于印发方案的通知。"}, "标题"),
    ({"addressees": "各街道办事处:"}, "全角冒号"),
    ({"attachments": ["工作方案。", "分工表"]}, "附件1"),
    ({"note": "(此件公开发布)"}, "全角括号"),
    ({"letterhead": "red"}, "版头方式"),
    ({"issuer_mark": ""}, "发文机关标志为空"),
    ({"signer": ""}, "署名为空"),
    ({"printer": ""}, "须填写印发机关"),
    ({"print_date": "2022-11-01"}, "印发日期早于成文日期"),
    ({"fonts": {"body": "宋体"}}, "未知的字体角色"),
    ({"doc_number": "济槐政字[2022]16号"}, "六角括号"),
])
def test_validate_notice_refusals(change, words):
    notice = {**sample_notice(), **change}
    errors = validate_notice(notice)
    assert any(words in e for e in errors), errors
    assert all("\n" not in e for e in errors)


def test_render_refuses_invalid_metadata_and_writes_nothing(tmp_path):
    notice = {**sample_notice(), "date": "2022-02-30", "doc_number": "济槐政字〔2022〕016号"}
    out = tmp_path / "n.docx"
    with pytest.raises(NoticeError) as info:
        render_notice(sample_plan(), notice, out, {"paginate": False})
    assert isinstance(info.value, ValueError)
    assert len(info.value.messages) == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_attachment_count_must_match_what_is_attached(tmp_path):
    notice = {**sample_notice(), "attachments": ["只有一个附件"]}
    with pytest.raises(NoticeError, match="附件说明列出 1 个附件"):
        render_notice(sample_plan(), notice, tmp_path / "n.docx", {"paginate": False})


def test_suggest_next_doc_number():
    existing = ["济槐政字〔2022〕16号", "济槐政字[2022]17号", "济槐政字〔2021〕40号",
                "济槐政办字〔2022〕99号", "乱写的", ""]
    assert suggest_next_doc_number(existing, "济槐政字", 2022) == "济槐政字〔2022〕18号"
    assert suggest_next_doc_number(existing, "济槐政字", 2023) == "济槐政字〔2023〕1号"
    assert suggest_next_doc_number([], "济槐政办字", 2022) == "济槐政办字〔2022〕1号"
    assert doc_number_problems(suggest_next_doc_number(existing, "济槐政字", 2022)) == []


def test_dates_have_no_zero_padding():
    assert cn_date("2022-01-05") == "2022年1月5日"
    assert cn_date(dt.date(2022, 11, 22)) == "2022年11月22日"
    with pytest.raises(ValueError):
        cn_date("2022-13-01")


# --- title breaking ---------------------------------------------------------------

def test_title_lines_are_balanced_and_keep_words():
    title = "济南市槐荫区人民政府关于印发槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）的通知"
    lines = break_title(title)
    assert "".join(lines) == title
    assert all(width(line) <= 20 for line in lines)
    assert len(lines) == 3
    widths = [width(line) for line in lines]
    assert widths[1] > widths[0] and widths[1] > widths[2]     # a diamond, not a block
    joined = "|".join(lines)
    for word in ("知识产权", "人民政府", "2022—2025", "通知", "示范区"):
        assert word in joined


def test_title_breaks_before_de_tongzhi_and_after_guanyu():
    lines = break_title("关于印发2021年山东省市场监督管理局知识产权工作要点的通知")
    assert lines[0].endswith("管理局")
    lines = break_title("关于印发《山东省知识产权强省建设实施方案重点任务分工表》的通知")
    assert not any(line.startswith(("》", "，", "的通知")) for line in lines)


def test_short_title_is_one_line():
    assert break_title("关于做好2023年度知识产权工作的通知") == ["关于做好2023年度知识产权工作的通知"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="关于印发知识产权工作方案的通知（）《》、，2025年区政府强县示范", min_size=1, max_size=90))
def test_title_breaking_never_loses_text_or_overflows(text):
    lines = break_title(text)
    assert "".join(lines) == "".join(text.split())
    assert all(width(line) <= 20 for line in lines)


# --- arithmetic ---------------------------------------------------------------------

def test_issuer_mark_size_is_the_largest_that_fits():
    assert mark_size("济南市槐荫区人民政府文件") == units.SZ_XIAOCHU
    long = "中共济南市槐荫区委员会办公室济南市槐荫区人民政府办公室文件"
    sz = mark_size(long)
    assert sz < units.SZ_XIAOCHU
    assert width(long) * sz / 2 <= units.TYPE_W / 20
    assert width(long) * (sz + 2) / 2 > units.TYPE_W / 20 * 0.98


def test_signature_sealed_centres_the_name_over_the_date():
    name, date = "济南市槐荫区人民政府", "2022年11月22日"
    name_right, date_right = signature_indents(name, date, sealed=True)
    assert date_right == 4 * units.CHAR_3
    centre_name = name_right + text_width(name) / 2
    centre_date = date_right + text_width(date) / 2
    assert abs(centre_name - centre_date) <= 1


def test_signature_unsealed_date_starts_two_characters_right_of_the_name():
    name, date = "济南市槐荫区人民政府", "2022年11月22日"
    name_right, date_right = signature_indents(name, date, sealed=False)
    assert name_right == 2 * units.CHAR_3
    name_start = units.TYPE_W - name_right - text_width(name)
    date_start = units.TYPE_W - date_right - text_width(date)
    assert date_start - name_start == 2 * units.CHAR_3


def test_signature_unsealed_with_a_longer_date():
    name, date = "区政府", "2022年11月22日"
    name_right, date_right = signature_indents(name, date, sealed=False)
    assert date_right == 2 * units.CHAR_3
    name_start = units.TYPE_W - name_right - text_width(name)
    date_start = units.TYPE_W - date_right - text_width(date)
    assert date_start - name_start == 2 * units.CHAR_3


def test_attachment_labels():
    assert attachment_labels(1) == ["附件"]
    assert attachment_labels(2) == ["附件1", "附件2"]


def test_annotation_as_offices_write_it():
    task = {"roles": {"lead": ["区市场监管局"], "support": ["区科技局", "区财政局"],
                      "responsible": [], "guide": []},
            "deadline": {"text": "2025年底前", "date": "2025-12-31", "kind": "by"}}
    assert annotation(task, DEFAULT_ROLE_LABELS) == \
        "（牵头单位：区市场监管局；配合单位：区科技局、区财政局；完成时限：2025年底前）"
    task = {"roles": {"responsible": ["区市场监管局", "各街道办事处"]}, "deadline": None}
    assert annotation(task, DEFAULT_ROLE_LABELS) == "（责任单位：区市场监管局、各街道办事处）"
    assert annotation({"roles": {}}, DEFAULT_ROLE_LABELS) == ""


def test_notice_problems_speak_the_clerks_language():
    from models import messages
    from reports.docx.upward import upward_problems
    bad = {"letterhead": "printed", "issuer_mark": "", "doc_number": "济槐政字[2022]016号",
           "title": "关于印发的通知。", "signer": "", "date": "2022-02-30", "copy_number": "12a"}
    zh = validate_notice(bad)
    assert "标题为空" not in zh and "发文机关署名为空" in zh
    assert any(p.startswith("成文日期“2022-02-30”不是有效日期") for p in zh)
    try:
        messages.set_language("en")
        en = validate_notice(bad)
        request = upward_problems({**bad, "title": "关于经费的报告"}, "request")
    finally:
        messages.set_language("zh")
    assert len(en) == len(zh)
    en += request
    assert "The issuer's signature is empty" in en
    assert any(p.startswith("The date of the document “2022-02-30” is no valid date") for p in en)
    assert any("“12a” must be at most 6 digits" in p for p in en)
    assert "The title of a request ends with “的请示”" in en
    # Chinese only where the clerk's own values (quoted) or the standard's words are cited
    import re
    for p in en:
        bare = re.sub(r"“[^”]*”|[〔〕]|[\u4e00-\u9fff]+号|绝密|机密|秘密|特急|加急", "", p)
        assert not re.search(r"[\u4e00-\u9fff]", bare), p
