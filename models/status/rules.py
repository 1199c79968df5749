"""The traffic-light rules (红黄绿灯规则) of a plan, kept in ``plan.settings["status_rules"]``.

Every office weighs lateness differently, so the thresholds are per plan; a plan that never
set them uses ``DEFAULTS``. Unknown keys are ignored (a newer PlanDesk may add some) and
bad values fall back to the default with a note, never an exception in the middle of a report.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

SETTINGS_KEY = "status_rules"


@dataclass(frozen=True)
class StatusRules:
    # Points (of 100) the reported progress may trail the expected (序时进度) progress.
    at_risk_gap: float = 10.0      # reported < expected − 10 → at risk (yellow)
    late_gap: float = 30.0         # reported < expected − 30 → late (red)
    due_soon_days: int = 30        # deadline within this many days and not done → flag due_soon
    # Time elapsed is counted from here; None → 1 January of the plan's year.
    plan_start: str | None = None
    # A task nobody reported on this round is at least yellow.
    no_report_at_risk: bool = True
    # An ongoing (长期坚持) task with no report for this many rounds in a row is red.
    ongoing_missing_rounds_late: int = 2
    # "推进中" with no percent anywhere counts as this much done.
    in_progress_percent: float = 50.0
    # A yearly task done within this many days after its occurrence counts for that occurrence.
    recurring_grace_days: int = 45

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULTS = StatusRules()


def rules_from_dict(data: dict | None) -> tuple[StatusRules, list[str]]:
    """Rules from stored settings, and notes on the values that had to be replaced."""
    data = data or {}
    values, notes = {}, []
    for f in fields(StatusRules):
        if f.name not in data:
            continue
        value = data[f.name]
        default = getattr(DEFAULTS, f.name)
        try:
            value = _coerce(f.name, value, default)
        except (TypeError, ValueError):
            notes.append(f"规则“{f.name}”的值无效（{value!r}），已使用默认值 {default!r}")
            continue
        values[f.name] = value
    rules = StatusRules(**values)
    if rules.late_gap < rules.at_risk_gap:
        notes.append("“滞后”阈值小于“风险”阈值，已互换")
        rules = StatusRules(**{**rules.as_dict(), "at_risk_gap": rules.late_gap,
                               "late_gap": rules.at_risk_gap})
    return rules, notes


def _coerce(name: str, value, default):
    if name == "plan_start":
        if value in (None, ""):
            return None
        dt.date.fromisoformat(str(value))
        return str(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(name)
        return value
    if isinstance(default, int):
        value = int(value)
        if value < 0:
            raise ValueError(name)
        return value
    value = float(value)
    if not 0 <= value <= 100:
        raise ValueError(name)
    return value


def plan_rules(plan) -> StatusRules:
    """The rules of a plan (``models.entities.Plan``)."""
    return rules_from_dict(plan.settings.get(SETTINGS_KEY))[0]


def save_rules(ws, plan_uuid, rules: StatusRules | dict):
    """Store a plan's rules (one undo step). Only values that differ from the defaults are kept,
    so a later change of a default reaches plans that never chose their own."""
    if isinstance(rules, dict):
        rules, notes = rules_from_dict(rules)
        if notes:
            from ..errors import InvalidEdit
            raise InvalidEdit(notes[0])
    changed = {k: v for k, v in rules.as_dict().items() if getattr(DEFAULTS, k) != v}
    return ws.set_plan_setting(plan_uuid, SETTINGS_KEY, changed)
