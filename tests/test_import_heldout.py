"""A held-out-style set: plans in other real styles with hand-written expected outlines.

Each ``tests/data/import/*.expected.json`` lists the tasks a clerk expects, in document
order, as ``[level, title, {role: [units]}, deadline]`` (roles and deadline optional), and
a few plan fields. We measure what the issue measures on unseen documents: the share of
tasks found at the right level and the F1 of (task, role, unit) triples — each document at
least 0.9, the whole set together at least 0.95 (the issue's goal).

``tests/data/import/heldout/`` holds documents made up in the form of real plans found
later (each ``what`` names the published document whose form it copies; their text is not
copied), measured once before the importer was changed for them; an optional ``people``
gives the leaders a task must carry (not departments).

``tests/data/import/real/`` holds published plans as found on web pages (their first line
is a ``#`` comment naming the source; it is not part of the document and is dropped before
parsing). Their outlines were written by reading the text, not from the importer's output;
a title there may be given by its first characters only.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reports.importer import parse_file, parse_text

DATA = Path(__file__).parent / "data" / "import"
REAL = DATA / "real"
HELDOUT = DATA / "heldout"
CASES = (sorted(DATA.glob("*.expected.json")) + sorted(REAL.glob("*.expected.json"))
         + sorted(HELDOUT.glob("*.expected.json")))
ROLES = ("lead", "support", "responsible", "guide")


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def key(title: str) -> str:
    return re.sub(r"[\s，。、；：“”\"（）()]", "", title)


def same_title(parsed: str, expected: str) -> bool:
    """The parsed title is the expected one, or starts with it (a title given by its first
    characters, at least 4 of them)."""
    got, want = key(parsed), key(expected)
    return got == want or (len(want) >= 4 and got.startswith(want))


def align(expected: list, parsed: list) -> list:
    """Pair each expected task with the parsed task of the same title, in order."""
    pairs, start = [], 0
    for row in expected:
        match = None
        for i in range(start, len(parsed)):
            if same_title(parsed[i]["title"], row[1]):
                match, start = parsed[i], i + 1
                break
        pairs.append((row, match))
    return pairs


def load(case: Path) -> tuple[dict, dict]:
    """Parse the document an expected outline describes (a real/ file without its comment)."""
    spec = json.loads(case.read_text(encoding="utf-8"))
    path = case.parent / spec["file"]
    if case.parent == REAL:
        text = path.read_text(encoding="utf-8")
        if text.startswith("#"):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        return spec, parse_text(text, spec["file"])
    return spec, parse_file(path)


def triples(index: int, roles: dict) -> set:
    return {(index, role, unit) for role in ROLES for unit in roles.get(role, [])}


def counts(case: Path):
    """(spec, plan, pairs, tasks at the right level, true, found, wanted role triples)."""
    spec, plan = load(case)
    parsed = list(flat(plan["tasks"]))
    pairs = align(spec["tasks"], parsed)
    right_level = sum(1 for row, got in pairs if got is not None and got["level"] == row[0])
    want, have = set(), set()
    matched = set()
    for i, (row, got) in enumerate(pairs):
        want |= triples(i, row[2] if len(row) > 2 else {})
        if got is not None:
            have |= triples(i, got["roles"])
            matched.add(id(got))
    for j, extra in enumerate(t for t in parsed if id(t) not in matched):  # roles on unexpected tasks
        have |= triples(10_000 + j, extra["roles"])
    return spec, plan, pairs, right_level, len(want & have), len(have), len(want)


def f1_of(true: int, found: int, wanted: int) -> float:
    precision = true / found if found else 1.0
    recall = true / wanted if wanted else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(case: Path):
    spec, plan, pairs, right_level, true, found, wanted = counts(case)
    return spec, plan, pairs, right_level / len(spec["tasks"]), f1_of(true, found, wanted)


@pytest.mark.parametrize("case", CASES, ids=[c.name.split(".")[0] for c in CASES])
def test_each_plan_meets_the_bar(case):
    spec, plan, pairs, level_accuracy, f1 = score(case)
    missing = [row[1] for row, got in pairs if got is None]
    assert level_accuracy >= 0.9, f"levels {level_accuracy:.2f}; not found: {missing}"
    assert f1 >= 0.9, f"role F1 {f1:.2f}"
    for field, value in spec["plan"].items():
        got = plan["head"]["date"] if field == "date" else plan[field]
        assert got == value, field
    for row, got in pairs:
        if len(row) > 3 and got is not None:
            assert (got["deadline"] or {}).get("text") == row[3], row[1]
    for title, people in spec.get("people", {}).items():
        got = next(t for t in flat(plan["tasks"]) if same_title(t["title"], title))
        assert got["people"] == people, title


def test_the_whole_set_meets_the_goal():
    """The issue's measure over every document together: at least 95% of tasks at the
    right level, and role F1 at least 0.95 over all (task, role, unit) triples."""
    assert len(CASES) >= 20
    tasks = right = true = found = wanted = 0
    for case in CASES:
        spec, _, _, right_level, t, f, w = counts(case)
        tasks += len(spec["tasks"])
        right += right_level
        true, found, wanted = true + t, found + f, wanted + w
    assert right / tasks >= 0.95, f"level accuracy {right / tasks:.3f}"
    assert f1_of(true, found, wanted) >= 0.95, f"role F1 {f1_of(true, found, wanted):.3f}"


def test_the_published_plans_meet_the_bar():
    """The documents of tests/data/import/real/ (published plans as found), on their own."""
    real = [case for case in CASES if case.parent == REAL]
    assert len(real) >= 19
    total = right = 0
    for case in real:
        spec, _, _, accuracy, f1 = score(case)
        total += len(spec["tasks"])
        right += accuracy * len(spec["tasks"])
        assert f1 >= 0.9, case.name
    assert right / total >= 0.95
