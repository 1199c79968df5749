"""A 分工表 made by someone else (Excel or WPS .xlsx) -> a plan dict, like the text importer's.

Reading rows (column kinds, labels, several measures in a cell, responsibility phrases)
is the plan importer's ``parse_table_rows``, shared with .docx and text tables. What only
a workbook can tell is settled here first, by rewriting the grid it is given:

- the sheet is the first visible one with a header row, wherever the header is (after a
  title and blank rows; over two merged rows); the title is the caption above it;
- a heading merged across the table goes to the task column, where it reads as a task;
- the 序号 goes in front of the task it numbers — the first task cell covering as many
  rows as the 序号 cell — so "1" next to a task merged over three measures numbers the
  task, and per-row numbers next to it number the measures; 1 / 1.1 / 1.1.1 mean levels;
- a one-row task with its 具体内容 beside it is one task (title, then text), not two;
- a vertically merged cell repeats on the rows it covers (the reader takes a repeat as
  the same task; a department cell spanning tasks applies to each);
- hidden columns (such as PlanDesk's own task keys) are left out.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..importer.errors import PlanImportError
from ..importer.labels import circled, int_to_cn, parse_label
from ..importer.table import header_kinds, parse_table_rows
from .errors import WorkbookError
from .foreign_grid import (Grid, drop_footnotes, find_header, hidden_columns, merge_header_pairs,
                           read_grid, take_title)
from .safety import open_workbook

_DECIMAL = re.compile(r"^\d+(?:\.\d+)+\.?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
_CN_NUMBER = re.compile(r"^[一二三四五六七八九十百]+$")
_END = "。；;：:！？"


def _label(number: str, decimal: bool) -> str:
    """The 序号 as a label to put before the task text: 1 -> "1." and 一 -> "一、".

    In a decimal column (1 / 1.1 / 1.1.1) the number of parts is the level.
    """
    if decimal and _NUMBER.match(number):
        parts = number.rstrip(".").split(".")
        n = int(parts[-1])
        forms = [f"{int_to_cn(n)}、", f"（{int_to_cn(n)}）", f"{n}.", f"（{n}）", circled(n)]
        return forms[min(len(parts), len(forms)) - 1]
    if _NUMBER.match(number):
        return number.rstrip(".") + "."
    if _CN_NUMBER.match(number):
        return number + "、"
    return number


def _starts_with_label(text: str) -> bool:
    label = parse_label(text)
    return bool(label and label.style not in ("dash", "bullet"))


def lay_out(grid: Grid, header: int) -> None:
    """Rewrite the data rows so each cell says what the merges meant (see the module doc)."""
    kinds = header_kinds(grid.rows[header]) or []
    task_cols = [j for j, k in enumerate(kinds) if k == "task"]
    number_cols = [j for j, k in enumerate(kinds) if k == "number"]
    decimal = any(_DECIMAL.match(row[j]) for row in grid.rows[header + 1:]
                  for j in number_cols if j < len(row))
    if not task_cols:
        return
    for r in range(header + 1, len(grid.rows)):
        row = grid.rows[r]
        if header_kinds(row):       # a header repeated on every printed page
            grid.header_rows.add(r)
            continue
        _heading_across(grid, r, row, task_cols)
        for j in number_cols:
            _number_to_task(grid, r, row, j, task_cols, decimal)
        _join_title_and_content(grid, r, row, task_cols)
    grid.fill_down(start=header + 1, skip_columns=number_cols)


def _heading_across(grid: Grid, r: int, row: list[str], task_cols: list[int]) -> None:
    filled = [j for j, v in enumerate(row) if v]
    if len(filled) != 1 or filled[0] in task_cols:
        return
    j = filled[0]
    if grid.cols_spanned.get((r, j), 1) > 1 or _starts_with_label(row[j]):
        row[task_cols[0]], row[j] = row[j], ""


def _number_to_task(grid: Grid, r: int, row: list[str], j: int, task_cols, decimal: bool) -> None:
    number = row[j] if j < len(row) else ""
    if not number or grid.continues(r, j):
        return
    fresh = [c for c in task_cols if row[c] and not grid.continues(r, c)]
    if not fresh:
        return   # the reader reports a number without a task
    same = [c for c in fresh if grid.span(r, c) == grid.span(r, j)]
    target = (same or fresh)[0]
    if not _starts_with_label(row[target]):
        row[target] = f"{_label(number, decimal)}{row[target]}"
    row[j] = ""


def _join_title_and_content(grid: Grid, r: int, row: list[str], task_cols) -> None:
    """重点任务 | 具体内容 on one row: one task whose text is the content."""
    for a, b in zip(task_cols, task_cols[1:]):
        title, content = row[a], row[b]
        if not title or not content or grid.continues(r, a) or grid.continues(r, b):
            continue
        if grid.span(r, a) > 1 or grid.span(r, b) > 1 or _starts_with_label(content):
            continue
        sep = "" if title[-1] in _END else "。"
        row[a], row[b] = f"{title}{sep}{content}", ""


_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def task_keys(sheet) -> dict[int, str]:
    """{sheet row: task key} from a hidden column of task keys (a workbook PlanDesk wrote):
    the office above's keys travel with its tasks into the workspace below."""
    best: dict[int, str] = {}
    for c in hidden_columns(sheet):
        keys = {}
        for r, (value,) in enumerate(sheet.iter_rows(min_col=c, max_col=c, values_only=True), 1):
            if isinstance(value, str) and _UUID.match(value.strip()):
                keys[r] = value.strip()
        if len(keys) > len(best):
            best = keys
    return best


