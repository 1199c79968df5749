"""Turning built nodes into the plan dict's task entries.

For each node: take the responsibility annotations and deadline brackets out of its text,
read them (carrying the document's conventions along in document order), split the title
from the text, and find the deadline in running text and the targets. A responsibility
line of its own after the last of several measures that have none speaks for the item
above them ("1.完善预案体系" / "（1）…（4）…" / "（责任单位：…）").
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.deadline import date_problem as _date_problem

from . import deadlines
from .errors import warn
from .responsibility import (LABEL_RE, ROLES, Convention, Reading, empty_roles, has_roles,
                             heading_role, is_annotation, read)
from .sentences import split_title
from .units import VERB_RE, split_units
from .targets import find_targets
from .tree import Node

_OPEN = {"（": "）", "(": ")", "〔": "〕", "[": "]", "【": "】", "［": "］"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_OPENING = re.compile("[" + re.escape("".join(_OPEN)) + "]")


class Finisher:
    """Finishes nodes in document order; holds the convention and the plan's warnings."""

    def __init__(self, warnings: list, convention: Convention | None = None):
        self.warnings = warnings
        self.convention = convention or Convention()
        self.finished: dict[int, dict] = {}  # id(node) -> its task dict
        self._from_line: set[int] = set()  # tasks whose roles came only from a line of their own

    def tasks(self, nodes: list[Node], level: int = 1) -> list[dict]:
        return [self.task(node, level) for node in nodes]

    def task(self, node: Node, level: int) -> dict:
        annotations = list(node.annotations)
        deadline = None
        texts = []
        in_text = False
        for line, text in join_open_brackets(node.paras):
            clean, found, bracket_deadline = take_annotations(text)
            annotations.extend((line, a) for a in found)
            in_text = in_text or bool(found)
            deadline = deadline or bracket_deadline
            texts.append(clean)
        title, rest = split_title(texts[0] if texts else "")
        body = "\n".join(t for t in [rest] + texts[1:] if t)
        reading = None
        if annotations:
            # read together: "牵头单位：A" on one line makes "责任单位：B" on the next support
            reading = self.read("；".join(a for _, a in annotations), annotations[0][0])
            # a fresh copy that already gives each unit one role (merging it into empty
            # roles would change nothing)
            roles = reading.roles
            for _, annotation in annotations:
                deadline = deadline or deadline_in_annotation(annotation)
        else:
            roles = empty_roles()
        full = f"{title}。{body}" if body else title
        deadline = deadline or deadlines.in_clauses(full)
        problem = date_problem(deadline) if deadline else None
        if problem:
            warn(self.warnings, node.line, "importer.deadline_bad_date", text=deadline,
                 reason=problem)
        task = {
            "level": level,
            "label_style": node.label_style,
            "source_label": node.source_label,
            "title": title,
            "text": body,
            "deadline": {"text": deadline} if deadline else None,
            "roles": roles,
            # people, scopes, internal divisions: no departments, stored beside the roles
            "people": list(reading.people) if reading else [],
            "scopes": list(reading.scopes) if reading else [],
            "divisions": dict(reading.divisions) if reading else {},
            "targets": find_targets(full),
            "line": node.line,
            "end": max([node.line] + [ln for ln, _ in node.paras] + [ln for ln, _ in annotations]),
            "children": self.tasks(node.children, level + 1),
        }
        if node.annotations and not in_text and node.column is None:
            self._from_line.add(id(task))
        self._heading_gives_role(task)
        self._lift_closing_annotation(node, task)
        self.finished[id(node)] = task
        return task

    @staticmethod
    def _heading_gives_role(task: dict) -> None:
        """"一、县示范区管委会牵头工作（8项）": the unit the heading names leads every task
        under it that names no department itself; a person it names ("王丹县长牵头重点
        工作") is kept on the heading."""
        if has_roles(task["roles"]) or not task["children"]:
            return
        found = heading_role(task["title"])
        if found is None:
            return
        who, role = found
        if role is None:
            task["people"] = task["people"] + [who] if who not in task["people"] else task["people"]
            return
        stack = list(task["children"])
        while stack:
            child = stack.pop()
            if not has_roles(child["roles"]):
                child["roles"][role] = [who]
            stack.extend(child["children"])

    def _lift_closing_annotation(self, node: Node, task: dict) -> None:
        """"1.完善应急预案体系" / "（1）…" … "（4）…" / "（责任单位：…）": one responsibility line
        after the last of several measures, none of which has units of its own, speaks for
        the item above them all, not for the last measure."""
        kids = task["children"]
        if node.column is not None or len(kids) < 2 or has_roles(task["roles"]):
            return
        last = kids[-1]
        if (id(last) not in self._from_line or last["children"]
                or any(has_roles(k["roles"]) for k in kids[:-1])
                or len({k["label_style"] for k in kids}) != 1):
            return
        task["roles"], last["roles"] = last["roles"], empty_roles()
        if task["deadline"] is None and last["deadline"] is not None:
            task["deadline"], last["deadline"] = last["deadline"], None

    def read(self, annotation: str, line: int) -> Reading:
        """What one annotation says; conventions it states are kept for what follows."""
        before = self.convention
        reading = read(annotation, before)
        self.convention = reading.convention
        for unit in self.convention.omitted_units:
            if unit not in before.omitted_units:
                warn(self.warnings, line, "importer.omitted_unit", unit=unit)
        placed = [u for r in ROLES for u in reading.roles[r]]
        for piece in reading.rejected:
            if deadlines.whole_deadline(piece) or deadlines.LABEL.search(piece):
                continue
            if placed:
                warn(self.warnings, line, "importer.units_unplaced", text=annotation[:60],
                     units=placed, rest=piece[:40])
            else:
                warn(self.warnings, line, "importer.not_a_unit", text=piece[:40])
        for unit in reading.run_together:
            warn(self.warnings, line, "importer.run_together", unit=unit)
        return reading


