"""Who leads, supports, is responsible for or guides a task, read by a small grammar.

Reused by the Excel importer for the cells of 牵头单位 / 配合单位 / 责任单位 columns, so it
depends on nothing but the standard library.

An annotation (with or without its brackets) is a sequence of sentences (。；;), each a
sequence of clauses (，,、 where a clause ends in a role word). What a clause can be:

- a **labelled field**: ``[owner内] role-word* head ：`` then a unit list —
  ``牵头单位：A``, ``协同责任单位：B``, ``负责部门：C``, ``市卫健委内牵头处室：D``. The head
  says what the list holds: units (单位/部门/机构/主体), internal divisions (处室/科室/内设机构,
  or any head after "X内"), people (领导/负责人/责任人/联系人), a scope (范围) or a
  deadline (时限/时间/期限 …). The role words before the head give the role (lead words win
  over support words over guide over responsible: 牵头负责单位 leads, 配合责任单位 supports);
- a **role clause**: a unit list with a role word after it (``A、B负责``, ``C牵头``,
  ``由A会同B负责``) or before it (``牵头：A``); clauses without a role word wait for the next
  one (``A，B负责``: both responsible); what is left gets the field's role (or responsible);
- a **convention**: the first-listed unit leads (``列第一位者为牵头单位``,
  ``排在第一位的为牵头单位``, ``排名第一的为牵头单位``, ``首位为牵头单位`` …) — for this
  annotation, and for all later ones when it says so (下同/以下同) or stands in the running
  text; units that take part everywhere and are not listed again (``以下均需各区人民政府
  落实，不再列出``) — recorded once, not added to every task; where no unit leads, the
  responsible ones do (``无牵头单位的，责任单位即为牵头单位``) — said of the document in a
  notice's points or its running text, or of one annotation;
- a **person** (``朱伟县长牵头``, ``责任领导：杜新国``) or a **scope** (``适用范围：…``):
  never departments, kept for the task.

Unit lists are split by ``units.split_units`` (、，,；; 和/及 between names, 等 and the generic
tails after it). What the grammar cannot place is returned in ``rejected`` for a warning.

``parse_responsibility(text, convention=None) -> (roles, convention)``; ``read(text,
convention) -> Reading`` gives everything: roles, people, scopes, divisions, rejected pieces,
run-together names, and the convention to pass to the next call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .units import (VERB_RE, VERB_ROLE, looks_like_unit, marked_role, split_outside_brackets,
                    split_units)

__all__ = ["Convention", "Reading", "read", "parse_responsibility", "parse_with_rejects",
           "split_units", "looks_like_unit", "is_annotation", "read_convention", "merge_roles",
           "has_roles", "empty_roles", "ROLES", "LABEL_RE", "is_person", "heading_role"]

ROLES = ("lead", "support", "responsible", "guide")

# -- labelled fields: [owner内] role-word* head ：-------------------------------------------
_LEAD_WORDS = ("牵头", "主责", "主办", "主要", "首办")
_SUPPORT_WORDS = ("配合", "协办", "协同", "协助", "协作", "参与", "参加", "其他", "其它", "联办")
_GUIDE_WORDS = ("指导", "督导", "督办")
_RESPONSIBLE_WORDS = ("责任", "负责", "承办", "实施", "落实", "主体", "具体")
_PERSON_WORDS = ("分管", "联系", "包保", "挂点")
_ROLE_WORD = "|".join(_LEAD_WORDS + _SUPPORT_WORDS + _GUIDE_WORDS + _RESPONSIBLE_WORDS
                      + _PERSON_WORDS + ("[市区县省]", "完成", "适用", "实施"))
_HEADS = {
    "unit": ("单位", "部门", "机构", "主体", "机关",  # 主辦機關：/協辦機關： (Taiwan's plans)
             "部门分工", "责任分工", "任务分工"),  # 部门分工：A牵头，各地、各部门配合。
    "division": ("处室", "科室", "股室", "内设机构", "处（室）", "处(室)"),
    "person": ("领导", "负责人", "责任人", "联系人", "领导同志"),
    "scope": ("范围",),
    "deadline": ("时限要求", "时限", "时间节点", "时间安排", "时间", "期限", "进度安排"),
}
_HEAD_KIND = {h: kind for kind, heads in _HEADS.items() for h in heads}
# a head of people names people whatever qualifies it: "县级包抓领导：", "包联领导：" (with
# its colon only: "主要领导为第一责任人" is a sentence)
_PERSON_HEAD = "|".join(sorted(_HEADS["person"], key=len, reverse=True))
_HEAD = "|".join(sorted((re.escape(h) for h in _HEAD_KIND), key=len, reverse=True))
# the colon is the field's mark; "牵头单位为A" too. A bare role word with a colon ("牵头：A")
# is a field of units.
LABEL_RE = re.compile(
    r"(?P<label>(?P<owner>[^\s，,；;。：:、（）()]{1,10}?内)?"
    r"(?P<words>(?:" + _ROLE_WORD + r")*)(?P<head>" + _HEAD + r")"
    r"|(?P<bare>牵头|配合|参与|参加|协办|协助|主办|指导|负责)"
    r"|(?P<who>[\u4e00-\u9fa5]{1,6}?)(?P<person>" + _PERSON_HEAD + r")(?=\s*[:：]))"
    r"\s*(?:[:：]|为(?=[^牵配责]))\s*")

# -- conventions -----------------------------------------------------------------------
_LEAD_FIRST = re.compile(
    r"(?:排名|名列|排列|列|排|位)?(?:在|于)?"
    r"(?:第一位|第1位|首位|第一个|第一名|第一|最前面|最前|首个)(?:的|者)?(?:单位|部门)?"
    r"(?:为|是|系|作为)?(?:本项)?(?:工作)?(?:牵头|主责|主办)(?:单位|部门)?"
    # "为工作牵头单位或汇总单位": a second name for the same role
    r"(?:或[\u4e00-\u9fa5]{1,4}?(?:单位|部门))?")
# "无牵头单位的，责任单位即为牵头单位": a condition (no lead named) and what then leads
_RESPONSIBLE_LEADS = re.compile(
    r"(?:无|没有|未(?:明确|列明|列出|注明|标明)?)(?:牵头单位|牵头部门)的?[，,]?\s*(?:由|其)?"
    r"(?:责任单位|责任部门|负责单位|承办单位)(?:即|就|均)?(?:为|是|作为|视为|视作)(?:牵头单位|牵头部门)")
_STATEMENTS = ((_LEAD_FIRST, "lead_first"), (_RESPONSIBLE_LEADS, "responsible_leads"))
_ONWARD = re.compile(r"(?:以下|下|后|以后)(?:均)?(?:相)?同")
_OMITTED = re.compile(r"不再(?:一一|逐一|逐项|单独|重复)?(?:列出|列举|做分工|作分工|分工|列明|列入)")
# a clause that is a date or a time span, not units: "2023年6月底前完成", "长期坚持"
_DATEISH = re.compile(r"^(?:完成时限|时间|时限)?[:：]?(?:到|至|于|在|力争|确保)?(?:\d{4}年|\d{1,2}月|每年|每季度|每月|"
                      r"长期|持续|常态化|年底|年内)[^、]*$")
# a person named with a post: "朱伟县长", "副县长朱伟", "杜新国同志"; or a post alone, read
# by its form — [who qualifies it][which government or body][常务][副] title: "副省长",
# "分管副市长", "协管副秘书长", "省委常委", "分管县领导", "市政府分管领导", "州长"
_TITLE = r"(?:[省市区县州旗盟镇乡]长|主席|书记|秘书长|主任|局长|部长|厅长|处长|委员)"
_POST = r"(?:常务)?副?(?:" + _TITLE + r"|常委)"   # 常委 not before a name: "常委会党组" is a unit
_QUALIFIER = r"(?:分管|协管|主管|联系|包保|挂点|挂联|主要|牵头)"
_BODY = r"(?:[省市区县州旗盟镇乡](?:委|政府|人大|政协|纪委)?)"
_BARE_POST = (_QUALIFIER + r"?" + _BODY + r"?" + _QUALIFIER + r"?(?:" + _POST
              + r"|(?<=[管系保点联要头省市区县州旗盟镇乡委府大协])领导(?:同志)?)")
_PERSON = re.compile(r"^(?:[\u4e00-\u9fa5]{2,4}" + _POST + r"|(?:常务)?副?" + _TITLE + r"[\u4e00-\u9fa5]{2,3}"
                     r"|[\u4e00-\u9fa5]{2,3}同志|" + _BARE_POST + r")$")
_PERSON_NAME = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
_BRACKETS = {"（": "）", "(": ")", "〔": "〕", "[": "]", "【": "】", "［": "］", "{": "}"}
_LEADING = re.compile(r"^(?:由|请|均由|分别由|并由|其中|具体由)")


@dataclass(frozen=True)
class Convention:
    """What a document stated once for all later annotations ("下同")."""

    lead_first: bool = False                 # 排在第一位的为牵头单位
    responsible_leads: bool = False          # 无牵头单位的，责任单位即为牵头单位
    omitted_units: tuple[str, ...] = field(default=())  # 各区、县级市政府…不再列出


@dataclass
class Reading:
    """Everything one annotation says."""

    roles: dict
    convention: Convention
    people: list = field(default_factory=list)      # "责任领导：杜新国", "朱伟县长"
    scopes: list = field(default_factory=list)      # "适用范围：重庆自贸试验区"
    divisions: dict = field(default_factory=dict)   # role -> internal divisions (处室)
    rejected: list = field(default_factory=list)    # pieces that are no unit name
    run_together: list = field(default_factory=list)  # "市教体局科技经信局": several names?


def empty_roles() -> dict:
    return {role: [] for role in ROLES}


def parse_responsibility(text: str, convention: Convention | None = None):
    """Roles in one annotation or table cell; see the module docstring.

    Returns ``(roles, convention)``; the convention is the one passed in, updated with what
    ``text`` states for the rest of the document.
    """
    reading = read(text, convention)
    return reading.roles, reading.convention


def parse_with_rejects(text: str, convention: Convention | None = None):
    """Like ``parse_responsibility`` and also the pieces that were not unit names."""
    reading = read(text, convention)
    return reading.roles, reading.convention, reading.rejected


def read(text: str, convention: Convention | None = None) -> Reading:
    """Read one annotation (a fresh copy: callers may change what they get)."""
    reading = _read(text, convention or Convention())
    return Reading({r: list(u) for r, u in reading.roles.items()}, reading.convention,
                   list(reading.people), list(reading.scopes),
                   {r: list(u) for r, u in reading.divisions.items()},
                   list(reading.rejected), list(reading.run_together))


@lru_cache(maxsize=4096)
def _read(text: str, convention: Convention) -> Reading:
    reading = Reading(empty_roles(), convention)
    text = _clean(text)
    if not text:
        return reading
    text, here = _read_conventions(text, reading)
    explicit_lead = False
    for kind, role, piece in _fields(text):
        if kind == "person":
            reading.people.extend(p for p in _names(piece) if p not in reading.people)
            continue
        if kind == "scope":
            if piece.strip():
                reading.scopes.append(piece.strip())
            continue
        if kind == "deadline":
            continue  # the deadline inside an annotation is read by the deadline finder
        for given, units in _clauses(piece, role, reading, kind == "division"):
            for unit in units:
                unit, marked = marked_role(unit)
                given_role = marked or given
                if kind == "division":
                    bucket = reading.divisions.setdefault(given_role, [])
                    if unit not in bucket:
                        bucket.append(unit)
                    continue
                explicit_lead |= given_role == "lead"
                if unit not in reading.roles[given_role]:
                    reading.roles[given_role].append(unit)
    reading.roles = _apply_lead(
        reading.roles, explicit_lead, "lead_first" in here or reading.convention.lead_first,
        "responsible_leads" in here or reading.convention.responsible_leads)
    reading.run_together = [u for r in ROLES for u in reading.roles[r] if _run_together(u)]
    return reading


def read_convention(text: str, convention: Convention | None = None) -> Convention:
    """The convention after a running-text statement such as "排在第一位的为牵头单位" or
    "无牵头单位的，责任单位即为牵头单位" (in running text, or in the points of the notice
    that issues the plan, it holds for the whole document)."""
    reading = Reading(empty_roles(), convention or Convention())
    _, here = _read_conventions(_clean(text), reading)
    if here:
        reading.convention = replace(reading.convention, **{name: True for name in here})
    return reading.convention


# -- the steps ---------------------------------------------------------------------------
def _clean(text: str) -> str:
    text = text.strip().replace("\u3000", " ").replace("\t", " ")
    text = text.replace("(", "（").replace(")", "）").replace(":", "：").replace(";", "；")
    text = re.sub(r"(?<![\w\d]),|,(?!\d)", "，", text)
    text = re.sub(r"[ \u00a0]*\n[ \u00a0]*", "\n", text)
    text = _join_split_labels(text)
    while len(text) >= 2 and text[0] in _BRACKETS and (
            closes_at_end(text) or (text[-1] == _BRACKETS[text[0]] and _unclosed_inside(text))):
        text = text[1:-1].strip()
    return _balance(text).strip("。；，、 \n")


def _unclosed_inside(text: str) -> bool:
    """"（A、B（C负责）": the annotation's own brackets around a stray opening one."""
    inner = text[1:-1]
    return inner.count("（") > inner.count("）")


