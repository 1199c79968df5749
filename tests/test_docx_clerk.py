"""What a 文秘 checks before signing, read back from the XML (no LibreOffice here):
titles broken like a person would, the signature chained to the text, the 版记 never
silently missing, a complete 版头, tables whose rows stay whole, and check-docx finding
each of these defects when it is planted."""
import copy

import pytest
from docx import Document

from reports.docx import check_docx, render_notice
from reports.docx.check_layout import colophon_findings, row_findings, signature_findings
from reports.docx.layout import Line, Page
from reports.docx.notice import validate_notice
from reports.docx.paginate import fix_signature_page, place_colophon
from reports.docx.samples import sample_notice, sample_plan, shandong_plan
from reports.docx.table import Row, build_table, columns_for, name_column_width, table_rows
from reports.docx.title import break_title, forbidden_breaks, lexicon_from_names, rendered_width
from reports.docx.xml import W, qn, text_of

# Titles as published (the seeds' and long ones found on government sites) …
REAL_TITLES = [
    "济南市槐荫区人民政府关于印发槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）的通知",
    "关于印发《槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）》的通知",
    "关于印发《2021年山东省市场监督管理局知识产权工作要点》的通知",
    "国务院知识产权战略实施工作部际联席会议办公室关于总结2018年地方战略实施工作编制2019年工作要点的通知",
    "国家知识产权局办公室关于面向城市、县域、园区开展知识产权强国建设试点示范工作的通知",
    "国家知识产权局关于确定国家知识产权强市建设试点示范城市的通知",
    "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知",
    "国家知识产权局关于印发〈国家知识产权强县工程试点、示范县(区)评定管理办法〉的通知",
    "关于印发《山西省激发重点群体活力带动城乡居民增收的实施方案》的通知",
]
# … and made-up ones of the same forms.
MADE_UP_TITLES = [
    "淄博市张店区人民政府关于印发张店区创建国家知识产权强县建设示范县工作方案（2023—2027年）的通知",
    "关于印发《张店区推进知识产权质押融资“入园惠企”专项行动方案（2024—2026年）》的通知",
    "中共淄博市张店区委办公室淄博市张店区人民政府办公室关于印发《张店区贯彻落实〈山东省知识产权强省建设纲要（2021—2035年）〉实施方案重点任务分工》的通知",
    "关于做好2025年度知识产权优势示范企业申报工作的通知",
    "关于《2024年淄博市市场监督管理局知识产权工作要点》2025年第一季度推进情况的报告",
]
NAMES = ["济南市槐荫区市场监督管理局", "山东省市场监督管理局", "淄博市张店区人民政府",
         "济南市槐荫区人民政府", "区市场监管局"]


@pytest.mark.parametrize("title", REAL_TITLES + MADE_UP_TITLES)
def test_titles_break_like_a_person(title):
    lexicon = lexicon_from_names(NAMES)
    lines = break_title(title, lexicon=lexicon)
    assert "".join(lines) == title
    assert 1 <= len(lines) <= 5
    assert all(rendered_width(line) <= 20 for line in lines)
    assert forbidden_breaks(lines, lexicon) == []
    widths = [rendered_width(line) for line in lines]
    if len(lines) >= 3:
        assert max(widths) - min(widths) >= 1          # no block of equal full lines
    for word in ("槐荫区", "山东省", "张店区", "淄博市", "2022—2025", "2021—2035"):
        if word in title:
            assert any(word in line for line in lines), (word, lines)


def test_a_name_in_book_title_marks_stays_on_one_line_when_it_fits():
    lines = break_title("关于印发《山西省激发重点群体活力带动城乡居民增收的实施方案》的通知")
    assert not any(line.endswith("《") or line.startswith("》") for line in lines)
    lines = break_title("关于转发《张店区知识产权保护办法》的通知的通知的通知")
    assert any("《张店区知识产权保护办法》" in line for line in lines)


@pytest.mark.parametrize("title, whole", [
    ("关于报送2025年第三季度工作进展情况的催报通知", "第三季度"),
    ("关于开展2026年第二批次重点项目建设情况督办检查的通知", "第二批次"),
    ("关于做好2025年上半年全区重点任务落实情况报送工作的通知", "上半年"),
])
def test_an_ordinal_or_part_of_the_year_is_never_split(title, whole):
    lines = break_title(title)
    assert any(whole in line for line in lines), lines
    assert forbidden_breaks([title[:title.index(whole) + 2], title[title.index(whole) + 2:]])


