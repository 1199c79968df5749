"""The workspace file: wrong files refused untouched, upgrades, one writer, backups."""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from models.backup import list_backups
from models.dump import dump
from models.errors import NewerWorkspace, NotAWorkspace, WorkspaceLocked
from models.restore import restore_backup
from models.schema import SCHEMA_VERSION
from models.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def make_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")


def populated(path: Path) -> Path:
    with Workspace.create(path) as ws:
        p = ws.add_plan("方案", year=2024)
        for i in range(300):
            ws.add_task(p.uuid, f"任务{i}" * 20)
    return path


@pytest.mark.parametrize("kind", ["empty", "xlsx", "text", "truncated", "foreign_sqlite", "dir"])
def test_bad_files_are_refused_and_left_identical(tmp_path, kind):
    path = tmp_path / "bad.plandesk"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "xlsx":
        make_xlsx(path)
    elif kind == "text":
        path.write_text("一、总体要求\n", encoding="utf-8")
    elif kind == "truncated":
        full = populated(tmp_path / "full.plandesk")
        data = full.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        for p in tmp_path.glob("full.plandesk*"):
            p.unlink() if p.is_file() else shutil.rmtree(p)
    elif kind == "foreign_sqlite":
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE t(x)")
        c.commit()
        c.close()
    elif kind == "dir":
        path.mkdir()
    before = None if kind == "dir" else sha(path)
    listing = sidecars(path)
    with pytest.raises(NotAWorkspace) as err:
        Workspace.open(path)
    message = str(err.value)
    assert str(path) in message and "\n" not in message
    if before:
        assert sha(path) == before
    # Not even a -wal/-shm/-journal appears beside a refused file.
    assert [n for n in sidecars(path) if not n.endswith(".lock")] == \
        [n for n in listing if not n.endswith(".lock")]


def test_cli_reports_bad_file_in_one_line(tmp_path):
    path = tmp_path / "renamed.plandesk"
    make_xlsx(path)
    before = sha(path)
    r = subprocess.run([sys.executable, "main.py", "dump", str(path)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "压缩包" in r.stderr
    assert sha(path) == before


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "future.plandesk"
    Workspace.create(path).close()
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    c.close()
    before = sha(path)
    with pytest.raises(NewerWorkspace, match="更新版本"):
        Workspace.open(path)
    assert sha(path) == before


def test_unknown_migration_is_refused(tmp_path):
    path = tmp_path / "future2.plandesk"
    Workspace.create(path).close()
    c = sqlite3.connect(path)
    c.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
              "VALUES ('plandesk', 'm999_from_the_future', 'x')")
    c.commit()
    c.close()
    before = sha(path)
    with pytest.raises(NewerWorkspace):
        Workspace.open(path)
    assert sha(path) == before


def test_upgrade_from_first_schema_keeps_data(tmp_path):
    path = tmp_path / "old.plandesk"
    shutil.copy(FIXTURES / "schema1.plandesk", path)
    with Workspace.open(path) as ws:
        d = dump(ws)
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # The new tables of later schemas work on the upgraded file.
        plan = ws.plans()[0]
        ws.add_round(plan.uuid, "2023年第一季度")
        ws.record_progress("t-2", "2023年第一季度", "区市场监管局", "in_progress", 40)
    task = d["plans"][0]["tasks"][0]["children"][0]
    assert task["title"] == "建设中国地理标志产业大厦"
    assert task["roles"]["lead"] == ["区市场监管局"] and task["roles"]["support"] == ["区财政局"]
    assert task["deadline"] == {"text": "2023年底前", "date": "2023-12-31", "kind": "by"}
    assert d["departments"][0]["aliases"] == ["市场监管局"]
    # The upgrade was preceded by a backup of the old file.
    backups = list_backups(path)
    assert backups and "upgrade" in backups[0].reason


HOLD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from models.workspace import Workspace
    ws = Workspace.open({path!r})
    print("holding", flush=True)
    sys.stdin.readline()
    ws.close()
""")


def test_second_process_cannot_write(tmp_path):
    path = tmp_path / "shared.plandesk"
    with Workspace.create(path) as ws:
        ws.add_plan("共享计划")
    holder = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT), path=str(path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(WorkspaceLocked) as err:
            Workspace.open(path)
        assert "只读" in str(err.value) and "进程" in str(err.value)
        with Workspace.open(path, readonly=True) as ro:       # reading still works
            assert [p.title for p in ro.plans()] == ["共享计划"]
    finally:
        holder.communicate("\n", timeout=10)
    with Workspace.open(path) as ws:                          # released on close
        assert ws.plans()[0].title == "共享计划"


def test_holder_without_a_login_name_variable_is_named_from_the_account(tmp_path):
    pwd = pytest.importorskip("pwd")          # POSIX: the password database names the user
    account = pwd.getpwuid(os.getuid()).pw_name
    path = tmp_path / "shared.plandesk"
    Workspace.create(path).close()
    env = {k: v for k, v in os.environ.items()
           if k not in ("LOGNAME", "USER", "LNAME", "USERNAME")}
    holder = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT), path=str(path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(WorkspaceLocked) as err:
            Workspace.open(path)
        assert account in str(err.value)
    finally:
        holder.communicate("\n", timeout=10)


def test_lock_released_when_holder_is_killed(tmp_path):
    path = tmp_path / "crash.plandesk"
    Workspace.create(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT), path=str(path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    holder.kill()
    holder.wait()
    Workspace.open(path).close()


def test_backup_list_and_restore(tmp_path):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        p = ws.add_plan("方案")
        ws.add_task(p.uuid, "原来的任务")
        taken = ws.bulk_backup("import")
        ws.add_task(p.uuid, "后来的任务")
    backups = list_backups(path)
    assert [b.path for b in backups] == [taken] and backups[0].reason == "import"
    safety = restore_backup(path, taken).safety
    with Workspace.open(path) as ws:
        assert [t.title for t in ws.tasks(ws.plans()[0].uuid)] == ["原来的任务"]
    restore_backup(path, safety)
    with Workspace.open(path) as ws:
        assert [t.title for t in ws.tasks(ws.plans()[0].uuid)] == ["原来的任务", "后来的任务"]


def test_restore_refuses_a_bad_backup(tmp_path):
    path = tmp_path / "ws.plandesk"
    Workspace.create(path).close()
    bad = tmp_path / "bad.plandesk"
    bad.write_bytes(b"not a database at all")
    before = sha(path)
    with pytest.raises(NotAWorkspace):
        restore_backup(path, bad)
    assert sha(path) == before


def test_backups_rotate(tmp_path, monkeypatch):
    import models.backup as backup
    monkeypatch.setattr(backup, "KEEP", 3)
    with Workspace.create(tmp_path / "ws.plandesk") as ws:
        for i in range(6):
            ws.bulk_backup(f"bulk{i}")
    names = [b.reason for b in list_backups(tmp_path / "ws.plandesk")]
    assert names == ["bulk5", "bulk4", "bulk3"]


def test_closed_workspace_is_a_single_file(tmp_path):
    path = tmp_path / "usb.plandesk"
    with Workspace.create(path) as ws:
        ws.add_plan("方案")
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    copy = tmp_path / "copy.plandesk"
    shutil.copy(path, copy)
    with Workspace.open(copy) as ws:
        assert ws.plans()[0].title == "方案"
