"""Text clean-up: HTML remnants, width of digits and punctuation, stray spaces, hard wraps.

Plans reach the clerk as text copied from web pages, WPS and PDF viewers. The same
character comes in several widths, and spaces end up between Chinese characters ("条 例",
"2021 年"). Everything downstream (labels, responsibility annotations, deadlines) is
written against the normalised form produced here:

- digits and Latin letters half-width; ``％`` -> ``%``;
- Chinese-context punctuation full-width: ``( ) : , ; ? !`` -> ``（ ）： ， ； ？ ！``
  (but ``1,000`` and ``10:30`` keep their half-width separators);
- whitespace next to a Chinese character or full-width punctuation removed; spaces between
  Latin words kept (``DB37/T 4293-2020``), and one space kept between two unit names
  ("配合单位：区科技局 区工信局": there the space is the separator);
- HTML tags removed and entities decoded.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from models.hanzi_fold import fold

from .units import unit_token

# Characters next to which a space is never meaningful in Chinese text.
WIDE = (
    "\u2010-\u2027\u2030-\u205e"  # general punctuation: dashes, quotes, ellipsis, middle dot
    "\u2460-\u24ff\u2776-\u2793"  # circled and parenthesised numbers
    "\u25a0-\u25ff\u2600-\u26ff"  # bullets ●■◆
    "\u3000-\u303f"  # CJK punctuation
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\ufe30-\ufe4f\uff00-\uffef"  # CJK compatibility forms, full-width forms
)
_HAS_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_SPACE_NEAR_WIDE = re.compile(rf"[ \t]+(?=[{WIDE}])|(?<=[{WIDE}])[ \t]+")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,300}>|<!--.*?-->", re.S)
_BLOCK_END = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", re.I)

_WIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_WIDTH.update({0xFF21 + i: 0x41 + i for i in range(26)})
_WIDTH.update({0xFF41 + i: 0x61 + i for i in range(26)})
_WIDTH.update({
    0xFF05: ord("%"), 0x3000: ord(" "), 0x00A0: ord(" "), 0x2002: ord(" "), 0x2003: ord(" "),
    0x2009: ord(" "), 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None,
    0xFF0B: ord("+"), 0xFF0D: ord("-"), 0xFF0F: ord("/"),
})


_TO_NARROW = re.compile("[" + "".join(re.escape(chr(code)) for code in _WIDTH) + "]")


def has_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


def strip_html(text: str) -> str:
    """Remove tags such as <p> and decode entities (&nbsp; &amp;)."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def split_html_blocks(text: str) -> list[str]:
    """Split a line at </p>, <br> and similar block ends (web pages glue paragraphs)."""
    if "<" not in text:
        return [text]
    return [part for part in _BLOCK_END.split(text)]


