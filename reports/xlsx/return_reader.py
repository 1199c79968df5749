"""The cells of a returned exchange workbook, read straight from its XML.

Consolidating a round reads every cell of every return: 100 returns of ~300 rows are
some 600,000 cells, and openpyxl builds a Python object per cell (~30 µs each). This
reader takes only what the import checks — each cell's value, type (text, number,
formula, error) and number format — from the sheets asked for, with lxml's C parser:
several times faster. The file has passed ``safety.check_workbook_file`` first (sizes
bounded, no DTD), and the parser never resolves entities or touches the network. A sheet
is bounded as it is streamed (its rows and the columns its cells are written at), before
any grid is built, so a stray cell at XFD1048576 is refused (``UnsafeFile``) here.

Transitional and Strict OOXML both read (the namespace is taken from each part), as do
shared and inline strings and rows or cells written without their "r" reference.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS

from ..zipsafety import MAX_ROWS, check_sheet_size

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
_INTEGER = re.compile(r"-?\d+")
_ITERPARSE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False,
              "remove_comments": True, "remove_pis": True}


@dataclass(slots=True)
class Cell:
    value: object
    data_type: str = "n"            # s text, n number, b boolean, e error, f formula, d date
    number_format: str = "General"


def _xml(z: zipfile.ZipFile, name: str):
    return etree.fromstring(z.read(name), _PARSER)


def _ns(root) -> str:
    return etree.QName(root).namespace or ""


def _rel_id(element) -> str | None:
    for key, value in element.attrib.items():
        if key.endswith("}id"):
            return value
    return None


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """{relationship id: (type, part name)} for a part."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in z.namelist():
        return {}
    out = {}
    for rel in _xml(z, path):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type", ""), full)
    return out


def _text(element, tag_t: str, tag_r: str) -> str:
    """A string item's text: its own <t>, or its rich-text runs (phonetic runs left out)."""
    plain = element.find(tag_t)
    if plain is not None:
        return plain.text or ""
    return "".join(run.findtext(tag_t) or "" for run in element.iter(tag_r))


def _column(ref: str) -> int:
    """"AB12" -> 28."""
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n


