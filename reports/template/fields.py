"""The header mapper: which field a template's column asks for, from its header's meaning.

A header is normalised (full-width to half-width, spaces and brackets' punctuation
dropped, a bracketed unit such as （%） kept as a hint) and compared with field concepts —
the word stems clerks use for each field — in an order that settles the overlaps:
完成时限 is a deadline, 完成状态 a status, 完成百分比 a percent, 完成情况 progress text,
下一步工作计划 next steps although it says 工作. A header no concept claims is kept as an
unknown column for the clerk to map; it never stops the reading.
"""
from __future__ import annotations

import re
import unicodedata

from models.hanzi_fold import fold


# (field, stems): the first concept with a stem in the header wins.
CONCEPTS: list[tuple[str, tuple[str, ...]]] = [
    ("upper_key", ("上级任务编码", "上级编码", "上级任务代码")),
    ("key", ("任务编码", "任务代码", "编码")),
    ("number", ("序号", "编号", "序列")),
    ("next_steps", ("下一步", "下步", "下阶段", "下一阶段", "打算", "工作计划", "计划安排", "后续")),
    ("problems", ("问题", "困难", "短板", "不足", "瓶颈")),
    ("percent", ("百分比", "比例", "完成率", "%", "进度值")),
    ("status", ("状态", "是否完成", "完成与否", "办结", "销号")),
    ("deadline", ("时限", "期限", "时间节点", "完成时间", "截止时间", "时间安排", "进度安排")),
    ("leader", ("领导", "责任人", "联系人")),
    ("lead", ("牵头",)),
    ("support", ("配合", "协办", "协同", "参与", "参加", "协助")),
    ("guide", ("指导",)),
    ("responsible", ("责任单位", "责任部门", "负责单位", "承办", "实施单位", "责任主体", "落实单位",
                     "主责", "单位")),
    ("text", ("进展", "完成情况", "推进情况", "落实情况", "工作情况", "开展情况", "执行情况", "成效",
              "进度")),
    ("note", ("备注", "说明", "其他")),
    ("task", ("任务", "措施", "内容", "事项", "工作", "目标", "项目", "举措", "类别", "领域", "指标")),
]

_BRACKETED = re.compile(r"[（(\[【]([^）)\]】]*)[）)\]】]")
_NOISE = re.compile(r"[\s:：、，,。.．;；/\\|*＊★\-—_]+")


def normalise_header(text: str) -> str:
    """NFKC, bracketed notes kept without their brackets, spaces and punctuation dropped."""
    s = fold(unicodedata.normalize("NFKC", str(text or "")))  # 牽頭單位 is 牵头单位
    s = _BRACKETED.sub(lambda m: m.group(1), s)
    return _NOISE.sub("", s)


def field_of(header: str) -> str | None:
    """The field a header asks for, or None when no concept claims it."""
    s = normalise_header(header)
    if not s or len(s) > 24:
        return None
    for field, stems in CONCEPTS:
        if any(stem in s for stem in stems):
            return field
    return None


def looks_like_header(cells: list[str]) -> bool:
    """A header row: two or more cells that name fields, at least one describing a task,
    and short texts (data rows carry sentences)."""
    filled = list(dict.fromkeys(c for c in cells if c.strip()))   # a merged cell counts once
    if len(filled) < 2 or any(len(normalise_header(c)) > 24 for c in filled):
        return False
    fields = [field_of(c) for c in filled]
    named = [f for f in fields if f]
    return len(named) >= 2 and any(f in ("task", "number", "lead", "responsible") for f in named)
