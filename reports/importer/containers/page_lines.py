"""Physical lines of a paged document (a text PDF, a scan read by OCR) -> paragraphs.

A printed page breaks paragraphs at its width and adds furniture: page numbers
("— 3 —", "-3-", "第3页"), running heads and footers repeated on every page, a
scanner's watermark. What the geometry says is trusted over what the text says:

- furniture is a line in the top or bottom band of the page that is a page number, or
  whose text (digits aside) comes back on several pages, or a scanning app's mark; and a
  page number above or below all the text of its page;
- a line continues the paragraph above when that one ran to the right margin and this
  one starts at the left margin (official documents indent a paragraph's first line
  by two characters), also across a page break — so a wrapped line beginning with
  "30%，…" or a label cut in two ("（牵头部" / "门：市交通委）") is joined again;
- a short line, an indented or centred line, or a change of size starts a new one —
  unless the paragraph above left a note's bracket open and this line closes it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..blocks import Para
from ..normalize import normalise

_PAGE_NUMBER = re.compile(
    # OCR reads a dash as 一: "—2一"
    r"^[\s\-—–－~·.一]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[\s\-—–－~·.一]*$"
    r"|^第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?$|^\d{1,4}\s*/\s*\d{1,4}$")  # 頁: 繁體
_BAND = 0.09          # the top and bottom 9 % of a page hold its furniture
# the mark scanning apps print at the foot of every page ("扫描全能王创建", "CamScanner")
_SCANNER_MARK = re.compile(r"扫描全能王|全能扫描王|夸克扫描王|CamScanner|Scanned with", re.I)


@dataclass(slots=True)     # one per printed line: thousands in a long plan
class Line:
    page: int           # 1-based
    text: str
    x0: float           # left edge, points from the page's left
    x1: float           # right edge
    top: float          # points from the page's top
    bottom: float
    page_height: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def drop_furniture(lines: list[Line]) -> list[Line]:
    """Lines without page numbers, running heads and footers (see the module docstring)."""
    pages = {line.page for line in lines}
    band = [line for line in lines if _in_band(line)]
    repeated = Counter(_shape(line.text) for line in band)
    # a running head comes back on most pages; on a two-page document, on both
    need = max(2, round(0.5 * len(pages))) if len(pages) > 1 else 10 ** 9
    keep = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if _in_band(line) and (_PAGE_NUMBER.match(text) or repeated[_shape(text)] >= need
                               or _SCANNER_MARK.search(text) and len(text) <= 30):
            continue
        keep.append(line)
    # a page number above or below all the text of its page, wherever the page was cut
    # (a scan cropped to the paper puts it well inside the band)
    first: dict[int, Line] = {}      # per page: the line highest up, the line lowest down
    last: dict[int, Line] = {}
    for line in keep:
        top, bottom = first.get(line.page), last.get(line.page)
        if top is None or line.top < top.top:
            first[line.page] = line
        if bottom is None or line.bottom > bottom.bottom:
            last[line.page] = line
    ends = {id(line) for line in (*first.values(), *last.values())}
    return [line for line in keep if not (id(line) in ends and _PAGE_NUMBER.match(line.text.strip()))]


def _in_band(line: Line) -> bool:
    h = line.page_height or 842.0
    return line.bottom <= _BAND * h + 12 or line.top >= (1 - _BAND) * h - 12


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


@dataclass
class Margins:
    left: float
    right: float
    char: float         # the width of one full-width character of body text


def margins(lines: list[Line]) -> Margins:
    """The body text's left and right margins and character width, by majority."""
    if not lines:
        return Margins(0, 0, 10)
    heights = sorted(line.height for line in lines)
    char = heights[len(heights) // 2]
    lefts = Counter(round(line.x0 / 2) * 2 for line in lines)
    left = min(x for x, n in lefts.items() if n >= lefts.most_common(1)[0][1] * 0.5)
    wide = [line for line in lines if line.x1 - line.x0 > 15 * char]
    if not wide:        # no line long enough to show where the text wraps: none is full
        return Margins(left, float("inf"), char)
    rights = Counter(round(line.x1 / 2) * 2 for line in wide)
    right = max(x for x, n in rights.items() if n >= rights.most_common(1)[0][1] * 0.3)
    return Margins(left, right, char)


def paragraphs(lines: list[Line], m: Margins, first_line: int = 1,
               per_page: Counter | None = None) -> list[Para]:
    """Join physical lines into paragraphs; Para.line numbers the physical lines from
    ``first_line`` across the document, Para.page and Para.page_line say where it starts
    (``per_page`` counts the lines already met on each page)."""
    out: list[Para] = []
    previous: Line | None = None
    per_page = Counter() if per_page is None else per_page
    for number, line in enumerate(lines, first_line):
        per_page[line.page] += 1
        text = line.text.strip()
        if not text:
            continue
        if previous is not None and out and (_continues(previous, line, m)
                                             or closes_open_note(out[-1].text, text) and _adjacent(previous, line)):
            out[-1].text = _join(out[-1].text, text)
        else:
            out.append(Para(number, text, line.page, per_page[line.page]))
        previous = line
    for para in out:            # once per paragraph, not once per printed line
        para.text = normalise(para.text)
    return [para for para in out if para.text]


def closes_open_note(before: str, text: str) -> bool:
    """A note left open ("…（牵头部") and a line that closes it first ("门：…）"): the
    note was cut by a page break, wherever the line starts."""
    text = text.replace("(", "（").replace(")", "）")
    close, opening = text.find("）"), text.find("（")
    opened = before.count("（") + before.count("(") - before.count("）") - before.count(")")
    return opened > 0 and close >= 0 and (opening < 0 or close < opening)


def _continues(a: Line, b: Line, m: Margins) -> bool:
    if a.x1 < m.right - 1.5 * m.char:            # the line above stopped short
        return False
    if b.x0 > m.left + 0.6 * m.char:             # indented or centred: a new paragraph
        return False
    ha, hb = a.height, b.height
    if abs(ha - hb) > 0.3 * max(ha, hb):
        return False                             # another size: a heading, a note
    return _adjacent(a, b, max(ha, hb))


def _adjacent(a: Line, b: Line, height: float = 0.0) -> bool:
    """b is the line right below a, or the first of the next page (``height``: the
    taller line's, when the caller has it)."""
    if b.page == a.page:
        return 0 <= b.top - a.bottom <= 1.6 * (height or max(a.height, b.height))
    return b.page == a.page + 1


def _join(a: str, b: str) -> str:
    """Two printed lines of one paragraph: Latin words keep a space between them."""
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b
