"""Which colleagues' features are installed: each is found by importing its module.

The GUI never shows a button that does nothing: an action whose feature is missing is
greyed out with the tooltip "not available yet" (尚未提供).
"""
from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

# name -> (module, attribute)
FEATURES: dict[str, tuple[str, str]] = {
    "import_text": ("reports.importer", "parse_file"),
    "import_workbook": ("reports.xlsx.foreign", "read_foreign_workbook"),
    "notice_docx": ("reports.docx", "render_notice"),
    "table_docx": ("reports.docx", "render_division_table_docx"),
    "check_docx": ("reports.docx", "check_docx"),
    "pdf": ("reports.pdf", "convert_to_pdf"),
    "department_tasks": ("reports.docx", "render_department_tasks"),
    "progress_report_docx": ("reports.progress_report", "render_progress_report_docx"),
    "progress_report_xlsx": ("reports.progress_report", "render_progress_report_xlsx"),
    "followup_notice": ("reports.progress_report", "render_followup_notice"),
    "table_xlsx": ("reports.xlsx", "render_division_table_xlsx"),
    "exchange_export": ("reports.xlsx", "export_exchange"),
    "exchange_read_return": ("reports.xlsx", "read_return"),
    "exchange_apply_return": ("reports.xlsx", "apply_return"),
    "consolidate": ("reports.xlsx", "consolidate"),
    "dashboard": ("ui.dashboard", "DashboardWidget"),
    "demo": ("reports.demo", "build_demo"),
}

# Suffixes each import feature reads.
TEXT_SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".pdf", ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")

_cache: dict[str, Callable | None] = {}
_libreoffice: list = []          # [(checked at, found)]: a PATH lookup, not per repaint
LIBREOFFICE_RECHECK_S = 30       # LibreOffice installed while PlanDesk runs: seen soon


def get(name: str):
    """The feature's function or class, or None when its module is not there (yet)."""
    if name not in _cache:
        module, attr = FEATURES[name]
        try:
            _cache[name] = getattr(importlib.import_module(module), attr, None)
        except Exception as e:   # a missing or half-written module: the feature is off
            if not isinstance(e, ModuleNotFoundError):
                log.warning("feature %s unavailable: %s: %s", name, type(e).__name__, e)
            _cache[name] = None
    return _cache[name]


def available(name: str) -> bool:
    return get(name) is not None


def libreoffice() -> bool:
    """True when LibreOffice (soffice) is there to lay documents out as PDF."""
    now = time.monotonic()
    if not _libreoffice or now - _libreoffice[0][0] > LIBREOFFICE_RECHECK_S:
        try:
            from reports.pdf import available as soffice_available
            found = bool(soffice_available())
        except Exception:     # the PDF module missing or half-written: no PDF
            found = False
        _libreoffice[:] = [(now, found)]
    return _libreoffice[0][1]


def import_suffixes() -> tuple[str, ...]:
    """The file suffixes that can be imported as plans with the features present."""
    out: tuple[str, ...] = ()
    if available("import_text"):
        out += TEXT_SUFFIXES
    if available("import_workbook"):
        out += WORKBOOK_SUFFIXES
    return out


def reset() -> None:
    """Forget what was found (tests that install a fake feature)."""
    _cache.clear()
    _libreoffice.clear()
