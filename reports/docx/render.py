"""render_notice: the 印发通知 with its attachments and colophon, one .docx.

Section layout: [notice + plan attachment: portrait] [分工表: landscape]
[colophon page: portrait].  The colophon page must be even; when LibreOffice is at hand
the document is laid out once to count pages and an unnumbered blank page is inserted
when needed (design §5.8).
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import sections
from .attachments import attachment_labels, write_attachment_head, write_attachment_list
from .body import write_main
from .builder import BodyBuilder
from .colophon import has_colophon, write_colophon
from .document import new_document, save_atomic
from .fonts import outside_gb2312
from .footers import empty_footers, landscape_footers, portrait_footers
from .header import mark_size, write_header
from .notice import NoticeError, check_notice
from .options import RenderOptions
from .plan import write_plan
from .signature import write_signature
from .table import build_table, columns_for, table_rows


@dataclass
class RenderResult:
    path: Path
    warnings: list = field(default_factory=list)
    pages: int | None = None   # as laid out by LibreOffice, when it was used
    blank_page_inserted: bool = False   # an unnumbered page put before the colophon page


class SectionWriter:
    """Tracks the open section; closing it puts its sectPr in its last paragraph."""

    def __init__(self, builder, opts, *, landscape=False, footers=None):
        self.builder, self.opts = builder, opts
        self.current = dict(landscape=landscape, footers=footers)

    def _props(self, **kw):
        return dict(line_pitch=self.opts.line_pitch,
                    footer_distance_mm=self.opts.footer_distance_mm, **kw)

    def start(self, *, landscape=False, footers=None):
        self.builder.end_section(sections.sectpr(**self._props(**self.current)))
        self.current = dict(landscape=landscape, footers=footers)

    def finish(self):
        b = self.builder
        last = b.final_sectpr.getprevious()
        if last is not None and last.tag.endswith("}tbl"):
            b.p(None, line=20)  # the body must end with a paragraph after a table
        sections.fill(b.final_sectpr, **self._props(**self.current))


def attachment_names(plan: dict, notice: dict, opts) -> list[str]:
    parts = []
    if opts.include_plan:
        parts.append(plan.get("title", "").strip())
    if opts.include_division_table:
        parts.append(plan.get("title", "").strip() + "重点任务分工表")
    given = list(notice.get("attachments") or [])
    if given and len(given) != len(parts):
        raise NoticeError([f"附件说明列出 {len(given)} 个附件，但文后附有 {len(parts)} 个，"
                           "名称和序号须与所附附件一致"])
    return [str(n).strip() for n in given] if given else parts


def _options(notice: dict, options) -> RenderOptions:
    opts = RenderOptions.from_any(options)
    opts.fonts.update(notice.get("fonts") or {})
    if notice.get("division_table_columns"):
        opts.division_table_columns = list(notice["division_table_columns"])
    if opts.colophon_even_page is None:
        opts.colophon_even_page = bool(notice.get("colophon_even_page", True))
    return opts


def build_notice(plan: dict, notice: dict, opts: RenderOptions, *,
                 blank_page_before_colophon: bool = False):
    """The Document object (not saved)."""
    mark_sz = mark_size(notice.get("issuer_mark") or "", opts.mark_max_sz)
    names = attachment_names(plan, notice, opts)
    labels = attachment_labels(len(names))
    document = new_document(opts, mark_sz=mark_sz, title=notice.get("title", ""))
    b = BodyBuilder(document)
    portrait = portrait_footers(document, opts)
    sw = SectionWriter(b, opts, footers=portrait)

    write_header(b, notice, opts, mark_sz)
    write_main(b, plan, notice)
    write_attachment_list(b, names)
    write_signature(b, notice, opts)

    i = 0
    if opts.include_plan:
        write_attachment_head(b, labels[i], names[i], opts)
        write_plan(b, plan, opts)
        i += 1
    if opts.include_division_table:
        sw.start(landscape=True, footers=landscape_footers(document, opts))
        write_attachment_head(b, labels[i], names[i], opts, page_break=False)
        cols = columns_for(plan, opts.table_columns_spec())
        b.add(build_table(table_rows(plan, opts.table_only_assigned), cols))
    if has_colophon(notice):
        footers = empty_footers(document) if blank_page_before_colophon else portrait
        sw.start(footers=footers)
        write_colophon(b, notice, opts, blank_page_before=blank_page_before_colophon)
    sw.finish()
    return document


def render_notice(plan: dict, notice: dict, out_path, options=None) -> RenderResult:
    """Write the 印发通知 for `plan` to `out_path` (atomically).

    Raises NoticeError when the notice metadata is invalid.  Returns the path, warnings
    for the clerk (e.g. the colophon's page parity could not be checked) and the page
    count when LibreOffice laid the document out.
    """
    check_notice(notice)
    opts = _options(notice, options)
    result = RenderResult(Path(out_path))
    result.warnings += coverage_warnings(plan, notice, opts)
    document = build_notice(plan, notice, opts)
    if has_colophon(notice) and opts.colophon_even_page:
        pages, warning = _count_pages(document, Path(out_path), opts)
        if warning:
            result.warnings.append(warning)
        if pages is not None and pages % 2 == 1:
            document = build_notice(plan, notice, opts, blank_page_before_colophon=True)
            pages += 1
            result.blank_page_inserted = True
        result.pages = pages
    save_atomic(document, out_path)
    return result


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _texts(v)


def coverage_warnings(plan: dict, notice: dict, opts) -> list[str]:
    """Warn when a *_GB2312 face is used and the text has characters outside GB 2312."""
    gb_faces = sorted({f for f in opts.fonts.values() if f.upper().endswith("GB2312")})
    if not gb_faces:
        return []
    missing = outside_gb2312("".join(_texts(plan)) + "".join(_texts(notice)))
    if not missing:
        return []
    return [f"以下字不在 GB 2312 字符集中，{'、'.join(gb_faces)} 无法显示，打印前请改用"
            f"其他字体或造字：{''.join(missing[:20])}" + ("等" if len(missing) > 20 else "")]


def _count_pages(document, out_path: Path, opts):
    """(pages, warning): lay the document out with LibreOffice once."""
    from .. import pdf

    if not opts.paginate:
        return None, "未检查版记页的奇偶（已关闭分页计算），请打印前确认版记在偶数页。"
    if not pdf.available():
        return None, "未找到 LibreOffice，无法确认版记位于偶数页，请打印前核对页数。"
    with tempfile.TemporaryDirectory(prefix="plandesk-pages-") as work:
        probe = Path(work, "probe.docx")
        document.save(probe)
        try:
            pdf_path = pdf.convert_to_pdf(probe, Path(work, "probe.pdf"), timeout=opts.soffice_timeout)
        except pdf.PdfUnavailable as exc:
            return None, f"无法用 LibreOffice 计算页数（{exc}），请打印前确认版记在偶数页。"
        return pdf.page_count(pdf_path), None
