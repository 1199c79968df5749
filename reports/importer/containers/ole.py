"""Old Office files (OLE compound files): Word 97–2003 .doc and WPS .wps; which kind a file is.

An OLE file is a small file system; its streams say what it holds: "WordDocument" for
Word and WPS Writer, "Workbook"/"Book" for Excel and WPS Spreadsheets (.xls/.et),
"PowerPoint Document", or "EncryptedPackage" for a password-protected .docx/.xlsx.

A Word document is converted through LibreOffice when it is installed (numbering and
tables as Word shows them), else its text is read natively (``word97``) with a note
saying what may be missing.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from models.messages import msg

from ..errors import PlanImportError
from . import libreoffice, word97

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_kind(path, name: str) -> str:
    """"word", "workbook", "powerpoint", "encrypted" or "unknown"."""
    import olefile
    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
            if "WordDocument" in streams:
                try:
                    word97.check_fib(ole)
                except word97.Word97Error as error:
                    if error.reason == "encrypted":
                        return "encrypted"
                return "word"
    except (OSError, ValueError, IndexError, EOFError) as error:
        raise PlanImportError(name, "container.ole_damaged", reason=type(error).__name__) from None
    if streams & {"Workbook", "Book"}:
        return "workbook"
    if "PowerPoint Document" in streams:
        return "powerpoint"
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        return "encrypted"
    return "unknown"


def read_word(path, name: str) -> tuple[list, dict, list]:
    """(blocks, meta, notes) of a .doc/.wps."""
    notes: list = []
    if libreoffice.available():
        from ...zipsafety import UnsafeFile, check_archive
        from ..docx_reader import read_docx
        with tempfile.TemporaryDirectory(prefix="plandesk-doc-") as work:
            try:
                docx = libreoffice.convert(Path(path), "doc", "docx", Path(work))
            except libreoffice.ConversionFailed as failed:
                notes.append(msg("container.libreoffice_failed", file=name, reason=failed.reason))
            else:
                try:
                    check_archive(docx, name)
                except UnsafeFile as refused:
                    raise PlanImportError(name, refused.message) from None
                blocks, meta = read_docx(docx, name)
                return blocks, meta, notes
    else:
        notes.append(msg("container.doc_read_natively"))
    blocks, meta = _read_natively(path, name)
    return blocks, meta, notes


def _read_natively(path, name: str) -> tuple[list, dict]:
    import olefile

    from ..blocks import text_blocks
    try:
        with olefile.OleFileIO(str(path)) as ole:
            text = word97.document_text(ole)
    except word97.Word97Error as error:
        if error.reason == "encrypted":
            raise PlanImportError(name, "container.ole_encrypted") from None
        raise PlanImportError(name, "container.doc_damaged", reason=error.reason) from None
    except (OSError, ValueError, IndexError, EOFError, UnicodeDecodeError) as error:
        raise PlanImportError(name, "container.doc_damaged", reason=type(error).__name__) from None
    if not text.strip():
        raise PlanImportError(name, "container.no_text")
    blocks, meta = text_blocks(text)
    return blocks, {"source_unit": "line", **meta}
