"""Read a returned exchange workbook: validate every cell, build the diff, find conflicts.

Nothing is written here; ``apply_return`` (exchange_apply.py) applies a clean report.
Rows are matched by their hidden task key, never by position, so an inserted or deleted
row is reported once instead of shifting every row after it.
"""
from __future__ import annotations

import json
from pathlib import Path

from openpyxl.utils import get_column_letter

from models.dump import plan_dict
from models.errors import NotFound
from models.entities import short_title
from models.read_exchange import imports_of_file, round_id, sent_checksum, was_sent

from . import exchange_format as fmt
from .cell_values import BadValue, percent_value, same, status_code
from .errors import WorkbookError
from .exchange_export import file_sha256, locked_cells, sent_progress
from .return_report import FieldChange, ReturnReport
from .return_reader import ReturnBook
from .safety import check_workbook_file, describe
from .table_rows import table_rows

S = fmt.MAIN_SHEET
M = fmt.META_SHEET


def meta_address(key: str) -> str:
    return f"{M}!B{fmt.META_KEYS.index(key) + 1}"


class PlanView:
    """What the import needs to know about a plan, built once (consolidation reuses it):
    the locked cells and the label of every task, by uuid."""

    def __init__(self, ws, plan_uuid: str):
        rows = table_rows(plan_dict(ws, plan_uuid))
        self.locked = {r.uuid: locked_cells(r) for r in rows}
        self.labels = {r.uuid: f"{r.number}{short_title(r.title, 20)}" for r in rows}


def import_record(ws, sha256: str) -> dict | None:
    """The earlier import of this exact file, unless it left conflicts to overwrite later."""
    for row in imports_of_file(ws, sha256):
        summary = json.loads(row["summary"] or "{}")
        if not summary.get("conflicts_skipped"):
            return row
    return None


def read_return(ws, path, plan=None, round_name: str | None = None,
                view: PlanView | None = None) -> ReturnReport:
    """Validate a returned workbook against the workspace. Raises WorkbookError only for a
    file that cannot be read at all or is not a PlanDesk exchange workbook; everything
    else is reported in the ReturnReport (errors block applying, warnings do not).

    ``plan`` / ``round_name``: what the caller expects (consolidation); another plan or
    round is an error.
    """
    path = Path(path)
    check = check_workbook_file(path)
    report = ReturnReport(path, file_sha256(path))
    for note in check.notes:
        report.warn("", note)
    earlier = import_record(ws, report.sha256)
    if earlier:
        report.already_imported = True
        report.warn("", f"该文件已于 {earlier['time']} 导入，本次不再重复导入")
        return report
    if was_sent(ws, report.sha256):
        report.warn("", "与发出的文件完全相同：对方没有填写任何内容")
    try:
        with ReturnBook(path) as book:
            _read(ws, book, report, plan, round_name, view)
    except WorkbookError:
        raise
    except Exception as e:  # a missing part, bad XML, a cell that is not what it says
        raise WorkbookError(path.name, f"无法读取工作簿（{describe(e)}）") from None
    return report


def _read(ws, book: ReturnBook, report: ReturnReport, plan, round_name, view) -> None:
    name = report.file_name
    if M not in book.sheetnames:
        raise WorkbookError(name, "不是 PlanDesk 导出的进展填报工作簿（没有 _plandesk 工作表）；"
                                  "外来的分工表请用 import 命令导入")
    try:
        meta, sent = fmt.read_meta([[_value(c) for c in row] for row in book.rows(M)])
    except ValueError as e:
        report.error(str(e), "隐藏的 _plandesk 工作表已损坏")
        return
    report.meta = meta
    context = _check_meta(ws, report, meta, sent, plan, round_name)
    if context is None:
        return
    plan_obj, dep = context
    if S not in book.sheetnames:
        report.error("", f"缺少工作表“{S}”（被改名或删除）")
        return
    if view is None:
        view = PlanView(ws, plan_obj.uuid)
    _read_rows(ws, book.rows(S), report, meta, sent, plan_obj, dep, view)


