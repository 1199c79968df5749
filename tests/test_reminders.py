"""催报: a round's due date, who has not reported, and the reminder notice read back."""
from __future__ import annotations

import datetime as dt

import pytest
from docx import Document

from models import reminders
from models.errors import InvalidEdit
from reports.reminder_notice import NothingToRemind, render_reminder


def _plan(ws):
    for name in ("区发展改革局", "区市场监管局", "区科技局", "各街道办事处"):
        ws.add_department(name)
    plan = ws.add_plan("槐荫区知识产权强区建设工作方案", issuer="槐荫区发展和改革局")
    t1 = ws.add_task(plan.uuid, "建设地理标志产业大厦")
    ws.assign(t1.uuid, "区市场监管局", "lead")
    ws.assign(t1.uuid, "区科技局", "support")
    t2 = ws.add_task(plan.uuid, "实施专利导航")
    ws.assign(t2.uuid, "区发展改革局", "lead")
    ws.assign(t2.uuid, "各街道办事处", "responsible")
    t3 = ws.add_task(plan.uuid, "开展专利培训")
    ws.assign(t3.uuid, "区市场监管局", "responsible")
    rnd = ws.add_round(plan.uuid, "2025年第三季度", "2025-07-01", "2025-09-30")
    return plan, rnd, (t1, t2, t3)


def test_due_date_is_set_undone_and_checked(ws):
    plan, rnd, _ = _plan(ws)
    assert reminders.set_due_date(ws, plan.uuid, rnd.uuid, "2025-10-10").due_date == "2025-10-10"
    assert ws.round(plan.uuid, rnd.name).due_date == "2025-10-10"
    ws.undo()
    assert ws.round(plan.uuid, rnd.name).due_date is None
    with pytest.raises(InvalidEdit) as e:
        reminders.set_due_date(ws, plan.uuid, rnd.uuid, "2025-13-01")
    assert "2025-13-01" in str(e.value) and "有效日期" in str(e.value)
    assert ws.round(plan.uuid, rnd.name).due_date is None


def test_pending_are_the_leading_departments_without_a_report(ws):
    plan, rnd, (t1, t2, _t3) = _plan(ws)
    reminders.set_due_date(ws, plan.uuid, rnd.uuid, "2025-10-10")
    today = dt.date(2025, 10, 15)
    pending = reminders.pending_departments(ws, plan.uuid, rnd.uuid, today)
    # The supporting 区科技局 and the collective 各街道办事处 are not pressed.
    assert [(p.department, p.tasks, p.overdue_days) for p in pending] == [
        ("区市场监管局", 2, 5), ("区发展改革局", 1, 5)]
    ws.record_progress(t1.uuid, rnd.uuid, "区市场监管局", status="in_progress", percent=50)
    assert [p.department for p in reminders.pending_departments(ws, plan.uuid, rnd.uuid, today)] \
        == ["区发展改革局"]
    ws.record_progress(t2.uuid, rnd.uuid, "区发展改革局", status="done", percent=100)
    assert reminders.pending_departments(ws, plan.uuid, rnd.uuid, today) == []


def test_a_supporting_department_sent_a_workbook_is_expected_too(ws):
    plan, rnd, _ = _plan(ws)
    sci = ws.department("区科技局")
    ws.record_exchange(plan.uuid, "out", "科技局.xlsx", round_ref=rnd.uuid, department_ref=sci.id)
    assert [p.department for p in reminders.pending_departments(ws, plan.uuid, rnd.uuid)] == \
        ["区市场监管局", "区发展改革局", "区科技局"]
    ws.record_exchange(plan.uuid, "in", "科技局报回.xlsx", round_ref=rnd.uuid,
                       department_ref=sci.id)
    assert "区科技局" not in [p.department for p in
                             reminders.pending_departments(ws, plan.uuid, rnd.uuid)]


def test_reminder_notice_names_the_departments_and_dates(ws, tmp_path):
    plan, rnd, _ = _plan(ws)
    rnd = reminders.set_due_date(ws, plan.uuid, rnd.uuid, "2025-10-10")
    today = dt.date(2025, 10, 13)
    pending = reminders.pending_departments(ws, plan.uuid, rnd.uuid, today)
    out = render_reminder(ws.plan(plan.uuid), rnd, pending, tmp_path / "催报.docx", today)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts[0].replace("\n", "") == "关于报送2025年第三季度工作进展情况的催报通知"
    assert "区市场监管局、区发展改革局：" in texts
    body = "\n".join(texts)
    assert "应于2025年10月10日前报送" in body and "截至2025年10月13日" in body
    assert "区市场监管局：承担牵头（负责）任务2项，已逾期3天。" in body
    assert "于2025年10月16日前" in body and "槐荫区发展和改革局" in texts[-2:]


def test_no_reminder_when_everybody_reported(ws, tmp_path):
    plan, rnd, _ = _plan(ws)
    with pytest.raises(NothingToRemind) as e:
        render_reminder(ws.plan(plan.uuid), rnd, [], tmp_path / "x.docx")
    assert "无需催报" in str(e.value)
    assert not (tmp_path / "x.docx").exists()
