"""When departments report differently on one task: 意见不一致, and which report counts.

Several departments may report on one task (the lead and its supporting units, or
several responsible ones). When their reports differ in status or percent the task is
in disagreement — a state of its own, shown with each department's answer — and one
report speaks for it by a stated rule:

1. the lead department's report (牵头单位; the first listed lead that reported);
2. else the report for the task as a whole (a whole-plan return);
3. else the least advanced report (完成状态 first, then 完成百分比), so a task never
   looks further along than its slowest department says.

Works on any objects with ``department``, ``status`` and ``percent`` attributes or keys.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..entities import STATUS_LABELS
from ..messages import Message, msg

_RANK = {"": -1, "not_started": 0, "in_progress": 1, "done": 2}

BASES = ("only", "lead", "whole", "least")   # how the chosen report was chosen


def _get(r, name: str):
    return r.get(name) if isinstance(r, dict) else getattr(r, name)


def _percent(r) -> float | None:
    p = _get(r, "percent")
    if _get(r, "status") == "done" and p is None:
        return 100.0
    return None if p is None else float(p)


def answer(r) -> tuple:
    """What a report says, as compared: (status, percent)."""
    return (_get(r, "status") or "", _percent(r))


def disagree(reports) -> bool:
    """The departments' reports differ in status or percent (empty reports ignored)."""
    said = {answer(r) for r in reports if _get(r, "status") or _get(r, "percent") is not None}
    return len(said) > 1


def advance(r) -> tuple:
    p = _percent(r)
    return (_RANK.get(_get(r, "status") or "", -1), -1.0 if p is None else p)


@dataclass(frozen=True)
class Choice:
    report: object
    basis: str          # one of BASES
    department: str     # whose report it is ("" for the task as a whole)
    disagree: bool


def choose(reports: list, lead: tuple = (), latest=None) -> Choice:
    """The report that speaks for a task, and why. ``latest(items)`` breaks ties among one
    department's reports (default: the last given)."""
    latest = latest or (lambda items: items[-1])
    if len(reports) == 1:
        r = reports[0]
        return Choice(r, "only", _get(r, "department") or "", False)
    split = disagree(reports)
    for name in lead:
        mine = [r for r in reports if _get(r, "department") == name]
        if mine:
            return Choice(latest(mine), "lead", name, split)
    whole = [r for r in reports if not _get(r, "department")]
    if whole:
        return Choice(latest(whole), "whole", "", split)
    slowest = min(reports, key=advance)
    return Choice(slowest, "least", _get(slowest, "department") or "", split)


def basis_message(choice: Choice) -> Message | None:
    """Which report the light rests on, for the clerk (None when only one reported)."""
    if choice.basis == "lead":
        return msg("status.basis_lead", department=choice.department)
    if choice.basis == "whole":
        return msg("status.basis_whole")
    if choice.basis == "least":
        return msg("status.basis_least", department=choice.department)
    return None


def basis_text(choice: Choice) -> str:
    """``basis_message`` in Chinese, for the 汇总 workbook ("" when only one reported)."""
    basis = basis_message(choice)
    return basis.render("zh") if basis else ""


def answers_text(answers) -> str:
    """“区市场监管局：已完成 100%；区财政局：推进中 30%” from (department, status, percent)."""
    out = []
    for department, status, percent in answers:
        line = f"{department or '全表报送'}：{STATUS_LABELS.get(status or '', '未填报')}"
        out.append(line + ("" if percent is None else f" {percent:g}%"))
    return "；".join(out)
