"""The Excel exchange side by side with the bare libraries doing the same work in the same run.

    .venv/bin/python benchmarks/bench_xlsx.py [--quick] [--keep]

Prints one line per goal (``ratio NAME: X (goal Y)``, ``rate NAME: X (goal >= Y)``):

* consolidate_read — reading and checking the returns of a round (``read_return``)
  against python-calamine reading the same sheets of the same files (goal 2);
* rollup_write — writing the 汇总 workbook against XlsxWriter (constant memory) writing
  the same cells with the same formats (goal 1.2);
* consolidate_rows — rows per second of the whole 汇总, read, apply and roll-up (goal ≥ 15,000);
* import_20k_time / import_20k_memory — one return of 20,000 rows against openpyxl
  read_only reading its values (goal 1.5), and its peak memory above the process's
  baseline against 80 MB (goal 1);
* export — the exchange export against XlsxWriter writing the same cells with the same
  protection, validation and formats (goal 1.2).

Default: 300 returns of about 200 rows (60,000 rows); --quick: 30 returns.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import build  # noqa: E402
from models.workspace import Workspace  # noqa: E402
from reports.xlsx import consolidate, export_exchange, export_for_departments  # noqa: E402
from reports.xlsx.consolidate import build_rollup  # noqa: E402
from reports.xlsx.exchange_import import PlanView, read_return  # noqa: E402
from reports.xlsx.exchange_layout import CURRENT as LAYOUT  # noqa: E402
from reports.xlsx.rollup import write_rollup  # noqa: E402

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


def cpu(fn):
    """(result, CPU seconds of this process) — ratios of CPU time are steadier on a shared machine."""
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def ratio(name: str, ours: float, floor: float, goal: float, note: str = "") -> None:
    print(f"ratio {name}: {ours / floor:.2f} (goal {goal:g}; {ours:.2f} s against {floor:.2f} s"
          f"{'; ' + note if note else ''})", flush=True)


def calamine_read(paths) -> int:
    from python_calamine import CalamineWorkbook
    rows = 0
    for path in paths:
        wb = CalamineWorkbook.from_path(str(path))
        for name in ("分工及进展", "_plandesk"):
            rows += len(wb.get_sheet_by_name(name).to_python())
    return rows


def rollup_floor(rollup, files, out: Path) -> None:
    """XlsxWriter writing the cells the roll-up holds, with the same formats and heights."""
    import xlsxwriter

    from reports.xlsx import rollup as r
    from reports.xlsx.fast_sheets import _LOOKS
    sheets = {
        "汇总": [[str(i), d, 0, 0, 0, 0, 0, "", rollup.state(d)] for i, d in enumerate(rollup.departments, 1)],
        "任务汇总": [[row.number, row.title, row.lead, "", "", "", "", ""] for row in rollup.rows
                  if not row.section and rollup.task_state(row)["status"]],
        "未报送单位": [[str(i), d, 0, 0] for i, d in enumerate(rollup.missing, 1)],
        "进展明细": list(r.detail_lines(rollup)),
        "导入情况": [[f["file"], f.get("department", ""), f["status"], 0, 0, ""] for f in files],
    }
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    fmt = book.add_format({**_LOOKS["pd_body"], "font_charset": 134})
    for name, lines in sheets.items():
        s = book.add_worksheet(name)
        for i, line in enumerate(lines, 3):
            s.set_row(i, 20)
            for c, v in enumerate(line):
                if isinstance(v, (int, float)):
                    s.write_number(i, c, v, fmt)
                else:
                    s.write_string(i, c, v or "", fmt)
    book.close()


def export_floor(book_cells, out: Path) -> None:
    """XlsxWriter writing an exchange workbook's cells (the title lines, the header, the
    rows and the metadata sheet as read back from the export): protection, validation,
    formats."""
    import xlsxwriter
    top, rows, meta = book_cells
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    locked = book.add_format({"border": 1, "text_wrap": True, "font_name": "仿宋_GB2312"})
    free = book.add_format({"border": 1, "text_wrap": True, "locked": False, "bg_color": "#FFF9E5"})
    s = book.add_worksheet("分工及进展")
    for i, w in enumerate(LAYOUT.widths):
        s.set_column(i, i, w, None, {"hidden": LAYOUT.columns[i].hidden})
    for r, line in enumerate(top[:3]):
        s.merge_range(r, 0, r, 16, str(line[0] or ""), locked)
    for c, v in enumerate(top[3]):
        s.write_string(3, c, str(v or ""), locked)
    for r, row in enumerate(rows, 4):
        s.set_row(r, 24)
        for c, v in enumerate(row):
            s.write_string(r, c, str(v or ""), free if LAYOUT.columns[c].field else locked)
    s.data_validation(4, 8, 4 + len(rows), 8, {"validate": "list", "source": ["未启动", "推进中", "已完成"]})
    s.data_validation(4, 10, 4 + len(rows), 10, {"validate": "decimal", "criteria": "between",
                                                  "minimum": 0, "maximum": 100})
    s.protect()
    hidden = book.add_worksheet("_plandesk")
    for r, line in enumerate(meta):
        for c, v in enumerate(line):
            hidden.write_string(r, c, str(v if v is not None else ""))
    hidden.very_hidden()
    book.close()


def exported_cells(path: Path):
    """(title and header lines, task rows, metadata lines) of an exported workbook."""
    book = openpyxl.load_workbook(path, read_only=True)
    lines = [list(r) for r in book["分工及进展"].iter_rows(values_only=True)]
    meta = [list(r) for r in book["_plandesk"].iter_rows(values_only=True)]
    return lines[:4], lines[4:], meta


def memory_of_one_return(ws_path: Path, path: Path) -> float:
    """MB that reading one return takes above the process's resident size before it (its
    peak, VmHWM, against VmRSS just before), in a fresh process."""
    code = ("import sys; sys.path.insert(0, %r)\n"
            "def kb(key):\n"
            "    line = next(l for l in open('/proc/self/status') if l.startswith(key))\n"
            "    return int(line.split()[1])\n"
            "from models.workspace import Workspace\n"
            "from reports.xlsx.exchange_import import read_return\n"
            "ws = Workspace.open(%r, readonly=True)\n"
            "open('/proc/self/clear_refs', 'w').write('5')\n"
            "base = kb('VmRSS')\n"
            "r = read_return(ws, %r)\n"
            "print((kb('VmHWM') - base) / 1024, len(r.errors))\n"
            % (str(ROOT), str(ws_path), str(path)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def main(quick: bool = False, keep: bool = False) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench_xlsx_"))
    count = 30 if quick else 300
    # ~200 rows per department; the whole plan is the one large return (20k rows in full).
    tasks = 5000 if quick else 20_000
    start = time.perf_counter()
    path = build(folder / "bench.plandesk", tasks=tasks, departments=count,
                 assignments=count * 200)
    ws = Workspace.open(path)
    plan = ws.plans()[0]
    print(f"  built a {tasks}-task plan, {count} departments in {time.perf_counter() - start:.1f} s",
          flush=True)

    # Export: the whole plan, side by side with XlsxWriter writing the same cells.
    whole = folder / "whole.xlsx"
    result, ours = cpu(lambda: export_exchange(ws, plan.uuid, ROUND, whole))
    book_cells = exported_cells(whole)
    cells = book_cells[1]
    _, floor = cpu(lambda: export_floor(book_cells, folder / "floor-export.xlsx"))
    ratio("export", ours, floor, 1.2, f"{result['rows']} rows")

    # One return of the whole plan, as large as a round gets.
    rng = random.Random(1)
    big = folder / "whole-back.xlsx"
    fill_return(whole, big, rng)
    _, ours = cpu(lambda: read_return(ws, big))
    _, floor = cpu(lambda: sum(1 for _ in openpyxl.load_workbook(big, read_only=True)["分工及进展"]
                               .iter_rows(values_only=True)))
    ratio(f"import_{len(cells) // 1000}k_time", ours, floor, 1.5)
    mb = memory_of_one_return(path, big)
    print(f"ratio import_{len(cells) // 1000}k_memory: {mb / 80:.2f} (goal 1; {mb:.0f} MB above the "
          "baseline, budget 80 MB)", flush=True)

    # A round: every department's return.
    sent = export_for_departments(ws, plan.uuid, ROUND, folder)
    backs = []
    for i, s in enumerate(sent):
        back = folder / f"back_{i:03d}.xlsx"
        fill_return(Path(s["path"]), back, rng)
        backs.append(back)
    print(f"  {len(backs)} returns filled", flush=True)
    rows, floor = cpu(lambda: calamine_read(backs))
    view = PlanView(ws, plan.uuid)
    reports, ours = cpu(lambda: [read_return(ws, b, plan=plan.uuid, round_name=ROUND, view=view)
                                 for b in backs])
    assert not any(r.errors for r in reports), [r.errors[:1] for r in reports if r.errors][:1]
    returned = sum(r.rows for r in reports)
    ratio(f"consolidate_read_{len(backs)}", ours, floor, 2.0, f"{returned} rows")

    summary = folder / "summary.xlsx"
    result, took = cpu(lambda: consolidate(ws, plan.uuid, ROUND, backs, summary))
    statuses = {f["status"] for f in result["files"]}
    print(f"rate consolidate_rows: {returned / took:.0f} (goal >= 15000; {returned} rows in "
          f"{took:.1f} s, files {sorted(statuses)})", flush=True)

    rollup = build_rollup(ws, plan, ROUND)
    _, ours = cpu(lambda: write_rollup(rollup, result["files"], folder / "again.xlsx"))
    _, floor = cpu(lambda: rollup_floor(rollup, result["files"], folder / "floor-rollup.xlsx"))
    ratio("rollup_write", ours, floor, 1.2)
    ws.close()
    if keep:
        print(f"files left in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv, keep="--keep" in sys.argv)
