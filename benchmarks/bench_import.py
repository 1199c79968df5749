"""How long the plan importer takes on a large plan (goal: under 5 s for 2,000 tasks).

Builds a synthetic plan text with 2,000 tasks in the usual forms (一、/（一）/1. with
responsibility brackets, deadlines and targets) and prints the parse time. It prints; it
does not assert — run it by hand: ``python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.importer import parse_text  # noqa: E402
from reports.importer.labels import int_to_cn  # noqa: E402

UNITS = ["区发展改革局", "区财政局", "区市场监管局", "区科技局", "区商务局", "区农业农村局",
         "区工业和信息化局", "区人力资源社会保障局", "各街道", "区直各部门"]


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


def main() -> None:
    text = synthetic_plan()
    started = time.perf_counter()
    plan = parse_text(text, "synthetic.txt")
    elapsed = time.perf_counter() - started

    def count(tasks):
        return sum(1 + count(t["children"]) for t in tasks)

    print(f"{count(plan['tasks'])} tasks, {len(text):,} characters parsed in {elapsed:.2f} s "
          f"(goal < 5 s); {len(plan['warnings'])} warnings")


if __name__ == "__main__":
    main()
