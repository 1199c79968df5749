"""Why a task has its light (codes "status.<name>"): the 原因 column, tooltips and reports.

Percents come as text already formatted ("62.5"), dates as month and day numbers.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The lights and flags by name: the dashboard, the charts and the progress reports.
    "light_on_track": ("正常推进", "On track"),
    "light_at_risk": ("存在风险", "At risk"),
    "light_late": ("滞后", "Late"),
    "flag_overdue": ("已逾期", "Overdue"),
    "flag_no_report": ("本轮未报送", "No report this round"),
    "flag_done": ("已完成", "Done"),
    "flag_due_soon": ("即将到期", "Due soon"),
    "flag_ongoing": ("长期坚持", "Ongoing"),
    "flag_recurring": ("定期任务", "Recurring"),
    "flag_no_deadline": ("无完成时限", "No deadline"),
    "flag_disagree": ("意见不一致", "Departments disagree"),
    "done": ("已完成", "done"),
    "overdue": ("已逾期{days}天，尚未完成", "{days} days overdue, not done"),
    "expected_unreported": ("序时进度{expected}%，尚无报送进度",
                            "expected {expected}%, no progress reported yet"),
    "expected_assumed": ("序时进度{expected}%，报送“推进中”（按{reported}%计）",
                         "expected {expected}%, reported “in progress” (counted as {reported}%)"),
    "expected_reported": ("序时进度{expected}%，报送进度{reported}%",
                          "expected {expected}%, reported {reported}%"),
    "no_rounds": ("尚无报送轮次", "no reporting round yet"),
    "not_started": ("本轮报送“未启动”", "reported “not started” this round"),
    "reported": ("本轮已报送", "reported this round"),
    "no_report": ("本轮未报送", "no report this round"),
    "silent_rounds": ("连续{rounds}轮未报送", "no report for {rounds} rounds in a row"),
    "yearly_missed": ("{month}月{day}日的时限已过，未报送完成",
                      "the deadline of {month}/{day} (month/day) has passed and no completion "
                      "was reported"),
    "period_done": ("本期已完成", "done for this period"),
    "next_deadline": ("下次时限{month}月{day}日", "next deadline {month}/{day} (month/day)"),
    "next_deadline_soon": ("下次时限{month}月{day}日，即将到期且尚未报送推进情况",
                           "next deadline {month}/{day} (month/day): due soon and no progress "
                           "reported since"),
    "disagree": ("意见不一致，{basis}", "the departments disagree; {basis}"),
    "basis_lead": ("按牵头单位{department}的报送", "the lead department {department}'s report counts"),
    "basis_whole": ("按全表报送的内容", "the report for the whole table counts"),
    "basis_least": ("无牵头单位报送，按进展最慢的{department}的报送",
                    "no report from a lead department; the least advanced one counts "
                    "({department})"),
    # A heading: the counts of its sub-tasks' lights; a count after another starts with a comma.
    "sub_tasks": ("下属任务：{on_track}{at_risk}{late}", "sub-tasks: {on_track}{at_risk}{late}"),
    "count_on_track": ("正常推进{n}项", "{n} on track"),
    "count_at_risk": ("存在风险{n}项", "{n} at risk"),
    "count_at_risk_after": ("，存在风险{n}项", ", {n} at risk"),
    "count_late": ("滞后{n}项", "{n} late"),
    "count_late_after": ("，滞后{n}项", ", {n} late"),
}
