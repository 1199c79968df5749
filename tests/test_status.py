"""Traffic lights on hand-made timelines: a plan for 2025 with quarterly rounds and a fixed
clock, one rule per test."""
from __future__ import annotations

import datetime as dt

import pytest

from models.status import evaluate_plan
from models.status.rules import save_rules

Q1, Q2, Q3, Q4 = "2025年第一季度", "2025年第二季度", "2025年第三季度", "2025年第四季度"
ROUNDS = ((Q1, "2025-01-01", "2025-03-31"), (Q2, "2025-04-01", "2025-06-30"),
          (Q3, "2025-07-01", "2025-09-30"))
LATER = "2025-12-15"     # printing after the rounds ended: each is judged on its last day


@pytest.fixture
def plan(ws):
    p = ws.add_plan("测试工作方案", year=2025)
    for name, start, end in ROUNDS:
        ws.add_round(p.uuid, name, start, end)
    for name in ("区发改局", "区财政局", "区科技局"):
        ws.add_department(name)
    return p.uuid


def task(ws, plan, title, deadline="", lead="区发改局", parent=None, support=()):
    t = ws.add_task(plan, title, parent=parent, deadline=deadline)
    if lead:
        ws.set_roles(t.uuid, {"lead": [lead], "support": list(support)})
    return t.uuid


def status(ws, plan, uuid, round_name=Q3, today=LATER):
    return evaluate_plan(ws, plan, round_name, today).by_uuid()[uuid]


# ---- tasks with a date -------------------------------------------------------------------
@pytest.mark.parametrize("percent, light", [(80, "on_track"), (70, "on_track"),
                                            (60, "at_risk"), (40, "late"), (0, "late")])
def test_by_deadline_compares_reported_with_expected(ws, plan, percent, light):
    # 30 September is day 272 of 364 to 31 December: expected 74.7 %.
    t = task(ws, plan, "年底前完成", "2025年底前")
    ws.record_progress(t, Q3, "区发改局", "in_progress", percent)
    s = status(ws, plan, t)
    assert s.expected == pytest.approx(74.7)
    assert s.reported == percent
    assert s.light == light
    assert s.deadline == "2025-12-31" and s.days_left == 92
    assert "overdue" not in s.flags and "no_report" not in s.flags


def test_thresholds_come_from_the_plan_settings(ws, plan):
    t = task(ws, plan, "年底前完成", "2025年底前")
    ws.record_progress(t, Q3, "区发改局", "in_progress", 60)
    assert status(ws, plan, t).light == "at_risk"
    save_rules(ws, plan, {"at_risk_gap": 20, "late_gap": 40})
    assert status(ws, plan, t).light == "on_track"
    save_rules(ws, plan, {"at_risk_gap": 5, "late_gap": 10})
    assert status(ws, plan, t).light == "late"


def test_configured_plan_start_moves_the_expected_progress(ws, plan):
    t = task(ws, plan, "年底前完成", "2025年底前")
    ws.record_progress(t, Q3, "区发改局", "in_progress", 50)
    save_rules(ws, plan, {"plan_start": "2025-07-01"})
    s = status(ws, plan, t)
    assert s.expected == pytest.approx(100 * 91 / 183, abs=0.1)
    assert s.light == "on_track"


def test_overdue_when_the_deadline_passed_and_not_done(ws, plan):
    t = task(ws, plan, "六月底前完成", "2025年6月底前")
    ws.record_progress(t, Q3, "区发改局", "in_progress", 95)
    s = status(ws, plan, t)
    assert s.light == "late"
    assert "overdue" in s.flags
    assert s.days_left == -92
    assert "逾期92天" in s.reason


def test_done_early_stays_green_without_reporting_again(ws, plan):
    t = task(ws, plan, "提前完成", "2025年底前")
    ws.record_progress(t, Q1, "区发改局", "done")
    s = status(ws, plan, t)                     # Q3: nothing reported since Q1
    assert s.light == "on_track"
    assert "done" in s.flags
    assert "no_report" not in s.flags
    assert s.report_round == Q1


def test_done_set_on_the_task_itself_counts(ws, plan):
    t = task(ws, plan, "直接标记完成", "2025年6月底前")
    ws.edit_task(t, status="done")
    s = status(ws, plan, t)
    assert s.light == "on_track" and "done" in s.flags and "overdue" not in s.flags


def test_no_report_this_round_is_flagged_and_turns_green_yellow(ws, plan):
    t = task(ws, plan, "上轮报送", "2025年底前")
    ws.record_progress(t, Q2, "区发改局", "in_progress", 90)
    s = status(ws, plan, t)
    assert s.flags == ("no_report",)
    assert s.reported == 90 and s.report_round == Q2   # the last report still counts
    assert s.light == "at_risk"
    save_rules(ws, plan, {"no_report_at_risk": False})
    assert status(ws, plan, t).light == "on_track"
    assert status(ws, plan, t).flags == ("no_report",)


