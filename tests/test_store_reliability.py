"""The store under attack: full disks, damaged files, read-only media, backups, the lock.

Each case asserts what the clerk sees (one Chinese line naming the file and the cause, no
traceback) and what the file keeps (every committed change, nothing half-written).
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from reliability_disk import fail_checkpoint_after_page_one, integrity, small_disk
from test_xlsx_helpers import C_STATUS, GEO, ROUND, build_workspace, fill, key_rows

import models.backup as backup_module
from cli import run
from models import lock as lock_module
from models.backup import list_backups
from models.errors import DamagedWorkspace, NotAWorkspace, WorkspaceError, WorkspaceLocked
from models.restore import restore_backup
from models.workspace import Workspace

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parent.parent
PLAN_TXT = Path(__file__).parent / "data" / "import" / "h1_action_plan_lines.txt"


def titles(path) -> set[str]:
    with Workspace.open(path, readonly=True) as ws:
        return {r[0] for r in ws.all("SELECT title FROM tasks")}


def one_clear_line(err: str, *words: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("错误：") and "Traceback" not in err, err
    assert any(w in lines[0] for w in words), err
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")
                  if p.suffix in (".partial", ".creating", ".restoring") or ".tmp" in p.name)


# ---- 1. recover before accusing -------------------------------------------------------
def committed_then_crash(path: Path, batches: int) -> set[str]:
    """Commit ``batches`` edits that grow the file, and leave them all in the WAL."""
    with Workspace.create(path) as ws:
        ws.add_plan("方案")
    ws = Workspace.open(path)
    ws.conn.execute("PRAGMA wal_autocheckpoint=0")
    plan = ws.plans()[0]
    for b in range(batches):
        with ws.operation("批量"):
            for k in range(20):
                ws.add_task(plan.uuid, f"B{b}-{k}", text="推进知识产权工作" * 40)
    # Copied while open, as a power cut or a killed process leaves the pair on disk.
    crash = path.with_name("crash.plandesk")
    shutil.copy(path, crash)
    shutil.copy(f"{path}-wal", f"{crash}-wal")
    ws.close()
    return {f"B{b}-{k}" for b in range(batches) for k in range(20)}


@pytest.mark.parametrize("batches", [3, 8])
def test_short_main_file_with_pending_wal_opens_with_every_committed_change(tmp_path, batches):
    expected = committed_then_crash(tmp_path / "ws.plandesk", batches)
    crash = tmp_path / "crash.plandesk"
    fail_checkpoint_after_page_one(crash)        # the header now promises pages not yet there
    with open(crash, "rb") as f:
        head = f.read(100)
    assert os.path.getsize(crash) < int.from_bytes(head[28:32], "big") * 4096
    assert expected <= titles(crash)              # read-only: the WAL is read
    assert run(["dump", str(crash)]) == 0
    with Workspace.open(crash) as ws:              # writable: checkpointed at close
        assert expected <= {t.title for t in ws.tasks(ws.plans()[0].uuid)}
    assert not Path(f"{crash}-wal").exists() or os.path.getsize(f"{crash}-wal") == 0
    assert integrity(crash) == "ok" and expected <= titles(crash)


def test_disk_full_during_writes_keeps_every_committed_change(tmp_path):
    with small_disk(tmp_path, 400) as disk:
        path = disk.folder / "ws.plandesk"
        with Workspace.create(path) as ws:
            ws.add_plan("方案")
        disk.fill(240_000)
        committed: set[str] = set()
        ws = Workspace.open(path)
        plan = ws.plans()[0]
        with pytest.raises(WorkspaceError) as err:
            for b in range(200):
                with ws.operation("批量"):
                    for k in range(20):
                        ws.add_task(plan.uuid, f"B{b}-{k}", text="推进知识产权工作" * 40)
                committed |= {f"B{b}-{k}" for k in range(20)}
        assert "磁盘空间已满" in str(err.value) and str(path) in str(err.value)
        assert committed
        ws.close()
        if disk.mounted:
            # The checkpoint at closing met the full disk: page 1 written back, the file short.
            with open(path, "rb") as f:
                pages = int.from_bytes(f.read(100)[28:32], "big")
            assert os.path.getsize(path) < pages * 4096 and os.path.getsize(f"{path}-wal") > 0
        # Still on the full disk: the workspace opens and shows every committed batch.
        with Workspace.open(path) as again:
            assert committed <= {t.title for t in again.tasks(plan.uuid)}
        disk.free_all()
        assert integrity(path) == "ok" and committed <= titles(path)


def with_tasks(ws, title: str, n: int):
    """A plan of ``n`` tasks, in one step: a file of a few hundred KB."""
    plan = ws.add_plan(title)
    with ws.operation("批量"):
        for i in range(n):
            ws.add_task(plan.uuid, f"任务{i}", text="内容" * 150)
    return plan


def test_damage_is_said_only_when_sqlite_says_so(tmp_path):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        with_tasks(ws, "方案", 200)
    data = bytearray(path.read_bytes())
    data[4096 * 5: 4096 * 6] = b"\xab" * 4096         # one b-tree page overwritten
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedWorkspace) as err:
        Workspace.open(path)
    text = str(err.value)
    assert "已损坏" in text and "backup restore" in text and "\n" not in text


# ---- 2. restore a damaged workspace ---------------------------------------------------
def damage(path: Path, kind: str) -> None:
    data = bytearray(path.read_bytes())
    if kind == "corrupt_page":
        data[4096 * 3: 4096 * 4] = os.urandom(4096)
    elif kind == "truncated":
        del data[len(data) // 2:]
    elif kind == "zeroed_header":
        data[:100] = bytes(100)
    elif kind == "zeroed_first_page":
        data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["corrupt_page", "truncated", "zeroed_header", "zeroed_first_page"])
def test_restore_replaces_a_damaged_workspace_and_keeps_it_aside(tmp_path, kind, capsys):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        p = with_tasks(ws, "保存的计划", 120)
        ws.bulk_backup("import")
        ws.add_task(p.uuid, "备份之后的任务")
    damage(path, kind)
    damaged = path.read_bytes()
    with pytest.raises(NotAWorkspace):
        Workspace.open(path)
    capsys.readouterr()
    assert run(["backup", "restore", str(path), "1"]) == 0
    said = capsys.readouterr().err
    assert "损坏的文件另存为" in said
    aside = [q for q in tmp_path.iterdir() if ".damaged-" in q.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged and aside[0].name in said
    with Workspace.open(path) as ws:
        assert ws.plans()[0].title == "保存的计划" and len(ws.tasks(ws.plans()[0].uuid)) == 120
    assert leftovers(tmp_path) == []


# ---- 3. backups -----------------------------------------------------------------------
def test_backups_within_one_second_keep_their_order(tmp_path, capsys):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        for n in range(3):                            # backups of 0, 1 and 2 plans
            ws.bulk_backup(f"b{n}")
            ws.add_plan(f"计划{n}")
    backups = list_backups(path)
    assert [b.reason for b in backups] == ["b2", "b1", "b0"]
    assert len({b.time for b in backups}) <= 2        # taken within a second or two
    assert run(["backup", "restore", str(path), "1"]) == 0
    with Workspace.open(path, readonly=True) as ws:
        assert len(ws.plans()) == 2


def test_restoring_the_oldest_backup_never_deletes_it(tmp_path, monkeypatch):
    monkeypatch.setattr(backup_module, "KEEP", 3)
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        for n in range(3):
            ws.add_plan(f"计划{n}")
            ws.bulk_backup(f"b{n}")
    oldest = list_backups(path)[-1]
    assert oldest.reason == "b0"
    restore_backup(path, oldest.path)                 # its safety backup is the fourth
    assert oldest.path.exists()
    with Workspace.open(path, readonly=True) as ws:
        assert [p.title for p in ws.plans()] == ["计划0"]
    assert len(list_backups(path)) == 4               # the spared one stays beside the newest three


def test_another_workspaces_backup_is_refused_unless_forced(tmp_path, capsys):
    mine, other = tmp_path / "mine.plandesk", tmp_path / "other.plandesk"
    with Workspace.create(mine) as ws:
        ws.add_plan("本区计划")
    with Workspace.create(other) as ws:
        ws.add_plan("别处计划")
        foreign = ws.bulk_backup("import")
    before = mine.read_bytes()
    assert run(["backup", "restore", str(mine), str(foreign)]) == 2
    one_clear_line(capsys.readouterr().err, "另一个工作区")
    assert mine.read_bytes() == before
    assert run(["backup", "restore", str(mine), str(foreign), "--force"]) == 0
    with Workspace.open(mine, readonly=True) as ws:
        assert [p.title for p in ws.plans()] == ["别处计划"]


def test_partial_backups_are_cleaned(tmp_path):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        folder = backup_module.backup_dir(path)
        folder.mkdir()
        (folder / "000001-20260101-000000-import.partial").write_bytes(b"half a backup")
        ws.bulk_backup("import")
    assert [p.suffix for p in folder.iterdir()] == [".plandesk"]


def test_a_workspace_without_identity_gets_one(tmp_path):
    path = tmp_path / "old.plandesk"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema1.plandesk", path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM meta WHERE key='workspace_uuid'")
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws:
        assert len(ws.workspace_uuid) == 36


# ---- 4. OS errors in the commands ---------------------------------------------------------
def office_on(disk_folder: Path, outside: Path):
    """A workspace on the small disk, a backup of it, and a returned workbook outside it."""
    path = disk_folder / "ws.plandesk"
    ws, plan = build_workspace(path)
    ws.bulk_backup("import")
    ws.close()
    sent = outside / "sent.xlsx"
    assert run(["exchange", "export", str(path), "--round", ROUND, "--department", "区市场监管局",
                "--out", str(sent)]) == 0
    back = fill(sent, outside / "back.xlsx", {f"{C_STATUS}{key_rows(sent)[GEO]}": "推进中"})
    return path, back


def commands(path: Path, back: Path, outside: Path) -> dict[str, list[str]]:
    return {
        "import": ["import", str(path), str(PLAN_TXT)],
        "exchange import": ["exchange", "import", str(path), str(back)],
        "consolidate": ["exchange", "consolidate", str(path), str(back),
                        "--out", str(path.parent / "汇总.xlsx")],
        "restore": ["backup", "restore", str(path), "1"],
        "dump": ["dump", str(path)],
        "new": ["new", str(path.parent / "新工作区.plandesk")],
    }


def state(path: Path) -> str:
    with Workspace.open(path, readonly=True) as ws:
        return json.dumps([[tuple(r) for r in ws.all(f"SELECT * FROM {t} ORDER BY id")]
                           for t in ("plans", "tasks", "assignments", "progress")], ensure_ascii=False)


COMMANDS = ["import", "exchange import", "consolidate", "restore", "dump", "new"]


# Free space left: none; half a backup of the workspace; a backup and a little more.
@pytest.mark.parametrize("free", ["none", "half a backup", "a backup and 40 KB"])
@pytest.mark.parametrize("command", COMMANDS)
def test_disk_full_gives_one_line_and_keeps_the_workspace(tmp_path, capsys, command, free):
    outside = tmp_path / "outside"
    outside.mkdir()
    with small_disk(tmp_path, 1200) as disk:
        path, back = office_on(disk.folder, outside)
        before = state(path)
        size = path.stat().st_size
        disk.fill({"none": 0, "half a backup": size // 2, "a backup and 40 KB": size + 40_000}[free])
        capsys.readouterr()
        code = run(commands(path, back, outside)[command])
        err = capsys.readouterr().err
        if code != 0:
            assert code == 2
            line = one_clear_line(err, "磁盘空间已满")
            assert str(disk.folder) in line
        disk.free_all()
        assert integrity(path) == "ok"
        if code != 0 or command in ("dump", "new"):
            assert state(path) == before              # nothing of a failed command was kept
        if command == "new" and code != 0:
            assert not (disk.folder / "新工作区.plandesk").exists()
        assert leftovers(disk.folder) == []


@pytest.mark.parametrize("mounted", [True, False], ids=["small disk", "injected"])
def test_a_rollup_the_disk_has_no_room_for_keeps_none_of_the_returns(tmp_path, capsys,
                                                                    monkeypatch, mounted):
    """Room for the backup and the returns, none for the 汇总 workbook: the workspace is
    left as it was, with one line naming the roll-up, and nothing half-written beside it."""
    if not mounted:
        monkeypatch.setenv("PLANDESK_TEST_NO_MOUNT", "1")
    outside = tmp_path / "outside"
    outside.mkdir()
    path, back = office_on(outside, outside)            # the workspace has room
    before, backups = state(path), len(list_backups(path))
    with small_disk(tmp_path, 600) as disk:
        if mounted and not disk.mounted:
            pytest.skip("no small disk can be mounted here (the injected case runs)")
        out = disk.folder / "汇总.xlsx"
        disk.fill(0)
        capsys.readouterr()
        code = run(["exchange", "consolidate", str(path), str(back), "--out", str(out)])
        err = capsys.readouterr().err
        disk.free_all()
        assert code == 2
        line = one_clear_line(err, "磁盘空间已满")
        assert str(disk.folder) in line
        assert list(disk.folder.iterdir()) == []            # no roll-up, no temporary file
    assert state(path) == before and integrity(path) == "ok"
    with Workspace.open(path, readonly=True) as ws:
        assert [e for e in ws.exchanges(ws.plans()[0].uuid) if e["direction"] == "in"] == []
    assert len(list_backups(path)) == backups + 1       # the backup before it is kept
    # With room again the same command goes through.
    assert run(["exchange", "consolidate", str(path), str(back), "--out", str(out)]) == 0
    assert state(path) != before


@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_folder_gives_one_line_and_dump_still_reads(tmp_path, capsys, command):
    outside = tmp_path / "outside"
    outside.mkdir()
    with small_disk(tmp_path, 2000) as disk:
        path, back = office_on(disk.folder, outside)
        before = state(path)
        disk.readonly()
        capsys.readouterr()
        code = run(commands(path, back, outside)[command])
        err = capsys.readouterr().err
        if command == "dump":
            assert code == 0 and "已损坏" not in err       # reading needs no writing
        else:
            assert code == 2
            one_clear_line(err, "只读", "没有访问权限")
        disk.writable()
        assert state(path) == before


def test_read_only_place_with_pending_changes_says_what_to_do(tmp_path, capsys):
    committed_then_crash(tmp_path / "ws.plandesk", 2)
    with small_disk(tmp_path, 2000) as disk:
        path = disk.folder / "ws.plandesk"
        shutil.copy(tmp_path / "crash.plandesk", path)
        shutil.copy(tmp_path / "crash.plandesk-wal", f"{path}-wal")
        disk.readonly()
        assert run(["dump", str(path)]) == 2
        line = one_clear_line(capsys.readouterr().err, "ws.plandesk-wal")
        assert "复制到可写的位置" in line and "已损坏" not in line
        disk.writable()


# ---- 5. the lock's holder -------------------------------------------------------------
def test_lock_message_never_shows_a_half_written_holder(tmp_path):
    path = tmp_path / "ws.plandesk"
    Workspace.create(path).close()
    lock_file = lock_module.lock_path(path)
    holder = Workspace.open(path)
    try:
        info = lock_file.read_text(encoding="utf-8")
        lock_file.write_text("", encoding="utf-8")          # as if caught mid-write

        def finish():
            time.sleep(0.1)
            lock_file.write_text(info, encoding="utf-8")
        threading.Thread(target=finish).start()
        with pytest.raises(WorkspaceLocked) as err:
            Workspace.open(path)
        text = str(err.value)
        assert "?@?" not in text and f"进程 {os.getpid()}" in text
        lock_file.write_text('{"user": "', encoding="utf-8")  # never finished
        with pytest.raises(WorkspaceLocked) as err:
            Workspace.open(path)
        assert "?" not in str(err.value) and "另一个规划台账进程" in str(err.value)
    finally:
        holder.close()


def as_clerk_without_rights():
    """Run a command as a user the file's permissions apply to (root ignores them)."""
    if os.geteuid() != 0:
        return None

    def drop():
        os.setgid(65534)
        os.setuid(65534)
    return drop


