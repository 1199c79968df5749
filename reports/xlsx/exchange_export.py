"""Export the exchange workbook a department fills in for one reporting round."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from models.read_exchange import round_progress_by_task
from models.dump import plan_dict
from models.entities import STATUS_LABELS, STATUSES
from models.messages import PlanDeskError, msg
from models.storage_errors import storage_errors
from models.read_departments import plan_departments
from models.upper_keys import upper_keys

from ..atomic import atomic_path
from . import exchange_format as fmt
from . import styles
from .exchange_layout import CURRENT
from .errors import WorkbookError
from .file_names import department_file_names
from .fast_sheets import FastBook
from .sheet_writer import header_row_after
from .table_rows import TableRow, rows_for_department, table_rows

INSTRUCTIONS = ("填写说明：请只填写浅黄色单元格——进展情况、完成状态（下拉选择：未启动/推进中/已完成）、"
                "完成百分比（0–100 的数字）、存在问题、下一步工作计划和备注；其他单元格已锁定。"
                "请勿增删行、移动列、排序、合并单元格或修改工作表，填好后将本文件原样报回。")
LAYOUT = CURRENT


def sent_progress(ws, round_id: int | None, department_id: int | None) -> dict[str, dict]:
    """{task uuid: progress values} already in the workspace for this round and department."""
    return {} if round_id is None else round_progress_by_task(ws, round_id, department_id)


def locked_cells(row: TableRow) -> list[str]:
    """The values of columns A..F of a row, as written and as hashed."""
    return [row.number, row.title, row.text, row.lead, row.support, row.deadline]


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[3,4,5,9] -> [(3,5),(9,9)]: compact ranges for data validation."""
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _lists_sheet(wb: FastBook) -> None:
    """The status values on a hidden sheet, named, for the drop-down to refer to."""
    out = wb.sheet(fmt.LISTS_SHEET, [12], None)
    for code in STATUSES:
        out.add([STATUS_LABELS[code]], [None])
    out.sheet.hide()
    wb.book.define_name(fmt.STATUS_NAME, f"='{fmt.LISTS_SHEET}'!$A$1:$A${len(STATUSES)}")


def _add_validation(sheet, editable_rows: list[int]) -> None:
    """The drop-down of 完成状态 and the 0–100 check of 完成百分比 on the rows to fill in."""
    if not editable_rows:   # an empty range is a file Excel reports as damaged
        return
    first_row, last_row = editable_rows[0] - 1, editable_rows[-1] - 1
    checks = (("status", {"validate": "list", "source": f"={fmt.STATUS_NAME}",
                          "error_title": "完成状态",
                          "error_message": "请从下拉列表中选择：未启动、推进中、已完成"}),
              ("percent", {"validate": "decimal", "criteria": "between", "minimum": 0,
                           "maximum": 100, "error_title": "完成百分比",
                           "error_message": "请填写 0 到 100 之间的数字"}))
    for field_name, check in checks:
        col = LAYOUT.field_letter(field_name)
        ranges = " ".join(f"{col}{a}" if a == b else f"{col}{a}:{col}{b}"
                          for a, b in _runs(editable_rows))
        c = LAYOUT.field_keys[field_name]
        i = LAYOUT.index[c] - 1
        sheet.data_validation(first_row, i, last_row, i, {**check, "multi_range": ranges,
                                                          "ignore_blank": True})


def _style(row: TableRow, centred: bool, is_input: bool) -> str:
    if row.section:
        return styles.section_style(row.level, centred)
    if is_input:
        return "pd_input_centre" if centred else "pd_input"
    return "pd_centre" if centred else "pd_body"


# Each column of the layout once: (answer field, what else it holds, centred).
_COLUMNS = [(c.field, "echo" if c.is_echo else c.key, c.centred) for c in LAYOUT.columns]