def _keep_keys(tasks: list[dict], keys: dict[int, str]) -> None:
    for node in tasks:
        key = keys.get(node.get("line") or 0)
        if key:
            node["uuid"] = key
        _keep_keys(node.get("children") or [], keys)


def read_foreign_workbook(path) -> dict:
    """Read a division table workbook into a plan dict (kind "division_table").

    Raises WorkbookError (one line naming the file, and the sheet where it helps).
    """
    path = Path(path)
    with open_workbook(path, read_only=False, data_only=True) as (wb, check):
        sheets = [s for s in wb.worksheets if s.sheet_state == "visible"]
        found, empty = [], True
        for sheet in sheets:
            grid = read_grid(sheet)
            if any(any(row) for row in grid.rows):
                empty = False
            header = find_header(grid)
            if header is not None:
                found.append((sheet.title, grid, header, task_keys(sheet)))
    if empty:
        raise WorkbookError(path.name, "工作簿是空的，没有任何内容")
    if not found:
        raise WorkbookError(path.name, f"工作表“{sheets[0].title if sheets else ''}”中没有找到分工表的表头"
                                       "（如 重点任务、牵头单位、责任单位、完成时限）")
    sheet_name, grid, header, keys = found[0]
    title = take_title(grid, header)
    notes = drop_footnotes(grid, header)
    merge_header_pairs(grid)
    lay_out(grid, header)
    try:
        plan = parse_table_rows(grid.rows, path.name, first_row_number=1)
    except PlanImportError as e:
        raise WorkbookError(f"{path.name} 工作表“{sheet_name}”", e.problem) from None
    if title:
        plan["title"] = title
    if keys:
        _keep_keys(plan["tasks"], keys)
    plan["kind"] = "division_table"
    plan["source_file"] = path.name
    warnings = plan.setdefault("warnings", [])
    warnings[:0] = [{"message": note} for note in check.notes]
    warnings += [{"message": f"表下的说明（未作为任务导入）：{note}"} for note in notes]
    if len(found) > 1:
        others = "、".join(f"“{name}”" for name, *_ in found[1:])
        warnings.append({"message": f"只导入了工作表“{sheet_name}”；工作表{others}也像分工表，请分别另存后导入"})
    return plan
