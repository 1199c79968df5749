"""Who leads, supports, is responsible for or guides a task, from the document's own words.

Reused by the Excel importer for the cells of 牵头单位 / 配合单位 / 责任单位 columns, so it
depends on nothing but the standard library.

``parse_responsibility(text, convention=None) -> (roles, convention)``

``text`` is one responsibility annotation or table cell, with or without its brackets::

    （牵头单位：区市场监管局，配合单位：区科技局、区财政局）
    牵头单位：A；配合单位：B、C；完成时限：2023年底前   (the deadline part is ignored here)
    （省编办牵头，省知识产权局、省工商局参加）
    （A、B负责）   （A、B按职责分工负责）   （A指导，B负责）   （由A会同B负责）
    〔责任单位：A、B按职责分工负责。各区、县级市政府负责落实，不再列出，下同。〕

``roles`` is ``{"lead": [...], "support": [...], "responsible": [...], "guide": [...]}``
with unit names in document order, each unit once:

- 牵头 / 牵头单位 -> lead; 配合 / 参加 / 参与 / 协助 / 协同 / 配合单位 -> support;
  指导 -> guide; 负责 / 责任单位 / 按职责分工负责 -> responsible …
- … unless a lead is singled out in the same annotation (by a 牵头 word or label), or by the
  lead-first convention: then the responsible units become support ("牵头单位：A" followed by
  "责任单位：B、C" means B and C support A), and under the convention the first-listed
  responsible unit becomes the lead.

``convention`` carries what a document states once for all later annotations
(``Convention``): "排在第一位的为牵头单位，下同" turns on ``lead_first``; "各区、县级市政府
负责落实，不再列出" records 各区、县级市政府 in ``omitted_units`` — such a unit applies to
every task, and we do *not* add it to each task (the document chose not to list it; the
importer reports it once as a plan-level note instead). Pass the returned convention to the
next call to carry it through the document.

Unit names: "A、B等有关部门" gives A and B (the trailing 等有关部门 is not a department);
collective units are kept whole even when they contain 、 ("各区、县级市", "各县（市、区）");
separators 、，,；; and line breaks are all accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .units import (VERB_RE, VERB_ROLE, looks_like_unit, marked_role, split_outside_brackets,
                    split_units)

__all__ = ["Convention", "parse_responsibility", "split_units", "looks_like_unit", "is_annotation",
           "read_convention", "merge_roles", "has_roles", "empty_roles", "ROLES"]

ROLES = ("lead", "support", "responsible", "guide")

# labels ("牵头单位：") and the role they give; None = not a unit list (deadline, person)
_LABELS = {
    "牵头单位": "lead", "牵头部门": "lead", "主责单位": "lead", "主责部门": "lead", "主办单位": "lead",
    "牵头责任单位": "lead", "牵头负责单位": "lead", "主要责任单位": "lead", "主要负责单位": "lead",
    "牵头责任部门": "lead", "主要责任部门": "lead", "牵头": "lead",
    "配合单位": "support", "配合部门": "support", "协办单位": "support", "参与单位": "support",
    "参加单位": "support", "协同单位": "support", "协助单位": "support", "配合": "support",
    "协同责任单位": "support", "协同配合单位": "support", "配合责任单位": "support", "协作单位": "support",
    "协同部门": "support", "协同责任部门": "support", "配合责任部门": "support", "其他责任单位": "support",
    "责任单位": "responsible", "责任部门": "responsible", "负责单位": "responsible",
    "承办单位": "responsible", "实施单位": "responsible", "责任主体": "responsible",
    "落实单位": "responsible", "实施主体": "responsible",
    "指导单位": "guide", "指导部门": "guide",
    "完成时限": None, "完成时间": None, "完成期限": None, "时间节点": None, "时间安排": None,
    "进度安排": None, "时限要求": None, "时限": None, "责任领导": None, "牵头领导": None,
    "分管领导": None, "责任人": None, "联系人": None, "牵头负责领导": None, "牵头市领导": None,
    "牵头区领导": None, "牵头县领导": None, "分管负责领导": None, "联系领导": None, "包保领导": None,
}
LABEL_RE = re.compile(
    r"(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*(?:[:：]|为(?=[^牵配责]))\s*")
# a clause that is a date or a time span, not units: "2023年6月底前完成", "长期坚持"
_DATEISH = re.compile(r"^(?:完成时限|时间|时限)?[:：]?(?:到|至|于|在|力争|确保)?(?:\d{4}年|\d{1,2}月|每年|每季度|每月|"
                      r"长期|持续|常态化|年底|年内)[^、]*$")
_LEAD_FIRST = re.compile(
    r"(?:排|列|位)?(?:在|于|列)?(?:第一位|首位|第一个|第一名|最前|前面|第1位)的?(?:单位|部门)?"
    r"(?:为|是|系)(?:牵头|主责)(?:单位|部门)")
_OMITTED = re.compile(r"不再(?:一一|逐一|单独|重复)?(?:列出|列举|做分工|作分工|分工|列明|列入)")
_BRACKETS = {"（": "）", "(": ")", "〔": "〕", "[": "]", "【": "】", "［": "］", "{": "}"}


@dataclass(frozen=True)
class Convention:
    """What a document stated once for all later annotations ("下同")."""

    lead_first: bool = False                 # 排在第一位的为牵头单位
    omitted_units: tuple[str, ...] = field(default=())  # 各区、县级市政府…不再列出


def parse_responsibility(text: str, convention: Convention | None = None):
    """Roles in one annotation or table cell; see the module docstring.

    Returns ``(roles, convention)``; the convention is the one passed in, updated with what
    ``text`` states for the rest of the document.
    """
    roles, convention, _rejected = parse_with_rejects(text, convention)
    return roles, convention


def empty_roles() -> dict:
    return {role: [] for role in ROLES}


def parse_with_rejects(text: str, convention: Convention | None = None):
    """Like ``parse_responsibility`` and also the pieces that were not unit names."""
    convention = convention or Convention()
    roles = empty_roles()
    rejected: list[str] = []
    text = _clean(text)
    if not text:
        return roles, convention, rejected
    text, convention = _read_conventions(text, convention)
    explicit_lead = False
    labelled = list(LABEL_RE.finditer(text))
    pieces: list[tuple[str | None, str]] = []  # (role given by a label or None, text)
    if labelled:
        if labelled[0].start() > 0:
            pieces.append((None, text[:labelled[0].start()]))
        for i, m in enumerate(labelled):
            end = labelled[i + 1].start() if i + 1 < len(labelled) else len(text)
            role = _LABELS[m.group(1)]
            if role is not None:
                pieces.append((role, text[m.end():end]))
    else:
        pieces.append((None, text))
    for label_role, piece in pieces:
        for role, units in _clauses(piece, label_role, rejected):
            for unit in units:
                unit, marked = marked_role(unit)
                given = marked or role
                explicit_lead |= given == "lead"
                if unit not in roles[given]:
                    roles[given].append(unit)
    roles = _apply_lead(roles, explicit_lead, convention)
    return roles, convention, rejected


def read_convention(text: str, convention: Convention | None = None) -> Convention:
    """The convention after a running-text statement such as "排在第一位的为牵头单位，下同"."""
    return _read_conventions(_clean(text), convention or Convention())[1]


def _apply_lead(roles: dict, explicit_lead: bool, convention: Convention) -> dict:
    if explicit_lead and roles["responsible"]:
        roles["support"] = _merge(roles["responsible"], roles["support"])
        roles["responsible"] = []
    elif not roles["lead"] and convention.lead_first and roles["responsible"]:
        first, rest = roles["responsible"][0], roles["responsible"][1:]
        roles["lead"] = [first]
        roles["support"] = _merge(rest, roles["support"])
        roles["responsible"] = []
    # a unit has one role per task: the first (strongest) one it was given
    seen: set[str] = set()
    for role in ("lead", "guide", "responsible", "support"):
        roles[role] = [u for u in roles[role] if not (u in seen or seen.add(u))]
    return roles


def _merge(first: list[str], second: list[str]) -> list[str]:
    return first + [u for u in second if u not in first]


def _clean(text: str) -> str:
    text = text.strip().replace("\u3000", " ").replace("\t", " ")
    text = text.replace("(", "（").replace(")", "）").replace(":", "：").replace(";", "；")
    text = re.sub(r"(?<![\w\d]),|,(?!\d)", "，", text)
    # spaces between Chinese characters are noise, except as a unit separator (handled later)
    text = re.sub(r"[ \u00a0]*\n[ \u00a0]*", "\n", text)
    while len(text) >= 2 and text[0] in _BRACKETS and closes_at_end(text):
        text = text[1:-1].strip()
    return text.strip("。；，、 \n")


def closes_at_end(text: str) -> bool:
    """True when the bracket opening ``text`` closes at its very end."""
    opening, closing = text[0], _BRACKETS[text[0]]
    depth = 0
    for i, ch in enumerate(text):
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False


def _read_conventions(text: str, convention: Convention):
    """Take the sentences that state a convention out of ``text``; update ``convention``."""
    kept = []
    for sentence in re.split(r"(?<=[。；])", text):
        if not sentence.strip():
            continue
        if _LEAD_FIRST.search(sentence):
            convention = replace(convention, lead_first=True)
            # "A、B负责，排在第一位的为牵头单位，下同": keep the clause before the statement
            sentence = _LEAD_FIRST.split(sentence)[0]
        if _OMITTED.search(sentence):
            units = _omitted_units(sentence[:_OMITTED.search(sentence).start()])
            convention = replace(
                convention,
                omitted_units=convention.omitted_units + tuple(
                    u for u in units if u not in convention.omitted_units))
            continue
        sentence = re.sub(r"[，,]?\s*(?:以下|下)同[。；]?$", "", sentence.strip())
        kept.append(sentence)
    return "".join(kept).strip("。；， "), convention


def _omitted_units(before: str) -> tuple[str, ...]:
    """The units a "不再列出" sentence speaks of: "各区、县级市政府负责落实，" or
    "具体任务均涉及相关市（州）人民政府，" (the clause nearest the statement that names units)."""
    for clause in reversed(split_outside_brackets(before, "，,；;")):
        clause = re.sub(r"^.*?(?:涉及|均由|由|包括|请)", "", clause.strip())
        clause = re.sub(r"(?:负责落实|负责|按职责|均|都|要|须|需|应).*$", "", clause)
        units = tuple(u for u in split_units(clause) if looks_like_unit(u))
        if units:
            return units
    return ()


def _clauses(piece: str, label_role: str | None, rejected: list[str]):
    """Split ``piece`` into clauses ending in a role verb; yield (role, units).

    Clauses without a verb wait for the next verb ("A，B负责": both responsible); what is
    left at the end gets the label's role (or responsible when there is no label). Inside a
    labelled piece a generic 负责 keeps the label's role ("牵头单位：A负责" -> lead).
    """
    pending: list[str] = []
    for clause in split_outside_brackets(piece, "，,；;。\n"):
        clause = re.sub(r"^(?:由|请|均由|分别由|并由|其中)", "", clause.strip(" 、"))
        if not clause or _DATEISH.match(clause):
            continue  # the deadline inside an annotation is read by the deadline finder
        m = VERB_RE.search(clause)
        if not m or (m.start() == 0 and not pending):
            pending.append(clause)
            continue
        role = VERB_ROLE[m.group(0)]
        if label_role is not None and role == "responsible":
            role = label_role
        units_text = clause[:m.start()]
        if "会同" in units_text and role in ("lead", "responsible"):
            # "A会同B负责": A leads, B supports
            head, _, tail = units_text.partition("会同")
            yield "lead", _units(pending + [head], rejected)
            yield "support", _units([tail], rejected)
        else:
            yield role, _units(pending + [units_text], rejected)
        pending = []
    if pending:
        yield (label_role or "responsible"), _units(pending, rejected)


def _units(texts: list[str], rejected: list[str]) -> list[str]:
    out = []
    for text in texts:
        for unit in split_units(text):
            if looks_like_unit(unit):
                out.append(unit)
            elif unit:
                rejected.append(unit)
    return out


def is_annotation(content: str, at_end: bool) -> bool:
    """Is a bracket's content a responsibility annotation (rather than an aside)?

    Role labels ("责任单位：") and conventions always qualify. Verb clauses ("A牵头，B参加")
    qualify when their units look like units. A bare list of unit names ("（区市场监管局）")
    only qualifies at the end of a task.
    """
    text = _clean(content)
    if not text or len(text) > 400:
        return False
    if LABEL_RE.search(text) and any(_LABELS[m.group(1)] for m in LABEL_RE.finditer(text)):
        return True
    if _LEAD_FIRST.search(text) or (_OMITTED.search(text) and at_end):
        return True
    clauses = [c.strip(" 、") for c in split_outside_brackets(text, "，,；;。\n")
               if c.strip(" 、") and not _DATEISH.match(c.strip(" 、"))]
    if not clauses:
        return False
    with_verb = 0
    for clause in clauses:
        clause = re.sub(r"^(?:由|请|均由|分别由|并由)", "", clause)
        m = VERB_RE.search(clause)
        units = split_units(clause[:m.start()] if m else clause)
        if not units or not all(looks_like_unit(u) for u in units):
            return False
        with_verb += bool(m)
    return with_verb > 0 or at_end


def has_roles(roles: dict) -> bool:
    return any(roles.get(r) for r in ROLES)


def merge_roles(target: dict, extra: dict) -> dict:
    """Add ``extra``'s units to ``target`` (in place), keeping one role per unit."""
    present = {u for r in ROLES for u in target.get(r, [])}
    for role in ROLES:
        for unit in extra.get(role, []):
            if unit not in present:
                target.setdefault(role, []).append(unit)
                present.add(unit)
    return target
