"""Printing the responsibility matrix on landscape A4, laid out here rather than by a
rich-text table (which gave a 77-task plan 85 pages with a one-character task column).

The layout is computed for the page: department columns are narrow with their names
written top to bottom, the task column takes the rest of the width (never less than a
third of it), a task's text wraps inside its column and a row is never cut at the page
edge. The header row is repeated on every page; when the departments do not fit the
width they go on further pages in groups, each with the task column again. Only the
departments with a role in the shown rows are printed; the clerk narrows the sheet
further with the section and department filters.

    pages = MatrixLayout(model, title).paginate(page_rect_px, dpi)
    print_matrix(window, model, title)     # Qt's print preview; print or save a PDF there
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen

from .labels import role_short
from .matrix_model import ROLE_COLORS, MatrixModel

translate = QCoreApplication.translate

FONT_PT = 9
MM_PER_INCH = 25.4
DEP_COLUMN_MM = 7.5          # one stacked character and some air
TASK_MIN_SHARE = 1 / 3       # the task column never gets less than this of the width
HEADER_MAX_MM = 48           # long names are cut with "…" below this


@dataclass
class Page:
    rows: list = field(default_factory=list)     # MatrixRow, or None for the totals row
    departments: list = field(default_factory=list)
    row_heights: list = field(default_factory=list)
    first: bool = False


class MatrixLayout:
    """Pages of the matrix for a page of ``rect`` (device pixels) at ``dpi``."""

    def __init__(self, model: MatrixModel, title: str):
        self.model = model
        self.title = title
        shown = {r.id for r in model.rows}
        self.departments = [d for d in model.departments
                            if any((t, d.id) in model.cells for t in shown)]
        self.font = QFont()
        self.font.setPointSizeF(FONT_PT)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.title_font = QFont(self.font)
        self.title_font.setPointSizeF(FONT_PT + 5)
        self.title_font.setBold(True)

    # ---- geometry --------------------------------------------------------------------
    def _setup(self, rect: QRectF, dpi: float, device=None) -> None:
        self.rect, self.dpi = rect, dpi
        mm = dpi / MM_PER_INCH
        def metrics(font):
            return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
        self.fm = metrics(self.font)
        self.pad = 1.2 * mm
        self.line = self.fm.lineSpacing()
        self.dep_w = max(DEP_COLUMN_MM * mm, self.fm.horizontalAdvance("国") + 2 * self.pad)
        fit = int((rect.width() * (1 - TASK_MIN_SHARE)) // self.dep_w)
        self.per_page = max(1, fit)
        longest = max((len(self._dep_name(d)) for d in self.departments), default=2)
        self.header_h = min(HEADER_MAX_MM * mm, max(2, longest) * self.line) + 2 * self.pad
        self.title_h = metrics(self.title_font).lineSpacing() * 1.8
        self.footer_h = self.line * 1.6

    def _dep_name(self, d) -> str:
        return d.short_name or d.name

    def task_width(self, n_deps: int) -> float:
        return self.rect.width() - n_deps * self.dep_w

    def _row_height(self, text: str, width: float) -> float:
        box = self.fm.boundingRect(QRectF(0, 0, width - 2 * self.pad, 1e6),
                                   int(Qt.TextWordWrap | Qt.AlignLeft), text)
        return max(self.line, box.height()) + 2 * self.pad

    def _label(self, row) -> str:
        return "\u3000" * row.depth + row.label

    def paginate(self, rect: QRectF, dpi: float, device=None) -> list[Page]:
        self._setup(rect, dpi, device)
        groups = [self.departments[i:i + self.per_page]
                  for i in range(0, len(self.departments), self.per_page)] or [[]]
        pages: list[Page] = []
        total_label = translate("MatrixPrint", "Total (lead or responsible / all)")
        for deps in groups:
            width = self.task_width(len(deps))
            items = [(r, self._row_height(self._label(r), width)) for r in self.model.rows]
            items.append((None, self._row_height(total_label, width)))
            page = Page(departments=deps, first=True)
            room = self._room(page)
            for row, height in items:
                if page.rows and height > room:
                    pages.append(page)
                    page = Page(departments=deps)
                    room = self._room(page)
                page.rows.append(row)
                page.row_heights.append(height)
                room -= height
            pages.append(page)
        return pages

    def _room(self, page: Page) -> float:
        return self.rect.height() - self.header_h - self.footer_h - \
            (self.title_h if page.first else 0)

    # ---- painting --------------------------------------------------------------------
    def paint(self, painter: QPainter, pages: list[Page], page_index: int) -> None:
        page = pages[page_index]
        r = self.rect
        y = r.top()
        pen = QPen(QColor("#444444"))
        pen.setWidthF(max(1.0, self.dpi / 200))
        painter.setPen(pen)
        if page.first:
            painter.setFont(self.title_font)
            painter.drawText(QRectF(r.left(), y, r.width(), self.title_h), Qt.AlignCenter,
                             self.title)
            y += self.title_h
        width = self.task_width(len(page.departments))
        x0 = r.left()
        # Header: the task column's name, then the departments written top to bottom.
        painter.setFont(self.bold)
        self._cell(painter, QRectF(x0, y, width, self.header_h),
                   translate("MatrixPrint", "Task"), Qt.AlignCenter)
        for i, d in enumerate(page.departments):
            box = QRectF(x0 + width + i * self.dep_w, y, self.dep_w, self.header_h)
            painter.drawRect(box)
            self._vertical(painter, box, self._dep_name(d))
        y += self.header_h
        for row, height in zip(page.rows, page.row_heights):
            if row is None:
                self._totals(painter, page, x0, y, width, height)
            else:
                painter.setFont(self.bold if row.depth == 0 else self.font)
                self._cell(painter, QRectF(x0, y, width, height), self._label(row),
                           Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap)
                painter.setFont(self.font)
                for i, d in enumerate(page.departments):
                    box = QRectF(x0 + width + i * self.dep_w, y, self.dep_w, height)
                    code = self.model.cells.get((row.id, d.id))
                    if code:
                        bg, fg = ROLE_COLORS[code]
                        painter.fillRect(box, QColor(bg))
                        painter.save()
                        painter.setPen(QColor(fg))
                        painter.drawText(box, Qt.AlignCenter, role_short(code))
                        painter.restore()
                    painter.drawRect(box)
            y += height
        painter.setFont(self.font)
        footer = translate("MatrixPrint", "Page {n} of {total}").format(
            n=page_index + 1, total=len(pages))
        painter.drawText(QRectF(r.left(), r.bottom() - self.footer_h, r.width(), self.footer_h),
                         Qt.AlignCenter | Qt.AlignBottom, footer)

    def _cell(self, painter, box: QRectF, text: str, align) -> None:
        painter.drawRect(box)
        painter.drawText(box.adjusted(self.pad, self.pad, -self.pad, -self.pad), int(align), text)

    def _vertical(self, painter, box: QRectF, name: str) -> None:
        """One character a line, centred; a name longer than the header ends in “…”."""
        fits = max(1, int((box.height() - 2 * self.pad) // self.line))
        chars = list(name) if len(name) <= fits else [*name[:fits - 1], "…"]
        top = box.top() + (box.height() - len(chars) * self.line) / 2
        for i, ch in enumerate(chars):
            painter.drawText(QRectF(box.left(), top + i * self.line, box.width(), self.line),
                             Qt.AlignCenter, ch)

    def _totals(self, painter, page: Page, x0: float, y: float, width: float,
                height: float) -> None:
        painter.setFont(self.bold)
        self._cell(painter, QRectF(x0, y, width, height),
                   translate("MatrixPrint", "Total (lead or responsible / all)"),
                   Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap)
        painter.setFont(self.font)
        for i, d in enumerate(page.departments):
            box = QRectF(x0 + width + i * self.dep_w, y, self.dep_w, height)
            t = self.model.totals.get(d.id, {})
            leads = t.get("lead", 0) + t.get("responsible", 0)
            painter.drawRect(box)
            painter.drawText(box, Qt.AlignCenter | Qt.TextWordWrap, f"{leads}/{sum(t.values())}")


def matrix_printer(out_pdf: str | None = None):
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape,
                                      QMarginsF(12, 12, 12, 12), QPageLayout.Millimeter))
    if out_pdf:
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(out_pdf)
    return printer


def render(printer, model: MatrixModel, title: str) -> int:
    """Paint every page on ``printer`` (a preview's or a PDF file's); the page count."""
    layout = MatrixLayout(model, title)
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    painter = QPainter(printer)
    try:
        pages = layout.paginate(QRectF(0, 0, rect.width(), rect.height()),
                                printer.resolution(), printer)
        for i in range(len(pages)):
            if i:
                printer.newPage()
            layout.paint(painter, pages, i)
    finally:
        painter.end()
    return len(pages)


def print_matrix(parent, model: MatrixModel, title: str) -> None:
    """A print preview of the matrix; the clerk prints or saves a PDF from there."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    printer = matrix_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("matrix_print_preview")
    dialog.setWindowTitle(translate("MatrixPrint", "Print responsibility matrix"))
    dialog.paintRequested.connect(lambda p: render(p, model, title))
    dialog.resize(1000, 700)
    dialog.exec()
