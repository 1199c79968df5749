"""The 分工表 with 责任领导, 处室 and 备注 columns as LibreOffice lays it out: landscape
pages, every header on the page, the names in their cells, rows whole, the table inside
the type area.  Slow: one notice laid out."""
import shutil

import pytest

from reports import pdf
from reports.docx import check_docx, render_notice
from reports.docx.check_layout import row_findings, table_rows_text
from reports.docx.layout import columns_text, read_pages
from reports.docx.resolve import Package
from reports.docx.samples import sample_notice
from reports.importer import parse_text
from tests.test_docx_mentions import COUNTY, stored

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not pdf.available() or not shutil.which("pdftoppm"),
                       reason="LibreOffice or poppler-utils not installed"),
]
# Enough measures that the table runs over more than one landscape page.
LEADERS = ["张建明", "李华", "王立新副县长", "赵刚", "孙丽", "周永强", "吴芳", "郑海涛"]
MORE = "".join(f"（{n}）推进第{i}批项目建设。完成年度投资计划，按月调度项目进展，及时协调解决建设中的"
               f"困难和问题。（责任领导：{who}；牵头单位：县发改局；配合单位：县财政局；2025年底前）\n"
               for i, (n, who) in enumerate(zip("二三四五六七八九", LEADERS), 1))


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    work = tmp_path_factory.mktemp("mentions_lo")
    ws, plan = stored(parse_text(COUNTY.replace("二、保障措施\n（一）", "二、保障措施\n" + MORE + "（十）"),
                                 "方案.txt"))
    first = plan["tasks"][0]["children"][0]
    ws.set_mentions(first["uuid"], divisions={"lead": ["规划科"], "support": ["财务科"]})
    from models.dump import plan_dict
    plan = plan_dict(ws, ws.plans()[-1].uuid)
    docx_path = work / "n.docx"
    result = render_notice(plan, sample_notice(), docx_path)
    pdf_path = pdf.convert_to_pdf(docx_path, work / "n.pdf")
    return result, docx_path, pdf_path, read_pages(pdf_path)


def test_the_table_pages_hold_the_new_columns_within_the_type_area(laid_out):
    result, docx_path, _pdf, pages = laid_out
    assert result.pages == len(pages) and len(pages) % 2 == 0
    landscape = [p for p in pages if not p.portrait]
    assert len(landscape) >= 2
    for page in landscape:
        texts = columns_text(page)
        for header in ("序号", "具体内容", "牵头单位", "责任领导", "完成时限", "备注"):
            assert any(t.startswith(header) for t in texts), (page.number, header)
        # the landscape type area: left 35 mm, right 37 mm of 297 (the turned page number
        # stands in the left margin, left of 33 mm)
        text = [s for s in page.segments if s.x1 > 33]
        assert min(s.x0 for s in text) >= 35 - 1
        assert max(s.x1 for s in text) <= 297 - 37 + 1
    table_text = "".join("".join(columns_text(p)) for p in landscape)
    for name in ("杜新国", *LEADERS, "规划科", "财务科", "适用范围：综合保税区"):
        assert name in table_text, name
    assert row_findings(pages, table_rows_text(Package(docx_path))) == []
    assert check_docx(docx_path) == []


def test_a_page_image_of_the_table(laid_out, tmp_path):
    """The first table page as a picture: the table's ink lies inside the type area."""
    import subprocess

    import numpy as np
    from PIL import Image

    _result, _docx, pdf_path, pages = laid_out
    n = next(p.number for p in pages if not p.portrait)
    prefix = tmp_path / "table"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(n), "-l", str(n), "-singlefile",
                    str(pdf_path), str(prefix)], check=True)
    im = np.asarray(Image.open(f"{prefix}.png").convert("L"))
    mm = 25.4 / 60
    dark = np.where((im < 128).any(axis=0))[0]
    # the turned page number stands in the left margin; the grid starts at 35 mm
    grid = dark[dark * mm > 30]
    assert grid.min() * mm == pytest.approx(35, abs=1.5)
    assert (grid.max() + 1) * mm == pytest.approx(297 - 37, abs=1.5)
