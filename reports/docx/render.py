"""render_notice: the 印发通知 with its attachments and colophon, one .docx.

Section layout: [notice + plan attachment: portrait] [分工表: landscape]
[colophon page: portrait].  The colophon page must be even; when LibreOffice is at hand
the document is laid out once to count pages and an unnumbered blank page is inserted
when needed (design §5.8).
"""
from __future__ import annotations

import math
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from models.messages import msg

from . import sections, units
from .attachments import attachment_labels, write_attachment_head, write_attachment_list
from .body import body_paragraphs, write_main
from .builder import BodyBuilder
from .colophon import colophon_lines, has_colophon, write_colophon
from .document import new_document, save_atomic
from .fonts import outside_gb2312
from .footers import empty_footers, landscape_footers, portrait_footers
from .header import mark_size, write_header
from .layout import available as layout_available
from .layout import read_pages
from .notice import NoticeError, check_notice, cn_date
from .options import RenderOptions
from .paginate import Layout, fix_signature_page, place_colophon
from .plan import write_plan
from .props import ppr
from .signature import write_signature
from .table import build_table, columns_for, empty_role_columns, table_rows
from .title import break_title, lexicon_from_names, rendered_width
from .xml import qn

MAX_ADDRESSEE_LINES = 3   # more and page 1 holds little 正文


@dataclass
class RenderResult:
    path: Path
    warnings: list = field(default_factory=list)
    pages: int | None = None   # as laid out by LibreOffice, when it was used
    blank_page_inserted: bool = False   # an unnumbered page put before the colophon page
    colophon_shared: bool = False       # the 版记 stands at the foot of the last text page
    layout: Layout | None = None        # what pagination decided


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


def default_printer(notice: dict) -> str:
    """The issuer's office (×××办公室): who prints a notice when the clerk names nobody."""
    signer = str(notice.get("signer") or "").strip()
    if not signer or signer.endswith(("办公室", "办公厅")):
        return signer
    return signer + "办公室"


def with_colophon_defaults(notice: dict, opts) -> tuple[dict, list]:
    """The notice with its 版记 filled in: a notice is never printed silently without one.

    The clerk turns the colophon off with the option `colophon=False` (or the notice's
    own "colophon": false); then 印发机关 and 抄送 are left out on purpose.
    """
    notice = dict(notice)
    if not opts.colophon or notice.get("colophon") is False:
        notice.pop("printer", None)
        notice.pop("cc", None)
        return notice, []
    warnings = []
    if not str(notice.get("printer") or "").strip() and default_printer(notice):
        notice["printer"] = default_printer(notice)
        warnings.append(msg("docx.printer_defaulted", printer=notice["printer"]))
    if notice.get("printer") and not notice.get("print_date"):
        notice["print_date"] = notice.get("date")
    return notice, warnings


def title_lexicon(plan: dict, notice: dict, opts) -> set[str]:
    """Names a title must not be broken inside: departments, places, the issuer."""
    names = [plan.get("issuer"), notice.get("signer"), notice.get("printer"),
             *(opts.title_words or [])]
    stack = list(plan.get("tasks") or [])
    while stack:
        t = stack.pop()
        for role_names in (t.get("roles") or {}).values():
            names += list(role_names or [])
        stack.extend(t.get("children") or [])
    for key in ("addressees", "cc"):
        names += re.split(r"[，,、；;：:。\s]+", str(notice.get(key) or ""))
    return lexicon_from_names(n for n in names if n)


def layout_warnings(notice: dict) -> list:
    """A 发文字号 that wraps, 主送机关 that crowd the first page."""
    out = []
    number = str(notice.get("doc_number") or "").strip()
    if number and rendered_width(number) > units.LINE_CHARS - (4 if notice.get("signers") else 0):
        out.append(msg("docx.doc_number_long", number=number, width=f"{rendered_width(number):g}"))
    addressees = str(notice.get("addressees") or "").strip()
    lines = math.ceil(rendered_width(addressees) / units.LINE_CHARS) if addressees else 0
    if lines > MAX_ADDRESSEE_LINES:
        out.append(msg("docx.addressees_long", lines=lines))
    return out


