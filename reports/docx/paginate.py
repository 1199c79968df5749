"""Pagination like a 文秘 (GB/T 9704 7.3.5, 7.4): decisions taken on a laid-out probe.

The signature block is chained to the last body paragraph (keepNext), so it never
stands alone.  When the chain leaves page 1 without 正文, the spacing is tightened
within what the standard allows (the 22-line page may become 23 lines, a sealed
signature may keep one blank line less) so that everything fits; failing that, the
last body paragraph is cut where the renderer broke its lines, and only its end goes
along with the signature.  The 版记 then goes to the foot of the last even page: onto
the last text page when that page is even, portrait and has room, else on a page of its
own, after an unnumbered blank page when the last text page is even and full.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import units
from .layout import LINE_MM, TYPE_BOTTOM_MM, TYPE_TOP_MM, Page, lines_used

MIN_PITCH = units.TYPE_H // 23     # 554 twips: 23 lines a page, the most we tighten to


@dataclass
class Layout:
    pitch: int | None = None        # line pitch of the main part, when tightened
    seal_blanks: int | None = None  # blank lines above a sealed signature, when fewer
    split_at: int | None = None     # the last body paragraph is cut after this character
    colophon: str = "own"           # "own" page, "share" the last text page, "blank" page first
    lines_before_colophon: int = 0  # lines of text on the page the 版记 shares

    @property
    def tightened(self) -> bool:
        return self.pitch is not None or self.seal_blanks is not None or self.split_at is not None


def signature_page(pages: list[Page], date_text: str) -> Page | None:
    for page in pages:
        if page.has(date_text):
            return page
    return None


def fix_signature_page(pages: list[Page], *, date_text: str, title_first_line: str,
                       body: list[str], sealed: bool, seal_blanks: int) -> Layout:
    """What to change so that page 1 keeps 正文 while the signature keeps with it."""
    layout = Layout()
    sig = signature_page(pages, date_text)
    if sig is None or sig.number == 1 or not body:
        return layout
    start = _compact(body[0])[:8]
    if not any(ln.text.startswith(start) for ln in sig.text_lines()):
        return layout                      # earlier 正文 stays on the page before: fine
    prev = pages[sig.number - 2]
    title = next((ln for ln in prev.text_lines() if title_first_line[:6] in ln.text), None)
    top = (title.bottom - LINE_MM) if title else TYPE_TOP_MM
    lines = prev.text_lines()
    used_prev = (max(ln.bottom for ln in lines) - top) if lines else 0.0
    chain = max(ln.bottom for ln in sig.text_lines()) - TYPE_TOP_MM
    room = TYPE_BOTTOM_MM - top
    for fewer in ((0, 1) if sealed and seal_blanks > 1 else (0,)):
        need = used_prev + chain - fewer * LINE_MM
        pitch = math.floor(units.LINE * room / need) - 2 if need > 0 else units.LINE
        if pitch >= MIN_PITCH:
            layout.pitch = min(pitch, units.LINE)
            layout.seal_blanks = seal_blanks - fewer if fewer else None
            return layout
    # Cut the paragraph where the renderer broke it: as many lines as fit stay behind.
    para = _compact(body[-1])
    rendered, text = [], ""
    for ln in sig.text_lines():
        if not para.startswith(text + ln.text):
            break
        text += ln.text
        rendered.append(ln.text)
    fit = math.floor((TYPE_BOTTOM_MM - max((ln.bottom for ln in lines), default=top)) / LINE_MM)
    keep = min(fit, len(rendered) - 1)
    if keep >= 1:
        layout.split_at = len("".join(rendered[:keep]))
    return layout


def place_colophon(pages: list[Page], colophon_lines: int) -> Layout:
    """Where the 版记 goes, from a probe that printed it on a page of its own."""
    layout = Layout()
    if len(pages) < 2:
        return layout
    last_text = pages[-2]
    if last_text.number % 2 == 1:
        return layout                      # the 版记 page after it is even: own page
    used = lines_used(last_text)
    if (last_text.number >= 2 and last_text.portrait
            and used + colophon_lines + 1 <= units.TYPE_H // units.LINE):
        layout.colophon, layout.lines_before_colophon = "share", used
    else:
        layout.colophon = "blank"
    return layout


def split_text(text: str, compact_index: int) -> tuple[str, str]:
    """Cut `text` after `compact_index` non-space characters."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
        if seen == compact_index:
            return text[:i + 1], text[i + 1:]
    return text, ""


def _compact(text: str) -> str:
    return "".join(text.split())
