"""import WS FILE... from the command line: the tree, the refusals, the untouched workspace."""
import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
HUAIYIN = SAMPLES / "huaiyin_2022_ip_county_work_plan_notice.txt"


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dry_run_prints_the_tree_and_writes_nothing(tmp_path):
    ws = tmp_path / "ws.plandesk"
    r = run("import", ws, HUAIYIN, "--dry-run")
    assert r.returncode == 0, r.stderr
    assert not ws.exists()
    lines = r.stdout.splitlines()
    assert "发文字号：济槐政字〔2022〕16号" in r.stdout
    assert any(line.startswith("三、重点任务") for line in lines)
    geo = next(line for line in lines if "建设中国地理标志产业大厦" in line)
    assert geo.startswith("  （一）") and "[负责：区市场监管局、区工业和信息化局" in geo


def test_import_creates_the_workspace_and_reports_new_departments(tmp_path):
    ws = tmp_path / "ws.plandesk"
    r = run("import", ws, HUAIYIN, SAMPLES / "shandong_2021_ip_work_points.txt")
    assert r.returncode == 0, r.stderr
    assert "新增部门（请核对）：区市场监管局" in r.stderr
    plans = json.loads(run("dump", ws).stdout)["plans"]
    assert [len(p["tasks"]) for p in plans] == [4, 7]


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "huge", "no_structure"])
def test_bad_file_exits_2_and_leaves_the_workspace_untouched(tmp_path, kind):
    ws = tmp_path / "ws.plandesk"
    assert run("import", ws, HUAIYIN).returncode == 0
    before = sha(ws)
    bad = tmp_path / "bad.txt"
    if kind == "empty":
        bad.write_bytes(b"")
    elif kind == "binary":
        bad.write_bytes(bytes(range(256)) * 40)
    elif kind == "huge":
        with open(bad, "wb") as f:
            f.truncate(64 * 1024 * 1024)
    elif kind == "no_structure":
        bad.write_text("今天天气很好。\n我们去公园散步。\n", encoding="utf-8")
    # A good file before the bad one: nothing is imported when any file is bad.
    r = run("import", ws, SAMPLES / "shandong_2021_ip_work_points.txt", bad)
    assert r.returncode == 2
    assert r.stderr.startswith("错误：") and r.stderr.count("\n") == 1 and "bad.txt" in r.stderr
    assert sha(ws) == before
    assert len(json.loads(run("dump", ws).stdout)["plans"]) == 1


def test_import_into_a_workspace_open_elsewhere_is_refused(tmp_path):
    ws = tmp_path / "ws.plandesk"
    assert run("import", ws, HUAIYIN).returncode == 0
    hold = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from models.workspace import Workspace
        w = Workspace.open({str(ws)!r})
        print("holding", flush=True)
        sys.stdin.readline()
    """)
    holder = subprocess.Popen([sys.executable, "-c", hold], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        r = run("import", ws, SAMPLES / "shandong_2021_ip_work_points.txt")
        assert r.returncode == 2 and "只读" in r.stderr and r.stderr.count("\n") == 1
    finally:
        holder.communicate("\n", timeout=10)
    assert len(json.loads(run("dump", ws).stdout)["plans"]) == 1


def test_import_after_new_with_a_title_leaves_no_empty_first_plan(tmp_path):
    from models.workspace import Workspace
    import main
    ws_path = tmp_path / "办公室.plandesk"
    plan = tmp_path / "方案.txt"
    plan.write_text("槐荫区工作方案\n\n一、重点任务\n1.推进改革。（区发展改革局牵头）\n",
                    encoding="utf-8")
    assert main.main(["new", str(ws_path), "--title", "2025年工作方案"]) == 0
    assert main.main(["import", str(ws_path), str(plan)]) == 0
    with Workspace.open(ws_path) as ws:
        assert [p.title for p in ws.plans()] == ["槐荫区工作方案"]
    # A plan that was kept (it has tasks) is never removed.
    other = tmp_path / "二.txt"
    other.write_text("历下区工作要点\n\n一、创新\n1.建设平台。（区科技局牵头）\n", encoding="utf-8")
    assert main.main(["import", str(ws_path), str(other)]) == 0
    with Workspace.open(ws_path) as ws:
        assert [p.title for p in ws.plans()] == ["槐荫区工作方案", "历下区工作要点"]
