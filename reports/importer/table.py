"""Division tables (重点任务分工表): rows of cells -> the task tree with roles.

Works on a list of rows (list of list of str) so that the .docx reader, the flattened-text
reader and the Excel importer share it::

    parse_table_rows(rows, source_name, first_row_number=1) -> plan dict

Tables as received are irregular: header rows repeat on every page ("重点任务 责任部门
备注"), cells shift between columns when the table was flattened to text, one cell holds
several numbered measures ("1. … 2. … 3. …") next to a cell with as many responsibility
phrases, and merged cells repeat their text on every row. So each cell is classified by
what it holds first and by its column's header second:

- a cell starting with a label (一、 （一） 1. …) is a task; several sequential numbered
  measures in one cell become several tasks;
- a cell that reads as units with roles ("A牵头，B、C参加", "区市场监管局") is a
  responsibility cell; under a 牵头单位 / 配合单位 / 责任单位 header a bare unit list gets
  that column's role; its phrases (separated by paragraph breaks or spaces after a role
  word) pair with the row's measures when the counts match;
- a deadline-like cell, or any short cell under 完成时限 / 时间, is the deadline;
- a task cell that repeats the cell above it is a merged cell: the same task, not a new one;
- an unnumbered task cell nests by its column (类别 -> 任务 -> 具体措施); under a 序号
  column, the row's number becomes the label of the row's task.

Row numbers (``first_row_number`` + index, or the text line numbers) are what warnings cite.
"""

from __future__ import annotations

import re

from . import deadlines
from models.hanzi_fold import fold, has_traditional

from .as_written import AsWritten
from .division_word import note_division_word
from .errors import PlanImportError, warn
from .labels import parse_label
from .responsibility import LABEL_RE, is_annotation
from .result import plan_from_nodes
from .table_cells import (ROLE_KINDS, ROW_NUMBER, cell_text, header_kinds, number_label, phrases,
                          responsibility_like, split_measures, unit_list)
from .tree import Node, TreeBuilder

__all__ = ["parse_table_rows", "TableReader", "header_kinds", "phrases", "split_measures"]