def test_forbidden_breaks_are_found():
    lexicon = lexicon_from_names(NAMES)
    assert forbidden_breaks(["关于印发《槐", "荫区建设工作方案》的通知"], lexicon)
    assert forbidden_breaks(["2021年山东", "省市场监督管理局工作要点"], lexicon)
    assert forbidden_breaks(["关于做好20", "25年工作的通知"], lexicon)
    assert not forbidden_breaks(["关于印发", "《槐荫区建设工作方案》的通知"], lexicon)


# --- the notice ------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("clerk")
    notice = sample_notice()
    del notice["printer"]                       # the 印发机关 left empty by the clerk
    result = render_notice(sample_plan(), notice, work / "n.docx", {"paginate": False})
    return result, Document(str(work / "n.docx")), work


def _paras(document):
    return list(document.element.body.iter(qn("w:p")))


def _on(p, tag):
    el = p.find(f"{W}pPr/{W}{tag}")
    return el is not None and el.get(W + "val", "1") not in ("0", "false")


def test_signature_is_chained_to_the_last_body_paragraph(rendered):
    _result, document, _work = rendered
    paras = _paras(document)
    texts = [text_of(p) for p in paras]
    body = next(i for i, t in enumerate(texts) if t.startswith("现将"))
    date = next(i for i, t in enumerate(texts) if t == "2022年11月22日")
    assert _on(paras[body], "keepNext")                 # the 正文 goes with the signature
    for p in paras[body:date - 1]:                      # list, blank lines, 署名
        assert _on(p, "keepNext")
    items = [p for p in paras[body:date] if text_of(p).startswith(("附件：", "2."))]
    assert len(items) == 2 and all(_on(p, "keepLines") for p in items)


def test_colophon_defaults_to_the_issuers_office(rendered):
    result, document, _work = rendered
    tables = document.element.body.findall(qn("w:tbl"))
    assert text_of(list(tables[-1].iter(qn("w:p")))[-1]).startswith("济南市槐荫区人民政府办公室\t")
    assert any("济南市槐荫区人民政府办公室" in w and "版记" in w for w in result.warnings)


def test_colophon_is_left_out_only_when_the_clerk_says_so(tmp_path):
    result = render_notice(sample_plan(), sample_notice(), tmp_path / "n.docx",
                           {"paginate": False, "colophon": False})
    assert not any("印发" in text_of(p) for t in Document(str(tmp_path / "n.docx")).element.body
                   .iter(qn("w:tbl")) for p in t.iter(qn("w:p")))
    assert not any("印发机关" in w for w in result.warnings)
    assert any("缺少印发机关" in line for line in check_docx(tmp_path / "n.docx"))


def test_long_doc_number_and_addressees_are_warned_about(tmp_path):
    notice = sample_notice()
    notice["doc_number"] = "中共济南市槐荫区委济南市槐荫区人民政府办公室联合发文字〔2025〕12号"
    notice["addressees"] = "，".join(["各街道办事处", "区政府各部门", "各区属国有企业", "区直各单位"] * 6) + "："
    result = render_notice(sample_plan(), notice, tmp_path / "n.docx", {"paginate": False})
    assert any("折成两行" in w and "联合发文字" in w for w in result.warnings)
    assert any("主送机关约占" in w for w in result.warnings)
    assert any("发文字号" in line and "超过一行" in line for line in check_docx(tmp_path / "n.docx"))


def test_header_marks_and_the_upward_layout(tmp_path):
    notice = sample_notice()
    notice.update(copy_number="123", secrecy="机密★1年", urgency="特急", direction="up",
                  signers="张三，李四，王五", attachments=[])
    render_notice(sample_plan(), notice, tmp_path / "up.docx",
                  {"paginate": False, "include_plan": False, "include_division_table": False})
    document = Document(str(tmp_path / "up.docx"))
    paras = [p for p in _paras(document) if text_of(p).strip()]
    assert [text_of(p) for p in paras[:3]] == ["000123", "机密★1年", "特急"]
    hei = [r for p in paras[1:3] for r in p.iter(qn("w:r"))]
    assert all(r.find(f"{W}rPr/{W}rStyle").get(W + "val") == "GwHeiChar" for r in hei)
    number = next(p for p in paras if "济槐政字" in text_of(p))
    assert text_of(number).startswith("\t济槐政字〔2022〕16号\t")
    assert number.find(f"{W}pPr/{W}pBdr/{W}bottom").get(W + "color") == "FF0000"   # rule under it
    first_row = paras[paras.index(number) - 1]
    assert text_of(first_row) == "签发人：张三\u3000李四" and text_of(number).endswith("王五")
    kai = [r for r in number.iter(qn("w:r")) if "王五" in text_of(r)]
    assert kai[0].find(f"{W}rPr/{W}rStyle").get(W + "val") == "GwKaiChar"
    assert check_docx(tmp_path / "up.docx") == []


