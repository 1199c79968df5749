"""The progress report of a round (推进情况报告) as a 公文 .docx.

    关于《…》2025年第三季度推进情况的报告
    一、总体情况        counts in one paragraph, the departments with most late tasks
    二、分类统计        the four charts, each with a caption
    三、滞后和存在风险的任务   how many, and where the list is
    四、下一步工作      what the office will do (a sentence the clerk edits)
    signature and date (the plan's issuer), then
    附件  滞后和存在风险的任务清单   on landscape pages, one row per task

Page, styles, fonts and page numbers are those of ``reports.docx`` (GB/T 9704).
"""
from __future__ import annotations

import datetime as dt

from models.status.summary import problem_tasks

from .charts import CHART_TITLES, TEXT, figure_png_bytes, progress_figures, target_title
from .docx import sections
from .docx.attachments import attachment_labels, write_attachment_head, write_attachment_list
from .docx.body import write_title
from .docx.builder import BodyBuilder
from .docx.document import new_document, save_atomic
from .docx.footers import landscape_footers, portrait_footers
from .docx.notice import cn_date
from .docx.options import RenderOptions
from .docx.signature import write_signature
from .docx.styles import BODY, HEADING
from .progress_docx_parts import caption, picture, problem_table

CHART_DPI = 200
MAX_PICTURE_MM = 150.0    # the type area is 156 mm wide
ATTACHMENT_TITLE = "滞后和存在风险的任务清单"


def report_title(view) -> str:
    round_name = view.statuses.round_name or ""
    return f"关于《{view.plan.title.strip()}》{round_name}推进情况的报告"


def render_progress_docx(view, out_path, today=None, options=None):
    """Write the report of a ``ProgressView``; returns the path."""
    opts = RenderOptions.from_any(options)
    today = today or dt.date.today()
    title = report_title(view)
    document = new_document(opts, title=title)
    b = BodyBuilder(document)
    portrait = portrait_footers(document, opts)
    problems = problem_tasks(view.statuses)

    write_title(b, title)
    b.blank(1)
    b.p(BODY, [_opening(view)])
    b.p(HEADING[1], ["一、总体情况"])
    for text in _overview(view):
        b.p(BODY, [text])
    b.p(HEADING[1], ["二、分类统计"])
    _charts(b, document, view)
    b.p(HEADING[1], ["三、滞后和存在风险的任务"])
    b.p(BODY, [_problems_sentence(view, problems)])
    b.p(HEADING[1], ["四、下一步工作"])
    b.p(BODY, ["对滞后任务，将向牵头单位发出督办通知，请有关单位分析原因、制定整改措施，"
               "于下一轮报送时说明整改进展；对存在风险的任务加强跟踪，确保按期完成。"])
    if problems:
        write_attachment_list(b, [ATTACHMENT_TITLE])
    issuer = (view.plan.issuer or "").strip()
    if issuer:
        write_signature(b, {"signer": issuer, "date": today.isoformat()}, opts)
    if problems:
        # The list is wide: it goes on landscape pages, as the 分工表 does in a notice.
        b.end_section(sections.sectpr(footers=portrait, line_pitch=opts.line_pitch,
                                      footer_distance_mm=opts.footer_distance_mm))
        write_attachment_head(b, attachment_labels(1)[0], ATTACHMENT_TITLE, opts, page_break=False)
        b.add(problem_table(problems, round_name=view.statuses.round_name))
        b.p(None, line=20)   # a section cannot end on a table
        sections.fill(b.final_sectpr, landscape=True, footers=landscape_footers(document, opts),
                      line_pitch=opts.line_pitch, footer_distance_mm=opts.footer_distance_mm)
    else:
        sections.fill(b.final_sectpr, footers=portrait, line_pitch=opts.line_pitch,
                      footer_distance_mm=opts.footer_distance_mm)
    return save_atomic(document, out_path)


def _date(d) -> str:
    return cn_date(d) if d else ""


def _opening(view) -> str:
    as_of = view.statuses.as_of
    when = f"截至{_date(as_of)}" if as_of else "目前"
    return f"按照《{view.plan.title.strip()}》要求，现将{when}各项任务推进情况报告如下。"


def _overview(view) -> list[str]:
    s = view.summary
    out = [s.sentence()]
    worst = [(name, c["late"]) for name, c in s.by_department.items() if c["late"]][:5]
    if worst:
        names = "、".join(f"{name}（{n}项）" for name, n in worst)
        out.append(f"滞后任务较多的牵头单位有：{names}。")
    reached = [t for t in view.targets if t.ratio is not None and t.ratio >= 100]
    reported = [t for t in view.targets if t.ratio is not None]
    if view.targets:
        reached_text = f"已达到目标值的{len(reached)}项" if reached else "尚无指标达到目标值"
        out.append(f"方案确定量化指标{len(view.targets)}项，其中报送了完成数值的{len(reported)}项，"
                   f"{reached_text}。")
    return out


def _charts(b, document, view) -> None:
    figures = progress_figures(view, show_title=False)
    n = 0
    for name, fig in figures.items():
        if name == "target" and not view.targets:
            continue
        n += 1
        w_in, h_in = fig.get_size_inches()
        width = min(w_in * 25.4, MAX_PICTURE_MM)
        height = h_in * 25.4 * width / (w_in * 25.4)
        b.add(picture(document, figure_png_bytes(fig, dpi=CHART_DPI), width, height))
        title = target_title(view.targets) if name == "target" else TEXT[CHART_TITLES[name]]
        b.add(caption(f"图{n}\u3000{title}"))


def _problems_sentence(view, problems) -> str:
    late = sum(1 for s in problems if s.light == "late")
    risk = len(problems) - late
    if not problems:
        return "本轮没有滞后或存在风险的任务。"
    return (f"滞后任务{late}项、存在风险任务{risk}项，逐项列明牵头单位、配合单位、完成时限和"
            f"报送情况，见附件。")
