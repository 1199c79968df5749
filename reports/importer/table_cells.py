"""Reading single cells of a division table: headers, phrases, measures, row numbers.

Used by ``table.TableReader``; kept apart because each helper is one rule a clerk can
check against a table: which header words mean which column, where one responsibility
phrase ends and the next begins, how "1. … 2. …" in one cell splits into measures.
"""

from __future__ import annotations

import re

from models.hanzi_fold import fold

from .labels import Label, circled, int_to_cn, parse_label
from .normalize import normalise, split_html_blocks, strip_html
from .responsibility import is_annotation, looks_like_unit, split_units

_HEADER_WORDS = [
    ("number", ("序号", "编号", "序")),
    # internal divisions of one office ("市卫健委内牵头处室"): never departments
    ("division_lead", ("牵头处室", "主责处室", "牵头科室", "牵头股室", "内牵头")),
    ("division_support", ("配合处室", "协办处室", "配合科室", "配合股室", "内配合")),
    ("division", ("责任处室", "处室", "科室", "股室", "内设机构")),
    ("leader", ("牵头负责领导", "牵头领导", "责任领导", "分管领导", "联系领导", "包保领导")),
    ("lead", ("牵头单位", "牵头部门", "主责单位", "主责部门", "主办单位", "牵头责任单位", "主要责任单位",
              "牵头负责单位", "主要负责单位", "牵头")),
    ("support", ("配合单位", "配合部门", "协办单位", "参与单位", "协同单位", "参加单位", "协同责任单位",
                 "协同配合单位", "配合责任单位", "协作单位", "协同", "配合")),
    ("guide", ("指导单位", "指导部门")),
    ("responsible", ("责任单位", "责任部门", "负责单位", "承办单位", "实施单位", "责任主体", "落实单位")),
    ("deadline", ("完成时限", "完成时间", "时间节点", "完成期限", "时间安排", "进度安排", "时限", "时间")),
    ("leader", ("责任领导", "牵头领导", "分管领导", "责任人", "联系人")),
    ("progress", ("进展情况", "完成情况", "完成状态", "推进情况", "进度")),
    ("percent", ("完成百分比", "百分比", "完成比例")),
    ("problems", ("存在问题", "存在的问题", "困难问题")),
    ("next_steps", ("下一步工作计划", "下一步计划", "下步工作计划", "下一步工作", "下步打算")),
    ("note", ("备注", "说明")),
    ("task", ("重点任务", "工作任务", "主要任务", "主要内容", "具体措施", "工作内容", "任务内容", "工作措施",
              "具体内容", "主要措施", "具体任务", "工作目标", "目标任务", "任务名称", "重点工作", "工作举措",
              "任务分解", "措施", "任务", "内容", "类别", "项目", "事项", "领域")),
]
_PERSON_HEADS = ("领导", "负责人", "责任人", "联系人")
ROLE_KINDS = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位", "guide": "指导单位",
              "division_lead": "牵头处室", "division_support": "配合处室", "division": "责任处室"}
ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[）)])$")
_ROLE_WORD_SPLIT = re.compile(r"(?<=牵头|参加|负责|配合|参与|协助|指导|落实)\s+(?=\S)")


def header_kind(cell: str) -> str | None:
    text = re.sub(r"[\s（(][^）)]*[）)]|\s", "", cell)
    # 机关 heads a column of units as 单位 does (主辦機關 | 協辦機關 in Taiwan's plans)
    text = text.replace("机关", "单位")
    if not text or len(text) > 12:
        return None
    for kind, words in _HEADER_WORDS:
        if any(word in text for word in words):
            return kind
    if text.endswith(_PERSON_HEADS):   # "县级包抓领导", "包联负责人": people, however qualified
        return "leader"
    return None


def header_kinds(cells: list[str]) -> list[str | None] | None:
    """Column kinds when ``cells`` is a header row ("重点任务 | 牵头单位 | …"), else None."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(re.sub(r"\s", "", c)) > 16 for c in filled):
        return None
    kinds = [header_kind(fold(c)) for c in cells]  # 牽頭單位 | 完成時限 read as 牵头单位 | 完成时限
    if sum(k is not None for k in kinds) < 2 or sum(k is None for k, c in zip(kinds, cells)
                                                     if c.strip()) > 1:
        return None
    if not any(k in ("task", "lead", "support", "responsible") for k in kinds):
        return None
    for i in range(1, len(kinds)):  # a blank header cell continues a merged "task" header
        if kinds[i] is None and not cells[i].strip() and kinds[i - 1] == "task":
            kinds[i] = "task"
    return kinds


def phrases(cell: str) -> list[str]:
    """A responsibility cell's phrases: one per paragraph, or per role word + space."""
    out = []
    for block in split_html_blocks(cell):
        for part in strip_html(block).split("\n"):
            for phrase in _ROLE_WORD_SPLIT.split(part):
                phrase = normalise(phrase)
                if phrase:
                    out.append(phrase)
    return out


def cell_text(cell: str) -> str:
    """A task cell as text, paragraph breaks kept as line breaks."""
    return "\n".join(t for t in (normalise(b) for b in split_html_blocks(cell)) if t)


def split_measures(text: str) -> list[str]:
    """'1. A。 2. B。' -> ['1. A。', '2. B。'] when the numbers run on; else [text]."""
    first = parse_label(text)
    if not first or first.number is None or first.ambiguous or first.style in ("1", "part"):
        return [text]
    pieces, start, number = [], 0, first.number
    pattern = _label_pattern(first)
    position = len(first.source)
    while True:
        number += 1
        found = None
        for m in pattern(number).finditer(text, position):
            before = text[m.start() - 1] if m.start() else "\n"
            if before in "\n。；;！？!?） ":
                found = m
                break
        if found is None:
            break
        pieces.append(text[start:found.start()].strip())
        start = position = found.start()
    pieces.append(text[start:].strip())
    return pieces


def _label_pattern(label: Label):
    if label.style == "3":
        return lambda n: re.compile(rf"(?<![\d.]){n}\s*[.．、](?!\d)")
    if label.style == "4":
        return lambda n: re.compile(rf"[（(]{n}[）)]")
    if label.style == "2":
        return lambda n: re.compile(rf"[（(]{int_to_cn(n)}[）)]")
    if label.style == "5":
        return lambda n: re.compile(re.escape(circled(n)))
    return lambda n: re.compile(r"(?!x)x")


def number_label(text: str, rest: str) -> Label | None:
    """The label given by a 序号 cell ("1", "一", "（一）") for the row's task text."""
    text = text.strip()
    label = parse_label(text) or parse_label(text + "、")
    if label is None or label.rest:
        return None
    return Label(label.style, label.number, text, rest)


def unit_list(text: str) -> bool:
    """Short names without sentences: what a 牵头单位 column holds even for unknown units."""
    stripped = text.rstrip("。；; ")  # "区经信局、区财政局等区政府有关部门，谯城经开区管委会。"
    units = split_units(stripped)
    if "。" in stripped or len(stripped) > 300 or not all(len(u) <= 25 for u in units):
        return False
    # with a full stop it must really be a list of units, not a sentence in the wrong column
    return stripped == text or (bool(units) and all(looks_like_unit(u) for u in units))


def responsibility_like(cell: str, hint: str | None) -> bool:
    """Does the cell read as units with roles? Under a task header only with role words
    ("A牵头，B参加"): a task such as "建设…工作站。" ends like a unit name."""
    found = phrases(cell)
    bare_allowed = hint != "task" and not strip_html(cell).strip().endswith("。")
    return bool(found) and all(is_annotation(p, at_end=bare_allowed) for p in found)
