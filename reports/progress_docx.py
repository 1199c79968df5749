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
from .docx.attachments import attachment_labels, write_attachment_head, write_attachment_list
from .docx.body import write_title
from .docx.document import save_atomic
from .docx.footers import landscape_footers
from .docx.notice import cn_date
from .docx.options import RenderOptions
from .docx.paginate import Layout, split_text
from .docx.render import paginate, start_document, tighten, title_lexicon, write_closing
from .docx.signature import write_signature
from .docx.styles import ADDRESSEE, BODY, HEADING
from .docx.title import break_title, lexicon_from_names
from .docx.upward import prepare
from .progress_docx_parts import caption, picture, problem_table

CHART_DPI = 200
MAX_PICTURE_MM = 150.0    # the type area is 156 mm wide
ATTACHMENT_TITLE = "滞后和存在风险的任务清单"


def report_title(view) -> str:
    round_name = view.statuses.round_name or ""
    return f"关于《{view.plan.title.strip()}》{round_name}推进情况的报告"


def render_progress_docx(view, out_path, today=None, options=None, meta=None):
    """Write the report of a ``ProgressView``; returns the path.

    With ``meta`` (the office's head: addressees = the office above, signers, doc_number,
    issuer_mark, signer …) it is a 上行文 报告: 版头 with 签发人, 主送, 版记, and paginated like
    a notice when LibreOffice is at hand.  ``meta["warnings"]`` receives the clerk's lines.
    """
    opts = RenderOptions.from_any(options)
    today = today or dt.date.today()
    title = report_title(view)
    problems = problem_tasks(view.statuses)
    if meta is None:
        document = _build(view, opts, Layout(), None, today, title, problems)
        return save_atomic(document, out_path)
    given = {k: v for k, v in meta.items() if k != "warnings"}
    head, result = prepare({"title": title, "date": today.isoformat(),
                            "signer": (view.plan.issuer or "").strip(), **given}, "report",
                           opts, out_path)
    lexicon = title_lexicon({}, head, opts) | lexicon_from_names(
        n for s in view.statuses for n in (s.lead or []))
    document = paginate(lambda layout: _build(view, opts, layout, head, today, title, problems,
                                              lexicon),
                        head, opts, result,
                        title_first_line=break_title(title, lexicon=lexicon)[0],
                        body=[_opening(view), NEXT_STEPS])
    if isinstance(meta.get("warnings"), list):
        meta["warnings"] += [str(w) for w in result.warnings]
    return save_atomic(document, out_path)


NEXT_STEPS = ("对滞后任务，将向牵头单位发出督办通知，请有关单位分析原因、制定整改措施，"
              "于下一轮报送时说明整改进展；对存在风险的任务加强跟踪，确保按期完成。")


def _build(view, opts, layout, head, today, title, problems, lexicon=()):
    document, b, sw, portrait = start_document({**(head or {}), "title": title}, opts,
                                               header=bool(head))
    first = b.last_p
    write_title(b, title, lexicon=lexicon)
    if head and head.get("addressees"):
        b.blank(1)
        b.p(ADDRESSEE, [head["addressees"]])
    else:
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
    if layout.split_at:
        lead, rest = split_text(NEXT_STEPS, layout.split_at)
        b.p(BODY, [lead], jc="distribute")
        b.p(BODY, [rest], first_line=0)
    else:
        b.p(BODY, [NEXT_STEPS])
    if problems:
        write_attachment_list(b, [ATTACHMENT_TITLE])
    signer = (head or {}).get("signer") or (view.plan.issuer or "").strip()
    if signer:
        date = (head or {}).get("date") or today.isoformat()
        write_signature(b, {**(head or {}), "signer": signer, "date": date}, opts,
                        seal_blanks=layout.seal_blanks)
    if layout.pitch and first is not None:
        tighten(first, b.last_p, layout.pitch)
    if problems:
        # The list is wide: it goes on landscape pages, as the 分工表 does in a notice.
        sw.start(landscape=True, footers=landscape_footers(document, opts))
        write_attachment_head(b, attachment_labels(1)[0], ATTACHMENT_TITLE, opts, page_break=False)
        b.add(problem_table(problems, round_name=view.statuses.round_name))
    if head:
        write_closing(b, sw, document, head, opts, layout, portrait)
    else:
        sw.finish()
    return document


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
