"""Plan text import against its floor (issue: within 4× at 20,000 tasks).

The project's figure is the whole import a clerk waits for: ``parse_text`` on a synthetic
plan in the usual forms (一、/（一）/1. with responsibility brackets, deadlines and targets)
and ``insert_plan_tree`` into a fresh workspace file. The floor reads the same text with one
regular expression per line and stores one row per task with one ``executemany`` in a bare
SQLite file. Both are CPU time in the same run; one line per goal::

    ratio import_text_20k: X (goal 4.0)
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.workspace import Workspace  # noqa: E402
from reports.importer import parse_text  # noqa: E402
from reports.importer.labels import int_to_cn  # noqa: E402

UNITS = ["区发展改革局", "区财政局", "区市场监管局", "区科技局", "区商务局", "区农业农村局",
         "区工业和信息化局", "区人力资源社会保障局", "各街道", "区直各部门"]
GOAL = 4.0


def synthetic_plan(tasks: int = 2000) -> str:
    lines = ["XX区知识产权强区建设实施方案（2023—2025年）", "为加快知识产权强区建设，制定本方案。"]
    made = 0
    section = 0
    while made < tasks:
        section += 1
        lines.append(f"{int_to_cn(section)}、重点任务第{section}部分")
        made += 1
        for sub in range(1, 6):
            if made >= tasks:
                break
            lines.append(f"（{int_to_cn(sub)}）推进第{section}-{sub}项工作。")
            made += 1
            for item in range(1, 9):
                if made >= tasks:
                    break
                lead, support = UNITS[item % len(UNITS)], UNITS[(item + 3) % len(UNITS)]
                lines.append(
                    f"{item}.实施第{made}项措施。到2025年，专利拥有量达到{item * 10}件以上，"
                    f"2024年6月底前完成。（{lead}牵头，{support}、{UNITS[(item + 5) % len(UNITS)]}配合）")
                made += 1
    return "\n".join(lines)


def project(text: str, folder: Path) -> int:
    plan = parse_text(text, "synthetic.txt")
    with Workspace.create(folder / "project.plandesk") as ws:
        return ws.insert_plan_tree(plan, source_file="synthetic.txt", backup=False)["tasks"]


_LINE = re.compile(r"^(?:([一二三四五六七八九十百]+)、|（([一二三四五六七八九十]+)）|(\d+)[.．、])(.*)$")
_COLUMNS = ("uuid", "plan_id", "parent_id", "position", "title", "text", "label_style",
            "deadline_text", "deadline_date", "deadline_kind", "status", "source_line",
            "implements", "source_label", "source_page", "source_paragraph")


def floor(text: str, folder: Path) -> int:
    """The same rows a workspace stores for the tasks (a key each, in a table of the same
    columns, with the workspace's durability), read with one regex per line."""
    rows = []
    for position, line in enumerate(text.split("\n")):
        m = _LINE.match(line)
        if m:
            rows.append((str(uuid.uuid4()), 1, None, position, m.group(4), "", "", "", None, "",
                         "", position + 1, None, line[:m.start(4)], None, None))
    conn = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE tasks (id INTEGER PRIMARY KEY, {', '.join(_COLUMNS)})")
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO tasks({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                     rows)
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def cpu(fn, *args) -> tuple[float, int]:
    started = time.process_time()
    result = fn(*args)
    return time.process_time() - started, result


def main() -> None:
    text = synthetic_plan(20_000)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        (folder / "p").mkdir()
        (folder / "f").mkdir()
        spent, tasks = cpu(project, text, folder / "p")
        base, rows = cpu(floor, text, folder / "f")
    print(f"import_text_20k: {tasks} tasks in {spent:.2f} s CPU; floor {rows} rows in {base:.2f} s")
    print(f"ratio import_text_20k: {spent / base:.1f} (goal {GOAL})")


if __name__ == "__main__":
    main()
