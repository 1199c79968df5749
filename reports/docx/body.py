"""The main part of the notice up to the attachment list: title, 主送机关, 正文."""
from __future__ import annotations

from .plan import split_paragraphs
from .styles import ADDRESSEE, BODY, TITLE
from .title import break_title


def write_title(builder, title: str, style: str = TITLE) -> None:
    """One paragraph, lines broken with w:br so Word keeps it one editable title."""
    builder.p(style, ["\n".join(break_title(title))])


def default_body(plan: dict) -> str:
    return f"现将《{plan.get('title', '').strip()}》印发给你们，请认真组织实施。"


def write_main(builder, plan: dict, notice: dict) -> None:
    write_title(builder, notice["title"])
    addressees = (notice.get("addressees") or "").strip()
    if addressees:
        builder.blank(1)
        builder.p(ADDRESSEE, [addressees])
    for text in split_paragraphs(notice.get("body") or default_body(plan)):
        builder.p(BODY, [text])
