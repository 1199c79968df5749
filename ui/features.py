"""The program's features, in one explicit registry, and the optional parts of the machine.

Every feature is part of PlanDesk: ``get(name)`` imports its module on first use (so
openpyxl, python-docx and matplotlib are loaded when the clerk first needs them, not at
start-up) and a module that fails to import raises — a broken feature fails its tests
instead of quietly greying out a menu entry. What may really be missing is outside the
program: LibreOffice for PDF, an OCR engine for scans. Those are probed by capability (a
PATH lookup, ``importlib.util.find_spec``), never by importing and catching errors.
"""
from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    module: str
    attr: str


FEATURES: dict[str, Feature] = {
    "import_text": Feature("reports.importer", "parse_file"),
    "import_workbook": Feature("reports.xlsx.foreign", "read_foreign_workbook"),
    "notice_docx": Feature("reports.docx", "render_notice"),
    "table_docx": Feature("reports.docx", "render_division_table_docx"),
    "check_docx": Feature("reports.docx", "check_docx"),
    "pdf": Feature("reports.pdf", "convert_to_pdf"),
    "department_tasks": Feature("reports.docx", "render_department_tasks"),
    "progress_report_docx": Feature("reports.progress_report", "render_progress_report_docx"),
    "progress_report_xlsx": Feature("reports.progress_report", "render_progress_report_xlsx"),
    "followup_notice": Feature("reports.progress_report", "render_followup_notice"),
    "table_xlsx": Feature("reports.xlsx", "render_division_table_xlsx"),
    "exchange_export": Feature("reports.xlsx", "export_exchange"),
    "exchange_read_return": Feature("reports.xlsx", "read_return"),
    "exchange_apply_return": Feature("reports.xlsx", "apply_return"),
    "exchange_record_refusal": Feature("reports.xlsx", "record_refusal"),
    "consolidate": Feature("reports.xlsx", "consolidate"),
    "dashboard": Feature("ui.dashboard", "DashboardWidget"),
    "demo": Feature("reports.demo", "build_demo"),
}

# Suffixes each import feature reads.
TEXT_SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".pdf", ".png", ".jpg", ".jpeg", ".bmp", ".tif",
                 ".tiff")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")
OCR_MODULES = ("rapidocr_onnxruntime", "rapidocr")

# Imported features; a test may put a stand-in here, or None to switch one off.
_cache: dict[str, Callable | None] = {}
_libreoffice: list = []          # [(checked at, found)]: a PATH lookup, not per repaint
LIBREOFFICE_RECHECK_S = 30       # LibreOffice installed while PlanDesk runs: seen soon


def get(name: str):
    """The feature's function or class, its module imported on first use."""
    if name not in _cache:
        feature = FEATURES[name]
        _cache[name] = getattr(importlib.import_module(feature.module), feature.attr)
    return _cache[name]


def available(name: str) -> bool:
    """True for every registered feature (switched off only by a test); imports nothing."""
    return name in FEATURES and _cache.get(name, available) is not None


def libreoffice() -> bool:
    """True when LibreOffice (soffice) is there to lay documents out as PDF."""
    now = time.monotonic()
    if not _libreoffice or now - _libreoffice[0][0] > LIBREOFFICE_RECHECK_S:
        from reports.soffice import available as soffice_available    # a PATH lookup
        _libreoffice[:] = [(now, bool(soffice_available()))]
    return _libreoffice[0][1]


def ocr() -> bool:
    """True when an OCR engine is installed (found, not imported: it is heavy)."""
    return any(importlib.util.find_spec(m) is not None for m in OCR_MODULES)


def import_suffixes() -> tuple[str, ...]:
    """The file suffixes that can be imported as plans with the features present."""
    out: tuple[str, ...] = ()
    if available("import_text"):
        out += TEXT_SUFFIXES
    if available("import_workbook"):
        out += WORKBOOK_SUFFIXES
    return out


def reset() -> None:
    """Forget what was imported and found (tests that install a fake feature)."""
    _cache.clear()
    _libreoffice.clear()
