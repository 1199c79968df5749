"""The main part of the notice up to the attachment list: title, 主送机关, 正文."""
from __future__ import annotations

from .paginate import split_text
from .plan import split_paragraphs
from .styles import ADDRESSEE, BODY, TITLE
from .title import break_title


def write_title(builder, title: str, style: str = TITLE, lexicon=()) -> None:
    """One paragraph, lines broken with w:br so Word keeps it one editable title."""
    builder.p(style, ["\n".join(break_title(title, lexicon=lexicon))])


def default_body(plan: dict) -> str:
    return f"现将《{plan.get('title', '').strip()}》印发给你们，请认真组织实施。"


def body_paragraphs(plan: dict, notice: dict) -> list[str]:
    return split_paragraphs(notice.get("body") or default_body(plan))


def write_main(builder, plan: dict, notice: dict, lexicon=(), split_at=None) -> None:
    """Title, 主送机关 and 正文.  `split_at` cuts the last body paragraph there: its first
    part fills the lines left on its page (distributed, so a full line stays full) and
    the rest goes along with the signature."""
    write_title(builder, notice["title"], lexicon=lexicon)
    addressees = (notice.get("addressees") or "").strip()
    if addressees:
        builder.blank(1)
        builder.p(ADDRESSEE, [addressees])
    paragraphs = body_paragraphs(plan, notice)
    for i, text in enumerate(paragraphs):
        if split_at and i == len(paragraphs) - 1:
            head, tail = split_text(text, split_at)
            if tail:
                builder.p(BODY, [head], jc="distribute")
                builder.p(BODY, [tail], first_line=0)
                continue
        builder.p(BODY, [text])
