"""A table on a scanned page, rebuilt from where the recogniser found its words.

Recognition gives boxes of text and their positions, and no rules. Boxes that overlap
vertically are one baseline (``scan``). On a baseline, a gap of more than about half a
character between two boxes separates cells. A run of baselines with several cells is a
table when its cells fall into at least three columns: a column is an x range the cells cover
(ranges that overlap are one column), so a centred or a short cell still lands in its
column. Rows go by the vertical gaps: a gap wider than half a line starts a row; the lines
closer together are one cell wrapped over lines (their texts are joined). A line of one
piece that crosses columns is prose and ends the table; so does a line at the left margin
after the table's last row of several cells.

``split_tables(baselines) -> (baselines left, tables)``; a table is (top, rows of cell
texts), the shape ``pdf_text`` gives for ruled tables, so both go the same way on.
"""
from __future__ import annotations

CELL_GAP = 0.6       # × line height: a wider gap between two boxes separates cells
ROW_GAP = 0.5        # × line height: a wider gap between two lines starts a row
MIN_COLUMNS = 3
MIN_ROWS = 2


def _cells(items: list, height: float) -> list[list]:
    """[x0, x1, text] of each cell on one baseline (boxes sorted by x)."""
    cells: list[list] = []
    for _top, _bottom, x0, x1, text in items:
        if cells and x0 - cells[-1][1] <= CELL_GAP * height:
            cells[-1][1] = max(cells[-1][1], x1)
            cells[-1][2] += text
        else:
            cells.append([x0, x1, text])
    return cells


def _columns(spans: list[tuple[float, float]]) -> list[list[float]]:
    """The x ranges the spans cover, overlapping ones merged, left to right."""
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return out


def _column_of(columns: list[list[float]], x0: float, x1: float) -> int:
    middle = (x0 + x1) / 2
    for i, (c0, c1) in enumerate(columns):
        if c0 <= middle <= c1:
            return i
    return min(range(len(columns)), key=lambda i: abs(columns[i][0] - x0))


def _run_end(lines: list, start: int) -> int:
    """The index after the last line of the run of table-like lines from ``start``: lines
    of several cells, and lines of one cell inside one column of those (a wrapped cell)."""
    end = start + 1
    left = min(c[0] for c in lines[start][3])
    spans = [(c[0], c[1]) for c in lines[start][3]]
    k = start + 1
    while k < len(lines):
        cells = lines[k][3]
        if len(cells) >= 2:
            spans += [(c[0], c[1]) for c in cells]
            end = k + 1
        elif len(cells) != 1 or cells[0][0] <= left + lines[k][1] - lines[k][0] \
                or _crosses(_columns(spans), cells[0]):
            break   # prose after the table (or after its last row)
        k += 1
    return end


def _crosses(columns: list[list[float]], cell: list) -> bool:
    """Does the cell reach over the gap between two columns?"""
    return sum(1 for c0, c1 in columns if cell[0] < c1 and cell[1] > c0) > 1


def split_tables(baselines: list) -> tuple[list, list]:
    """(baselines that are not in a table, [(top, rows)]) — see the module docstring.

    ``baselines`` are (top, bottom, items) in reading order, items (top, bottom, x0, x1,
    text) sorted by x."""
    lines = [(top, bottom, items, _cells(items, max(bottom - top, 1.0)))
             for top, bottom, items in baselines]
    kept: list = []
    tables: list = []
    i = 0
    while i < len(lines):
        if len(lines[i][3]) < 2:
            kept.append(lines[i][:3])
            i += 1
            continue
        end = _run_end(lines, i)
        run = lines[i:end]
        table = _table(run)
        if table is None:
            kept.append(lines[i][:3])
            i += 1
            continue
        tables.append((run[0][0], table))
        i = end
    return kept, tables


def _table(run: list) -> list[list[str]] | None:
    if sum(1 for line in run if len(line[3]) >= 2) < MIN_ROWS:
        return None
    columns = _columns([(c[0], c[1]) for line in run if len(line[3]) >= 2 for c in line[3]])
    if len(columns) < MIN_COLUMNS:
        return None
    heights = sorted(bottom - top for top, bottom, _, _ in run)
    height = heights[len(heights) // 2]
    rows: list[list[str]] = []
    previous_bottom = None
    for top, bottom, _items, cells in run:
        if previous_bottom is None or top - previous_bottom > ROW_GAP * height:
            rows.append([""] * len(columns))
        row = rows[-1]
        for x0, x1, text in cells:
            j = _column_of(columns, x0, x1)
            row[j] += text
        previous_bottom = bottom
    return rows