def normalise(text: str) -> str:
    """The normal form of one line or cell (see the module docstring)."""
    text = strip_html(text)
    if _TO_NARROW.search(text):     # most lines have no such character: skip the table
        text = text.translate(_WIDTH)
    text = text.replace("\t", " ").replace("\r", "")
    if has_cjk(text):
        text = _fullwidth_punctuation(text)
        if " " in text:
            text = _SPACE_NEAR_WIDE.sub(_space_kept_between_units, text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


_SPACES = re.compile(r" {2,}")


_TOKEN_END = set(" \t，。、；：（）“”《》")


def _space_kept_between_units(m: re.Match) -> str:
    """"" for a space next to a Chinese character, but " " between two unit names
    ("配合单位：区科技局 区工信局"): there the space separates the units."""
    text, start, end = m.string, m.start(), m.end()
    # a number on either side ("第 21 项", "2025 年": PDF text puts spaces there) is no unit
    # name: none starts with a digit, and only "各" + two characters could end with one
    if end < len(text) and "0" <= text[end] <= "9":
        return ""
    if start > 0 and "0" <= text[start - 1] <= "9" and "各" not in text[max(0, start - 6):start]:
        return ""
    i = start
    while i > 0 and start - i < 40 and text[i - 1] not in _TOKEN_END:
        i -= 1
    j = end
    while j < len(text) and j - end < 40 and text[j] not in _TOKEN_END:
        j += 1
    if j < len(text) and text[j] == "（":  # "区商务局（区药发中心）"
        close = text.find("）", j, j + 14)
        j = close + 1 if close > 0 else j
    before, after = text[i:start], text[end:j]
    # folded: "區科技局 區工信局" keeps its space as "区科技局 区工信局" does
    if len(before) >= 3 and len(after) >= 3 and unit_token(fold(before)) and unit_token(fold(after)):
        return " "
    return ""


_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COLON = re.compile(r"(?<!\d):(?!//)|:(?!\d|//)")
_QUESTION = re.compile(rf"\?(?=[{WIDE}]|$)|(?<=[{WIDE}])\?")
_EXCLAMATION = re.compile(rf"!(?=[{WIDE}]|$)|(?<=[{WIDE}])!")


def _fullwidth_punctuation(text: str) -> str:
    text = text.replace("(", "（").replace(")", "）").replace(";", "；")
    # each rule only where its character is: most lines have none of them
    if "," in text:
        text = _COMMA.sub("，", text)
    if ":" in text:
        text = _COLON.sub("：", text)
    if "?" in text:
        text = _QUESTION.sub("？", text)
    if "!" in text:
        text = _EXCLAMATION.sub("！", text)
    return text


def looks_like_html_page(text: str) -> bool:
    head = text[:4000].lower()
    # <p> remnants inside pasted text (table cells) are not a page; <html>, <body> or many
    # <div>s are
    return "<html" in head or "<body" in head or "<!doctype" in head or head.count("<div") > 10


class _TextExtractor(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
              "section", "article", "ul", "ol", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "head"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_page_to_text(text: str) -> str:
    """A whole saved web page -> its visible text, one block per line, cells tab-separated."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_SENTENCE_END = "。；：！？…”）】》"


def visual_length(text: str) -> float:
    """Width of a line in full-width characters: digits and Latin letters count half, as
    they take half the room on a printed page (a PDF line wraps at a fixed width)."""
    return len(text) - 0.5 * len(_NARROW.findall(text))


_NARROW = re.compile(r"[\x00-\u1fff]")


def unwrap(paras: list[tuple[int, str]], starts_item) -> list[tuple[int, str]]:
    """Re-join lines hard-wrapped at a fixed width (text copied out of a PDF viewer).

    Only when the text clearly is wrapped: many lines share one length (in characters, or
    in printed width with digits and Latin letters counting half). A line of that length
    that does not end a sentence is joined with the next one, unless the next one starts a
    numbered item (``starts_item(text)``). Blank lines (empty texts) always end a paragraph.
    """
    # the wrap width, counted in characters or in printed width (digits count half): the
    # text was typed with either kind of digits; a line is full when either measure says so
    measures = [m for m in (len, visual_length) if _wrap_width(paras, m)]
    if not measures:
        return paras
    widths = [(m, _wrap_width(paras, m)) for m in measures]

    def full(text: str) -> bool:
        return any(m(text) >= width - 1.5 for m, width in widths)

    out: list[tuple[int, str]] = []
    prev = ""  # the previous physical line
    for line, text in paras:
        if not text:  # a blank line always ends a paragraph
            out.append((line, text))
        elif out and out[-1][1] and full(prev) \
                and prev[-1] not in _SENTENCE_END and not starts_item(text):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((line, text))
        prev = text
    return out


def _wrap_width(paras: list[tuple[int, str]], measure) -> int | None:
    """The width many lines share under ``measure`` (a hard-wrapped text), or None."""
    lengths = [round(measure(t)) for _, t in paras if len(t) >= 10]
    if len(lengths) < 8:
        return None
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    width = max(counts, key=lambda n: (counts[n] + counts.get(n - 1, 0), n))
    at_width = counts[width] + counts.get(width - 1, 0)
    if width < 20 or at_width < max(8, 0.4 * len(lengths)):
        return None
    return width
