"""Export file names: one valid, distinct Windows name per department; a batch is all or nothing."""
from __future__ import annotations

import re

import pytest

from models.workspace import Workspace
from reports.xlsx import exchange_export, export_for_departments, plan_departments, read_return
from reports.xlsx.file_names import department_file_names
from test_xlsx_helpers import task

LONG = "区" + "非常" * 40 + "局"          # two names equal in their first 60 characters
AWKWARD = ["a/b局", "ab局", "a:b局", "AB局", "con", "区\x01财政局", "区\u202e局政财", LONG + "甲",
           LONG + "乙", "区 统计 调查队.", "区市场监管局"]
_WINDOWS_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]')


def _valid(name: str) -> bool:
    stem = name.rsplit(".", 1)[0]
    return (not _WINDOWS_BAD.search(name) and not name.startswith((" ", "."))
            and not stem.endswith((" ", ".")) and len(name.encode("utf-8")) <= 255
            and stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"})


def test_every_department_gets_a_distinct_valid_name():
    names = department_file_names("2025年第三季度", AWKWARD)
    assert list(names) == AWKWARD
    files = list(names.values())
    assert len({f.casefold() for f in files}) == len(AWKWARD)
    assert all(_valid(f) for f in files), files
    assert names["a/b局"] == "2025年第三季度-a_b局.xlsx"
    assert names["ab局"] == "2025年第三季度-ab局.xlsx"
    assert names["a:b局"] == "2025年第三季度-a_b局-2.xlsx"
    assert names["AB局"] == "2025年第三季度-AB局-2.xlsx"           # Windows ignores case
    assert names["区\x01财政局"] == "2025年第三季度-区财政局.xlsx"
    assert "\u202e" not in names["区\u202e局政财"]
    assert names[LONG + "甲"] != names[LONG + "乙"]


def test_a_long_round_name_stays_within_what_file_systems_take():
    names = department_file_names("关于" + "报送" * 200 + "的通知", [LONG + "甲", "区财政局"])
    assert all(len(f.encode("utf-8")) <= 255 and _valid(f) for f in names.values())


@pytest.fixture
def awkward(tmp_path):
    ws = Workspace.create(tmp_path / "ws.plandesk")
    for name in AWKWARD:
        ws.add_department(name)
    plan = {"title": "测试方案", "kind": "work_plan", "tasks": [
        task(f"任务{i}", roles={"lead": [name]}, deadline="2025年底前") for i, name in enumerate(AWKWARD)]}
    uuid = ws.insert_plan_tree(plan, source_file="t", backup=False)["plan"].uuid
    yield ws, uuid
    ws.close()


def test_batch_export_writes_one_file_per_department(awkward, tmp_path):
    ws, plan = awkward
    folder = tmp_path / "out"
    folder.mkdir()
    round_name = "第三季度" + "（补报）" * 60
    results = export_for_departments(ws, plan, round_name, folder)
    files = sorted(p.name for p in folder.iterdir())
    assert len(results) == len(files) == len(plan_departments(ws, plan)) == len(AWKWARD)
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]   # no staging left
    for r in results:
        report = read_return(ws, r["path"])
        assert report.ok and report.meta["department_uuid"] == ws.department(r["department"]).uuid


def test_a_failed_batch_leaves_no_workbook_and_no_record(awkward, tmp_path, monkeypatch):
    ws, plan = awkward
    folder = tmp_path / "out"
    folder.mkdir()
    real = exchange_export._export
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)
    monkeypatch.setattr(exchange_export, "_export", failing)
    with pytest.raises(Exception) as caught:
        export_for_departments(ws, plan, "第三季度", folder)
    assert "磁盘空间已满" in str(caught.value)
    assert list(folder.iterdir()) == []
    assert [e for e in ws.exchanges(plan) if e["direction"] == "out"] == []
