"""The header (版头): issuer mark, 发文字号 and the red rule (design §3.1, §5.5).

The mark's top edge must sit 35 mm below the top of the type area: an empty paragraph
of exact height pushes it there (35.2 mm measured with LibreOffice, a setting).  The red
rule is the bottom border of the 发文字号 paragraph, which has no indents and therefore
spans the whole 156 mm.
"""
from __future__ import annotations

import math

from . import units
from .props import exact_line_for
from .styles import DOC_NUMBER, ISSUER_MARK
from .title import width

TYPE_WIDTH_PT = units.TYPE_W / units.TWIPS_PER_PT  # 442.2 pt


def mark_size(text: str, max_sz: int = units.SZ_XIAOCHU) -> int:
    """Largest size (half-points) at which `text` fits on one 156 mm line, ≤ max_sz."""
    w = max(width(text), 1.0)
    fit = math.floor(2 * TYPE_WIDTH_PT * 0.98 / w)  # 2 % for side bearings
    return max(min(fit, max_sz), 20)


def write_header(builder, notice: dict, opts, mark_sz: int) -> None:
    letterhead = notice.get("letterhead", "printed")
    number = notice.get("doc_number", "")
    spacer = units.mm(opts.mark_spacer_mm)
    mark_line = exact_line_for(mark_sz)
    if letterhead == "printed":
        builder.spacer(spacer)
        builder.p(ISSUER_MARK, [notice["issuer_mark"].strip()])
        builder.blank(2)
        builder.p(DOC_NUMBER, [number], border_bottom=dict(
            val="single", sz=opts.red_rule_sz, space=units.RED_RULE_SPACE_PT,
            color=opts.red_color))
    elif letterhead == "preprinted":
        # Paper with the mark and rule already printed (套打): keep their space.
        if opts.preprinted_height_mm is not None:
            height = units.mm(opts.preprinted_height_mm)
        else:
            height = spacer + mark_line + 2 * opts.line_pitch
        builder.spacer(height)
        builder.p(DOC_NUMBER, [number])
        builder.spacer((units.RED_RULE_SPACE_PT + 1) * units.TWIPS_PER_PT)
    elif number:
        builder.p(DOC_NUMBER, [number])
    builder.blank(2)
