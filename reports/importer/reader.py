"""parse_file: any file a clerk is sent -> the plan dict, refusing what is not a plan file.

Plain text is decoded here (``decoding``); every other container — .docx, .doc/.wps,
PDF (text or scanned), images, .xlsx/.xls/.et 分工表 — is read by ``containers``. The
warnings of the plan are capped: a document that makes the importer stumble on every
paragraph gives the first ones and a line saying how many more there were.
"""

from __future__ import annotations

import os
from pathlib import Path

from models.messages import msg, render

from .containers import read_container
from .decoding import MAX_TEXT_BYTES, decode_bytes, sniff_kind
from .errors import PlanImportError
from .plan import parse_text

MAX_WARNINGS = 100


def parse_file(path) -> dict:
    """Read a plan from ``path``: .txt (UTF-8/GB18030/UTF-16), .docx, .doc/.wps, PDF,
    a scan or image (with the OCR extra), or a 分工表 workbook (.xlsx/.xls/.et).

    The file's content decides how it is read (a .docx renamed .txt still works); anything
    unreadable, empty, damaged, too large or without a plan in it raises PlanImportError
    (or WorkbookError for a workbook) with one line naming the file.
    """
    path = Path(os.fspath(path))
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise PlanImportError(name, "container.folder")
        size = path.stat().st_size
        if size == 0:
            raise PlanImportError(name, "container.empty")
        with open(path, "rb") as handle:
            head = handle.read(16)
            kind = sniff_kind(head)
            if kind == "text":
                if size > MAX_TEXT_BYTES:
                    raise PlanImportError(name, "container.too_large", size=size // 1048576,
                                          limit=MAX_TEXT_BYTES // 1048576)
                handle.seek(0)
                data = handle.read()
        if kind != "text":
            return cap_warnings(read_container(path, name, kind, size))
    except FileNotFoundError:
        raise PlanImportError(name, "common.file_not_found") from None
    except PermissionError:
        raise PlanImportError(name, "common.permission") from None
    except IsADirectoryError:
        raise PlanImportError(name, "container.folder") from None
    except OSError as error:
        raise PlanImportError(name, "common.not_readable", reason=error.strerror or str(error)) from None
    return cap_warnings(parse_text(decode_bytes(data, name), name))


def cap_warnings(plan: dict, limit: int = MAX_WARNINGS) -> dict:
    """Keep the first ``limit`` warnings and one line counting the rest."""
    warnings = plan.get("warnings") or []
    if len(warnings) > limit:
        rest = len(warnings) - limit
        last = warnings[limit - 1].get("line", 0)
        note = msg("container.warnings_capped", count=rest, total=len(warnings))
        plan["warnings"] = warnings[:limit] + [
            {"line": last, "code": note.code, "args": dict(note.args), "message": render(note, "zh")}]
    return plan
