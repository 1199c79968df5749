"""A text PDF -> blocks, with pypdfium2 (PDFium: fast, and right with Chinese text).

PDFium gives each page's text in content order with its own line breaks; the first and
last character of each line give its position, which is all ``page_lines`` needs. Pages
with ruled tables (see ``pdf_tables``) are read a second time by text runs, each placed
in the cell it falls in. A page without text but with images is a scanned page: the
caller decides whether to recognise it (``scan.py``) or to say so.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..blocks import Table
from .page_lines import Line
from .pdf_tables import Grid, Segment, find_grids

_SCAN_CHARS = 20      # fewer visible characters than this on a page with an image: a scan


@dataclass
class PageContent:
    number: int
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)  # (top, rows)
    scanned: bool = False


def read_pages(document: pdfium.PdfDocument) -> list[PageContent]:
    pages = []
    for index in range(len(document)):
        page = document[index]
        try:
            pages.append(_read_page(page, index + 1))
        finally:
            page.close()
    return pages


def _read_page(page, number: int) -> PageContent:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        content = PageContent(number, height)
        visible = len(text) - sum(text.count(ch) for ch in " \r\n\t\u3000")
        paths, images = _objects(page.raw)
        if visible < _SCAN_CHARS and images:
            content.scanned = True
            return content
        grids = find_grids(_rules(paths, height))
        lines = _lines(textpage, text, height, number)
        if grids:
            lines = [ln for ln in lines if not any(g.contains((ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2)
                                                   for g in grids)]
            content.tables = [(g.ys[0], g.rows(_cell_pieces(textpage, g, height))) for g in grids]
        content.lines = lines
        return content
    finally:
        textpage.close()


def _objects(raw_page) -> tuple[list, int]:
    """The page's path objects (raw handles) and how many images it has, looking into
    form XObjects. Raw calls: a page of text has thousands of text objects to pass over."""
    paths: list = []
    images = 0
    get_type, path, image, form = (pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_PATH,
                                   pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    get_object = pdfium_c.FPDFPage_GetObject
    objects = [get_object(raw_page, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw_page))]
    depth = 0
    while objects and depth < 4:
        forms = []
        for obj in objects:
            kind = get_type(obj)
            if kind == path:
                paths.append(obj)
            elif kind == image:
                images += 1
            elif kind == form:
                forms.append(obj)
        objects = [pdfium_c.FPDFFormObj_GetObject(f, j) for f in forms
                   for j in range(pdfium_c.FPDFFormObj_CountObjects(f))]
        depth += 1
    return paths, images


def _lines(textpage, text: str, height: float, number: int) -> list[Line]:
    """Each line of PDFium's text with the box from its first to its last character: two
    boxes a line, never one per character. A character's loose box is its em box ("（"
    starts where its cell starts, not where its ink does)."""
    lines = []
    if textpage.count_chars() != len(text):    # no geometry to trust: full-width lines
        for raw in text.splitlines():
            stripped = raw.strip()
            if stripped:
                lines.append(Line(number, stripped, 0, 0, 0, 0, height))
        return lines
    box = pdfium_c.FS_RECTF()
    char_box, raw_page, ref = pdfium_c.FPDFText_GetLooseCharBox, textpage.raw, ctypes.byref(box)
    pos = 0
    for raw in text.splitlines(keepends=True):
        start = pos
        pos += len(raw)
        stripped = raw.strip()
        if not stripped:
            continue
        first = start + raw.index(stripped[0])
        char_box(raw_page, first, ref)
        left, top, bottom = box.left, box.top, box.bottom
        char_box(raw_page, first + len(stripped) - 1, ref)
        lines.append(Line(number, stripped, left, box.right, height - max(top, box.top),
                          height - min(bottom, box.bottom), height))
    return lines


def _rules(paths: list, height: float) -> list[Segment]:
    """Thin paths (lines, hairline rectangles) and the straight edges of other paths."""
    out = []
    bounds = [ctypes.c_float() for _ in range(4)]
    for obj in paths:
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
            continue
        left, bottom, right, top = (b.value for b in bounds)
        if right - left <= 2.5 and top - bottom > 2.5:
            out.append(Segment(False, (left + right) / 2, height - top, height - bottom))
        elif top - bottom <= 2.5 and right - left > 2.5:
            out.append(Segment(True, height - (top + bottom) / 2, left, right))
        elif _stroked(obj):     # a filled box (a paragraph's shading) is no rule
            out.extend(_box_edges(obj, height))
    return out


def _stroked(obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return False
    return bool(stroke.value)


def _box_edges(raw, height: float) -> list[Segment]:
    """The axis-parallel edges of a path that is more than one line (a cell outline)."""
    count = pdfium_c.FPDFPath_CountSegments(raw)
    if count <= 0 or count > 400:
        return []
    matrix = _matrix(raw)
    points = []
    for i in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(raw, i)
        x, y = pdfium_c.FS_FLOAT(), pdfium_c.FS_FLOAT()
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = matrix(x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        points.append((kind, px, py))
    out = []
    for (_, ax, ay), (kind, bx, by) in pairwise(points):
        if kind != pdfium_c.FPDF_SEGMENT_LINETO:
            continue
        if abs(ay - by) < 0.5 and abs(ax - bx) > 2.5:
            out.append(Segment(True, height - ay, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) < 0.5 and abs(ay - by) > 2.5:
            out.append(Segment(False, ax, height - max(ay, by), height - min(ay, by)))
    return out


def _matrix(raw):
    """The path's transformation, as a function of a point."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, m):
        return lambda x, y: (x, y)
    return lambda x, y: (m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f)


