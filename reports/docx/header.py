"""The header (版头): 份号, 密级和保密期限, 紧急程度, issuer mark, 发文字号 (with 签发人 for
a 上行文) and the red rule (design §3.1, §5.5).

份号, 密级 and 紧急程度 stand flush left on the first lines of the type area, in that
order; they take their lines out of the space above the mark, so the mark stays 35 mm
below the top of the type area.  A 上行文 puts its 发文字号 1 字 in from the left and
“签发人：” with the names (楷体) 1 字 in from the right, on the line of the last name.

The mark's top edge must sit 35 mm below the top of the type area: an empty paragraph
of exact height pushes it there (35.2 mm measured with LibreOffice, a setting).  The red
rule is the bottom border of the 发文字号 paragraph, which has no indents and therefore
spans the whole 156 mm.
"""
from __future__ import annotations

import math
import re

from . import units
from .props import exact_line_for
from .styles import DOC_NUMBER, FLUSH, HEI_CHAR, ISSUER_MARK, KAI_CHAR
from .signature import text_width
from .title import width

TYPE_WIDTH_PT = units.TYPE_W / units.TWIPS_PER_PT  # 442.2 pt


def mark_size(text: str, max_sz: int = units.SZ_XIAOCHU) -> int:
    """Largest size (half-points) at which `text` fits on one 156 mm line, ≤ max_sz."""
    w = max(width(text), 1.0)
    fit = math.floor(2 * TYPE_WIDTH_PT * 0.98 / w)  # 2 % for side bearings
    return max(min(fit, max_sz), 20)


SIGNER_LABEL = "签发人："
NAMES_PER_LINE = 2


def signer_names(notice: dict) -> list[str]:
    """The 签发人 of a 上行文, in issuer order ("张三，李四" or a list)."""
    value = notice.get("signers") or []
    if isinstance(value, str):
        value = re.split(r"[，,、；;\s]+", value)
    return [str(v).strip() for v in value if str(v).strip()]


def write_marks(builder, notice: dict) -> int:
    """份号, 密级和保密期限, 紧急程度 on the first lines; returns the lines used."""
    n = 0
    copy_number = str(notice.get("copy_number") or "").strip()
    if copy_number:
        builder.p(FLUSH, [copy_number.zfill(6)])
        n += 1
    for key in ("secrecy", "urgency"):
        text = str(notice.get(key) or "").strip()
        if text:
            builder.p(FLUSH, [(text, {"style": HEI_CHAR})])
            n += 1
    return n


def write_doc_number(builder, notice: dict, opts, *, rule: bool) -> None:
    """The 发文字号 line, the red rule under it; for a 上行文 with its 签发人."""
    number = notice.get("doc_number", "")
    border = dict(border_bottom=dict(val="single", sz=opts.red_rule_sz,
                                     space=units.RED_RULE_SPACE_PT, color=opts.red_color)) if rule else {}
    names = signer_names(notice)
    if not names:
        builder.p(DOC_NUMBER, [number], **border)
        return
    rows = [names[i:i + NAMES_PER_LINE] for i in range(0, len(names), NAMES_PER_LINE)]
    # Later names line up under the first name of the first row.
    first_row = SIGNER_LABEL + "\u3000".join(rows[0])
    names_x = units.TYPE_W - units.CHAR_3 - text_width(first_row) + text_width(SIGNER_LABEL)
    for i, row in enumerate(rows[:-1]):
        runs = [SIGNER_LABEL if i == 0 else "", ("\u3000".join(row), {"style": KAI_CHAR})]
        if i == 0:
            builder.p(DOC_NUMBER, runs, jc="right", right=units.CHAR_3)
        else:
            builder.p(DOC_NUMBER, runs, jc="left", left=names_x)
    # Unindented, so the red rule under it spans the type area; tabs place the parts.
    last = "\u3000".join(rows[-1])
    if len(rows) == 1:
        text, tabs = "\t" + number + "\t" + SIGNER_LABEL, [("right", units.TYPE_W - units.CHAR_3)]
    else:
        text, tabs = "\t" + number + "\t", [("left", names_x)]
    builder.p(DOC_NUMBER, [text, (last, {"style": KAI_CHAR})], jc="left",
              tabs=[("left", units.CHAR_3), *tabs], **border)


def write_header(builder, notice: dict, opts, mark_sz: int) -> None:
    letterhead = notice.get("letterhead", "printed")
    number = notice.get("doc_number", "")
    marks = write_marks(builder, notice)
    spacer = units.mm(opts.mark_spacer_mm) - marks * opts.line_pitch
    mark_line = exact_line_for(mark_sz)
    if letterhead == "printed":
        builder.spacer(spacer)
        builder.p(ISSUER_MARK, [notice["issuer_mark"].strip()])
        builder.blank(2)   # more signer lines move the red rule down (7.2.4)
        write_doc_number(builder, notice, opts, rule=True)
    elif letterhead == "preprinted":
        # Paper with the mark and rule already printed (套打): keep their space.
        if opts.preprinted_height_mm is not None:
            height = units.mm(opts.preprinted_height_mm)
        else:
            height = spacer + mark_line + 2 * opts.line_pitch
        builder.spacer(height - marks * opts.line_pitch)
        write_doc_number(builder, notice, opts, rule=False)
        builder.spacer((units.RED_RULE_SPACE_PT + 1) * units.TWIPS_PER_PT)
    elif number:
        write_doc_number(builder, notice, opts, rule=False)
    builder.blank(2)
