"""The main plan and the attachments after it ("附件2 重点任务分工表").

A 分工表 attached to a plan usually lists the plan's own tasks again with their
departments: its roles are given to the matching tasks (``merge_division``). A table
inside the plan without an attachment label holds the tasks of the heading above it. Any
other attachment becomes a section of its own, with a warning.
"""

from __future__ import annotations

import re

from .attachments import is_file_list, kind_of_attachment, record
from .blocks import Para, Table
from .deadlines import whole_deadline
from .errors import warn
from .labels import parse_decimal, parse_label
from .responsibility import LABEL_RE, closes_at_end, has_roles, is_annotation, merge_roles
from .table import TableReader
from .tasks import Finisher
from .tree import TreeBuilder


class Section:
    """The main plan or one attachment after it ("附件2 …分工表")."""

    def __init__(self, builder: TreeBuilder, title: str, line: int, marker: str = "",
                 anchor=None):
        self.builder, self.title, self.line, self.marker = builder, title, line, marker
        self.anchor = anchor  # for a table without "附件": the heading open above it
        self.table: TableReader | None = None
        self.ignored: list[Para] = []
        self.blocks: list = []  # what the section holds, as read (for a kept attachment)

    def table_rows(self, block: Table, warnings: list) -> None:
        self.blocks.append(block)
        if self.table is None:
            self.table = TableReader(self.builder, warnings)
        self.table.plan_columns([cells for _, cells in block.rows])
        for line, cells in block.rows:
            self.table.row(cells, line)

    def paragraph(self, block: Para) -> None:
        text, line = block.text, block.line
        builder = self.builder
        label = parse_label(text)
        if self.marker and not builder.roots and not label and not self.blocks:
            if not self.title:
                self.title = text  # the attachment's own title line
                return
            if _continues_title(self.title, text):
                self.title += text  # a title broken over lines: "…种类范" / "围" / "（91个品目）"
                return
        self.blocks.append(block)
        if label is None or label.ambiguous:
            decimal = parse_decimal(text)  # "2.1 …" under item 2 rather than item "2." 
            if decimal is not None and builder.plausible(decimal):
                label = decimal
        if label and not (label.ambiguous and not builder.plausible(label)):
            builder.add_item(label, line)
        elif is_role_line(text):
            builder.add_annotation(text, line)
        elif builder.roots:
            builder.add_paragraph(text, line)
        else:
            self.ignored.append(block)


def _continues_title(title: str, text: str) -> bool:
    return (len(title) + len(text) <= 90 and len(text) <= 40 and not re.search(r"[。；：:，]", title)
            and text[-1] not in "。；：:，" and not is_role_line(text))


def is_role_line(text: str) -> bool:
    """"牵头单位：A", "完成时限：…", or a line that is one bracketed annotation."""
    m = LABEL_RE.match(text)
    if m and m.group(0).rstrip().endswith(("：", ":")):
        return True
    if len(text) >= 2 and text[0] in "（(〔[【" and text[-1] in "）)〕]】":
        inner = text[1:-1]
        # one bracket around the whole line ("（责任单位：各县（市、区）人民政府）" included)
        if not re.search(r"[（(〔\[【）)〕\]】]", inner) or text.count(text[0]) == 1 \
                or closes_at_end(text):
            return bool(whole_deadline(inner) or is_annotation(inner, at_end=True))
    return False


