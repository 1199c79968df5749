"""Unit names (单位/部门) in responsibility notes and the role words around them.

Stdlib only, like ``responsibility`` which re-exports ``split_units``: the Excel importer
uses both on the cells of 牵头单位 / 配合单位 / 责任单位 columns.
"""

from __future__ import annotations

import re
from functools import lru_cache

# verbs that end a clause and give the units before them a role (longest first)
VERBS = [
    ("按职责分工负责", "responsible"), ("按职能分工负责", "responsible"), ("按职责分工落实", "responsible"),
    ("按照职责分工负责", "responsible"), ("按职责负责", "responsible"), ("分工负责", "responsible"),
    ("共同负责", "responsible"), ("负责落实", "responsible"), ("为责任单位", "responsible"),
    ("牵头负责", "lead"), ("牵头落实", "lead"), ("牵头实施", "lead"), ("牵头组织", "lead"),
    ("为牵头单位", "lead"), ("牵头", "lead"), ("主办", "lead"),
    ("配合落实", "support"), ("为配合单位", "support"), ("配合", "support"), ("参加", "support"),
    ("参与", "support"), ("协助", "support"), ("协同", "support"), ("协办", "support"),
    ("指导", "guide"), ("督导", "guide"), ("督办", "guide"),
    ("负责", "responsible"), ("落实", "responsible"), ("实施", "responsible"), ("承办", "responsible"),
]
VERB_RE = re.compile(r"(?:" + "|".join(v for v, _ in VERBS) + r")$")
VERB_ROLE = dict(VERBS)
_ETC = re.compile(r"等(?:有关|相关|其他)?(?:部门|单位|机构|成员单位|地区)?$"
                  r"|等(?:[市区县省][直级属]?|[市区县省]政府|[市区县]委|[市区县]委[市区县]政府)(?:各)?(?:有关|相关|其他)"
                  r"(?:部门|单位|机构)$")
_SEPARATORS = "、，,；;／\n"
# administrative level words: "县级市" in "各区、县级市" is no unit of its own
_LEVEL_WORD = re.compile(
    r"^(?:县级市|县市区|市县区|县区|区县|市县|县|市|区|镇|乡|乡镇|街道|镇街|街镇|功能区|开发区|园区|社区|村)"
    r"(?:（[^）]*）)?(?:人民政府|政府|党委|党委和政府|党委政府|管委会|办事处|党工委)?$")
_UNIT_SUFFIX = re.compile(
    r"(?:局|厅|委|办|部|院|中心|政府|街道|镇|乡|公司|集团|银行|分行|支行|海关|法院|检察院|单位|部门|队|所|站|"
    r"室|处|科|馆|社|联|署|盟|办事处|机关|学校|大学|学院|医院|基地|园区|开发区|区|县|市|省|组|团|校|监狱|"
    r"委员会|管委会|协会|商会|联合会|工会|学会|基金会|促进会|贸促会|研究会|红十字会|理事会|总会|分会|常委会|"
    r"领导小组|工作专班|专班|企业|村|社区|口岸|总队|支队|大队|分局|人大|政协|纪委|监委|党委|党组|团委|"
    r"妇联|科协|侨联|残联|文联|工商联|电视台|气象台|电台|报社|机构|人行|（[^）]*）)$")
# "市发展改革委（牵头）": a role written after the unit
_MARK = re.compile(r"^(.+?)[（(](牵头|主责|牵头单位|主责单位|配合|配合单位|指导)[）)]$")


