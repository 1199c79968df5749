"""The reminder notice (催报通知): one 公文 to the departments that have not reported in a
round, naming the round, its due date and what to send by when.

Page, styles, title and signature come from ``reports.docx``, as for the follow-up notice.
"""
from __future__ import annotations

import datetime as dt

from models.errors import WorkspaceError

from .docx.notice import cn_date
from .docx.options import RenderOptions
from .progress_notice import write_notice

REMINDER_TITLE = "关于报送{round}工作进展情况的催报通知"


class NothingToRemind(WorkspaceError):
    """Every department has reported in the round."""


def render_reminder(plan, rnd, pending, out_path, today: dt.date | None = None, options=None,
                    *, issuer: str | None = None, reply_days: int = 3, head: dict | None = None):
    """Write the notice to the ``pending`` departments (``models.reminders.Pending``); with
    the office's ``head`` under its 版头 and with a 版记 (see ``progress_notice``)."""
    if not pending:
        raise NothingToRemind("app.nothing_to_remind", round=rnd.name)
    opts = RenderOptions.from_any(options)
    today = today or dt.date.today()
    issuer = (issuer if issuer is not None else plan.issuer or "").strip()
    if head:
        issuer = str(head.get("signer") or issuer).strip()
    due = f"应于{cn_date(dt.date.fromisoformat(rnd.due_date))}前报送" if rnd.due_date else "应按时报送"
    paragraphs = [f"按照《{plan.title.strip()}》的工作安排，各责任单位{due}{rnd.name}"
                  f"工作进展情况。截至{cn_date(today)}，你单位尚未报送。"]
    for i, p in enumerate(pending, 1):
        line = f"{i}.{p.department}：承担牵头（负责）任务{p.tasks}项"
        paragraphs.append(line + (f"，已逾期{p.overdue_days}天。" if p.overdue_days else "。"))
    reply = cn_date(today + dt.timedelta(days=reply_days))
    to = f"报送{issuer}" if issuer else "报送"
    paragraphs.append(f"请你单位高度重视，于{reply}前将进展情况表填写完整并{to}。"
                      "逾期未报送的，将在全区通报。")
    return write_notice(head, REMINDER_TITLE.format(round=rnd.name),
                        "、".join(p.department for p in pending), paragraphs, opts, issuer, today,
                        out_path)
