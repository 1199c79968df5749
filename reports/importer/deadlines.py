"""Deadlines as the document writes them ("2023年底前", "长期坚持", "每年2月底前").

This module only *finds* the deadline text and keeps it verbatim; turning it into a date
and a kind (by / recurring / ongoing) is ``models/deadline.py``'s job.

Where a deadline is looked for, in order of trust:
1. a label: "完成时限：2023年底前" (the whole value, verbatim);
2. a bracket that holds only a deadline: "（2022年10月底前）", "（长期坚持）";
3. the last clause of the task: "…，2023年底前完成。";
4. the first clause of the task: "2022年10月底前，出台…", "到2025年，…".
"""

from __future__ import annotations

import re
from functools import lru_cache

_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
_M = r"\d{1,2}月(?:份)?"
_D = r"\d{1,2}日"
_PART = r"(?:底|末|中旬|上旬|下旬|上半年|下半年|年底|年末|第[一二三四1-4]季度末?|前三季度|一季度|二季度|三季度|四季度)"
_BEFORE = r"(?:前|以前|之前|内|以内|年内|止)"
_ONGOING = (r"长期坚持|长期推进|长期开展|长期实施|长期|持续推进|持续开展|持续实施|持续|常态化推进"
            r"|常态化开展|常态化|按年度推进|逐年推进|分年度推进|按计划推进|年内完成|年底前|年内|每年")

# a deadline phrase; "strict" ones say "before/by" and may stand in running text
_DATED = (
    rf"(?:到|至|截至|截止到?|于|在)?{_Y}(?:{_M}(?:{_D})?)?{_PART}?{_BEFORE}?"
    rf"|(?:{_M}(?:{_D})?){_PART}?{_BEFORE}"
    rf"|每(?:年|季度|半年|月|周)(?:度)?(?:{_M})?(?:{_D})?{_PART}?{_BEFORE}?"
    rf"|{_Y}?{_PART}{_BEFORE}"
    rf"|\d{{4}}\s*[—\-－~至到]\s*\d{{4}}年(?:间)?"
    rf"|{_Y}(?:起|开始)(?:[，,]?(?:长期坚持|持续推进))?"
)
_WHOLE = re.compile(rf"^(?:完成时限|完成时间|时间|时限)?[:：]?\s*(?:力争|确保|计划|预计)?"
                    rf"(?P<d>{_DATED}|{_ONGOING})(?:完成|建成|实现|出台|落实|全面完成|基本完成|见效)?[。；]?$")
_STRICT = re.compile(
    rf"^(?:力争|确保|计划|预计|并|均)?(?P<d>(?:到|至|于|在)?{_Y}(?:{_M}(?:{_D})?)?{_PART}?{_BEFORE}"
    rf"|到{_Y}(?:{_M})?{_PART}?"
    rf"|(?:{_M}(?:{_D})?){_PART}?{_BEFORE}"
    rf"|每(?:年|季度|半年|月)(?:{_M})?(?:{_D})?{_PART}?{_BEFORE}"
    rf"|长期坚持|持续推进|长期推进|常态化推进|持续开展|长期开展)"
    rf"(?:前)?(?:完成|建成|实现|出台|落实|全面完成|基本完成|见效|推进|开展)?$")
LABEL = re.compile(r"(完成时限|完成时间|完成期限|时间节点|时间安排|进度安排|时限要求|时限)\s*[:：]\s*")


@lru_cache(maxsize=8192)
def whole_deadline(text: str) -> str | None:
    """The deadline when ``text`` (a bracket's content or a table cell) is only a deadline."""
    text = text.strip()
    if not text or len(text) > 40:
        return None
    m = _WHOLE.match(text)
    if m and m.group("d"):
        return m.group("d")
    return None


_LEADING = re.compile(
    rf"^(?:力争|确保|计划|预计|并|均|于|在)?(?P<d>{_Y}(?:{_M}(?:{_D})?)?{_PART}?前|(?:{_M}(?:{_D})?){_PART}?前"
    rf"|每(?:年|季度|半年|月)(?:{_M})?(?:{_D})?{_PART}?前)(?=.)")


_CLAUSES = re.compile(r"[，,；;。：:]")


def in_clauses(text: str) -> str | None:
    """A deadline in running task text, verbatim.

    A clause that is only a deadline ("…，2023年底前完成。") is found first, looking
    from the last clause back; then a clause that starts with one ("2023年10月底前出台
    办法"), again the last such clause (the final completion date).
    """
    body = text.rstrip("。；;，, ")
    if not body:
        return None
    clauses = [c for c in (c.strip() for c in _CLAUSES.split(body)) if c]
    for clause in (clauses[-1], clauses[0]) if clauses else ():
        if len(clause) <= 30:
            m = _STRICT.match(clause)
            if m:
                return m.group("d")
    for clause in reversed(clauses):
        m = _LEADING.match(clause)
        if m:
            return m.group("d")
    return None
