"""The task division table (重点任务分工表) as a WordprocessingML table.

Rows are built as XML in one pass (python-docx's table.cell(r, c) is quadratic).
Headings become full-width section rows; the tasks under a （一） heading share its
merged 序号 and 重点任务 cells; a row's departments and deadline come from the task or,
failing that, from the nearest ancestor that names them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from models.numbering import display_label

from . import units
from .builder import paragraph
from .notice import KNOWN_COLUMNS
from .plan import deadline_text, split_paragraphs
from .styles import TABLE_HEAD, TABLE_SECTION, TABLE_TEXT
from .title import width as title_width
from .xml import el, set_child

# key -> (header label, default width in mm); the defaults add up to 225 mm.
COLUMNS = {
    "seq": ("序号", 14), "task": ("重点任务", 44), "content": ("具体内容", 79),
    "lead": ("牵头单位", 30), "support": ("配合单位", 32), "responsible": ("责任单位", 32),
    "guide": ("指导单位", 26), "deadline": ("完成时限", 26), "remarks": ("备注", 20),
}
# Narrow columns keep their width (序号 and 完成时限 must fit their 4号 header on one
# line); the others share what is left of the 225 mm.
_FIXED = {"seq", "deadline"}
_BY_LABEL = {label: key for key, (label, _) in COLUMNS.items()}
_CENTRED = {"seq", "deadline"}
ROLE_KEYS = ("lead", "support", "responsible", "guide")


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


def columns_for(plan: dict, spec=None, total: int = units.TYPE_H) -> list[Column]:
    """Resolve the column spec (keys, labels or dicts) and scale widths to `total`."""
    if spec is None:
        spec = ["seq", "task", "content", "lead", "support", "deadline"]
        used = _roles_used(plan.get("tasks") or [])
        if "responsible" in used:
            spec.insert(spec.index("deadline"), "responsible")
        if used and not used & {"lead", "support"}:
            spec = [k for k in spec if k not in ("lead", "support")]
        if "guide" in used:
            spec.insert(spec.index("deadline"), "guide")
        if not _has_deadlines(plan.get("tasks") or []):
            spec.remove("deadline")  # an empty column reads as unfinished work
    cols = []
    for item in spec:
        if isinstance(item, dict):
            key = item.get("key") or _BY_LABEL.get(item.get("label"), "remarks")
            label = item.get("label") or COLUMNS.get(key, (key, 20))[0]
            width = float(item.get("width_mm") or COLUMNS.get(key, ("", 20))[1])
        else:
            key = _BY_LABEL.get(item, item)
            if key not in COLUMNS:
                raise ValueError(f"未知的分工表列“{item}”，可用：{'、'.join(KNOWN_COLUMNS)}")
            label, width = COLUMNS[key]
        cols.append(Column(key, label, width))
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
    return cols


def _roles_used(tasks) -> set:
    used = set()
    stack = list(tasks)
    while stack:
        t = stack.pop()
        used |= {k for k, v in (t.get("roles") or {}).items() if v}
        stack.extend(t.get("children") or [])
    return used


def _has_deadlines(tasks) -> bool:
    stack = list(tasks)
    while stack:
        t = stack.pop()
        if deadline_text(t):
            return True
        stack.extend(t.get("children") or [])
    return False


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

    def emit_group(task, inherited_roles, inherited_deadline):
        roles = task.get("roles") if _has_roles(task.get("roles") or {}) else inherited_roles
        deadline = deadline_text(task) or inherited_deadline
        children = task.get("children") or []
        items = []
        if not children:
            items.append(("\n".join(split_paragraphs(task.get("text", ""))), roles, deadline))
        else:
            own = "\n".join(split_paragraphs(task.get("text", "")))
            if own and _has_roles(task.get("roles") or {}):
                items.append((own, roles, deadline))
            for leaf, leaf_roles, leaf_deadline in _leaves(children, roles, deadline):
                items.append((leaf, leaf_roles, leaf_deadline))
        if only_assigned:
            items = [i for i in items if _has_roles(i[1] or {})]
        if not items:
            return []
        counter[0] += 1
        title = (task.get("title") or "").strip()
        return [Row("item", group=counter[0], seq=str(counter[0]), task=title, content=c,
                    roles=r or {}, deadline=d) for c, r, d in items]

    for top in plan.get("tasks") or []:
        children = top.get("children") or []
        if children and int(top.get("level") or 1) == 1:
            group_rows = []
            for child in children:
                group_rows += emit_group(child, top.get("roles") or {}, deadline_text(top))
            if group_rows:
                out.append(Row("section", text=display_label(top) + (top.get("title") or "").strip()))
                out += group_rows
        else:
            out += emit_group(top, {}, "")
    return out


def _leaves(tasks, roles, deadline):
    """(content, roles, deadline) for every task below a group, depth first."""
    for t in tasks:
        own_roles = t.get("roles") if _has_roles(t.get("roles") or {}) else roles
        own_deadline = deadline_text(t) or deadline
        text = " ".join(split_paragraphs(t.get("text", "")))
        title = (t.get("title") or "").strip()
        label = display_label(t) + title + text
        yield label, own_roles, own_deadline
        yield from _leaves(t.get("children") or [], own_roles, own_deadline)


# --- XML -------------------------------------------------------------------------

def _cell_p(style, text, jc=None):
    paras = text.split("\n") if text else [""]
    return [paragraph(style, [t], **({"jc": jc} if jc else {})) for t in paras]


def _tc(width, paragraphs, *, span=None, vmerge=None, valign="center"):
    tc = el("tc")
    pr = set_child(tc, "tcPr")
    set_child(pr, "tcW", w=width, type="dxa")
    if span:
        set_child(pr, "gridSpan", val=span)
    if vmerge is not None:
        set_child(pr, "vMerge", val="restart" if vmerge == "restart" else None)
    set_child(pr, "vAlign", val=valign)
    for p in paragraphs:
        tc.append(p)
    return tc


def _estimated_lines(text: str, width: int) -> int:
    per_line = max(1.0, (width - 2 * 57) / units.CHAR_4)
    return sum(max(1, math.ceil(title_width(t) / per_line)) for t in (text or "").split("\n"))


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
    """The w:tbl: repeated header row, rows kept whole (cantSplit) unless taller than half
    a page, 序号/重点任务 merged over the measures of one task."""
    tbl = el("tbl")
    pr = grid_table_properties(tbl, sum(c.width for c in cols))
    set_child(pr, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0",
              lastColumn="0", noHBand="1", noVBand="1")
    grid = el("tblGrid")
    for c in cols:
        grid.append(el("gridCol", w=c.width))
    tbl.append(grid)

    tbl.append(_tr([_tc(c.width, _cell_p(TABLE_HEAD, c.label)) for c in cols], header=True))
    total = sum(c.width for c in cols)
    merged = {"seq", "task"}
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
        # Rows stay whole, except one taller than half a page: kept whole it would leave
        # half a page empty before it (a 具体内容 of several hundred characters).
        lines = max(_estimated_lines(row.content if c.key == "content" else
                                     (row.task if c.key == "task" and first else _value(row, c.key)),
                                     c.width) for c in cols)
        can_split = lines * units.TABLE_LINE > units.TYPE_W // 2
        cells = []
        for c in cols:
            if c.key in merged:
                value = (row.seq if c.key == "seq" else row.task) if first else ""
                cells.append(_tc(c.width, _cell_p(TABLE_TEXT, value, "center" if c.key == "seq" else None),
                                 vmerge="restart" if first else "continue"))
                continue
            cells.append(_tc(c.width, _cell_p(TABLE_TEXT, _value(row, c.key),
                                              "center" if c.key in _CENTRED else None)))
        tbl.append(_tr(cells, can_split=can_split))
    return tbl


def _value(row: Row, key: str) -> str:
    if key == "content":
        return row.content
    if key == "deadline":
        return row.deadline
    if key in ROLE_KEYS:
        return "、".join(n for n in (row.roles.get(key) or []) if n)
    return ""