@lru_cache(maxsize=4096)
def date_problem(text: str) -> str | None:
    return _date_problem(text)   # a plan repeats the same few deadlines


_LABEL_VALUE_END = re.compile(r"[；;。]|(?:牵头|配合|责任|协办)(?:单位|部门)[:：]")
_CLAUSE_END = re.compile(r"[，,；;。]")


@lru_cache(maxsize=4096)
def deadline_in_annotation(text: str) -> str | None:
    text = text.strip().strip("（）()〔〕[]【】［］")
    m = deadlines.LABEL.search(text)
    if m:
        value = _LABEL_VALUE_END.split(text[m.end():], 1)[0]
        value = value.strip(" ，,）)")
        if value:
            return value
    for clause in _CLAUSE_END.split(text):
        found = deadlines.whole_deadline(clause)
        if found:
            return found
    return None


def take_annotations(text: str) -> tuple[str, list[str], str | None]:
    """(text without annotations, annotations found, deadline found in a bracket)."""
    found: list[str] = []
    deadline = None
    cut = _inline_label(text)
    if cut is not None:
        found.append(text[cut:])
        text = text[:cut].rstrip(" ，,；;")
    # brackets at the end: "…水平。（责任单位：A、B）", "…（A牵头）（2023年底前）。"
    while True:
        body = text.rstrip()
        stripped = ""
        while body and body[-1] in "。；;，, ":
            stripped, body = body[-1] + stripped, body[:-1]
        tail = "。" if "。" in stripped else ("；" if "；" in stripped else "")
        if not body or body[-1] not in _CLOSE:
            break
        start = _matching_open(body)
        if start is None:
            break
        outer = _unclosed_before(body, start)
        if outer is not None and is_annotation(body[outer + 1:-1], at_end=True):
            start = outer  # "（A、B（C负责）": a stray bracket inside the annotation
        content = body[start + 1:-1]
        bracket_deadline = deadlines.whole_deadline(content)
        if bracket_deadline and not (body[start - 1:start] in ("。", "；", "）", "〕", "")
                                     or _BY_WORD.search(content)):
            bracket_deadline = None  # "全覆盖（2022—2025年）" is a period in passing, not a deadline
        if bracket_deadline:
            deadline = deadline or bracket_deadline
        elif is_annotation(content, at_end=True) and (
                body[start - 1:start] in _AFTER_SENTENCE or not _short_bare_list(content)):
            found.insert(0, content)
        else:
            break  # "地面泵（机组）": a bracket that belongs to the name before it
        text = body[:start].rstrip() + tail
    # annotations in the middle: "1.…。（A牵头）2.…。（B负责）"
    for start, end in reversed(list(_bracket_groups(text))):
        content = text[start + 1:end]
        if is_annotation(content, at_end=False):
            found.insert(0, content)
            text = text[:start] + text[end + 1:]
    if "。。" in text:
        text = _STOPS.sub("。", text)
    text = text.strip()
    if text in ("。", "；"):
        text = ""
    return text, found, deadline


