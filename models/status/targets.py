"""Targets (指标) against the values departments report in their progress text.

Reports carry numbers only as prose (“累计已达到12件”), so the actual value is read from the
latest report's text: the number in the target's unit that follows the metric's name, else
one introduced by 达到/累计/共/完成, else the last one in that unit. No number → no actual:
the chart then shows the target alone rather than guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_LEAD_IN = re.compile(r"(达到|累计|共计|共|总计|完成|实现|已达|达)\s*$")


@dataclass
class TargetValue:
    task_uuid: str
    number: str
    metric: str
    target: float
    unit: str
    qualifier: str
    actual: float | None
    source: str          # the piece of report text the actual was read from

    @property
    def ratio(self) -> float | None:
        """Actual as a percent of the target (None without an actual or a target)."""
        if self.actual is None or not self.target:
            return None
        return 100.0 * self.actual / self.target


def actual_from_text(text: str, metric: str, unit: str) -> tuple[float | None, str]:
    """The reported value of a target in a progress text, and the snippet it came from."""
    if not text or not unit:
        return None, ""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)   # 1,200 → 1200
    pattern = re.compile(r"(\d+(?:\.\d+)?)\s*" + re.escape(unit))
    matches = list(pattern.finditer(text))
    if not matches:
        return None, ""
    chosen = None
    key = _metric_key(metric)
    if key:
        at = text.find(key)
        if at >= 0:
            chosen = next((m for m in matches if m.start() >= at), None)
    if chosen is None:
        chosen = next((m for m in matches if _LEAD_IN.search(text[max(0, m.start() - 4):m.start()])),
                      None)
    if chosen is None:
        chosen = matches[-1]
    lo = max(0, chosen.start() - 12)
    return float(chosen.group(1)), text[lo:chosen.end()]


def _metric_key(metric: str) -> str:
    """The distinctive tail of a metric name (reports shorten “每万人口高价值发明专利拥有量”)."""
    m = (metric or "").strip()
    return m[-6:] if len(m) > 6 else m


def target_values(data, statuses) -> list[TargetValue]:
    """Every numeric target of a plan (``load.load_plan(…, with_targets=True)``) with
    the actual value read from the task's latest report (``statuses``: evaluate_plan)."""
    by_id = {s.task_id: s for s in statuses}
    out = []
    for t in data.tasks:
        for g in data.targets.get(t.id, ()):
            if g["value"] is None:
                continue
            s = by_id.get(t.id)
            actual, source = actual_from_text(s.report_text if s else "", g["metric"], g["unit"])
            out.append(TargetValue(t.uuid, s.path_number if s else "", g["metric"] or t.title,
                                   float(g["value"]), g["unit"], g["qualifier"], actual, source))
    return out
