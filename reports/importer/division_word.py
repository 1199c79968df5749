"""What a document calls the issuing office's internal divisions: 处室, 科室 or 股室.

A county bureau's plan labels them ``牵头股室：规划股`` or heads a column 配合科室; its
printed 分工表 should say the same. The word is read where the document uses it as a label
or a header — after a role word or ``内`` (牵头股室, 局内处室) or before a colon (股室：) —
never in running text, where a health plan's 医院科室 is no division of the office.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from models.mentions import DEFAULT_NOUN, DIVISION_NOUNS

_NOUN = "|".join(DIVISION_NOUNS)
_AS_LABEL = re.compile(r"(?:牵头|主责|主办|配合|协办|协同|参与|参加|责任|负责|指导|内设?)(?P<a>" + _NOUN
                       + r")|(?P<b>" + _NOUN + r")\s*[：:]")


def division_noun(texts: Iterable[str]) -> str | None:
    """The noun the texts label divisions with most; None when they label none."""
    seen: Counter = Counter()
    for text in texts:
        if any(noun in text for noun in DIVISION_NOUNS):
            seen.update(m.group("a") or m.group("b") for m in _AS_LABEL.finditer(text))
    if not seen:
        return None
    # a tie keeps the usual word
    best = max(seen.values())
    return DEFAULT_NOUN if seen[DEFAULT_NOUN] == best else seen.most_common(1)[0][0]


def note_division_word(plan: dict, texts: Iterable[str]) -> None:
    """Give ``plan`` its ``division_word`` when some task names a division."""
    if _names_divisions(plan["tasks"]):
        plan["division_word"] = division_noun(texts) or DEFAULT_NOUN


def _names_divisions(tasks: list) -> bool:
    return any(t.get("divisions") or _names_divisions(t.get("children") or ()) for t in tasks)
