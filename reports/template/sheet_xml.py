"""Write values into cells of a workbook without re-saving it.

openpyxl's load and save drops images and charts and rewrites every part, so a template
from above is filled by copying its zip member by member — every member but one sheet
byte for byte — and, in that sheet's XML, replacing only the ``<c>`` elements of the
filled cells (text as inline strings, so the shared strings stay as they were). A cell's
style (its ``s`` attribute) is kept; a cell the sheet does not have yet is inserted in
column order, with the style of its row or column.
"""
from __future__ import annotations

import re
import zipfile
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import column_index_from_string, get_column_letter

_TAG = rb"<(?P<p>[A-Za-z_][\w.-]*:)?%s\b"
_ROW = re.compile(rb"<(?P<p>[A-Za-z_][\w.-]*:)?row\b(?P<a>[^>]*?)(?P<e>/?)>")
_ATTR = re.compile(rb'\s(?P<k>[\w:]+)\s*=\s*(?P<q>["\'])(?P<v>.*?)(?P=q)', re.S)
_REF = re.compile(rb"([A-Z]+)(\d+)")


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {m["k"]: m["v"] for m in _ATTR.finditer(raw)}


def cell_xml(prefix: bytes, ref: str, style: bytes | None, value) -> bytes:
    """One ``<c>`` element: a number as a number, anything else as an inline string."""
    p = prefix
    s = b' s="' + style + b'"' if style else b""
    r = ref.encode()
    if value is None or value == "":
        return b"<" + p + b'c r="' + r + b'"' + s + b"/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = repr(float(value)) if isinstance(value, float) and not value.is_integer() \
            else str(int(value))
        return b"<%sc r=\"%s\"%s><%sv>%s</%sv></%sc>" % (p, r, s, p, number.encode(), p, p)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value)).replace("\r\n", "\n")
    body = escape(text).encode("utf-8")
    return (b"<%sc r=\"%s\"%s t=\"inlineStr\"><%sis><%st xml:space=\"preserve\">%s</%st></%sis></%sc>"
            % (p, r, s, p, p, body, p, p, p))


class _Row:
    """One ``<row>`` and its cells, found by regular expressions on the raw XML."""

    def __init__(self, xml: bytes, m: re.Match, prefix: bytes):
        self.start = m.start()
        self.attrs = _attrs(m["a"])
        self.prefix = prefix
        if m["e"]:
            self.body_start = self.body_end = self.end = m.end()
            self.empty = True
            return
        self.empty = False
        self.body_start = m.end()
        close = xml.index(b"</" + prefix + b"row>", m.end())
        self.body_end = close
        self.end = close + len(b"</" + prefix + b"row>")

    def cells(self, xml: bytes) -> list[tuple[int, int, int, dict]]:
        """[(column, start, end, attributes)] of the row's ``<c>`` elements."""
        out = []
        pattern = re.compile(rb"<" + re.escape(self.prefix) + rb"c\b(?P<a>[^>]*?)(?P<e>/?)>")
        close = b"</" + self.prefix + b"c>"
        pos, col = self.body_start, 0
        while True:
            m = pattern.search(xml, pos, self.body_end)
            if m is None:
                return out
            attrs = _attrs(m["a"])
            ref = attrs.get(b"r")
            col = column_index_from_string(_REF.match(ref).group(1).decode()) if ref else col + 1
            end = m.end() if m["e"] else xml.index(close, m.end()) + len(close)
            out.append((col, m.start(), end, attrs))
            pos = end


def _rows(xml: bytes, prefix: bytes, start: int, end: int):
    """(row number, _Row) for each ``<row>`` between ``start`` and ``end``."""
    number, pos = 0, start
    while True:
        m = _ROW.search(xml, pos, end)
        if m is None:
            return
        row = _Row(xml, m, prefix)
        number = int(row.attrs.get(b"r", str(number + 1).encode()))
        yield number, row
        pos = row.end


def _column_styles(xml: bytes, prefix: bytes) -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    for m in re.finditer(rb"<" + re.escape(prefix) + rb"col\b([^>]*?)/?>", xml):
        a = _attrs(m.group(1))
        if b"style" in a:
            for c in range(int(a.get(b"min", b"1")), int(a.get(b"max", b"1")) + 1):
                out[c] = a[b"style"]
    return out


