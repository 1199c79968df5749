"""Store timings on a 10,000-task workspace (300 departments, ~50,000 assignments).

Prints timings; goals from the foundation issue: adding 10,000 tasks through the domain
API well under 10 s; dumping the workspace under 2 s.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import build  # noqa: E402
from models.dump import dump  # noqa: E402
from models.workspace import Workspace  # noqa: E402


def timed(label: str, fn, goal: float | None = None):
    t0 = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - t0
    verdict = "" if goal is None else (f"  (goal < {goal:g} s: {'ok' if dt < goal else 'SLOW'})")
    print(f"{label:52} {dt:8.3f} s{verdict}")
    return result, dt


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="plandesk-bench-"))
    path = tmp / "big.plandesk"
    timed("build 10,000 tasks/300 depts/50,000 assignments", lambda: build(path), 10)
    ws = Workspace.open(path)
    plan = ws.plans()[0]
    n = ws.one("SELECT count(*) FROM tasks")[0]
    a = ws.one("SELECT count(*) FROM assignments")[0]
    print(f"{'':52} tasks={n} assignments={a} file={path.stat().st_size // 1024} KB")

    def add_batch():
        with ws.operation("添加一万项任务"):
            for i in range(10_000):
                ws.add_task(plan.uuid, f"新增任务{i}")
    _, dt = timed("add_task ×10,000 through the domain API (one op)", add_batch, 10)

    def add_each():
        for i in range(200):
            ws.add_task(plan.uuid, f"逐项任务{i}")
    _, dt = timed("add_task ×200, each its own committed edit", add_each)
    print(f"{'':52} {dt / 200 * 1000:8.2f} ms per committed edit")
    timed("dump (20,000 tasks)", lambda: json.dumps(dump(ws), ensure_ascii=False), 2)
    timed("tasks() preorder list", lambda: ws.tasks(plan.uuid), 0.5)
    timed("numbers() official numbering", lambda: ws.numbers(plan.uuid), 0.5)
    first = ws.tasks(plan.uuid)[5]
    timed("indent one task", lambda: ws.indent_task(ws.tasks(plan.uuid)[6].uuid))
    timed("undo", ws.undo, 0.1)
    timed("delete a section (subtree with thousands)", lambda: ws.delete_task(ws.children(plan.uuid)[0].uuid))
    timed("undo the section delete", ws.undo, 2)
    timed("backup", lambda: ws.bulk_backup("bench"), 2)
    ws.close()
    t0 = time.perf_counter()
    Workspace.open(path).close()
    print(f"{'open (header check, quick_check, lock)':52} {time.perf_counter() - t0:8.3f} s")
    del first


if __name__ == "__main__":
    main()
