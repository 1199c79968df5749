"""A .docx plan -> blocks (paragraphs and tables in document order).

What Word hides from ``paragraph.text`` is rebuilt here:

- automatic numbering: the label is not in the text; ``docx_numbering`` renders it;
- tables in the body are kept where they stand, row by row (merged cells: a horizontal
  span is read once, a vertical span repeats its text on every row it covers);
- text boxes, drawings, deleted revisions and field codes are not plan text and are skipped.

"line" numbers in warnings count paragraphs and table rows from the top of the document.
The zip itself has been checked before (``reports.zipsafety``: damaged parts, bombs).
"""

from __future__ import annotations

from .blocks import Para, Table
from .containers.page_lines import closes_open_note
from .decoding import MAX_TEXT_BYTES
from .docx_numbering import Numbering
from .errors import PlanImportError
from .normalize import normalise

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{%s}" % W
_SKIP = {_W + "del", _W + "txbxContent", _W + "drawing", _W + "pict", _W + "object",
         _W + "instrText", _W + "delText", _W + "rPr", _W + "pPr", "{%s}AlternateContent" % MC}
# a 2,000-task plan has some 5,000 paragraphs; far more is not a plan but a flood of warnings
MAX_PARAGRAPHS = 50_000


def read_docx(path, name: str):
    import docx  # python-docx
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds on damaged files
        raise PlanImportError(name, "container.docx_unreadable", reason=type(error).__name__) from None
    # Counted before any paragraph is read, so a huge document is refused at once.
    body = document.element.body
    if len(body) > MAX_PARAGRAPHS or sum(1 for _ in body.iter(_W + "p")) > MAX_PARAGRAPHS:
        raise PlanImportError(name, "container.too_many_paragraphs", limit=MAX_PARAGRAPHS)
    numbering = Numbering(document)
    blocks: list = []
    line = 0
    total = 0
    for element in _body_items(document.element.body):
        if element.tag == _W + "p":
            line += 1
            text = numbering.label(element) + paragraph_text(element)
            total += len(text)
            for part in text.split("\n"):
                clean = normalise(part)
                if clean and blocks and isinstance(blocks[-1], Para) and closes_open_note(blocks[-1].text, clean):
                    blocks[-1].text += clean   # "（牵头部" / page break / "门：市交通委）"
                elif clean:
                    blocks.append(Para(line, clean))
        elif element.tag == _W + "tbl":
            rows = []
            for cells in table_rows(element, numbering):
                line += 1
                total += sum(len(c) for c in cells)
                rows.append((line, cells))
            if rows:
                blocks.append(Table(rows))
        if total > MAX_TEXT_BYTES:
            raise PlanImportError(name, "container.too_much_text", limit=MAX_TEXT_BYTES // 1048576)
        if line > MAX_PARAGRAPHS:
            raise PlanImportError(name, "container.too_many_paragraphs", limit=MAX_PARAGRAPHS)
    if not blocks:
        raise PlanImportError(name, "container.no_text")
    return blocks, {"source_unit": "paragraph"}


def _body_items(body):
    """Paragraphs and tables of the body in order, looking into content controls."""
    for child in body.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_items(content)


def paragraph_text(p) -> str:
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            if child.get(_W + "type") not in ("page", "column"):
                parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        else:
            _collect(child, parts)


def table_rows(tbl, numbering):
    """Cell texts per row, aligned to the table grid (see the module docstring)."""
    from docx.table import Table
    table = Table(tbl, None)
    for row in table.rows:
        try:
            cells = row.cells
        except Exception:  # a malformed span: fall back to the cells as written
            cells = None
        texts = []
        if cells is None:
            for tc in row._tr.tc_lst:
                texts.append(_cell_text(tc, numbering))
        else:
            previous = None
            for cell in cells:
                tc = cell._tc
                texts.append("" if tc is previous else _cell_text(tc, numbering))
                previous = tc
        yield texts


def _cell_text(tc, numbering) -> str:
    lines = []
    for element in _body_items(tc):
        if element.tag == _W + "p":
            lines.append(numbering.label(element) + paragraph_text(element))
        else:  # a table inside the cell: its text, row by row
            lines.extend(" ".join(c for c in cells if c) for cells in table_rows(element, numbering))
    return "\n".join(line for line in lines if line.strip())
