"""Deadlines (完成时限) as the clerk writes them, and the date they mean.

The text is always kept; the date is what the app can compute from it:
  2025年底前 → 2025-12-31 "by";  6月底前 → the plan's year;  长期坚持 → "ongoing";
  每年2月底前 → "recurring" (the date of its occurrence in the plan's year).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .hanzi_fold import fold

KINDS = ("", "by", "ongoing", "recurring")

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "十一": 11, "十二": 12}
ONGOING = re.compile(r"长期坚持|长期推进|持续推进|持续开展|常态化|长期|持续|经常性")
RECURRING = re.compile(r"每年|每季度|每半年|每月|年度|每学期")
_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without loading calendar (and locale) at start-up."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS[month]


@dataclass(frozen=True)
class Deadline:
    text: str
    date: str | None = None   # ISO yyyy-mm-dd
    kind: str = ""             # one of KINDS

    def as_dict(self) -> dict:
        return {"text": self.text, "date": self.date, "kind": self.kind}


def _month(token: str) -> int | None:
    m: int | None
    if token.isdigit():
        m = int(token)
    else:
        m = _CN.get(token)
    return m if m and 1 <= m <= 12 else None


def _end_of_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{days_in_month(year, month):02d}"


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        if 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
            return f"{year:04d}-{month:02d}-{day:02d}"
    except (ValueError, OverflowError):
        pass
    return None


def _date_in(text: str, year: int | None) -> str | None:
    """The latest date a deadline phrase points at, or None."""
    t = text
    years = [int(y) for y in re.findall(r"(20\d\d|19\d\d)\s*年", t)]
    y = years[-1] if years else year
    # 2024年6月30日 / 6月30日
    m = list(re.finditer(r"(?:(20\d\d)\s*年)?\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2})\s*日", t))
    if m:
        last = m[-1]
        yy = int(last.group(1)) if last.group(1) else y
        mm = _month(last.group(2))
        if yy and mm:
            return _iso(yy, mm, int(last.group(3)))
    # 2022年10月底前 / 6月底 / 10月中旬 / 10月
    m = list(re.finditer(r"(?:(20\d\d)\s*年)?\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(份)?\s*(底|末|上旬|中旬|下旬|前|内)?", t))
    if m:
        last = m[-1]
        yy = int(last.group(1)) if last.group(1) else y
        mm = _month(last.group(2))
        if yy and mm:
            part = last.group(4) or ""
            if part == "上旬":
                return _iso(yy, mm, 10)
            if part == "中旬":
                return _iso(yy, mm, 20)
            return _end_of_month(yy, mm)
    quarter = re.search(r"(?:第)?([一二三四1-4])\s*季度", t)
    if quarter and y:
        q = {"一": 1, "二": 2, "三": 3, "四": 4}.get(quarter.group(1)) or int(quarter.group(1))
        return _end_of_month(y, q * 3)
    if "上半年" in t and y:
        return _end_of_month(y, 6)
    if re.search(r"下半年|年底|年末|全年|年内", t) and y:
        return _end_of_month(y, 12)
    if years:
        return _end_of_month(years[-1], 12)
    return None


_MONTH_DAY = re.compile(r"(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")


def date_problem(text: str | None) -> str | None:
    """What makes a deadline's date impossible ("13月", "2月30日"), or None.

    Such a text keeps no date rather than a guessed one, and the importer says so."""
    t = (text or "").translate(_FW)
    for m in _MONTH_DAY.finditer(t):
        month = int(m.group(1))
        if not 1 <= month <= 12:
            return f"{month}月"
        if m.group(2) and not 1 <= int(m.group(2)) <= days_in_month(2024, month):
            return f"{month}月{int(m.group(2))}日"
    return None


def parse_deadline(text: str | None, plan_year: int | None = None) -> Deadline:
    """Interpret a deadline text; unknown forms and impossible dates keep the text with no
    date."""
    raw = (text or "").strip()
    if not raw:
        return Deadline("")
    t = fold(raw.translate(_FW))  # 長期堅持, 每季度末 read as 长期坚持, 每季度末; raw kept
    if date_problem(t):
        return Deadline(raw, None, "")
    if RECURRING.search(t) and not re.search(r"20\d\d\s*年", t.split("每")[0] if "每" in t else ""):
        date = _date_in(re.sub(r"每年|年度", "", t), plan_year)
        return Deadline(raw, date, "recurring")
    date = _date_in(t, plan_year)
    if date:
        return Deadline(raw, date, "by")
    if ONGOING.search(t):
        return Deadline(raw, None, "ongoing")
    return Deadline(raw, None, "")
