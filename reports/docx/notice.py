"""Notice metadata: validation, dates and the next 发文字号.

Rendering refuses metadata the standard forbids (design §3): a clerk should learn at
once that 〔〕 must be the hexagonal brackets or that 2022-02-30 is no date, not after the
notice went to the printer.
"""
from __future__ import annotations

import datetime as _dt
import re

from models.messages import PlanDeskError, msg

from .fonts import ROLES

LETTERHEADS = ("printed", "preprinted", "none")


def problem_text(code: str, **args) -> str:
    """A problem in the clerk's language (codes "docx.notice.<name>")."""
    return str(msg(f"docx.notice.{code}", **args))


DOC_NUMBER_RE = re.compile(r"^[^〔〕\s]+〔\d{4}〕[1-9]\d*号$")
_LOOKALIKE = re.compile(r"[\[\]（）()【】［］〈〉<>{}]")
_DOC_PARTS = re.compile(r"^(?P<prefix>.*?)[〔\[（(【［〈<{](?P<year>\d+)[〕\]）)】］〉>}]"
                        r"(?P<first>第?)(?P<seq>\d+)(?P<hao>号?)$")
COPY_NUMBER_RE = re.compile(r"^\d{1,6}$")
SECRECY_RE = re.compile(r"^(绝密|机密|秘密)(★(\d+年|\d+个月|长期))?$")
URGENCY = ("特急", "加急")
DIRECTIONS = ("down", "up")
CN_DATE_RE = re.compile(r"^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$")
_TRAILING_PUNCT = "，。、；：！？,.;:!?"
KNOWN_COLUMNS = ("seq", "task", "content", "lead", "support", "responsible", "guide",
                 "people", "division_lead", "division_support", "division_responsible",
                 "division_guide", "deadline", "remarks")


class NoticeError(PlanDeskError, ValueError):
    """The notice metadata cannot be printed; `messages` lists every problem."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("；".join(self.messages))


def parse_date(value) -> _dt.date:
    """ISO text or a date -> date; ValueError for impossible dates like 2022-02-30."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        raise ValueError(text)
    y, m, d = (int(x) for x in text.split("-"))
    return _dt.date(y, m, d)


def cn_date(value) -> str:
    """2022-11-22 -> 2022年11月22日 (Arabic digits, full year, no zero padding)."""
    d = parse_date(value)
    return f"{d.year}年{d.month}月{d.day}日"


def doc_number_problems(number: str) -> list[str]:
    """Why `number` is not a valid 发文字号 (empty list when it is)."""
    number = (number or "").strip()
    if not number:
        return [problem_text("doc_number_empty")]
    if DOC_NUMBER_RE.match(number):
        return []
    problems = []
    label = number
    if _LOOKALIKE.search(number) and "〔" not in number:
        problems.append(problem_text("doc_number_brackets", number=label))
    elif "〔" not in number or "〕" not in number:
        problems.append(problem_text("doc_number_no_year", number=label))
    m = _DOC_PARTS.match(number)
    if m:
        if not m.group("prefix").strip():
            problems.append(problem_text("doc_number_no_prefix", number=label))
        if len(m.group("year")) != 4:
            problems.append(problem_text("doc_number_short_year", number=label))
        if m.group("first"):
            problems.append(problem_text("doc_number_di", number=label))
        if m.group("seq").startswith("0"):
            problems.append(problem_text("doc_number_padded", number=label, seq=int(m.group("seq")),
                                       given=m.group("seq")))
        if not m.group("hao"):
            problems.append(problem_text("doc_number_no_hao", number=label))
        if re.search(r"\s", number):
            problems.append(problem_text("doc_number_space", number=label))
    if not problems:
        problems.append(problem_text("doc_number_form", number=label))
    return problems


