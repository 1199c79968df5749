"""Counts of a plan's traffic lights: overall, by lead department, by month due.

Only counted statuses (tracked, not headings) enter: each piece of work once. A task led
jointly by two departments counts once under each of them, so the department rows may
add up to more than the total.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import FLAGS, LIGHTS, TaskStatus

NO_DEPARTMENT = "（未明确牵头单位）"


@dataclass
class Summary:
    total: int = 0
    by_light: dict = field(default_factory=lambda: {k: 0 for k in LIGHTS})
    done: int = 0
    flags: dict = field(default_factory=lambda: {k: 0 for k in FLAGS})
    by_department: dict = field(default_factory=dict)   # name → {light: n}, worst first
    due_by_month: dict = field(default_factory=dict)    # "2025-06" → {light: n}, by month
    undated: int = 0                                     # ongoing / no deadline
    plan_title: str = ""
    round_name: str | None = None
    as_of: object = None

    @property
    def problems(self) -> int:
        return self.by_light["late"] + self.by_light["at_risk"]

    def sentence(self) -> str:
        """The summary paragraph's core, in the words of a progress report."""
        b, f = self.by_light, self.flags
        text = (f"纳入统计的任务共{self.total}项，其中已完成{self.done}项，"
                f"正常推进{b['on_track'] - self.done}项，存在风险{b['at_risk']}项，"
                f"滞后{b['late']}项")
        if f["overdue"]:
            text += f"（其中已逾期{f['overdue']}项）"
        if self.round_name and f["no_report"]:
            text += f"；本轮未报送{f['no_report']}项"
        return text + "。"


def summarize(statuses) -> Summary:
    out = Summary(plan_title=getattr(statuses, "plan_title", ""),
                  round_name=getattr(statuses, "round_name", None),
                  as_of=getattr(statuses, "as_of", None))
    departments: dict[str, dict] = {}
    months: dict[str, dict] = {}
    for s in statuses:
        if not s.counted:
            continue
        out.total += 1
        out.by_light[s.light] += 1
        for flag in s.flags:
            out.flags[flag] += 1
        if "done" in s.flags:
            out.done += 1
        for name in s.lead or (NO_DEPARTMENT,):
            row = departments.setdefault(name, {k: 0 for k in LIGHTS})
            row[s.light] += 1
        if s.deadline and s.deadline_kind in ("by", "recurring") and "ongoing" not in s.flags \
                and s.days_left is not None:
            row = months.setdefault(s.deadline[:7], {k: 0 for k in LIGHTS})
            row[s.light] += 1
        else:
            out.undated += 1
    out.by_department = dict(sorted(
        departments.items(), key=lambda kv: (-kv[1]["late"], -kv[1]["at_risk"],
                                             -sum(kv[1].values()), kv[0] == NO_DEPARTMENT)))
    out.due_by_month = dict(sorted(months.items()))
    return out


def problem_tasks(statuses, lights=("late", "at_risk")) -> list[TaskStatus]:
    """Counted tasks with the given lights: late ones first, each group in tree order."""
    rank = {k: i for i, k in enumerate(lights)}
    items = [s for s in statuses if s.counted and s.light in rank]
    return sorted(items, key=lambda s: rank[s.light])   # stable: keeps tree order


def department_tasks(statuses, department: str, lights=("late",)) -> list[TaskStatus]:
    """The counted tasks a department leads (or is responsible for) with the given lights."""
    return [s for s in problem_tasks(statuses, lights) if department in s.lead]
