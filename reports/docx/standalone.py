"""Documents without a notice around them: the 分工表 on its own and department lists.

Same page, type and styles as the notice, so a clerk can paste between them.
"""
from __future__ import annotations

import re
from pathlib import Path

from models.numbering import display_label

from . import sections
from .body import write_title
from .builder import BodyBuilder
from .document import new_document, save_atomic
from .footers import landscape_footers, portrait_footers
from .options import RenderOptions
from .plan import ROLE_ORDER, annotation, split_paragraphs
from .styles import ATTACH_LABEL, BODY, HEADING, KAI_CHAR, TITLE
from .table import build_table, columns_for, table_rows
from .xml import qn

ROLE_HEADINGS = {"lead": "牵头的任务", "responsible": "负责的任务", "support": "配合的任务",
                 "guide": "指导的任务"}
_CN = "一二三四五六七八九十"


def render_division_table_docx(plan: dict, out_path, options=None) -> Path:
    """The 重点任务分工表 as a landscape .docx (title on the first page, header row repeated)."""
    opts = RenderOptions.from_any(options)
    title = opts.table_title or (plan.get("title", "").strip() + "重点任务分工表")
    document = new_document(opts, title=title)
    b = BodyBuilder(document)
    if opts.attachment_label:
        b.p(ATTACH_LABEL, [opts.attachment_label], page_break_before=False)
        b.blank(1)
    write_title(b, title, TITLE)
    b.blank(1)
    rows = table_rows(plan, opts.table_only_assigned)
    b.add(build_table(rows, columns_for(plan, opts.table_columns_spec(), rows=rows)))
    b.p(None, line=20)
    sections.fill(b.final_sectpr, landscape=True, footers=landscape_footers(document, opts),
                  line_pitch=opts.line_pitch, footer_distance_mm=opts.footer_distance_mm)
    return save_atomic(document, out_path)


def department_tasks(plan: dict) -> dict:
    """department -> {role: [(path, task)]}, departments in order of first mention."""
    out: dict = {}

    def walk(tasks, path):
        for t in tasks:
            number = display_label(t).rstrip("、.．")
            here = path + ([number] if number and number != "——" else [])
            for role in ROLE_ORDER:
                for name in (t.get("roles") or {}).get(role) or []:
                    if name:
                        out.setdefault(name, {}).setdefault(role, []).append(("".join(here), t))
            walk(t.get("children") or [], here)

    walk(plan.get("tasks") or [], [])
    return out


def _cn(n: int) -> str:
    return _CN[n - 1] if n <= 10 else ("十" + _CN[n - 11] if n < 20 else str(n))


def _write_department(b, plan, name, roles, opts, *, heading_number=None, page_break=False):
    if heading_number is not None:
        b.p(HEADING[1], [f"{_cn(heading_number)}、{name}"],
            **({"page_break_before": True} if page_break else {}))
    if not roles:
        b.p(BODY, ["本方案未给该单位分配任务。"])
        return
    group = 0
    for role in ("lead", "responsible", "support", "guide"):
        items = roles.get(role) or []
        if not items:
            continue
        group += 1
        b.p(HEADING[2], [(f"（{_cn(group)}）{ROLE_HEADINGS[role]}（{len(items)}项）", {"style": KAI_CHAR})])
        for i, (path, task) in enumerate(items, 1):
            title = (task.get("title") or "").strip()
            text = "".join(split_paragraphs(task.get("text", "")))
            where = f"【方案{path}】" if path else ""
            b.p(HEADING[3], [f"{i}.{where}{title}{text}{annotation(task, opts.role_labels)}"])


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "单位"


def render_department_tasks(plan: dict, out_path, departments=None,
                            one_file_per_department: bool = False, options=None):
    """Each department's tasks (牵头/负责/配合/指导), in the plan's own typography.

    One file: every department under its own 一、 heading, each from a new page; returns
    [path].  one_file_per_department: out_path is a folder (or a .docx whose name is
    used as a prefix) and one file per department is written; returns their paths.
    """
    opts = RenderOptions.from_any(options)
    by_dept = department_tasks(plan)
    names = list(departments) if departments else list(by_dept)
    plan_title = plan.get("title", "").strip()
    out = Path(out_path)
    if not one_file_per_department:
        document = new_document(opts, title=plan_title + "任务分工清单")
        b = BodyBuilder(document)
        write_title(b, plan_title + "任务分工清单", TITLE)
        b.blank(1)
        for n, name in enumerate(names, 1):
            _write_department(b, plan, name, by_dept.get(name, {}), opts, heading_number=n,
                              page_break=n > 1)
        _finish(b, document, opts)
        return [save_atomic(document, out)]
    if out.suffix.lower() == ".docx":
        folder, prefix = out.parent, out.stem + "_"
    else:
        folder, prefix = out, ""
    paths = []
    for name in names:
        document = new_document(opts, title=f"{plan_title}任务清单（{name}）")
        b = BodyBuilder(document)
        write_title(b, plan_title + "任务清单", TITLE)
        b.p(TITLE, [(f"（{name}）", {"face": opts.face("kaiti"), "latin": opts.latin_font,
                                      "sz": 32, "spacing": -5})])
        b.blank(1)
        _write_department(b, plan, name, by_dept.get(name, {}), opts)
        _finish(b, document, opts)
        paths.append(save_atomic(document, folder / f"{prefix}{_safe_name(name)}.docx"))
    return paths


def _finish(b, document, opts):
    if b.final_sectpr.getprevious() is not None and b.final_sectpr.getprevious().tag == qn("w:tbl"):
        b.p(None, line=20)
    sections.fill(b.final_sectpr, footers=portrait_footers(document, opts),
                  line_pitch=opts.line_pitch, footer_distance_mm=opts.footer_distance_mm)
