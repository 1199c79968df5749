"""Any plan file the clerk drops, read by what it holds: a document (.txt/.docx/.doc/.wps/
PDF/scan) by the plan importer, a division table of another office (.xlsx/.xls/.et) by
``reports.xlsx.foreign`` — both through ``reader.parse_file``. Only a file named as a
workbook that holds something else is refused as a workbook (it is no plan text either)."""
from __future__ import annotations

from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")


def parse_any(path: Path) -> dict:
    """Parse one file into a plan dict; a PlanDeskError with one line."""
    from models.messages import PlanDeskError

    from .decoding import sniff_kind
    from .reader import parse_file
    path = Path(path)
    if not path.exists():
        raise PlanDeskError("common.file_not_found", file=str(path))   # the whole path: where it was looked for
    if path.suffix.lower() in WORKBOOK_SUFFIXES and path.is_file():
        with open(path, "rb") as handle:
            if sniff_kind(handle.read(16)) not in ("zip", "ole"):
                from reports.xlsx.foreign import read_foreign_workbook
                return read_foreign_workbook(path)   # refuses it, saying what it is
    return parse_file(path)
