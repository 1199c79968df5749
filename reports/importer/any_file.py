"""Any plan file the clerk drops, read by what it holds (never by its name): a document
(.txt/.docx/.doc/.wps/PDF/scan) by the plan importer, a division table of another office
(.xlsx/.xls/.et) by ``reports.xlsx.foreign`` — both through ``reader.parse_file``."""
from __future__ import annotations

from pathlib import Path


def parse_any(path: Path) -> dict:
    """Parse one file into a plan dict; a PlanDeskError with one line."""
    from .reader import parse_file
    return parse_file(Path(path))