def _check_meta(ws, report, meta, sent, plan, round_name):
    """Format, workspace, plan, round, checksum and department; None stops the reading."""
    if fmt.canon(meta.get("format")) != fmt.FORMAT:
        report.error(meta_address("format"), "不是 PlanDesk 交换工作簿的格式")
        return None
    try:
        version = int(meta.get("format_version") or 0)
    except (TypeError, ValueError):
        version = 0
    if version < fmt.FORMAT_VERSION:
        report.error(meta_address("format_version"),
                     f"旧版交换格式（第 {version} 版），请用本程序重新导出后再填报")
        return None
    if version > fmt.FORMAT_VERSION:
        report.error(meta_address("format_version"),
                     f"由更新版本的 PlanDesk 导出（第 {version} 版），请升级后再导入")
        return None
    if fmt.canon(meta.get("workspace_uuid")) != ws.workspace_uuid:
        report.error(meta_address("workspace_uuid"),
                     f"该工作簿是从另一个工作区导出的（计划“{meta.get('plan_title', '')}”），不能导入本工作区")
        return None
    try:
        plan_obj = ws.plan(fmt.canon(meta.get("plan_uuid")))
    except NotFound:
        report.error(meta_address("plan_uuid"),
                     f"本工作区中没有计划“{meta.get('plan_title', '')}”（可能已删除）")
        return None
    if plan is not None and ws.plan(plan).uuid != plan_obj.uuid:
        report.error(meta_address("plan_uuid"),
                     f"该工作簿属于计划“{plan_obj.title}”，不是“{ws.plan(plan).title}”")
        return None
    if round_name and fmt.canon(meta.get("round")) != round_name.strip():
        report.error(meta_address("round"),
                     f"该工作簿属于报送轮次“{meta.get('round')}”，不是“{round_name}”")
        return None
    checksum = fmt.canon(meta.get("checksum"))
    if checksum != fmt.content_checksum(meta, sent):
        report.error(meta_address("checksum"), "隐藏的校验信息被改动，无法确认发出时的内容")
        return None
    record = sent_checksum(ws, fmt.canon(meta.get("export_uuid")))
    if record is None:
        report.warn(meta_address("export_uuid"),
                    "本工作区没有这份工作簿的发出记录（可能已撤销或从备份恢复），按工作簿内的校验信息核对")
    elif record != checksum:
        report.error(meta_address("checksum"), "与本工作区的发出记录不一致，工作簿疑似被改动")
        return None
    dep = None
    if fmt.canon(meta.get("department_uuid")):
        try:
            dep = ws.department(fmt.canon(meta.get("department_uuid")))
        except NotFound:
            try:
                dep = ws.department(fmt.canon(meta.get("department")))
            except NotFound:
                report.error(meta_address("department"),
                             f"本工作区中没有部门“{meta.get('department')}”（可能已删除）")
                return None
    return plan_obj, dep


def _header_row(sheet_rows, expected_at: int) -> int | None:
    """The row holding our header (it may have moved if rows were inserted above it)."""
    for i, cells in enumerate(sheet_rows[:expected_at + 20], 1):
        values = [fmt.canon(_value(c)) for c in cells[:len(fmt.HEADERS)]]
        if values == fmt.HEADERS:
            return i
    return None


def _read_rows(ws, sheet_rows, report, meta, sent, plan_obj, dep, view: PlanView) -> None:
    try:
        expected_at = int(meta.get("header_row") or 0)
    except (TypeError, ValueError):
        expected_at = 0
    header = _header_row(sheet_rows, expected_at)
    if header is None:
        report.error(f"{S}!A{expected_at or 1}",
                     "表头被改动（列被插入、删除或移动），无法按列核对，请用发出的原表填写")
        return
    if header != expected_at:
        report.warn(f"{S}!A{header}", f"表头上方增删了 {abs(header - expected_at)} 行")

    by_key = {s.key: s for s in sent}
    seen: dict[str, int] = {}
    existing = view.locked   # the plan's tasks, by uuid
    rid = round_id(ws, plan_obj.id, fmt.canon(meta.get("round")))
    current = sent_progress(ws, rid, dep.id if dep else None)
    dep_name = dep.name if dep else ""
    for r, cells in enumerate(sheet_rows[header:], header + 1):
        cells = list(cells) + [None] * (len(fmt.HEADERS) - len(cells))
        _read_row(report, r, cells, by_key, seen, existing, current, dep_name, view)
    for s in sent:
        if s.key not in seen:
            report.error(f"{S}!A{s.row}",
                         f"第 {s.row} 行（{view.labels.get(s.key, '任务')}）被删除，请用发出的原表填写")


def _value(cell):
    return None if cell is None else cell.value


