"""Sentence helpers: the lead-in sentence that is a task's title.

A task's ``title`` is its heading, or its first sentence up to the first 。 (the lead-in):
"（一）知识产权高质量供给机制更加健全。高价值…" -> title "知识产权高质量供给机制更加健全".
A 。 inside brackets or quotes does not end the lead-in. A short run-in heading ending in
a colon ("总体目标：到2025年…") is a title too.
"""

from __future__ import annotations

import re

_OPEN = "（(〔[【「『“‘《〈"
_CLOSE = "）)〕]】」』”’》〉"
_ENDS = "。！？!?"


_BRACKET = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_OPENING = re.compile(f"[{re.escape(_OPEN)}]")


_STOPS: dict[str, re.Pattern] = {}


def _first_stop(text: str, stops: str, limit: int | None = None) -> int:
    # fast path: the first stop has no bracket or quote before it (most lead-ins)
    head = text if limit is None else text[:limit]
    pattern = _STOPS.get(stops)
    if pattern is None:
        pattern = _STOPS[stops] = re.compile(f"[{re.escape(stops)}]")
    found = pattern.search(head)
    first = found.start() if found else -1
    if first >= 0 and not _BRACKET.search(head, 0, first):
        return first
    if first < 0 and not _OPENING.search(head):
        return -1
    depth = 0
    for i, ch in enumerate(text if limit is None else text[:limit]):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops:
            return i
    return -1


def split_title(text: str) -> tuple[str, str]:
    """(title, rest) of a paragraph: the lead-in sentence and what follows it."""
    text = text.strip()
    i = _first_stop(text, _ENDS)
    j = _first_stop(text, "：:", 26)
    if j > 1 and (i == -1 or j < i) and len(text) > j + 1:
        return text[:j].strip(), text[j + 1:].strip()  # a run-in heading: "总体目标：…"
    if 0 <= i < len(text) - 1:
        return text[:i].strip(), text[i + 1:].strip()
    if i == len(text) - 1:
        return text[:i].strip(), ""
    return text.rstrip("；;，, ").strip(), ""


def has_lead_in(text: str) -> bool:
    """Does the paragraph start with a short sentence that can serve as its title?"""
    i = _first_stop(text.strip(), _ENDS)
    if i < 2 or i > 40:
        return False
    return len(text.strip()) - i - 1 >= 4


def is_bare_heading(text: str) -> bool:
    """A heading without a sentence of its own ("指导思想", "加强组织领导")."""
    text = text.strip()
    i = _first_stop(text, _ENDS)
    return len(text) <= 60 and (i == -1 or i == len(text) - 1)


def is_caption_text(text: str) -> bool:
    """A short heading line without any sentence punctuation ("“十三五”应急体系9个具体建设任务")."""
    text = text.strip()
    return 2 <= len(text) <= 30 and not re.search(r"[。；;，,：:！？!?、]", text) \
        and text[0] not in "（(〔[【" and not re.match(r"^\d{4}年\d{1,2}月\d{1,2}日$", text) \
        and not re.search(r"如下|制定|现将|现就|特此|通知|^为|^根据|^按照|^经", text)  # a preamble sentence
