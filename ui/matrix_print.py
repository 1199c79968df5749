"""Printing the responsibility matrix (QtPrintSupport): what is shown, on landscape A4.

Only the departments with a role in the shown rows are printed, so the sheet stays
readable; the clerk narrows it further with the section and department filters.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument

from .matrix_model import ROLE_COLORS, MatrixModel

translate = QCoreApplication.translate


def matrix_html(model: MatrixModel, title: str) -> str:
    shown = {r.id for r in model.rows}
    deps = [d for d in model.departments
            if any((t, d.id) in model.cells for t in shown)]
    esc = html.escape
    from .labels import role_short
    head = "".join(f"<th>{esc(d.short_name or d.name)}</th>" for d in deps)
    task_label = esc(translate("MatrixPrint", "Task"))
    total_label = esc(translate("MatrixPrint", "Total (lead/all)"))
    out = [f"<h3 style='text-align:center'>{esc(title)}</h3>",
           "<table border='1' cellspacing='0' cellpadding='3' width='100%' "
           "style='border-collapse:collapse; font-size:9pt'>",
           f"<tr><th>{task_label}</th>{head}</tr>"]
    for r in model.rows:
        cells = []
        for d in deps:
            code = model.cells.get((r.id, d.id))
            if code:
                bg, fg = ROLE_COLORS[code]
                cells.append(f"<td align='center' style='background:{bg}; color:{fg}'>"
                             f"{esc(role_short(code))}</td>")
            else:
                cells.append("<td></td>")
        label = "&#12288;" * r.depth + esc(r.label)
        bold = " style='font-weight:bold'" if r.depth == 0 else ""
        out.append(f"<tr><td{bold}>{label}</td>{''.join(cells)}</tr>")
    totals = "".join(f"<td align='center'>{model.totals.get(d.id, {}).get('lead', 0)}/"
                     f"{sum(model.totals.get(d.id, {}).values())}</td>" for d in deps)
    out.append(f"<tr><th>{total_label}</th>{totals}</tr>")
    out.append("</table>")
    return "\n".join(out)


def print_matrix(parent, model: MatrixModel, title: str) -> None:
    """A print preview of the matrix; the clerk prints or saves a PDF from there."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape,
                                      QMarginsF(12, 12, 12, 12), QPageLayout.Millimeter))
    doc = QTextDocument()
    doc.setHtml(matrix_html(model, title))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("MatrixPrint", "Print responsibility matrix"))
    dialog.paintRequested.connect(doc.print_)
    dialog.resize(1000, 700)
    dialog.exec()