def validate_notice(notice: dict) -> list[str]:
    """One clear line per problem; an empty list means the notice can be rendered."""
    errors: list[str] = []
    if not isinstance(notice, dict):
        return [problem_text("notice_not_dict")]
    letterhead = notice.get("letterhead", "printed")
    if letterhead not in LETTERHEADS:
        errors.append(problem_text("letterhead_unknown", value=letterhead, choices="、".join(LETTERHEADS)))
    if letterhead == "printed" and not str(notice.get("issuer_mark") or "").strip():
        errors.append(problem_text("issuer_mark_empty"))
    errors += doc_number_problems(notice.get("doc_number", ""))

    title = str(notice.get("title") or "").strip()
    if not title:
        errors.append(problem_text("title_empty"))
    elif title[-1] in _TRAILING_PUNCT:
        errors.append(problem_text("title_punct", title=title))

    addressees = str(notice.get("addressees") or "").strip()
    if addressees and not addressees.endswith("："):
        if addressees.endswith(":"):
            errors.append(problem_text("addressees_half_colon"))
        else:
            errors.append(problem_text("addressees_colon"))

    attachments = notice.get("attachments") or []
    if not isinstance(attachments, (list, tuple)):
        errors.append(problem_text("attachments_not_list"))
    else:
        for i, name in enumerate(attachments, 1):
            name = str(name or "").strip()
            if not name:
                errors.append(problem_text("attachment_empty", n=i))
            elif name[-1] in _TRAILING_PUNCT:
                errors.append(problem_text("attachment_punct", n=i, name=name))

    if not str(notice.get("signer") or "").strip():
        errors.append(problem_text("signer_empty"))
    errors += _date_problems(notice, "date", "date_label", required=True)
    errors += _date_problems(notice, "print_date", "print_date_label", required=False)
    try:
        if notice.get("print_date") and parse_date(notice["print_date"]) < parse_date(notice["date"]):
            errors.append(problem_text("print_before_date"))
    except (ValueError, TypeError, KeyError):
        pass  # already reported above

    errors += _mark_problems(notice)
    note = str(notice.get("note") or "").strip()
    if note and ("(" in note or ")" in note):
        errors.append(problem_text("note_brackets", note=note))
    if notice.get("cc") and not str(notice.get("printer") or "").strip():
        errors.append(problem_text("cc_needs_printer"))
    if notice.get("printer") and not notice.get("print_date"):
        errors.append(problem_text("printer_needs_date"))
    if "sealed" in notice and not isinstance(notice["sealed"], bool):
        errors.append(problem_text("sealed_not_bool", key="sealed", values="true / false"))
    fonts = notice.get("fonts") or {}
    if not isinstance(fonts, dict):
        errors.append(problem_text("fonts_not_dict"))
    else:
        for role, face in fonts.items():
            if role not in ROLES:
                errors.append(problem_text("font_role_unknown", role=role, roles="、".join(ROLES)))
            elif not str(face or "").strip():
                errors.append(problem_text("font_face_empty", role=role))
    for column in notice.get("division_table_columns") or []:
        key = column.get("key") if isinstance(column, dict) else column
        if key not in KNOWN_COLUMNS and not isinstance(column, dict):
            errors.append(problem_text("table_column_unknown", key=key, columns="、".join(KNOWN_COLUMNS)))
    return errors


def _mark_problems(notice) -> list[str]:
    """份号, 密级和保密期限, 紧急程度 and the 签发人 of a 上行文 (GB/T 9704 7.2)."""
    errors = []
    copy_number = str(notice.get("copy_number") or "").strip()
    if copy_number and not COPY_NUMBER_RE.match(copy_number):
        errors.append(problem_text("copy_number_form", value=copy_number))
    secrecy = str(notice.get("secrecy") or "").strip()
    if secrecy and not SECRECY_RE.match(secrecy):
        errors.append(problem_text("secrecy_form", value=secrecy))
    urgency = str(notice.get("urgency") or "").strip()
    if urgency and urgency not in URGENCY:
        errors.append(problem_text("urgency_form", value=urgency))
    if notice.get("direction", "down") not in DIRECTIONS:
        errors.append(problem_text("direction_unknown", value=notice.get("direction"), down="down", up="up"))
    signers = notice.get("signers")
    if notice.get("direction") == "up" and not signers:
        errors.append(problem_text("signers_missing"))
    return errors


def _date_problems(notice, key, label, *, required) -> list[str]:
    value = notice.get(key)
    if value in (None, ""):
        return [problem_text("date_empty", label=problem_text(label))] if required else []
    try:
        parse_date(value)
    except (ValueError, TypeError):
        return [problem_text("date_invalid", label=problem_text(label), value=value, form="YYYY-MM-DD")]
    return []


def check_notice(notice: dict) -> None:
    errors = validate_notice(notice)
    if errors:
        raise NoticeError(errors)


def suggest_next_doc_number(existing_numbers, prefix: str, year: int) -> str:
    """The next 发文字号 for `prefix` in `year`: one above the highest used.

    Numbers typed with look-alike brackets still count, so a mistyped 〔〕 never makes
    the app hand out a number twice.
    """
    prefix = re.sub(r"\s", "", prefix or "")
    highest = 0
    for number in existing_numbers or ():
        m = _DOC_PARTS.match(re.sub(r"\s", "", str(number or "")))
        if not m or m.group("prefix") != prefix or int(m.group("year")) != int(year):
            continue
        highest = max(highest, int(m.group("seq")))
    return f"{prefix}〔{int(year)}〕{highest + 1}号"
