"""Checks made on a received workbook before any parser sees it.

A workbook is a zip of XML parts, so a hostile or broken file can be a zip bomb, an XML
entity bomb, an old binary .xls, a renamed .docx, or carry macros and external links.
``check_workbook_file`` looks only at the zip's directory and the first bytes of each
XML part, so a bad file is refused in milliseconds; ``open_workbook`` then hands the file
to openpyxl with macros and external links off and every parser error turned into one
``WorkbookError`` line naming the file. (Returned exchange workbooks are read by
``return_reader.py`` after the same check.)
"""
from __future__ import annotations

import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from ..zipsafety import UnsafeFile, check_parts
from .errors import WorkbookError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
# Deflated XML of a real sheet compresses 10–50 times; a bomb compresses ~1000 times.
MAX_RATIO = 250
RATIO_MIN_SIZE = 4 * 1024 * 1024   # small parts (styles, empty sheets) may compress better
PROLOG_BYTES = 4096                  # a DTD must come before the root element

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class WorkbookCheck:
    """What the check learned about a file that passed it."""
    path: Path
    size: int
    entries: int
    uncompressed: int
    has_macros: bool = False
    has_external_links: bool = False
    notes: list[str] = field(default_factory=list)


def _refuse(path: Path, problem: str) -> WorkbookError:
    return WorkbookError(path.name, problem)


def _sniff_non_zip(path: Path, head: bytes) -> WorkbookError:
    if head.startswith(OLE_MAGIC):
        return _refuse(path, "这是旧版 Excel（.xls）/WPS（.et）文件或加密的工作簿，"
                             "请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
    if head[:5] == b"{\\rtf":
        return _refuse(path, "这是 RTF 文档，不是 Excel 工作簿")
    if head.startswith(b"%PDF"):
        return _refuse(path, "这是 PDF 文件，不是 Excel 工作簿")
    text = b"\x00" not in head and _decodes(head)
    if text or head[:3] == b"\xef\xbb\xbf":
        return _refuse(path, "这是文本文件，不是 Excel 工作簿（.xlsx）")
    return _refuse(path, "不是 Excel 工作簿（.xlsx），无法识别的文件格式")


def _decodes(head: bytes) -> bool:
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as e:
            if e.start >= len(head) - 3:   # a character cut at the end of the sample
                return True
    return False


def check_workbook_file(path, sheets: bool = True) -> WorkbookCheck:
    """Refuse anything that is not a plain, reasonably sized .xlsx/.xlsm; never parses XML.
    ``sheets=False``: the worksheets are bounded by the caller's streaming reader instead
    (``return_reader``), not scanned here a second time."""
    if not openpyxl.DEFUSEDXML:
        # openpyxl falls back to the unprotected stdlib parser without defusedxml.
        raise WorkbookError(str(path), "缺少 defusedxml 组件，为安全起见不读取外来工作簿")
    path = Path(path)
    if not path.is_file():
        raise _refuse(path, "文件不存在")
    size = path.stat().st_size
    if size == 0:
        raise _refuse(path, "文件是空的（0 字节）")
    if size > MAX_FILE_BYTES:
        raise _refuse(path, f"文件过大（{size // 1048576} MB），分工表不应超过 "
                            f"{MAX_FILE_BYTES // 1048576} MB")
    with open(path, "rb") as f:
        head = f.read(512)
    if not head.startswith(ZIP_MAGIC):
        raise _sniff_non_zip(path, head)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            check = _check_zip(path, size, z, infos)
            # damaged parts, and sheets whose cells reach absurd addresses (XFD1048576)
            check_parts(z, path.name, sheets)
            return check
    except UnsafeFile as e:
        raise WorkbookError("", str(e)) from None
    except zipfile.BadZipFile as e:
        raise _refuse(path, f"文件已损坏或不完整，无法解压（{e}）") from None
    except (OSError, EOFError, RuntimeError, NotImplementedError) as e:
        raise _refuse(path, f"文件已损坏，无法解压（{e.__class__.__name__}）") from None


def _check_zip(path: Path, size: int, z: zipfile.ZipFile, infos) -> WorkbookCheck:
    if len(infos) > MAX_ENTRIES:
        raise _refuse(path, f"压缩包内文件过多（{len(infos)} 个），拒绝读取")
    total = 0
    names = set()
    for info in infos:
        total += info.file_size
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise _refuse(path, "工作簿已加密，请先取消密码再导入")
        if info.file_size >= RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(path, f"{info.filename} 的压缩比异常（疑似“压缩炸弹”），拒绝读取")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise _refuse(path, f"解压后过大（{total // 1048576} MB），疑似“压缩炸弹”，拒绝读取")
    if "word/document.xml" in names:
        raise _refuse(path, "这是 Word 文档（.docx），不是 Excel 工作簿")
    if any(n.startswith("ppt/") for n in names):
        raise _refuse(path, "这是 PowerPoint 演示文稿，不是 Excel 工作簿")
    if "mimetype" in names and "content.xml" in names:
        raise _refuse(path, "这是 OpenDocument（.ods）表格，请另存为 .xlsx 后再导入")
    if "[Content_Types].xml" not in names or not any(
            n.startswith("xl/") and n.endswith("workbook.xml") for n in names):
        raise _refuse(path, "不是 Excel 工作簿（压缩包中没有工作簿内容）")
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with z.open(info) as part:
                prolog = part.read(PROLOG_BYTES)
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise _refuse(path, f"{info.filename} 含有 XML 实体声明（疑似“XML 炸弹”），拒绝读取")
    check = WorkbookCheck(path, size, len(infos), total)
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        check.has_macros = True
        check.notes.append("工作簿含有宏：宏不会被保留，也不会运行")
    if any(n.startswith("xl/externalLinks/") for n in names):
        check.has_external_links = True
        check.notes.append("工作簿含有外部链接：不会打开被链接的文件")
    return check


def _load(path: Path, read_only: bool, data_only: bool):
    try:
        wb = openpyxl.load_workbook(path, read_only=read_only, data_only=data_only,
                                    keep_vba=False, keep_links=False, rich_text=False)
    except WorkbookError:
        raise
    except Exception as e:  # openpyxl raises KeyError, ParseError, TypeError… on bad parts
        raise _refuse(path, f"无法读取工作簿（{describe(e)}）") from None
    if read_only:
        for sheet in wb.worksheets:
            # WPS often declares the size as A1:A1; read-only mode would stop there.
            sheet.reset_dimensions()
    return wb


@contextmanager
def open_workbook(path, *, read_only: bool = True, data_only: bool = False):
    """Check, then open with openpyxl; yields (workbook, check) and closes the file."""
    path = Path(path)
    check = check_workbook_file(path)
    wb = _load(path, read_only, data_only)
    try:
        yield wb, check
    finally:
        wb.close()


def describe(e: BaseException) -> str:
    """A short reason for a parser exception, on one line."""
    text = " ".join(str(e).split())[:120]
    name = e.__class__.__name__
    return f"{name}: {text}" if text else name
