"""The task division table (重点任务分工表) as a WordprocessingML table.

Rows are built as XML in one pass (python-docx's table.cell(r, c) is quadratic).
Headings become full-width section rows; the tasks under a （一） heading share its
序号 (repeated on each row) and, when they fit on a page together, a merged
重点任务 cell; a row's departments and deadline come from the task or,
failing that, from the nearest ancestor that names them.  So do the leaders (责任领导),
the issuing office's divisions (牵头处室, 配合处室…) and the scope (适用范围, a remark as in
the workbook): no departments, they get columns of their own when some task names them.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from models.entities import ROLES
from models.mentions import SCOPE_WORD
from models.numbering import display_label

from ..division_columns import (DIVISION_KEYS, HEADERS, KEY_OF_HEADER, ROLE_KEYS, chosen_columns,
                               headers, plan_noun)
from . import units
from .builder import paragraph
from .notice import KNOWN_COLUMNS
from .plan import deadline_text, split_paragraphs
from .styles import TABLE_HEAD, TABLE_SECTION, TABLE_TEXT
from .title import width as title_width
from .xml import el, qn, set_child

# Default width in mm; the defaults of the six usual columns add up to 225 mm.  The
# columns a plan adds (责任领导, the 处室 by role, 备注) take their share from the others.
WIDTHS = {
    "seq": 14, "task": 44, "content": 79, "lead": 30, "support": 32, "responsible": 32,
    "guide": 26, "people": 23, **{f"division_{r}": 26 for r in ROLES}, "deadline": 26,
    "remarks": 20,
}
# key -> (header label, default width in mm): the headers are the workbook's too.
COLUMNS = {key: (HEADERS[key], width) for key, width in WIDTHS.items()}
# Narrow columns keep their width (序号 and 完成时限 must fit their 4号 header on one
# line); the others share what is left of the 225 mm.
_FIXED = {"seq", "deadline"}
_BY_LABEL = KEY_OF_HEADER
_CENTRED = {"seq", "deadline"}


@dataclass
class Column:
    key: str
    label: str
    width: int  # twips


@dataclass
class Row:
    kind: str                      # "section" or "item"
    text: str = ""                 # section rows
    group: int = 0                 # items of one 重点任务 share a group
    seq: str = ""
    task: str = ""
    content: str = ""
    roles: dict = field(default_factory=dict)
    deadline: str = ""
    mentions: dict = field(default_factory=dict)   # people, divisions, scopes (own or inherited)


def columns_for(plan: dict, spec=None, total: int = units.TYPE_H,
                rows: list[Row] | None = None) -> list[Column]:
    """Resolve the column spec (keys, labels or dicts) and scale widths to `total`.

    With the default spec the columns are those some of the ``rows`` to print fills (by
    default the plan's assigned rows), chosen as for the workbook (``chosen_columns``): a
    plan that names no 责任单位 prints no empty 责任单位 column.  The name columns then get
    the width their longest name needs; 具体内容 stays the widest.
    """
    tasks = plan.get("tasks") or []
    items = [r for r in (table_rows(plan) if rows is None else rows) if r.kind == "item"]
    if spec is None:
        spec = chosen_columns(items, _value)
    cols = []
    names = headers(plan_noun(plan))    # 牵头股室 for a county bureau's plan
    asked: set = set()       # columns given a width in the spec keep it
    for item in spec:
        if isinstance(item, dict):
            key = item.get("key") or _BY_LABEL.get(item.get("label"), "remarks")
            label = item.get("label") or names.get(key, key)
            width = float(item.get("width_mm") or COLUMNS.get(key, ("", 20))[1])
            if item.get("width_mm"):
                asked.add(len(cols))
        else:
            key = _BY_LABEL.get(item, item)
            if key not in COLUMNS:
                raise ValueError(f"未知的分工表列“{item}”，可用：{'、'.join(KNOWN_COLUMNS)}")
            label, width = names[key], COLUMNS[key][1]
        cols.append(Column(key, label, width))
    if any(c.key in MENTION_KEYS for c in cols) or (
            any(c.key == "remarks" for c in cols) and any(r.mentions.get("scopes") for r in items)):
        balanced = balance(cols, longest_names(tasks), total, asked)
        if balanced is not None:
            return text_widest(balanced)
    fixed = sum(c.width for c in cols if c.key in _FIXED)
    flexible = sum(c.width for c in cols) - fixed
    if flexible <= 0 or fixed >= 225:
        fixed, flexible = 0, sum(c.width for c in cols)
    unit = total / 225  # twips per mm of the 225 mm line
    scale = (225 - fixed) / flexible if flexible else 1
    widths = [int(c.width * unit * (1 if (c.key in _FIXED and fixed) else scale)) for c in cols]
    widths[-1] += total - sum(widths)
    for c, w in zip(cols, widths):
        c.width = w
    return text_widest(fit_to_names(cols, longest_names(tasks)))


NAME_KEYS = (*ROLE_KEYS, "people", *DIVISION_KEYS)
MENTION_KEYS = ("people", *DIVISION_KEYS)
# A name column too narrow for its 4-字 header breaks it 2 + 2 (牵头/处室), never 3 + 1.
NARROW_NAME = math.ceil(2.5 * units.CHAR_4) + 2 * 57


def balance(cols: list[Column], longest: dict, total: int, asked=frozenset()) -> list[Column] | None:
    """Widths (twips) for a table that also names leaders, 处室 or scopes: more columns
    than the 225 mm were drawn for.  序号, 完成时限 and widths the spec asks for are kept;
    each name column gets what its longest name needs (its header at least); 重点任务 and
    具体内容 share the rest (具体内容 the larger part).  Where that leaves the text less than
    a readable width, the widest name columns go narrow first (their header on two lines).
    None for a spec it cannot lay out: the proportional widths are used instead."""
    unit = total / 225
    floors = {k: DONOR_MIN_CHARS[k] * units.CHAR_4 + CELL_MARGINS for k in ("task", "content")}
    want: dict[int, int] = {}
    for i, c in enumerate(cols):
        if i in asked or c.key not in NAME_KEYS + ("task", "content"):
            want[i] = round(c.width * unit)
        elif c.key in NAME_KEYS:
            want[i] = name_column_width(longest.get(c.key, 0), c.label)
    text = [i for i, c in enumerate(cols) if i not in want]
    room = total - sum(want.values())
    need = sum(floors[cols[i].key] for i in text)
    narrowed = []
    for i in sorted((i for i in want if cols[i].key in NAME_KEYS and i not in asked),
                    key=lambda i: -want[i]):
        if room >= need:
            break
        if want[i] > NARROW_NAME:
            narrowed.append((i, want[i]))
            room += want[i] - NARROW_NAME
            want[i] = NARROW_NAME
    for i, wide in sorted(narrowed, key=lambda n: n[1]):   # what the text can spare back
        if room - (wide - NARROW_NAME) >= need:
            room -= wide - NARROW_NAME
            want[i] = wide
    keys = {cols[i].key: i for i in text}
    if len(keys) < len(text) or room < NARROW_NAME * len(text):
        return None     # a column twice, or no room for the text even so
    if len(keys) == 2:
        # 重点任务 gets its share of what lies above the two floors, up to 44 mm as drawn;
        # 具体内容 the rest
        drawn_task, drawn_text = COLUMNS["task"][1], COLUMNS["content"][1]
        if room >= need:
            task = min(round(drawn_task * unit), floors["task"] + round(
                (room - need) * drawn_task / (drawn_task + drawn_text)))
        else:
            task = round(room * drawn_task / (drawn_task + drawn_text))
        want[keys["task"]], want[keys["content"]] = task, room - task
    elif keys:
        want[text[0]] = room
    out = [Column(c.key, c.label, want[i]) for i, c in enumerate(cols)]
    out[-1].width += total - sum(c.width for c in out)
    return out


def text_widest(cols: list[Column]) -> list[Column]:
    """No column wider than 具体内容: the excess of a wider one goes to the text (a crowded
    table only; the defaults and the name widths keep the text the widest)."""
    content = next((c for c in cols if c.key == "content"), None)
    if content is None:
        return cols
    for c in cols:
        if c is not content and c.width > content.width:
            move = (c.width - content.width + 1) // 2 + 1
            c.width -= move
            content.width += move
    return cols


NAME_COLUMN_MAX_CHARS = 9     # a longer name wraps rather than squeeze the 具体内容
CELL_MARGINS = 2 * 57 + 30    # left and right cell margins and a little slack


def name_column_width(chars: float, label: str) -> int:
    """Twips a column needs to hold a department name of `chars` 字 on one 4号 line."""
    chars = min(max(chars, len(label)), NAME_COLUMN_MAX_CHARS)
    return math.ceil(chars * units.CHAR_4) + CELL_MARGINS


DONOR_MIN_CHARS = {"task": 6, "content": 14, "detail": 12}


def fit_to_names(cols: list[Column], longest: dict, donors=("task", "content", "detail")):
    """Give each role column the width its longest name needs (up to 9 字), taken from
    or given back to the text columns: 重点任务 first, then 具体内容, never below a
    readable width."""
    for c in cols:
        if c.key not in longest:
            continue
        delta = name_column_width(longest[c.key], c.label) - c.width
        if delta < 0:
            target = next((d for d in cols if d.key == "content"), None) or \
                next((d for d in cols if d.key in donors), None)
            if target is not None:
                c.width += delta
                target.width -= delta
            continue
        for d in (d for key in donors for d in cols if d.key == key):
            floor = DONOR_MIN_CHARS[d.key] * units.CHAR_4 + CELL_MARGINS
            give = max(0, min(delta, d.width - floor))
            d.width -= give
            c.width += give
            delta -= give
            if delta <= 0:
                break
    return cols


def longest_names(tasks) -> dict:
    """column key -> the width in 字 of the longest single name written in it: a role's
    departments, the leaders (people), a role's 处室 (division_<role>)."""
    out: dict = {}

    def see(key, names):
        for name in names or ():
            if name:
                out[key] = max(out.get(key, 0.0), title_width(name))

    stack = list(tasks)
    while stack:
        t = stack.pop()
        for role, names in (t.get("roles") or {}).items():
            see(role, names)
        see("people", t.get("people"))
        for role, names in (t.get("divisions") or {}).items():
            see(f"division_{role}", names)
        stack.extend(t.get("children") or [])
    return out


def empty_role_columns(rows: list[Row], cols: list[Column]) -> list[Column]:
    """Role columns in which no row names anybody."""
    items = [r for r in rows if r.kind == "item"]
    return [c for c in cols if c.key in ROLE_KEYS and items
            and not any(r.roles.get(c.key) for r in items)]


def _own_mentions(task: dict, inherited: dict) -> dict:
    """The task's leaders, divisions and scope, each kind from the nearest task that
    names it (a 责任领导 written on a heading applies to the rows under it)."""
    out = dict(inherited)
    for kind in ("people", "scopes"):
        if task.get(kind):
            out[kind] = list(task[kind])
    divisions = {r: list(n) for r, n in (task.get("divisions") or {}).items() if n}
    if divisions:
        out["divisions"] = divisions
    return out


def _names_any(mentions: dict) -> bool:
    """A leader or a 处室 carries a responsibility as a department does."""
    return bool(mentions.get("people") or mentions.get("divisions"))


def _has_roles(roles: dict) -> bool:
    return any(roles.get(k) for k in ROLE_KEYS)


def table_rows(plan: dict, only_assigned: bool = True) -> list[Row]:
    rows = _rows(plan, only_assigned)
    if only_assigned and not any(r.kind == "item" for r in rows):
        rows = _rows(plan, False)  # a plan that names nobody: list every task
    return rows


def _rows(plan: dict, only_assigned: bool) -> list[Row]:
    out: list[Row] = []
    counter = [0]

    def emit_group(task, inherited_roles, inherited_deadline, inherited_mentions):
        roles = task.get("roles") if _has_roles(task.get("roles") or {}) else inherited_roles
        deadline = deadline_text(task) or inherited_deadline
        mentions = _own_mentions(task, inherited_mentions)
        children = task.get("children") or []
        items = []
        if not children:
            items.append(("\n".join(split_paragraphs(task.get("text", ""))), roles, deadline,
                          mentions))
        else:
            own = "\n".join(split_paragraphs(task.get("text", "")))
            if own and (_has_roles(task.get("roles") or {}) or _names_any(_own_mentions(task, {}))):
                items.append((own, roles, deadline, mentions))
            items.extend(_leaves(children, roles, deadline, mentions))
        if only_assigned:
            items = [i for i in items if _has_roles(i[1] or {}) or _names_any(i[3])]
        if not items:
            return []
        counter[0] += 1
        title = (task.get("title") or "").strip()
        return [Row("item", group=counter[0], seq=str(counter[0]), task=title, content=c,
                    roles=r or {}, deadline=d, mentions=m) for c, r, d, m in items]

    for top in plan.get("tasks") or []:
        children = top.get("children") or []
        if children and int(top.get("level") or 1) == 1:
            group_rows = []
            top_mentions = _own_mentions(top, {})
            for child in children:
                group_rows += emit_group(child, top.get("roles") or {}, deadline_text(top),
                                         top_mentions)
            if group_rows:
                out.append(Row("section", text=display_label(top) + (top.get("title") or "").strip()))
                out += group_rows
        else:
            out += emit_group(top, {}, "", {})
    return out


def _leaves(tasks, roles, deadline, mentions):
    """(content, roles, deadline, mentions) for every task below a group, depth first."""
    for t in tasks:
        own_roles = t.get("roles") if _has_roles(t.get("roles") or {}) else roles
        own_deadline = deadline_text(t) or deadline
        own_mentions = _own_mentions(t, mentions)
        text = " ".join(split_paragraphs(t.get("text", "")))
        title = (t.get("title") or "").strip()
        label = display_label(t) + title + text
        yield label, own_roles, own_deadline, own_mentions
        yield from _leaves(t.get("children") or [], own_roles, own_deadline, own_mentions)


# --- XML -------------------------------------------------------------------------

def _tc(width, paragraphs, *, span=None, vmerge=None, valign="center", fill=None):
    tc = el("tc")
    pr = set_child(tc, "tcPr")
    set_child(pr, "tcW", w=width, type="dxa")
    if span:
        set_child(pr, "gridSpan", val=span)
    if vmerge is not None:
        set_child(pr, "vMerge", val="restart" if vmerge == "restart" else None)
    if fill:
        set_child(pr, "shd", val="clear", color="auto", fill=fill)
    set_child(pr, "vAlign", val=valign)
    for p in paragraphs:
        tc.append(p)
    return tc


class Cells:
    """Cells copied from prototypes: building each cell's properties with the schema-aware
    helpers took most of the time of a large table; a deepcopy and two SubElements per
    line take a tenth of that."""

    def __init__(self):
        self._protos: dict = {}

    def cell(self, width: int, style: str, text: str, *, jc=None, span=None, vmerge=None,
             fill=None, lines=None):
        key = (width, style, jc, span, vmerge, fill)
        proto = self._protos.get(key)
        if proto is None:
            proto = self._protos[key] = _tc(width, [paragraph(style, [], **({"jc": jc} if jc else {}))],
                                            span=span, vmerge=vmerge, fill=fill)
        tc = copy.deepcopy(proto)
        for i, line in enumerate(lines if lines is not None else (text.split("\n") if text else [""])):
            if i:                       # another line: the prototype's empty paragraph again
                tc.append(copy.deepcopy(proto[-1]))
            p = tc[-1]
            if line:
                t = etree.SubElement(etree.SubElement(p, _R), _T)
                t.text = line
                if line != line.strip():
                    t.set(_XML_SPACE, "preserve")
        return tc


_R, _T = qn("w:r"), qn("w:t")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_HALF = re.compile(r"[\x00-\x7f]")


def _estimated_lines(text: str, width: int) -> int:
    per_line = max(1.0, (width - 2 * 57) / units.CHAR_4)
    return sum(max(1, math.ceil((len(t) - len(_HALF.findall(t)) / 2) / per_line))
               for t in (text or "").split("\n"))


PAGE_ROOM = units.TYPE_W - 2 * units.TABLE_LINE   # a landscape page below the header row


def row_height(row: Row, cols: list[Column], first: bool = True) -> int:
    """Estimated height (twips) of a row: its tallest cell."""
    return max(_estimated_lines(_cell_text(row, c.key, first), c.width) for c in cols) * units.TABLE_LINE


def _cell_text(row, key, first=True):
    if key == "seq":
        return row.seq
    if key == "task":
        return row.task if first else ""
    return _value(row, key)


def split_tall(row: Row, cols: list[Column]) -> list[Row]:
    """A row taller than a page, cut at paragraph boundaries into rows that fit, each
    carrying the 序号, the task and the departments again."""
    if row.kind != "item" or row_height(row, cols) <= PAGE_ROOM:
        return [row]
    content_w = next((c.width for c in cols if c.key == "content"), None)
    if content_w is None:
        return [row]
    parts, chunk, height = [], [], 0
    for para in row.content.split("\n"):
        h = _estimated_lines(para, content_w) * units.TABLE_LINE
        if chunk and height + h > PAGE_ROOM:
            parts.append(chunk)
            chunk, height = [], 0
        chunk.append(para)
        height += h
    parts.append(chunk)
    return [replace(row, content="\n".join(p)) for p in parts]


def _tr(cells, header=False, can_split=False):
    tr = el("tr")
    trpr = el("trPr")
    if not can_split:
        trpr.append(el("cantSplit"))
    if header:
        trpr.append(el("tblHeader"))
    tr.append(trpr)
    for c in cells:
        tr.append(c)
    return tr


def grid_table_properties(tbl, width: int):
    """tblPr of an official table: centred, fixed layout, thin black grid, narrow margins."""
    pr = set_child(tbl, "tblPr")
    set_child(pr, "tblW", w=width, type="dxa")
    set_child(pr, "jc", val="center")
    borders = set_child(pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_child(borders, side, val="single", sz=4, space=0, color="000000")
    set_child(pr, "tblLayout", type="fixed")
    mar = set_child(pr, "tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        set_child(mar, side, w=0 if side in ("top", "bottom") else 57, type="dxa")
    return pr


def build_table(rows: list[Row], cols: list[Column]):
    """The w:tbl: header row repeated on every page, rows kept whole (cantSplit), a row
    taller than a page cut at paragraph boundaries with its 序号 repeated, 重点任务 merged
    over the measures of a task when they fit on one page together."""
    tbl = el("tbl")
    pr = grid_table_properties(tbl, sum(c.width for c in cols))
    set_child(pr, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0",
              lastColumn="0", noHBand="1", noVBand="1")
    grid = el("tblGrid")
    for c in cols:
        grid.append(el("gridCol", w=c.width))
    tbl.append(grid)

    make = Cells()
    tbl.append(_tr([make.cell(c.width, TABLE_HEAD, c.label) for c in cols], header=True))
    total = sum(c.width for c in cols)
    rows = [part for row in rows for part in split_tall(row, cols)]
    heights = {id(r): row_height(r, cols) for r in rows if r.kind == "item"}
    merged_groups = _small_groups(rows, heights)
    prev_group = None
    for row in rows:
        if row.kind == "section":
            # keepNext: a heading row never ends a page without its first task
            paras = [paragraph(TABLE_SECTION, [row.text], keep_next=True)]
            tbl.append(_tr([_tc(total, paras, span=len(cols))]))
            prev_group = None
            continue
        first = row.group != prev_group
        prev_group = row.group
        merge = row.group in merged_groups
        # Rows stay whole (cantSplit); only a paragraph taller than a page may split.
        can_split = heights[id(row)] > PAGE_ROOM
        cells = []
        for c in cols:
            if c.key == "task" and merge:
                cells.append(make.cell(c.width, TABLE_TEXT, row.task if first else "",
                                       vmerge="restart" if first else "continue"))
                continue
            cells.append(make.cell(c.width, TABLE_TEXT, _cell_text(row, c.key),
                                   jc="center" if c.key in _CENTRED else None))
        tbl.append(_tr(cells, can_split=can_split))
    return tbl


def _small_groups(rows: list[Row], heights: dict) -> set:
    """Groups short enough to share one merged 重点任务 cell: a merged cell crossing a
    page leaves the rows on the next page without their task, so longer groups repeat it."""
    total: dict = {}
    for row in rows:
        if row.kind == "item":
            total[row.group] = total.get(row.group, 0) + heights[id(row)]
    return {g for g, h in total.items() if h <= PAGE_ROOM / 3}


def _value(row: Row, key: str) -> str:
    if key == "content":
        return row.content
    if key == "deadline":
        return row.deadline
    if key in ROLE_KEYS:
        return "、".join(n for n in (row.roles.get(key) or []) if n)
    if key == "people":
        return "、".join(row.mentions.get("people") or ())
    if key in DIVISION_KEYS:
        return "、".join((row.mentions.get("divisions") or {}).get(key[len("division_"):]) or ())
    if key == "remarks" and row.mentions.get("scopes"):
        return f"{SCOPE_WORD}：" + "；".join(row.mentions["scopes"])   # as the workbook's 备注
    return ""