def row_cells(row: TableRow, is_input: bool, values: dict, upper_key: str = "") -> list:
    """The (value, style) pairs of one row, column by column of the layout."""
    plan_cells = dict(zip(LAYOUT.locked_keys, locked_cells(row)))
    token = fmt.echo_token(row.uuid)
    looks = {(centred, answer): _style(row, centred, is_input and answer)
             for centred in (False, True) for answer in (False, True)}
    out = []
    for field_name, kind, centred in _COLUMNS:
        if field_name:
            v = values.get(field_name)
            if field_name == "status":
                v = STATUS_LABELS.get(v or "", "")
            out.append(("" if v is None else v, looks[centred, True]))
        elif kind == "echo":
            out.append((token, "pd_body"))
        elif kind == "key":
            out.append((row.uuid, "pd_body"))
        elif kind == "upper_key":
            out.append((upper_key, "pd_body"))
        else:
            out.append((plan_cells[kind], looks[centred, False]))
    return out


def build_workbook(path, title: str, info: str, rows: list[TableRow], editable: set[str],
                   prefill: dict[str, dict], meta: dict, uppers: dict[str, str] | None = None
                   ) -> list[fmt.SentRow]:
    """Write the workbook to ``path``; returns the rows sent (what the metadata holds)."""
    wb = FastBook(path, lock_structure=True)
    wb.book.set_properties({"author": "PlanDesk", "title": title})
    header_row = header_row_after(2)
    meta["header_row"] = header_row
    meta["columns"] = ",".join(LAYOUT.keys)
    uppers = uppers or {}
    visible = [i for i, c in enumerate(LAYOUT.columns, 1) if not c.hidden]
    out = wb.sheet(fmt.MAIN_SHEET, LAYOUT.widths, header_row,
                   f"{LAYOUT.letter('text')}{header_row + 1}",
                   hidden={i for i, c in enumerate(LAYOUT.columns) if c.hidden}, span=max(visible))
    out.title(title, [(info, "left"), (INSTRUCTIONS, "left")])
    out.header(LAYOUT.headers)

    sent: list[fmt.SentRow] = []
    editable_rows: list[int] = []
    text_width = LAYOUT.columns[LAYOUT.index["progress"] - 1].width
    for row in rows:
        cells = locked_cells(row)
        is_input = row.uuid in editable
        values = {f: v for f, v in (prefill.get(row.uuid) or {}).items()} if is_input else {}
        height = styles.row_height(
            [(t, w) for t, w in zip(cells, LAYOUT.widths)] + [(values.get("text", ""), text_width)],
            minimum=24)
        line = row_cells(row, is_input, values, uppers.get(row.uuid, ""))
        r = out.add([v for v, _ in line], [look for _, look in line], height)
        if is_input:
            editable_rows.append(r)
        sent.append(fmt.SentRow(r, row.uuid, is_input, fmt.row_hash(row.uuid, cells),
                                {f: values.get(f) for f in fmt.FIELDS if values.get(f)
                                 not in (None, "")}, uppers.get(row.uuid, "")))

    sheet = out.sheet
    sheet.print_area(0, 0, max(out.row, header_row) - 1, max(visible) - 1)
    _add_validation(sheet, editable_rows)
    # Locked cells stay locked; the recipient may still make rows taller and columns wider.
    sheet.protect("", {"format_rows": True, "format_columns": True})
    _lists_sheet(wb)

    meta["checksum"] = fmt.content_checksum(meta, sent)
    hidden = wb.sheet(fmt.META_SHEET, [16, 40], None)
    for line in fmt.meta_rows(meta, sent):
        hidden.add(line, [None] * len(line))
    hidden.sheet.very_hidden()
    hidden.sheet.protect()
    wb.close()
    return sent


