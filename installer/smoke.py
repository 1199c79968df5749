"""Run the frozen PlanDesk (not the source) through a clerk's first steps, offline.

Opens the demo and writes a screenshot, imports a seed plan, renders a notice and a
workbook, and exits 0 only when each step worked and its file reads back. Run without a
network where the machine allows it (``unshare -n``), so a resource fetched at run time
fails here rather than on an office PC.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resources" / "samples" / "huaiyin_2022_ip_county_work_plan_notice.txt"


def _offline_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def smoke(exe: Path) -> int:
    exe = exe.resolve()
    prefix = _offline_prefix()
    print(f"[smoke] {exe} ({'offline' if prefix else 'network not isolated'})", flush=True)
    with tempfile.TemporaryDirectory(prefix="plandesk-smoke-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(HOME=str(work), QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"))
        ws, notice, table, shot = work / "区.plandesk", work / "通知.docx", work / "分工表.xlsx", work / "demo.png"
        steps = [
            ("demo window", ["--demo", "--screenshot", str(shot)], shot),
            ("import a seed", ["import", str(ws), str(SEED)], ws),
            ("render a notice", ["render", "notice", str(ws), "--out", str(notice),
                                 "--doc-number", "济槐政字〔2025〕3号", "--date", "2025-03-01"], notice),
            ("render a workbook", ["render", "table", str(ws), "--out", str(table)], table),
            ("dump", ["dump", str(ws)], None),
        ]
        for name, args, out in steps:
            started = time.monotonic()
            done = subprocess.run(prefix + [str(exe), *args], env=env, cwd=work,
                                  capture_output=True, text=True, timeout=300)
            seconds = time.monotonic() - started
            problem = _check(done, out)
            print(f"[smoke] {name}: {'ok' if not problem else 'FAILED'} ({seconds:.1f} s)", flush=True)
            if problem:
                print(problem, file=sys.stderr)
                return 1
    return 0


def _check(done: subprocess.CompletedProcess, out: Path | None) -> str:
    if done.returncode != 0:
        return f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    if out is None:
        return "" if '"plandesk.dump/' in done.stdout else "dump printed no workspace"
    if not out.exists() or out.stat().st_size == 0:
        return f"{out.name} was not written"
    if out.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(out) as z:
            part = "word/document.xml" if out.suffix == ".docx" else "xl/workbook.xml"
            if part not in z.namelist():
                return f"{out.name} has no {part}"
    if out.suffix == ".png" and out.stat().st_size < 20_000:
        return f"{out.name} is nearly empty ({out.stat().st_size} bytes)"
    return ""


if __name__ == "__main__":
    sys.exit(smoke(Path(sys.argv[1])))
