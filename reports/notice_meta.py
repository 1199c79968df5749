"""The notice metadata a clerk would fill in, prefilled from what the workspace knows.

For a plan: what was stored for it last time; else the office's settings from the most
recent notice (issuer mark, signer, addressees, cc, printing office) with the next 发文字号
of that office's sequence for this year; the title "关于印发《…》的通知"; and today's date.
What an imported document said about itself (its 主送, 落款, 附注) fills the rest.
"""
from __future__ import annotations

import datetime as _dt
import re

from reports.docx.notice import suggest_next_doc_number

# Fields that belong to the office and carry over from one notice to the next.
OFFICE_FIELDS = ("issuer_mark", "letterhead", "signer", "addressees", "cc", "printer", "sealed",
                 "colophon_even_page", "fonts", "division_table_columns")


def _iso(text: str) -> str:
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text or "")
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else ""


def default_attachments(plan) -> list[str]:
    """The attachment list of a notice that attaches the plan and its division table."""
    return [plan.title, f"{plan.title}重点任务分工表"]


def prefix_of(number: str) -> str | None:
    m = re.match(r"^(.*?)[〔\[（(【［]\d{4}[〕\]）)】］]", number or "")
    return m.group(1) if m else None


def notice_for(ws, plan_uuid, overrides: dict | None = None, today: _dt.date | None = None) -> dict:
    plan = ws.plan(plan_uuid)
    today = today or _dt.date.today()
    stored = ws.notice(plan.uuid)
    notice: dict = {}
    if not stored:
        others = [n for n in ws.all_notices() if n]
        latest = others[-1] if others else {}
        notice.update({k: latest[k] for k in OFFICE_FIELDS if k in latest})
        head = plan.head or {}
        if head.get("addressees") and "addressees" not in notice:
            notice["addressees"] = head["addressees"]
        issuer = plan.issuer or head.get("signer") or ""
        if issuer:
            notice.setdefault("signer", issuer)
            notice.setdefault("issuer_mark", f"{issuer}文件")
        if head.get("note"):
            notice.setdefault("note", head["note"])
        prefix = prefix_of(latest.get("doc_number", ""))
        if prefix:
            numbers = [n.get("doc_number", "") for n in others]
            notice["doc_number"] = suggest_next_doc_number(numbers, prefix, today.year)
        elif plan.doc_number:
            # A plan imported with its own issuing notice: start from that notice.
            notice["doc_number"] = plan.doc_number
            date = head.get("date") or _iso(head.get("date_text", ""))
            if date:
                notice["date"] = date
        notice["title"] = head.get("notice_title") if plan.doc_number and head.get("notice_title") \
            else f"关于印发《{plan.title}》的通知"
    notice.update(stored)
    notice.setdefault("letterhead", "printed")
    notice.setdefault("sealed", True)
    notice.setdefault("date", today.isoformat())
    for key, value in (overrides or {}).items():
        if value is not None:
            notice[key] = value
    if not notice.get("printer") and notice.get("colophon") is not False and notice.get("signer"):
        # The issuer's office prints the notice unless the clerk says otherwise.
        from reports.docx.render import default_printer
        notice["printer"] = default_printer(notice)
    if not (overrides or {}).get("print_date") and notice.get("print_date", "") < notice["date"]:
        notice["print_date"] = notice["date"]     # printed on the day it is signed, or later
    if notice.get("addressees") and not notice["addressees"].endswith(("：", ":")):
        notice["addressees"] = notice["addressees"].rstrip("，,。") + "："
    return notice
