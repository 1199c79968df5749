"""The lean reader of returned workbooks against hand-written SpreadsheetML."""
from __future__ import annotations

import zipfile

import openpyxl
import pytest

from reports.xlsx.calamine_book import CalamineBook
from reports.xlsx.return_reader import ReturnBook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(path, ns=MAIN, sheet_xml="", strings_xml=None):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                   f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{ns}" xmlns:r="{REL}"><sheets>'
                   f'<sheet name="表" sheetId="1" r:id="rId1"/>'
                   f'<sheet name="_plandesk" sheetId="2" state="veryHidden" r:id="rId2"/>'
                   f"</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="/xl/worksheets/a.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/b.xml"/>'
                   f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>'
                   f'<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                   f"</Relationships>")
        z.writestr("xl/styles.xml", f'<styleSheet xmlns="{ns}"><numFmts count="1">'
                   f'<numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="3">'
                   f'<xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>')
        z.writestr("xl/sharedStrings.xml", strings_xml or (
            f'<sst xmlns="{ns}"><si><t>推进中</t></si>'
            f'<si><r><t>已完成</t></r><r><rPr/><t>招商</t></r><rPh><t>ふりがな</t></rPh></si></sst>'))
        z.writestr("xl/worksheets/a.xml", f'<worksheet xmlns="{ns}"><sheetData>{sheet_xml}'
                   f"</sheetData></worksheet>")
        z.writestr("xl/worksheets/b.xml", f'<worksheet xmlns="{ns}"><sheetData/></worksheet>')
    return path


SHEET = ('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c>'
         '<c r="D2" t="inlineStr"><is><t xml:space="preserve"> =不是公式 </t></is></c>'
         '<c r="E2"><f>SUM(1,2)</f><v>3</v></c><c r="F2" t="e"><v>#N/A</v></c>'
         '<c r="G2" t="b"><v>1</v></c><c r="H2" s="1"><v>0.6</v></c><c r="I2" s="2"><v>60</v></c>'
         '<c r="J2" t="str"><f>A2</f><v>推进中</v></c></row>'
         "<row><c><v>7</v></c><c><v>8.5</v></c></row>")   # no references: row 3, A and B


@pytest.mark.parametrize("ns", [MAIN, STRICT])
def test_cells_types_and_formats(tmp_path, ns):
    with ReturnBook(workbook(tmp_path / "w.xlsx", ns, SHEET)) as book:
        assert book.sheetnames == ["表", "_plandesk"]
        assert book.states["_plandesk"] == "veryHidden"
        rows = book.rows("表")
    assert rows[0] == [None] * 10
    a, b, c, d, e, f, g, h, i, j = rows[1]
    assert (a.value, a.data_type) == ("推进中", "s") and b is None
    assert c.value == "已完成招商"                      # rich text runs, phonetic left out
    assert (d.value, d.data_type) == (" =不是公式 ", "s")
    assert (e.value, e.data_type) == ("=SUM(1,2)", "f")
    assert (f.value, f.data_type) == ("#N/A", "e")
    assert (g.value, g.data_type) == (True, "b")
    assert (h.value, h.number_format) == (0.6, "0%")
    assert (i.value, i.number_format) == (60, "0.0%") and isinstance(i.value, int)
    assert (j.value, j.data_type) == ("=A2", "f")
    assert [c.value for c in rows[2][:2]] == [7, 8.5]


def test_agrees_with_openpyxl_on_an_openpyxl_file(tmp_path):
    path = tmp_path / "o.xlsx"
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "表"
    s["A1"], s["B3"], s["C3"] = "文字", 12, "=1+1"
    s["D3"] = "=不是公式"
    s["D3"].data_type = "s"
    s["E3"] = 0.25
    s["E3"].number_format = "0%"
    wb.save(path)
    with ReturnBook(path) as book:
        rows = book.rows("表")
    theirs = openpyxl.load_workbook(path)["表"]
    for r, row in enumerate(rows, 1):
        for c, cell in enumerate(row, 1):
            other = theirs.cell(r, c)
            if cell is None:
                assert other.value is None
                continue
            assert (cell.value, cell.data_type) == (other.value, other.data_type)
            assert cell.number_format == other.number_format


@pytest.mark.parametrize("stray", ['<row r="3"><c r="XFD3"><v>1</v></c></row>',
                                   '<row r="200001"><c r="A200001"><v>1</v></c></row>',
                                   '<row r="9000"><c r="ALL9000"><v>1</v></c></row>'])
@pytest.mark.parametrize("reader", [ReturnBook, CalamineBook])
def test_a_sheet_reaching_far_is_refused_while_streamed(tmp_path, stray, reader):
    """The reader bounds what it streams (the file check leaves its sheets to it): a stray
    cell is refused before any grid is built, even outside the columns asked for."""
    from reports.zipsafety import UnsafeFile
    path = workbook(tmp_path / "w.xlsx", MAIN, '<row r="1"><c r="A1"><v>1</v></c></row>' + stray)
    with reader(path) as book, pytest.raises(UnsafeFile) as refused:
        book.rows("表", width=3, compact=True)
    assert refused.value.code == "container.sheet_too_large"
    assert "w.xlsx" in str(refused.value) and "“a”" in str(refused.value)


def test_a_sheet_within_bounds_reads_with_gaps(tmp_path):
    path = workbook(tmp_path / "w.xlsx", MAIN, '<row r="1"><c r="A1"><v>1</v></c></row>'
                    '<row r="900"><c r="AB900"><v>2</v></c></row>')
    with ReturnBook(path) as book:
        rows = book.rows("表")
    assert len(rows) == 900 and len(rows[0]) == 28 and rows[899][27].value == 2


@pytest.mark.parametrize("ns", [MAIN, STRICT])
def test_the_calamine_reader_gives_the_same_cells(tmp_path, ns):
    """Formulas, errors, booleans, rows without references: what calamine cannot show is
    read by the lxml reader, so the import sees the same cells whichever is installed."""
    path = workbook(tmp_path / "w.xlsx", ns, SHEET)
    with ReturnBook(path) as book:
        theirs = book.rows("表", compact=True)
    with CalamineBook(path) as book:
        assert book.rows("表", compact=True) == theirs
    assert theirs[1][4].value == "=SUM(1,2)" and theirs[1][3] == " =不是公式 "
