"""Start-up: from a fresh process to the painted main window, against a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup.py [--runs N]

Each start is its own process (the floor too): the floor imports PySide6 and paints a
QMainWindow holding a QTreeView; PlanDesk starts as ``main.py --demo`` does (the demo
workspace, the window painted) and as ``main.py WS`` does on an existing workspace. The
figure is the child's CPU time (user + system, the measure least disturbed by other work
on the machine), median of N runs taken in turn; wall times are printed beside it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)

FLOOR = f"""
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QTreeView())
w.resize(*{SIZE!r})
w.show()
app.processEvents()
w.grab()
"""

PLANDESK = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.app import start_gui
demo = sys.argv[1] == "demo"
app, window, _tr = start_gui(demo=demo, workspace=None if demo else sys.argv[2],
                             persist=False)
window.resize(*{SIZE!r})
window.show()
app.processEvents()
window.grab()
assert window.session.ws is not None and window.breakdown.model.task_count() > 0
"""

# The process ends as soon as the window is painted: teardown is not start-up.
END = "\nimport os, sys\nsys.stdout.flush()\nos._exit(0)\n"


def run_child(code: str, args: list[str], env: dict) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code + END, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode}): {err}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="plandesk-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_CONFIG_HOME=str(folder / "config"), PLANDESK_LOG_DIR=str(folder / "log"),
               PLANDESK_CACHE_DIR=str(folder / "cache"))
    # An installed PlanDesk starts from compiled modules: let the first start write them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # An existing workspace: the demo's content, as a clerk's file.
    sys.path.insert(0, str(ROOT))
    from reports.demo import build_demo
    workspace = build_demo(folder / "办公室.plandesk")
    # The first demo start of a PlanDesk version builds the demo once (into the cache).
    cpu, wall = run_child(PLANDESK, ["demo"], env)
    print(f"first demo start (builds the demo once per version)   {cpu:6.2f} s CPU, {wall:6.2f} s")

    kinds = {"floor": (FLOOR, []), "demo": (PLANDESK, ["demo"]),
             "workspace": (PLANDESK, ["workspace", str(workspace)])}
    cpu_times: dict[str, list[float]] = {k: [] for k in kinds}
    wall_times: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(args.runs):
        for kind, (code, child_args) in kinds.items():
            cpu, wall = run_child(code, child_args, env)
            cpu_times[kind].append(cpu)
            wall_times[kind].append(wall)
    med = {k: statistics.median(v) for k, v in cpu_times.items()}
    for kind in kinds:
        print(f"{kind:10} CPU {med[kind]:6.3f} s  wall {statistics.median(wall_times[kind]):6.3f} s"
              f"  (runs: {', '.join(f'{t:.2f}' for t in cpu_times[kind])})")
    for name, kind, goal in (("startup_demo", "demo", 2.0), ("startup_workspace", "workspace", 1.5)):
        ratio = med[kind] / med["floor"]
        print(f"ratio {name}: {ratio:.2f} (goal {goal})")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