class ReturnBook:
    """A returned workbook opened for reading its sheets as rows of ``Cell``."""

    def __init__(self, path):
        self.file = Path(path).name
        self.zip = zipfile.ZipFile(path)
        try:
            root_rels = _rels(self.zip, "")
            workbook = next(p for t, p in root_rels.values() if t.endswith("/officeDocument"))
            rels = _rels(self.zip, workbook)
            book = _xml(self.zip, workbook)
            ns = _ns(book)
            self.parts: dict[str, str] = {}
            self.merges: dict[str, list[str]] = {}   # sheet → merged ranges ("G7:G8")
            self.states: dict[str, str] = {}
            for sheet in book.iter(f"{{{ns}}}sheet"):
                name = sheet.get("name", "")
                self.parts[name] = rels[_rel_id(sheet)][1]
                self.states[name] = sheet.get("state", "visible")
            self._parts_by_type = {t.rsplit("/", 1)[-1]: p for t, p in rels.values()}
            self._formats = self._number_formats(self._parts_by_type.get("styles"))
        except BaseException:
            self.zip.close()
            raise

    @property
    def sheetnames(self) -> list[str]:
        return list(self.parts)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @cached_property
    def _strings(self) -> list[str]:
        """The shared strings, parsed when a cell first refers to one."""
        part = self._parts_by_type.get("sharedStrings")
        if not part or part not in self.zip.namelist():
            return []
        root = _xml(self.zip, part)
        ns = _ns(root)
        t, r = f"{{{ns}}}t", f"{{{ns}}}r"
        return [_text(si, t, r) for si in root.iter(f"{{{ns}}}si")]

    def _number_formats(self, part: str | None) -> list[str]:
        """Number format code by cell style index (what tells 60% from 60)."""
        if not part or part not in self.zip.namelist():
            return []
        root = _xml(self.zip, part)
        ns = _ns(root)
        custom = {int(f.get("numFmtId")): f.get("formatCode", "")
                  for f in root.iter(f"{{{ns}}}numFmt")}
        xfs = root.find(f"{{{ns}}}cellXfs")
        out = []
        for xf in (xfs if xfs is not None else ()):
            fmt_id = int(xf.get("numFmtId", 0))
            out.append(custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id, "General"))
        return out

    def rows(self, name: str, width: int | None = None, compact: bool = False) -> list[list]:
        """The sheet's rows from row 1, each a list of cells from column A (None: no cell).

        The sheet is streamed (each row dropped from the tree once read), so a large sheet
        is never held as a tree. ``width``: only the first columns are kept. ``compact``: a
        plain text cell is its ``str`` (the common case, a fraction of the memory); numbers,
        formulas, errors and booleans stay ``Cell`` (their type and number format matter).
        """
        found: dict[int, list] = {}      # row → its cells from column A (a list: no dict per row)
        merges: list[str] = []
        r = 0
        last = 0                          # the last column a kept cell is in
        tags: _Tags | None = None
        columns: dict[str, int] = {}      # "AB" -> 28, computed once per column
        with self.zip.open(self.parts[name]) as part:
            for _, element in etree.iterparse(part, events=("end",), tag=("{*}row", "{*}mergeCell"),
                                              **_ITERPARSE):
                if element.tag.endswith("mergeCell"):
                    merges.append(element.get("ref", ""))
                    continue
                if tags is None or element.tag != tags.row:
                    tags = _Tags(element.tag[:-3])
                r = int(element.get("r") or r + 1)
                if r > MAX_ROWS:
                    check_sheet_size(self.parts[name], self.file, r, 1)
                cells = found.get(r)
                if cells is None:
                    cells = found[r] = []
                c = 0
                same: dict = {}           # a row's echoes hold one token: one str for them
                for cell in element:
                    if cell.tag != tags.c:
                        continue
                    ref = cell.get("r")
                    if ref:
                        letters = ref.rstrip(_DIGITS)
                        c = columns.get(letters) or columns.setdefault(letters, _column(letters))
                    else:
                        c += 1
                    if 0 < c and (width is None or c <= width):
                        if c > len(cells):
                            cells.extend([None] * (c - len(cells)))
                        value = self._cell(cell, tags, compact)
                        if value.__class__ is str:
                            value = same.setdefault(value, value)
                        cells[c - 1] = value
                        if c > last:
                            last = c
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
        self.merges[name] = merges
        check_sheet_size(self.parts[name], self.file, max(found, default=0),
                         max(last, *columns.values(), 0))
        if not found:
            return []
        out = []
        for r in range(1, max(found) + 1):
            cells = found.pop(r, None) or []
            if len(cells) < last:
                cells.extend([None] * (last - len(cells)))
            out.append(cells)
        return out

    def _cell(self, element, tags: _Tags, compact: bool = False):
        kind = element.get("t", "n")
        style = element.get("s")
        number_format = "General"
        if style:
            i = int(style)
            number_format = self._formats[i] if i < len(self._formats) else "General"
        value = None
        for child in element:        # <v>, <f>, <is>: one pass, no searches
            tag = child.tag
            if tag == tags.v:
                value = child.text
            elif tag == tags.f:
                return Cell("=" + (child.text or ""), "f", number_format)
            elif tag == tags.is_:
                if len(child) == 1 and child[0].tag == tags.t:   # the usual <is><t>…</t></is>
                    text = child[0].text or ""
                else:
                    text = _inline_text(child, tags)
                return text if compact else Cell(text, "s", number_format)
        if value is None:       # an empty cell: its format tells nothing without a value
            return None if compact else Cell(None, "n", number_format)
        if kind == "s":
            text = self._strings[int(value)]
            return text if compact else Cell(text, "s", number_format)
        if kind == "str":
            return value if compact else Cell(value, "s", number_format)
        if kind == "d":
            return Cell(value, "d", number_format)
        if kind == "b":
            return Cell(value == "1", "b", number_format)
        if kind == "e":
            return Cell(value, "e", number_format)
        number = int(value) if _INTEGER.fullmatch(value) else float(value)
        return Cell(number, "n", number_format)


_DIGITS = "0123456789"


class _Tags:
    """The qualified tags of one sheet's namespace ("{ns}c"…; a sheet may have none),
    resolved once so a cell is read by plain comparisons."""

    __slots__ = ("row", "c", "v", "f", "is_", "t", "r")

    def __init__(self, ns: str):
        self.row, self.c, self.v, self.f = ns + "row", ns + "c", ns + "v", ns + "f"
        self.is_, self.t, self.r = ns + "is", ns + "t", ns + "r"


def _inline_text(element, tags: _Tags) -> str:
    """An inline string's text: its own <t>, or its rich-text runs (phonetic runs left out)."""
    runs = []
    for child in element:
        if child.tag == tags.t:
            return child.text or ""      # the usual <is><t>…</t></is>
        if child.tag == tags.r:
            runs.extend(t.text or "" for t in child if t.tag == tags.t)
    return "".join(runs)
