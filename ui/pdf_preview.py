"""Print preview inside the window: a PDF's pages shown as pictures, with Print, Open and
Open folder.

The pages are drawn by PDFium (pypdfium2, a dependency the importer reads PDFs with, so it
is there wherever PlanDesk runs, the frozen build included). Qt's own PDF module is not in
the PySide6-Essentials wheel, and poppler's ``pdftoppm`` is not on a clerk's Windows PC:
neither is used. A PDF that cannot be read falls back to the system's PDF viewer.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from . import open_file

PREVIEW_DPI = 80
PRINT_DPI = 200


def page_images(pdf: Path, dpi: int = PREVIEW_DPI) -> list[QImage] | None:
    """Every page of ``pdf`` as an image, or None when the file cannot be read as a PDF."""
    import pypdfium2
    try:
        doc = pypdfium2.PdfDocument(str(pdf))
    except (pypdfium2.PdfiumError, OSError):
        return None
    try:
        images = []
        for page in doc:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)   # RGB(A) byte order
            mode = QImage.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format_RGB888
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, mode)
            images.append(image.copy())       # the bitmap's memory goes with the page
            page.close()
        return images or None
    finally:
        doc.close()


class PdfPreview(QDialog):
    def __init__(self, pdf: Path, images: list[QImage], title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.pdf = Path(pdf)
        self.setWindowTitle(title)
        self.resize(900, 820)
        pages = QWidget()
        pages.setStyleSheet("background: #808080;")
        column = QVBoxLayout(pages)
        column.setSpacing(12)
        self.page_labels = []
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignHCenter)
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setObjectName("pdf_pages")
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.info = QLabel(self.tr("{n} pages — {file}").format(n=len(images), file=self.pdf.name))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("pdf_print")
        self.open_button = QPushButton(self.tr("Open in the PDF viewer"))
        self.folder_button = QPushButton(self.tr("Open its folder"))
        for b in (self.print_button, self.open_button, self.folder_button):
            buttons.addButton(b, QDialogButtonBox.ActionRole)
        self.print_button.clicked.connect(self.print_pages)
        self.open_button.clicked.connect(lambda: open_file.open_path(self.pdf))
        self.folder_button.clicked.connect(lambda: open_file.open_folder(self.pdf))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def print_pages(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        printer = QPrinter(QPrinter.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.Accepted:
            return
        print_images(printer, page_images(self.pdf, PRINT_DPI) or [])


def print_images(printer, images: list[QImage]) -> None:
    """Each image on its own page, fitted to the page with its proportions."""
    painter = QPainter(printer)
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            scale = min(page.width() / image.width(), page.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((page.width() - w) / 2, 0, w, h), image)
    finally:
        painter.end()


def show_pdf(parent, pdf: Path, title: str) -> bool:
    """Show ``pdf`` in the preview; False when its pages cannot be drawn here."""
    images = page_images(Path(pdf))
    if not images:
        return False
    PdfPreview(Path(pdf), images, title, parent).exec()
    return True
