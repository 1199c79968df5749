"""The columns of the exchange workbook, as one table.

Every letter, the print area, the validation ranges, the protection and the cell
addresses in the import report are derived from this table; nothing else names a column
letter. Each format version keeps its own table, so a workbook sent in an older format
still reads with the columns it was written with (``layout(version, keys)``).

A column is one of:

* ``locked``: the plan's cells (序号 … 完成时限), hashed per row at export;
* ``field``: an answer the recipient fills in (进展情况, 完成状态 …), unlocked;
* ``echo``: a hidden, locked copy of the row's token placed between answer columns, so a
  sort or a cut-and-paste of answers carries it along and the move is seen (format 2 on);
  under the sheet's protection the office program refuses such a move outright;
* ``key`` / ``upper_key``: the hidden task key, and the key of the task of the plan above
  it carries out (PlanDesk-to-PlanDesk returns).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class Column:
    key: str                # name in the metadata and in code: "status", "echo2" …
    header: str             # the header cell ("" for hidden columns)
    width: float
    locked: bool = True
    field: str = ""         # the progress field an answer column holds
    hidden: bool = False
    centred: bool = False

    @property
    def is_echo(self) -> bool:
        return self.key.startswith("echo")


LOCKED = [
    Column("number", "序号", 6, centred=True),
    Column("title", "重点任务", 16),
    Column("text", "具体内容", 34),
    Column("lead", "牵头单位", 13),
    Column("support", "配合单位", 15),
    Column("deadline", "完成时限", 13, centred=True),
]


def _answer(key: str, header: str, width: float, centred: bool = False,
            field: str = "") -> Column:
    return Column(key, header, width, locked=False, field=field or key, centred=centred)


def _echo(n: int) -> Column:
    return Column(f"echo{n}", "", 4, hidden=True)


V1 = LOCKED + [
    _answer("progress", "进展情况", 34, field="text"), _answer("status", "完成状态", 10, True),
    _answer("percent", "完成百分比", 10, True), _answer("note", "备注", 12),
    Column("key", "任务编码", 38, hidden=True),
]

# Format 2: two more answers, an echo between every two answer columns (any block of two
# or more answer columns holds one), the upper plan's key.
_ANSWERS_V2 = [_answer("progress", "进展情况", 34, field="text"), _answer("status", "完成状态", 10, True),
               _answer("percent", "完成百分比", 10, True), _answer("problems", "存在问题", 24),
               _answer("next_steps", "下一步工作计划", 24), _answer("note", "备注", 12)]
V2 = LOCKED + [c for i, a in enumerate(_ANSWERS_V2, 1)
               for c in ([a, _echo(i)] if i < len(_ANSWERS_V2) else [a])] + [
    Column("key", "任务编码", 38, hidden=True),
    Column("upper_key", "上级任务编码", 38, hidden=True),
]

BY_KEY = {c.key: c for c in V1 + V2}


class Layout:
    """A table of columns with what is derived from it (1-based column numbers)."""

    def __init__(self, columns: list[Column]):
        self.columns = list(columns)
        self.index = {c.key: i for i, c in enumerate(self.columns, 1)}

    @classmethod
    def from_keys(cls, keys: list[str]) -> Layout:
        """The layout a workbook says it was written with (KeyError on an unknown key)."""
        return cls([BY_KEY[k] for k in keys])

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def letter(self, key: str) -> str:
        return self.letters[key]

    @cached_property
    def letters(self) -> dict[str, str]:
        """Column letter by key (a return's every cell address is made from these)."""
        return {key: get_column_letter(i) for key, i in self.index.items()}

    def has(self, key: str) -> bool:
        return key in self.index

    @cached_property
    def headers(self) -> list[str]:
        """The header row as written: hidden columns keep their (empty) header."""
        return [c.header for c in self.columns]

    @cached_property
    def locked_keys(self) -> list[str]:
        return [c.key for c in self.columns
                if c.locked and not c.hidden and not c.field]

    @cached_property
    def answers(self) -> list[Column]:
        return [c for c in self.columns if c.field]

    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.answers)

    @cached_property
    def echoes(self) -> list[Column]:
        return [c for c in self.columns if c.is_echo]

    @property
    def width(self) -> int:
        return len(self.columns)

    @cached_property
    def widths(self) -> list[float]:
        return [c.width for c in self.columns]

    @cached_property
    def answer_span(self) -> tuple[str, str]:
        """First and last letter of the block of answer columns (echoes inside it)."""
        numbers = [self.index[c.key] for c in self.answers]
        return get_column_letter(min(numbers)), get_column_letter(max(numbers))

    @cached_property
    def last_visible(self) -> str:
        """The last column a person sees and prints."""
        return get_column_letter(max(i for i, c in enumerate(self.columns, 1) if not c.hidden))

    @cached_property
    def field_keys(self) -> dict[str, str]:
        """The key of the column holding each answer field."""
        return {c.field: c.key for c in self.answers}

    def field_letter(self, field: str) -> str:
        return self.letter(self.field_keys[field])


LAYOUTS = {1: Layout(V1), 2: Layout(V2)}
CURRENT = LAYOUTS[2]