def set_cells(xml: bytes, values: dict[tuple[int, int], object]) -> bytes:
    """The sheet XML with ``values`` ({(row, column): value}) written into their cells."""
    m = re.search(_TAG % rb"sheetData", xml)
    if m is None:
        raise ValueError("sheetData")
    prefix = m["p"] or b""
    wanted: dict[int, dict[int, object]] = {}
    for (r, c), v in values.items():
        wanted.setdefault(r, {})[c] = v
    col_styles = _column_styles(xml, prefix)
    tag_end = xml.index(b">", m.end())
    if xml[tag_end - 1:tag_end] == b"/":     # <sheetData/>: an empty sheet
        xml = xml[:tag_end - 1] + b"></" + prefix + b"sheetData>" + xml[tag_end + 1:]
        tag_end -= 1
    data_start = tag_end + 1
    data_end = xml.index(b"</" + prefix + b"sheetData>", data_start)
    edits: list[tuple[int, int, bytes]] = []       # (start, end, replacement)
    found_rows: set[int] = set()
    for row_number, row in _rows(xml, prefix, data_start, data_end):
        if row_number in wanted:
            found_rows.add(row_number)
            edits += _edit_row(xml, row, row_number, wanted[row_number], col_styles)
    missing = sorted(r for r in wanted if r not in found_rows)
    if missing:
        edits += _insert_rows(xml, prefix, data_start, data_end, missing, wanted, col_styles)
    out, at = [], 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(xml[at:start])
        out.append(text)
        at = end
    out.append(xml[at:])
    return b"".join(out)


def _edit_row(xml: bytes, row: _Row, r: int, cells: dict[int, object], col_styles):
    prefix = row.prefix
    present = row.cells(xml) if not row.empty else []
    by_col = {c: (start, end, attrs) for c, start, end, attrs in present}
    row_style = row.attrs.get(b"s") if row.attrs.get(b"customFormat") in (b"1", b"true") else None
    edits = []
    inserts: list[tuple[int, bytes]] = []
    for c, value in sorted(cells.items()):
        ref = f"{get_column_letter(c)}{r}"
        if c in by_col:
            start, end, attrs = by_col[c]
            edits.append((start, end, cell_xml(prefix, ref, attrs.get(b"s"), value)))
            continue
        style = row_style or col_styles.get(c)
        after = [start for col, start, _e, _a in present if col > c]
        at = after[0] if after else row.body_end
        inserts.append((at, cell_xml(prefix, ref, style, value)))
    if row.empty:   # <row .../> becomes <row ...>cells</row>
        head = xml[row.start:row.end - 2] + b">"
        body = b"".join(text for _, text in inserts)
        return [(row.start, row.end, head + body + b"</" + prefix + b"row>")]
    merged: dict[int, bytes] = {}
    for at, text in inserts:
        merged[at] = merged.get(at, b"") + text
    return edits + [(at, at, text) for at, text in merged.items()]


def _insert_rows(xml: bytes, prefix: bytes, data_start: int, data_end: int, missing, wanted,
                 col_styles):
    """Rows the sheet does not have, each inserted before the first row after it."""
    starts = [(n, row.start) for n, row in _rows(xml, prefix, data_start, data_end)]
    edits = []
    for r in missing:
        at = next((offset for number, offset in starts if number > r), data_end)
        cells = b"".join(cell_xml(prefix, f"{get_column_letter(c)}{r}", col_styles.get(c), v)
                         for c, v in sorted(wanted[r].items()))
        edits.append((at, at, b"<%srow r=\"%d\">%s</%srow>" % (prefix, r, cells, prefix)))
    return edits


def fill_zip(source: bytes | str, target, part: str, values: dict[tuple[int, int], object]) -> None:
    """Copy the workbook ``source`` (bytes or a path) to ``target`` with ``values`` written
    into the sheet ``part``; every other member is copied unchanged, in the same order."""
    import io
    src = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    with src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                data = set_cells(data, values)
            out.writestr(info, data, compress_type=info.compress_type)
