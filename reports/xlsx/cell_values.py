"""Reading what a recipient typed as the person meant it; Excel's validation is advisory.

Each reader returns the value and, when it had to interpret the cell, a note for the import
report (``Read.note``), so every normalisation is listed with its cell:

* text columns: a date cell is the date's text (``2025-03-31``, not the serial 45747), a
  number is the number as written (``3``, ``12.5``, ``60%`` in a percent cell);
* 完成百分比: ``60``, ``60%``, ``６０％``, ``0.6`` in a percent cell, ``百分之六十`` and
  ``六成`` / ``6成`` (tenths) all read as 60; a bare
  ``0.6`` is ambiguous (0.6 or 60?) and asked about;
* 完成状态: the three labels, and the synonyms of ``STATUS_SYNONYMS``, with quotes or a
  closing punctuation mark typed around them (``推进中。``, ``“已完成”``); the phrases of
  ``AMBIGUOUS_STATUSES`` (基本完成 …) are asked about, never guessed;
* full-width and trailing spaces are trimmed everywhere.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl.styles.numbers import is_date_format
from openpyxl.utils.datetime import from_excel

from models.entities import STATUS_LABELS, STATUSES
from models.messages import msg

from .exchange_format import STATUS_BY_LABEL, canon

_WIDE = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_SPACES = re.compile(r"[\s\u3000]+")

# What departments type for a status, read as the status it plainly means.
STATUS_SYNONYMS = {
    "完成": "done", "已完成": "done", "已办结": "done", "办结": "done", "已完工": "done",
    "完工": "done", "全部完成": "done",
    "进行中": "in_progress", "推进中": "in_progress", "正在推进": "in_progress",
    "正在进行": "in_progress", "实施中": "in_progress", "在建": "in_progress",
    "持续推进": "in_progress", "已启动": "in_progress",
    "未启动": "not_started", "未开始": "not_started", "尚未启动": "not_started",
    "暂未启动": "not_started", "尚未开始": "not_started",
}
# Phrases that could mean either of two statuses: the clerk asks the department.
AMBIGUOUS_STATUSES = {"基本完成", "大部分完成", "接近完成", "部分完成", "初步完成", "基本完工"}


class BadValue(ValueError):
    """The one-line reason a cell cannot be taken."""


@dataclass
class Read:
    value: object
    note: str = ""       # how the cell was interpreted, "" when taken as it stood


def _trim_note(raw) -> str:
    if isinstance(raw, str) and raw != raw.strip(" \u3000\t\r\n") and raw.strip():
        return str(msg("exchange.read.trimmed"))
    return ""


def status_code(value) -> Read:
    """未启动/推进中/已完成, a synonym or the internal code → code; "" when empty."""
    text = _SPACES.sub("", canon(value))
    bare = text.rstrip("。.；;，！").strip("“”\"'‘’「」『』")
    marks = bare != text     # punctuation or quotes around the word, as typed
    text = bare
    if not text:
        return Read("")
    if text in STATUSES:
        return Read(text)
    code = STATUS_BY_LABEL.get(text) or STATUS_SYNONYMS.get(text)
    if code:
        label = STATUS_LABELS[code]
        if text != label:
            return Read(code, str(msg("exchange.read.status_synonym", text=canon(value), label=label)))
        if marks:
            return Read(code, str(msg("exchange.read.status_marks", text=canon(value), label=label)))
        return Read(code, _trim_note(value) or (
            str(msg("exchange.read.inner_spaces")) if canon(value) != label else ""))
    if text in AMBIGUOUS_STATUSES:
        raise BadValue(str(msg("exchange.cell.status_ambiguous", text=text)))
    raise BadValue(str(msg("exchange.cell.status_invalid", text=text)))


def percent_value(value, number_format: str = "General") -> Read:
    """A percentage 0–100 from a number, "60", "60%", "６０％" or a cell formatted as percent."""
    if value is None or canon(value) == "":
        return Read(None)
    if isinstance(value, bool):
        raise BadValue(str(msg("exchange.cell.percent_not_number", text=value)))
    note = ""
    if isinstance(value, (int, float)):
        number = float(value)
        if "%" in (number_format or ""):
            number *= 100   # Excel stores 60% as 0.6
            note = str(msg("exchange.read.percent_format", value=f"{value:g}", percent=f"{number:g}"))
        elif 0 < number < 1:
            raise BadValue(str(msg("exchange.cell.percent_ambiguous", value=f"{number:g}",
                                   hundred=f"{number * 100:g}")))
    else:
        raw = canon(value)
        text = _SPACES.sub("", raw.translate(_WIDE))
        words: float | None = None
        try:
            number = float(text.rstrip("%"))
        except ValueError:
            words = _percent_words(text)
            if words is None:
                raise BadValue(str(msg("exchange.cell.percent_not_number", text=raw))) from None
            number = words
        if number is words or text != raw.rstrip("%") or raw != str(value):
            note = str(msg("exchange.read.percent_text", text=str(value).strip(), value=f"{number:g}"))
    if number != number or not 0 <= number <= 100:   # NaN or out of range
        raise BadValue(str(msg("exchange.cell.percent_range", value=f"{number:g}")))
    return Read(round(number, 2), note)


_DIGIT_WORDS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                "七": 7, "八": 8, "九": 9}


def _chinese_number(text: str) -> float | None:
    """"六十" / "六十五" / "一百" / "五" / "6.5" → the number (0–100); None otherwise."""
    try:
        return float(text)
    except ValueError:
        pass
    if text in ("百", "一百"):
        return 100.0
    tens, _, units = text.partition("十")
    if "十" not in text:
        return float(_DIGIT_WORDS[text]) if text in _DIGIT_WORDS else None
    if (tens and tens not in _DIGIT_WORDS) or (units and units not in _DIGIT_WORDS):
        return None
    return float((_DIGIT_WORDS[tens] if tens else 1) * 10 + (_DIGIT_WORDS[units] if units else 0))


def _percent_words(text: str) -> float | None:
    """The percentages written in words: 百分之六十 (60), 六成 / 6成 (tenths: 60)."""
    if text.startswith("百分之") and len(text) > 3:
        return _chinese_number(text[3:])
    if text.endswith("成") and len(text) > 1:
        tenths = _chinese_number(text[:-1])
        return None if tenths is None or tenths > 10 else tenths * 10
    return None


def _date_text(value: float, number_format: str) -> str:
    moment = from_excel(value)
    if isinstance(moment, dt.datetime) and (moment.hour or moment.minute) and \
            re.search(r"[hH]", number_format):
        return moment.strftime("%Y-%m-%d %H:%M")
    return (moment.date() if isinstance(moment, dt.datetime) else moment).isoformat()


def text_value(value, data_type: str = "s", number_format: str = "General") -> Read:
    """A text answer as the person wrote it: dates as date text, numbers as written."""
    if value is None:
        return Read("")
    if data_type == "d":     # an ISO date cell (t="d")
        return Read(str(value)[:10], str(msg("exchange.read.iso_date", text=str(value)[:10])))
    if isinstance(value, bool):
        return Read("是" if value else "否")
    if isinstance(value, (int, float)):
        if is_date_format(number_format or "General"):
            try:
                text = _date_text(value, number_format)
            except (OverflowError, ValueError):
                return Read(canon(value))
            return Read(text, str(msg("exchange.read.date", serial=f"{value:g}", text=text)))
        if "%" in (number_format or ""):
            text = f"{round(value * 100, 4):g}%"
            return Read(text, str(msg("exchange.read.number", text=text)))
        return Read(canon(value))
    return Read(canon(value), _trim_note(value))


def same(field: str, a, b) -> bool:
    """Equal as the clerk would judge: numbers within rounding, text by canonical form."""
    if a == b:              # the usual case (an answer left as sent), without canonical forms
        return True
    if field == "percent":
        if a is None or b is None:
            return a is None and b is None
        return abs(float(a) - float(b)) < 0.005
    if a.__class__ is str and b.__class__ is str and a.isprintable() and b.isprintable():
        return a.strip() == b.strip()      # ``canon`` of two plain texts, without its calls
    return canon(a) == canon(b)
