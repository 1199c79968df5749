"""Timing of the chain: carrying a plan from above and filling the office's template.

    .venv/bin/python benchmarks/bench_chain.py

Goals: carrying a 2,000-task plan under 3 s; filling a 2,000-row template under 3 s and
within 2× of openpyxl's own load + save of the same workbook (the floor: what any edit
of the file through openpyxl would cost, without keeping its images and charts).
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Side

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import plan_tree  # noqa: E402
from models.carry import carry  # noqa: E402
from models.workspace import Workspace  # noqa: E402
from reports.template.fill import fill_template, import_template  # noqa: E402

ROUND = "2025年第三季度"
TASKS = 2000


def higher_and_local(n: int = 120) -> tuple[list[str], list[str]]:
    kinds = ["局", "委", "办", "中心"]
    cores = [f"第{i + 1}{kinds[i % len(kinds)]}" for i in range(n)]
    return [f"市{c}" for c in cores], [f"区{c}" for c in cores]


def template_book(path: Path, tasks: list, rows: int) -> None:
    """A city's template: title, 填报单位, two header rows, bordered data rows, a footnote."""
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "推进情况"
    s["A1"] = "重点任务推进情况表"
    s["A2"] = "填报单位（盖章）："
    for ref, text in {"A3": "序号", "B3": "重点任务", "C3": "牵头单位", "D3": "推进情况",
                      "D4": "进展情况", "E4": "存在问题", "F4": "下一步工作计划"}.items():
        s[ref] = text
    for ref in ("A3:A4", "B3:B4", "C3:C4", "D3:F3"):
        s.merge_cells(ref)
    box = Border(*(Side(style="thin"),) * 4)
    for i, t in enumerate(tasks[:rows]):
        r = 5 + i
        s.cell(r, 1, i + 1)
        s.cell(r, 2, t.title)
        s.cell(r, 3, "")
        for c in range(1, 7):
            s.cell(r, c).border = box
            s.cell(r, c).alignment = Alignment(wrap_text=True, vertical="center")
    s.cell(5 + rows, 1, "注：请于每季度末报送。")
    wb.save(path)


def main() -> None:
    rng = random.Random(3)
    higher, local = higher_and_local()
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.create(Path(folder) / "district.plandesk")
        with ws.operation("建立部门"):
            for name in local:
                ws.add_department(name)
        tree = plan_tree(TASKS, higher, 4 * TASKS)
        city = ws.insert_plan_tree(tree, backup=False)["plan"]
        start = time.perf_counter()
        result = carry(ws, city.uuid, district="历下区")
        took = time.perf_counter() - start
        print(f"carried {result.carried} tasks, {len(result.unmapped)} units unmapped")
        print(f"ms carry_2k: {took * 1000:.0f} (goal 3000)", flush=True)

        plan = result.plan
        ws.add_round(plan.uuid, ROUND)
        deps = {d.name for d in ws.departments()}
        with ws.operation("登记进展"):
            for t in ws.tasks(plan.uuid):
                roles = ws.roles(t.uuid)
                for dep in (roles["lead"] + roles["support"])[:2]:
                    if dep in deps:
                        ws.record_progress(t.uuid, ROUND, dep, status="in_progress",
                                           percent=rng.randint(10, 90), text="已按计划推进。")
        book = Path(folder) / "city.xlsx"
        template_book(book, ws.tasks(city.uuid), TASKS)
        start = time.perf_counter()
        tpl = import_template(ws, book, city.uuid)
        print(f"imported and matched a {TASKS}-row template: "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")

        floor = []
        for _ in range(3):
            start = time.perf_counter()
            openpyxl.load_workbook(book).save(Path(folder) / "resaved.xlsx")
            floor.append(time.perf_counter() - start)
        fills = []
        for i in range(3):
            start = time.perf_counter()
            filled = fill_template(ws, tpl["uuid"], ROUND, Path(folder) / f"filled{i}.xlsx")
            fills.append(time.perf_counter() - start)
        print(f"filled {filled['cells']} cells: {min(fills) * 1000:.0f} ms; "
              f"openpyxl load+save {min(floor) * 1000:.0f} ms")
        print(f"ms template_fill_2k: {min(fills) * 1000:.0f} (goal 3000)")
        print(f"ratio template_fill_2k: {min(fills) / min(floor):.2f} (goal 2.0)")
        ws.close()


if __name__ == "__main__":
    main()
