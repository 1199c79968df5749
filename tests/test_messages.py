"""The message catalog: every code speaks both languages with the same placeholders."""
import re
import string

import pytest

from models.messages import Message, PlanDeskError, catalog, msg, render

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Latin the Chinese text may carry: file kinds and product names a clerk knows.
_ALLOWED = {"PDF", "Excel", "Word", "WPS", "LibreOffice", "OCR", "xlsx", "xls", "docx", "doc",
            "wps", "et", "txt", "ods", "csv", "plandesk", "ID", "PlanDesk",
            "RTF", "XML", "Office", "PowerPoint", "MB", "UTF", "GB", "GBK"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(catalog()))
def test_entry_is_complete(code):
    zh, en = catalog()[code]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en), code
    plain = re.sub(r"\{[^}]*\}", "", zh)
    assert set(_LATIN_WORD.findall(plain)) <= _ALLOWED, (code, zh)
    assert re.search(r"[\u4e00-\u9fff]", zh) or zh.strip("{} ") in _fields(zh), code


def test_render_in_both_languages_with_lists_and_nested_messages():
    inner = msg("common.disk_full", file="汇总.xlsx")
    outer = msg("common.os_error", file="a.xlsx", reason=inner)
    assert render(outer, "zh") == "a.xlsx：文件操作未完成（汇总.xlsx：磁盘空间已满，未写入任何内容。请清理磁盘后重试。）。"
    assert "the disk is full" in render(outer, "en")
    listed = msg("common.not_readable", file="f.doc", reason=["甲", "乙"])
    assert render(listed, "zh") == "f.doc：无法读取该文件（甲、乙）。"


def test_error_carries_code_and_renders_chinese_by_default():
    error = PlanDeskError("common.file_not_found", file="要点.docx")
    assert error.code == "common.file_not_found"
    assert str(error) == "要点.docx：找不到该文件，请确认路径是否正确。"
    assert error.render("en").startswith("要点.docx: the file does not exist")


def test_unknown_code_is_readable_and_names_the_code():
    assert "no.such_code" in render(Message("no.such_code"), "zh")


def test_an_output_file_in_a_missing_folder_is_one_line_for_the_cli(tmp_path, capsys):
    import cli
    from reports.atomic import FolderMissing, write_bytes_atomic
    missing = tmp_path / "没有的文件夹"
    try:
        write_bytes_atomic(missing / "a.xlsx", b"x")
    except FolderMissing as e:
        assert str(e) == f"{missing}：文件夹不存在，请先建立该文件夹或另选位置。"
        assert isinstance(e, FileNotFoundError)
    else:
        raise AssertionError("no error for a missing folder")
    ws = tmp_path / "区.plandesk"
    seed = tmp_path / "plan.txt"
    seed.write_text("一、总体要求\n（一）推进示范区建设。（区市场监管局牵头）\n", encoding="utf-8")
    assert cli.run(["import", str(ws), str(seed)]) == 0
    capsys.readouterr()
    assert cli.run(["render", "table", str(ws), "--out", str(missing / "分工表.xlsx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "文件夹不存在" in err[0] and "Traceback" not in err[0]
