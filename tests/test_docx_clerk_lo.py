"""The notices of the seed plans as LibreOffice lays them out, measured on the PDF pages as
a 文秘 would look at them; and check-docx finding each pagination defect planted on
purpose.  Slow: a few LibreOffice runs, every check batched on them."""
import re
import shutil
from pathlib import Path

import pytest

from models.dump import plan_dict
from models.workspace import Workspace
from reports import pdf
from reports.docx import check_docx, render_notice
from reports.docx.check_layout import (colophon_findings, colophon_height, page_findings,
                                       row_findings, signature_findings, table_rows_text)
from reports.docx.layout import read_pages
from reports.docx.options import RenderOptions
from reports.docx.paginate import Layout
from reports.docx.render import build_notice
from reports.docx.resolve import Package
from reports.docx.samples import sample_notice, sample_plan
from reports.docx.title import forbidden_breaks, lexicon_from_names
from reports.importer import parse_file
from reports.notice_meta import notice_for
from tests.test_docx_check import tamper

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not pdf.available() or not shutil.which("pdftoppm"),
                       reason="LibreOffice or poppler-utils not installed"),
]
SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
OFFICE = {"doc_number": "槐知〔2025〕3号", "date": "2025-03-01",
          "issuer_mark": "济南市槐荫区市场监督管理局文件", "signer": "济南市槐荫区市场监督管理局",
          "addressees": "各街道办事处，区直各部门", "cc": "区委办公室，区政府办公室。"}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """Each seed imported and issued with the defaults a clerk gets (印发机关 left empty)."""
    work = tmp_path_factory.mktemp("seeds_lo")
    out = []
    for seed in sorted(SAMPLES.glob("*.txt")):
        with Workspace.create(work / f"{seed.stem}.plandesk") as ws:
            plan = ws.insert_plan_tree(parse_file(seed), seed.name)["plan"]
            notice = notice_for(ws, plan.uuid, OFFICE)
            notice.pop("printer", None)
            docx_path = work / f"{seed.stem}.docx"
            data = plan_dict(ws, plan.uuid)
            result = render_notice(data, notice, docx_path)
        pdf_path = pdf.convert_to_pdf(docx_path, work / f"{seed.stem}.pdf")
        out.append((seed.stem, data, notice, result, docx_path, pdf_path, read_pages(pdf_path)))
    return out


def test_seed_notices_paginate_like_a_clerk(seeds):
    for name, _plan, _notice, result, docx_path, pdf_path, pages in seeds:
        assert result.pages == len(pages) and len(pages) % 2 == 0, name
        # page 1 holds 正文; the signature page too; the 附件说明 on one page
        assert any(ln.text.startswith("现将") for ln in pages[0].text_lines()), name
        assert signature_findings(pages) == [], name
        # the 版记 (with the issuer's office as 印发机关) on the last, even page, at its foot
        last = pages[-1].text_lines()
        assert last[-1].text.endswith("2025年3月1日印发"), name
        assert last[-1].text.startswith("济南市槐荫区市场监督管理局办公室"), name
        assert last[-1].bottom == pytest.approx(261, abs=3), name
        assert colophon_findings(pages, colophon_height(Package(docx_path))) == [], name
        if result.blank_page_inserted:
            assert not pages[-2].text_lines() and pages[-3].text_lines()
        # table rows never split across pages
        assert row_findings(pages, table_rows_text(Package(docx_path))) == [], name
        assert page_findings(docx_path, pdf_path=pdf_path) == [], name
        assert check_docx(docx_path) == [], name


def test_seed_titles_on_the_page_have_no_forbidden_break(seeds):
    for name, plan, notice, _result, _docx, _pdf, pages in seeds:
        lines = pages[0].text_lines()
        start = next(i for i, ln in enumerate(lines) if "〔2025〕" in ln.text) + 1
        end = next(i for i, ln in enumerate(lines) if ln.text.startswith("各街道办事处"))
        title = [ln.text for ln in lines[start:end]]
        assert 1 <= len(title) <= 5, name
        assert "".join(title) == notice["title"], name
        names = [plan["issuer"], notice["signer"]] + [n for t in plan["tasks"]
                                                      for n in (t.get("roles") or {}).get("lead", [])]
        assert forbidden_breaks(title, lexicon_from_names(n for n in names if n)) == [], name
        # the attachment titles too
        for page in pages[1:]:
            head = page.text_lines()[:4]
            if head and re.fullmatch(r"附件\d?", head[0].text):
                att = [ln.text for ln in head[1:] if abs((ln.x0 + ln.x1) / 2 - 106) < 8]
                assert forbidden_breaks(att) == [], (name, att)


