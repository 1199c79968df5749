"""Notice metadata: validation, dates and the next 发文字号.

Rendering refuses metadata the standard forbids (design §3): a clerk should learn at
once that 〔〕 must be the hexagonal brackets or that 2022-02-30 is no date, not after the
notice went to the printer.
"""
from __future__ import annotations

import datetime as _dt
import re

from models.messages import PlanDeskError

from .fonts import ROLES

LETTERHEADS = ("printed", "preprinted", "none")
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
                 "deadline", "remarks")


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
        return ["发文字号为空"]
    if DOC_NUMBER_RE.match(number):
        return []
    problems = []
    label = f"发文字号“{number}”"
    if _LOOKALIKE.search(number) and "〔" not in number:
        problems.append(f"{label}的年份须用六角括号〔〕，不能用 [ ]、（ ）、【 】、［ ］等")
    elif "〔" not in number or "〕" not in number:
        problems.append(f"{label}缺少六角括号括起的年份，应如“济槐政字〔2022〕16号”")
    m = _DOC_PARTS.match(number)
    if m:
        if not m.group("prefix").strip():
            problems.append(f"{label}缺少发文机关代字")
        if len(m.group("year")) != 4:
            problems.append(f"{label}的年份应写全四位")
        if m.group("first"):
            problems.append(f"{label}的序号前不加“第”")
        if m.group("seq").startswith("0"):
            problems.append(f"{label}的序号不编虚位（应为{int(m.group('seq'))}号，不是{m.group('seq')}号）")
        if not m.group("hao"):
            problems.append(f"{label}的序号后应加“号”")
        if re.search(r"\s", number):
            problems.append(f"{label}中不应有空格")
    if not problems:
        problems.append(f"{label}格式不对，应为“机关代字〔年份〕序号号”，如“济槐政字〔2022〕16号”")
    return problems


def validate_notice(notice: dict) -> list[str]:
    """One clear line per problem; an empty list means the notice can be rendered."""
    errors: list[str] = []
    if not isinstance(notice, dict):
        return ["通知信息应为字典（dict）"]
    letterhead = notice.get("letterhead", "printed")
    if letterhead not in LETTERHEADS:
        errors.append(f"版头方式“{letterhead}”无效，应为 printed、preprinted 或 none")
    if letterhead == "printed" and not str(notice.get("issuer_mark") or "").strip():
        errors.append("发文机关标志为空（红头须写发文机关名称，如“××区人民政府文件”）")
    errors += doc_number_problems(notice.get("doc_number", ""))

    title = str(notice.get("title") or "").strip()
    if not title:
        errors.append("标题为空")
    elif title[-1] in _TRAILING_PUNCT:
        errors.append(f"标题“{title}”末尾不加标点")

    addressees = str(notice.get("addressees") or "").strip()
    if addressees and not addressees.endswith("："):
        if addressees.endswith(":"):
            errors.append("主送机关末尾应为全角冒号“：”，不是半角“:”")
        else:
            errors.append("主送机关末尾应加全角冒号“：”")

    attachments = notice.get("attachments") or []
    if not isinstance(attachments, (list, tuple)):
        errors.append("附件说明应为附件名称的列表")
    else:
        for i, name in enumerate(attachments, 1):
            name = str(name or "").strip()
            if not name:
                errors.append(f"附件{i}的名称为空")
            elif name[-1] in _TRAILING_PUNCT:
                errors.append(f"附件{i}“{name}”的名称后不加标点符号")

    if not str(notice.get("signer") or "").strip():
        errors.append("发文机关署名为空")
    errors += _date_problems(notice, "date", "成文日期", required=True)
    errors += _date_problems(notice, "print_date", "印发日期", required=False)
    try:
        if notice.get("print_date") and parse_date(notice["print_date"]) < parse_date(notice["date"]):
            errors.append("印发日期早于成文日期")
    except (ValueError, TypeError, KeyError):
        pass  # already reported above

    errors += _mark_problems(notice)
    note = str(notice.get("note") or "").strip()
    if note and ("(" in note or ")" in note):
        errors.append(f"附注“{note}”应使用全角括号（）")
    if notice.get("cc") and not str(notice.get("printer") or "").strip():
        errors.append("有抄送机关时须填写印发机关")
    if notice.get("printer") and not notice.get("print_date"):
        errors.append("填写了印发机关，但印发日期为空")
    if "sealed" in notice and not isinstance(notice["sealed"], bool):
        errors.append("是否加盖印章（sealed）应为 true 或 false")
    fonts = notice.get("fonts") or {}
    if not isinstance(fonts, dict):
        errors.append("字体设置应为“角色: 字体名”的字典")
    else:
        for role, face in fonts.items():
            if role not in ROLES:
                errors.append(f"未知的字体角色“{role}”，可用：{'、'.join(ROLES)}")
            elif not str(face or "").strip():
                errors.append(f"字体角色“{role}”的字体名为空")
    for column in notice.get("division_table_columns") or []:
        key = column.get("key") if isinstance(column, dict) else column
        if key not in KNOWN_COLUMNS and not isinstance(column, dict):
            errors.append(f"未知的分工表列“{key}”，可用：{'、'.join(KNOWN_COLUMNS)}")
    return errors


def _mark_problems(notice) -> list[str]:
    """份号, 密级和保密期限, 紧急程度 and the 签发人 of a 上行文 (GB/T 9704 7.2)."""
    errors = []
    copy_number = str(notice.get("copy_number") or "").strip()
    if copy_number and not COPY_NUMBER_RE.match(copy_number):
        errors.append(f"份号“{copy_number}”应为不超过 6 位的阿拉伯数字（如 000123）")
    secrecy = str(notice.get("secrecy") or "").strip()
    if secrecy and not SECRECY_RE.match(secrecy):
        errors.append(f"密级和保密期限“{secrecy}”应写作“绝密”“机密”“秘密”，"
                      "有保密期限时如“机密★1年”")
    urgency = str(notice.get("urgency") or "").strip()
    if urgency and urgency not in URGENCY:
        errors.append(f"紧急程度“{urgency}”应为“特急”或“加急”")
    if notice.get("direction", "down") not in DIRECTIONS:
        errors.append(f"行文方向“{notice.get('direction')}”无效，应为 down（下行文）或 up（上行文）")
    signers = notice.get("signers")
    if notice.get("direction") == "up" and not signers:
        errors.append("上行文须标注签发人，但未填写签发人姓名")
    return errors


def _date_problems(notice, key, label, *, required) -> list[str]:
    value = notice.get(key)
    if value in (None, ""):
        return [f"{label}为空"] if required else []
    try:
        parse_date(value)
    except (ValueError, TypeError):
        return [f"{label}“{value}”不是有效日期（应为 YYYY-MM-DD 且确有其日，如 2022-11-22）"]
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