def _join_split_labels(text: str) -> str:
    """"牵头部" ⏎ "门：A" (a label broken by a page or line break) -> "牵头部门：A"."""
    if "\n" not in text:
        return text
    parts = text.split("\n")
    out = parts[0]
    for part in parts[1:]:
        joined = out + part
        m = None
        for m in LABEL_RE.finditer(joined, max(0, len(out) - 12)):
            if m.start() < len(out) < m.end() - 1:
                break
        else:
            m = None
        out = joined if m is not None else out + "\n" + part
    return out


def _balance(text: str) -> str:
    """A bracket opened and never closed (or closed and never opened) is a typing slip:
    "发改委、市教体局（国资委…负责" — it separates names like 、."""
    stack: list[int] = []
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == "（":
            stack.append(i)
        elif ch == "）":
            if stack:
                stack.pop()
            else:
                chars[i] = ""
    for i in stack:
        chars[i] = "、"
    return "".join(chars)


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


def _read_conventions(text: str, reading: Reading) -> tuple[str, frozenset]:
    """Take the sentences that state a convention out of ``text``; record them in
    ``reading``. Returns the text left and the conventions that hold here (the names of
    ``Convention``'s flags: "lead_first", "responsible_leads"). A statement alone, or
    followed by 下同/以下同, holds for the rest of the document too."""
    kept = []
    here: set[str] = set()
    for sentence in re.split(r"(?<=[。；])", text):
        if not sentence.strip():
            continue
        for pattern, name in _STATEMENTS:
            m = pattern.search(sentence)
            if not m:
                continue
            here.add(name)
            alone = not re.sub(r"[，,。；\s]", "", text.replace(m.group(0), ""))
            if alone or _ONWARD.search(sentence[m.end():]) or _ONWARD.search(sentence[:m.start()][-4:]):
                reading.convention = replace(reading.convention, **{name: True})
            sentence = _without_statement(sentence, m)
        if _OMITTED.search(sentence):
            units = _omitted_units(sentence[:_OMITTED.search(sentence).start()])
            omitted = reading.convention.omitted_units
            reading.convention = replace(
                reading.convention,
                omitted_units=omitted + tuple(u for u in units if u not in omitted))
            continue
        sentence = re.sub(r"[，,]?\s*(?:以下|下|后)(?:均)?同[。；]?$", "", sentence.strip())
        kept.append(sentence)
    return "".join(kept).strip("。；，、 "), frozenset(here)


