"""Numbering labels at the start of a paragraph: 一、 （一） 1. （1） ① —— and friends.

``parse_label`` only says what a label *could* be. Whether "11.121人才梯队项目" is item 11
or the number 11.121 depends on the numbers around it; such labels are marked ``ambiguous``
and the tree builder decides with the expected next number (see ``tree.py``).

Style keys (internal) and the ``label_style`` exported in the plan dict:

=========  ==============  =======================================
key        label_style     example
=========  ==============  =======================================
part       1               第一部分 / 第一章 / 壹、 (numerals as on a cheque, Taiwan's top level)
1          1               一、  一．
2          2               （一） (一)
3          3               1.  1、  １．  ⒈
paren1     4               1）  (a right bracket only)
4          4               （1） (1) ⑴
5          5               ①
dash       dash            —— (also a single — or －－)
bullet     dash            ● ■ ◆ • - (bullets behave like dash items)
d2, d3     "" (by depth)   2.1  2.1.3 (``parse_decimal``: under the open item 2 / 2.1)
caption    none            an unnumbered heading above numbered items (see tree.py)
=========  ==============  =======================================

"1* ." / "2*." (a star marking a new measure) read as 1. / 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "一二三四五六七八九十百零〇两"

# conventional depth of each numbering style; used when a style appears for the first time
# "caption": an unnumbered heading above numbered items ("“十三五”应急体系9个具体建设任务"
# directly above "（一）"); see ``TreeBuilder.add_caption``
RANK = {"caption": 0, "part": 0, "1": 1, "2": 2, "3": 3, "paren1": 4, "4": 4, "5": 5,
        "d2": 2, "d3": 3}
# decimal labels ("2.1", "2.1.3") export no style: the app numbers them by depth
EXPORTED = {"part": "1", "1": "1", "2": "2", "3": "3", "paren1": "4", "4": "4", "5": "5",
            "dash": "dash", "bullet": "dash", "caption": "none", "d2": "", "d3": ""}

# the numerals written on cheques (壹 贰 叁…, folded from 貳 參 陸): a plan's top level
_UPPER = str.maketrans("壹贰叁参肆伍陆柒捌玖拾佰", "一二三三四五六七八九十百")

_PATTERNS = [
    ("part", re.compile(rf"^第([{_CN}]{{1,4}})(部分|章|篇)[\s：:、]*")),
    ("part", re.compile(r"^([壹贰叁参肆伍陆柒捌玖拾]{1,3})\s*[、．.]\s*")),
    ("2", re.compile(rf"^[（(]\s*([{_CN}]{{1,4}})\s*[）)]\s*")),
    ("4", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*")),
    ("1", re.compile(rf"^([{_CN}]{{1,4}})\s*[、．.]\s*")),
    ("3", re.compile(r"^(\d{1,4})\s*[*＊]?\s*[.．、](?![.．、])\s*")),  # "1* ." marks a new measure
    ("paren1", re.compile(r"^(\d{1,2})\s*[）)]\s*")),
    ("dash", re.compile(r"^(?:——|—|－－|－|--|――|―|──|─)\s*(?=\S)")),
    ("bullet", re.compile(r"^[●■◆◇▲△•▪►◎★☆❖◼◾]\s*(?=\S)|^-\s+(?=\S)")),
]
_CIRCLED = {}
for _base, _first, _count in ((0x2460, 1, 20), (0x3251, 21, 15), (0x32B1, 36, 15),
                              (0x2776, 1, 10), (0x2780, 1, 10), (0x278A, 1, 10)):
    for _i in range(_count):
        _CIRCLED[chr(_base + _i)] = _first + _i
_PAREN_DIGIT = {chr(0x2474 + i): i + 1 for i in range(20)}  # ⑴..⒇
_DOT_DIGIT = {chr(0x2488 + i): i + 1 for i in range(20)}    # ⒈..⒛


@dataclass(frozen=True)
class Label:
    style: str          # internal style key (table above)
    number: int | None  # None for dash and bullet items
    source: str         # the label as written, e.g. "（一）"
    rest: str           # the paragraph text after the label
    ambiguous: bool = False  # digits follow a "1." label: could be a decimal number
    prefix: tuple = ()  # decimal labels: "2.1.3" -> (2, 1) (number 3)

    @property
    def label_style(self) -> str:
        return EXPORTED.get(self.style, "none")


def cn_to_int(text: str) -> int | None:
    """'十一' -> 11, '二十' -> 20, '一百零五' -> 105; None when it is not a numeral."""
    if not text:
        return None
    if all(ch in CN_DIGITS for ch in text) and len(text) > 1:  # 二〇二二 style digit strings
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total, current = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            if current is not None and current != 0:
                return None  # two digits in a row ("二三") is not a numeral
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            total += (1 if current is None else current) * unit
            current = None
        else:
            return None
    return total + (current or 0)


def int_to_cn(n: int) -> str:
    """11 -> '十一' (the form used in 一、 and （一） labels)."""
    digits = "零一二三四五六七八九"
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else
                                     ("一" + int_to_cn(rest) if rest < 20 else int_to_cn(rest)))
        return digits[n // 100] + "百" + tail
    return str(n)


def circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return f"({n})"


def parse_label(text: str) -> Label | None:
    """The numbering label at the start of ``text`` (normalised), or None."""
    if not text:
        return None
    first = text[0]
    if first in _CIRCLED:
        return Label("5", _CIRCLED[first], first, text[1:].lstrip())
    if first in _PAREN_DIGIT:
        return Label("4", _PAREN_DIGIT[first], first, text[1:].lstrip())
    if first in _DOT_DIGIT:
        return Label("3", _DOT_DIGIT[first], first, text[1:].lstrip())
    for style, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        source = m.group(0).strip()
        rest = text[m.end():].strip()
        if style in ("dash", "bullet"):
            return Label(style, None, source, rest)
        raw = m.group(1)
        number = int(raw) if raw.isdigit() else cn_to_int(raw.translate(_UPPER))
        if number is None:
            continue
        ambiguous = False
        if style == "3":
            # "1.5倍", "2021.3", "11.121人才梯队": a digit right after the dot
            ambiguous = bool(rest[:1].isdigit()) or number >= 1000 or number == 0
        if style == "1" and source[-1] in ".．" and rest[:1].isdigit():
            ambiguous = True
        if style == "paren1" and (rest[:1] in "、，。" or number == 0):
            continue
        return Label(style, number, source, rest, ambiguous)
    return None


_DECIMAL = re.compile(r"^(\d{1,2})[.．](\d{1,2})(?:[.．](\d{1,2}))?(?![\d.．%])\s*")
_QUANTITY = re.compile(r"^(?:倍|万|亿|千|百|个|家|件|项|元|米|公里|平方|吨|人|次|天|年|月|日|小时|分|%|％|以上|以下|左右)")


def parse_decimal(text: str) -> Label | None:
    """A decimal label "2.1 加强组织领导" / "2.1.3 …" (style d2 / d3), always ambiguous:
    the tree builder takes it only under an open item numbered 2 (or 2.1)."""
    m = _DECIMAL.match(text or "")
    if not m:
        return None
    rest = text[m.end():].strip()
    if not rest or _QUANTITY.match(rest):
        return None  # "1.5倍以上", "2.5万家": a quantity
    parts = [int(g) for g in m.groups() if g is not None]
    style = "d2" if len(parts) == 2 else "d3"
    return Label(style, parts[-1], m.group(0).strip(), rest, True, tuple(parts[:-1]))
