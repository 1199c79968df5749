"""Counts, problem lists and targets over the sample plan; reads stay one query per table."""
from __future__ import annotations

import pytest

from models.status import evaluate_plan
from models.status.sample import build_large, build_sample
from models.status.summary import NO_DEPARTMENT, department_tasks, problem_tasks, summarize
from models.status.targets import actual_from_text
from models.status.view import progress_view

Q3 = "2025年第三季度"
TODAY = "2025-11-01"


@pytest.fixture
def sample(ws):
    return build_sample(ws)


def test_summary_counts_each_piece_of_work_once(ws, sample):
    st = evaluate_plan(ws, sample, Q3, TODAY)
    s = summarize(st)
    assert s.total == 10 == len(st.counted())
    assert s.by_light == {"on_track": 3, "at_risk": 3, "late": 4}
    assert s.done == 1 and s.flags["overdue"] == 2 and s.flags["no_report"] == 4
    assert s.round_name == Q3 and str(s.as_of) == "2025-09-30"
    assert sum(sum(c.values()) for c in s.due_by_month.values()) + s.undated == s.total
    assert s.due_by_month["2025-06"] == {"on_track": 0, "at_risk": 0, "late": 1}
    assert s.sentence().startswith("纳入统计的任务共10项，其中已完成1项，正常推进2项，存在风险3项，滞后4项")


def test_departments_are_ordered_worst_first(ws, sample):
    s = summarize(evaluate_plan(ws, sample, Q3, TODAY))
    names = list(s.by_department)
    lates = [s.by_department[n]["late"] for n in names]
    assert lates == sorted(lates, reverse=True)
    assert s.by_department["区市场监管局"] == {"on_track": 2, "at_risk": 1, "late": 0}
    assert NO_DEPARTMENT not in s.by_department


def test_problem_tasks_late_first_in_tree_order(ws, sample):
    st = evaluate_plan(ws, sample, Q3, TODAY)
    rows = problem_tasks(st)
    lights = [s.light for s in rows]
    assert lights == ["late"] * 4 + ["at_risk"] * 3
    late = [s.path_number for s in rows if s.light == "late"]
    assert late == ["一（二）", "二（三）", "三（一）", "三（四）"]
    assert [s.title for s in department_tasks(st, "区财政局")] == ["落实知识产权质押融资贴息"]
    assert department_tasks(st, "区教体局") == []
    assert [s.title for s in department_tasks(st, "区教体局", ("at_risk",))] == ["推进知识产权进校园"]


def test_targets_take_actual_values_from_the_report_text(ws, sample):
    view = progress_view(ws, sample, Q3, TODAY)
    by_metric = {t.metric: t for t in view.targets}
    assert by_metric["每万人口高价值发明专利拥有量"].actual == 12
    assert by_metric["每万人口高价值发明专利拥有量"].ratio == pytest.approx(100 * 12 / 14)
    assert by_metric["质押融资金额"].actual is None          # nothing reported in 亿元
    assert by_metric["知识产权示范企业"].actual == 7


@pytest.mark.parametrize("text, metric, unit, value", [
    ("新增5件，累计已达到12件", "高价值发明专利拥有量", "件", 12),
    ("高价值发明专利拥有量达到13.5件，新增2件", "每万人口高价值发明专利拥有量", "件", 13.5),
    ("完成投资1,200万元", "投资", "万元", 1200),
    ("有序推进", "投资", "万元", None),
    ("达到85%", "覆盖率", "%", 85),
])
def test_actual_from_text(text, metric, unit, value):
    assert actual_from_text(text, metric, unit)[0] == value


def count_queries(ws, fn):
    seen = []
    ws.conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        ws.conn.set_trace_callback(None)
    return len([q for q in seen if q.lstrip().upper().startswith("SELECT")])


def test_evaluation_reads_each_table_once_whatever_the_size(ws, sample):
    small = count_queries(ws, lambda: progress_view(ws, sample, Q3, TODAY))
    big = build_large(ws, 600)
    large = count_queries(ws, lambda: progress_view(ws, big, Q3, TODAY))
    assert large == small
    assert small < 20