def _without_statement(sentence: str, m: re.Match) -> str:
    """The sentence without its convention statement: "A、B负责，排在第一位的为牵头单位，下同"
    keeps "A、B负责"; "A（首位单位为牵头单位，下同）、B、C" keeps "A、B、C"."""
    start, end = m.start(), m.end()
    onward = re.match(r"[，,]?\s*(?:以下|下|后|以后)(?:均)?(?:相)?同", sentence[end:])
    if onward:
        end += onward.end()
    if sentence[:start].endswith("（") and sentence[end:].startswith("）"):
        return sentence[:start - 1] + sentence[end + 1:]
    if re.search(r"[，,；。]\s*$", sentence[:start]) or start == 0:
        return sentence[:start] + sentence[end:]
    return sentence[:start]


def _omitted_units(before: str) -> tuple[str, ...]:
    """The units a "不再列出" sentence speaks of: "各区、县级市政府负责落实，",
    "以下均需各区人民政府落实，" or "具体任务均涉及相关市（州）人民政府，"."""
    for clause in reversed(split_outside_brackets(before, "，,；;")):
        clause = re.sub(r"^.*?(?:涉及|均由|均需|均须|均要|由|包括|请|需|须)", "", clause.strip())
        clause = re.sub(r"(?:负责落实|负责|落实|按职责|均|都|要|须|需|应).*$", "", clause)
        units = tuple(u for u in split_units(clause) if looks_like_unit(u))
        if units:
            return units
    return ()


