"""The demo workspace: real plans from ``resources/samples`` imported as a clerk would.

A district's work plan (with its issuing notice), the province's work points it answers to,
a few department aliases the clerk has cleaned up, and two reporting rounds of progress so
that the dashboard and the reports have something to show.
"""
from __future__ import annotations

import random
from pathlib import Path

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
        _progress(ws, district.uuid)
        # The demo starts with a clean history: its construction is not the clerk's to undo.
        ws.conn.execute("DELETE FROM _undo_log")
        ws.conn.execute("DELETE FROM _undo_steps")
    return path


# Deadlines a district clerk would set when breaking the tasks down.
DEADLINES = ["2023年6月底前", "2023年底前", "长期坚持", "2023年9月底前", "每年3月底前", "2024年6月底前"]


def _progress(ws: Workspace, plan_uuid: str) -> None:
    """Deadlines, and two rounds of reports as departments would have sent them."""
    rng = random.Random(2023)
    tasks = [t for t in ws.tasks(plan_uuid) if ws.assignments(t.uuid)]
    with ws.operation("演示进度"):
        for i, t in enumerate(tasks):
            if not t.deadline_text:
                ws.set_deadline(t.uuid, DEADLINES[i % len(DEADLINES)])
        for i, (name, start, end) in enumerate(ROUNDS):
            ws.add_round(plan_uuid, name, start, end)
            for t in tasks:
                if rng.random() < 0.15:
                    continue       # no report this round
                dep = ws.assignments(t.uuid)[0].department
                percent = min(100, rng.choice([0, 10, 20, 30, 40, 50, 60, 80]) + 20 * i)
                status = "done" if percent == 100 else ("not_started" if percent == 0 else "in_progress")
                ws.record_progress(t.uuid, name, dep, status, percent,
                                   "已按计划推进" if percent >= 50 else "正在制定实施细则")
        ws.close_round(plan_uuid, ROUNDS[0][0])