def test_later_reports_do_not_leak_into_an_earlier_round(ws, plan):
    t = task(ws, plan, "逐季推进", "2025年底前")
    ws.record_progress(t, Q1, "区发改局", "in_progress", 10)
    ws.record_progress(t, Q3, "区发改局", "done")
    s = status(ws, plan, t, Q1)
    assert s.reported == 10 and "done" not in s.flags
    assert s.expected == pytest.approx(100 * 89 / 364, abs=0.1)   # as of 31 March


def test_a_running_round_is_judged_on_today(ws, plan):
    t = task(ws, plan, "年底前完成", "2025年底前")
    ws.record_progress(t, Q3, "区发改局", "in_progress", 50)
    st = evaluate_plan(ws, plan, Q3, "2025-08-15")
    assert st.as_of == dt.date(2025, 8, 15)
    assert st.by_uuid()[t].expected == pytest.approx(100 * 226 / 364, abs=0.1)


def test_percent_is_read_from_the_text_and_in_progress_has_a_default(ws, plan):
    a = task(ws, plan, "文字中的进度", "2025年底前")
    b = task(ws, plan, "只说推进中", "2025年底前")
    ws.record_progress(a, Q3, "区发改局", "in_progress", None, "目前已完成80%")
    ws.record_progress(b, Q3, "区发改局", "in_progress", None, "正在推进")
    assert status(ws, plan, a).reported == 80
    sb = status(ws, plan, b)
    assert sb.reported == 50 and "按50%计" in sb.reason and sb.light == "at_risk"


def test_the_lead_departments_report_speaks_for_the_task(ws, plan):
    t = task(ws, plan, "多家报送", "2025年底前", lead="区发改局", support=("区财政局",))
    ws.record_progress(t, Q3, "区财政局", "done")
    ws.record_progress(t, Q3, "区发改局", "in_progress", 30)
    s = status(ws, plan, t)
    assert s.reported == 30 and s.light == "late"


# ---- ongoing, recurring, no deadline -----------------------------------------------------
def test_ongoing_is_judged_only_on_having_a_report(ws, plan):
    reported = task(ws, plan, "长期坚持A", "长期坚持")
    silent_once = task(ws, plan, "长期坚持B", "长期坚持")
    silent_twice = task(ws, plan, "长期坚持C", "长期坚持")
    not_started = task(ws, plan, "长期坚持D", "长期坚持")
    ws.record_progress(reported, Q3, "区发改局", "in_progress", None, "持续开展")
    ws.record_progress(silent_once, Q2, "区发改局", "in_progress")
    ws.record_progress(silent_twice, Q1, "区发改局", "in_progress")
    ws.record_progress(not_started, Q3, "区发改局", "not_started")
    st = evaluate_plan(ws, plan, Q3, LATER).by_uuid()
    assert st[reported].light == "on_track" and st[reported].flags == ("ongoing",)
    assert st[reported].expected is None and st[reported].reported is None
    assert st[silent_once].light == "at_risk"
    assert set(st[silent_once].flags) == {"ongoing", "no_report"}
    assert st[silent_twice].light == "late" and "连续2轮未报送" in st[silent_twice].reason
    assert st[not_started].light == "at_risk"


def test_yearly_recurring_done_for_its_occurrence(ws, plan):
    t = task(ws, plan, "报送年度总结", "每年2月底前")
    ws.record_progress(t, Q1, "区发改局", "done", None, "已报送")
    s = status(ws, plan, t, Q1)
    assert s.light == "on_track"
    assert s.deadline == "2026-02-28"            # the next occurrence
    assert "recurring" in s.flags and "overdue" not in s.flags


def test_yearly_recurring_done_in_a_running_round(ws, plan):
    t = task(ws, plan, "报送年度总结", "每年2月底前")
    ws.record_progress(t, Q1, "区发改局", "done")   # Q1 ends 31 March; today is 10 March
    s = status(ws, plan, t, Q1, today="2025-03-10")
    assert s.light == "on_track" and "overdue" not in s.flags


def test_yearly_recurring_missed_occurrence_is_overdue(ws, plan):
    t = task(ws, plan, "报送年度总结", "每年2月底前")
    ws.record_progress(t, Q1, "区发改局", "in_progress", 50)
    s = status(ws, plan, t, Q1)
    assert s.light == "late"
    assert "overdue" in s.flags and "recurring" in s.flags
    assert s.deadline == "2025-02-28" and s.days_left == -31


def test_yearly_recurring_last_years_report_does_not_cover_this_year(ws, plan):
    t = task(ws, plan, "报送年度总结", "每年2月底前")
    ws.record_progress(t, Q1, "区发改局", "done")
    ws.add_round(plan, "2026年第一季度", "2026-01-01", "2026-03-31")
    s = status(ws, plan, t, "2026年第一季度", today="2026-04-10")
    assert s.light == "late" and "overdue" in s.flags and s.deadline == "2026-02-28"


