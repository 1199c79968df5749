"""发文机关署名, 成文日期 and 附注 (design §3.2, arithmetic in §5.3).

Both lines are right-aligned; their right indents are computed in 字 from the widths of
the name and the date (half-width digits count ½ on paper, 155 twips here).
"""
from __future__ import annotations

from . import units
from .notice import cn_date
from .styles import DATE, NOTE, SIGNER


def text_width(text: str) -> int:
    """Width in twips of 3号 text with −0.25 pt spacing."""
    return sum(units.HALF_3 if ord(ch) < 0x80 else units.CHAR_3 for ch in text)


def signature_indents(name: str, date: str, sealed: bool) -> tuple[int, int]:
    """Right indents (twips) of the name line and the date line."""
    c = units.CHAR_3
    wn, wd = text_width(name), text_width(date)
    if sealed:
        # Date 4 字 from the right, name centred over the date.
        return max(0, round(4 * c + (wd - wn) / 2)), 4 * c
    # Name 2 字 from the right, date starting 2 字 right of the name's first character.
    date_right = wn - wd
    if date_right < 2 * c:
        return 4 * c + wd - wn, 2 * c
    return 2 * c, date_right


def write_signature(builder, notice: dict, opts, seal_blanks: int | None = None) -> None:
    sealed = bool(notice.get("sealed"))
    name = notice["signer"].strip()
    date = cn_date(notice["date"])
    # keepNext ties the blank lines, the name and the date to the text above, so the
    # signature never stands alone on a page.
    from .attachments import keep_with_next
    keep_with_next(builder)
    blanks = (seal_blanks or opts.sealed_blank_lines) if sealed else 1
    builder.blank(blanks, keep_next=True)
    name_right, date_right = signature_indents(name, date, sealed)
    if sealed:
        # Name and date centred on one axis: the date 4 字 from the right, the name over
        # its middle, whatever width a renderer gives the digits (LibreOffice ignores
        # autoSpaceDE=0 and draws the date wider than Word).
        left = max(0, units.TYPE_W - 8 * units.CHAR_3 - text_width(date))
        builder.p(SIGNER, [name], jc="center", left=left, right=0)
        builder.p(DATE, [date], jc="center", left=left, right=0)
        _note(builder, notice)
        return
    builder.p(SIGNER, [name], right=name_right)
    if name_right == 2 * units.CHAR_3:
        # Date starts 2 字 right of the name's first character: anchor it there from the
        # left, so it does not depend on how wide a renderer draws the digits.
        builder.p(DATE, [date], jc="left", left=units.TYPE_W - text_width(name), right=0)
    else:
        builder.p(DATE, [date], right=date_right)
    _note(builder, notice)


def _note(builder, notice: dict) -> None:
    note = (notice.get("note") or "").strip()
    if note:
        if not (note.startswith("（") and note.endswith("）")):
            note = f"（{note}）"
        builder.p(NOTE, [note])
