"""The Word 97 text stream and the zip checks, on small inputs written here."""
from __future__ import annotations

import zipfile

import openpyxl
import pytest

from reports.importer.containers.word97 import plain_text
from reports.zipsafety import UnsafeFile, check_archive


def test_paragraphs_fields_and_special_characters():
    raw = ("一、总体要求\r（一）完善机制\x0b（区发展改革局负责）\r"
           "详见\x13 HYPERLINK \"http://x\" \x14附件1\x15。\r非\x1e断字\r")
    assert plain_text(raw).split("\n") == ["一、总体要求", "（一）完善机制", "（区发展改革局负责）",
                                          "详见附件1。", "非-断字", ""]


def test_table_cells_become_tab_separated_rows_also_with_empty_cells():
    header = "序号\x07重点任务\x07牵头单位\x07配合单位\x07\x07"
    row1 = "1\x07建设平台\x07区交通局\x07区公安分局\x07\x07"
    row2 = "2\x07推进治理\x07\x07区生态环境分局\x07\x07"      # an empty cell: two marks in a row
    row3 = "3\x07完善管网\x07区水务局\x07\x07\x07"              # empty last cell, then the row mark
    text = plain_text("分工表\r" + header + row1 + row2 + row3 + "二、保障措施\r")
    assert text.split("\n") == ["分工表", "序号\t重点任务\t牵头单位\t配合单位",
                                "1\t建设平台\t区交通局\t区公安分局", "2\t推进治理\t\t区生态环境分局",
                                "3\t完善管网\t区水务局\t", "二、保障措施", ""]


def test_a_paragraph_inside_a_cell_stays_in_the_cell_and_one_after_a_table_is_outside():
    text = plain_text("甲\x07牵头：区财政局\r配合：区审计局\x07\x07附件2\r序号\x07任务\x07\x07")
    assert text.split("\n")[:3] == ["甲\t牵头：区财政局 配合：区审计局", "附件2", "序号\t任务"]


def _workbook(path, dimension: str):
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "重点任务"])
    wb.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b"<dimension")
    end = sheet.index(b"/>", start) + 2
    parts["xl/worksheets/sheet1.xml"] = sheet[:start] + f'<dimension ref="{dimension}"/>'.encode() + sheet[end:]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_a_declared_extent_beyond_excel_is_refused_and_a_large_valid_one_is_not(tmp_path):
    with pytest.raises(UnsafeFile) as error:
        check_archive(_workbook(tmp_path / "a.xlsx", "A1:ZZZZ1048577"), "a.xlsx")
    assert error.value.code == "container.sheet_too_large"
    # WPS and others declare whole columns; only the cells written count
    assert check_archive(_workbook(tmp_path / "b.xlsx", "A1:XFD1048576"), "b.xlsx")


def test_an_encrypted_part_and_too_many_parts(tmp_path):
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as archive:
        for n in range(5001):
            archive.writestr(f"p{n}.xml", "<a/>")
    with pytest.raises(UnsafeFile) as error:
        check_archive(many, "many.docx")
    assert error.value.code == "container.zip_entries"
    entity = tmp_path / "entity.docx"
    with zipfile.ZipFile(entity, "w") as archive:
        archive.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(UnsafeFile) as error:
        check_archive(entity, "entity.docx")
    assert error.value.code == "container.xml_entities"
