"""Synthetic workspaces of any size, for benchmarks (never for tests of behaviour).

A plan of ``tasks`` tasks in the usual shape (一、 sections, （一） groups, 1. tasks),
``departments`` departments and about ``assignments`` assignments, built through the
domain API in one operation.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.workspace import Workspace  # noqa: E402

DEADLINES = ["2025年底前", "6月底前", "长期坚持", "每年2月底前", "2026年10月底前", "持续推进", ""]


def department_names(n: int) -> list[str]:
    kinds = ["局", "委", "办", "中心", "街道办事处"]
    return [f"区第{i + 1}{kinds[i % len(kinds)]}" for i in range(n)]


def plan_tree(tasks: int, departments: list[str], assignments: int, seed: int = 7) -> dict:
    """A plan dict (the dump shape) with ``tasks`` nodes."""
    rng = random.Random(seed)
    per_task = max(1, round(assignments / tasks))
    sections = max(1, tasks // 500)
    groups = max(1, tasks // 50)
    made = 0
    roots = []

    def node(title, level):
        nonlocal made
        made += 1
        k = rng.randint(1, per_task * 2 - 1) if per_task > 1 else 1
        names = rng.sample(departments, min(k, len(departments)))
        return {"title": title, "text": "加强统筹协调，完善工作机制，确保任务落实到位。" * 3,
                "deadline": {"text": rng.choice(DEADLINES)},
                "roles": {"lead": names[:1], "support": names[1:]}, "children": []}

    for s in range(sections):
        sec = node(f"第{s + 1}部分重点任务", 1)
        roots.append(sec)
    g = 0
    while made < tasks:
        sec = roots[g % sections]
        grp = node(f"推进第{g + 1}项重点工作", 2)
        sec["children"].append(grp)
        g += 1
        for _ in range(max(1, (tasks - made) // max(1, groups - g + 1))):
            if made >= tasks:
                break
            grp["children"].append(node(f"落实第{made + 1}项具体措施", 3))
    return {"title": "合成测试计划", "kind": "action_plan", "year": 2025, "tasks": roots}


def build(path: Path, tasks: int = 10_000, departments: int = 300, assignments: int = 50_000) -> Path:
    path.unlink(missing_ok=True)
    names = department_names(departments)
    with Workspace.create(path) as ws:
        with ws.operation("建立部门"):
            for name in names:
                ws.add_department(name)
        ws.insert_plan_tree(plan_tree(tasks, names, assignments), backup=False)
    return path
