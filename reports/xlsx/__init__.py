"""Excel workbooks: the division table, the exchange workbook, 汇总, foreign tables.

No Qt here. Public API::

    render_division_table_xlsx(plan, out_path, options=None) -> dict
    export_exchange(ws, plan_uuid, round_name, out_path, department=None) -> dict
    export_for_departments(ws, plan_uuid, round_name, folder, departments=None) -> [dict]
    read_return(ws, path, plan=None, round_name=None) -> ReturnReport
    apply_return(ws, report, overwrite_conflicts=False) -> dict
    record_refusal(ws, report) -> exchange id | None   (a refused return in the 交换 list)
    consolidate(ws, plan_uuid, round_name, paths, out_path, apply=True) -> dict
    read_foreign_workbook(path) -> plan dict          (foreign.py)
    check_workbook_file(path) -> WorkbookCheck         (safety.py)
    WorkbookError(ValueError)                          one line: what and where
"""
from .consolidate import consolidate
from .division_table import DivisionTableOptions, render_division_table_xlsx
from .errors import WorkbookError
from .exchange_apply import apply_return, record_refusal
from .exchange_export import export_exchange, export_for_departments, plan_departments
from .exchange_import import read_return
from .foreign import read_foreign_workbook
from .return_report import FieldChange, Issue, ReturnReport
from .safety import check_workbook_file

__all__ = ["render_division_table_xlsx", "DivisionTableOptions", "export_exchange",
           "export_for_departments", "plan_departments", "read_return",
           "apply_return", "record_refusal", "consolidate", "read_foreign_workbook", "check_workbook_file",
           "WorkbookError", "ReturnReport", "Issue", "FieldChange"]