def _read_row(report, r, cells, by_key, seen, existing, current, dep_name, view) -> None:
    values = [_value(c) for c in cells]
    unreadable = set()   # columns holding a formula or an error value
    for c, cell in enumerate(cells, 1):
        if cell is not None and cell.data_type in ("f", "e"):
            unreadable.add(c)
            what = (f"填写了公式（{str(cell.value)[:30]}），请直接填写文字或数字"
                    if cell.data_type == "f" else f"是错误值 {cell.value}")
            report.error(f"{S}!{get_column_letter(c)}{r}", f"单元格中{what}")
    key = fmt.canon(values[fmt.KEY_COLUMN - 1])
    if not key:
        if any(fmt.canon(v) for v in values[:fmt.KEY_COLUMN - 1]):
            report.error(f"{S}!A{r}", "新增的行（没有任务编码）：填报表不能新增任务，请删除该行")
        return
    s = by_key.get(key)
    if s is None:
        report.error(f"{S}!K{r}", "任务编码不是发出时的编码（行被复制或编码被改动）")
        return
    if key in seen:
        report.error(f"{S}!A{r}", f"与第 {seen[key]} 行是同一任务（行被复制）")
        return
    seen[key] = r
    report.rows += 1
    locked = values[:fmt.LOCKED_COLUMNS]
    bad = bool(unreadable)
    if fmt.row_hash(key, locked) != s.hash:
        _locked_diff(report, r, key, locked, s, view, unreadable)
        bad = True
    if key not in existing:
        report.warn(f"{S}!A{r}", "该任务已在本工作区删除，本行不导入")
        return
    if not s.editable:
        if any(fmt.canon(values[c - 1]) for c in fmt.FIELD_COLUMNS.values()):
            report.warn(f"{S}!G{r}", "该行不是本单位填报的任务，填写的内容不导入")
        return
    col = fmt.FIELD_COLUMNS
    returned = {"text": fmt.canon(values[col["text"] - 1]),
                "note": fmt.canon(values[col["note"] - 1])}
    try:
        if col["status"] not in unreadable:
            returned["status"] = status_code(values[col["status"] - 1])
    except BadValue as e:
        report.error(f"{S}!H{r}", str(e))
        bad = True
    pcell = cells[col["percent"] - 1]
    try:
        if col["percent"] not in unreadable:
            returned["percent"] = percent_value(
                _value(pcell), pcell.number_format if pcell is not None else "General")
    except BadValue as e:
        report.error(f"{S}!I{r}", str(e))
        bad = True
    if bad:   # the row is reported; its values are not taken
        return
    _consistency(report, r, returned)
    _diff(report, r, key, returned, s.values(), current.get(key), dep_name, view)


def _locked_diff(report, r, key, locked, s, view, unreadable) -> None:
    """Name the changed cells when the workspace still holds what was sent; else the row."""
    expected = view.locked.get(key)
    if expected is not None and fmt.row_hash(key, expected) == s.hash:
        for c, (was, now) in enumerate(zip(expected, locked), 1):
            if fmt.canon(was) != fmt.canon(now) and c not in unreadable:
                report.error(f"{S}!{get_column_letter(c)}{r}",
                             f"锁定的单元格“{fmt.HEADERS[c - 1]}”被改动：原为“{_short(was)}”，"
                             f"现为“{_short(now)}”")
    else:
        report.error(f"{S}!A{r}:F{r}", "锁定的单元格被改动（与发出时的内容不一致）")


def _short(value) -> str:
    text = " ".join(fmt.canon(value).split())
    return text if len(text) <= 20 else text[:19] + "…"


def _consistency(report, r, v) -> None:
    status, percent = v["status"], v["percent"]
    if status == "done" and percent is not None and percent < 100:
        report.warn(f"{S}!I{r}", f"完成状态为“已完成”，但完成百分比为 {percent:g}")
    elif status in ("not_started", "in_progress") and percent == 100:
        report.warn(f"{S}!H{r}", "完成百分比为 100，但完成状态不是“已完成”")
    elif status == "not_started" and percent:
        report.warn(f"{S}!I{r}", f"完成状态为“未启动”，但完成百分比为 {percent:g}")
    if percent is not None and 0 < percent < 1:
        report.warn(f"{S}!I{r}", f"完成百分比 {percent:g} 小于 1，是否应为 {percent * 100:g}？")


EMPTY = {"status": "", "percent": None, "text": "", "note": ""}


def _diff(report, r, key, returned, sent, now, dep_name, view) -> None:
    """Changes the recipient made; a conflict when the workspace changed since the export."""
    now = dict(now or EMPTY)
    edited = [f for f in fmt.FIELDS if not same(f, returned[f], sent[f])]
    if not edited:
        return
    moved_here = any(not same(f, now[f], sent[f]) for f in fmt.FIELDS)
    new = dict(now)
    for f in edited:
        new[f] = returned[f]
    differing = [f for f in edited if not same(f, returned[f], now[f])]
    if not differing:
        return
    changes = [FieldChange(key, view.labels.get(key, key), dep_name, f, now[f], returned[f],
                           f"{S}!{get_column_letter(fmt.FIELD_COLUMNS[f])}{r}", sent[f])
               for f in differing]
    if moved_here:
        report.conflicts += changes
        report.conflict_updates[key] = new
    else:
        report.changes += changes
        report.updates[key] = new
