"""Time on the plan's clock: expected progress (序时进度) and recurring occurrences.

Pure date arithmetic, no workspace: the status rules and their tests build on it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

Date = dt.date


def to_date(value) -> Date | None:
    """An ISO string, a date or a datetime as a date; None for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def plan_start(plan_year: int | None, rule_start: str | None, fallback: Date | None) -> Date | None:
    """Where the clock starts: the configured plan start, else 1 January of the plan year,
    else 1 January of ``fallback``'s year (a plan without a year: the deadline's year)."""
    start = to_date(rule_start)
    if start:
        return start
    if plan_year:
        return dt.date(int(plan_year), 1, 1)
    return dt.date(fallback.year, 1, 1) if fallback else None


def expected_percent(start: Date | None, deadline: Date, on: Date) -> float:
    """Linear 序时进度: 0 at the start, 100 on the deadline, clamped to 0–100."""
    if start is None or deadline <= start:
        return 100.0 if on >= deadline else 0.0
    span = (deadline - start).days
    done = (on - start).days
    return round(max(0.0, min(100.0, 100.0 * done / span)), 1)


# ---- recurring deadlines ------------------------------------------------------------
# 每季度/每月/每半年 tasks are judged like ongoing ones (on having a report); only a yearly
# occurrence (每年2月底前) is far enough apart to be judged against its date.
_PERIODS = (("monthly", re.compile(r"每月|每个月")), ("quarterly", re.compile(r"每季度|每个季度")),
            ("half_yearly", re.compile(r"每半年")), ("yearly", re.compile(r"每年|年度")))


def recurrence_period(text: str) -> str:
    """'yearly', 'half_yearly', 'quarterly', 'monthly' or '' (every semester, unknown)."""
    for name, pattern in _PERIODS:
        if pattern.search(text or ""):
            return name
    return ""


def _end_of_month(year: int, month: int) -> Date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _yearly(anchor: Date, year: int) -> Date:
    """The anchor's month and day in ``year``; an end-of-month anchor stays end of month
    (2月底 is 28 February in 2025 and 29 February in 2028)."""
    last = calendar.monthrange(anchor.year, anchor.month)[1]
    if anchor.day == last:
        return _end_of_month(year, anchor.month)
    return dt.date(year, anchor.month, min(anchor.day, calendar.monthrange(year, anchor.month)[1]))


def _monthly_day(text: str) -> int | None:
    m = re.search(r"每月\s*(\d{1,2})\s*日", text or "")
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def occurrences(text: str, anchor: Date | None, around: Date) -> list[Date]:
    """The occurrences of a recurring deadline from a year before ``around`` to a year after.

    ``anchor`` is the stored date (the occurrence in the plan's year) when the text names
    one; quarterly and half-yearly ones fall at quarter/half ends, monthly ones at month end
    (or on 每月N日).
    """
    period = recurrence_period(text)
    years = range(around.year - 2, around.year + 3)
    out: list[Date] = []
    if period == "yearly":
        if anchor is None:
            out = [dt.date(y, 12, 31) for y in years]
        else:
            out = [_yearly(anchor, y) for y in years]
    elif period == "half_yearly":
        out = [_end_of_month(y, m) for y in years for m in (6, 12)]
    elif period == "quarterly":
        out = [_end_of_month(y, m) for y in years for m in (3, 6, 9, 12)]
    elif period == "monthly":
        day = _monthly_day(text)
        for y in years:
            for m in range(1, 13):
                last = calendar.monthrange(y, m)[1]
                out.append(dt.date(y, m, min(day, last)) if day else dt.date(y, m, last))
    return sorted(out)


def around(dates: list[Date], on: Date) -> tuple[Date | None, Date | None, Date | None]:
    """(the one before the previous, the previous, the next) occurrence: prev < on <= next."""
    before = [d for d in dates if d < on]
    after = [d for d in dates if d >= on]
    prev2 = before[-2] if len(before) >= 2 else None
    prev = before[-1] if before else None
    nxt = after[0] if after else None
    return prev2, prev, nxt
