"""parse_file: encodings of .txt plans and one clear line for every file it refuses."""
from __future__ import annotations

import codecs
import os

import pytest

from reports.importer import ImportError_, PlanImportError, parse_file, parse_text

PLAN = "XX区工作方案\n一、重点任务\n（一）开展专利导航。聚焦重点产业。（区市场监管局负责）\n"


def titles(plan):
    return [plan["title"]] + [t["title"] for t in plan["tasks"]] + [
        c["title"] for t in plan["tasks"] for c in t["children"]]


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_text_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + PLAN.encode(encoding))
    assert titles(parse_file(path)) == ["XX区工作方案", "重点任务", "开展专利导航"]


def test_windows_line_ends_and_a_str_path(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(PLAN.replace("\n", "\r\n").encode("utf-8"))
    plan = parse_file(str(path))
    assert plan["tasks"][0]["children"][0]["line"] == 3


def test_error_class_names():
    assert ImportError_ is PlanImportError and issubclass(PlanImportError, ValueError)


def refused(path) -> str:
    """The refusal's code; its one line names the file first."""
    with pytest.raises(PlanImportError) as error:
        parse_file(path)
    message = str(error.value)
    name = os.path.basename(str(path))
    assert message.startswith((name + "：", name + ": ")) and "\n" not in message
    return error.value.code


def test_refusals_name_the_file_in_one_line(tmp_path):
    assert refused(tmp_path / "missing.txt") == "common.file_not_found"
    assert refused(tmp_path) == "container.folder"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert refused(empty) == "container.empty"
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t\n", encoding="utf-8")
    assert refused(blank) == "container.empty"
    png = tmp_path / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert refused(png) in ("container.image_no_ocr", "container.image_unreadable")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert refused(pdf) == "container.pdf_damaged"
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert refused(doc) == "container.ole_damaged"
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"abc\x00\x01\x02" * 50)
    assert refused(binary) == "container.binary"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("一、任务".encode() + b"\xff\xfe\xfd\x81")
    assert refused(latin) == "container.not_text"
    prose = tmp_path / "prose.txt"
    prose.write_text("今天天气很好。\n我们去公园。\n", encoding="utf-8")
    assert refused(prose) == "importer.no_structure"


def test_huge_text_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)  # sparse: no 20 MB written to disk
    assert refused(huge) == "container.too_large"
    with pytest.raises(PlanImportError, match="^paste：文件过大") as error:
        parse_text("一、" + "字" * (20 * 1024 * 1024), "paste")
    assert error.value.code == "importer.too_large"


def test_parse_text_names_the_source():
    with pytest.raises(PlanImportError, match=r"^剪贴板：没有找到计划的结构") as error:
        parse_text("没有编号的文字。", "剪贴板")
    assert error.value.code == "importer.no_structure"
    assert error.value.render("en").startswith("剪贴板: no plan structure found")
    with pytest.raises(PlanImportError, match=r"^text：文件是空的") as error:
        parse_text("")
    assert error.value.code == "importer.empty"
