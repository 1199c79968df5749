"""Everything a progress view shows, computed once: statuses, counts and targets.

The dashboard, the Word report and the workbook all start from a ``ProgressView`` so
they agree with each other and read the workspace only once.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import StatusList, evaluate_plan
from .load import PlanData, load_plan
from .summary import Summary, summarize
from .targets import TargetValue, target_values


@dataclass
class ProgressView:
    data: PlanData
    statuses: StatusList
    summary: Summary
    targets: list[TargetValue]

    @property
    def plan(self):
        return self.data.plan


def progress_view(ws, plan_uuid, round_name=None, today=None) -> ProgressView:
    data = load_plan(ws, plan_uuid, with_targets=True)
    statuses = evaluate_plan(ws, plan_uuid, round_name, today, data=data)
    return ProgressView(data, statuses, summarize(statuses), target_values(data, statuses))
