"""Section properties: the A4 page, margins, line grid and footer references.

Every section gets its page size and margins written out: a section without them
inherits Word's or LibreOffice's own defaults (US Letter in python-docx's template).
"""
from __future__ import annotations

from . import units
from .xml import el, set_child


def sectpr(*, landscape: bool = False, footers: dict | None = None, line_pitch: int = units.LINE,
           footer_distance_mm: float = units.FOOTER_DISTANCE_MM, kind: str | None = None):
    """A fresh w:sectPr.  footers: {"default": rId, "even": rId} (odd pages are 'default')."""
    s = el("sectPr")
    fill(s, landscape=landscape, footers=footers, line_pitch=line_pitch,
         footer_distance_mm=footer_distance_mm, kind=kind)
    return s


def fill(s, *, landscape=False, footers=None, line_pitch=units.LINE,
         footer_distance_mm=units.FOOTER_DISTANCE_MM, kind=None):
    for child in list(s):
        s.remove(child)
    for ftype in ("default", "even"):
        if footers and footers.get(ftype):
            ref = el("footerReference", type=ftype, r_id=footers[ftype])
            s.append(ref)
    if kind:
        set_child(s, "type", val=kind)
    footer = units.mm(footer_distance_mm)
    header = units.mm(units.HEADER_DISTANCE_MM)
    if landscape:
        set_child(s, "pgSz", w=units.PAGE_H, h=units.PAGE_W, orient="landscape")
        set_child(s, "pgMar", top=units.L_MARGIN_TOP, right=units.L_MARGIN_RIGHT,
                  bottom=units.L_MARGIN_BOTTOM, left=units.L_MARGIN_LEFT,
                  header=header, footer=units.mm(5), gutter=0)
    else:
        set_child(s, "pgSz", w=units.PAGE_W, h=units.PAGE_H)
        set_child(s, "pgMar", top=units.MARGIN_TOP, right=units.MARGIN_RIGHT,
                  bottom=units.MARGIN_BOTTOM, left=units.MARGIN_LEFT,
                  header=header, footer=footer, gutter=0)
    set_child(s, "cols", space=425)
    # No grid, only the pitch recorded: LibreOffice centres a line grid in the type area
    # and a grid of another pitch shifts every line (design §5.3).
    set_child(s, "docGrid", linePitch=line_pitch)
    return s
