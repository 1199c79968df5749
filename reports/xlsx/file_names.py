"""File names for the workbooks of a round: one valid, distinct Windows name per department.

Department names come from documents and may hold anything: path separators (``a/b局``),
characters Windows forbids (``a:b局``), control and bidirectional characters pasted from
Word or a web page (``\\x01``, U+202E, which would show the name reversed), a trailing dot,
a reserved device name (``CON``), or be very long. Each name is cleaned, cut to a length
every file system takes, and names that still collide — also when they differ only in
case, as Windows compares them — get a number, so N departments always give N files.
"""
from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\s]+')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
ROUND_CHARS = 40          # the round's part of a name
NAME_CHARS = 60           # the department's part
MAX_BYTES = 200           # of a whole name in UTF-8 (file systems allow 255), room for "-12.xlsx"


def clean(text: str) -> str:
    """``text`` as a piece of a file name: no separators, forbidden, control or format
    (bidi, zero-width) characters, no leading or trailing dots and spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return _FORBIDDEN.sub("_", text).strip(" ._")


def _cut(text: str, chars: int) -> str:
    text = text[:chars]
    while len(text.encode("utf-8")) > MAX_BYTES // 2:
        text = text[:-1]
    return text.rstrip(" ._")


def department_file_names(round_name: str, names: list[str], suffix: str = ".xlsx") -> dict[str, str]:
    """{department: file name} — one distinct valid name each, in the order given."""
    head = _cut(clean(round_name), ROUND_CHARS) or "报送"
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        stem = f"{head}-{_cut(clean(name), NAME_CHARS) or '部门'}"
        if _RESERVED.match(stem):
            stem = "_" + stem
        candidate, n = stem, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate.casefold())
        out[name] = candidate + suffix
    return out
