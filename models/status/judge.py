"""How one task's light is decided: the rules of ``models.status`` in one place.

``Judge.task`` fills a ``TaskStatus`` (light, flags, expected, reported, reasons) from the
task's deadline and the reports that count for the evaluated round; see the module
docstring of ``models.status`` for the rules in words.
"""
from __future__ import annotations

import datetime as dt
import re

from ..messages import msg
from .agreement import answer, basis_message, choose
from .load import Report
from .schedule import (around, expected_percent, occurrences, plan_start,
                              recurrence_period, to_date)

FLAGS = ("overdue", "no_report", "disagree", "done", "due_soon", "ongoing", "recurring",
         "no_deadline")
# “已完成60%”, “推进进度达到80%”: a percent the department wrote instead of filling the cell.
_PERCENT_IN_TEXT = re.compile(r"(?:完成|进度|推进|达到)[^，。；,;]{0,6}?(\d{1,3}(?:\.\d+)?)\s*[%％]")


class Judge:
    """The rules applied to one leaf task; kept together so they read as one table."""

    def __init__(self, rules, plan, rnd, order: dict, upto: int, on):
        # order: round id → its index; upto: the evaluated round's index (reports of later
        # rounds do not count); on: the date the round is judged on.
        self.rules, self.plan, self.rnd, self.order, self.upto = rules, plan, rnd, order, upto
        self.on = on

    # ---- which report counts ---------------------------------------------------------
    def _chosen(self, reports: dict, lead: tuple) -> dict:
        """Round order index → the report that speaks for the task in that round."""
        out = {}
        self._choices: dict = {}
        self._items: dict = {}
        for round_id, items in reports.items():
            i = self.order.get(round_id)
            if i is None or i > self.upto:
                continue
            items = _latest_per_department(items)
            choice = choose(items, lead, latest=lambda rs: max(rs, key=lambda r: r.seq))
            self._choices[i], self._items[i] = choice, items
            out[i] = choice.report
        return out

    def _disagreement(self, s, index: int | None, flags: list) -> None:
        """意见不一致 in the round the light rests on: each department's answer, and the rule."""
        choice = self._choices.get(index) if index is not None else None
        if choice is None or not choice.disagree:
            return
        flags.append("disagree")
        s.answers = tuple((r.department, *answer(r)) for r in self._items[index])
        s.basis = basis_message(choice)

    def _percent(self, r: Report | None) -> float | None:
        if r is None:
            return None
        if r.status == "done":
            return 100.0
        if r.percent is not None:
            return float(r.percent)
        m = _PERCENT_IN_TEXT.search(r.text)
        if m and float(m.group(1)) <= 100:
            return float(m.group(1))
        if r.status == "not_started":
            return 0.0
        if r.status == "in_progress":
            return self.rules.in_progress_percent
        return None

    def _assumed(self, r: Report) -> bool:
        """The percent is ``in_progress_percent``, not what the department wrote."""
        return (r.status == "in_progress" and r.percent is None
                and not _PERCENT_IN_TEXT.search(r.text))

    # ---- the light -------------------------------------------------------------------
    def task(self, s, t, reports: dict) -> None:
        """Fill ``s`` (a TaskStatus) for task ``t`` from its reports {round id: [Report]}."""
        chosen = self._chosen(reports, s.lead)
        latest = chosen[max(chosen)] if chosen else None
        flags: list = []
        self._disagreement(s, max(chosen) if chosen else None, flags)
        this_round = chosen.get(self.upto) if self.rnd is not None else None
        if latest is not None:
            s.reported_status = latest.status
            s.report_text = latest.text
            s.report_problems, s.report_next_steps = latest.problems, latest.next_steps
            s.report_round = latest.round_name
            s.reported = self._percent(latest)
            if self._assumed(latest) and s.deadline_kind != "by":
                s.reported = None   # no clock to compare with: show no invented number
        kind = s.deadline_kind
        deadline = to_date(s.deadline)
        if kind == "recurring":
            flags.append("recurring")
            if recurrence_period(s.deadline_text) == "yearly":
                self._yearly(s, chosen, flags, this_round)
                return self._finish(s, flags, this_round)
            occ = occurrences(s.deadline_text, deadline, self.on)
            nxt = around(occ, self.on)[2] if occ else None
            s.deadline = nxt.isoformat() if nxt else None
            s.days_left = (nxt - self.on).days if nxt else None
            self._by_reports(s, chosen, flags, this_round, recurring=True)
        elif kind == "by" and deadline is not None:
            self._by_deadline(s, t, deadline, latest, flags)
        else:
            flags.append("ongoing" if kind == "ongoing" else "no_deadline")
            self._by_reports(s, chosen, flags, this_round, task_done=t.status == "done")
        return self._finish(s, flags, this_round)

    def _finish(self, s, flags, this_round) -> None:
        if s.days_left is not None and 0 <= s.days_left <= self.rules.due_soon_days \
                and "done" not in flags:
            flags.append("due_soon")
        if self.rnd is not None and this_round is None and "done" not in flags:
            flags.append("no_report")
            if self.rules.no_report_at_risk and s.light == "on_track":
                s.light = "at_risk"
            if not any(r.code == "status.no_report" for r in s.reasons):
                s.reasons.insert(0, msg("status.no_report"))
        if "disagree" in flags and s.basis is not None:
            s.reasons.append(msg("status.disagree", basis=s.basis))
        s.flags = tuple(f for f in FLAGS if f in flags)

    def _by_deadline(self, s, t, deadline, latest, flags) -> None:
        on = self.on
        start = plan_start(self.plan.year, self.rules.plan_start, deadline)
        s.expected = expected_percent(start, deadline, on)
        s.days_left = (deadline - on).days
        reported = s.reported or 0.0
        if t.status == "done" or (latest is not None and reported >= 100):
            flags.append("done")
            s.light, s.reasons = "on_track", [msg("status.done")]
            return
        if on > deadline:
            flags.append("overdue")
            s.light, s.reasons = "late", [msg("status.overdue", days=(on - deadline).days)]
            return
        gap = s.expected - reported
        expected, said = f"{s.expected:g}", f"{reported:g}"
        if latest is None or s.reported is None:
            what = msg("status.expected_unreported", expected=expected)
        elif self._assumed(latest):
            what = msg("status.expected_assumed", expected=expected, reported=said)
        else:
            what = msg("status.expected_reported", expected=expected, reported=said)
        if gap > self.rules.late_gap:
            s.light = "late"
        elif gap > self.rules.at_risk_gap:
            s.light = "at_risk"
        else:
            s.light = "on_track"
        s.reasons = [what]

    def _by_reports(self, s, chosen, flags, this_round, task_done=False, recurring=False) -> None:
        if recurring:   # done last quarter says nothing about this quarter
            done = this_round is not None and (self._percent(this_round) or 0) >= 100
        else:
            done = task_done or (s.reported is not None and s.reported >= 100)
        if done:
            flags.append("done")
            s.light, s.reasons = "on_track", [msg("status.done")]
            return
        if self.rnd is None:
            s.light, s.reasons = "on_track", [msg("status.no_rounds")]
            return
        if this_round is not None:
            if this_round.status == "not_started":
                s.light, s.reasons = "at_risk", [msg("status.not_started")]
            else:
                s.light, s.reasons = "on_track", [msg("status.reported")]
            return
        missing = 0
        for i in range(self.upto, -1, -1):
            if i in chosen:
                break
            missing += 1
        if missing >= self.rules.ongoing_missing_rounds_late:
            s.light, s.reasons = "late", [msg("status.silent_rounds", rounds=missing)]
        else:
            s.light, s.reasons = "at_risk", [msg("status.no_report")]

    def _yearly(self, s, chosen, flags, this_round) -> None:
        on, grace = self.on, dt.timedelta(days=self.rules.recurring_grace_days)
        occ = occurrences(s.deadline_text, to_date(s.deadline), on)
        prev2, prev, nxt = around(occ, on)
        assert nxt is not None      # occurrences() runs two years past ``on``
        start = plan_start(self.plan.year, self.rules.plan_start, nxt)
        # A report is dated by its round's end; one in a running round was made by now.
        dated = [(min(r.date, on), r) for r in chosen.values() if r.date is not None]
        done_dates = [d for d, r in dated if (self._percent(r) or 0) >= 100]

        def done_after(start_of_window):
            """Reported done after ``start_of_window`` (and by now)."""
            low = start_of_window + grace if start_of_window else dt.date.min
            return any(low < d <= on for d in done_dates)

        # The last occurrence (within the plan) must have been done: reports after the one
        # before it, plus the grace, count — a late completion still covers it.
        if prev is not None and (start is None or prev >= start) and not done_after(prev2):
            flags.append("overdue")
            s.deadline, s.days_left = prev.isoformat(), (prev - on).days
            s.light = "late"
            s.reasons = [msg("status.yearly_missed", month=prev.month, day=prev.day)]
            return
        s.deadline, s.days_left = nxt.isoformat(), (nxt - on).days
        if done_after(prev):
            flags.append("done")
            s.light, s.reasons = "on_track", [msg("status.period_done")]
            return
        since = [r for d, r in dated if prev and d > prev + grace]
        soon = s.days_left <= self.rules.due_soon_days and not any(
            r.status in ("in_progress", "done") for r in since)
        s.light = "at_risk" if soon else "on_track"
        code = "status.next_deadline_soon" if soon else "status.next_deadline"
        s.reasons = [msg(code, month=nxt.month, day=nxt.day)]


def _latest_per_department(items: list[Report]) -> list[Report]:
    """One report per department (the last entered), in the order first entered."""
    if len(items) == 1:          # the common case: one report per task and round
        return items
    out: dict[str, Report] = {}
    for r in sorted(items, key=lambda r: r.seq):
        out[r.department] = r
    return list(out.values())
