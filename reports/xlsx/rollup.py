"""The 汇总 workbook: per department what came back, per task the merged state, the details.

What the roll-up says comes from ``RoundState`` (consolidate.py builds it from the
workspace's exchange records and progress, or from the reports of a preview), so the
CLI's lines, these sheets and the window say the same:

* 汇总: one line per department — tasks by status, and 已报送 / 报送有误（n 处） / 未报送;
* 任务汇总: one line per task — the report that speaks for it (models.status.agreement),
  意见不一致 with each department's answer, 待核实 where a department's cells were left out;
* 未报送单位; 进展明细: only the rows that came back (one line per task and department,
  the task referred to by its number and title); 导入情况: what each file gave.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from models.entities import STATUS_LABELS
from models.messages import msg
from models.status.agreement import answer, answers_text, basis_text, choose

from ..atomic import atomic_path
from . import styles
from .fast_sheets import FastBook, FastSheet
from .sheet_writer import header_row_after
from .table_rows import TableRow

STATUS_ORDER = ("done", "in_progress", "not_started", "")
STATUS_NAMES = {**STATUS_LABELS, "": "未填报"}


@dataclass
class Rollup:
    plan_title: str
    round_name: str
    rows: list[TableRow]
    progress: dict          # (task uuid, department name or "" for the whole task) -> values
    states: dict = field(default_factory=dict)     # department -> ("returned"|"errors", n)
    to_check: dict = field(default_factory=dict)   # (task uuid, department) -> reason

    @property
    def departments(self) -> list[str]:
        """Every department with a role in the plan, in document order."""
        out: dict[str, None] = {}
        for row in self.rows:
            for name in row.departments:
                out.setdefault(name, None)
        return list(out)

    @property
    def returned(self) -> set[str]:
        return set(self.states)

    @property
    def missing(self) -> list[str]:
        return [d for d in self.departments if d not in self.states]

    def state(self, department: str) -> str:
        """已报送 / 报送有误（n 处） / 未报送."""
        kind, n = self.states.get(department, ("missing", 0))
        return str(msg(f"exchange.department.{kind}", n=n))

    def report(self, task: str, department: str) -> dict:
        """What ``department`` reported on ``task`` (a whole-plan return speaks for all)."""
        return self.progress.get((task, department)) or self.progress.get((task, "")) or {}

    def status(self, task: str, department: str) -> str:
        return self.report(task, department).get("status") or ""

    def counts(self) -> dict[str, dict[str, int]]:
        out = {d: {s: 0 for s in STATUS_ORDER} for d in self.departments}
        for row in self.rows:
            if row.section:
                continue
            for d in row.departments:
                out[d][self.status(row.uuid, d)] += 1
        return out

    def task_state(self, row: TableRow) -> dict:
        """The merged state of one task: the report that speaks for it and why."""
        reports = [{"department": d, **self.progress[(row.uuid, d)]}
                   for d in row.departments if (row.uuid, d) in self.progress]
        if (row.uuid, "") in self.progress:
            reports.append({"department": "", **self.progress[(row.uuid, "")]})
        checking = [d for d in row.departments if (row.uuid, d) in self.to_check]
        if not reports:
            return {"status": "", "percent": None, "disagree": False, "basis": "",
                    "answers": [], "to_check": checking}
        lead = tuple(row.roles.get("lead") or row.roles.get("responsible") or ())
        choice = choose(reports, lead)
        chosen = choice.report
        return {"status": chosen.get("status") or "", "percent": chosen.get("percent"),
                "disagree": choice.disagree, "basis": basis_text(choice) if choice.disagree else "",
                "answers": reports if choice.disagree else [], "to_check": checking}

    def disagreements(self) -> list[tuple[TableRow, dict]]:
        out = []
        for row in self.rows:
            if not row.section:
                state = self.task_state(row)
                if state["disagree"]:
                    out.append((row, state))
        return out


def _sheet(book: FastBook, name: str, title: str, info: list, headers: list[str],
           widths: list[float], freeze: str | None = None) -> FastSheet:
    out = book.sheet(name, widths, header_row_after(len(info)), freeze)
    out.title(title, info)
    out.header(headers)
    return out


def _line(out: FastSheet, values: list, style: str = "pd_body", centred=(), tall=()) -> None:
    """One table line; numbers and the ``centred`` columns (1-based) are centred. The height
    is estimated from the ``tall`` columns only (default: all)."""
    looks = []
    for c, v in enumerate(values, 1):
        number = isinstance(v, (int, float)) and not isinstance(v, bool)
        looks.append("pd_centre" if (number or c in centred) and style == "pd_body" else style)
    columns = tall or range(1, len(values) + 1)
    texts = [(str(values[c - 1]), out.widths[c - 1]) for c in columns if values[c - 1] not in (None, "")]
    out.add(values, looks, styles.row_height(texts) if texts else 20.0)


def _summary_sheet(wb, rollup: Rollup) -> None:
    headers = ["序号", "单位", "承担任务", "已完成", "推进中", "未启动", "未填报", "平均完成百分比", "报送情况"]
    counts = rollup.counts()
    errors = sum(1 for kind, _ in rollup.states.values() if kind == "errors")
    info = (f"报送轮次：{rollup.round_name}　　汇总时间：{time.strftime('%Y-%m-%d %H:%M')}　　"
            f"应报 {len(rollup.departments)} 个单位，已报 {len(rollup.states)} 个"
            f"（其中报送有误 {errors} 个），未报 {len(rollup.missing)} 个")
    out = _sheet(wb, "汇总", f"{rollup.plan_title}进展情况汇总表", [(info, "left")], headers,
                 [6, 28, 10, 10, 10, 10, 10, 14, 16])
    percents: dict[str, list] = {}
    for row in rollup.rows:
        if row.section:
            continue
        for d in row.departments:
            p = rollup.report(row.uuid, d).get("percent")
            if p is not None:
                percents.setdefault(d, []).append(p)
    totals = [0] * 5
    for i, d in enumerate(rollup.departments, 1):
        c = counts[d]
        line = [sum(c.values()), c["done"], c["in_progress"], c["not_started"], c[""]]
        totals = [a + b for a, b in zip(totals, line)]
        mine = percents.get(d)
        average = round(sum(mine) / len(mine), 1) if mine else ""
        _line(out, [str(i), d, *line, average, rollup.state(d)], centred=(1, 9))
    _line(out, ["", "合计", *totals, "", ""], "pd_section3_c")


def _tasks_sheet(wb, rollup: Rollup) -> None:
    """One line per task: the merged state, 意见不一致 with each answer, 待核实."""
    out = _sheet(wb, "任务汇总", f"{rollup.plan_title}任务进展汇总",
                 [("完成状态按牵头单位的报送；无牵头单位报送时按进展最慢的单位；各单位报送不一致时标明“意见不一致”",
                   "left")],
                 ["序号", "重点任务", "牵头单位", "完成状态", "完成百分比", "意见", "依据", "各单位报送"],
                 [6, 30, 16, 10, 10, 12, 26, 40], freeze=f"C{header_row_after(1) + 1}")
    for row in rollup.rows:
        if row.section:
            continue
        state = rollup.task_state(row)
        if not state["status"] and state["percent"] is None and not state["to_check"]:
            continue      # nothing came back on it: the 汇总 and 未报送 sheets say who is missing
        flag = str(msg("exchange.task.disagree")) if state["disagree"] else (
            str(msg("exchange.task.to_check")) if state["to_check"] else "")
        answers = answers_text((a["department"], *answer(a)) for a in state["answers"])
        if state["to_check"]:
            answers = "；".join(filter(None, [answers, "待核实：" + "、".join(state["to_check"])]))
        percent = state["percent"]
        _line(out, [row.number, row.title, row.lead, STATUS_NAMES.get(state["status"], ""),
                    "" if percent is None else percent, flag, state["basis"], answers],
              centred=(1, 4, 6), tall=(2, 8))


def _missing_sheet(wb, rollup: Rollup) -> None:
    out = _sheet(wb, "未报送单位", f"{rollup.round_name}未报送单位",
                 [(f"共 {len(rollup.missing)} 个单位未报送", "left")],
                 ["序号", "未报送单位", "承担任务", "其中牵头"], [6, 36, 12, 12])
    tasks: dict[str, int] = {}
    leads: dict[str, int] = {}
    for row in rollup.rows:
        if row.section:
            continue
        for d in row.departments:
            tasks[d] = tasks.get(d, 0) + 1
        for d in row.roles.get("lead") or row.roles.get("responsible") or ():
            leads[d] = leads.get(d, 0) + 1
    for i, d in enumerate(rollup.missing, 1):
        _line(out, [str(i), d, tasks.get(d, 0), leads.get(d, 0)], centred=(1,))


DETAIL_HEADERS = ["序号", "重点任务", "填报单位", "完成状态", "完成百分比", "进展情况", "存在问题",
                  "下一步工作计划", "备注"]
DETAIL_WIDTHS = [8, 24, 14, 10, 10, 34, 20, 20, 12]


def detail_lines(rollup: Rollup):
    """(number, title, department, status, percent, text, problems, next steps, note) of every
    task and department that came back, in document order; a whole-plan return is shown on
    the line of each department of the task; 待核实 where the cells were left out."""
    others: dict[str, list[str]] = {}   # who reported on a task without a role in it
    for task, d in rollup.progress:
        if d:
            others.setdefault(task, []).append(d)
    for row in rollup.rows:
        if row.section:
            continue
        extra = [d for d in others.get(row.uuid, ()) if d not in row.departments]
        for d in (row.departments or [""]) + extra:
            v = rollup.report(row.uuid, d)
            if not v:
                if (row.uuid, d) in rollup.to_check:
                    yield [row.number, row.title, d, str(msg("exchange.task.to_check")), "",
                           rollup.to_check[(row.uuid, d)], "", "", ""]
                continue
            percent = v.get("percent")
            yield [row.number, row.title, d, STATUS_NAMES.get(v.get("status") or "", ""),
                   "" if percent is None else percent, v.get("text") or "",
                   v.get("problems") or "", v.get("next_steps") or "", v.get("note") or ""]


def _detail_sheet(wb, rollup: Rollup) -> None:
    out = _sheet(wb, "进展明细", f"{rollup.plan_title}进展情况明细",
                 [(f"报送轮次：{rollup.round_name}（只列报回的内容）", "left")], DETAIL_HEADERS,
                 DETAIL_WIDTHS, freeze=f"D{header_row_after(1) + 1}")
    for line in detail_lines(rollup):
        _line(out, line, centred=(1, 4, 5), tall=(6, 7, 8))
    out.autofilter(header_row_after(1), len(DETAIL_HEADERS))


def file_state(f: dict) -> str:
    """What happened to one file, in words (the CLI and the 导入情况 sheet)."""
    status = f["status"]
    if status == "applied" and f.get("left_out"):
        return str(msg("exchange.file.partial", n=f["left_out"]))
    return str(msg(f"exchange.file.{status}"))


def _issues_sheet(wb, files: list[dict]) -> None:
    out = _sheet(wb, "导入情况", "导入情况", [], ["文件", "报送单位", "结果", "修改", "冲突", "问题"],
                 [28, 18, 16, 8, 8, 70])
    for f in files:
        problems = [f"错误 {e}" for e in f["errors"]] + [f"提示 {w}" for w in f["warnings"]] + \
            [f"规整 {n}" for n in f.get("normalised", ())]
        for problem in problems or [""]:
            _line(out, [f["file"], f.get("department", "") or "（全部任务）", file_state(f),
                        f.get("changes", 0), f.get("conflicts", 0), problem], tall=(6,))


def write_rollup(rollup: Rollup, files: list[dict], out_path) -> None:
    with atomic_path(Path(out_path)) as tmp:
        wb = FastBook(tmp)
        _summary_sheet(wb, rollup)
        _tasks_sheet(wb, rollup)
        _missing_sheet(wb, rollup)
        _detail_sheet(wb, rollup)
        _issues_sheet(wb, files)
        wb.close()
