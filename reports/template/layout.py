"""Read a template workbook's layout: where its header is, what each column asks for,
which rows report on tasks, and the lines around the table.

The header is the first row (of the first visible sheet that has one) whose cells name at
least two fields; a header cell merged down over the next rows, or a row of sub-headers
under a cell merged across (责任单位 over 牵头 | 配合), makes a header of several rows.
Columns no concept claims are kept, unmapped, for the clerk. Below the table, the first
one-cell note line (注：…) ends it: such lines are footnotes, never rows. The result is a
plain dict (JSON), stored with the template; cells are addressed by sheet row and column.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter

from ..xlsx.foreign_grid import cell_text
from ..xlsx.return_reader import ReturnBook
from ..xlsx.safety import describe, open_workbook
from .errors import TemplateError
from models.templates import FILLABLE

from .fields import field_of, looks_like_header, normalise_header
from .lines import line_kind

MAX_HEADER_SEARCH = 40


class Sheet:
    """A sheet's cell texts by (row, column), 1-based, with its merged ranges."""

    def __init__(self, ws):
        self.title = ws.title
        self.max_row, self.max_col = ws.max_row, ws.max_column
        self.values: dict[tuple[int, int], str] = {}
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=self.max_row, max_col=self.max_col,
                                             values_only=True), 1):
            for c, v in enumerate(row, 1):
                text = cell_text(v)
                if text:
                    self.values[(r, c)] = text
        self.top_of: dict[tuple[int, int], tuple[int, int]] = {}
        self.span: dict[tuple[int, int], tuple[int, int]] = {}   # top-left -> (rows, cols)
        for rng in ws.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            self.span[top] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != top:
                        self.top_of[(r, c)] = top
        self._cell = ws.cell
        self.choices = _list_choices(ws)
        self.hidden = {c for c in range(1, self.max_col + 1)
                       if ws.column_dimensions[get_column_letter(c)].hidden}

    def number_format(self, r: int, c: int) -> str:
        return self._cell(r, c).number_format

    def own(self, r: int, c: int) -> str:
        """The cell's own text ('' under a merge that started elsewhere)."""
        return self.values.get((r, c), "")

    def seen(self, r: int, c: int) -> str:
        """What a reader sees in the cell: a merged cell's text on every cell it covers."""
        return self.values.get(self.top_of.get((r, c), (r, c)), "")

    def cols_spanned(self, r: int, c: int) -> int:
        """How many columns the (merged) cell covering (r, c) spans."""
        return self.span.get(self.top_of.get((r, c), (r, c)), (1, 1))[1]

    def continues(self, r: int, c: int) -> bool:
        top = self.top_of.get((r, c))
        return top is not None and top[0] < r

    def row_seen(self, r: int) -> list[str]:
        return [self.seen(r, c) for c in range(1, self.max_col + 1)]

    def one_cell_line(self, r: int) -> str | None:
        """The text of a row holding one text (a title, a note), else None."""
        texts = {self.seen(r, c) for c in range(1, self.max_col + 1)} - {""}
        return texts.pop() if len(texts) == 1 else None


def _header_block(sheet: Sheet, first: int) -> int:
    """The last row of the header that starts at ``first``."""
    last = first
    for c in range(1, sheet.max_col + 1):
        rows, _ = sheet.span.get((first, c), (1, 1))
        last = max(last, first + rows - 1)
    while last + 1 <= sheet.max_row:
        nxt = last + 1
        cells = sheet.row_seen(nxt)
        under_merge = any(sheet.cols_spanned(last, c) > 1 or sheet.continues(nxt, c)
                          for c in range(1, sheet.max_col + 1) if sheet.own(nxt, c))
        if looks_like_header(cells) or (under_merge and all(
                field_of(t) for t in (sheet.own(nxt, c) for c in range(1, sheet.max_col + 1)) if t)):
            last = nxt
        else:
            break
    return last


def _columns(sheet: Sheet, first: int, last: int) -> list[dict]:
    out = []
    for c in range(1, sheet.max_col + 1):
        texts: list[str] = []
        for r in range(first, last + 1):
            t = sheet.seen(r, c)
            if t and t not in texts:
                texts.append(t)
        field = None
        for t in reversed(texts):     # the most specific header (the lowest) decides
            field = field_of(t)
            if field:
                break
        out.append({"col": c, "letter": get_column_letter(c), "header": "/".join(texts),
                    "field": field, "hidden": c in sheet.hidden, "how": "rule" if field else ""})
    while out and not out[-1]["header"] and not out[-1]["field"]:
        out.pop()
    return out


def _find_header(sheet: Sheet) -> int | None:
    for r in range(1, min(sheet.max_row, MAX_HEADER_SEARCH) + 1):
        if looks_like_header(sheet.row_seen(r)):
            return r
    return None


