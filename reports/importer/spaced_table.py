"""Division tables flattened with spaces instead of tabs (pasted from a web page, a PDF
viewer or ``pdftotext -layout``).

A header row such as "序号  重点任务  牵头单位  配合单位  完成时限" starts the table:

- cells separated by runs of two or more spaces ("wide"): each piece of a line goes to the
  column whose header starts at or before it (offsets in printed width, Chinese characters
  counting two), so a cell wrapped over several lines is put back together; a line starts
  a new row when it has a row number in the 序号 column, a numbered category (一、 （一）)
  or follows a blank line; a line that runs across the columns is prose: the table ends;
- cells separated by single spaces (only when every word of the header line is a header
  word): a line starting with a row number starts a row; a line after a row with fewer
  cells than the header continues it (a cell of several paragraphs); pieces are fitted to
  the columns (a deadline goes to 完成时限, spaced-apart unit names stay in their column).

Rows come out tab-separated, as if the table had been flattened with tabs; numbered lines
left at the end without a row after them are given back as text.
"""

from __future__ import annotations

import re
import unicodedata

from . import deadlines, furniture
from .labels import parse_label
from .normalize import normalise, strip_html
from .table_cells import ROW_NUMBER, header_kinds
from .units import unit_token

_ROLE_KINDS = ("lead", "support", "responsible", "guide")
_NOTE = re.compile(r"^(?:注|备注|说明|附件|附表)")


