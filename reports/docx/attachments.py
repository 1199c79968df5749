"""附件说明 under the body and the head of each attachment page (design §3.2, §5.7).

The list's hanging indents make wrapped lines start under the first character of the
name; numbers and names printed here are the ones the attachment pages carry.
"""
from __future__ import annotations

from . import units
from .body import write_title
from .props import ppr
from .signature import text_width
from .styles import ATTACH_LABEL, ATTACH_LIST, ATTACH_TITLE
from .xml import qn, wval

LABEL = "附件："


def attachment_labels(count: int) -> list[str]:
    """附件 when there is one, 附件1, 附件2… when there are several."""
    return ["附件"] if count == 1 else [f"附件{i}" for i in range(1, count + 1)]


def keep_with_next(builder) -> None:
    """Tie the paragraph just written to what follows.  A body paragraph may still
    split, but with widow control at least its last two lines come along: the signature
    page always holds 正文 (GB/T 9704 7.3.5)."""
    last = builder.last_p
    if last is None:
        return
    if wval(last.find(qn("w:pPr")), "pStyle") == ATTACH_LIST:
        ppr(last, keep_next=True, keep_lines=True)
    else:
        ppr(last, keep_next=True)


def write_attachment_list(builder, names: list[str]) -> None:
    """The list is one block: every item keeps with the next and the signature."""
    if not names:
        return
    keep_with_next(builder)
    builder.blank(1, keep_next=True)
    start = units.BODY_FIRST_LINE            # 2 字 indent
    label_w = text_width(LABEL)              # 附件： = 3 字
    if len(names) == 1:
        builder.p(ATTACH_LIST, [LABEL + names[0]], left=start + label_w, hanging=label_w,
                  keep_next=True, keep_lines=True)
        return
    for i, name in enumerate(names, 1):
        num = f"{i}."
        num_w = text_width(num)
        left = start + label_w + num_w
        if i == 1:
            builder.p(ATTACH_LIST, [LABEL + num + name], left=left, hanging=label_w + num_w,
                      keep_next=True, keep_lines=True)
        else:
            builder.p(ATTACH_LIST, [num + name], left=left, hanging=num_w,
                      keep_next=True, keep_lines=True)


def write_attachment_head(builder, label: str, title: str, opts, *, page_break=True,
                          lexicon=()) -> None:
    """附件N flush left on line 1, the title centred on line 3, one blank line after."""
    builder.p(ATTACH_LABEL, [label], **({} if page_break else {"page_break_before": False}))
    builder.blank(1)
    write_title(builder, title, ATTACH_TITLE, lexicon=lexicon)
    builder.blank(opts.blank_after_attachment_title)
