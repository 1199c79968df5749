"""Reminders (催报): a round's due date (报送截止日期) and the departments that have not
reported in it.

Who is expected to report: the departments leading (or responsible for) a task of the
plan, and any other department a workbook of the round was sent to. A department has reported once a returned workbook of the round was applied
or a progress entry of the round names it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import InvalidEdit
from .messages import msg


@dataclass(frozen=True)
class Pending:
    """A department that owes the round its report."""
    department: str
    tasks: int            # tasks of the plan it leads or is responsible for
    overdue_days: int     # days past the due date (0: not yet due, or no due date)


def set_due_date(ws, plan_uuid, round_ref, due_date: str | None):
    """Set (or clear, with None or "") the round's 报送截止日期; one undoable step."""
    rnd = ws.round(plan_uuid, round_ref)
    value = (due_date or "").strip() or None
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidEdit("app.bad_due_date", date=value) from None
    if value != rnd.due_date:
        with ws.operation(msg("app.op.set_due_date", round=rnd.name)):
            ws.conn.execute("UPDATE rounds SET due_date=? WHERE id=?", (value, rnd.id))
    return ws.round(plan_uuid, rnd.uuid)


def _expected(ws, plan_id: int, round_id: int) -> dict[int, str]:
    leading = ws.all(
        "SELECT DISTINCT d.id, d.name FROM assignments a JOIN tasks t ON t.id=a.task_id "
        "JOIN departments d ON d.id=a.department_id WHERE t.plan_id=? "
        "AND a.role IN ('lead', 'responsible') AND d.kind != 'collective'", (plan_id,))
    sent = ws.all("SELECT DISTINCT d.id, d.name FROM exchanges e JOIN departments d "
                  "ON d.id=e.department_id WHERE e.plan_id=? AND e.round_id=? "
                  "AND e.direction='out'", (plan_id, round_id))
    return {r[0]: r[1] for r in [*leading, *sent]}


def _reported(ws, plan_id: int, round_id: int) -> set[int]:
    rows = ws.all("SELECT department_id FROM exchanges WHERE plan_id=? AND round_id=? "
                  "AND direction='in' AND department_id IS NOT NULL "
                  "UNION SELECT department_id FROM progress WHERE round_id=? "
                  "AND department_id IS NOT NULL", (plan_id, round_id, round_id))
    return {r[0] for r in rows}


def pending_departments(ws, plan_uuid, round_ref, today: dt.date | None = None) -> list[Pending]:
    """The departments that have not reported in the round, most tasks first."""
    plan = ws.plan(plan_uuid)
    rnd = ws.round(plan_uuid, round_ref)
    today = today or dt.date.today()
    expected = _expected(ws, plan.id, rnd.id)
    done = _reported(ws, plan.id, rnd.id)
    counts = {r[0]: r[1] for r in ws.all(
        "SELECT a.department_id, count(DISTINCT a.task_id) FROM assignments a "
        "JOIN tasks t ON t.id=a.task_id WHERE t.plan_id=? AND a.role IN ('lead', 'responsible') "
        "GROUP BY a.department_id", (plan.id,))}
    late = 0
    if rnd.due_date:
        late = max(0, (today - dt.date.fromisoformat(rnd.due_date)).days)
    out = [Pending(name, counts.get(dep_id, 0), late)
           for dep_id, name in expected.items() if dep_id not in done]
    return sorted(out, key=lambda p: (-p.tasks, p.department))
