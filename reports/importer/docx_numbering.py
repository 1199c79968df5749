"""Word's automatic numbering, rendered as the label the clerk sees ("一、", "（一）", "1.").

A numbered paragraph carries no label in its text, only w:numPr (numId, ilvl), directly or
through its paragraph style. numbering.xml maps numId -> abstractNum, whose level ilvl gives
start, numFmt (chineseCounting, decimal, decimalEnclosedCircle, bullet …) and lvlText
("%1、", "（%2）"). Counters are kept per abstract list as Word does: list instances of one
abstractNum continue each other unless a w:lvlOverride/w:startOverride restarts them, and
a level's counter restarts whenever a shallower level advances.
"""

from __future__ import annotations

import re

from .labels import circled, int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Numbering:
    """Word's automatic numbering, rendered as the label the clerk sees."""

    def __init__(self, document):
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.levels: dict[str, dict[int, tuple[int, str, str, bool]]] = {}
        self.counters: dict[str, list] = {}
        self.started: set[str] = set()
        self.styles: dict[str, tuple[str, int]] = {}    # styleId -> (numId, ilvl)
        self.style_links: dict[str, str] = {}           # abstractNumId -> numbering style
        try:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT
            root = document.part.part_related_by(RT.NUMBERING).element
        except Exception:
            root = None
        if root is not None:
            self._read(root)
        self._read_styles(document)

    def _read(self, root) -> None:
        for abstract in root.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                start = _int(_val(lvl, "start"), 1)
                fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText")
                text = f"%{ilvl + 1}." if text is None else text
                levels[ilvl] = (start, fmt, text, lvl.find(W + "isLgl") is not None)
            abstract_id = abstract.get(W + "abstractNumId")
            self.levels[abstract_id] = levels
            link = _val(abstract, "numStyleLink")
            if link and not levels:
                self.style_links[abstract_id] = link  # the levels live in a numbering style
        for num in root.iterchildren(W + "num"):
            abstract = _val(num, "abstractNumId")
            overrides = {}
            for override in num.iterchildren(W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    overrides[_int(override.get(W + "ilvl"), 0)] = _int(start, 1)
            self.nums[num.get(W + "numId")] = (abstract, overrides)

    def _read_styles(self, document) -> None:
        try:
            styles = document.styles.element
        except Exception:
            return
        own: dict[str, tuple[str, int]] = {}
        based: dict[str, str] = {}
        for style in styles.iterchildren(W + "style"):
            sid = style.get(W + "styleId")
            numpr = style.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                own[sid] = (_val(numpr, "numId"), _int(_val(numpr, "ilvl"), 0))
            if _val(style, "basedOn"):
                based[sid] = _val(style, "basedOn")
        for sid in set(own) | set(based):  # numbering is inherited through basedOn
            chain, current = set(), sid
            while current not in own and current in based and current not in chain:
                chain.add(current)
                current = based[current]
            if current in own:
                self.styles[sid] = own[current]

    def _abstract(self, abstract: str) -> str:
        """The abstract list that holds the levels (following a numbering-style link)."""
        link = self.style_links.get(abstract)
        if link and link in self.styles and self.styles[link][0] in self.nums:
            return self.nums[self.styles[link][0]][0]
        return abstract

    def label(self, p) -> str:
        numpr = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = None, 0
        if numpr is not None:
            num_id, ilvl = _val(numpr, "numId"), _int(_val(numpr, "ilvl"), 0)
        style = p.find(f"{W}pPr/{W}pStyle")
        if num_id is None and style is not None and style.get(W + "val") in self.styles:
            num_id, style_ilvl = self.styles[style.get(W + "val")]
            if numpr is None or _val(numpr, "ilvl") is None:
                ilvl = style_ilvl
        if num_id in (None, "0") or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        abstract = self._abstract(abstract)
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [None] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < 10:
                    counters[level] = start - 1
        start, fmt, text, legal = levels[ilvl]
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None
        if fmt == "bullet":
            return "——"
        if fmt == "none":
            return ""

        def render(m):
            k = int(m.group(1)) - 1
            level = levels.get(k, (1, "decimal", "", False))
            value = counters[k] if k < 10 and counters[k] is not None else level[0]
            return format_number(value, "decimal" if legal and k < ilvl else level[1])
        return re.sub(r"%([1-9])", render, text)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting"):
        return int_to_cn(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return circled(n)
    if fmt == "decimalEnclosedParen":
        return f"（{n}）"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def _val(element, child: str):
    found = element.find(W + child)
    return None if found is None else found.get(W + "val")


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
