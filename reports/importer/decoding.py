"""Bytes -> text for plan files, refusing what is not a plan text.

Offices send .txt files in UTF-8 (often with a BOM, from Windows Notepad), in GB18030/GBK
(older Windows, WPS) and sometimes in UTF-16 with a BOM ("Unicode" in Notepad's save dialog).
We try those in that order; anything else, and anything that looks binary, is refused with
one clear line rather than turned into mojibake tasks.
"""

from __future__ import annotations

import codecs

from .errors import PlanImportError

MAX_TEXT_BYTES = 20 * 1024 * 1024  # the limit: more than 20 MB of text is not a plan

# magic numbers of files clerks open by mistake, with what to tell them
_MAGIC = [
    (b"%PDF", "is a PDF file; copy its text into a .txt file or save it as .docx first"),
    (b"\x89PNG", "is a PNG image, not a plan text"),
    (b"\xff\xd8\xff", "is a JPEG image, not a plan text"),
    (b"GIF8", "is a GIF image, not a plan text"),
    (b"\xd0\xcf\x11\xe0", "is an old Word .doc/.wps (or other OLE) file; save it as .docx first"),
    (b"Rar!", "is a RAR archive, not a plan text"),
    (b"7z\xbc\xaf", "is a 7-Zip archive, not a plan text"),
    (b"\x1f\x8b", "is a gzip archive, not a plan text"),
    (b"{\\rtf", "is an RTF file; save it as .docx or .txt first"),
]


def sniff_kind(head: bytes) -> str:
    """'zip' for zip containers (docx/xlsx), else 'other'."""
    return "zip" if head.startswith(b"PK\x03\x04") else "other"


def refuse_known_binary(head: bytes, name: str) -> None:
    for magic, message in _MAGIC:
        if head.startswith(magic):
            raise PlanImportError(name, message)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a plan text file's bytes; raise PlanImportError when it is not text."""
    if len(data) > MAX_TEXT_BYTES:
        raise PlanImportError(
            name, f"is too large ({len(data) / 1048576:.1f} MB; the limit is 20 MB of text)")
    refuse_known_binary(data[:16], name)
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _strict(data, "utf-16", name)
    else:
        if b"\x00" in data[:65536]:
            raise PlanImportError(name, "is a binary file (it contains NUL bytes), not a plan text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # GB18030 is a superset of GBK and GB2312, so one attempt covers all three
            text = _strict(data, "gb18030", name)
    if not text.strip():
        raise PlanImportError(name, "is empty")
    if _looks_binary(text):
        raise PlanImportError(name, "looks like a binary file, not a plan text")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise PlanImportError(
            name, "cannot be read as text (it is neither UTF-8, GB18030/GBK nor UTF-16)") from None


def _looks_binary(text: str) -> bool:
    """Random bytes often decode as GB18030; control characters give them away."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 200) or "\x00" in sample
