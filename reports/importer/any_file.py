"""Any plan file the clerk drops, read by its type: a document (.txt/.docx) by the plan
importer, a division table of another office (.xlsx) by ``reports.xlsx.foreign``."""
from __future__ import annotations

from pathlib import Path

from models.messages import PlanDeskError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")


def parse_any(path: Path) -> dict:
    """Parse one file into a plan dict, by its type; a PlanDeskError with one line."""
    path = Path(path)
    if not path.is_file():
        raise PlanDeskError("common.file_not_found", file=str(path))
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from reports.xlsx.foreign import read_foreign_workbook
        return read_foreign_workbook(path)
    from .reader import parse_file
    return parse_file(path)