@pytest.mark.parametrize("field,value,words", [
    ("copy_number", "12a", "份号"), ("secrecy", "内部★3年", "密级"), ("urgency", "急", "紧急程度")])
def test_wrong_header_marks_are_refused(field, value, words):
    notice = {**sample_notice(), field: value}
    assert any(words in e for e in validate_notice(notice))


def test_upward_document_needs_its_signers():
    assert any("签发人" in e for e in validate_notice({**sample_notice(), "direction": "up"}))


# --- tables ----------------------------------------------------------------------

def test_rows_stay_whole_and_a_row_taller_than_a_page_is_cut_with_its_number():
    plan = shandong_plan()
    cols = columns_for(plan)
    rows = table_rows(plan)
    tall = next(r for r in rows if r.kind == "item")
    tall.content = "\n".join(f"{i}.开展知识产权保护专项行动，加强重点领域、重点环节监管，"
                             "严厉打击侵权假冒违法行为，形成震慑。" * 2 for i in range(1, 16))
    tbl = build_table(rows, cols)
    trs = tbl.findall(qn("w:tr"))
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs)
    assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
    parts = [tr for tr in trs if "开展知识产权保护专项行动" in text_of(tr)]
    assert len(parts) >= 2                      # cut at paragraph boundaries
    seqs = [text_of(tr.findall(qn("w:tc"))[0]).strip() for tr in parts]
    assert seqs == [tall.seq] * len(parts)      # 序号 repeated on every part
    assert "".join(text_of(tr) for tr in parts).count("开展知识产权保护专项行动") == 30


def test_name_columns_are_as_wide_as_their_longest_name():
    plan = copy.deepcopy(shandong_plan())
    plan["tasks"][0]["children"][0]["roles"]["lead"] = ["人民银行济南分行营管部"]
    spec = ["seq", "task", "content", "lead", "deadline"]
    cols = {c.key: c for c in columns_for(plan, spec)}
    assert cols["lead"].width >= name_column_width(9, "牵头单位")
    assert sum(c.width for c in cols.values()) == 12756
    short = copy.deepcopy(shandong_plan())
    stack = list(short["tasks"])
    while stack:
        t = stack.pop()
        if t["roles"].get("lead"):
            t["roles"]["lead"] = ["省局"]
        stack += t.get("children") or []
    narrow = {c.key: c for c in columns_for(short, spec)}
    assert narrow["lead"].width == name_column_width(4, "牵头单位")   # the header's width
    assert narrow["content"].width > cols["content"].width


def test_empty_role_column_is_reported_before_printing_and_by_check(tmp_path):
    plan = shandong_plan()
    notice = {**sample_notice(), "division_table_columns": ["seq", "content", "lead", "guide"]}
    result = render_notice(plan, notice, tmp_path / "n.docx", {"paginate": False})
    assert any("指导单位" in w for w in result.warnings)
    assert any("“指导单位”一栏全部为空" in line for line in check_docx(tmp_path / "n.docx"))


def test_planted_title_break_is_reported(tmp_path):
    notice = {**sample_notice(), "title": "关于印发《槐荫区建设工作方案》的通知"}
    render_notice(sample_plan(), notice, tmp_path / "n.docx", {"paginate": False})
    from tests.test_docx_check import tamper
    bad = tamper(tmp_path / "n.docx", tmp_path / "bad.docx", "word/document.xml",
                 r"关于印发《槐荫区建设工作方案》的通知", "关于印发《槐</w:t><w:br/><w:t>荫区建设工作方案》的通知")
    assert any("《槐|荫区" in line for line in check_docx(bad))


# --- pagination decisions on a laid-out document (synthetic pages) ----------------

def _page(n, lines, portrait=True):
    w, h = (210, 297) if portrait else (297, 210)
    out = []
    for top, x0, text in lines:
        out.append(Line(top, top + 5.5, x0, x0 + 5 * len(text), text))
    return Page(n, w, h, out, out)