def test_yearly_recurring_between_occurrences_and_due_soon(ws, plan):
    t = task(ws, plan, "报送年度总结", "每年2月底前")
    ws.record_progress(t, Q1, "区发改局", "done")
    s = status(ws, plan, t, Q3)                  # covered in Q1; not reported in Q3
    assert s.deadline == "2026-02-28"
    assert s.light == "at_risk" and "no_report" in s.flags     # only the missing report
    ws.add_round(plan, Q4, "2025-10-01", "2026-02-10")
    ws.record_progress(t, Q4, "区发改局", "not_started")
    s = status(ws, plan, t, Q4, today="2026-02-10")
    assert "due_soon" in s.flags and s.days_left == 18
    assert s.light == "at_risk" and "即将到期" in s.reason


def test_yearly_recurring_before_the_first_occurrence_is_not_overdue(ws, plan):
    t = task(ws, plan, "报送年度总结", "每年6月底前")
    ws.record_progress(t, Q1, "区发改局", "in_progress")
    s = status(ws, plan, t, Q1)                  # the 2024 occurrence is before the plan
    assert s.light == "on_track" and s.deadline == "2025-06-30"


def test_quarterly_recurring_is_judged_on_the_report_with_its_next_occurrence(ws, plan):
    t = task(ws, plan, "每季度报送数据", "每季度")
    ws.record_progress(t, Q2, "区发改局", "done")
    s = status(ws, plan, t, Q3, today="2025-08-20")
    assert s.deadline == "2025-09-30"
    assert "done" not in s.flags                 # last quarter's done is not this quarter's
    assert s.light == "at_risk" and "no_report" in s.flags
    ws.record_progress(t, Q3, "区发改局", "done")
    s = status(ws, plan, t, Q3, today="2025-08-20")
    assert s.light == "on_track" and "done" in s.flags


def test_task_without_a_deadline_is_judged_on_reports(ws, plan):
    t = task(ws, plan, "无时限任务", "")
    s = status(ws, plan, t)
    assert s.tracked and "no_deadline" in s.flags and s.light == "late"   # silent 3 rounds


# ---- the tree ----------------------------------------------------------------------------
def test_headings_roll_up_and_are_not_counted(ws, plan):
    head = task(ws, plan, "重点任务", "", lead=None)
    good = task(ws, plan, "按期", "2025年底前", parent=head)
    bad = task(ws, plan, "逾期", "2025年6月底前", parent=head)
    ws.record_progress(good, Q3, "区发改局", "in_progress", 80)
    ws.record_progress(bad, Q3, "区发改局", "in_progress", 80)
    intro = ws.add_task(plan, "指导思想").uuid
    st = evaluate_plan(ws, plan, Q3, LATER)
    by = st.by_uuid()
    assert by[head].is_heading and by[head].light == "late"
    assert by[head].rollup == {"on_track": 1, "at_risk": 0, "late": 1}
    assert not by[head].counted
    assert not by[intro].tracked and by[intro].light == ""
    assert [s.task_uuid for s in st.counted()] == [good, bad]
    assert [s.path_number for s in st.counted()] == ["一（一）", "一（二）"]


def test_sub_tasks_inherit_deadline_departments_and_reports(ws, plan):
    parent = task(ws, plan, "建设大厦", "2025年6月底前", lead="区科技局")
    child = ws.add_task(plan, "完成装修", parent=parent).uuid
    other = task(ws, plan, "完成验收", "2025年底前", lead="区财政局", parent=parent)
    ws.record_progress(parent, Q3, "区科技局", "done")
    st = evaluate_plan(ws, plan, Q3, LATER).by_uuid()
    assert st[child].deadline == "2025-06-30" and st[child].lead == ("区科技局",)
    assert "done" in st[child].flags and st[child].light == "on_track"
    # Its own deadline and lead win; the heading's report still speaks for it.
    assert st[other].deadline == "2025-12-31" and st[other].lead == ("区财政局",)
    assert "done" in st[other].flags


# ---- rounds ------------------------------------------------------------------------------
def test_default_round_is_the_last_open_one(ws, plan):
    t = task(ws, plan, "年底前完成", "2025年底前")
    ws.close_round(plan, Q3)
    st = evaluate_plan(ws, plan, None, LATER)
    assert st.round_name == Q2 and st.as_of == dt.date(2025, 6, 30)
    assert st.by_uuid()[t].expected == pytest.approx(100 * 180 / 364, abs=0.1)


def test_plan_without_rounds_is_judged_on_today_without_no_report(ws):
    p = ws.add_plan("无轮次", year=2025).uuid
    ws.add_department("区发改局")
    a = task(ws, p, "逾期", "2025年3月底前")
    b = task(ws, p, "长期坚持", "长期坚持")
    st = evaluate_plan(ws, p, None, "2025-05-01")
    by = st.by_uuid()
    assert st.round_name is None and st.as_of == dt.date(2025, 5, 1)
    assert by[a].light == "late" and by[a].flags == ("overdue",)
    assert by[b].light == "on_track" and by[b].flags == ("ongoing",)


def test_an_unknown_round_is_refused(ws, plan):
    from models.errors import NotFound
    with pytest.raises(NotFound):
        evaluate_plan(ws, plan, "2030年第一季度", LATER)
