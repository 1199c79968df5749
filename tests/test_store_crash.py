"""Power cuts: a child process editing the workspace is killed with SIGKILL at random moments.

After every kill the file passes PRAGMA integrity_check and holds every edit the child had
reported committed.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from models.workspace import Workspace
    ws = Workspace.open({path!r})
    plan = ws.plans()[0]
    start = int(sys.argv[1])
    if ws.find_department("区财政局") is None:
        ws.add_department("区财政局")
    print("ready", flush=True)
    n = start
    while True:
        if n % 7 == 0:
            with ws.operation("批量添加"):
                for k in range(20):
                    ws.add_task(plan.uuid, f"B{{n}}-{{k}}", text="批量" * 50)
        else:
            t = ws.add_task(plan.uuid, f"T{{n}}", position=n % 5, deadline="2025年底前")
            ws.assign(t.uuid, "区财政局", "lead")
            if n % 3 == 0:
                ws.indent_task(t.uuid) if t.position else None
        print(n, flush=True)
        n += 1
""")


@pytest.mark.slow
def test_sigkill_never_loses_committed_edits(tmp_path):
    path = tmp_path / "crash.plandesk"
    with Workspace.create(path) as ws:
        ws.add_plan("断电测试", year=2025)
    script = CHILD.format(root=str(ROOT), path=str(path))
    rng = random.Random(20261121)
    committed: list[int] = []
    n = 0
    for _ in range(50):
        child = subprocess.Popen([sys.executable, "-c", script, str(n)], stdout=subprocess.PIPE,
                                 text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        done = [int(x) for x in out.split()]
        committed += done
        n = (done[-1] + 1) if done else n
        # The next child may start where this one was cut: an unreported edit may exist.
        n += 1
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        titles = {r[0] for r in conn.execute("SELECT title FROM tasks")}
        conn.close()
        for k in committed:
            assert (f"T{k}" in titles) if k % 7 else all(f"B{k}-{j}" in titles for j in range(20))
    assert len(committed) > 50      # the children did real work between the kills
    with Workspace.open(path) as ws:
        plan = ws.plans()[0]
        tasks = ws.tasks(plan.uuid)
        assert len(tasks) >= len(committed)
        # A batch is all or nothing.
        for k in {int(t.title[1:].split("-")[0]) for t in tasks if t.title.startswith("B")}:
            assert sum(1 for t in tasks if t.title.startswith(f"B{k}-")) == 20
