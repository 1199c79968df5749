"""The pieces under the traffic lights: dates, round periods and the stored rules."""
from __future__ import annotations

import datetime as dt

import pytest

from models.errors import InvalidEdit
from models.status.rounds import as_of, current_round, period_from_name, round_period, suggest_round
from models.status.rules import DEFAULTS, SETTINGS_KEY, plan_rules, rules_from_dict, save_rules
from models.status.schedule import (around, expected_percent, occurrences, plan_start,
                                    recurrence_period)

D = dt.date


def test_expected_percent_is_linear_and_clamped():
    start, end = D(2025, 1, 1), D(2025, 12, 31)
    assert expected_percent(start, end, D(2024, 12, 1)) == 0
    assert expected_percent(start, end, start) == 0
    assert expected_percent(start, end, D(2025, 7, 2)) == pytest.approx(50, abs=0.2)
    assert expected_percent(start, end, end) == 100
    assert expected_percent(start, end, D(2026, 3, 1)) == 100
    # A deadline before the clock starts: nothing expected until it, everything after.
    assert expected_percent(D(2025, 6, 1), D(2025, 3, 31), D(2025, 3, 1)) == 0
    assert expected_percent(D(2025, 6, 1), D(2025, 3, 31), D(2025, 4, 1)) == 100


def test_plan_start():
    assert plan_start(2025, None, None) == D(2025, 1, 1)
    assert plan_start(2025, "2025-03-15", None) == D(2025, 3, 15)
    assert plan_start(None, None, D(2026, 6, 30)) == D(2026, 1, 1)
    assert plan_start(None, None, None) is None


@pytest.mark.parametrize("text, period", [("每年2月底前", "yearly"), ("年度", "yearly"),
                                          ("每季度", "quarterly"), ("每月10日前", "monthly"),
                                          ("每半年", "half_yearly"), ("每学期", "")])
def test_recurrence_period(text, period):
    assert recurrence_period(text) == period


def test_yearly_occurrences_keep_end_of_month():
    occ = occurrences("每年2月底前", D(2025, 2, 28), D(2028, 1, 1))
    assert D(2028, 2, 29) in occ and D(2027, 2, 28) in occ
    assert around(occ, D(2028, 2, 29)) == (D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29))
    mid = occurrences("每年6月15日前", D(2025, 6, 15), D(2025, 1, 1))
    assert D(2026, 6, 15) in mid


def test_monthly_and_quarterly_occurrences():
    assert around(occurrences("每季度", None, D(2025, 8, 1)), D(2025, 8, 1))[2] == D(2025, 9, 30)
    assert around(occurrences("每月10日前", None, D(2025, 8, 11)), D(2025, 8, 11))[2] == D(2025, 9, 10)
    assert around(occurrences("每月", None, D(2025, 2, 3)), D(2025, 2, 3))[2] == D(2025, 2, 28)


@pytest.mark.parametrize("name, period", [
    ("2025年第三季度", (D(2025, 7, 1), D(2025, 9, 30))),
    ("2025年三季度", (D(2025, 7, 1), D(2025, 9, 30))),
    ("2025Q4", (D(2025, 10, 1), D(2025, 12, 31))),
    ("2025年上半年", (D(2025, 1, 1), D(2025, 6, 30))),
    ("2025年1-9月", (D(2025, 1, 1), D(2025, 9, 30))),
    ("2025年6月", (D(2025, 6, 1), D(2025, 6, 30))),
    ("２０２５年度", (D(2025, 1, 1), D(2025, 12, 31))),
    ("第二季度", (D(2024, 4, 1), D(2024, 6, 30))),       # the plan's year
    ("年中调度", None),
])
def test_period_from_name(name, period):
    assert period_from_name(name, 2024) == period


def test_round_dates_beat_the_name_and_as_of(ws):
    p = ws.add_plan("计划", year=2025).uuid
    named = ws.add_round(p, "2025年第三季度")
    dated = ws.add_round(p, "第三季度调度", "2025-07-01", "2025-10-10")
    assert round_period(named, 2025) == (D(2025, 7, 1), D(2025, 9, 30))
    assert round_period(dated, 2025) == (D(2025, 7, 1), D(2025, 10, 10))
    assert as_of(named, D(2025, 12, 1), 2025) == D(2025, 9, 30)     # over: its last day
    assert as_of(named, D(2025, 8, 1), 2025) == D(2025, 8, 1)       # running: today
    assert as_of(None, D(2025, 8, 1)) == D(2025, 8, 1)
    ws.close_round(p, dated.name)
    assert current_round(ws, p).name == named.name
    ws.close_round(p, named.name)
    assert current_round(ws, p).name == dated.name                  # all closed: the last


def test_suggest_round_skips_taken_names():
    assert suggest_round(D(2025, 8, 3)) == ("2025年第三季度", D(2025, 7, 1), D(2025, 9, 30))
    assert suggest_round(D(2025, 11, 3), ["2025年第四季度"])[0] == "2026年第一季度"


def test_rules_defaults_storage_and_bad_values(ws):
    plan = ws.add_plan("计划", year=2025)
    assert plan_rules(plan) == DEFAULTS
    save_rules(ws, plan.uuid, {"at_risk_gap": 15, "due_soon_days": 10})
    stored = ws.plan(plan.uuid).settings[SETTINGS_KEY]
    assert stored == {"at_risk_gap": 15.0, "due_soon_days": 10}       # only what differs
    rules = plan_rules(ws.plan(plan.uuid))
    assert rules.at_risk_gap == 15 and rules.late_gap == DEFAULTS.late_gap
    ws.undo()
    assert plan_rules(ws.plan(plan.uuid)) == DEFAULTS                  # one undo step
    with pytest.raises(InvalidEdit):
        save_rules(ws, plan.uuid, {"late_gap": "很多"})
    rules, notes = rules_from_dict({"late_gap": 200, "plan_start": "2025-02-30",
                                    "no_report_at_risk": "yes", "unknown": 1})
    assert rules == DEFAULTS and len(notes) == 3
    rules, notes = rules_from_dict({"at_risk_gap": 40, "late_gap": 20})
    assert (rules.at_risk_gap, rules.late_gap) == (20, 40) and notes