_BY_WORD = re.compile(r"前|底|完成|长期|持续|每")
_STOPS = re.compile(r"。{2,}")
_AFTER_SENTENCE = ("", "。", "；", "）", "〕", "，", " ", "\n")


def _short_bare_list(content: str) -> bool:
    """A bracket of bare names with one shorter than 3 characters ("机组", "泵站"): part of
    the item's name rather than its responsible units, unless a sentence ended before it."""
    if VERB_RE.search(content) or LABEL_RE.search(content):
        return False
    return any(len(name) < 3 for name in split_units(content))


def _unclosed_before(body: str, start: int) -> int | None:
    """Where a bracket opened before ``start`` and never closed begins, if one does."""
    if _OPENING.search(body, 0, start) is None:
        return None  # nothing opened before (the usual case, fastest)
    if sum(body.count(o, 0, start) for o in _OPEN) <= sum(body.count(c, 0, start) for c in _CLOSE):
        return None  # as many closed as opened: nothing left open (the usual case, fast)
    stack: list[int] = []
    for i, ch in enumerate(body[:start]):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            stack.pop()
    return stack[-1] if stack else None


def join_open_brackets(paras: list) -> list:
    """Paragraphs broken inside a bracket ("…（牵头部" / "门：市交通委）", a page or line
    break in a PDF) are one paragraph again."""
    out: list = []
    for line, text in paras:
        if out and _open_at_end(out[-1][1]):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((line, text))
    return out


def _open_at_end(text: str) -> bool:
    """Does ``text`` end inside a bracket opened in its last 40 characters?"""
    if _OPENING.search(text, max(0, len(text) - 40)) is None:
        return False
    stack = _unclosed_before(text, len(text))
    return stack is not None and len(text) - stack <= 40


def _inline_label(text: str) -> int | None:
    """Where "牵头单位：…" / "完成时限：…" starts after a sentence, or None."""
    if "：" not in text and ":" not in text:
        return None
    for m in LABEL_RE.finditer(text):
        if not m.group(0).rstrip().endswith(("：", ":")):
            continue
        p = m.start()
        if (p == 0 or text[p - 1] in "。；;，, ") and _depth(text, p) == 0:
            return p
    return None


def _depth(text: str, position: int) -> int:
    depth = 0
    for ch in text[:position]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return depth


def _matching_open(body: str) -> int | None:
    closing = body[-1]
    opening = _CLOSE[closing]
    depth = 0
    end = len(body)
    while True:     # the brackets of this kind from the end, found with rfind
        close_at, open_at = body.rfind(closing, 0, end), body.rfind(opening, 0, end)
        if close_at < 0 and open_at < 0:
            return None
        if close_at > open_at:
            depth += 1
            end = close_at
        else:
            depth -= 1
            end = open_at
            if depth == 0:
                return open_at


def _bracket_groups(text: str):
    """(start, end) of each top-level bracket group."""
    if _OPENING.search(text) is None:
        return
    depth, start, opening = 0, None, None
    for i, ch in enumerate(text):
        if depth == 0 and ch in _OPEN:
            depth, start, opening = 1, i, ch
        elif depth and ch == opening:
            depth += 1
        elif depth and ch == _OPEN[opening]:
            depth -= 1
            if depth == 0:
                yield start, i
