"""The main part of the notice up to the attachment list: title, 主送机关, 正文."""
from __future__ import annotations

import re

from .paginate import split_text
from .plan import split_paragraphs
from .styles import ADDRESSEE, BODY, HEADING, KAI_CHAR, TITLE
from .title import break_title


def write_title(builder, title: str, style: str = TITLE, lexicon=()) -> None:
    """One paragraph, lines broken with w:br so Word keeps it one editable title."""
    builder.p(style, ["\n".join(break_title(title, lexicon=lexicon))])


def default_body(plan: dict) -> str:
    return f"现将《{plan.get('title', '').strip()}》印发给你们，请认真组织实施。"


_HEAD1 = re.compile(r"^[一二三四五六七八九十]+、")
_HEAD2 = re.compile(r"^（[一二三四五六七八九十]+）[^。；]*[。；]?")


def write_body_paragraph(builder, text: str) -> None:
    """A paragraph of 正文 by its numbering: “一、” 黑体, “（一）…。” run in 楷体."""
    if _HEAD1.match(text):
        # A heading with its text run in is no heading line to keep with the next one.
        run_in = len(text) > 30 or "。" in text.rstrip("。")
        builder.p(HEADING[1], [text], **({"keep_next": False} if run_in else {}))
        return
    m = _HEAD2.match(text)
    if m:
        builder.p(HEADING[2], [(m.group(0), {"style": KAI_CHAR}), text[m.end():]])
        return
    builder.p(BODY, [text])


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
        write_body_paragraph(builder, text)
