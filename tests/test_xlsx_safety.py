"""Bad files: refused with one line naming the file, quickly, leaving the workspace as it was."""
from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cli import run
from reports.xlsx import WorkbookError, check_workbook_file, read_foreign_workbook, read_return
from reports.xlsx.safety import open_workbook
from test_xlsx_helpers import build_workspace, sha

ROOT = Path(__file__).resolve().parent.parent
def billion_laughs(root: bytes, body: bytes, padding: bytes = b"") -> bytes:
    """An XML part whose one entity expands to 10**9 "lol"s."""
    entities = b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"lol") * 10)
                        for i in range(1, 10))
    return (b'<?xml version="1.0"?>\n' + padding + b"<!DOCTYPE " + root + b" [" + entities + b"]>\n"
            + body)


SHEET_BOMB_BODY = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
                   b"</sheetData></worksheet>")


def good_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "重点任务"
    wb.save(path)
    return path


def with_part(src: Path, dst: Path, name: str, data: bytes) -> Path:
    """A copy of ``src`` with one part replaced or added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != name:
                zout.writestr(item, zin.read(item.filename))
        zout.writestr(name, data)
    return dst


def entity_bomb(tmp_path, padding: bytes = b"", name: str = "bomb.xlsx") -> Path:
    src = good_xlsx(tmp_path / "plain.xlsx")
    return with_part(src, tmp_path / name, "xl/worksheets/sheet1.xml",
                     billion_laughs(b"worksheet", SHEET_BOMB_BODY, padding))


def bad_files(tmp_path) -> dict[str, tuple[Path, str]]:
    """{case: (file, words the message must contain)}."""
    good = good_xlsx(tmp_path / "good.xlsx")
    data = good.read_bytes()
    files = {}
    p = tmp_path / "truncated.xlsx"
    p.write_bytes(data[: len(data) // 2])
    files["truncated"] = (p, "损坏")
    p = tmp_path / "old.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    files["ole"] = (p, ".xls")
    import docx
    doc = docx.Document()
    doc.add_paragraph("关于印发《工作方案》的通知")
    p = tmp_path / "notice.xlsx"
    doc.save(p)
    files["docx"] = (p, "Word")
    p = tmp_path / "list.xlsx"
    p.write_text("序号\t重点任务\t牵头单位\n1\t建设大厦\t区市场监管局\n", encoding="utf-8")
    files["text"] = (p, "文本文件")
    p = tmp_path / "empty.xlsx"
    p.write_bytes(b"")
    files["empty"] = (p, "空的")
    p = tmp_path / "zipbomb.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    files["zip bomb"] = (p, "压缩炸弹")
    files["entity bomb"] = (entity_bomb(tmp_path), "XML 炸弹")
    return files


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    return bad_files(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("case", ["truncated", "ole", "docx", "text", "empty", "zip bomb", "entity bomb"])
def test_bad_file_is_refused_in_one_line_naming_it(bad, case):
    path, words = bad[case]
    started = time.perf_counter()
    with pytest.raises(WorkbookError) as info:
        check_workbook_file(path)
    assert time.perf_counter() - started < 0.5
    message = str(info.value)
    assert message.startswith(f"{path.name}: ") and words in message and "\n" not in message
    with pytest.raises(WorkbookError, match=path.name):
        read_foreign_workbook(path)


def test_defusedxml_guards_openpyxl_itself(tmp_path):
    """Even without our own check, openpyxl's parser refuses the entity bomb."""
    from defusedxml import DefusedXmlException
    assert openpyxl.DEFUSEDXML
    bomb = entity_bomb(tmp_path)
    started = time.perf_counter()
    with pytest.raises(ValueError) as info:   # openpyxl wraps the parser's refusal
        openpyxl.load_workbook(bomb)
    assert isinstance(info.value.__cause__, DefusedXmlException)
    assert time.perf_counter() - started < 1


def test_empty_workbook_is_a_clear_message(tmp_path):
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(WorkbookError, match=r"^blank.xlsx: 工作簿是空的"):
        read_foreign_workbook(path)


def test_macros_are_noted_and_never_kept(tmp_path):
    src = good_xlsx(tmp_path / "plain.xlsx")
    path = with_part(src, tmp_path / "macro.xlsm", "xl/vbaProject.bin", b"\x01" * 100)
    check = check_workbook_file(path)
    assert check.has_macros and "宏" in check.notes[0]
    with open_workbook(path, read_only=False) as (wb, _):
        assert wb.vba_archive is None