@pytest.fixture(scope="module")
def defects(tmp_path_factory):
    """Defects planted on purpose: the 附件说明 broken and cantSplit removed in the full notice;
    the 版记 of the plan-only notice forced onto a page of its own."""
    work = tmp_path_factory.mktemp("defects_lo")
    good = work / "good.docx"
    render_notice(sample_plan(), sample_notice(), good, {"paginate": False})
    # the second attachment item pushed onto page 2, as the notices used to come out
    pushed = tamper(good, work / "pushed.docx", "word/document.xml",
                    r'(?s)(GwAttachList.*?GwAttachList"/><w:keepNext w:val="1"/><w:keepLines w:val="1"/>)',
                    r"\1<w:pageBreakBefore/>")
    unchained = tamper(pushed, work / "unchained.docx", "word/document.xml", r"<w:cantSplit/>", "",
                       count=0)
    notice = sample_notice()
    notice["attachments"] = notice["attachments"][:1]
    notice["title"] = LONG_TITLE
    opts = RenderOptions.from_any({"include_division_table": False})
    alone = work / "alone.docx"
    build_notice(sample_plan(), notice, opts, layout=Layout(colophon="own")).save(alone)
    out = {}
    for name, path in (("unchained", unchained), ("alone", alone)):
        pdf_path = pdf.convert_to_pdf(path, path.with_suffix(".pdf"))
        out[name] = (read_pages(pdf_path), page_findings(path, pdf_path=pdf_path))
    return out


LONG_TITLE = ("中共济南市槐荫区委办公室济南市槐荫区人民政府办公室关于印发《槐荫区贯彻落实"
              "〈山东省知识产权强省建设纲要（2021—2035年）〉实施方案重点任务分工》的通知")


def test_a_five_line_title_on_the_page(defects):
    pages, _found = defects["alone"]
    lines = pages[0].text_lines()
    start = next(i for i, ln in enumerate(lines) if "〔2022〕" in ln.text) + 1
    end = next(i for i, ln in enumerate(lines) if ln.text.startswith("各街道办事处"))
    title = [ln.text for ln in lines[start:end]]
    assert "".join(title) == LONG_TITLE and len(title) == 5
    assert forbidden_breaks(title, lexicon_from_names(["济南市槐荫区人民政府"])) == []
    widths = [ln.x1 - ln.x0 for ln in lines[start:end]]
    assert max(widths) <= 156.5 and max(widths) - min(widths) > 10      # not a block


def test_check_docx_reports_each_planted_pagination_defect(defects):
    _pages, found = defects["unchained"]
    text = "\n".join(found)
    assert re.search(r"第\d+页：发文机关署名和成文日期所在页没有正文", text)
    assert re.search(r"第1页：附件说明被分在第1页和第2页", text)
    assert re.search(r"第\d+页：表格中“.+”一行被分在两页", text)
    _pages, found = defects["alone"]
    text = "\n".join(found)
    assert re.search(r"第9页：版记单独占一页，而第8页（偶数页）下方尚有约 \d+ 毫米空白", text)
    assert "第9页：版记在奇数页" in text


@pytest.fixture(scope="module")
def upward_docs(tmp_path_factory):
    """A 请示 and the progress report as a 报告 to the office above, paginated."""
    import datetime as dt

    from models.status.sample import build_sample
    from reports.docx.upward import render_request
    from reports.progress_report import render_progress_report_docx
    from tests.test_docx_clerk import REQUEST

    work = tmp_path_factory.mktemp("upward_lo")
    request = render_request(REQUEST, work / "q.docx")
    with Workspace.create(work / "ws.plandesk") as ws:
        plan = build_sample(ws)
        meta = {"issuer_mark": "××区市场监督管理局文件", "doc_number": "×市监字〔2025〕21号",
                "addressees": "××市市场监督管理局", "signers": "赵某，钱某，孙某",
                "signer": "××区市场监督管理局", "warnings": []}
        report = render_progress_report_docx(ws, plan, "2025年第三季度", work / "r.docx",
                                             dt.date(2025, 10, 15), meta=meta)
    out = {}
    for name, path in (("request", request.path), ("report", report)):
        pdf_path = pdf.convert_to_pdf(path, path.with_suffix(".pdf"))
        out[name] = (path, read_pages(pdf_path), page_findings(path, pdf_path=pdf_path))
    return out


def test_upward_documents_on_the_page(upward_docs):
    for name, (path, pages, found) in upward_docs.items():
        assert found == [] and check_docx(path) == [], name
        assert len(pages) % 2 == 0, name
        first = pages[0].text_lines()
        signer = next(ln for ln in first if "签发人：" in ln.text)
        assert signer.x1 == pytest.approx(210 - 26 - 5.6, abs=2.5), name   # 1 字 from the right
        number = next(ln for ln in first if "〔2025〕" in ln.text)
        assert number.x0 == pytest.approx(28 + 5.6, abs=1.5), name         # 1 字 from the left
        assert pages[-1].text_lines()[-1].text.endswith("印发"), name
    _path, pages, _found = upward_docs["request"]
    assert len(pages) == 2 and pages[-1].has("妥否，请批示。")               # 版记 shares page 2
    assert any(ln.text == "（联系人：王五，0533-1234567）" for ln in pages[-1].lines)