def attach_section(section: Section, finisher: Finisher, tasks: list, warnings: list,
                   kept: list | None = None, head: dict | None = None,
                   followed: bool = False) -> None:
    """Give the plan what an attachment holds: roles for the body's tasks (a 分工表),
    tasks of its own (a task list), or a kept attachment (``kept``) for anything else."""
    kept = [] if kept is None else kept
    roots = section.builder.finish()
    title = section.title or section.marker
    if not roots and followed and not section.blocks and section.title and head is not None:
        # "附件：X" right before the attachments themselves: the document's list of them
        head["attachments"] = list(head.get("attachments") or []) + [section.title]
        return
    if not roots:
        code = "importer.attachment_no_tasks" if section.ignored else "importer.attachment_missing"
        warn(warnings, section.line, code, title=title or "附件")
        return
    level = 1
    parent = tasks
    if section.anchor is not None and not section.marker:
        anchored = finisher.finished.get(id(section.anchor))
        if anchored is not None:
            parent, level = anchored["children"], anchored["level"] + 1
    extra = finisher.tasks(roots, level)
    label = section.marker.split("：")[0].split(":")[0].strip()
    if section.table is not None and merge_division(tasks, extra, warnings):
        if section.marker:
            kept.append(record(label, title, "division_table", section.line, []))
        return
    title = title or (section.table.title if section.table else "")
    if not section.marker:
        parent.extend(extra)  # the table holds the tasks of the heading above it
        return
    if is_file_list(extra) and head is not None:
        head["attachments"] = list(head.get("attachments") or []) + [
            t["title"] + t["text"] for t in extra if t["title"]]
        return  # a web page's list of the files it offers for download
    kind = kind_of_attachment(title, extra, section.table is not None)
    if kind is not None:
        kept.append(record(label, title, kind, section.line, section.blocks))
        warn(warnings, section.line, f"importer.attachment_kept.{kind}", title=title or label)
        return
    tasks.append({"level": 1, "label_style": "none", "source_label": section.marker.split("：")[0],
                  "title": title, "text": "", "deadline": None,
                  "roles": {"lead": [], "support": [], "responsible": [], "guide": []},
                  "targets": [], "line": section.line, "children": _relevel(extra, 2)})
    warn(warnings, section.line, "importer.attachment_as_section", title=title)


def _relevel(tasks: list, level: int) -> list:
    for task in tasks:
        task["level"] = level
        _relevel(task["children"], level + 1)
    return tasks


def flatten(tasks: list) -> list:
    out = []
    for task in tasks:
        out.append(task)
        out.extend(flatten(task["children"]))
    return out


def _key(text: str) -> str:
    return re.sub(r"[\s，。、；：,.;:（）()“”《》\"]", "", text)


def similarity(a: str, b: str) -> float:
    a, b = _key(a), _key(b)
    if not a or not b:
        return 0.0
    if len(a) >= 6 and len(b) >= 6 and (a in b or b in a):
        return 1.0
    grams_a = {a[i:i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i:i + 2] for i in range(len(b) - 1)}
    if not grams_a or not grams_b:
        return 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


def merge_division(tasks: list, table_tasks: list, warnings: list) -> bool:
    """Give the plan's tasks the roles of a 分工表 attachment that lists the same tasks.

    Returns False (nothing changed) when fewer than half of the table's tasks match a task
    of the plan: then the table is a different list and is kept as a section of its own.
    """
    main = flatten(tasks)
    rows = [t for t in flatten(table_tasks) if has_roles(t["roles"]) or t["deadline"]]
    if not rows or not main:
        return False
    matches = []
    for row in rows:
        scored = [(max(similarity(row["title"], t["title"]),
                       similarity(row["title"] + row["text"], t["title"] + t["text"])), i)
                  for i, t in enumerate(main)]
        score, index = max(scored)
        matches.append((row, main[index] if score >= 0.6 else None))
    if sum(1 for _, m in matches if m is not None) * 2 < len(rows):
        return False
    for row, target in matches:
        if target is None:
            units = "、".join(u for r in row["roles"].values() for u in r)
            warn(warnings, row["line"], "importer.division_row_unmatched", row=row["line"],
                 title=row["title"][:30], units=units)
            continue
        merge_roles(target["roles"], row["roles"])
        _merge_mentions(target, row)
        if not target["deadline"] and row["deadline"]:
            target["deadline"] = row["deadline"]
    return True


def _merge_mentions(target: dict, row: dict) -> None:
    """The table row's leaders, scopes and 处室 join the task's (a 责任领导 column)."""
    for key in ("people", "scopes"):
        have = target.setdefault(key, [])
        have.extend(n for n in row.get(key) or () if n not in have)
    divisions = target.setdefault("divisions", {})
    for role, names in (row.get("divisions") or {}).items():
        have = divisions.setdefault(role, [])
        have.extend(n for n in names if n not in have)