def _cell_pieces(textpage, grid: Grid, height: float) -> dict:
    """Text runs inside the grid, by band: {(row, col): [(top, x0, x1, text)]}."""
    pieces: dict = {}
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        x, y = (left + right) / 2, height - (top + bottom) / 2
        if not grid.contains(x, y):
            continue
        text = textpage.get_text_bounded(left, bottom, right, top)
        if text.strip():
            pieces.setdefault(grid.cell_of(x, y), []).append((height - top, left, right, text))
    return pieces


def page_tables(pages: list[PageContent]) -> None:
    """A table that goes on over a page break is one table: the rows of a table at the
    top of a page join the table that ended the page before when their columns match
    (a header row repeated on the new page is dropped)."""
    previous = None
    for page in pages:
        if page.tables and previous is not None and previous.tables and _starts_page(page) \
                and _ends_page(previous):
            _, rows = page.tables[0]
            _, before = previous.tables[-1]
            if rows and before and len(rows[0]) == len(before[0]):
                if rows[0] == before[0]:
                    rows = rows[1:]
                if rows and _split_row(before[-1], rows[0]):
                    before[-1] = [a + b for a, b in zip(before[-1], rows[0])]
                    rows = rows[1:]
                before.extend(rows)
                page.tables.pop(0)
        if page.lines or page.tables:
            previous = page


def _split_row(last: list[str], first: list[str]) -> bool:
    """The first row of a page is the rest of the row the page before ended with: most of
    its cells are empty, and only cells that had text go on."""
    empty = sum(1 for cell in first if not cell)
    return empty * 2 >= len(first) and empty < len(first) and all(
        prev for prev, cell in zip(last, first) if cell)


def _starts_page(page: PageContent) -> bool:
    top = page.tables[0][0]
    return not any(line.bottom <= top for line in page.lines)


def _ends_page(page: PageContent) -> bool:
    top = page.tables[-1][0]
    return not any(line.top > top for line in page.lines)


def to_table(rows: list[list[str]], first_line: int, page: int) -> Table:
    return Table([(first_line + i, cells) for i, cells in enumerate(rows)], page)
