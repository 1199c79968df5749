"""The text of a Word 97–2003 binary document (.doc, and the .wps WPS Office saves), natively.

A .doc is an OLE compound file. Its "WordDocument" stream starts with the FIB, which says
where the piece table (the Clx, in the "0Table" or "1Table" stream) is; the piece table
maps the document's character positions to runs of 8-bit or UTF-16 text in the
WordDocument stream. The main text is the first ``ccpText`` characters.

Only the text is read: Word's automatic numbering and the table layout live in other
structures (LibreOffice reads those, see ``libreoffice.py``). Special characters are
turned into plain text: paragraph marks end lines, a cell mark ends a table cell (cells
become tab-separated rows, which the text reader takes as a table), field codes are
dropped and their results kept.
"""
from __future__ import annotations

import struct

_FIB_IDENT = 0xA5EC
_MAX_CHARS = 20 * 1024 * 1024


class Word97Error(ValueError):
    """The stream is not a readable Word 97 document; ``reason`` is a short code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_fib(ole) -> bytes:
    """The WordDocument stream, after checking its FIB says Word 97 and not encrypted."""
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x1AA or struct.unpack_from("<H", word, 0)[0] != _FIB_IDENT:
        raise Word97Error("not_word97")
    if struct.unpack_from("<H", word, 0x0A)[0] & 0x0100:
        raise Word97Error("encrypted")
    return word


def document_text(ole) -> str:
    """The main text of an open ``olefile.OleFileIO`` holding a Word 97 document."""
    word = check_fib(ole)
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise Word97Error("damaged")
    ccp_text = struct.unpack_from("<i", word, 0x4C)[0]
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    table = ole.openstream(table_name).read()
    if ccp_text <= 0 or ccp_text > _MAX_CHARS or fc_clx + lcb_clx > len(table):
        raise Word97Error("damaged")
    raw = _pieces_text(word, table[fc_clx:fc_clx + lcb_clx], ccp_text)
    return plain_text(raw)


def _pieces_text(word: bytes, clx: bytes, ccp_text: int) -> str:
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:      # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise Word97Error("damaged")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise Word97Error("damaged")
    cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
    parts: list[str] = []
    for i in range(count):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if start >= end:
            continue
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        length = end - start
        if fc & 0x40000000:          # 8-bit text (Windows-1252), at half the offset
            offset = (fc & 0x3FFFFFFF) // 2
            parts.append(word[offset:offset + length].decode("cp1252", "replace"))
        else:
            offset = fc & 0x3FFFFFFF
            parts.append(word[offset:offset + 2 * length].decode("utf-16-le", "replace"))
        if end >= ccp_text:
            break
    return "".join(parts)


def plain_text(raw: str) -> str:
    """Word's control characters -> lines; table cells -> tab-separated rows.

    Every cell ends with a cell mark (0x07) and every row with one more. An empty cell
    also gives two marks in a row, so the first row of a table (whose end is the first
    double mark) sets the number of cells a row has; a paragraph outside a table ends it.
    """
    out: list[str] = []
    in_code: list[bool] = []     # open fields: True while reading the code, then the result
    cells: list[str] = []
    line: list[str] = []
    columns = 0                  # cells per row of the current table, once known
    previous_mark = False
    for ch in raw:
        if ch == "\x13":
            in_code.append(True)
            continue
        if ch == "\x14" and in_code:
            in_code[-1] = False
            continue
        if ch == "\x15" and in_code:
            in_code.pop()
            continue
        if in_code and in_code[-1]:
            continue
        if ch == "\x07":
            text = "".join(line).strip()
            line = []
            row_end = len(cells) == columns if columns else (previous_mark and not text)
            if row_end:
                columns = len(cells)
                out.append("\t".join(cells))
                cells = []
            else:
                cells.append(text)
            previous_mark = True
            continue
        previous_mark = False
        if ch in "\r\x0c":
            if cells:
                line.append(" ")         # a paragraph inside a cell
            else:
                out.append("".join(line))
                line = []
                columns = 0
        elif ch == "\x0b":
            line.append(" " if cells else "\n")
        elif ch == "\x1e":
            line.append("-")
        elif ch == "\t":
            line.append(" " if cells or columns else "\t")
        elif ch >= " ":
            line.append(ch)
    if cells:
        out.append("\t".join(cells))
    out.append("".join(line))
    return "\n".join(out)
