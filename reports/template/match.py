"""Match each data row of a template to the task it reports on.

By key first: a workbook PlanDesk wrote carries each task's key, so no row is matched by
text. Otherwise by label and text: labels are compared by their number only (``1.`` =
``1`` = ``（一）``), texts after normalising (full-width forms, spaces, punctuation and the
label itself dropped), by character-pair similarity with the task's title and with its
title and text. A match is *sure* when the text is the same or clearly the most similar
(and the label, where given, agrees); *uncertain* ones are shown for the clerk to
confirm, with the best candidates.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from models.hanzi_fold import fold
from models.similar import PUNCT as _PUNCT, pairs as _pairs, plain, similarity

from ..importer.labels import cn_to_int, parse_label

SURE, MAYBE = 0.82, 0.4


def label_number(text: str) -> int | None:
    """The number a label says: 1 for '1', '1.', '（一）', '一、', '①'."""
    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        return None
    core = s.strip("()（）.、．[]【】 ")
    if core.isdigit():
        return int(core)
    n = cn_to_int(core)
    if n:
        return n
    label = parse_label(s)
    return label.number if label else None


def normalise_text(text: str) -> str:
    s = fold(unicodedata.normalize("NFKC", text or "")).strip()  # a 繁體 row matches its task
    label = parse_label(s)
    if label and label.number is not None and not label.ambiguous:
        s = label.rest
    return _PUNCT.sub("", s)


@dataclass
class TaskText:
    uuid: str
    number: int | None
    title: str          # normalised
    full: str           # normalised title + text
    parent: str         # normalised parent title


def task_texts(plan: dict) -> list[TaskText]:
    """The tasks of a plan in the dump shape, as matching sees them."""
    out: list[TaskText] = []

    def walk(tasks, parent):
        for t in tasks:
            title = normalise_text(t["title"])
            out.append(TaskText(t["uuid"], label_number(t["number"]), title,
                                title + plain(t["text"]),
                                parent))
            walk(t["children"], title)

    walk(plan["tasks"], "")
    return out


def _score(row_text: str, row_label, context: str, t: TaskText) -> float:
    s = max(similarity(row_text, t.title), similarity(row_text, t.full))
    if len(t.title) >= 4 and (row_text.startswith(t.title) or t.full.startswith(row_text)):
        s = max(s, 0.9)
    if row_label is not None and t.number is not None:
        s += 0.08 if row_label == t.number else -0.08
    if context and t.parent and (t.parent in context or context in t.parent):
        s += 0.05
    return min(s, 1.0)


def match_rows(rows: list[dict], plan: dict) -> None:
    """Set ``task``, ``match`` (key / text / similar / uncertain / none), ``score`` and
    ``candidates`` on each row of a reading, in place."""
    tasks = task_texts(plan)
    by_uuid = {t.uuid: t for t in tasks}
    by_title: dict[str, list[TaskText]] = {}
    index: dict[str, set[int]] = {}
    for i, t in enumerate(tasks):
        by_title.setdefault(t.title, []).append(t)
        by_title.setdefault(t.full, []).append(t)
        for p in _pairs(t.title[:40]):
            index.setdefault(p, set()).add(i)
    for row in rows:
        row.update(task=None, match="none", score=0.0, candidates=[])
        keys = [(row.get(k) or "").strip() for k in ("key", "upper_key")]
        key = next((k for k in keys if k in by_uuid), None)
        if key:   # the plan's own key, or the key of the plan above that a task carries
            row.update(task=key, match="key", score=1.0)
            continue
        text = normalise_text(row.get("text", ""))
        label = label_number(row.get("label", "")) if row.get("label") else \
            label_number(row.get("text", "")[:6])
        exact = list({t.uuid: t for t in by_title.get(text, ())}.values())
        if len(exact) == 1:
            row.update(task=exact[0].uuid, match="text", score=1.0)
            continue
        found: dict[int, int] = {}
        for p in _pairs(text[:60]):
            for i in index.get(p, ()):
                found[i] = found.get(i, 0) + 1
        best = sorted(found, key=found.__getitem__, reverse=True)[:40]
        if exact:   # the same text twice in the plan: the label and the context decide
            best = [tasks.index(t) for t in exact]
        scored = sorted(((_score(text, label, normalise_text(row.get("context", "")), tasks[i]),
                          tasks[i].uuid) for i in best), reverse=True)
        if not scored:
            continue
        top, uuid = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        row["candidates"] = [u for _, u in scored[:3]]
        row["score"] = round(top, 3)
        if top >= SURE and top - second >= 0.1:
            row.update(task=uuid, match="similar")
        elif top >= MAYBE:
            row.update(task=uuid, match="uncertain")
