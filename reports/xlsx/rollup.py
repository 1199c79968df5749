"""The 汇总 workbook: counts by department and status, who has not returned, the details."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from models.entities import STATUS_LABELS

from ..atomic import atomic_path
from . import styles
from .sheet_writer import SheetWriter, header_row_after
from .table_rows import TableRow

STATUS_ORDER = ("done", "in_progress", "not_started", "")
STATUS_NAMES = {**STATUS_LABELS, "": "未填报"}


@dataclass
class Rollup:
    plan_title: str
    round_name: str
    rows: list[TableRow]
    progress: dict          # (task uuid, department name) -> progress values
    returned: set

    @property
    def departments(self) -> list[str]:
        """Every department with a role in the plan, in document order."""
        out: dict[str, None] = {}
        for row in self.rows:
            for name in row.departments:
                out.setdefault(name, None)
        return list(out)

    @property
    def missing(self) -> list[str]:
        return [d for d in self.departments if d not in self.returned]

    def status(self, task: str, department: str) -> str:
        return (self.progress.get((task, department)) or {}).get("status") or ""

    def counts(self) -> dict[str, dict[str, int]]:
        out = {d: {s: 0 for s in STATUS_ORDER} for d in self.departments}
        for row in self.rows:
            if row.section:
                continue
            for d in row.departments:
                out[d][self.status(row.uuid, d)] += 1
        return out


def _sheet(wb, name: str, title: str, info: list, headers: list[str], widths: list[float],
           freeze: str | None = None) -> SheetWriter:
    out = SheetWriter(wb, name, widths, header_row_after(len(info)), freeze)
    out.title(title, info)
    out.header(headers)
    return out


def _line(out: SheetWriter, values: list, style: str = "pd_body", centred=()) -> None:
    """One table line; numbers and the ``centred`` columns (1-based) are centred."""
    cells = []
    for c, v in enumerate(values, 1):
        number = isinstance(v, (int, float)) and not isinstance(v, bool)
        centre = number or c in centred
        cells.append((v, "pd_centre" if centre and style == "pd_body" else style))
    out.add(cells, styles.row_height([(str(v), w) for v, w in zip(values, out.widths)]))


def _summary_sheet(wb, rollup: Rollup) -> None:
    headers = ["序号", "单位", "承担任务", "已完成", "推进中", "未启动", "未填报", "平均完成百分比", "报送情况"]
    counts = rollup.counts()
    info = (f"报送轮次：{rollup.round_name}　　汇总时间：{time.strftime('%Y-%m-%d %H:%M')}　　"
            f"应报 {len(rollup.departments)} 个单位，已报 {len(rollup.departments) - len(rollup.missing)} 个，"
            f"未报 {len(rollup.missing)} 个")
    out = _sheet(wb, "汇总", f"{rollup.plan_title}进展情况汇总表", [(info, "left")], headers,
                 [6, 28, 10, 10, 10, 10, 10, 14, 12])
    percents: dict[str, list] = {}
    for (_, dep), v in rollup.progress.items():
        if v.get("percent") is not None:
            percents.setdefault(dep, []).append(v["percent"])
    totals = [0] * 5
    for i, d in enumerate(rollup.departments, 1):
        c = counts[d]
        line = [sum(c.values()), c["done"], c["in_progress"], c["not_started"], c[""]]
        totals = [a + b for a, b in zip(totals, line)]
        mine = percents.get(d)
        average = round(sum(mine) / len(mine), 1) if mine else ""
        _line(out, [str(i), d, *line, average, "已报送" if d in rollup.returned else "未报送"],
              centred=(1, 9))
    _line(out, ["", "合计", *totals, "", ""], "pd_section3_c")


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


DETAIL_HEADERS = ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限",
                  "填报单位", "完成状态", "完成百分比", "进展情况", "备注"]
DETAIL_WIDTHS = [6, 16, 30, 13, 15, 13, 14, 10, 10, 34, 12]


def _detail_sheet(wb, rollup: Rollup) -> None:
    """One line per task and department; the task's cells repeat so the clerk can filter."""
    out = _sheet(wb, "进展明细", f"{rollup.plan_title}进展情况明细",
                 [(f"报送轮次：{rollup.round_name}", "left")], DETAIL_HEADERS, DETAIL_WIDTHS,
                 freeze=f"C{header_row_after(1) + 1}")
    for row in rollup.rows:
        base = [row.number, row.title, row.text, row.lead, row.support, row.deadline]
        if row.section:
            out.add([(v, styles.section_style(row.level, c == 1))
                      for c, v in enumerate(base + [""] * 5, 1)],
                    styles.row_height(list(zip(base, DETAIL_WIDTHS))))
            continue
        for d in row.departments or [""]:
            v = rollup.progress.get((row.uuid, d)) or {}
            percent = v.get("percent")
            status = STATUS_NAMES.get(v.get("status") or "", "") if d else ""
            _line(out, base + [d, status, "" if percent is None else percent, v.get("text", ""),
                               v.get("note", "")], centred=(1, 6, 8))
    last = get_column_letter(len(DETAIL_HEADERS))
    out.sheet.auto_filter.ref = f"A{header_row_after(1)}:{last}{max(out.row, header_row_after(1))}"


def _issues_sheet(wb, files: list[dict]) -> None:
    out = _sheet(wb, "导入情况", "导入情况", [], ["文件", "报送单位", "结果", "修改", "冲突", "问题"],
                 [28, 18, 10, 8, 8, 70])
    names = {"applied": "已导入", "checked": "可导入", "errors": "有错误", "unreadable": "无法读取",
             "already_imported": "已导入过"}
    for f in files:
        problems = [f"错误 {e}" for e in f["errors"]] + [f"提示 {w}" for w in f["warnings"]]
        for problem in problems or [""]:
            _line(out, [f["file"], f.get("department", ""), names.get(f["status"], f["status"]),
                        f.get("changes", 0), f.get("conflicts", 0), problem])


def write_rollup(rollup: Rollup, files: list[dict], out_path) -> None:
    wb = Workbook(write_only=True)
    styles.register_styles(wb)
    _summary_sheet(wb, rollup)
    _missing_sheet(wb, rollup)
    _detail_sheet(wb, rollup)
    _issues_sheet(wb, files)
    wb.properties.creator = "PlanDesk"
    with atomic_path(Path(out_path)) as tmp:
        wb.save(tmp)