def read_layout(path) -> dict:
    """The reading of a template workbook (see the module doc). Raises TemplateError."""
    path = Path(path)
    try:
        with open_workbook(path, read_only=False, data_only=True) as (wb, _check):
            sheets = [Sheet(s) for s in wb.worksheets if s.sheet_state == "visible"]
    except TemplateError:
        raise
    except Exception as e:   # WorkbookError from the checks, or a parser failure
        raise TemplateError("chain.template_unreadable", file=path.name,
                            reason=getattr(e, "problem", None) or describe(e)) from None
    for sheet in sheets:
        header = _find_header(sheet)
        if header is not None:
            break
    else:
        raise TemplateError("chain.template_no_header", file=path.name,
                            sheet=sheets[0].title if sheets else "")
    with ReturnBook(path) as book:
        part = book.parts[sheet.title]
    last = _header_block(sheet, header)
    columns = _columns(sheet, header, last)
    reading = {"sheet": sheet.title, "part": part, "header_rows": [header, last],
               "columns": columns, "lines": [], "rows": []}
    for r in range(1, header):
        text = sheet.one_cell_line(r)
        if text:
            reading["lines"].append({"row": r, "text": text, "kind": line_kind(text)})
    _data_rows(sheet, last, columns, reading)
    return reading


def _data_rows(sheet: Sheet, last_header: int, columns: list[dict], reading: dict) -> None:
    by_field: dict[str, list[int]] = {}
    for col in columns:
        if col["field"]:
            by_field.setdefault(col["field"], []).append(col["col"])
    header_texts = [normalise_header(col["header"]) for col in columns]
    footer = False
    for r in range(last_header + 1, sheet.max_row + 1):
        line = sheet.one_cell_line(r)
        if footer or (line is not None and line_kind(line) in ("footnote", "instruction", "unit")):
            footer = True
            if line:
                reading["lines"].append({"row": r, "text": line, "kind": line_kind(line)})
            continue
        seen = sheet.row_seen(r)
        if not any(seen):
            continue
        if [normalise_header(t) for t in seen[:len(header_texts)]] == header_texts:
            continue   # the header repeated on a printed page
        if _column_numbers(seen):
            continue   # the row numbering the columns (1 2 3 … or （1）（2）…) under a header
        key = "".join(sheet.own(r, c) for c in by_field.get("key", ()))
        upper = "".join(sheet.own(r, c) for c in by_field.get("upper_key", ()))
        label, text, context = _row_texts(sheet, r, by_field)
        if not text and not label and not key:
            continue   # only merged cells from above and empty input cells
        reading["rows"].append({
            "row": r, "label": label, "text": text, "key": key, "upper_key": upper,
            "context": context,
            "units": "、".join(sheet.own(r, c) for f in ("lead", "responsible", "support")
                              for c in by_field.get(f, ()) if sheet.own(r, c)),
            "inputs": {str(c): sheet.own(r, c) for f in FILLABLE for c in by_field.get(f, ())
                       if sheet.own(r, c)},
            "covered": [c for f in FILLABLE for c in by_field.get(f, ()) if (r, c) in sheet.top_of],
        })
    first = reading["rows"][0]["row"] if reading["rows"] else None
    for col in columns:   # a percent column formatted as 0% takes 0.6 for 60
        if first and col["field"] in FILLABLE:
            col["number_format"] = sheet.number_format(first, col["col"])
            if (first, col["col"]) in sheet.choices:   # a drop-down: the office's own words
                col["choices"] = sheet.choices[(first, col["col"])]


def _list_choices(ws) -> dict[tuple[int, int], list[str]]:
    """{(row, column): the values of the cell's drop-down} for lists written in the rule
    ("已完成,推进中,未启动"); lists pointing at cells elsewhere are left out."""
    out: dict[tuple[int, int], list[str]] = {}
    for dv in ws.data_validations.dataValidation:
        formula = (dv.formula1 or "").strip()
        if dv.type != "list" or not formula.startswith('"'):
            continue
        values = [v.strip() for v in formula.strip('"').split(",") if v.strip()]
        for rng in dv.sqref.ranges:
            for r in range(rng.min_row, min(rng.max_row, rng.min_row + 5000) + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    out[(r, c)] = values
    return out


def _column_numbers(cells: list[str]) -> bool:
    numbers = [c.strip("()（） ") for c in cells if c]
    return len(numbers) >= 3 and all(n.isdigit() for n in numbers) and \
        [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def _row_texts(sheet: Sheet, r: int, by_field: dict) -> tuple[str, str, str]:
    """(label, text, context) of a data row.

    A 序号 or task cell merged down over several rows (a merged first column) is the
    group the rows belong to — their context — unless the row has no other text.
    """
    def cells(field):
        return [(c, sheet.seen(r, c), sheet.span.get(sheet.top_of.get((r, c), (r, c)), (1, 1))[0] > 1)
                for c in by_field.get(field, ()) if sheet.seen(r, c)]

    tasks, numbers = cells("task"), cells("number")
    single = [t for c, t, tall in tasks if not tall]
    grouped = [(c, t) for c, t, tall in tasks if tall]
    if single:
        text = "".join(single)
        context = [t for c, t in grouped]
        label = "".join(t for c, t, tall in numbers if not tall)
        context += [t for c, t, tall in numbers if tall]
    else:   # the row's task text itself is merged (a task over several measure rows)
        text = "".join(t for c, t in grouped if not sheet.continues(r, c))
        context = []
        label = "".join(t for c, t, tall in numbers if not sheet.continues(r, c))
    return label, text, "".join(context)
