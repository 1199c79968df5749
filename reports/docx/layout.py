"""Read a laid-out document back: pages and their text lines with positions (mm).

The pagination a 文秘 checks — does the signature page hold 正文, is the 附件说明 on
one page, where does the 版记 stand — is only known once a renderer has laid the
document out.  LibreOffice writes a PDF; pypdfium2 (or poppler's pdftotext where it is
installed) reads the lines back.  Positions are millimetres from the top-left corner.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import units

PT_MM = 25.4 / 72
TYPE_TOP_MM = 37.0
TYPE_BOTTOM_MM = 262.0
LINE_MM = units.to_mm(units.LINE)


@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    segments: list[Line] = field(default_factory=list)   # as drawn: one per cell line

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    def text_lines(self) -> list[Line]:
        """Lines inside the type area (page numbers left out)."""
        limit = TYPE_BOTTOM_MM + 2 if self.portrait else self.height - 20
        return [ln for ln in self.lines if ln.bottom <= limit]

    def free_mm(self) -> float:
        """Empty height at the foot of the type area (portrait pages)."""
        lines = self.text_lines()
        return TYPE_BOTTOM_MM - (max(ln.bottom for ln in lines) if lines else TYPE_TOP_MM)

    def has(self, text: str) -> bool:
        return any(text in ln.text for ln in self.lines)


def available() -> bool:
    try:
        import pypdfium2  # noqa: F401
        return True
    except ImportError:
        return shutil.which("pdftotext") is not None


def read_pages(pdf_path) -> list[Page]:
    """Pages of a PDF with their text lines, top to bottom."""
    try:
        import pypdfium2
    except ImportError:
        return _read_with_pdftotext(Path(pdf_path))
    pages = []
    doc = pypdfium2.PdfDocument(str(pdf_path))
    try:
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            segments = _segments(page.get_textpage(), h)
            pages.append(Page(i + 1, w * PT_MM, h * PT_MM, _join(segments), segments))
    finally:
        doc.close()
    return pages


def _segments(tp, height: float) -> list[Line]:
    """Runs of characters in drawing order that sit on one baseline without a gap: one
    line of one cell (LibreOffice draws a table cell by cell)."""
    out: list[Line] = []
    cur: Line | None = None
    text = tp.get_text_range()
    for i in range(tp.count_chars()):
        ch = text[i] if i < len(text) else ""
        if not ch.strip():
            continue
        left, bottom, right, top = tp.get_charbox(i)
        box = Line((height - top) * PT_MM, (height - bottom) * PT_MM, left * PT_MM,
                   right * PT_MM, ch)
        size = max(box.bottom - box.top, 1.0)
        if cur is not None and abs(box.bottom - cur.bottom) < size * 0.6 \
                and -0.5 <= box.x0 - cur.x1 < size * 1.5:
            cur.text += ch
            cur.x1 = max(cur.x1, box.x1)
            cur.top, cur.bottom = min(cur.top, box.top), max(cur.bottom, box.bottom)
        else:
            cur = box
            out.append(cur)
    return out


def _join(segments: list[Line]) -> list[Line]:
    """Segments on one line of text (a digit run, a bracket, the cells of a table row)
    joined left to right: they overlap vertically by more than half their height."""
    clusters: list[list[Line]] = []
    for seg in sorted(segments, key=lambda s: (s.top + s.bottom) / 2):
        mid = (seg.top + seg.bottom) / 2
        if clusters:
            last = clusters[-1]
            top, bottom = min(s.top for s in last), max(s.bottom for s in last)
            if top <= mid <= bottom:
                last.append(seg)
                continue
        clusters.append([seg])
    lines = []
    for group in clusters:
        group.sort(key=lambda s: s.x0)
        lines.append(Line(min(s.top for s in group), max(s.bottom for s in group),
                          group[0].x0, max(s.x1 for s in group),
                          "".join("".join(s.text.split()) for s in group)))
    return lines


def _read_with_pdftotext(pdf_path: Path) -> list[Page]:
    from lxml import etree

    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"],
                         capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for n, page in enumerate(root.iter(ns + "page"), 1):
        lines = []
        for line in page.iter(ns + "line"):
            text = "".join((w.text or "") for w in line.iter(ns + "word"))
            x0, y0, x1, y1 = (float(line.get(k)) * PT_MM for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append(Line(y0, y1, x0, x1, text))
        pages.append(Page(n, float(page.get("width")) * PT_MM, float(page.get("height")) * PT_MM,
                          _join([Line(ln.top, ln.bottom, ln.x0, ln.x1, ln.text) for ln in lines]),
                          lines))
    return pages


def lines_used(page: Page) -> int:
    """Whole 579-twip lines the text of a portrait page takes from the top of the type area."""
    lines = page.text_lines()
    if not lines:
        return 0
    return max(0, round((max(ln.bottom for ln in lines) - TYPE_TOP_MM) / LINE_MM))


def columns_text(page: Page, tolerance: float = 2.0) -> list[str]:
    """The page's text column by column (segments grouped by their left edge, top to
    bottom): a table cell's wrapped lines read on as one string."""
    groups: dict[int, list[Line]] = {}
    for seg in page.segments:
        key = round(seg.x0 / tolerance)
        groups.setdefault(key, []).append(seg)
    return ["".join("".join(s.text.split()) for s in sorted(g, key=lambda s: s.top))
            for g in groups.values()]