def _options(notice: dict, options) -> RenderOptions:
    opts = RenderOptions.from_any(options)
    opts.fonts.update(notice.get("fonts") or {})
    if notice.get("division_table_columns"):
        opts.division_table_columns = list(notice["division_table_columns"])
    if opts.colophon_even_page is None:
        opts.colophon_even_page = bool(notice.get("colophon_even_page", True))
    return opts


def build_notice(plan: dict, notice: dict, opts: RenderOptions, *, layout: Layout | None = None):
    """The Document object (not saved), paginated as `layout` says."""
    layout = layout or Layout()
    lexicon = title_lexicon(plan, notice, opts)
    names = attachment_names(plan, notice, opts)
    labels = attachment_labels(len(names))
    document, b, sw, portrait = start_document(notice, opts)
    first = b.last_p
    write_main(b, plan, notice, lexicon, split_at=layout.split_at)
    write_attachment_list(b, names)
    write_signature(b, notice, opts, seal_blanks=layout.seal_blanks)
    if layout.pitch:
        tighten(first, b.last_p, layout.pitch)

    i = 0
    if opts.include_plan:
        write_attachment_head(b, labels[i], names[i], opts, lexicon=lexicon)
        write_plan(b, plan, opts)
        i += 1
    if opts.include_division_table:
        sw.start(landscape=True, footers=landscape_footers(document, opts))
        write_attachment_head(b, labels[i], names[i], opts, page_break=False, lexicon=lexicon)
        rows = table_rows(plan, opts.table_only_assigned)
        b.add(build_table(rows, columns_for(plan, opts.table_columns_spec(), rows=rows)))
    write_closing(b, sw, document, notice, opts, layout, portrait)
    return document


def start_document(notice: dict, opts, *, header: bool = True):
    """(document, builder, section writer, portrait footers), the 版头 written."""
    mark_sz = mark_size(notice.get("issuer_mark") or "", opts.mark_max_sz)
    document = new_document(opts, mark_sz=mark_sz, title=notice.get("title", ""))
    b = BodyBuilder(document)
    portrait = portrait_footers(document, opts)
    sw = SectionWriter(b, opts, footers=portrait)
    if header:
        write_header(b, notice, opts, mark_sz)
    return document, b, sw, portrait


def build_letter(meta: dict, opts, layout: Layout, lexicon):
    """A 公文 without attachments (请示, 报告, 督办通知): 版头, title, 主送, 正文, signature
    and 版记, laid out as `layout` says."""
    document, b, sw, portrait = start_document(meta, opts)
    first = b.last_p
    write_main(b, {}, meta, lexicon, split_at=layout.split_at)
    write_signature(b, meta, opts, seal_blanks=layout.seal_blanks)
    if layout.pitch:
        tighten(first, b.last_p, layout.pitch)
    write_closing(b, sw, document, meta, opts, layout, portrait)
    return document


def tighten(after, last, pitch: int) -> None:
    """Exact line pitch `pitch` for the paragraphs after `after` up to `last`."""
    p = after.getnext() if after is not None else None
    while p is not None:
        if p.tag == qn("w:p"):
            ppr(p, line=pitch)
        if p is last:
            break
        p = p.getnext()


