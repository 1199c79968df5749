"""What the progress views need to know about reporting rounds (报送轮次).

A round often has only a name (“2025年第三季度”) and no dates; its period is then read
from the name, because the date a round stands for decides the 序时进度 of a report on it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from .schedule import Date, to_date

_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "十": 10, "十一": 11, "十二": 12}
_QUARTER = re.compile(r"(?:第)?([一二三四1-4])\s*季度|[Qq]([1-4])")
_MONTHS = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*(?:[-—–~～至到]\s*"
                     r"(\d{1,2}|十[一二]?|[一二三四五六七八九]))?\s*月")


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _CN_NUM[token]


def _month_end(year: int, month: int) -> Date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_from_name(name: str, default_year: int | None = None) -> tuple[Date, Date] | None:
    """The period a round's name stands for: 第三季度, 上半年, 1-9月, 6月, 2025年(度)."""
    text = (name or "").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    years = re.findall(r"(20\d\d|19\d\d)\s*年?", text)
    year = int(years[0]) if years else default_year
    if not year:
        return None
    rest = re.sub(r"(20\d\d|19\d\d)\s*年?", "", text)
    q = _QUARTER.search(rest)
    if q:
        n = _num(q.group(1) or q.group(2))
        return dt.date(year, 3 * n - 2, 1), _month_end(year, 3 * n)
    if "上半年" in rest:
        return dt.date(year, 1, 1), _month_end(year, 6)
    if "下半年" in rest:
        return dt.date(year, 7, 1), _month_end(year, 12)
    m = _MONTHS.search(rest)
    if m:
        first = _num(m.group(1))
        last = _num(m.group(2)) if m.group(2) else first
        if 1 <= first <= last <= 12:
            # “1-9月” is cumulative from January; “9月” is that month.
            return dt.date(year, first, 1), _month_end(year, last)
    if years:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None


def round_period(rnd, plan_year: int | None = None) -> tuple[Date | None, Date | None]:
    """(start, end) of a round: its stored dates, completed from its name."""
    start, end = to_date(rnd.start_date), to_date(rnd.end_date)
    if start and end:
        return start, end
    named = period_from_name(rnd.name, plan_year)
    if named:
        return start or named[0], end or named[1]
    return start, end


def as_of(rnd, today: Date, plan_year: int | None = None) -> Date:
    """The date a round is judged on: today while it runs, its last day once it is over
    (a report on 第三季度 printed in December still shows the state at 30 September)."""
    if rnd is None:
        return today
    end = round_period(rnd, plan_year)[1]
    return end if end and end < today else today


def current_round(ws, plan_uuid):
    """The round a clerk most likely means: the last open one, else the last one, else None."""
    rounds = ws.rounds(plan_uuid)
    open_rounds = [r for r in rounds if not r.closed]
    if open_rounds:
        return open_rounds[-1]
    return rounds[-1] if rounds else None


def suggest_round(today: Date, existing: Sequence[str] = ()) -> tuple[str, Date, Date]:
    """Name and period of the quarter ``today`` falls in (the usual rhythm of reports);
    the next quarter when that name is taken."""
    year, q = today.year, (today.month - 1) // 3 + 1
    for _ in range(8):
        name = f"{year}年第{'一二三四'[q - 1]}季度"
        if name not in existing:
            return name, dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        q += 1
        if q > 4:
            year, q = year + 1, 1
    return f"{today.isoformat()}报送", today, today
