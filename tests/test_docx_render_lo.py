"""The notice laid out by LibreOffice: measured on the PDF (design §8).

Slow (a few LibreOffice runs) but part of CI; skipped only where soffice is missing.
Fonts are substituted on machines without the official faces, so glyph shapes differ;
the geometry (page, margins, line pitch, positions) must hold anyway.
"""
import collections
import shutil
import subprocess

import pytest
from lxml import etree

from reports import pdf
from reports.docx import render_division_table_docx, render_notice
from reports.docx.samples import sample_notice, sample_plan, shandong_plan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not pdf.available() or not shutil.which("pdftotext"),
                       reason="LibreOffice or poppler-utils not installed"),
]
PT = 25.4 / 72
XHTML = "{http://www.w3.org/1999/xhtml}"


def pages_of(pdf_path):
    """[(width_mm, height_mm, [(x0, y0, x1, y1, text)])] from pdftotext -bbox-layout."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"],
                         capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter(XHTML + "page"):
        lines = []
        for line in page.iter(XHTML + "line"):
            text = "".join(w.text or "" for w in line.iter(XHTML + "word"))
            box = [float(line.get(k)) * PT for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append((*box, text))
        pages.append((float(page.get("width")) * PT, float(page.get("height")) * PT, lines))
    return pages


def ink_rows(pdf_path, page, test, dpi=150):
    """Rows (mm from the top) and their x-extent (mm) where `test(r, g, b)` pixels are."""
    from PIL import Image
    import numpy as np

    prefix = pdf_path.with_name(f"p{page}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf_path), str(prefix)], check=True)
    im = np.asarray(Image.open(str(prefix) + ".png").convert("RGB")).astype(int)
    mask = test(im[..., 0], im[..., 1], im[..., 2])
    px = 25.4 / dpi
    out = []
    for y in np.where(mask.any(axis=1))[0]:
        xs = np.where(mask[y])[0]
        out.append((y * px, xs.min() * px, (xs.max() + 1) * px))
    return out


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    work = tmp_path_factory.mktemp("lo")
    result = render_notice(sample_plan(), sample_notice(), work / "notice.docx")
    pdf_path = pdf.convert_to_pdf(work / "notice.docx", work / "notice.pdf")
    return result, pdf_path, pages_of(pdf_path)


def number_lines(lines):
    """The page-number lines of a portrait page (below the type area)."""
    return [l for l in lines if l[1] > 262 and "—" in l[4]]


def test_pages_are_a4_and_the_colophon_page_is_even(laid_out):
    result, pdf_path, pages = laid_out
    assert result.pages == len(pages) == pdf.page_count(pdf_path)
    assert len(pages) % 2 == 0
    for w, h, _lines in pages:
        assert sorted((round(w), round(h))) == [210, 297]
    last = pages[-1][2]
    assert last[-1][4].endswith("2022年11月22日印发")
    assert any(l[4].startswith("抄送：") for l in last)
    if result.blank_page_inserted:
        assert not number_lines(last)
    else:
        assert number_lines(last)[0][4].replace(" ", "") == f"—{len(pages)}—"


@pytest.fixture(scope="module")
def plan_only(tmp_path_factory):
    """The notice with the plan only: its last text page is even and has room."""
    work = tmp_path_factory.mktemp("lo_share")
    notice = sample_notice()
    notice["attachments"] = notice["attachments"][:1]
    result = render_notice(sample_plan(), notice, work / "notice.docx",
                           {"include_division_table": False})
    pdf_path = pdf.convert_to_pdf(work / "notice.docx", work / "notice.pdf")
    return result, pdf_path, pages_of(pdf_path)


def test_colophon_shares_the_last_even_text_page(plan_only):
    result, pdf_path, pages = plan_only
    assert result.colophon_shared and not result.blank_page_inserted
    assert result.pages == len(pages) and len(pages) % 2 == 0
    last = pages[-1][2]
    body = [l for l in last if l[1] < 200 and not l[4].startswith(("抄送", "—"))]
    assert len(body) >= 3                       # the plan's text ends on this page
    assert last[-2][4].endswith("印发") or last[-1][4].endswith("印发")
    assert number_lines(last)                   # a page of text keeps its number
    dark = ink_rows(pdf_path, len(pages), lambda r, g, b: (r < 128) & (g < 128) & (b < 128))
    rules = [row for row in dark if row[2] - row[1] > 150]
    assert rules[-1][0] == pytest.approx(262, abs=1.5)


def test_body_page_geometry(laid_out):
    _result, _pdf, pages = laid_out
    # the first full page of the plan: 22 lines of 28 characters from x = 28 mm
    full = [lines for w, h, lines in pages[3:] if h > w and len([l for l in lines if l[1] < 262]) >= 21]
    assert full
    body = [l for l in full[0] if l[1] < 262]
    assert 21 <= len(body) <= 23
    pitch = [b[1] - a[1] for a, b in zip(body, body[1:])]
    assert collections.Counter(round(p, 1) for p in pitch).most_common(1)[0][0] == pytest.approx(10.2, abs=0.1)
    assert min(l[0] for l in body) == pytest.approx(28, abs=1)
    lengths = collections.Counter(len(l[4]) for l in body if l[0] < 29)
    assert lengths.most_common(1)[0][0] == 28
    assert body[0][1] == pytest.approx(37 + 2.8, abs=2)   # first line box starts at 37 mm


def test_page_numbers_odd_right_even_left(laid_out):
    _result, _pdf, pages = laid_out
    checked = 0
    for n, (w, h, lines) in enumerate(pages, 1):
        if w > h:
            continue
        numbers = number_lines(lines)
        if not numbers:
            continue
        x0, y0, x1, y1, text = numbers[0]
        assert text.replace(" ", "") == f"—{n}—"
        assert (y0 + y1) / 2 == pytest.approx(262 + 7, abs=2)
        if n % 2:
            assert x1 == pytest.approx(210 - 26 - 4.94, abs=1.5)
        else:
            assert x0 == pytest.approx(28 + 4.94, abs=1.5)
        checked += 1
    assert checked >= 8


def test_table_pages_are_landscape_with_turned_numbers(laid_out):
    _result, _pdf, pages = laid_out
    landscape = [(n, lines) for n, (w, h, lines) in enumerate(pages, 1) if w > h]
    assert len(landscape) >= 2
    assert landscape[0][1][0][4] == "附件2"
    for n, lines in landscape:
        assert any(l[4] == "序号" for l in lines)          # header row repeated
        numbers = [l for l in lines if l[2] < 33 and "—" in l[4]]
        assert numbers, f"page {n}: no turned page number"
        x0, y0, x1, y1, text = numbers[0]
        assert (x0 + x1) / 2 == pytest.approx(28, abs=1.5)
        assert str(n) in text
        if n % 2:
            assert y1 == pytest.approx(210 - 26 - 4.94, abs=1.5)
        else:
            assert y0 == pytest.approx(28 + 4.94, abs=1.5)


def test_header_mark_and_red_rule(laid_out):
    _result, pdf_path, pages = laid_out
    red = ink_rows(pdf_path, 1, lambda r, g, b: (r > 200) & (g < 90) & (b < 90))
    mark_top = red[0][0]
    assert mark_top == pytest.approx(37 + 35, abs=2)
    rule = [row for row in red if row[2] - row[1] > 150]
    assert rule, "no red rule"
    y, x0, x1 = rule[-1]          # the lowest red ink: the mark itself may be as wide
    assert x0 == pytest.approx(28, abs=1) and x1 - x0 == pytest.approx(156, abs=1.5)
    number = next(l for l in pages[0][2] if l[4] == "济槐政字〔2022〕16号")
    assert y - number[3] == pytest.approx(4, abs=1.5)
    assert any(l[4].startswith("现将") for l in pages[0][2])   # body text on page 1


def test_colophon_rules_on_the_last_page(laid_out):
    _result, pdf_path, pages = laid_out
    dark = ink_rows(pdf_path, len(pages), lambda r, g, b: (r < 128) & (g < 128) & (b < 128))
    rules = [row for row in dark if row[2] - row[1] > 150]
    assert rules
    assert rules[-1][0] == pytest.approx(262, abs=1.5)
    assert all(r[2] - r[1] == pytest.approx(156, abs=1.5) for r in rules)


def test_standalone_table_is_landscape(tmp_path):
    out = render_division_table_docx(shandong_plan(), tmp_path / "table.docx")
    pages = pages_of(pdf.convert_to_pdf(out, tmp_path / "table.pdf"))
    assert pages and all(w > h for w, h, _ in pages)
    assert "".join(l[4] for l in pages[0][2][:2]).startswith("山东省知识产权强省建设")
