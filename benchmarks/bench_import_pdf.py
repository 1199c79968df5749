"""Text PDF import against the PDF library's own text extraction of the same file.

A 200-page plan PDF is made once by LibreOffice from a synthetic Word plan (the forms of
``bench_import.synthetic_plan``: 一、/（一）/1. with responsibility notes, deadlines and
targets; two-character first-line indents, so every paragraph wraps over several lines).
The project's figure is ``parse_file`` on it: text layer, furniture, joined paragraphs,
tables, the whole plan (the time of reading the pages alone is printed beside it). The floor is PDFium's text of every page (``get_text_range``), the
least any reader of this file does. CPU time in the same run, floor and project in turns,
the least of three runs of each; one line per goal::

    ms import_pdf_200p: X (goal 5000)
    ratio import_pdf_200p: X (goal 2.0)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_import import synthetic_plan  # noqa: E402
from reports.importer import parse_file  # noqa: E402
from reports.importer.containers.pdf import read_pdf  # noqa: E402
from reports.pdf import available, convert_to_pdf  # noqa: E402

PAGES = 200
GOAL_MS, GOAL_RATIO = 5000, 2.0
ROUNDS = 3


def plan_pdf(folder: Path, tasks: int) -> Path:
    import docx
    from docx.shared import Pt
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.paragraph_format.first_line_indent = Pt(32)
    for line in synthetic_plan(tasks).split("\n"):
        document.add_paragraph(line)
    source = folder / "plan.docx"
    document.save(source)
    return convert_to_pdf(source, folder / "plan.pdf", timeout=600)


def pages(path: Path) -> int:
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def library_text(path: Path) -> int:
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(str(path))
    chars = 0
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    return chars


def cpu(fn, *args):
    started = time.process_time()
    result = fn(*args)
    return time.process_time() - started, result


def main() -> None:
    if not available():
        print("import_pdf_200p: skipped (LibreOffice makes the benchmark's PDF)")
        return
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folder = Path(tmp)
        tasks = 1900
        pdf = plan_pdf(folder, tasks)
        count = pages(pdf)
        if count < PAGES:      # one more try, scaled to the pages one run gave
            tasks = int(tasks * PAGES / count) + 50
            pdf = plan_pdf(folder, tasks)
            count = pages(pdf)
        library_text(pdf)      # all runs with the file in the page cache
        # floor and project in turns, the least CPU time of each: other work on the
        # machine inflates single runs, and alike for both only when they alternate
        base = reading = spent = float("inf")
        for _ in range(ROUNDS):
            took, chars = cpu(library_text, pdf)
            base = min(base, took)
            took, _ = cpu(read_pdf, pdf, pdf.name)
            reading = min(reading, took)
            took, plan = cpu(parse_file, pdf)
            spent = min(spent, took)
    made = sum(1 for _ in _walk(plan["tasks"]))
    print(f"import_pdf_200p: {count} pages, {made} tasks in {spent:.2f} s CPU (reading the pages "
          f"into paragraphs and tables {reading:.2f} s); PDFium text ({chars} characters) {base:.2f} s")
    print(f"ms import_pdf_200p: {spent * 1000:.0f} (goal {GOAL_MS})")
    print(f"ratio import_pdf_200p: {spent / base:.1f} (goal {GOAL_RATIO})")


def _walk(tasks):
    for task in tasks:
        yield task
        yield from _walk(task["children"])


if __name__ == "__main__":
    main()
