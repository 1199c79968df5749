"""Units and the fixed values of GB/T 9704-2012 (see design/gbt9704.md §1–§2).

Everything the renderer and the checker share lives here, in OOXML units:
twips (1/20 pt) for geometry, half-points for font sizes, eighths of a point for
borders.  Keeping them in one place means the check and the renderer cannot drift.
"""
from __future__ import annotations

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4  # 56.69
EMU_PER_MM = 36_000


def mm(value: float) -> int:
    """Millimetres -> twips, rounded (the unit of pgSz, pgMar, ind, tblW)."""
    return round(value * TWIPS_PER_MM)


def to_mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


# Font sizes (字号) in points; OOXML w:sz takes half-points.
SIZE_PT = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5,
}
SZ_XIAOCHU = 72   # 小初, the ceiling for the issuer mark (PRAC)
SZ_TITLE = 44     # 二号
SZ_BODY = 32      # 三号
SZ_SMALL = 28     # 四号: colophon, page numbers, table text

# Page (portrait A4) and type area.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP = mm(37)      # 2098, 天头
MARGIN_BOTTOM = mm(35)   # 1984
MARGIN_LEFT = mm(28)     # 1587, 订口
MARGIN_RIGHT = mm(26)    # 1474
TYPE_W = 8844            # 156 mm
TYPE_H = 12756           # 225 mm
# Landscape pages keep the same physical type area: their top is the portrait left edge.
L_MARGIN_TOP, L_MARGIN_BOTTOM = mm(28), mm(26)
L_MARGIN_LEFT, L_MARGIN_RIGHT = mm(35), mm(37)

LINE = 579               # 12756 / 22 lines, exact line pitch
CHAR_SPACING_BODY = -5   # −0.25 pt on 3号 runs -> 28 characters per line
CHAR_3 = 315             # 1 字 of 3号 text with −0.25 pt spacing
HALF_3 = 155             # a half-width digit of 3号 text (8 pt − 0.25 pt)
CHAR_4 = 280             # 1 字 of 4号 text
HALF_4 = 140

BODY_FIRST_LINE = 2 * CHAR_3  # 630
LINE_CHARS = 28               # characters per body line

# Practice values (PRAC / MEAS), defaults of RenderOptions.
FOOTER_DISTANCE_MM = 25.4
HEADER_DISTANCE_MM = 15.0
MARK_SPACER_MM = 35.2
RED = "FF0000"
RED_RULE_SZ = 8          # 1 pt
RED_RULE_SPACE_PT = 11   # ≈ 3.9 mm under the doc number
RULE_THICK = 8           # 0.35 mm colophon outer rules (eighths of a point: 1 pt ≈ 0.35 mm)
RULE_THIN = 6            # 0.25 mm inner colophon rules
TABLE_LINE = 440         # 22 pt exact lines in table cells (4号 text)

# Acceptance tolerances used by check.py (design §8).
TOL_MM = 1.0
BODY_LINE_RANGE = (570, 580)
FIRST_LINE_RANGE = (600, 680)
