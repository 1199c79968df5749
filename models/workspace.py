"""The workspace: one facade over the store and the domain operations.

    ws = Workspace.open("office.plandesk")        # or .create(...), .memory()
    plan = ws.add_plan("槐荫区…工作方案", kind="work_plan", year=2022)
    task = ws.add_task(plan.uuid, "建设中国地理标志产业大厦")
    ws.assign(task.uuid, "区市场监管局", "lead")
    ws.undo()                                      # exact previous state
"""
from __future__ import annotations

from .counterparts import CounterpartOps
from .departments import DepartmentOps
from .mentions import MentionOps
from .plan_insert import insert_plan_tree
from .plans import PlanOps
from .progress import ProgressOps
from .store import Store, new_uuid
from .rearrange import RearrangeOps
from .tasks import TaskOps


class Workspace(Store, PlanOps, TaskOps, RearrangeOps, DepartmentOps, ProgressOps,
                CounterpartOps, MentionOps):
    @staticmethod
    def new_uuid() -> str:
        return new_uuid()

    def insert_plan_tree(self, plan: dict, source_file: str = "", backup: bool = True) -> dict:
        """Store a parsed plan as a new plan in one undo step (see ``plan_insert``)."""
        return insert_plan_tree(self, plan, source_file, backup)
