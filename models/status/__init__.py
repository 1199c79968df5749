"""Status by the clock: the traffic light (红黄绿灯) of every task of a plan for a round.

The light is computed, never typed in (architecture.md). For each task:

* expected (序时进度): linear from the plan's start (1 January of the plan year, or the
  configured ``plan_start``) to the deadline, as of the round's last day (today while the
  round runs);
* reported: the latest report in the round or an earlier one — the lead department's
  report when several departments reported, else the task-level one, else the least
  advanced (``agreement``); when they differ the task is flagged ``disagree`` (意见不一致)
  with each department's answer and the rule used;
  a percent, else “已完成60%” in the text, else done=100 / not started=0 / in progress=
  ``in_progress_percent``;
* the light, by the deadline's kind:
  - ``by`` (2025年底前): done → green; deadline passed → red (overdue); reported below
    expected by more than ``late_gap`` → red, by more than ``at_risk_gap`` → yellow;
  - ``ongoing`` (长期坚持), sub-yearly recurring (每季度/每月) and tasks without a deadline
    are judged only on having a report: a report this round → green (yellow if it says
    未启动); none → yellow, red after ``ongoing_missing_rounds_late`` silent rounds;
  - yearly ``recurring`` (每年2月底前): the last occurrence (if within the plan) must
    have been reported done — a done report dated after the occurrence before it plus
    ``recurring_grace_days`` counts, so a report for 2025 never covers 2026 and a late
    completion still does — else red (overdue, deadline = that occurrence); after that
    the task is green until the next occurrence, yellow when that is due soon with no
    progress reported since; expected progress is not linear there and left empty;
    reports are dated by their round's last day (or now, while the round runs);
* flags: overdue, no_report (no report this round; makes a green task yellow when
  ``no_report_at_risk``), done, ongoing, recurring, due_soon, no_deadline.

A task with sub-tasks is a heading: its light is the worst of its sub-tasks' and it is
left out of all counts (its work is counted once, in its sub-tasks). Sub-tasks without a
deadline, departments or reports of their own take their nearest ancestor's (a report on a
heading speaks for the sub-tasks that have none). A task with none of these anywhere (a
“指导思想” paragraph) is not tracked: no light, not counted.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..messages import Message, language, msg

from .judge import FLAGS, Judge
from .load import PlanData, load_plan
from .rounds import as_of, current_round
from .rules import SETTINGS_KEY, rules_from_dict
from .schedule import to_date

__all__ = ["LIGHTS", "light_label", "LIGHT_COLOURS", "FLAGS", "flag_label", "TaskStatus",
           "StatusList", "worst", "evaluate_plan"]

LIGHTS = ("on_track", "at_risk", "late")
LIGHT_COLOURS = {"on_track": "绿", "at_risk": "黄", "late": "红"}   # 绿灯 in the reports


def light_label(light: str, lang: str | None = None) -> str:
    """正常推进 / on track: a light's name in ``lang`` (default: the UI's; reports pass "zh")."""
    return msg(f"status.light_{light}").render(lang) if light in LIGHTS else ""


def flag_label(flag: str, lang: str | None = None) -> str:
    """已逾期 / overdue: a flag's name in ``lang`` (default: the UI's)."""
    return msg(f"status.flag_{flag}").render(lang) if flag in FLAGS else ""
_RANK = {"": -1, "on_track": 0, "at_risk": 1, "late": 2}


@dataclass(slots=True)
class TaskStatus:
    task_uuid: str
    task_id: int
    parent_uuid: str | None
    number: str
    title: str
    level: int
    is_heading: bool
    tracked: bool
    light: str                   # one of LIGHTS, "" when not tracked
    flags: tuple = ()
    expected: float | None = None    # 序时进度, percent
    reported: float | None = None    # percent the light rests on
    reported_status: str = ""
    report_text: str = ""
    report_problems: str = ""        # 存在问题 of the report the light rests on
    report_next_steps: str = ""      # 下一步工作计划
    report_round: str = ""
    deadline: str | None = None      # ISO date judged against (a recurring task's occurrence)
    deadline_text: str = ""
    deadline_kind: str = ""
    days_left: int | None = None
    lead: tuple = ()                 # lead departments (responsible ones when no lead)
    support: tuple = ()
    path_number: str = ""            # the number with its ancestors': 三（一）1.
    reasons: list = field(default_factory=list)   # why this light: Messages, in order
    rollup: dict | None = None       # headings: {light: number of sub-tasks}
    # 意见不一致: each department's answer ((department, status, percent), …) and the rule
    # the light rests on (models.status.agreement)
    answers: tuple = ()
    basis: Message | None = None

    def reason_text(self, lang: str | None = None) -> str:
        """The reasons as one line, in ``lang`` (default: the UI's); the reports use "zh"."""
        lang = lang or language()
        return ("；" if lang == "zh" else "; ").join(r.render(lang) for r in self.reasons)

    @property
    def reason(self) -> str:
        return self.reason_text()

    @property
    def counted(self) -> bool:
        """Counted in summaries: tracked and not a heading."""
        return self.tracked and not self.is_heading


class StatusList(list):
    """The statuses of a plan in tree order, with what they were judged against."""

    def __init__(self, items=(), *, plan_uuid="", plan_title="", round_name=None, as_of=None,
                 rules=None, notes=()):
        super().__init__(items)
        self.plan_uuid = plan_uuid
        self.plan_title = plan_title
        self.round_name = round_name
        self.as_of = as_of
        self.rules = rules
        self.notes = list(notes)

    def by_uuid(self) -> dict[str, TaskStatus]:
        return {s.task_uuid: s for s in self}

    def counted(self) -> list[TaskStatus]:
        return [s for s in self if s.counted]


def worst(lights) -> str:
    return max(lights, key=_RANK.__getitem__, default="")


def evaluate_plan(ws, plan_uuid, round_name=None, today=None, data: PlanData | None = None
                  ) -> StatusList:
    """The status of every task of a plan for a round (None: the current round, see
    ``rounds.current_round``; a plan without rounds is judged on today alone)."""
    data = data or load_plan(ws, plan_uuid)
    plan = data.plan
    rules, notes = rules_from_dict(plan.settings.get(SETTINGS_KEY))
    today = to_date(today) or dt.date.today()
    if round_name is None:
        rnd = current_round(ws, plan.uuid)
    else:
        rnd = ws.round(plan.uuid, round_name)
    on = as_of(rnd, today, plan.year)
    order = {r.id: i for i, r in enumerate(data.rounds)}
    upto = order[rnd.id] if rnd else len(data.rounds) - 1
    judge = Judge(rules, plan, rnd, order, upto, on)

    by_id = {t.id: t for t in data.tasks}
    has_children = {t.parent_id for t in data.tasks}
    inherited: dict[int, tuple] = {}   # id → (deadline task, roles, reports per round, level)
    out = []
    for t in data.tasks:               # preorder: a parent is always seen first
        up = inherited.get(t.parent_id) if t.parent_id is not None else None
        deadline_src = t if t.deadline_text else (up[0] if up else None)
        roles = data.roles.get(t.id) or (up[1] if up else None)
        reports = dict(up[2]) if up else {}
        reports.update(data.reports.get(t.id, {}))
        level = up[3] + 1 if up else 1
        number = data.numbers.get(t.id, "")
        path = (up[4] if up else "") + (number.rstrip("、") if number != "——" else "")
        inherited[t.id] = (deadline_src, roles, reports, level, path)
        lead = tuple((roles or {}).get("lead") or (roles or {}).get("responsible") or ())
        parent = by_id.get(t.parent_id)
        s = TaskStatus(t.uuid, t.id, parent.uuid if parent else None, number,
                       t.title, level, t.id in has_children, False, "", path_number=path,
                       lead=lead, support=tuple((roles or {}).get("support") or ()))
        if deadline_src is not None:
            s.deadline_text = deadline_src.deadline_text
            s.deadline_kind = deadline_src.deadline_kind
            s.deadline = deadline_src.deadline_date
        if not s.is_heading:
            s.tracked = bool(deadline_src is not None or roles or reports)
            if s.tracked:
                judge.task(s, t, reports)
        out.append(s)
    _roll_up(out)
    return StatusList(out, plan_uuid=plan.uuid, plan_title=plan.title,
                      round_name=rnd.name if rnd else None, as_of=on, rules=rules, notes=notes)


def _roll_up(statuses: list[TaskStatus]) -> None:
    """Headings take the worst light of their sub-tasks (children before parents)."""
    index = {s.task_uuid: s for s in statuses}
    counts: dict[str, dict] = {}
    for s in reversed(statuses):
        if s.is_heading:
            c = counts.get(s.task_uuid, {})
            s.rollup = {k: c.get(k, 0) for k in LIGHTS}
            s.tracked = any(s.rollup.values())
            s.light = worst(k for k in LIGHTS if s.rollup[k])
            s.flags = ()
            s.reasons = [_sub_tasks(s.rollup)] if s.tracked else []
            add = s.rollup
        else:
            add = {s.light: 1} if s.counted else {}
        if s.parent_uuid and s.parent_uuid in index:
            c = counts.setdefault(s.parent_uuid, {})
            for k, n in add.items():
                c[k] = c.get(k, 0) + n


def _sub_tasks(rollup: dict) -> Message:
    """下属任务：正常推进3项，滞后1项 — a count after another one starts with a comma."""
    parts: dict = {}
    for k in LIGHTS:
        code = f"status.count_{k}" + ("_after" if any(parts.values()) else "")
        parts[k] = msg(code, n=rollup[k]) if rollup[k] else ""
    return msg("status.sub_tasks", **parts)