def render_notice(plan: dict, notice: dict, out_path, options=None) -> RenderResult:
    """Write the 印发通知 for `plan` to `out_path` (atomically).

    Raises NoticeError when the notice metadata is invalid.  Returns the path, warnings
    for the clerk (e.g. the 印发机关 taken as the issuer's office, a 发文字号 that wraps,
    the colophon's page not checked) and the page count when LibreOffice laid the
    document out.  With LibreOffice the document is laid out once (twice when page 1
    needed tightening) and paginated as a 文秘 would (reports.docx.paginate).
    """
    opts = _options(notice, options)
    notice, warnings = with_colophon_defaults(notice, opts)
    check_notice(notice)
    result = RenderResult(Path(out_path))
    result.warnings += warnings + layout_warnings(notice) + table_warnings(plan, opts)
    result.warnings += coverage_warnings(plan, notice, opts)
    document = paginate(lambda layout: build_notice(plan, notice, opts, layout=layout),
                        notice, opts, result,
                        title_first_line=break_title(notice["title"],
                                                     lexicon=title_lexicon(plan, notice, opts))[0],
                        body=body_paragraphs(plan, notice))
    result.warnings = [str(w) for w in result.warnings]   # in the clerk's language
    save_atomic(document, out_path)
    return result


def paginate(build, notice: dict, opts, result: RenderResult, *, title_first_line: str,
             body: list[str]):
    """The document `build(layout)` makes, paginated as a 文秘 would.

    Laid out once by LibreOffice; when page 1 lost its 正文 to the signature chain, built
    again tightened (and laid out again); then the 版记 placed on the last even page.
    Without LibreOffice the first build is kept and `result` says why.
    """
    layout = Layout()
    document = build(layout)
    pages, warning = _probe(document, opts)
    if warning:
        result.warnings.append(warning)
    if pages is not None:
        fix = fix_signature_page(pages, date_text=cn_date(notice["date"]),
                                 title_first_line=title_first_line, body=body,
                                 sealed=bool(notice.get("sealed")),
                                 seal_blanks=opts.sealed_blank_lines)
        if fix.tightened:
            layout = fix
            document = build(layout)
            pages, _ = _probe(document, opts)
    if pages is not None and has_colophon(notice) and opts.colophon_even_page is not False:
        placed = place_colophon(pages, colophon_lines(notice, opts.line_pitch))
        layout.colophon, layout.lines_before_colophon = placed.colophon, placed.lines_before_colophon
        if layout.colophon != "own":
            document = build(layout)
        result.pages = len(pages) + {"own": 0, "share": -1, "blank": 1}[layout.colophon]
        result.blank_page_inserted = layout.colophon == "blank"
        result.colophon_shared = layout.colophon == "share"
    elif pages is not None:
        result.pages = len(pages)
    result.layout = layout
    return document


def write_closing(b, sw, document, notice: dict, opts, layout: Layout, portrait) -> None:
    """The 版记 where `layout` puts it, then the last section closed."""
    if has_colophon(notice):
        if layout.colophon == "share":
            write_colophon(b, notice, opts, lines_before=layout.lines_before_colophon)
        else:
            blank = layout.colophon == "blank"
            sw.start(footers=empty_footers(document) if blank else portrait)
            write_colophon(b, notice, opts, blank_page_before=blank)
    sw.finish()


def table_warnings(plan: dict, opts) -> list:
    """Role columns of the 分工表 that name nobody, said before the notice is printed."""
    if not opts.include_division_table:
        return []
    rows = table_rows(plan, opts.table_only_assigned)
    cols = columns_for(plan, opts.table_columns_spec(), rows=rows)
    if not any(r.roles and any(r.roles.values()) for r in rows if r.kind == "item"):
        return [msg("docx.no_roles")]
    return [msg("docx.empty_role_column", column=c.label) for c in empty_role_columns(rows, cols)]


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


def _probe(document, opts):
    """(pages, warning): the document laid out by LibreOffice and read back."""
    from .. import pdf

    if not opts.paginate:
        return None, msg("docx.pages_not_checked")
    if not pdf.available() or not layout_available():
        return None, msg("docx.no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="plandesk-pages-") as work:
        probe = Path(work, "probe.docx")
        document.save(probe)
        try:
            pdf_path = pdf.convert_to_pdf(probe, Path(work, "probe.pdf"), timeout=opts.soffice_timeout)
        except pdf.PdfUnavailable as exc:
            return None, msg("docx.pages_failed", reason=str(exc))
        return read_pages(pdf_path), None
