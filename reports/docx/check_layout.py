"""The pagination a 文秘 checks, on the pages as laid out (design §8, issue of 7.3.5/7.4).

check_docx judges the .docx itself; these rules need the layout, so the document is
laid out by LibreOffice and its PDF read back (reports.docx.layout).  Each finding is one
Chinese line with its page: the signature on a page without 正文, a split 附件说明, the
版记 alone on a page while the previous even page has room, the 版记 on an odd page,
and table rows split across pages.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from models.messages import msg

from . import units
from .layout import LINE_MM, Page, columns_text, read_pages
from .notice import CN_DATE_RE
from .resolve import Package
from .xml import qn, text_of

_ITEM = re.compile(r"^\d+[.．]")
_COLOPHON_START = ("抄送：", "主送：")


def _compact(text: str) -> str:
    return "".join(text.split())


def signature_date(pages: list[Page]):
    """(page, index) of the 成文日期 line: a date alone on a line, right of the centre."""
    for page in pages:
        lines = page.text_lines()
        for i, ln in enumerate(lines):
            if CN_DATE_RE.match(ln.text) and ln.x0 > page.width / 2 - 20:
                return page, i
    return None, None


def signature_findings(pages: list[Page]) -> list[str]:
    out: list[str] = []
    page, i = signature_date(pages)
    if page is None:
        return out
    lines = page.text_lines()
    above = lines[:max(0, i - 1)]                      # without the 署名 line
    attach = [k for k, ln in enumerate(above) if ln.text.startswith("附件：")]
    if attach:
        above = above[:attach[0]]
    elif above and _ITEM.match(above[0].text) and page.number > 1 and \
            any(ln.text.startswith("附件：") for ln in pages[page.number - 2].text_lines()):
        # the list began on the page before: its items here are no 正文
        above, start = [], pages[page.number - 2].number
        out.append(str(msg("docx.check.attachment_list_split", page=start, next=page.number)))
    if not above:
        out.append(str(msg("docx.check.signature_alone", page=page.number)))
    return out


def colophon_findings(pages: list[Page], colophon_height_mm: float) -> list[str]:
    out: list[str] = []
    page = next((p for p in reversed(pages) if any(ln.text.endswith("印发") for ln in p.text_lines())),
                None)
    if page is None:
        return out
    if page.number % 2 == 1:
        out.append(str(msg("docx.check.colophon_odd", page=page.number)))
    lines = page.text_lines()
    first = next((k for k, ln in enumerate(lines) if ln.text.startswith(_COLOPHON_START)
                  or ln.text.endswith("印发")), len(lines))
    if lines[:first]:
        return out                                     # it shares the page with text
    prev = next((p for p in reversed(pages[:page.number - 1]) if p.text_lines()), None)
    if prev is None or prev.number % 2 == 1 or not prev.portrait or prev.number < 2:
        return out
    free = prev.free_mm()
    if free >= colophon_height_mm + LINE_MM:
        out.append(str(msg("docx.check.colophon_alone", page=page.number, prev=prev.number,
                           free=f"{free:.0f}")))
    return out


def row_findings(pages: list[Page], tables: list[tuple[str, list[str]]]) -> list[str]:
    """Rows whose start and end lie on two pages.  `tables`: (header row text, the text of
    each row's longest cell); only the pages carrying that header are searched."""
    out: list[str] = []
    for header, rows in tables:
        streams = [(p.number, columns_text(p)) for p in pages
                   if any(header in ln.text for ln in p.lines)]
        for text in rows:
            text = _compact(text)
            if len(text) < 16:
                continue
            head, tail = text[:8], text[-8:]
            head_pages = {n for n, cols in streams if any(head in c for c in cols)}
            tail_pages = {n for n, cols in streams if any(tail in c for c in cols)}
            if head_pages and tail_pages and not head_pages & tail_pages:
                out.append(str(msg("docx.check.row_split", page=min(head_pages),
                                   text=text[:12] + "…")))
    return out


def table_rows_text(package: Package) -> list[tuple[str, list[str]]]:
    """Every table but the 版记: its header row text and the longest cell of each row."""
    body = package.document.find(qn("w:body"))
    out = []
    for tbl in body.iter(qn("w:tbl")):
        if any(text_of(p).strip().endswith("印发") for p in tbl.iter(qn("w:p"))):
            continue
        trs = tbl.findall(qn("w:tr"))
        if len(trs) < 2:
            continue
        header = _compact("".join(text_of(p) for p in trs[0].iter(qn("w:p"))))
        rows = []
        for tr in trs[1:]:
            cells = ["".join(text_of(p) for p in tc.iter(qn("w:p"))) for tc in tr.findall(qn("w:tc"))]
            if cells:
                rows.append(max(cells, key=len))
        out.append((header, rows))
    return out


def colophon_height(package: Package) -> float:
    body = package.document.find(qn("w:body"))
    for tbl in body.iter(qn("w:tbl")):
        if any(text_of(p).strip().endswith("印发") for p in tbl.iter(qn("w:p"))):
            rows = tbl.findall(qn("w:tr"))
            heights = [int(h.get(qn("w:val"), units.LINE)) for r in rows
                       for h in r.iter(qn("w:trHeight"))]
            return units.to_mm(sum(heights) or units.LINE * len(rows))
    return units.to_mm(2 * units.LINE)


def page_findings(path, pdf_path=None, timeout: float = 120) -> list[str]:
    """The pagination findings of the .docx at `path` (LibreOffice lays it out)."""
    from .. import pdf

    package = Package(path)
    with tempfile.TemporaryDirectory(prefix="plandesk-check-") as work:
        if pdf_path is None:
            if not pdf.available():
                return [str(msg("docx.check.pages_unavailable"))]
            pdf_path = pdf.convert_to_pdf(path, Path(work, "check.pdf"), timeout=timeout)
        pages = read_pages(pdf_path)
    return (signature_findings(pages) + colophon_findings(pages, colophon_height(package))
            + row_findings(pages, table_rows_text(package)))