def file_sha256(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export_exchange(ws, plan_uuid, round_name: str, out_path, department=None,
                    recipient=None) -> dict:
    """Write the workbook for ``round_name`` (optionally for one department) and record it.

    ``recipient``: the whole plan sent to one department that answers for all of it (the
    office that compiles the district's return); its return is recorded as that
    department's. Without either, a whole-plan return speaks for the departments of each
    row. One operation: the round is created if new and the export is recorded (direction
    "out") with the file's sha256 and the content checksum. Returns a summary dict.
    """
    plan = ws.plan(plan_uuid)
    rows = table_rows(plan_dict(ws, plan.uuid))
    if recipient and not department:
        return _export(ws, plan, rows, round_name, Path(out_path), ws.department(recipient),
                       whole=True)
    return _export(ws, plan, rows, round_name, Path(out_path),
                   ws.department(department) if department else None)


def export_for_departments(ws, plan_uuid, round_name: str, folder, departments=None,
                           progress=None) -> list[dict]:
    """One workbook per department (default: every department with a role in the plan),
    written to ``folder`` as ``<round>-<department>.xlsx``, as one undoable step.

    All or nothing: the workbooks are written into a staging folder beside the others and
    moved into place only when every one was written; on any failure none is left behind
    and the records of the exports are undone with the step. Each department gets its own
    valid file name (``file_names``). ``progress(i, n, name)`` is called before each.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise WorkbookError(str(folder), "文件夹不存在")
    plan = ws.plan(plan_uuid)
    names = list(departments) if departments else plan_departments(ws, plan.uuid)
    files = department_file_names(round_name, names)
    if len({f.casefold() for f in files.values()}) != len(names):   # never two on one file
        raise PlanDeskError("exchange.export.names_collide", count=len(names),
                            files=len(set(files.values())))
    rows = table_rows(plan_dict(ws, plan.uuid))
    results: list[dict] = []
    with storage_errors(folder):
        staging = Path(tempfile.mkdtemp(prefix=".plandesk-export-", dir=folder))
    moved: list[Path] = []
    try:
        with ws.operation(msg("store.op.send_workbooks", count=len(names))):
            for i, name in enumerate(names):
                if progress:
                    progress(i, len(names), name)
                with storage_errors(folder / files[name]):
                    results.append(_export(ws, plan, rows, round_name, staging / files[name],
                                           ws.department(name)))
            with storage_errors(folder):
                for r in results:          # same folder, same disk: each move is a rename
                    target = folder / Path(r["path"]).name
                    os.replace(r["path"], target)
                    moved.append(target)
    except BaseException:
        for target in moved:               # the step is undone: so are its files
            target.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for r in results:
        r["path"] = str(folder / Path(r["path"]).name)
    return results


def _export(ws, plan, rows, round_name: str, out_path: Path, dep, whole: bool = False) -> dict:
    if dep is not None and not whole:
        rows, editable = rows_for_department(rows, dep.name)
        if not editable:
            raise WorkbookError(out_path.name, f"“{dep.name}”在计划“{plan.title}”中没有承担任务")
    else:
        editable = {r.uuid for r in rows if not r.section}
    if not rows:
        raise WorkbookError(out_path.name, f"计划“{plan.title}”中没有任务")
    round_name = (round_name or "").strip()
    if not round_name:
        raise WorkbookError(out_path.name, "请指定报送轮次")

    recipient = dep.name if dep else ""
    with ws.operation(msg("store.op.send_workbook", file=out_path.name)):
        rnd = ws.ensure_round(plan.uuid, round_name)
        now = time.strftime("%Y-%m-%d %H:%M:%S")
        meta = {"format": fmt.FORMAT, "format_version": fmt.FORMAT_VERSION,
                "workspace_uuid": ws.workspace_uuid, "plan_uuid": plan.uuid,
                "plan_title": plan.title, "round": rnd.name, "round_uuid": rnd.uuid,
                "department": recipient, "department_uuid": dep.uuid if dep else "",
                "recipient": recipient, "export_uuid": ws.new_uuid(), "exported_at": now}
        title = f"{plan.title}重点任务进展情况表"
        info = f"填报单位：{recipient or '（全部任务）'}　　报送轮次：{rnd.name}　　发出日期：{now[:10]}"
        prefill = sent_progress(ws, rnd.id, dep.id if dep else None)
        with atomic_path(out_path) as tmp:
            sent = build_workbook(tmp, title, info, rows, editable, prefill, meta,
                                  upper_keys(ws, plan.uuid))
            sha = file_sha256(tmp)
            ws.record_exchange(plan.uuid, "out", out_path.name, sha, rnd.uuid,
                               dep.uuid if dep else None, counterpart=recipient,
                               content_checksum=meta["checksum"],
                               summary={"rows": len(sent), "editable": len(editable),
                                        "exported_at": now},
                               uuid=meta["export_uuid"])
    return {"path": str(out_path), "rows": len(sent), "editable": len(editable), "sha256": sha,
            "checksum": meta["checksum"], "export_uuid": meta["export_uuid"],
            "round": rnd.name, "department": recipient}