def _fields(text: str):
    """(kind, role, text) for each labelled field and for the text outside fields."""
    labels = [m for m in LABEL_RE.finditer(text) if _at_clause_start(text, m.start())]
    if not labels:
        yield "unit", None, text
        return
    if labels[0].start() > 0:
        yield "unit", None, text[:labels[0].start()]
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        kind, role = _label_meaning(m)
        piece = text[m.end():end]
        if kind in ("person", "scope", "deadline"):
            # a name, a place or a date ends with its sentence: "联系人：X；A牵头" leaves A
            cut = re.search(r"[；。]", piece)
            if cut:
                yield kind, role, piece[:cut.start()]
                yield "unit", None, piece[cut.end():]
                continue
        yield kind, role, piece


def _at_clause_start(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] in "，；。、\n （"


def _label_meaning(m: re.Match) -> tuple[str, str | None]:
    if m.group("person"):
        return "person", None
    if m.group("bare"):
        return "unit", VERB_ROLE.get(m.group("bare"), "responsible")
    head = m.group("head")
    kind = "division" if m.group("owner") and _HEAD_KIND[head] == "unit" else _HEAD_KIND[head]
    words = m.group("words")
    if kind in ("unit", "division") and any(w in words for w in _PERSON_WORDS) \
            and not any(w in words for w in _LEAD_WORDS + _SUPPORT_WORDS):
        kind = "person"
    if any(w in words for w in _LEAD_WORDS):
        role = "lead"
    elif any(w in words for w in _SUPPORT_WORDS):
        role = "support"
    elif any(w in words for w in _GUIDE_WORDS):
        role = "guide"
    else:
        role = "responsible"
    return kind, role