def test_page_one_keeps_body_text_by_cutting_the_last_paragraph():
    body = "现将《张店区工作方案》印发给你们，请认真组织实施，并将执行中的问题及时反馈区市场监管局。"
    p1 = _page(1, [(72, 30, "张店区人民政府文件"), (110, 80, "张政字〔2025〕3号"),
                   (140, 50, "关于印发张店区工作方案的通知"), (160, 28, "各街道办事处：")])
    p2 = _page(2, [(40, 38, body[:27]), (50, 28, body[27:]), (71, 40, "附件：张店区工作方案"),
                   (142, 110, "张店区人民政府"), (152, 118, "2025年3月1日")])
    layout = fix_signature_page([p1, p2], date_text="2025年3月1日",
                                title_first_line="关于印发张店区工作方案的通知", body=[body],
                                sealed=False, seal_blanks=3)
    assert layout.split_at == 27 and layout.pitch is None


def test_page_one_keeps_body_text_by_tightening_when_little_is_missing():
    body = "现将方案印发给你们，请认真组织实施。"
    p1 = _page(1, [(140, 50, "关于印发方案的通知"), (150, 28, "各单位：")]
               + [(160.2 + 10.2 * k, 28, "主送机关续行") for k in range(9)])
    p2 = _page(2, [(40, 38, body), (50, 118, "2025年3月1日")])
    layout = fix_signature_page([p1, p2], date_text="2025年3月1日", title_first_line="关于印发方案的通知",
                                body=[body], sealed=False, seal_blanks=3)
    assert layout.split_at is None and 554 <= layout.pitch < 579


def test_colophon_goes_to_the_last_even_page():
    text = [(40 + 10.2 * k, 28, "正文正文") for k in range(8)]
    full = [(40 + 10.2 * k, 28, "正文正文") for k in range(22)]
    colophon = [(240, 33, "抄送：区委办公室。"), (250, 33, "张店区人民政府办公室2025年3月1日印发")]
    pages = [_page(1, full), _page(2, text), _page(3, colophon)]
    assert place_colophon(pages, 2).colophon == "share"
    pages = [_page(1, full), _page(2, full), _page(3, colophon)]
    assert place_colophon(pages, 2).colophon == "blank"
    pages = [_page(1, full), _page(2, full), _page(3, text), _page(4, colophon)]
    assert place_colophon(pages, 2).colophon == "own"
    pages = [_page(1, full), _page(2, text, portrait=False), _page(3, colophon)]
    assert place_colophon(pages, 2).colophon == "blank"


def test_layout_findings_name_the_page():
    p1 = _page(1, [(140, 50, "关于印发方案的通知"), (160, 28, "各单位："), (171, 38, "现将方案印发给你们。"),
                   (192, 40, "附件：1.方案")])
    p2 = _page(2, [(40, 56, "2.分工表"), (71, 110, "张店区人民政府"), (81, 118, "2025年3月1日")])
    found = signature_findings([p1, p2])
    assert any("第1页和第2页" in f for f in found) and any("第2页" in f and "没有正文" in f for f in found)
    text = [(40 + 10.2 * k, 28, "正文正文") for k in range(8)]
    colophon = [(240, 33, "抄送：区委办公室。"), (250, 33, "张店区人民政府办公室2025年3月1日印发")]
    pages = [_page(1, text), _page(2, text), _page(3, []), _page(4, colophon)]
    assert any("第4页" in f and "第2页" in f for f in colophon_findings(pages, 20))
    pages = [_page(1, text), _page(2, text), _page(3, colophon)]
    assert any("第3页" in f and "奇数页" in f for f in colophon_findings(pages, 20))
    row = "加强知识产权保护体系建设，健全行政执法与司法衔接机制"
    t1 = _page(5, [(20, 30, "序号具体内容"), (30, 60, row[:14])], portrait=False)
    t2 = _page(6, [(20, 30, "序号具体内容"), (30, 60, row[14:])], portrait=False)
    assert any("第5页" in f for f in row_findings([t1, t2], [("序号具体内容", [row])]))
    whole = _page(5, [(20, 30, "序号具体内容"), (30, 60, row[:14]), (36, 60, row[14:])], portrait=False)
    assert row_findings([whole, t2], [("序号具体内容", [row])]) == []


def test_table_rows_of_one_group_repeat_their_number():
    rows = [Row("item", group=1, seq="1", task="任务", content="甲"),
            Row("item", group=1, seq="1", task="任务", content="乙")]
    tbl = build_table(rows, columns_for(shandong_plan()))
    seqs = [text_of(tr.findall(qn("w:tc"))[0]).strip() for tr in tbl.findall(qn("w:tr"))[1:]]
    assert seqs == ["1", "1"]


