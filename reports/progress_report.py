"""Progress reports of a round, from the workspace: the entry points the CLI and GUI call.

    render_progress_report_docx(ws, plan, "2025年第三季度", "report.docx")
    render_progress_report_xlsx(ws, plan, "2025年第三季度", "progress.xlsx")
    render_followup_notice(ws, plan, "2025年第三季度", "区财政局", "督办.docx")
    late_departments(ws, plan, "2025年第三季度")        # who can get a 督办通知
    cli_render_report(ws, plan, round, "F.docx" | "F.xlsx")

``round_name=None`` means the current round (the last open one). ``today`` (a date or
ISO text) fixes the clock for tests and for re-printing an old report; by default it is
the real today. Every file is written atomically.
"""
from __future__ import annotations

from pathlib import Path

from models.errors import WorkspaceError
from models.status.schedule import to_date
from models.status.view import progress_view

SUFFIXES = (".docx", ".xlsx")


def render_progress_report_docx(ws, plan_uuid, round_name, out_path, today=None,
                                options=None, meta=None) -> Path:
    """The 推进情况报告 (.docx, GB/T 9704): summary, charts, late and at-risk tasks; with
    ``meta`` a 上行文 报告 to the office above (版头 with 签发人, 主送, 版记)."""
    from .progress_docx import render_progress_docx
    today = to_date(today)
    view = progress_view(ws, plan_uuid, round_name, today)
    return Path(render_progress_docx(view, out_path, today=today, options=options, meta=meta))


def render_progress_report_xlsx(ws, plan_uuid, round_name, out_path, today=None) -> Path:
    """The full progress table with coloured lights, and a summary sheet (.xlsx)."""
    from .progress_xlsx import render_progress_xlsx
    view = progress_view(ws, plan_uuid, round_name, to_date(today))
    render_progress_xlsx(view, out_path)
    return Path(out_path)


def render_followup_notice(ws, plan_uuid, round_name, department, out_path, today=None,
                           options=None, **kwargs) -> Path:
    """The 督办通知 to one department (name, alias or uuid) listing its late tasks.

    Raises ``progress_notice.NothingToFollowUp`` when it has none. ``kwargs``: issuer
    (default the plan's issuer), reply_days (5), lights (("late",)).
    """
    from .progress_notice import render_followup
    name = ws.department(department).name
    today = to_date(today)
    view = progress_view(ws, plan_uuid, round_name, today)
    return Path(render_followup(view, name, out_path, today=today, options=options, **kwargs))


def late_departments(ws, plan_uuid, round_name=None, today=None) -> list[str]:
    """The departments a follow-up notice can go to (leading a late task), most late first."""
    from .progress_notice import followup_departments
    return followup_departments(progress_view(ws, plan_uuid, round_name, to_date(today)).statuses)


def cli_render_report(ws, plan_uuid, round_name, out_path, today=None, meta=None) -> Path:
    """``render report``: .docx or .xlsx by the output's suffix."""
    suffix = Path(out_path).suffix.lower()
    if suffix == ".docx":
        return render_progress_report_docx(ws, plan_uuid, round_name, out_path, today, meta=meta)
    if suffix == ".xlsx":
        return render_progress_report_xlsx(ws, plan_uuid, round_name, out_path, today)
    raise WorkspaceError(f"{out_path}: 进度报告只能输出为 .docx 或 .xlsx")
