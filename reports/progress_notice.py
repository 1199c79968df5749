"""The follow-up notice (督办通知) to one department, listing its late tasks.

A 公文 of the office: title, the department as 主送机关, the late tasks it leads (or is
responsible for) one paragraph each, what it must do by when, signature and date. Page,
styles and page numbers come from ``reports.docx``.
"""
from __future__ import annotations

import datetime as dt

from models.errors import WorkspaceError
from models.status.summary import department_tasks

from .docx import sections
from .docx.body import write_title
from .docx.builder import BodyBuilder
from .docx.document import new_document, save_atomic
from .docx.footers import portrait_footers
from .docx.notice import cn_date
from .docx.options import RenderOptions
from .docx.signature import write_signature
from .docx.styles import ADDRESSEE, BODY

NOTICE_TITLE = "关于加快推进滞后任务的督办通知"


class NothingToFollowUp(WorkspaceError):
    """The department has no late task in this round: there is nothing to press it on."""


def followup_departments(statuses) -> list[str]:
    """Departments leading at least one late task, the one with most first."""
    count: dict[str, int] = {}
    for s in statuses:
        if s.counted and s.light == "late":
            for name in s.lead:
                count[name] = count.get(name, 0) + 1
    return sorted(count, key=lambda n: -count[n])


def render_followup(view, department: str, out_path, today=None, options=None, *,
                    issuer: str | None = None, reply_days: int = 5, lights=("late",),
                    head: dict | None = None):
    """Write the notice for ``department`` (its name as stored); returns the path.

    With the office's ``head`` (``reports.office_notice.office_head``) it is printed under
    the office's 版头 with a 发文字号 and a 版记; without, as a plain letter."""
    tasks = department_tasks(view.statuses, department, lights)
    if not tasks:
        raise NothingToFollowUp(f"{department}本轮没有滞后任务，无需督办")
    opts = RenderOptions.from_any(options)
    today = today or dt.date.today()
    issuer = (issuer if issuer is not None else view.plan.issuer or "").strip()
    if head:
        issuer = str(head.get("signer") or issuer).strip()
    as_of = view.statuses.as_of
    round_name = view.statuses.round_name or ""
    when = f"（截至{cn_date(as_of)}）" if as_of else ""
    paragraphs = [f"根据《{view.plan.title.strip()}》{round_name}推进情况统计{when}，"
                  f"你单位牵头的以下{len(tasks)}项任务进度滞后："]
    paragraphs += [task_paragraph(i, s, round_name) for i, s in enumerate(tasks, 1)]
    deadline = cn_date(today + dt.timedelta(days=reply_days))
    to = f"书面报送{issuer}" if issuer else "书面报送"
    paragraphs.append(f"请你单位高度重视，认真分析滞后原因，明确整改措施和完成时间，加快推进，"
                      f"并于{deadline}前将整改情况{to}。")
    return write_notice(head, NOTICE_TITLE, department, paragraphs, opts, issuer, today, out_path)


def write_notice(head, title: str, addressees: str, paragraphs: list[str], opts, issuer: str,
                 today, out_path):
    """The notice under the office's head when there is one, else as a plain letter:
    title, 主送, the paragraphs, 特此通知, signature and date. Returns the path."""
    if head:
        from .office_notice import render_office_notice
        return render_office_notice(head, title, addressees, paragraphs + ["特此通知。"], today,
                                    out_path, opts).path
    document = new_document(opts, title=title)
    b = BodyBuilder(document)
    write_title(b, title)
    b.blank(1)
    b.p(ADDRESSEE, [f"{addressees}："])
    for text in paragraphs:
        b.p(BODY, [text])
    b.p(BODY, ["特此通知。"])
    if issuer:
        write_signature(b, {"signer": issuer, "date": today.isoformat()}, opts)
    sections.fill(b.final_sectpr, footers=portrait_footers(document, opts),
                  line_pitch=opts.line_pitch, footer_distance_mm=opts.footer_distance_mm)
    return save_atomic(document, out_path)


def task_paragraph(i: int, s, round_name: str = "") -> str:
    """1.【方案一（二）】建设…（完成时限：2025年6月底前）。已逾期92天，尚未完成。最近报送：…"""
    where = f"【方案{s.path_number}】" if s.path_number else ""
    deadline = f"（完成时限：{s.deadline_text}）" if s.deadline_text else ""
    text = f"{i}.{where}{s.title.strip().rstrip('。')}{deadline}。"
    reason = s.reason_text("zh")     # an official notice: Chinese whatever the UI speaks
    if reason:
        text += reason.rstrip("。") + "。"
    if s.report_text:
        when = "" if s.report_round == round_name else f"（{s.report_round}）"
        text += f"最近报送{when}：{s.report_text.strip().rstrip('。')}。"
    return text