# --- 上行文: the 请示 and the 报告 to the office above ------------------------------

REQUEST = {"issuer_mark": "淄博市张店区人民政府文件", "doc_number": "张政字〔2025〕8号",
           "title": "淄博市张店区人民政府关于申请知识产权强县建设专项资金的请示",
           "addressees": "淄博市人民政府", "signer": "淄博市张店区人民政府", "signers": "李某",
           "contact": "王五，0533-1234567", "date": "2025-04-01",
           "body": "为加快知识产权强县建设，现就有关事项请示如下：\n"
                   "一、申请专项资金100万元，用于高价值专利培育。\n二、资金按规定管理使用。"}


def test_request_is_an_upward_document_with_one_addressee_and_a_contact(tmp_path):
    from reports.docx.upward import render_request

    result = render_request(REQUEST, tmp_path / "q.docx", {"paginate": False})
    paras = [p for p in _paras(Document(str(tmp_path / "q.docx"))) if text_of(p).strip()]
    texts = [text_of(p) for p in paras]
    assert texts[1].startswith("\t张政字〔2025〕8号\t签发人：") and texts[1].endswith("李某")
    assert "淄博市人民政府：" in texts
    assert "妥否，请批示。" in texts                     # the closing a 请示 needs
    assert "（联系人：王五，0533-1234567）" in texts
    heading = paras[texts.index("一、申请专项资金100万元，用于高价值专利培育。")]
    assert heading.find(f"{W}pPr/{W}pStyle").get(W + "val") == "GwHeading1"
    assert any("淄博市张店区人民政府办公室" in w for w in result.warnings)   # its 版记
    assert check_docx(tmp_path / "q.docx") == []


@pytest.mark.parametrize("change,words", [
    ({"addressees": "淄博市人民政府，淄博市财政局"}, "只主送一个上级机关"),
    ({"contact": ""}, "联系人"), ({"signers": ""}, "签发人"), ({"title": "关于申请资金的报告"}, "的请示")])
def test_request_problems_are_refused(tmp_path, change, words):
    from reports.docx import NoticeError
    from reports.docx.upward import render_request

    with pytest.raises(NoticeError) as err:
        render_request({**REQUEST, **change}, tmp_path / "q.docx", {"paginate": False})
    assert words in str(err.value)
    assert not (tmp_path / "q.docx").exists()


def test_progress_report_to_the_office_above(ws, tmp_path):
    import datetime as dt

    from models.status.sample import build_sample
    from reports.progress_report import render_progress_report_docx

    plan = build_sample(ws)
    meta = {"issuer_mark": "××区市场监督管理局文件", "doc_number": "×市监字〔2025〕21号",
            "addressees": "××市市场监督管理局", "signers": ["赵某", "钱某"],
            "signer": "××区市场监督管理局", "warnings": []}
    out = render_progress_report_docx(ws, plan, "2025年第三季度", tmp_path / "r.docx",
                                      dt.date(2025, 10, 15), options={"paginate": False}, meta=meta)
    document = Document(str(out))
    texts = [text_of(p) for p in _paras(document) if text_of(p).strip()]
    assert texts[0] == "××区市场监督管理局文件"
    assert texts[1].startswith("\t×市监字〔2025〕21号\t签发人：") and texts[1].endswith("赵某\u3000钱某")
    assert "××市市场监督管理局：" in texts                # 主送
    assert texts[-1].startswith("××区市场监督管理局办公室\t2025年10月15日印发")   # the 版记
    assert any("版记" in w for w in meta["warnings"])
    tables = document.element.body.findall(qn("w:tbl"))
    widths = [int(g.get(W + "w")) for g in tables[0].iter(qn("w:gridCol"))]
    assert widths[2] >= name_column_width(4, "牵头单位") and widths[2] > 1100   # not 20 mm
    assert check_docx(out) == []


def test_upward_number_without_signer_is_reported(tmp_path):
    from tests.test_docx_check import tamper

    notice = {**sample_notice(), "direction": "up", "signers": "张三", "attachments": []}
    render_notice(sample_plan(), notice, tmp_path / "up.docx",
                  {"paginate": False, "include_plan": False, "include_division_table": False})
    bad = tamper(tmp_path / "up.docx", tmp_path / "bad.docx", "word/document.xml",
                 r"<w:t>签发人：</w:t>", "<w:t></w:t>")
    assert any("签发人" in line and "济槐政字" in line for line in check_docx(bad))
