"""Turning built nodes into the plan dict's task entries.

For each node: take the responsibility annotations and deadline brackets out of its text,
read them (carrying the document's conventions along in document order), split the title
from the text, and find the deadline in running text and the targets. A responsibility
line of its own after the last of several measures that have none speaks for the item
above them ("1.完善预案体系" / "（1）…（4）…" / "（责任单位：…）").
"""

from __future__ import annotations

import re

from . import deadlines
from .errors import warn
from .responsibility import (LABEL_RE, Convention, empty_roles, has_roles, is_annotation,
                             merge_roles, parse_with_rejects)
from .sentences import split_title
from .targets import find_targets
from .tree import Node

_PERSON = re.compile(r"(?:责任领导|牵头领导|分管领导|责任人|联系人|牵头负责领导|牵头[市区县]领导|分管负责领导"
                     r"|联系领导|包保领导)[:：]\s*[^；;，,。）)]+")
_OPEN = {"（": "）", "(": ")", "〔": "〕", "[": "]", "【": "】", "［": "］"}
_CLOSE = {v: k for k, v in _OPEN.items()}


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
        for line, text in node.paras:
            clean, found, bracket_deadline = take_annotations(text)
            annotations.extend((line, a) for a in found)
            in_text = in_text or bool(found)
            deadline = deadline or bracket_deadline
            texts.append(clean)
        title, rest = split_title(texts[0] if texts else "")
        body = "\n".join(t for t in [rest] + texts[1:] if t)
        roles = empty_roles()
        if annotations:
            # read together: "牵头单位：A" on one line makes "责任单位：B" on the next support
            merge_roles(roles, self.read("；".join(a for _, a in annotations), annotations[0][0]))
            for _, annotation in annotations:
                deadline = deadline or deadline_in_annotation(annotation)
        people = [m.group(0) for _, a in annotations for m in _PERSON.finditer(a)]
        if people:  # a person is no department, but the clerk wants to see the name
            body = "\n".join([body] + people) if body else "\n".join(people)
        full = f"{title}。{body}" if body else title
        deadline = deadline or deadlines.in_clauses(full)
        task = {
            "level": level,
            "label_style": node.label_style,
            "source_label": node.source_label,
            "title": title,
            "text": body,
            "deadline": {"text": deadline} if deadline else None,
            "roles": roles,
            "targets": find_targets(full),
            "line": node.line,
            "end": max([node.line] + [ln for ln, _ in node.paras] + [ln for ln, _ in annotations]),
            "children": self.tasks(node.children, level + 1),
        }
        if node.annotations and not in_text and node.column is None:
            self._from_line.add(id(task))
        self._lift_closing_annotation(node, task)
        self.finished[id(node)] = task
        return task

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

    def read(self, annotation: str, line: int) -> dict:
        """Roles of one annotation; conventions it states are kept for what follows."""
        before = self.convention
        roles, self.convention, rejected = parse_with_rejects(annotation, before)
        for unit in self.convention.omitted_units:
            if unit not in before.omitted_units:
                warn(self.warnings, line, "importer.omitted_unit", unit=unit)
        for piece in rejected:
            if not deadlines.whole_deadline(piece) and not deadlines.LABEL.search(piece):
                warn(self.warnings, line, "importer.not_a_unit", text=piece[:40])
        return roles


def deadline_in_annotation(text: str) -> str | None:
    text = text.strip().strip("（）()〔〕[]【】［］")
    m = deadlines.LABEL.search(text)
    if m:
        value = re.split(r"[；;。]|(?:牵头|配合|责任|协办)(?:单位|部门)[:：]", text[m.end():])[0]
        value = value.strip(" ，,）)")
        if value:
            return value
    for clause in re.split(r"[，,；;。]", text):
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
        content = body[start + 1:-1]
        bracket_deadline = deadlines.whole_deadline(content)
        if bracket_deadline and not (body[start - 1:start] in ("。", "；", "）", "〕", "")
                                     or re.search(r"前|底|完成|长期|持续|每", content)):
            bracket_deadline = None  # "全覆盖（2022—2025年）" is a period in passing, not a deadline
        if bracket_deadline:
            deadline = deadline or bracket_deadline
        elif is_annotation(content, at_end=True):
            found.insert(0, content)
        else:
            break
        text = body[:start].rstrip() + tail
    # annotations in the middle: "1.…。（A牵头）2.…。（B负责）"
    for start, end in reversed(list(_bracket_groups(text))):
        content = text[start + 1:end]
        if is_annotation(content, at_end=False):
            found.insert(0, content)
            text = text[:start] + text[end + 1:]
    text = re.sub(r"。{2,}", "。", text).strip()
    if text in ("。", "；"):
        text = ""
    return text, found, deadline


def _inline_label(text: str) -> int | None:
    """Where "牵头单位：…" / "完成时限：…" starts after a sentence, or None."""
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
    for i in range(len(body) - 1, -1, -1):
        if body[i] == closing:
            depth += 1
        elif body[i] == opening:
            depth -= 1
            if depth == 0:
                return i
    return None


def _bracket_groups(text: str):
    """(start, end) of each top-level bracket group."""
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
