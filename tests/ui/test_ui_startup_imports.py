"""The first paint loads none of the heavy libraries: they come with the first use of the
feature that needs them. Each start is a fresh process, as the clerk's is (and as the
start-up benchmark measures it); the window is painted, then its modules are read."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from models.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "docx", "matplotlib", "lxml", "xlsxwriter", "python_calamine",
         "sqlite_utils", "PIL", "numpy", "reports.importer", "reports.xlsx", "reports.docx",
         "reports.demo")
# Parts of the window the first screen does not show: the message boxes, the background
# jobs, the 上下级 dialogs' tables. They are imported with their first use.
LATER = ("ui.dialogs", "ui.worker", "ui.chain_common")

START = """
import json, sys
sys.path.insert(0, sys.argv[1])
from ui.app import start_gui
demo = sys.argv[2] == "demo"
app, window, _tr = start_gui(demo=demo, workspace=None if demo else sys.argv[2], persist=False)
window.resize(1366, 768)
window.show()
app.processEvents()
window.grab()
print(json.dumps({"tasks": window.breakdown.model.task_count(), "modules": sorted(sys.modules)}))
"""

# A stand-in demo builder: the cache then holds a demo, as after the first start.
FAKE_DEMO = """
import sys
sys.path.insert(0, sys.argv[1])
from models.workspace import Workspace
from ui import demo, features
def build(path):
    with Workspace.create(path) as ws:
        plan = ws.add_plan("演示计划")
        ws.add_task(plan.uuid, "建设知识产权大厦")
    path.with_name(path.stem + "-交换").mkdir()
    return path
features._cache["demo"] = build
demo.cached_demo()
"""


def _env(tmp_path) -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                PLANDESK_LOG_DIR=str(tmp_path / "log"), PLANDESK_CACHE_DIR=str(tmp_path / "cache"))


def _start(tmp_path, what: str) -> dict:
    out = subprocess.run([sys.executable, "-c", START, str(ROOT), what], env=_env(tmp_path),
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY
            or any(m.startswith(h + ".") for h in HEAVY)]


def test_opening_a_workspace_paints_without_the_heavy_libraries(tmp_path):
    path = tmp_path / "办公室.plandesk"
    with Workspace.create(path) as ws:
        plan = ws.add_plan("槐荫区知识产权工作方案")
        task = ws.add_task(plan.uuid, "建设中国地理标志产业大厦")
        ws.add_task(plan.uuid, "推动知识产权品牌建设", parent=task.uuid)
        ws.add_department("区市场监管局")
        ws.assign(task.uuid, "区市场监管局", "lead")
    seen = _start(tmp_path, str(path))
    assert seen["tasks"] == 2                                # the plan is shown
    assert "ui.main_window" in seen["modules"]               # it was the window's start
    assert _heavy(seen["modules"]) == []
    assert [m for m in LATER if m in seen["modules"]] == []


def test_the_demo_paints_without_the_heavy_libraries(tmp_path):
    subprocess.run([sys.executable, "-c", FAKE_DEMO, str(ROOT)], env=_env(tmp_path),
                   capture_output=True, text=True, timeout=120, check=True)
    seen = _start(tmp_path, "demo")
    assert seen["tasks"] == 1
    assert _heavy(seen["modules"]) == []
    assert [m for m in LATER if m in seen["modules"]] == []
