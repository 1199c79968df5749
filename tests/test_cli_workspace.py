"""The command line as a clerk's script would use it."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_new_then_dump_prints_the_design_format(tmp_path):
    ws = tmp_path / "ws.plandesk"
    r = run("new", ws, "--title", "2025年工作要点")
    assert r.returncode == 0, r.stderr
    r = run("dump", ws)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["format"] == "plandesk.dump/1"
    assert [p["title"] for p in data["plans"]] == ["2025年工作要点"]
    assert data["plans"][0]["tasks"] == [] and data["departments"] == []
    assert set(data["plans"][0]) >= {"uuid", "title", "kind", "issuer", "doc_number", "tasks"}


def test_new_refuses_existing_file(tmp_path):
    ws = tmp_path / "ws.plandesk"
    ws.write_text("precious")
    r = run("new", ws)
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0
    assert ws.read_text() == "precious"


def test_errors_exit_2_with_one_line(tmp_path):
    r = run("dump", tmp_path / "missing.plandesk")
    assert r.returncode == 2
    assert r.stderr.startswith("错误：") and r.stderr.count("\n") == 1


def test_backup_commands(tmp_path):
    ws = tmp_path / "ws.plandesk"
    assert run("new", ws).returncode == 0
    r = run("backup", "list", ws)
    assert r.returncode == 0 and "没有备份" in r.stdout
    sys.path.insert(0, str(ROOT))
    from models.workspace import Workspace
    with Workspace.open(ws) as w:
        w.bulk_backup("import")
        w.rename_plan(w.plans()[0].uuid, "改过的标题")
    r = run("backup", "list", ws)
    assert r.returncode == 0 and "import" in r.stdout
    r = run("backup", "restore", ws, "1")
    assert r.returncode == 0, r.stderr
    assert json.loads(run("dump", ws).stdout)["plans"][0]["title"] == "新计划"
    r = run("backup", "restore", ws, "9")
    assert r.returncode == 2
