"""Official Word output (GB/T 9704-2012): the 印发通知, the 分工表 and department lists.

No Qt here: the CLI and the GUI call these functions alike.
"""
from .notice import NoticeError, suggest_next_doc_number, validate_notice
from .options import RenderOptions
from .render import RenderResult, render_notice
from .standalone import render_department_tasks, render_division_table_docx

__all__ = [
    "NoticeError",
    "RenderOptions",
    "RenderResult",
    "check_docx",
    "render_department_tasks",
    "render_division_table_docx",
    "render_notice",
    "suggest_next_doc_number",
    "validate_notice",
]


def check_docx(path, pages: bool = False):
    """Conformance check against GB/T 9704 (see reports.docx.check); `pages` adds the
    pagination checks on a LibreOffice layout (reports.docx.check_layout)."""
    from .check import check_docx as _check
    return _check(path, pages=pages)
