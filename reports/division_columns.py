"""Which columns a 分工表 prints: one choice for the Word table and the workbook.

Both print the same columns under the same headers, in this order: 序号, 重点任务, 具体内容,
one column per department role (牵头单位, 配合单位, 责任单位, 指导单位), 责任领导, one per
处室 role (牵头处室, 配合处室…), 完成时限 and 备注 (the scope, 适用范围).  Beyond 序号 and
重点任务 a column is printed only when some row of the table fills it: a column nobody is
named in reads as unfinished work.  Each printer says what a row of its own shows in a
column (the Word rows carry what a heading names down to its tasks; the workbook prints
every task as written); the choice is made here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from models.entities import ROLES
from models.mentions import DIVISION_NOUNS, PEOPLE_WORD, division_words

ROLE_KEYS = ROLES                                   # lead, support, responsible, guide
DIVISION_KEYS = tuple(f"division_{r}" for r in ROLES)
ORDER = ("seq", "task", "content", *ROLE_KEYS, "people", *DIVISION_KEYS, "deadline", "remarks")


def headers(noun: str | None = None) -> dict[str, str]:
    """key -> header; the 处室 columns under the plan's own word (``noun``: 牵头股室…)."""
    words = division_words(noun)
    return {
        "seq": "序号", "task": "重点任务", "content": "具体内容",
        "lead": "牵头单位", "support": "配合单位", "responsible": "责任单位", "guide": "指导单位",
        "people": PEOPLE_WORD, **{f"division_{r}": words[r] for r in ROLES},
        "deadline": "完成时限", "remarks": "备注",
    }


HEADERS = headers()
# every header a column spec may name, whatever a plan calls its divisions
KEY_OF_HEADER = {label: key for noun in DIVISION_NOUNS for key, label in headers(noun).items()}


def plan_noun(plan: dict) -> str | None:
    """What the plan (a dump dict) calls its internal divisions, when it said."""
    return plan.get("division_word") or (plan.get("settings") or {}).get("division_word")
ALWAYS = ("seq", "task")    # a table without them is no 分工表

Row = TypeVar("Row")


def filled_columns(rows: Iterable[Row], text_of: Callable[[Row, str], str]) -> set[str]:
    """The column keys some row shows text in; ``text_of(row, key)`` is the cell's text."""
    pending = [k for k in ORDER if k not in ALWAYS]
    filled: set[str] = set()
    for row in rows:        # a key once found is not asked again: a 20,000-row table is quick
        found = [k for k in pending if (text_of(row, k) or "").strip()]
        if found:
            filled.update(found)
            pending = [k for k in pending if k not in filled]
            if not pending:
                break
    return filled


def chosen_columns(rows: Iterable[Row], text_of: Callable[[Row, str], str]) -> list[str]:
    """The column keys to print, in the table's order: 序号, 重点任务 and what some row fills."""
    filled = filled_columns(rows, text_of)
    return [k for k in ORDER if k in ALWAYS or k in filled]
