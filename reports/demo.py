"""The demo workspace: real plans from ``resources/samples`` imported as a clerk would.

A district's work plan (with its issuing notice), the province's work points it answers to,
a few department aliases the clerk has cleaned up, deadlines, and two reporting rounds
collected through the exchange workbooks (in the folder ``<demo>-交换`` beside it), so that
the dashboard, the reports and the exchange list have something to show.
"""
from __future__ import annotations

import random
from pathlib import Path

from models.messages import msg
from models.workspace import Workspace

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
DISTRICT_PLAN = "huaiyin_2022_ip_county_work_plan_notice.txt"
PROVINCE_POINTS = "shandong_2021_ip_work_points.txt"
ALIASES = {"区市场监管局": ["市场监管局", "区市场监督管理局"],
           "区财政局": ["财政局"],
           "区科技局": ["科技局"],
           "区商务局": ["商务局"]}
ROUNDS = [("2023年第一季度", "2023-01-01", "2023-03-31"),
          ("2023年第二季度", "2023-04-01", "2023-06-30")]


def build_demo(path) -> Path:
    """Create a fresh demo workspace at ``path`` (replacing an older demo file there)."""
    from reports.importer import parse_file

    path = Path(path)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    with Workspace.create(path) as ws:
        district = ws.insert_plan_tree(parse_file(SAMPLES / DISTRICT_PLAN),
                                       source_file=DISTRICT_PLAN, backup=False)["plan"]
        ws.insert_plan_tree(parse_file(SAMPLES / PROVINCE_POINTS), source_file=PROVINCE_POINTS,
                            backup=False)
        for name, aliases in ALIASES.items():
            if ws.find_department(name):
                for alias in aliases:
                    if ws.find_department(alias) is None:
                        ws.add_alias(name, alias)
                ws.edit_department(name, is_new=False)    # the clerk has reviewed these
        _progress(ws, district.uuid, path.with_name(path.stem + "-交换"))
        # The demo starts with a clean history: its construction is not the clerk's to undo.
        ws.forget_history()
    return path


# Deadlines a district clerk would set when breaking the tasks down.
DEADLINES = ["2023年6月底前", "2023年底前", "长期坚持", "2023年9月底前", "每年3月底前", "2024年6月底前"]


def _progress(ws: Workspace, plan_uuid: str, folder: Path) -> None:
    """Deadlines, and two reporting rounds that went through the exchange round trip:
    a workbook sent to each department, filled in as the department would, and merged."""
    from reports.xlsx import consolidate, export_for_departments

    rng = random.Random(2023)
    tasks = [t for t in ws.tasks(plan_uuid) if ws.assignments(t.uuid)]
    with ws.operation(msg("store.op.set_deadlines")):
        for i, t in enumerate(tasks):
            if not t.deadline_text:
                ws.set_deadline(t.uuid, DEADLINES[i % len(DEADLINES)])
    folder.mkdir(exist_ok=True)
    for i, (name, start, end) in enumerate(ROUNDS):
        ws.add_round(plan_uuid, name, start, end)
        returned = []
        for sent in export_for_departments(ws, plan_uuid, name, folder):
            if rng.random() < 0.15:
                continue      # this department did not send its workbook back
            _fill_return(Path(sent["path"]), rng, i)
            returned.append(Path(sent["path"]))
        consolidate(ws, plan_uuid, name, returned, folder / f"{name}-汇总.xlsx", apply=True)
    ws.close_round(plan_uuid, ROUNDS[0][0])


def _fill_return(path: Path, rng: random.Random, round_index: int) -> None:
    """What a department writes into its workbook: progress, status, percent."""
    import openpyxl

    from .xlsx.exchange_layout import CURRENT

    wb = openpyxl.load_workbook(path)
    sheet = wb.worksheets[0]
    at = [CURRENT.index[CURRENT.answers[0].key] - 1] + [
        CURRENT.index[c.key] - 1 for c in CURRENT.answers if c.field in ("status", "percent")]
    for row in sheet.iter_rows(min_row=5):
        progress, status, percent = (row[i] for i in at)
        if progress.protection.locked:
            continue      # a heading or another department's row
        value = min(100, rng.choice([0, 10, 20, 30, 40, 50, 60, 80]) + 20 * round_index)
        percent.value = value
        status.value = "已完成" if value == 100 else ("未启动" if value == 0 else "推进中")
        progress.value = "已按计划推进" if value >= 50 else "正在制定实施细则"
    wb.save(path)
