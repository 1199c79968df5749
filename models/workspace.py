"""The workspace: one facade over the store and the domain operations.

    ws = Workspace.open("office.plandesk")        # or .create(...), .memory()
    plan = ws.add_plan("槐荫区…工作方案", kind="work_plan", year=2022)
    task = ws.add_task(plan.uuid, "建设中国地理标志产业大厦")
    ws.assign(task.uuid, "区市场监管局", "lead")
    ws.undo()                                      # exact previous state
"""
from __future__ import annotations

from typing import cast

from .counterparts import CounterpartOps
from .deadline import parse_deadline
from .departments import DepartmentOps
from .entities import STATUS_LABELS
from .messages import msg
from .plans import PlanOps
from .progress import ProgressOps
from .store import Store, new_uuid
from .tasks import TaskOps


class Workspace(Store, PlanOps, TaskOps, DepartmentOps, ProgressOps, CounterpartOps):
    @staticmethod
    def new_uuid() -> str:
        return new_uuid()

    def insert_plan_tree(self, plan: dict, source_file: str = "", backup: bool = True) -> dict:
        """Store a parsed plan (the dump shape: title, kind, …, tasks with children) as a new plan.

        One operation (one undo step) after a backup. Department names are matched through
        the registry's aliases; unknown ones are added and flagged new for the clerk to review.
        Returns {"plan": Plan, "tasks": n, "new_departments": [names]}.
        """
        if backup:
            self.bulk_backup("import")
        fields = {k: plan[k] for k in ("issuer", "doc_number", "year", "period", "preamble",
                                         "head", "warnings", "parent_uuid") if plan.get(k) is not None}
        index = self.department_index()
        new_names: list[str] = []
        count = 0
        title = plan.get("title") or "未命名计划"
        with self.operation(msg("store.op.import_plan", title=title[:16])):
            p = self.add_plan(title, kind=plan.get("kind") or "work_plan",
                              source_file=source_file or plan.get("source_file", ""), **fields)
            stack: list[tuple[int | None, dict]] = [(None, t) for t in reversed(plan.get("tasks") or [])]
            positions: dict = {}
            while stack:
                parent_id, node = stack.pop()
                pos = positions.get(parent_id, 0)
                positions[parent_id] = pos + 1
                deadline = node.get("deadline") or {}
                d = parse_deadline(deadline.get("text", "") if isinstance(deadline, dict) else
                                   str(deadline), p.year)
                cur = self.conn.execute(
                    "INSERT INTO tasks(uuid, plan_id, parent_id, position, title, text, label_style, "
                    "deadline_text, deadline_date, deadline_kind, status, source_line, implements) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (node.get("uuid") or new_uuid(), p.id, parent_id, pos, node.get("title", ""),
                     node.get("text", ""), node.get("label_style", ""), d.text, d.date, d.kind,
                     _status_code(node.get("status", "")), node.get("line"), node.get("implements")))
                task_id = cast(int, cur.lastrowid)     # set by every INSERT
                count += 1
                new_names += self._insert_roles(task_id, node.get("roles") or {}, index)
                if node.get("targets"):
                    self._insert_targets(task_id, [_target_fields(t) for t in node["targets"]])
                for child in reversed(node.get("children") or []):
                    stack.append((task_id, child))
        return {"plan": self.plan(p.id), "tasks": count,
                "new_departments": list(dict.fromkeys(new_names))}


def _target_fields(t: dict) -> dict:
    return {k: t[k] for k in ("metric", "value", "unit", "qualifier", "year", "baseline", "text")
            if k in t}


def _status_code(status: str) -> str:
    """未启动/推进中/已完成 as written in a document, or the code itself → the code."""
    back = {v: k for k, v in STATUS_LABELS.items()}
    return back.get(status, status if status in STATUS_LABELS else "")
