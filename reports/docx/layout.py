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
            tp = page.get_textpage()
            segments = []
            for k in range(tp.count_rects()):
                left, bottom, right, top = tp.get_rect(k)
                text = tp.get_text_bounded(left, bottom, right, top)
                segments.append(Line((h - top) * PT_MM, (h - bottom) * PT_MM,
                                     left * PT_MM, right * PT_MM, text))
            pages.append(Page(i + 1, w * PT_MM, h * PT_MM, _join(segments)))
    finally:
        doc.close()
    return pages


def _join(segments: list[Line]) -> list[Line]:
    """Segments on one baseline (a digit run, a bracket) joined into one line."""
    lines: list[Line] = []
    for seg in sorted(segments, key=lambda s: (round(s.bottom), s.x0)):
        for ln in lines:
            if abs(ln.bottom - seg.bottom) < 2.0 and seg.x0 >= ln.x0 - 1:
                ln.text = (ln.text + seg.text) if seg.x0 >= ln.x1 - 1 else seg.text + ln.text
                ln.top, ln.bottom = min(ln.top, seg.top), max(ln.bottom, seg.bottom)
                ln.x0, ln.x1 = min(ln.x0, seg.x0), max(ln.x1, seg.x1)
                break
        else:
            lines.append(Line(seg.top, seg.bottom, seg.x0, seg.x1, seg.text))
    for ln in lines:
        ln.text = "".join(ln.text.split())
    return sorted(lines, key=lambda ln: (ln.bottom, ln.x0))


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
                          _join(lines)))
    return pages


def lines_used(page: Page) -> int:
    """Whole 579-twip lines the text of a portrait page takes from the top of the type area."""
    lines = page.text_lines()
    if not lines:
        return 0
    return max(0, round((max(ln.bottom for ln in lines) - TYPE_TOP_MM) / LINE_MM))
