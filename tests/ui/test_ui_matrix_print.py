"""The printed responsibility matrix: a wide task column, every row whole, few pages."""
from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402

from ui.matrix_model import MatrixFilter, MatrixModel  # noqa: E402
from ui.matrix_print import MatrixLayout, matrix_printer, render  # noqa: E402
from ui.tree_model import TaskTreeModel  # noqa: E402

DPI = 300
A4_LANDSCAPE = QRectF(0, 0, (297 - 24) / 25.4 * DPI, (210 - 24) / 25.4 * DPI)


def build(ws, sections: int, per_section: int, departments: int, long_text: bool):
    names = [f"区第{i + 1}局" if i % 3 else f"区发展和改革第{i + 1}局" for i in range(departments)]
    for n in names:
        ws.add_department(n)
    plan = ws.add_plan("测试计划")
    k = 0
    for s in range(sections):
        sec = ws.add_task(plan.uuid, f"第{s + 1}部分重点任务")
        for _t in range(per_section):
            title = (f"推进第{k}项重点工作，完善工作机制，强化协同联动，确保按期完成目标任务"
                     if long_text else f"任务{k}")
            task = ws.add_task(plan.uuid, title, parent=sec.uuid)
            ws.assign(task.uuid, names[k % departments], "lead")
            ws.assign(task.uuid, names[(k + 3) % departments], "support")
            ws.assign(task.uuid, names[(k + 5) % departments], "responsible")
            k += 1
    return plan.uuid


def matrix(session, plan):
    tree = TaskTreeModel(session)
    tree.set_plan(plan)
    model = MatrixModel(session, tree)
    model.set_filter(MatrixFilter(used_only=True))
    return model


@pytest.mark.parametrize("sections,per_section,departments,most_pages", [
    (7, 10, 18, 8),      # 77 rows with the section headings, 18 departments
    (4, 4, 12, 1),       # 20 rows × 12 departments: one page
])
def test_layout_keeps_a_wide_task_column_and_whole_rows(session, sections, per_section,
                                                         departments, most_pages):
    plan = build(session.ws, sections, per_section, departments, long_text=True)
    model = matrix(session, plan)
    layout = MatrixLayout(model, "责任分工")
    pages = layout.paginate(A4_LANDSCAPE, DPI)
    assert len(pages) <= most_pages
    assert len(layout.departments) == departments
    printed = [r for p in pages for r in p.rows if r is not None]
    assert [r.id for r in printed] == [r.id for r in model.rows]       # each row once, in order
    assert sum(r is None for p in pages for r in p.rows) == 1           # one totals row
    for p in pages:
        width = layout.task_width(len(p.departments))
        assert width >= A4_LANDSCAPE.width() / 3                        # not one character wide
        used = sum(p.row_heights) + layout.header_h + layout.footer_h + \
            (layout.title_h if p.first else 0)
        assert used <= A4_LANDSCAPE.height() + 0.5                       # no row cut at the edge


def test_departments_beyond_the_width_go_to_further_pages(session):
    plan = build(session.ws, 4, 10, 40, long_text=False)
    layout = MatrixLayout(matrix(session, plan), "责任分工")
    pages = layout.paginate(A4_LANDSCAPE, DPI)
    groups = [tuple(d.id for d in p.departments) for p in pages]
    assert len(set(groups)) >= 2
    assert sorted({d for g in set(groups) for d in g}) == sorted(d.id for d in layout.departments)


def test_pdf_has_the_pages_of_the_layout(session, tmp_path):
    plan = build(session.ws, 7, 10, 18, long_text=True)
    model = matrix(session, plan)
    out = tmp_path / "matrix.pdf"
    n = render(matrix_printer(str(out)), model, "责任分工")
    data = out.read_bytes()
    assert 1 < n <= 8
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == n
