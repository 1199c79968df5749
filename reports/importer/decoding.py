"""Bytes -> text for plan files, refusing what is not a plan text.

Offices send .txt files in UTF-8 (often with a BOM, from Windows Notepad), in GB18030/GBK
(older Windows, WPS) and sometimes in UTF-16 with a BOM ("Unicode" in Notepad's save dialog).
We try those in that order; anything else, and anything that looks binary, is refused with
one clear line rather than turned into mojibake tasks. ``sniff_kind`` tells containers
(zip, OLE, PDF, images…) from text by their first bytes, whatever the file is called.
"""

from __future__ import annotations

import codecs

from .errors import PlanImportError

MAX_TEXT_BYTES = 20 * 1024 * 1024  # the limit: more than 20 MB of text is not a plan

# magic numbers of the containers a clerk may be sent
_MAGIC = [
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"BM", "bmp"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "rtf"),
]


def sniff_kind(head: bytes) -> str:
    """'zip', 'ole', 'pdf', 'png', 'jpeg', …, or 'text' for anything else."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # "BM" also starts plain text ("BMI…"): a bitmap has its size right after
            if kind == "bmp" and len(head) >= 6 and b"\x00" not in head[2:6]:
                continue
            return kind
    return "text"


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a plan text file's bytes; raise PlanImportError when it is not text."""
    if len(data) > MAX_TEXT_BYTES:
        raise PlanImportError(name, "container.too_large", size=len(data) // 1048576,
                              limit=MAX_TEXT_BYTES // 1048576)
    if sniff_kind(data[:16]) != "text":
        raise PlanImportError(name, "container.binary")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _strict(data, "utf-16", name)
    else:
        if b"\x00" in data[:65536]:
            raise PlanImportError(name, "container.binary")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # GB18030 is a superset of GBK and GB2312, so one attempt covers all three
            text = _strict(data, "gb18030", name)
    if not text.strip():
        raise PlanImportError(name, "container.empty")
    if _looks_binary(text):
        raise PlanImportError(name, "container.binary")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise PlanImportError(name, "container.not_text") from None


def _looks_binary(text: str) -> bool:
    """Random bytes often decode as GB18030; control characters give them away."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 200) or "\x00" in sample
