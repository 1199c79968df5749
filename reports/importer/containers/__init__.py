"""The container layer: a file -> the blocks (paragraphs, tables) or the plan it holds.

Which reader runs is decided by the file's first bytes, never by its extension:

    zip (.docx, .xlsx)        zipsafety checks, then docx_reader or the foreign 分工表 reader
    OLE (.doc/.wps, .xls/.et) ole: LibreOffice when installed, else word97 / xlrd
    PDF                       pdf: text layer (pdf_text), scanned pages by OCR (scan)
    image (.png, .jpg …)      pdf.read_image, by OCR

Each reader returns blocks in the shape ``plan.assemble`` takes (``Para``/``Table`` with
their line, and page where the source has pages) and notes for the plan's warnings;
whatever cannot be read raises ``PlanImportError`` with one catalog line.
"""
from __future__ import annotations

from pathlib import Path

from models.messages import render

from ..errors import PlanImportError
from ..plan import assemble

MAX_FILE_MB = 100
_IMAGES = {"png", "jpeg", "gif", "bmp", "tiff", "webp"}
_ARCHIVES = {"rar": "RAR", "7z": "7-Zip", "gzip": "gzip"}


def read_container(path: Path, name: str, kind: str, size: int) -> dict:
    """The plan in a file that is not plain text (``kind`` from ``decoding.sniff_kind``)."""
    if kind in _ARCHIVES:
        raise PlanImportError(name, "container.archive", kind=_ARCHIVES[kind])
    if kind == "rtf":
        raise PlanImportError(name, "container.rtf")
    if size > MAX_FILE_MB * 1024 * 1024:
        raise PlanImportError(name, "container.too_large", size=size // (1024 * 1024), limit=MAX_FILE_MB)
    notes: list = []
    if kind == "zip":
        return _zip(path, name)
    if kind == "ole":
        from . import ole
        what = ole.ole_kind(path, name)
        if what == "workbook":
            from .workbooks import read_old_workbook
            return read_old_workbook(path, name)
        if what != "word":
            raise PlanImportError(name, {"encrypted": "container.ole_encrypted",
                                         "powerpoint": "container.powerpoint"}.get(what, "container.ole_unknown"))
        blocks, meta, notes = ole.read_word(path, name)
    elif kind == "pdf":
        from .pdf import read_pdf
        blocks, meta, notes = read_pdf(path, name)
    elif kind in _IMAGES:
        from .pdf import read_image
        blocks, meta, notes = read_image(path, name)
    else:
        raise PlanImportError(name, "container.binary")
    plan = assemble(blocks, meta, name)
    plan["warnings"][:0] = [{"line": 0, "code": note.code, "args": dict(note.args),
                             "message": render(note, "zh")} for note in notes]
    return plan


def _zip(path: Path, name: str) -> dict:
    from ...zipsafety import UnsafeFile, check_archive
    try:
        infos = check_archive(path, name)
    except UnsafeFile as refused:
        raise PlanImportError(name, refused.message) from None
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        from ..docx_reader import read_docx
        blocks, meta = read_docx(path, name)
        return assemble(blocks, meta, name)
    if any(n.startswith("xl/") and n.endswith("workbook.xml") for n in names):
        from .workbooks import read_workbook
        return read_workbook(path, name)
    raise PlanImportError(name, "container.zip_not_document")