def _names(piece: str) -> list[str]:
    """The people of a 责任领导/联系人 field; a phone number or a 联系电话 after them is not one."""
    names = [n.strip() for n in re.split(r"[、，,；;\s]+", piece) if n.strip()]
    return [n for n in names if re.fullmatch(r"[\u4e00-\u9fa5·]{2,10}", n)]


def _clauses(piece: str, label_role: str | None, reading: Reading, division: bool = False):
    """Split ``piece`` into clauses ending in a role word; yield (role, units).

    Clauses without a role word wait for the next one ("A，B负责": both responsible);
    what is left at the end gets the label's role (or responsible when there is no label).
    Inside a labelled piece a generic 负责 keeps the label's role ("牵头单位：A负责" -> lead).
    """
    pending: list[str] = []
    for clause in split_outside_brackets(piece, "，,；;。\n"):
        clause = _LEADING.sub("", clause.strip(" 、"))
        if not clause or _DATEISH.match(clause):
            continue
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
            yield "lead", _units(pending + [head], reading, division)
            yield "support", _units([tail], reading, division)
        else:
            yield role, _units(pending + [units_text], reading, division)
        pending = []
    if pending:
        yield (label_role or "responsible"), _units(pending, reading, division)


# a division of a county office is a 股 ("规划股"), besides 处, 科 and 室
_DIVISION_NAME = re.compile(r"[\u4e00-\u9fa5]股$")


def _units(texts: list[str], reading: Reading, division: bool = False) -> list[str]:
    out = []
    for text in texts:
        for unit in split_units(text):
            if _PERSON.match(unit):
                if unit not in reading.people:
                    reading.people.append(unit)
            elif looks_like_unit(unit) or (division and _DIVISION_NAME.search(unit)):
                out.append(unit)
            elif unit:
                reading.rejected.append(unit)
    return out


