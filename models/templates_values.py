"""A round's values for the tasks of a received plan, as the office above asks for them.

For each task of the received plan, the reports are those on the task itself and on the
district tasks that implement it (with the district's own sub-tasks under them). They are
merged by one stated rule — ``MERGE_RULE`` — so the clerk can say how the sheet was made.
"""
from __future__ import annotations

from .entities import STATUS_LABELS

MERGE_RULE = ("牵头单位的报告在前，其他单位的报告依次附后并注明单位名称；完成状态：全部已完成为已完成，"
              "有推进中或已完成为推进中，否则为未启动；完成百分比取牵头单位所报，未报则取各单位平均。")
TEXT_FIELDS = ("text", "problems", "next_steps", "note")


def _progress_columns(ws) -> list[str]:
    have = {r[1] for r in ws.all("PRAGMA table_info(progress)")}
    return [f for f in TEXT_FIELDS if f in have]


def round_reports(ws, plan_uuid, round_name: str) -> dict[str, list[dict]]:
    """{task uuid of the plan: [report]} for the round, in the order the rule merges them."""
    plan = ws.plan(plan_uuid)
    fields = _progress_columns(ws)
    cols = ", ".join(f"p.{f}" for f in fields)
    rank = {"lead": 0, "responsible": 1, "support": 2, "guide": 3}
    rows = ws.all(
        "WITH RECURSIVE m(id, higher, depth) AS ("
        " SELECT h.id, h.uuid, 0 FROM tasks h WHERE h.plan_id=?1"
        " UNION ALL SELECT t.id, h.uuid, 1 FROM tasks t JOIN tasks h ON h.uuid=t.implements"
        "  WHERE h.plan_id=?1 AND t.plan_id<>?1"
        " UNION ALL SELECT c.id, m.higher, m.depth + 1 FROM tasks c JOIN m ON c.parent_id=m.id"
        "  WHERE c.implements IS NULL AND m.depth > 0)"
        f" SELECT m.higher, m.depth, p.id, p.status, p.percent, {cols}, d.name AS department,"
        " a.role, a.position FROM m JOIN progress p ON p.task_id=m.id"
        " JOIN rounds r ON r.id=p.round_id AND r.name=?2"
        " LEFT JOIN departments d ON d.id=p.department_id"
        " LEFT JOIN assignments a ON a.task_id=p.task_id AND a.department_id=p.department_id",
        (plan.id, round_name.strip()))
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["higher"], []).append(dict(r))
    for reports in out.values():
        reports.sort(key=lambda r: (r["depth"] > 1, rank.get(r["role"] or "", 4),
                                    r["position"] if r["position"] is not None else 1 << 30, r["id"]))
    return out


def merge_reports(reports: list[dict]) -> dict:
    """One value per field from several departments' reports (see ``MERGE_RULE``)."""
    out: dict = {}
    for f in TEXT_FIELDS:
        parts = []
        for i, r in enumerate(reports):
            text = (r.get(f) or "").strip()
            if not text:
                continue
            name = r.get("department") or ""
            parts.append(text if i == 0 or not name else f"{name}：{text}")
        out[f] = "\n".join(parts)
    statuses = [r["status"] for r in reports if r.get("status")]
    if statuses and all(s == "done" for s in statuses):
        out["status"] = "done"
    elif any(s in ("in_progress", "done") for s in statuses):
        out["status"] = "in_progress"
    else:
        out["status"] = "not_started" if statuses else ""
    percents = [r["percent"] for r in reports if r.get("percent") is not None]
    lead = reports[0].get("percent") if reports else None
    out["percent"] = lead if lead is not None else (
        round(sum(percents) / len(percents), 1) if percents else None)
    out["status_label"] = STATUS_LABELS.get(out["status"], "")
    return out


def round_values(ws, plan_uuid, round_name: str) -> dict[str, dict]:
    """{task uuid: merged values} for the tasks of the plan that have reports in the round."""
    return {uuid: merge_reports(reports)
            for uuid, reports in round_reports(ws, plan_uuid, round_name).items()}
