"""Scanned pages and images -> lines, by offline text recognition (OCR) when installed.

The recogniser is the optional extra ``ocr`` (rapidocr-onnxruntime: its detection and
recognition models ship inside the wheel, so nothing is downloaded at run time). Without
it a scan is refused with a line saying what it is and how to enable recognition.
Recognised boxes on one baseline become one line, in PDF points, so ``page_lines`` joins
and cleans them like the lines of a text PDF; boxes that line up in columns become a table
(``ocr_tables``), as the ruled tables of a text PDF do.
"""
from __future__ import annotations

import atexit
import gc
import importlib.util
import os
from functools import cache

from .ocr_tables import split_tables
from .page_lines import Line

OCR_PACKAGE = "rapidocr_onnxruntime"
INSTALL_COMMAND = 'pip install "plandesk[ocr]"'
OCR_DPI = 150
MAX_OCR_PAGES = 60


def ocr_available() -> bool:
    return importlib.util.find_spec(OCR_PACKAGE) is not None


# OpenCV (under the recogniser) points Qt at its own Qt 5 plug-ins when imported; the
# window's Qt, and any program started later, must not see that
_QT_ENV = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR", "LD_LIBRARY_PATH")


@cache
def _engine():
    atexit.register(_release)
    saved = {key: os.environ.get(key) for key in _QT_ENV}
    try:
        from rapidocr_onnxruntime import RapidOCR
        return RapidOCR()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _release() -> None:
    """Let the recogniser (onnxruntime's sessions and threads) go at exit, while the
    libraries it uses are still there, rather than during the interpreter's teardown."""
    _engine.cache_clear()
    gc.collect()


def recognise_page(image, page: int, scale: float = 1.0) -> tuple[list[Line], list]:
    """(text lines, tables) of a PIL image, coordinates in points (pixels / ``scale``);
    a table is (top, rows of cell texts), rebuilt from the boxes' places (``ocr_tables``)."""
    import numpy as np
    result, _ = _engine()(np.asarray(image.convert("RGB")))
    boxes = []
    for box, text, _score in result or []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        boxes.append((min(ys) / scale, max(ys) / scale, min(xs) / scale, max(xs) / scale, text))
    height = image.height / scale
    rest, tables = split_tables(baselines_of(boxes))
    lines = [Line(page, "".join(b[4] for b in items), items[0][2], items[-1][3], top, bottom, height)
             for top, bottom, items in rest]
    return lines, tables


def baselines_of(boxes: list) -> list:
    """Boxes (top, bottom, x0, x1, text) that overlap vertically by more than half are one
    baseline: (top, bottom, its boxes left to right), top to bottom."""
    lines: list[list] = []
    for box in sorted(boxes):
        top, bottom = box[0], box[1]
        if lines:
            ltop, lbottom = lines[-1][0], lines[-1][1]
            overlap = min(bottom, lbottom) - max(top, ltop)
            if overlap > 0.5 * min(bottom - top, lbottom - ltop):
                lines[-1][0], lines[-1][1] = min(top, ltop), max(bottom, lbottom)
                lines[-1][2].append(box)
                continue
        lines.append([top, bottom, [box]])
    return [(top, bottom, sorted(items, key=lambda b: b[2])) for top, bottom, items in lines]


def render_page(document, index: int):
    """A PDF page as a PIL image at the recognition resolution, and its scale."""
    scale = OCR_DPI / 72
    page = document[index]
    try:
        return page.render(scale=scale).to_pil(), scale
    finally:
        page.close()
