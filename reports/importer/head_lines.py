"""Recognisers for single lines of a document head and its signature block.

Document number (发文字号, with the bracket mistakes clerks meet), dates in both digit
styles, notes such as （此件公开发布）, attachment labels, the plan kind from its title, and
the signer / date / 抄送 block that ends a plan issued as its own document.
"""

from __future__ import annotations

import re

from .errors import warn
from .labels import cn_to_int, parse_label

DOC_NUMBER = re.compile(
    r"(?P<org>[A-Za-z\u4e00-\u9fff]{1,14}?)\s*(?P<open>[〔\[［（(【〈<｛{])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[〕\]］）)】〉>｝}])\s*(?P<num>\d{1,5})\s*号")
DATE = re.compile(
    r"^(?P<y>\d{4}|[〇零一二三四五六七八九○]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")
NOTE = re.compile(r"^（[^（）]{2,30}）$")
ATTACHMENT = re.compile(r"^附\s*件\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?\s*(?P<rest>.{0,80})$")
_ORG = re.compile(
    r"^(?:\d{4}年度?)?((?:[A-Za-z\u4e00-\u9fff]{1,12}?)(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|"
    r"委员会|市场监督管理局|知识产权局|管理局|局|厅|委|院))(?=.{0,30}(要点|方案|计划|安排))")
_KINDS = [
    ("division_table", re.compile(r"分工表|任务分工|分工方案|任务清单|责任清单|分解表|任务分解|分工安排|责任分解|责任分工|目标分解|分解方案")),
    ("work_points", re.compile(r"要点")),
    ("action_plan", re.compile(r"行动方案|行动计划|攻坚方案|专项行动")),
    ("implementation_plan", re.compile(r"实施方案|实施意见|实施细则|实施计划")),
    ("work_plan", re.compile(r"工作方案|工作计划|工作安排|推进方案|方案")),
]


def compact(text: str) -> str:
    """Text for comparing titles: no spaces, brackets of either width, book-title marks."""
    return re.sub(r"[\s《》“”\"（）()〈〉【】]", "", text)


def is_attachment_label(text: str) -> re.Match | None:
    return ATTACHMENT.match(text) if len(text) <= 90 else None


def kind_of(title: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(title):
            return kind
    return "other"


def empty_head() -> dict:
    return {"addressees": "", "body": "", "signer": "", "date": "", "date_text": "", "note": "",
            "notice_title": "", "cc": "", "contact": "", "attachments": [],
            "printed": ""}


_COLOPHON = re.compile(r"^抄\s*送[:：]|印发$|^（此件[^）]*）$|^联系人[:：]|^（联系人[:：]")


def split_tail(paras: list[tuple[int, str]], head: dict) -> int:
    """Where the signature block at the end of a plan starts (signer, date, 抄送, 印发).

    Returns the number of paragraphs that are plan text; the block is read into ``head``
    (what the notice already gave is kept). Without a date line nothing is cut.
    """
    i = len(paras) - 1
    notes, cc, printed = [], "", ""
    while i >= 0 and len(paras) - i <= 8 and _COLOPHON.search(paras[i][1]):
        text = paras[i][1]
        if re.match(r"^抄\s*送[:：]", text):
            cc = re.sub(r"^抄\s*送[:：]\s*", "", text).rstrip("。")
        elif NOTE.match(text):
            notes.append(text)
        elif re.search(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$", text):
            printed = " ".join(text.split())  # "…办公室  2023年3月10日印发", not "…并印发"
        i -= 1
    if i < 0 or not DATE.match(paras[i][1]):
        if cc or printed:  # the 版记 of a notice that closes the document: 抄送, 印发
            head["cc"] = head.get("cc") or cc
            head["printed"] = head.get("printed") or printed
            return i + 1
        return len(paras)
    head["printed"] = head.get("printed") or printed
    date_text = paras[i][1]
    i -= 1
    signer = ""
    if i >= 0 and len(paras[i][1]) <= 30 and not re.search(r"[。，；：、]", paras[i][1]) \
            and not parse_label(paras[i][1]):
        signer = paras[i][1]
        i -= 1
    if not head["date"]:
        head["date_text"], head["date"] = date_text, iso_date(date_text)
    head["signer"] = head["signer"] or signer
    head["note"] = head["note"] or (notes[0] if notes else "")
    head["cc"] = head["cc"] or cc
    return i + 1


def read_doc_number(m: re.Match, line: int, warnings: list) -> str:
    fixed = f"{m.group('org')}〔{m.group('year')}〕{m.group('num')}号"
    if m.group("open") != "〔" or m.group("close") != "〕":
        warn(warnings, line, "importer.doc_number_brackets",
             brackets=m.group("open") + m.group("close"), fixed=fixed)
    return fixed


def iso_date(date_text: str) -> str:
    m = DATE.match(date_text)
    if not m:
        return ""
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    y = int(y) if y.isdigit() else cn_to_int(y.replace("○", "〇"))
    mo = int(mo) if mo.isdigit() else cn_to_int(mo)
    d = int(d) if d.isdigit() else cn_to_int(d)
    if not (y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def year_of(title: str, doc_number: str, date: str) -> int | None:
    for text in (title, doc_number, date):
        m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text or "")
        if m:
            return int(m.group(1))
    return None


def issuer_from_notice(notice_title: str) -> str:
    m = re.match(r"^(.{2,40}?)关于", notice_title or "")
    return m.group(1) if m else ""


def issuer_from_title(title: str) -> str:
    m = _ORG.match(title or "")
    return m.group(1) if m else ""