@pytest.mark.parametrize("command", ["import", "exchange import", "consolidate", "restore", "dump"])
def test_read_only_file_gives_one_line(command):
    folder = Path(tempfile.mkdtemp(prefix="plandesk-ro-"))
    try:
        folder.chmod(0o777)
        path, back = office_on(folder, folder)
        os.chmod(path, 0o444)
        lock_module.lock_path(path).chmod(0o666)
        for p in (*folder.iterdir(), *backup_module.backup_dir(path).iterdir()):
            p.chmod(p.stat().st_mode | 0o444)
        backup_module.backup_dir(path).chmod(0o777)
        before = state(path)
        argv = commands(path, back, folder)[command]
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True,
                           text=True, timeout=60, cwd=folder, preexec_fn=as_clerk_without_rights(),
                           env={**os.environ, "HOME": str(folder)})
        if command == "dump":
            assert r.returncode == 0 and json.loads(r.stdout)["plans"]
        else:
            assert r.returncode == 2, r.stderr
            line = one_clear_line(r.stderr, "只读", "没有访问权限")
            assert str(path) in line
        assert state(path) == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("command", ["new", "dump"])
def test_path_too_long_gives_one_line(tmp_path, capsys, command):
    path = tmp_path / ("很长的名字" * 60 + ".plandesk")
    assert run([command, str(path)]) == 2
    one_clear_line(capsys.readouterr().err, "过长")
    assert list(tmp_path.iterdir()) == []
