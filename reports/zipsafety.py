"""Checks on a received zip container (.docx, .xlsx) before any parser sees it.

A small hostile or broken file must be refused in seconds and without large memory:

- the directory: too many entries, encrypted entries, a part that inflates abnormally
  (a zip bomb), too much in all once unpacked;
- every part inflated once, in bounded chunks, so a damaged deflate stream or a wrong CRC
  is found here (and called a damaged file) rather than deep inside a parser;
- XML parts that declare entities (an XML bomb) — a DTD must come before the root element;
- worksheets: the cell references actually written, so one stray cell at XFD1048576 or an
  impossible reference such as ZZZZ1048577 does not make a reader build a grid of
  billions of cells.

``UnsafeFile`` carries one catalog message naming the file.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from models.messages import PlanDeskError

MB = 1024 * 1024
PROLOG_BYTES = 4096
CHUNK = 1024 * 1024
# Deflated XML of a real document compresses 10–50 times; a bomb ~1000 times.
MAX_RATIO = 250
RATIO_MIN_SIZE = 4 * MB
# A worksheet read into a grid: Excel's own limits, and what a division table can be.
EXCEL_ROWS, EXCEL_COLS = 1_048_576, 16_384
MAX_ROWS, MAX_COLS, MAX_CELLS = 100_000, 1_000, 5_000_000


class UnsafeFile(PlanDeskError, ValueError):
    """A container refused before parsing; the message names the file and the reason."""


@dataclass(frozen=True)
class Limits:
    entries: int = 5000
    unpacked: int = 256 * MB        # all parts together
    xml: int = 128 * MB             # the XML parts together (what a parser holds in memory)


def check_archive(path, name: str, limits: Limits = Limits()) -> list[zipfile.ZipInfo]:
    """Refuse a zip container that is damaged, encrypted or explosive; returns its entries."""
    try:
        with zipfile.ZipFile(Path(path)) as archive:
            infos = archive.infolist()
            _check_directory(infos, name, limits)
            check_parts(archive, name)
    except UnsafeFile:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise UnsafeFile("container.zip_damaged", file=name, part="") from None
    return infos


def check_parts(archive: zipfile.ZipFile, name: str, sheets: bool = True) -> None:
    """Inflate every part once, bounding the worksheets on the way (for a directory already
    checked). ``sheets=False``: the caller's own reader bounds the sheets it reads as it
    streams them (``check_sheet_size``), so they are not scanned here as well."""
    try:
        for info in archive.infolist():
            _inflate(archive, info, name, sheets)
    except UnsafeFile:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        raise UnsafeFile("container.zip_damaged", file=name, part="") from None


def _check_directory(infos, name: str, limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise UnsafeFile("container.zip_entries", file=name, count=len(infos))
    total = xml = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeFile("container.zip_encrypted", file=name)
        if info.file_size >= RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeFile("container.zip_ratio", file=name, part=info.filename)
        total += info.file_size
        if _is_xml(info.filename):
            xml += info.file_size
    for size, limit in ((total, limits.unpacked), (xml, limits.xml)):
        if size > limit:
            raise UnsafeFile("container.zip_unpacked_too_large", file=name,
                             size=size // MB, limit=limit // MB)


def _is_xml(filename: str) -> bool:
    return filename.endswith((".xml", ".rels", ".vml"))


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, sheets: bool = True) -> None:
    """Read one part to its end: zipfile checks the deflate stream and the CRC. A worksheet
    is bounded in the same pass (its cell references), so it is inflated only once here."""
    if info.is_dir():
        return
    bounds = _SheetBounds(info.filename, name) if sheets and _is_sheet(info.filename) else None
    try:
        with archive.open(info) as part:
            first = part.read(PROLOG_BYTES)
            if _is_xml(info.filename) and (b"<!DOCTYPE" in first or b"<!ENTITY" in first):
                raise UnsafeFile("container.xml_entities", file=name, part=info.filename)
            data = first
            while data:
                if bounds:
                    bounds.scan(data)
                data = part.read(CHUNK)
    except (zlib.error, zipfile.BadZipFile, EOFError):
        raise UnsafeFile("container.zip_damaged", file=name, part=f"（{info.filename}）") from None


def _is_sheet(filename: str) -> bool:
    return filename.startswith("xl/worksheets/") and filename.endswith(".xml")


# r="B7": the reference of a cell actually written (a row's r holds no letters; the
# reader and openpyxl place a cell by its own reference); <dimension ref="A1:D9"/>
_CELL_REF = re.compile(rb"\sr=\"([A-Za-z]{1,8})(\d{1,9})\"")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\sref=\"([^\"]{1,40})\"")
_REF = re.compile(r"([A-Za-z]{1,8})(\d{1,9})")
OVERLAP = 256      # bytes of a chunk scanned again with the next (a reference cut in two)


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


class _SheetBounds:
    """The largest row and column a worksheet's cells are written at, fed chunk by chunk.
    The references are collected by the regex engine and reduced with ``max``/``set``
    (no Python step per cell): a 20,000-row sheet is bounded in a few hundredths of a second."""

    def __init__(self, part: str, name: str):
        self.part, self.name = part, name
        self.max_row = self.max_col = 0
        self.tail = b""

    def scan(self, chunk: bytes) -> None:
        data = self.tail + chunk
        for m in _DIMENSION.finditer(data):
            for letters, digits in _REF.findall(m.group(1).decode("ascii", "replace")):
                if column_number(letters) > EXCEL_COLS or int(digits) > EXCEL_ROWS:
                    sheet_too_large(self.part, self.name, m.group(1).decode("ascii", "replace"))
        pairs = _CELL_REF.findall(data)
        if pairs:
            columns, rows = zip(*pairs)
            self.max_row = max(self.max_row, max(map(int, rows)))
            self.max_col = max(self.max_col, max(column_number(c.decode("ascii"))
                                                 for c in set(columns)))
        check_sheet_size(self.part, self.name, self.max_row, self.max_col)
        self.tail = data[-OVERLAP:]


def check_sheet_size(part: str, name: str, rows: int, columns: int) -> None:
    """Refuse a worksheet (``part``, "xl/worksheets/sheet1.xml") whose cells reach beyond
    what a real table can be: reading it into a grid would take gigabytes."""
    if rows > MAX_ROWS or columns > MAX_COLS or rows * columns > MAX_CELLS:
        sheet_too_large(part, name, _ref(columns, rows))


def sheet_too_large(part: str, name: str, ref: str) -> None:
    sheet = part.rsplit("/", 1)[-1].removesuffix(".xml")
    raise UnsafeFile("container.sheet_too_large", file=name, sheet=sheet, ref=ref,
                     rows=MAX_ROWS, cols=MAX_COLS)


def _ref(col: int, row: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"

