"""Timing of the Excel exchange (prints; asserts nothing).

    .venv/bin/python benchmarks/bench_xlsx.py [--quick] [--keep]

--quick consolidates 10 returns instead of 100; --keep leaves the files to look at.

Goals: a 5,000-task division table exported and imported back in under 5 s each;
100 returned workbooks of 200 rows each consolidated in under 20 s.
"""
from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import build, department_names  # noqa: E402
from models.dump import plan_dict  # noqa: E402
from models.workspace import Workspace  # noqa: E402
from reports.xlsx.exchange_layout import CURRENT as LAYOUT  # noqa: E402
from reports.xlsx import (apply_return, consolidate, export_exchange, read_return,  # noqa: E402
                          render_division_table_xlsx)

ROUND = "2025年第四季度"
STATUSES = ["未启动", "推进中", "已完成"]


def fill_return(src: Path, dst: Path, rng: random.Random) -> int:
    """Fill every editable row as a department would; returns the rows filled."""
    wb = openpyxl.load_workbook(src)
    sheet = wb["分工及进展"]
    text, status_at, percent_at = (LAYOUT.index[k] - 1 for k in ("progress", "status", "percent"))
    n = 0
    for row in sheet.iter_rows(min_row=5):
        if row[text].protection.locked:
            continue
        status = rng.choice(STATUSES)
        row[text].value = f"已按计划推进，完成阶段性任务{rng.randint(1, 99)}项。"
        row[status_at].value = status
        row[percent_at].value = 100 if status == "已完成" else (
            0 if status == "未启动" else rng.randint(10, 90))
        n += 1
    wb.save(dst)
    return n


def timed(label: str, fn, goal: float | None = None):
    start = time.perf_counter()
    result = fn()
    took = time.perf_counter() - start
    verdict = "" if goal is None else (f"  (goal < {goal:g} s: {'met' if took < goal else 'MISSED'})")
    print(f"{label:58} {took:7.2f} s{verdict}", flush=True)
    return result


def main(quick: bool = False, keep: bool = False) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench_xlsx_"))
    # 5,000 tasks, 100 departments, ~20,000 assignments: ~200 rows per department.
    path = timed("build a 5,000-task plan, 100 departments (synthetic.py)",
                 lambda: build(folder / "bench.plandesk", tasks=5000, departments=100,
                               assignments=20_000))
    departments = department_names(100)
    ws = Workspace.open(path)
    plan = ws.plans()[0]
    print(f"  tasks: {len(ws.tasks(plan.uuid))}")

    data = plan_dict(ws, plan.uuid)
    timed("render the division table (.xlsx)",
          lambda: render_division_table_xlsx(data, folder / "table.xlsx"), 5)
    whole = folder / "whole.xlsx"
    result = timed("export the whole plan as one exchange workbook",
                   lambda: export_exchange(ws, plan.uuid, ROUND, whole), 5)
    print(f"  rows: {result['rows']}, to fill in: {result['editable']}, "
          f"{whole.stat().st_size // 1024} KB")
    rng = random.Random(1)
    filled = timed("(fill it in with openpyxl, as a department would)",
                   lambda: fill_return(whole, folder / "whole_back.xlsx", rng))
    report = timed("read the return back (validate every cell, diff)",
                   lambda: read_return(ws, folder / "whole_back.xlsx"), 5)
    print(f"  rows filled: {filled}, changes: {len(report.changes)}, errors: {len(report.errors)}")
    timed("apply it (one backup, one operation)", lambda: apply_return(ws, report), 5)

    count = 10 if quick else 100
    sent = []

    def export_all():
        for i, name in enumerate(departments[:count]):
            out = folder / f"sent_{i:03d}.xlsx"
            export_exchange(ws, plan.uuid, ROUND, out, department=name)
            sent.append(out)
    timed(f"export {count} department workbooks", export_all)
    backs = []

    def fill_all():
        for i, path in enumerate(sent):
            back = folder / f"back_{i:03d}.xlsx"
            fill_return(path, back, rng)
            backs.append(back)
    timed(f"(fill {count} returns with openpyxl)", fill_all)
    rows = openpyxl.load_workbook(backs[0], read_only=True)["分工及进展"].max_row
    print(f"  rows per return: about {rows - 4}")
    result = timed(f"consolidate {count} returns (validate, apply, roll-up)",
                   lambda: consolidate(ws, plan.uuid, ROUND, backs, folder / "summary.xlsx"),
                   20 if count == 100 else None)
    statuses = {}
    for f in result["files"]:
        statuses[f["status"]] = statuses.get(f["status"], 0) + 1
    print(f"  files: {statuses}, missing departments: {len(result['missing'])}")
    ws.close()
    if keep:
        print(f"files left in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv, keep="--keep" in sys.argv)