class TableReader:
    """Feeds table rows into a TreeBuilder; see the module docstring."""

    def __init__(self, builder: TreeBuilder, warnings: list):
        self.builder = builder
        self.warnings = warnings
        self.kinds: list[str | None] | None = None
        self.previous: list[str] = []
        self.title = ""
        self.rows_read = 0
        self.descriptions: set[int] = set()  # task columns that describe the row's task

    def plan_columns(self, rows: list) -> None:
        """Look at a whole table before reading it: with two task columns ("重点任务 | 具体
        措施"), the first is either a category spanning several rows (left empty or repeated
        below its first row) or, when every row fills it with its own text, the row's task
        itself, and then the later task columns are that task's description, not sub-tasks."""
        kinds = None
        values: dict[int, list[str]] = {}
        for cells in rows:
            texts = [cell_text(_cell_str(c)) for c in cells]
            found = header_kinds(texts)
            if found:
                kinds = found
                continue
            if kinds is None:
                continue
            tasks = [j for j, k in enumerate(kinds) if k == "task"]
            if len(tasks) < 2 or not any(j < len(texts) and texts[j] for j in tasks[1:]):
                continue  # a category row or an empty one
            for j in tasks:
                values.setdefault(j, []).append(texts[j] if j < len(texts) else "")
        if kinds is None or not values:
            return
        tasks = sorted(values)
        first = values[tasks[0]]
        if len(first) >= 2 and all(first) and len(set(first)) == len(first) \
                and not any(parse_label(v) for v in first):
            self.descriptions.update(tasks[1:])

    def row(self, cells: list[str], line: int) -> None:
        cells = [_cell_str(c) for c in cells]
        texts = [cell_text(c) for c in cells]
        if not any(texts):
            return
        kinds = header_kinds(texts)
        if kinds:
            self.kinds, self.previous = kinds, []
            return
        filled = [i for i, t in enumerate(texts) if t]
        if (len(filled) == 1 and self.builder.last_node is None and not self.title
                and not parse_label(texts[filled[0]]) and len(texts[filled[0]]) <= 80
                and not is_annotation(texts[filled[0]], True)):
            self.title = texts[filled[0]]  # a caption row: "重点任务分工表"
            return
        self.rows_read += 1
        self._content_row(cells, texts, line)
        self.previous = texts

    def _kind(self, j: int) -> str | None:
        return self.kinds[j] if self.kinds and j < len(self.kinds) else None

    def _content_row(self, cells, texts, line) -> None:
        task_cells, role_cells, deadline_cells, notes = [], [], [], []
        row_number = None
        for j, (cell, text) in enumerate(zip(cells, texts)):
            if not text:
                continue
            hint = self._kind(j)
            label = parse_label(text)
            if (hint == "number" and len(text) <= 10) or (
                    row_number is None and not task_cells and ROW_NUMBER.match(text)):
                row_number = text
            elif label and not (label.ambiguous and not self.builder.plausible(label, j)):
                task_cells.append((j, text, True))
            elif responsibility_like(cell, hint) or (hint in ROLE_KINDS and unit_list(text)):
                role_cells.append((j, hint, cell))
            elif hint == "deadline" and len(text) <= 40 or deadlines.whole_deadline(text):
                deadline_cells.append(text)
            elif hint in ("note", "progress", "leader"):
                notes.append((j, text))
            else:
                task_cells.append((j, text, False))
        new_nodes = self._tasks(task_cells, row_number, line)
        targets = [n for n in new_nodes if not any(c in new_nodes for c in n.children)]
        if not targets and (role_cells or deadline_cells or notes):
            if self.builder.last_node is None:
                self._warn(line, "importer.table_roles_before_task")
                return
            targets = [self.builder.last_node]
        self._assign_roles(role_cells, targets, line)
        for text in deadline_cells:
            for node in targets:
                node.annotations.append((line, f"完成时限：{text}"))
        for j, text in notes:
            word = {"note": "备注", "progress": "进展情况", "leader": "责任领导"}.get(self._kind(j), "备注")
            targets[-1].paras.append((line, f"{word}：{text}"))

    def _tasks(self, task_cells, row_number, line) -> list[Node]:
        builder = self.builder
        fresh = [(j, t, lab) for j, t, lab in task_cells
                 if not (j < len(self.previous) and self.previous[j] == t)]  # merged cell
        unlabelled = [j for j, _, lab in fresh if not lab]
        number_for = None
        if row_number is not None and unlabelled:
            titles = [j for j in unlabelled if j not in self.descriptions] or unlabelled
            number_for = titles[0] if parse_label(row_number + "、") and \
                (parse_label(row_number + "、").style in ("1", "2")) else titles[-1]
        elif row_number is not None and not fresh:
            self._warn(line, "importer.table_number_without_task", number=row_number)
        nodes: list[Node] = []
        for j, text, labelled in fresh:
            if labelled:
                for piece in split_measures(text):
                    label = parse_label(piece)
                    if label and not (label.ambiguous and not builder.plausible(label, j)):
                        nodes.append(builder.add_item(label, line, column=j))
                    elif nodes:
                        nodes[-1].paras.append((line, piece))
                    else:
                        nodes.append(builder.add_unnumbered(piece, line, j))
                continue
            label = number_label(row_number, text) if j == number_for else None
            if label is not None:
                nodes.append(builder.add_item(label, line, column=j))
            elif nodes and (self._kind(j) != "task" or j in self.descriptions):
                nodes[-1].paras.append((line, text))  # a description next to its heading
            else:
                nodes.append(builder.add_unnumbered(text, line, j))
        return nodes

    def _assign_roles(self, role_cells, targets: list[Node], line: int) -> None:
        if not role_cells or not targets:
            return
        if len(role_cells) == 2 and all(h is None for _, h, _ in role_cells) and not any(
                is_annotation(p, at_end=False) for _, _, c in role_cells for p in phrases(c)):
            # no header, two plain unit columns: the usual 牵头单位 | 配合单位 layout
            role_cells = [(role_cells[0][0], "lead", role_cells[0][2]),
                          (role_cells[1][0], "support", role_cells[1][2])]
        per_cell = []
        for _j, hint, cell in role_cells:
            found = []
            for phrase in phrases(cell):
                if hint in ROLE_KINDS and not LABEL_RE.search(phrase) \
                        and not is_annotation(phrase, at_end=False):
                    phrase = f"{ROLE_KINDS[hint]}：{phrase}"
                found.append(phrase)
            if found:
                per_cell.append(found)
        if not per_cell:
            return
        longest = max(len(p) for p in per_cell)
        if all(len(p) in (1, longest) for p in per_cell):
            sets = [[p[i] if len(p) == longest else p[0] for p in per_cell] for i in range(longest)]
        else:
            sets = [[phrase for p in per_cell for phrase in p]]
        if len(sets) == len(targets):
            pairs = list(zip(targets, sets))
        elif len({tuple(s) for s in sets}) == 1:
            pairs = [(node, sets[0]) for node in targets]
        else:
            union = [phrase for s in sets for phrase in s]
            pairs = [(node, union) for node in targets]
            self._warn(line, "importer.table_role_count", entries=len(sets), tasks=len(targets))
        for node, entries in pairs:
            node.annotations.extend((line, a) for a in entries)

    def _warn(self, line: int, code: str, **args) -> None:
        warn(self.warnings, line, code, row=line, **args)


def _cell_str(value) -> str:
    """A cell value as text: spreadsheets give None for empty cells and 1.0 for "1"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):  # a date cell in a 完成时限 column
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def parse_table_rows(rows: list[list[str]], source_name: str, first_row_number: int = 1) -> dict:
    """A division table given as rows of cell texts -> the plan dict (see the package doc).

    ``first_row_number`` is the number of the first row as the clerk sees it (a sheet's
    row 1, or the line of the text); warnings cite ``row N``.
    """
    # a table in traditional characters is read folded and stored as written (as_written)
    written = None
    if any(isinstance(c, str) and has_traditional(c) for cells in rows for c in cells):
        written = AsWritten({first_row_number + i: "\t".join(_cell_str(c) for c in cells)
                             for i, cells in enumerate(rows)})
        rows = [[fold(c) if isinstance(c, str) else c for c in cells] for cells in rows]
    warnings: list = []
    builder = TreeBuilder(warnings)
    reader = TableReader(builder, warnings)
    reader.plan_columns(rows)
    for offset, cells in enumerate(rows):
        reader.row(list(cells), first_row_number + offset)
    roots = builder.finish()
    if not roots:
        raise PlanImportError(source_name, "importer.no_table_rows")
    title = reader.title or re.sub(r"\.[A-Za-z0-9]{1,5}$", "", source_name)
    plan = plan_from_nodes(roots, warnings, {"title": title, "kind": "division_table"})
    note_division_word(plan, (c for cells in rows for c in cells if isinstance(c, str)))
    if written is not None:
        written.restore(plan)
    return plan
