"""Plain records read from the workspace. Names follow the glossary."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

ROLES = ("lead", "support", "responsible", "guide")
ROLE_LABELS = {"lead": "牵头", "support": "配合", "responsible": "负责", "guide": "指导"}
STATUSES = ("not_started", "in_progress", "done")
STATUS_LABELS = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成"}
PLAN_KINDS = ("work_points", "action_plan", "work_plan", "implementation_plan",
              "division_table", "other")
PLAN_KIND_LABELS = {"work_points": "工作要点", "action_plan": "行动方案", "work_plan": "工作方案",
                    "implementation_plan": "实施方案", "division_table": "重点任务分工表",
                    "other": "其他"}


def short_title(title: str, n: int = 16) -> str:
    """A title cut for menu labels such as “撤销 修改任务“…””."""
    title = (title or "").strip() or "未命名"
    return title if len(title) <= n else title[:n] + "…"


@dataclass
class Plan:
    id: int
    uuid: str
    position: int
    title: str
    kind: str
    issuer: str
    doc_number: str
    year: int | None
    period: str
    parent_uuid: str | None
    source_file: str
    preamble: str
    head: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    settings: dict = field(default_factory=dict)
    created: str = ""
    attachments: list = field(default_factory=list)  # what the document holds besides tasks

    @classmethod
    def from_row(cls, row) -> Plan:
        d = dict(row)
        for key, empty in (("head", "{}"), ("warnings", "[]"), ("settings", "{}"),
                           ("attachments", "[]")):
            d[key] = json.loads(d.get(key) or empty)
        return cls(**d)


@dataclass
class Task:
    id: int
    uuid: str
    plan_id: int
    parent_id: int | None
    position: int
    title: str
    text: str
    label_style: str
    deadline_text: str
    deadline_date: str | None
    deadline_kind: str
    status: str
    implements: str | None
    source_line: int | None
    source_label: str = ""            # the label the task had in the document ("（二十）", "8.")
    source_page: int | None = None    # where it came from, for the clerk to check
    source_paragraph: int | None = None

    @classmethod
    def from_row(cls, row) -> Task:
        return cls(**dict(row))


@dataclass
class Department:
    id: int
    uuid: str
    name: str
    short_name: str
    kind: str
    is_new: int
    position: int
    aliases: list = field(default_factory=list)

    @classmethod
    def from_row(cls, row, aliases=()) -> Department:
        return cls(**dict(row), aliases=list(aliases))


@dataclass
class Assignment:
    task_id: int
    department_id: int
    role: str
    position: int
    department: str = ""


@dataclass
class Round:
    id: int
    uuid: str
    plan_id: int
    name: str
    start_date: str | None
    end_date: str | None
    closed: int
    position: int
    due_date: str | None = None     # 报送截止日期 (m007)

    @classmethod
    def from_row(cls, row) -> Round:
        return cls(**dict(row))


@dataclass(frozen=True)
class Change:
    """What an operation, an undo or a redo changed: views decide whether to refresh.

    ``rows`` maps each table to the ids of the rows written (inserted, updated or
    deleted), so a view of 10,000 tasks can update just those.
    """
    label: str
    tables: frozenset
    kind: str = "do"   # do / undo / redo
    rows: dict = field(default_factory=dict)