def _apply_lead(roles: dict, explicit_lead: bool, lead_first: bool,
                responsible_leads: bool = False) -> dict:
    if explicit_lead and roles["responsible"]:
        roles["support"] = _merge(roles["responsible"], roles["support"])
        roles["responsible"] = []
    elif not roles["lead"] and lead_first and roles["responsible"]:
        first, rest = roles["responsible"][0], roles["responsible"][1:]
        roles["lead"] = [first]
        roles["support"] = _merge(rest, roles["support"])
        roles["responsible"] = []
    elif not roles["lead"] and responsible_leads and roles["responsible"]:
        roles["lead"], roles["responsible"] = roles["responsible"], []
    # a unit has one role per task: the first (strongest) one it was given
    seen: set[str] = set()
    for role in ("lead", "guide", "responsible", "support"):
        roles[role] = [u for u in roles[role] if not (u in seen or seen.add(u))]
    return roles


def _merge(first: list[str], second: list[str]) -> list[str]:
    return first + [u for u in second if u not in first]


_OFFICE_END = re.compile(r"(?:局|厅)(?=[\u4e00-\u9fa5]{2,}(?:局|厅|委|办)$)")


def _run_together(unit: str) -> bool:
    """"市教体局科技经信局", "国资委财政市场监管局": names that look like several written
    without a separator. Only flagged for the clerk: "市公安局交警支队" is one unit."""
    if len(unit) < 7:
        return False
    m = _OFFICE_END.search(unit)
    if m and looks_like_unit(unit[:m.end()]) and len(unit) - m.end() >= 3:
        return True
    m = re.search(r"委(?=[\u4e00-\u9fa5]{2,}(?:局|厅)$)", unit)
    return bool(m and not re.search(r"[省市区县]委$", unit[:m.end()]) and m.end() >= 3)


# -- is a bracket an annotation? ------------------------------------------------------------
@lru_cache(maxsize=8192)
def is_annotation(content: str, at_end: bool) -> bool:
    """Is a bracket's content a responsibility annotation (rather than an aside)?

    Role labels ("责任单位：") and conventions always qualify. Role clauses ("A牵头，B参加")
    qualify when most of their pieces are unit names and the others are short words (a
    department written in short, "财政商务", gets a warning rather than leaving the
    annotation in the text). A bare list of unit names ("（区市场监管局）") only qualifies at
    the end of a task.
    """
    text = _clean(content)
    if not text or len(text) > 400:
        return False
    labels = [m for m in LABEL_RE.finditer(text) if _at_clause_start(text, m.start())]
    if any(_label_meaning(m)[0] in ("unit", "division", "person", "scope") for m in labels):
        return True
    if _LEAD_FIRST.search(text) or (_OMITTED.search(text) and at_end):
        return True
    clauses = [c.strip(" 、") for c in split_outside_brackets(text, "，,；;。\n")
               if c.strip(" 、") and not _DATEISH.match(c.strip(" 、"))]
    if not clauses:
        return False
    with_verb = units = others = 0
    for clause in clauses:
        clause = _LEADING.sub("", clause)
        m = VERB_RE.search(clause)
        names = split_units(clause[:m.start()] if m else clause)
        if not names:
            return False
        for name in names:
            if looks_like_unit(name) or _PERSON.match(name):
                units += 1
            elif m and len(name) <= 6 and re.fullmatch(r"[\u4e00-\u9fa5]+", name):
                others += 1
            else:
                return False
        with_verb += bool(m)
    if units == 0 or others > units:
        return False
    return with_verb > 0 or (at_end and others == 0)


def is_person(name: str) -> bool:
    """"朱伟县长", "副县长朱伟", "杜新国同志": a person named with a post."""
    return bool(_PERSON.match(name))


# a heading that names who leads everything under it: "县示范区管委会牵头工作（8项）",
# "王丹县长牵头重点工作", "区发改局负责的工作"
_HEADING_ROLE = re.compile(r"^(?P<who>[^，。；、（）]{2,30}?)(?P<verb>牵头|负责|主抓)(?:的)?(?:重点|主要|具体)?"
                           r"(?:工作|任务|事项)(?:[（(]\s*\d+\s*项[）)])?$")


def heading_role(title: str) -> tuple[str, str | None] | None:
    """(who, role) of such a heading — role None when ``who`` is a person — else None."""
    m = _HEADING_ROLE.match(title.strip())
    if not m:
        return None
    who = m.group("who")
    if is_person(who):
        return who, None
    if looks_like_unit(who):
        return who, "lead" if m.group("verb") != "负责" else "responsible"
    return None


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
