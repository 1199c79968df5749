"""The plan as 公文 text: headings by level, run-in 楷体 （一）, responsibility notes.

Fonts by level (design §3.2): 一、 黑体 on its own line; （一） 楷体, run in with the rest
of the paragraph in 仿宋; 1. and （1） 仿宋.  Numbers come ready-made in the dump.
"""
from __future__ import annotations

from models.numbering import display_label

from .styles import BODY, HEADING, KAI_CHAR

ROLE_ORDER = ("lead", "support", "responsible", "guide")
_END_PUNCT = "。！？；：…"


def annotation(task: dict, labels: dict) -> str:
    """（牵头单位：…；配合单位：…；完成时限：…）, or "" when the task names nobody."""
    roles = task.get("roles") or {}
    parts = []
    for role in ROLE_ORDER:
        names = [n for n in roles.get(role) or [] if n]
        if names:
            parts.append(f"{labels[role]}：{'、'.join(names)}")
    deadline = deadline_text(task)
    if deadline:
        parts.append(f"{labels['deadline']}：{deadline}")
    return f"（{'；'.join(parts)}）" if parts else ""


def deadline_text(task: dict) -> str:
    d = task.get("deadline")
    if isinstance(d, dict):
        return (d.get("text") or d.get("date") or "").strip()
    return str(d or "").strip()


def lead_in(title: str, has_more: bool) -> str:
    """A run-in heading ends with 。 when text follows it; a standalone one has none."""
    title = (title or "").strip()
    if has_more and title and title[-1] not in _END_PUNCT:
        return title + "。"
    return title


def split_paragraphs(text: str) -> list[str]:
    return [t.strip() for t in (text or "").splitlines() if t.strip()]


def write_task(builder, task: dict, opts) -> None:
    """The task's own paragraph(s), then its children, depth first."""
    level = int(task.get("level") or 1)
    number = display_label(task)
    title = (task.get("title") or "").strip()
    paras = split_paragraphs(task.get("text", ""))
    note = annotation(task, opts.role_labels)

    if level <= 1 and number not in ("", "——"):
        builder.p(HEADING[1], [number + title])
        if note and not paras:
            paras = [""]
        for i, text in enumerate(paras):
            last = i == len(paras) - 1
            builder.p(BODY, [text + (note if last else "")])
    elif level == 2 and number not in ("", "——"):
        first = paras[0] if paras else ""
        head = lead_in(title, bool(first or note))
        # A heading line without text keeps with what follows; run-in paragraphs need not.
        builder.p(HEADING[2], [(number + head, {"style": KAI_CHAR}),
                               first + (note if len(paras) <= 1 else "")],
                  **({"keep_next": True} if not (first or note) else {}))
        _rest(builder, paras[1:], note)
    else:
        style = HEADING.get(level, BODY) if number not in ("", "——") else BODY
        first = paras[0] if paras else ""
        head = lead_in(title, bool(first))
        builder.p(style, [number + head + first + (note if len(paras) <= 1 else "")])
        _rest(builder, paras[1:], note)
    for child in task.get("children") or []:
        write_task(builder, child, opts)


def _rest(builder, paras, note):
    for i, text in enumerate(paras):
        builder.p(BODY, [text + (note if i == len(paras) - 1 else "")])


def write_plan(builder, plan: dict, opts) -> None:
    for text in split_paragraphs(plan.get("preamble", "")):
        builder.p(BODY, [text])
    for task in plan.get("tasks") or []:
        write_task(builder, task, opts)
