"""The installable build: its size, and its start-up against the source run's.

Both start the demo and paint the window to a PNG (``--demo --screenshot``), in fresh
processes, three times each; the best time counts. Needs ``python3 dev.py build`` first.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "PlanDesk"


def best_start(cmd: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, QT_QPA_PLATFORM="offscreen")
            started = time.perf_counter()
            subprocess.run([*cmd, "--demo", "--screenshot", str(Path(tmp, "s.png"))], env=env,
                           cwd=ROOT, check=True, capture_output=True, timeout=300)
            best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    exe = BUNDLE / ("PlanDesk.exe" if os.name == "nt" else "PlanDesk")
    if not exe.exists():
        print("bundle: not built (python3 dev.py build)")
        return 0
    size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file()) / 2**20
    frozen = best_start([str(exe)])
    source = best_start([sys.executable, "main.py"])
    print(f"bundle: {size:.0f} MB in dist/PlanDesk")
    print(f"ms start_bundle: {frozen * 1000:.0f} (source {source * 1000:.0f})")
    print(f"ratio start_bundle_vs_source: {frozen / source:.2f} (goal 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