def marked_role(unit: str) -> tuple[str, str | None]:
    """'市发展改革委（牵头）' -> ('市发展改革委', 'lead')."""
    m = _MARK.match(unit)
    if not m:
        return unit, None
    word = m.group(2)
    return m.group(1), ("lead" if word.startswith(("牵头", "主责")) else
                        "guide" if word == "指导" else "support")


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split at ``separators`` that are not inside brackets ("各县（市、区）" stays whole)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(〔[【［":
            depth += 1
        elif ch in "）)〕]】］":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def split_units(text: str) -> list[str]:
    """'A、B和C等有关部门' -> ['A', 'B和C']: split a list of unit names.

    A unit list is names joined by 、，,；; ／ and line breaks (never inside brackets), by
    spaces when every piece is a unit name, and by 和/及/以及/与 when both sides are names
    (never inside one: "区人力资源和社会保障局"). "等" closes a list: what follows it is a
    generic tail ("等有关部门和单位") that names nobody, or, after 和/及, more names
    ("A等和各有关省级人民政府" -> A, 各有关省级人民政府). Collective units that contain 、
    stay whole: "各区、县级市", "各市、县（市、区）人民政府". Names are returned in order,
    each once.
    """
    return list(_split_units(text))


@lru_cache(maxsize=8192)
def _split_units(text: str) -> tuple[str, ...]:
    text = _ETC.sub("", text.strip().strip("。；， "))
    units: list[str] = []
    for raw in split_outside_brackets(text, _SEPARATORS):
        for piece in _after_etc(raw):
            piece = _clean_unit(piece)
            if not piece or (_GENERIC.fullmatch(piece) and not _COLLECTIVE.fullmatch(piece)):
                continue
            if units and units[-1].startswith("各") and _LEVEL_WORD.match(piece):
                units[-1] += "、" + piece  # "各区" + "县级市" -> "各区、县级市"
                continue
            for part in _split_spaces(piece):
                units.extend(_split_conjunction(part))
    return tuple(dict.fromkeys(units))


# what may follow 等 without naming anyone: "等有关部门和单位", "等相关单位"
_GENERIC = re.compile(r"(?:[和及与、]?(?:各|有关|相关|其他|其它|各有关|各相关)?"
                      r"(?:部门|单位|机构|方面|地区|成员单位|部门单位))+")
# a collective of its own in a list names every one of them: "各地、各部门配合"
_COLLECTIVE = re.compile(r"各(?:部门|单位)")
# 等 in a name is no list end: 中等职业学校, 高等学校, 平等
# after 等 also with its owner: "等区政府有关部门", "等市直相关单位"
_GENERIC_TAIL = re.compile(r"(?:[和及与、]?(?:[省市区县](?:直|级|属|政府|委|委[省市区县]政府)?)?(?:各)?"
                           r"(?:有关|相关|其他|其它)?(?:部门|单位|机构|方面|地区|成员单位|部门单位))+")
_ETC_WORD = re.compile(r"(?<![中高初平同均])等")


def _after_etc(piece: str) -> list[str]:
    """Cut a piece at 等: the names before it, then whatever names follow 和/及."""
    out = []
    while True:
        m = _ETC_WORD.search(piece)
        if not m:
            out.append(piece)
            return out
        out.append(piece[:m.start()])
        rest = piece[m.end():]
        generic = _GENERIC_TAIL.match(rest)
        if generic:
            rest = rest[generic.end():]
        rest = re.sub(r"^(?:以及|和|及|与|、)", "", rest)
        if not rest:
            return out
        piece = rest


def _split_conjunction(piece: str) -> list[str]:
    """'区卫生健康局和各街道' -> both; '区人力资源和社会保障局' stays one unit.

    Tries each 和/及/与 in turn: the first at which the left side is a whole name and the
    right side starts a name ("区人力资源和社会保障局和区发展改革局" splits at the second 和).
    """
    for m in _CONJUNCTION.finditer(piece):
        left, right = piece[:m.start()], piece[m.end():]
        if looks_like_unit(left) and not _LEVEL_WORD.match(right):
            rest = _split_conjunction(right)
            if all(looks_like_unit(r) for r in rest):
                return [left] + rest
    return [piece]


_CONJUNCTION = re.compile(r"以及|和|及|与")


def _split_spaces(piece: str) -> list[str]:
    if " " not in piece:
        return [piece]
    words = piece.split()
    if all(looks_like_unit(w) for w in words):
        return words
    return [piece.replace(" ", "")]


@lru_cache(maxsize=8192)
def _clean_unit(piece: str) -> str:
    piece = piece.strip(" 　\"“”'‘’。：:")
    piece = re.sub(r"^(?:和|及|以及|由|请|与|并|其中)", "", piece)
    # "此项工作由区发改局" -> "区发改局"
    piece = re.sub(r"^(?:此项|该项|上述|以上|各项|相关)?(?:工作|任务|事项|措施)(?:均|统一)?由", "", piece)
    piece = _ETC.sub("", piece)
    m = VERB_RE.search(piece)
    if m and m.start() > 1:
        piece = piece[:m.start()]
    piece = re.sub(r"(?:按职责分工|按职责|分别|共同|各自|均)$", "", piece)
    return piece.strip(" 　")


@lru_cache(maxsize=8192)
def looks_like_unit(name: str) -> bool:
    """True for a plausible unit name: '区市场监管局', '各街道', '区直各部门', '济南海关'."""
    if not name or len(name) < 2 or len(name) > 40:
        return False
    if re.search(r"[。，；：！？]|\d{4}年|\d+月|^\d|[%％]", name):
        return False
    if _LEVEL_WORD.match(name):
        return False
    if name.startswith("各") or "各部门" in name or "各单位" in name:
        # a collective ("各街道", "各县（市、区）", "区直各部门", "各地"), not a sentence
        # about one ("各单位主要领导为第一责任人")
        return len(name) <= 4 or bool(_UNIT_SUFFIX.search(name))
    if name in ("有关部门", "相关部门", "有关单位", "相关单位", "成员单位"):
        return True
    if name in ("单位", "部门", "机构", "部门单位", "地区", "方面"):
        return False  # a generic word left over from "等有关部门和单位" names nobody
    return bool(_UNIT_SUFFIX.search(name))




def unit_token(token: str) -> bool:
    """Is a space-delimited token a unit name (a role word after it allowed)?
    "区检察院配合" yes, "区科技局" yes, "推进" and single letter-spaced characters no."""
    token = re.sub(r"(?:按职责分工负责|牵头|配合|参与|参加|负责|协助|等)+$", "", token)
    token = re.sub(r"^(?:由|和|及)", "", token)
    return len(token) >= 3 and looks_like_unit(token) and not _LEVEL_WORD.match(token)