def width(text: str) -> int:
    """Printed width: Chinese characters and full-width forms take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pieces(text: str) -> list[tuple[int, int, str]]:
    """(start, end, piece) of the runs separated by two or more spaces, in printed width."""
    text = text.replace("\u3000", "  ")
    out = []
    for m in re.finditer(r"\S+(?: \S+)*", text):
        start = width(text[:m.start()])
        out.append((start, start + width(m.group(0)), m.group(0)))
    return out


class SpacedTable:
    """Reads a space-flattened table line by line; see the module docstring."""

    def __init__(self):
        self.kinds: list | None = None
        self.wide = False        # cells separated by runs of 2+ spaces (else single spaces)
        self.starts: list = []   # wide: where each header cell starts
        self.rows: list = []     # single: [line, text]; wide: [line, [cells]]
        self.gap = False         # a blank line since the last row line
        self.gap_row = False     # wide: the last row was begun by a line without a number

    def start(self, line: int, raw: str) -> bool:
        found = _spaced_header(raw)
        if found is None:
            return False
        self.kinds, self.wide = found
        text = strip_html(raw).rstrip()
        if self.wide:
            self.starts = [start for start, _, _ in pieces(text)]
            self.rows = [[line, [p for _, _, p in pieces(text)]]]
        else:
            self.rows = [[line, "\t".join(_letters_joined(self._split(text)))]]
        self.gap = False
        return True

    def take(self, line: int, raw: str) -> bool:
        """Is ``raw`` part of the table being read? (False ends the table.)"""
        if self.kinds is None:
            return False
        text = strip_html(raw).rstrip()
        if not text.strip():
            self.gap = True
            return True
        if furniture.is_furniture(normalise(text)):
            return True  # page numbers and page headers inside a table
        if "\t" in raw or _spaced_header(raw) is not None:
            self.rows.append([line, raw if "\t" in raw else [p for _, _, p in pieces(text)]])
            self.gap = False
            return True
        taken = self._take_wide(line, text) if self.wide else self._take_single(line, text.strip())
        if taken:
            self.gap = False
        return taken

    # -- cells separated by runs of spaces: columns by position ------------------------
    def _column(self, start: int) -> int:
        return max([j for j, s in enumerate(self.starts) if s <= start + 2] or [0])

    def _take_wide(self, line: int, text: str) -> bool:
        found = pieces(text)
        first = normalise(found[0][2])
        if _NOTE.match(first):
            return False
        label = parse_label(first)
        category = label is not None and not label.ambiguous and label.style in ("part", "1", "2") \
            and len(found) == 1 and len(first) <= 30
        columns = [self._column(start) for start, _, _ in found]
        aligned = all(b > a for a, b in zip(columns, columns[1:])) and not any(
            j + 1 < len(self.starts) and end > self.starts[j + 1] + 2
            for j, (_, end, _) in zip(columns, found))
        numbered = len(found) >= 2 and bool(ROW_NUMBER.match(first)) and self.kinds[0] == "number"
        last = self.rows[-1][1] if len(self.rows) > 1 and isinstance(self.rows[-1][1], list) else None
        if numbered and last is not None and self._number_pending(last):
            # the row number sits on a later line of its row (centred in a tall cell)
            self._continue(last, columns, [p for _, _, p in found])
            return True
        if numbered or category:
            words = [p for _, _, p in found]
            if category:
                cells = [""] * len(self.kinds)
                cells[min(1, len(cells) - 1) if self.kinds[0] == "number" else 0] = words[0]
            elif aligned and len(words) != len(self.kinds):
                cells = self._placed(columns, words)
            else:  # not laid out in columns: the pieces in order
                cells = self._fitted(words)
            self.rows.append([line, cells])
            self.gap_row = False
            return True
        if not aligned:
            return False  # a line running across the columns is prose, not a row
        current = self.rows[-1] if len(self.rows) > 1 and isinstance(self.rows[-1][1], list) \
            and len(self.rows[-1][1]) == len(self.kinds) else None
        full = len(set(columns)) >= len(self.kinds) - 1
        if current is None or self.gap or ("number" not in self.kinds and full):
            self.rows.append([line, self._placed(columns, [p for _, _, p in found])])
            self.gap_row = True
            return True
        self._continue(current[1], columns, [p for _, _, p in found])
        return True

    def _continue(self, cells: list[str], columns: list[int], words: list[str]) -> None:
        """Add the pieces of a further line of a row to the cells they sit under."""
        for j, piece in zip(columns, words):
            if not cells[j]:
                cells[j] = piece
            elif self.kinds[j] in _ROLE_KINDS and unit_token(re.split(r"[、，,；;]", cells[j])[-1]) \
                    and unit_token(re.split(r"[、，,；;]", piece)[0]):
                cells[j] += "、" + piece  # the next unit of the list on a line of its own
            else:
                cells[j] += piece  # a wrapped line of text

    def _number_pending(self, cells: list[str]) -> bool:
        """A row begun after a blank line with text only in its task columns, no number yet."""
        if self.kinds[0] != "number" or cells[0] or not self.gap_row:
            return False
        filled = [j for j, c in enumerate(cells) if c]
        return bool(filled) and all(self.kinds[j] == "task" for j in filled) \
            and not any(parse_label(normalise(cells[j])) for j in filled)

    def _placed(self, columns: list[int], words: list[str]) -> list[str]:
        cells = [""] * len(self.kinds)
        for j, word in zip(columns, words):
            cells[j] = (cells[j] + " " + word).strip()
        return cells

    # -- cells separated by single spaces: rows by row numbers --------------------------
    def _take_single(self, line: int, text: str) -> bool:
        cells = self._split(text)
        first = normalise(cells[0])
        label = parse_label(first)
        if (ROW_NUMBER.match(first) and len(cells) >= 2) or (
                label is not None and not label.ambiguous and label.style in ("part", "1", "2")):
            self.rows.append([line, text])
            return True
        last = self.rows[-1] if len(self.rows) > 1 and isinstance(self.rows[-1][1], str) else None
        if last is not None and not _NOTE.match(first) and len(self._split(last[1])) < len(self.kinds):
            last[1] += "\n" + text
            return True
        return False

    def flush(self) -> list:
        """The table read so far as tab-separated rows [(line, row, True)]; resets."""
        if self.kinds is None:
            return []
        back = []
        while len(self.rows) > 1 and self._lone_line(self.rows[-1][1]):
            line, row = self.rows.pop()
            back.insert(0, (line, normalise(row if isinstance(row, str) else "".join(row)), False))
        out = []
        for i, (line, row) in enumerate(self.rows):
            if isinstance(row, list):
                text = "\t".join(row)
            elif "\t" in row or i == 0:
                text = row
            else:
                text = "\t".join(self._fitted(self._paragraph_cells(self._split(row))))
            out.append((line, text, True))
        self.kinds, self.rows, self.starts = None, [], []
        if len(out) < 2:  # a header alone is no table: give the line back as text
            return [(out[0][0], normalise(out[0][1].replace("\t", " ")), False)] + back
        return out + back

    def _lone_line(self, row) -> bool:
        if isinstance(row, list):
            return sum(1 for c in row if c) == 1 and parse_label(normalise("".join(row))) is not None
        return "\t" not in row and len(self._split(row)) == 1

    def _split(self, text: str) -> list[str]:
        parts = re.split(r"[ \u3000]{2,}" if self.wide else r"[ \u3000]+", text.strip())
        return [p for p in parts if p]

    def _paragraph_cells(self, cells: list[str]) -> list[str]:
        """A cell of several paragraphs ended by a line break, not a space, is two cells
        when the row is short of cells: split at the last line break."""
        cells = list(cells)
        while len(cells) < len(self.kinds) and any("\n" in c for c in cells):
            i = max(i for i, c in enumerate(cells) if "\n" in c)
            head, _, tail = cells[i].rpartition("\n")
            cells[i:i + 1] = [head, tail]
        return cells

    def _fitted(self, cells: list[str]) -> list[str]:
        """Pieces of one row in order, fitted to the header's columns."""
        want = len(self.kinds)
        if len(cells) > want:
            cells = self._fit(cells)
        if 0 < len(cells) < want and self.kinds[-1] == "deadline" \
                and deadlines.whole_deadline(normalise(cells[-1])):
            cells = cells[:-1] + [""] * (want - len(cells)) + cells[-1:]
        return cells

    def _fit(self, cells: list[str]) -> list[str]:
        """More pieces than columns: spaces inside a task text join it again, unit names
        spaced apart in the last unit column are listed in that cell."""
        kinds, rest = self.kinds, list(cells)
        out: list[str] = [""] * len(kinds)
        left, right = 0, len(kinds) - 1
        if kinds[0] == "number":
            out[0], left = rest.pop(0), 1
        if kinds[-1] == "deadline" and rest and deadlines.whole_deadline(normalise(rest[-1])):
            out[-1], right = rest.pop(), right - 1
        roles = [j for j in range(left, right + 1) if kinds[j] in _ROLE_KINDS]
        for j in range(left, right + 1):
            later = right - j  # columns after this one, each wants a piece
            if kinds[j] in _ROLE_KINDS and j == roles[-1]:
                take = max(1, len(rest) - later)
                out[j] = "、".join(rest[:take])
            elif kinds[j] == "task":
                take = 1
                while take < len(rest) - later and not unit_token(normalise(rest[take])):
                    take += 1  # the task text runs on until the first unit name
                out[j] = " ".join(rest[:take])
            else:
                take = 1
                out[j] = rest[0] if rest else ""
            rest = rest[take:]
        if rest:  # what did not fit stays in the last column rather than being lost
            out[-1] = " ".join([out[-1]] + rest).strip()
        return out


def _spaced_header(raw: str):
    """(column kinds, wide) when ``raw`` is a header row written with spaces, else None."""
    text = strip_html(raw).strip()
    if "\t" in text or len(text) > 160 or not (" " in text or "\u3000" in text):
        return None    # a header row has cells: spaces between them
    cells = [c for c in re.split(r"[ \u3000]{2,}", text) if c]
    if len(cells) >= 3:
        kinds = header_kinds([normalise(c) for c in cells])
        if kinds and sum(k is not None for k in kinds) >= 3:
            return kinds, True
    cells = _letters_joined([c for c in re.split(r"[ \u3000]+", text) if c])
    if len(cells) >= 3:
        kinds = header_kinds([normalise(c) for c in cells])
        if kinds and all(k is not None for k in kinds):
            return kinds, False
    return None


def _letters_joined(cells: list[str]) -> list[str]:
    """A header word spaced out letter by letter to fill its column ("工 作 任 务") is one
    cell: runs of single Chinese characters are joined."""
    out: list[str] = []
    single = False
    for cell in cells:
        one = len(cell) == 1 and "\u4e00" <= cell <= "\u9fff"
        if one and single:
            out[-1] += cell
        else:
            out.append(cell)
        single = one
    return out
