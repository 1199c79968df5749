"""Writing cells into a sheet's XML without re-saving the workbook: only the filled <c>
elements change, whatever the writer of the file (prefixes, missing r attributes, rows or
cells absent, self-closing rows)."""
from __future__ import annotations

import zipfile

import openpyxl
from lxml import etree

from reports.template.sheet_xml import fill_zip, set_cells

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet(body: str, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{NS}"' if prefix else f'xmlns="{NS}"'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {xmlns}>'
            f'<{p}cols><{p}col min="3" max="3" width="20" style="7" customWidth="1"/></{p}cols>'
            f"<{p}sheetData>{body.replace('<', '<' + p).replace('<' + p + '/', '</' + p)}"
            f"</{p}sheetData><{p}pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
            f'header="0.3" footer="0.3"/></{p}worksheet>').encode()


def cells_of(xml: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(xml)
    return {c.get("r"): c for c in root.iter(f"{{{NS}}}c")}


def text_of(c) -> str:
    return "".join(c.itertext())


def test_replaces_keeps_style_and_leaves_the_rest_byte_identical():
    body = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3" t="s"><v>1</v></c></row>'
            '<row r="2" spans="1:3"><c r="A2" s="4"><f>SUM(1,2)</f><v>3</v></c></row>')
    xml = sheet(body)
    out = set_cells(xml, {(1, 2): "进展<良好>&", (2, 1): 60})
    got = cells_of(out)
    assert got["B1"].get("s") == "3" and got["B1"].get("t") == "inlineStr"
    assert text_of(got["B1"]) == "进展<良好>&"
    assert got["A2"].get("s") == "4" and got["A2"].findtext(f"{{{NS}}}v") == "60"
    assert got["A2"].find(f"{{{NS}}}f") is None
    # Everything outside the two cells is unchanged.
    start, end = out.index(b'<c r="B1"'), out.index(b"</c>", out.index(b'<c r="B1"')) + 4
    assert out[:start] == xml[:xml.index(b'<c r="B1"')]
    assert out.endswith(xml[xml.index(b"</row>", xml.index(b'<row r="2"')):])
    assert end > start


def test_inserts_missing_cells_and_rows_in_order_with_the_column_style():
    body = '<row r="1"><c r="A1"/><c r="E1"/></row><row r="3"/><row r="5"><c r="A5"/></row>'
    out = set_cells(sheet(body), {(1, 3): "中", (3, 2): "空行", (4, 3): "新行", (6, 1): 1.5})
    root = etree.fromstring(out)
    rows = [(r.get("r"), [c.get("r") for c in r]) for r in root.iter(f"{{{NS}}}row")]
    assert rows == [("1", ["A1", "C1", "E1"]), ("3", ["B3"]), ("4", ["C4"]), ("5", ["A5"]),
                    ("6", ["A6"])]
    got = cells_of(out)
    assert got["C1"].get("s") == "7" and got["C4"].get("s") == "7"   # the column's style
    assert got["A6"].findtext(f"{{{NS}}}v") == "1.5"


def test_prefixed_xml_and_cells_without_references():
    body = '<row><c t="s"><v>0</v></c><c s="2"><v>1</v></c></row><row><c/></row>'
    out = set_cells(sheet(body, "x"), {(1, 2): "第二列", (2, 1): "第二行"})
    root = etree.fromstring(out)
    cells = [c for c in root.iter(f"{{{NS}}}c")]
    assert [text_of(c) for c in cells] == ["0", "第二列", "第二行"]
    assert cells[1].get("s") == "2" and cells[1].prefix == "x"


def test_fill_zip_keeps_every_other_member(tmp_path):
    src = tmp_path / "a.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "标题"
    wb.create_sheet("其他")["B2"] = "不动"
    wb.save(src)
    out = tmp_path / "b.xlsx"
    fill_zip(str(src), out, "xl/worksheets/sheet1.xml", {(2, 2): "填写"})
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(n) == b.read(n) for n in a.namelist() if n != "xl/worksheets/sheet1.xml")
    back = openpyxl.load_workbook(out)
    assert back.active["B2"].value == "填写" and back["其他"]["B2"].value == "不动"
