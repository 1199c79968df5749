"""A PDF (text, scanned or both) or an image -> blocks for the plan assembler.

Text pages are read from their text layer (``pdf_text``); scanned pages and images are
recognised when the OCR extra is installed (``scan``), else refused, or — in a PDF that
also has text — left out with a note naming them. Then furniture is dropped, lines are
joined into paragraphs across pages (``page_lines``) and tables keep their place.
"""
from __future__ import annotations

from collections import Counter

from models.messages import msg

from ..errors import PlanImportError
from . import scan
from .page_lines import Line, drop_furniture, margins, paragraphs
from .pdf_text import PageContent, page_tables, read_pages, to_table

MAX_PAGES = 2000


def read_pdf(path, name: str) -> tuple[list, dict, list]:
    """(blocks, meta, notes) of a PDF; notes are messages for the plan's warnings, meta
    says where each page starts (``page_starts``: its first line number)."""
    import pypdfium2 as pdfium
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise PlanImportError(name, "container.pdf_encrypted") from None
        raise PlanImportError(name, "container.pdf_damaged", reason=_reason(error)) from None
    try:
        if len(document) > MAX_PAGES:
            raise PlanImportError(name, "container.pdf_too_many_pages", pages=len(document), limit=MAX_PAGES)
        if len(document) == 0:
            raise PlanImportError(name, "container.no_text")
        pages = read_pages(document)
        notes = _recognise_scans(document, pages, name)
    except pdfium.PdfiumError as error:
        raise PlanImportError(name, "container.pdf_damaged", reason=_reason(error)) from None
    finally:
        document.close()
    blocks, meta = layout(pages, name)
    return blocks, meta, notes


def read_image(path, name: str) -> tuple[list, dict, list]:
    """(blocks, meta, notes) of a picture of a page (.png, .jpg …), by OCR."""
    if not scan.ocr_available():
        raise PlanImportError(name, "container.image_no_ocr", command=scan.INSTALL_COMMAND)
    from PIL import Image
    try:
        with Image.open(path) as image:
            image.load()
            lines, tables = scan.recognise_page(image, 1)
            height = image.height
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise PlanImportError(name, "container.image_unreadable", reason=_reason(error)) from None
    page = PageContent(1, height, lines, tables)
    if not lines and not tables:
        raise PlanImportError(name, "container.ocr_empty")
    blocks, meta = layout([page], name)
    return blocks, meta, [msg("container.ocr_note", pages=1)]


def _recognise_scans(document, pages: list[PageContent], name: str) -> list:
    scanned = [p for p in pages if p.scanned]
    if not scanned:
        return []
    text_pages = len(pages) - len(scanned)
    if not scan.ocr_available():
        if text_pages == 0:
            raise PlanImportError(name, "container.scan_no_ocr", pages=len(pages), command=scan.INSTALL_COMMAND)
        return [msg("container.scan_pages_skipped", pages=[p.number for p in scanned],
                    command=scan.INSTALL_COMMAND)]
    if len(scanned) > scan.MAX_OCR_PAGES:
        raise PlanImportError(name, "container.scan_too_many_pages", pages=len(scanned), limit=scan.MAX_OCR_PAGES)
    for page in scanned:
        try:
            image, scale = scan.render_page(document, page.number - 1)
            page.lines, page.tables = scan.recognise_page(image, page.number, scale)
        except Exception as error:  # the engine's own errors (onnxruntime, OpenCV) vary
            raise PlanImportError(name, "container.ocr_failed", reason=_reason(error)) from None
    if not any(p.lines for p in scanned) and text_pages == 0:
        raise PlanImportError(name, "container.ocr_empty")
    return [msg("container.ocr_note", pages=len(scanned))]


def layout(pages: list[PageContent], name: str) -> tuple[list, dict]:
    """Pages -> (blocks, meta): furniture dropped, paragraphs joined, tables in their place.

    Lines are numbered across the document (a table row counts as one line); meta holds
    ``source_unit`` "line" and ``page_starts``, the first number on each page."""
    kept = {id(line) for line in drop_furniture([ln for p in pages for ln in p.lines])}
    for page in pages:
        page.lines = [ln for ln in page.lines if id(ln) in kept]
    page_tables(pages)
    m = margins([ln for p in pages for ln in p.lines])
    blocks: list = []
    run: list[Line] = []
    number = 1
    per_page: Counter = Counter()
    starts: list[int] = []

    def flush():
        nonlocal number
        blocks.extend(paragraphs(run, m, number, per_page))
        number += len(run)
        run.clear()
    for page in pages:
        starts.append(number + len(run))
        items = [(ln.top, 0, ln) for ln in page.lines] + [(top, 1, rows) for top, rows in page.tables]
        for _, kind, item in sorted(items, key=lambda i: (round(i[0] / 3), i[1])):
            if kind == 0:
                run.append(item)
                continue
            flush()
            if item:
                blocks.append(to_table(item, number, page.number))
                number += len(item)
    flush()
    if not blocks:
        raise PlanImportError(name, "container.no_text")
    return blocks, {"source_unit": "line", "page_starts": starts}


def _reason(error: BaseException) -> str:
    return " ".join(str(error).split())[:100] or type(error).__name__
