"""check_docx: finds the faults of python-docx's default document, passes our output,
and catches each deviation planted in an otherwise conformant file."""
import re
import zipfile

import docx
import pytest

from reports.docx import check_docx, render_department_tasks, render_division_table_docx, render_notice
from reports.docx.samples import sample_notice, sample_plan, shandong_plan


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    out = tmp_path_factory.mktemp("check") / "notice.docx"
    render_notice(sample_plan(), sample_notice(), out, {"paginate": False})
    return out


def tamper(src, dest, part, old, new, count=1):
    """Copy a .docx replacing `old` by `new` (regex) in one part."""
    with zipfile.ZipFile(src) as z:
        items = {n: z.read(n) for n in z.namelist()}
    text = items[part].decode("utf-8")
    changed, n = re.subn(old, new, text, count=count)
    assert n, f"{old!r} not found in {part}"
    items[part] = changed.encode("utf-8")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)
    return dest


def test_python_docx_default_document_is_not_conformant(tmp_path):
    d = docx.Document()
    d.add_paragraph("现将工作方案印发给你们，请认真组织实施。")
    d.save(tmp_path / "default.docx")
    problems = check_docx(tmp_path / "default.docx")
    text = "\n".join(problems)
    assert "纸张 216×279 mm，应为 A4" in text
    assert "上页边距 25.4 mm，应为 37 mm" in text
    assert "ＭＳ 明朝" in text                       # CJK resolved through the theme, ja-JP
    assert "字号 11 磅" in text
    assert "行距" in text and "首行缩进" in text
    assert "evenAndOddHeaders" in text
    assert "没有页码" in text
    assert all("\n" not in p for p in problems)


def test_own_outputs_are_conformant(good, tmp_path):
    assert check_docx(good) == []
    render_division_table_docx(shandong_plan(), tmp_path / "table.docx")
    assert check_docx(tmp_path / "table.docx") == []
    [dept] = render_department_tasks(shandong_plan(), tmp_path / "dept.docx")
    assert check_docx(dept) == []
    notice = {**sample_notice(), "sealed": False, "letterhead": "none", "cc": ""}
    render_notice(sample_plan(), notice, tmp_path / "plain.docx", {"paginate": False})
    assert check_docx(tmp_path / "plain.docx") == []


@pytest.mark.parametrize("part, old, new, expected", [
    # body style switched to 宋体 after inheritance
    ("word/styles.xml", r'(w:styleId="Normal"[^>]*>.*?w:eastAsia=")仿宋_GB2312', r"\1宋体", "应为仿宋"),
    # heading 一、 in 仿宋 instead of 黑体
    ("word/styles.xml", r'(w:styleId="GwHeading1"[^>]*>.*?w:eastAsia=")黑体', r"\1仿宋_GB2312", "应为黑体"),
    # （一） run-in not in 楷体
    ("word/styles.xml", r'(w:styleId="GwKaiChar"[^>]*>.*?w:eastAsia=")楷体_GB2312', r"\1黑体", "应为楷体"),
    # title size
    ("word/styles.xml", r'(w:styleId="GwTitle"[^>]*>.*?<w:sz w:val=")44', r"\g<1>36", "应为22 磅（二号）"),
    # body first-line indent
    ("word/styles.xml", r'w:firstLine="630"', 'w:firstLine="0"', "首行缩进"),
    # line pitch
    ("word/styles.xml", r'(w:styleId="Normal"[^>]*>.*?w:line=")579', r"\g<1>560", "行距"),
    # page margins
    ("word/document.xml", r'w:left="1587"', 'w:left="1800"', "左页边距"),
    # doc number with look-alike brackets
    ("word/document.xml", r"〔2022〕", "[2022]", "六角括号"),
    # zero-padded printing date
    ("word/document.xml", r"2022年11月22日印发", "2022年01月02日印发", "印发日期"),
    # no even/odd footers
    ("word/settings.xml", r"<w:evenAndOddHeaders/>", "", "evenAndOddHeaders"),
    # a 28-char grid that LibreOffice renders as 14 characters a line
    ("word/document.xml", r'<w:docGrid w:linePitch="579"/>', '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="0"/>', "字符网格"),
    # colophon rules
    ("word/document.xml", r'(<w:tblBorders><w:top w:val="single" w:sz=")8', r"\g<1>2", "首条分隔线"),
    # cc without the final 。
    ("word/document.xml", r"区人武部。", "区人武部", "抄送机关"),
    # the date written in Chinese numerals (1999 edition)
    ("word/document.xml", r">2022年11月22日<", ">二〇二二年十一月二十二日<", "成文日期"),
])
def test_planted_deviations_are_found(good, tmp_path, part, old, new, expected):
    bad = tamper(good, tmp_path / "bad.docx", part, old, new)
    problems = check_docx(bad)
    assert any(expected in p for p in problems), problems


def test_page_number_dashes_and_field(good, tmp_path):
    bad = tamper(good, tmp_path / "bad.docx", "word/footer1.xml", "— ", "- ")
    assert any("一字线" in p for p in check_docx(bad))
    bad = tamper(good, tmp_path / "bad2.docx", "word/footer2.xml", " PAGE ", " NUMPAGES ")
    assert any("PAGE" in p for p in check_docx(bad))
    bad = tamper(good, tmp_path / "bad3.docx", "word/footer1.xml", r'<w:jc w:val="right"/>', '<w:jc w:val="center"/>')
    assert any("单页码应居右" in p for p in check_docx(bad))


def test_theme_fonts_are_resolved(good, tmp_path):
    """An eastAsiaTheme attribute is followed to the theme, not taken at face value."""
    bad = tamper(good, tmp_path / "bad.docx", "word/styles.xml",
                 r'(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts) [^/]*/>',
                 r'\1 w:eastAsiaTheme="minorEastAsia"/>')
    bad = tamper(bad, tmp_path / "bad2.docx", "word/styles.xml",
                 r'(w:styleId="Normal"[^>]*>.*?)<w:rFonts [^/]*/>', r"\1")
    problems = check_docx(bad)
    assert any("未指定" in p and "正文" in p for p in problems), problems