def test_sheet_xml_bomb_inside_a_real_sheet_is_refused_by_the_reader(tmp_path):
    """A DTD deeper than the prolog check still meets defusedxml when the sheet is parsed."""
    path = entity_bomb(tmp_path, padding=b"<!-- " + b"x" * 5000 + b" -->\n", name="deep.xlsx")
    check_workbook_file(path)   # the prolog check does not see it …
    with pytest.raises(WorkbookError, match=r"^deep.xlsx: 无法读取工作簿"):
        read_foreign_workbook(path)   # … the parser refuses it


@pytest.mark.parametrize("case", ["truncated", "ole", "docx", "text", "empty", "zip bomb", "entity bomb"])
def test_bad_file_leaves_the_workspace_byte_identical(bad, tmp_path, case, capsys):
    path, _ = bad[case]
    ws, _ = build_workspace(tmp_path / "ws.plandesk")
    ws_path = ws.path
    ws.close()
    before = sha(ws_path)
    assert run(["exchange", "import", str(ws_path), str(path)]) == 2
    assert run(["import", str(ws_path), str(path)]) == 2
    assert run(["exchange", "consolidate", str(ws_path), str(path), "--round", "R",
                "--out", str(tmp_path / "sum.xlsx")]) == 2
    err = capsys.readouterr().err
    assert path.name in err
    assert sha(ws_path) == before


def test_read_return_refuses_a_bad_file_before_reading(bad, tmp_path):
    ws, _ = build_workspace(tmp_path / "ws.plandesk")
    try:
        with pytest.raises(WorkbookError, match="zipbomb.xlsx"):
            read_return(ws, bad["zip bomb"][0])
    finally:
        ws.close()


def test_reports_xlsx_does_not_import_qt():
    code = ("import sys; import reports.xlsx, cli.exchange_cmd; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_external_links_are_noted_and_not_followed(tmp_path):
    src = good_xlsx(tmp_path / "plain.xlsx")
    link = (b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships"/></externalLink>')
    path = with_part(src, tmp_path / "linked.xlsx", "xl/externalLinks/externalLink1.xml", link)
    check = check_workbook_file(path)
    assert check.has_external_links and "外部链接" in check.notes[0]
    with open_workbook(path, read_only=False) as (wb, _):
        assert wb._external_links == []


def test_read_only_opening_resets_a_wps_a1_dimension(tmp_path):
    src = tmp_path / "rows.xlsx"
    wb = openpyxl.Workbook()
    for r in range(1, 31):
        wb.active.cell(r, 1, f"第{r}行")
        wb.active.cell(r, 3, r)
    wb.save(src)
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    patched = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:A1"/>', sheet)
    assert patched != sheet
    path = with_part(src, tmp_path / "wps.xlsx", "xl/worksheets/sheet1.xml", patched)
    with open_workbook(path, read_only=True) as (book, _):
        rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 30 and rows[-1] == ("第30行", None, 30)


@pytest.mark.parametrize("cut", [0, 3, 7])
def test_a_far_reference_cut_between_two_chunks_is_still_found(tmp_path, cut):
    """The sheet is bounded while it is inflated, chunk by chunk: a reference that falls
    across the boundary of two chunks is found all the same."""
    from reports.zipsafety import CHUNK, PROLOG_BYTES
    path = good_xlsx(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    head, tail = sheet.split(b"</sheetData>")
    stray = b'<row r="2"><c r=\"XFD2\"><v>1</v></c></row>'
    boundary = PROLOG_BYTES + CHUNK          # the first read is the prolog, then chunks
    filler = b"<!--" + b"x" * (boundary - cut - len(head) - stray.index(b"XFD") - 7) + b"-->"
    body = head + filler + stray + b"</sheetData>" + tail
    assert body.index(b"XFD2") == boundary - cut     # cut letters before, the rest after
    bad = with_part(path, tmp_path / "far.xlsx", "xl/worksheets/sheet1.xml", body)
    with pytest.raises(WorkbookError, match="范围异常"):
        check_workbook_file(bad)
    assert check_workbook_file(bad, sheets=False)    # left to the reader of the sheets
