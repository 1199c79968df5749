"""Writers for paragraph and run properties, shared by styles and direct formatting.

Every text paragraph gets an exact line and snapToGrid off (design §5.3): the 22-line
page depends on it, and a 2号 title would otherwise take two grid lines.
"""
from __future__ import annotations

from . import units
from .fonts import write_rfonts
from .xml import W, el, set_child

_MISSING = object()


def ppr(parent, *, style=None, line=None, rule="exact", before=None, after=None,
        snap=_MISSING, first_line=None, left=None, hanging=None, right=None, jc=None,
        keep_next=None, keep_lines=None, page_break_before=None, widow=None,
        outline=None, tabs=None, border_bottom=None, auto_space=None):
    """Fill (or create) the pPr of `parent` (a w:p, a w:style or a pPrDefault)."""
    p = set_child(parent, "pPr")
    if style:
        set_child(p, "pStyle", val=style)
    if keep_next is not None:
        set_child(p, "keepNext", val="1" if keep_next else "0")
    if keep_lines is not None:
        set_child(p, "keepLines", val="1" if keep_lines else "0")
    if page_break_before is not None:
        set_child(p, "pageBreakBefore", val="1" if page_break_before else "0")
    if widow is not None:
        set_child(p, "widowControl", val="1" if widow else "0")
    if border_bottom is not None:
        bdr = set_child(p, "pBdr")
        set_child(bdr, "bottom", **border_bottom)
    if tabs:
        t = set_child(p, "tabs")
        for kind, pos in tabs:
            t.append(el("tab", val=kind, pos=pos))
    if auto_space is not None:
        set_child(p, "autoSpaceDE", val="1" if auto_space else "0")
        set_child(p, "autoSpaceDN", val="1" if auto_space else "0")
    if snap is not _MISSING and snap is not None:
        set_child(p, "snapToGrid", val="1" if snap else "0")
    if line is not None or before is not None or after is not None:
        set_child(p, "spacing", before=before, after=after, line=line,
                  lineRule=rule if line is not None else None)
    if any(v is not None for v in (first_line, left, hanging, right)):
        ind = set_child(p, "ind", left=left, right=right, firstLine=first_line,
                        hanging=hanging)
        if hanging is not None:
            ind.attrib.pop(W + "firstLine", None)
    if jc:
        set_child(p, "jc", val=jc)
    if outline is not None:
        set_child(p, "outlineLvl", val=outline)
    return p


def rpr(parent, *, style=None, face=None, latin=None, sz=None, spacing=None, color=None,
        bold=None, lang=False):
    """Fill (or create) the rPr of `parent` (a w:r, a w:style, a pPr or rPrDefault)."""
    r = set_child(parent, "rPr")
    if style:
        set_child(r, "rStyle", val=style)
    if face:
        write_rfonts(r, face, latin)
    if bold is not None:
        set_child(r, "b", val="1" if bold else "0")
        set_child(r, "bCs", val="1" if bold else "0")
    if color:
        set_child(r, "color", val=color)
    if spacing is not None:
        set_child(r, "spacing", val=spacing)
    if sz is not None:
        set_child(r, "sz", val=sz)
        set_child(r, "szCs", val=sz)
    if lang:
        set_child(r, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    return r


def exact_line_for(sz_half_points: int) -> int:
    """An exact line just taller than a glyph of this size (1.02 × size, design §5.5)."""
    return round(sz_half_points / 2 * 1.02 * units.TWIPS_PER_PT)
