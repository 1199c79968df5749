"""Read a returned exchange workbook: validate every cell, build the diff, find conflicts.

Nothing is written here; ``apply_return`` (exchange_apply.py) applies a clean report.
Rows are matched by their hidden task key, never by position, so an inserted or deleted
row is reported once instead of shifting every row after it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter, range_boundaries

from models.read_exchange import imports_of_file, round_id, sent_checksum, was_sent
from models.dump import plan_dict
from models.errors import NotFound
from models.messages import msg
from models.entities import short_title

from . import exchange_format as fmt
from .cell_values import BadValue, percent_value, same, status_code, text_value
from .exchange_layout import LAYOUTS, Layout
from .errors import WorkbookError
from .exchange_export import file_sha256, locked_cells, sent_progress
from .return_report import FieldChange, ReturnReport
from .calamine_book import BOOK
from .return_reader import Cell, ReturnBook
from ..zipsafety import UnsafeFile
from .safety import check_workbook_file, describe
from .table_rows import table_rows

S = fmt.MAIN_SHEET
M = fmt.META_SHEET


def meta_address(key: str, meta: dict | None = None) -> str:
    """Where a metadata value is (or belongs) on the hidden sheet."""
    line = ((meta or {}).get(fmt.WHERE) or {}).get(key) or fmt.META_KEYS.index(key) + 1
    return f"{M}!B{line}"


class PlanView:
    """What the import needs to know about a plan, built once (consolidation reuses it):
    the locked cells and the label of every task, by uuid."""

    def __init__(self, ws, plan_uuid: str):
        rows = self.rows = table_rows(plan_dict(ws, plan_uuid))
        # as a reader gives them back: an empty cell is None (it hashes as ""); one copy
        # only, held for every task of the plan while a return of 20,000 rows is read
        self.locked = {r.uuid: [v if v != "" else None for v in locked_cells(r)] for r in rows}
        self.labels = {r.uuid: f"{r.number}{short_title(r.title, 20)}" for r in rows}
        self._hashes: dict[str, str] = {}     # a task is in several returns of a round:
        self._tokens: dict[str, str] = {}     # its hash and echo token are made once

    def locked_hash(self, key: str) -> str:
        """The hash of the task's locked cells as the workspace holds them now."""
        h = self._hashes.get(key)
        if h is None:
            h = self._hashes[key] = fmt.row_hash(key, self.locked[key])
        return h

    def token(self, key: str) -> str:
        t = self._tokens.get(key)
        if t is None:
            t = self._tokens[key] = fmt.echo_token(key)
        return t


def import_record(ws, sha256: str) -> dict | None:
    """The earlier import of this exact file, unless it left conflicts to overwrite later
    (a refused file is no import: it is read again, and may be accepted in part)."""
    for row in imports_of_file(ws, sha256):
        summary = row["summary"]
        if not summary.get("conflicts_skipped") and not summary.get("refused"):
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
    check = check_workbook_file(path, sheets=False)    # ReturnBook bounds what it reads
    report = ReturnReport(path, file_sha256(path))
    for note in check.notes:
        report.warn("", note)
    earlier = import_record(ws, report.sha256)
    if earlier:
        report.already_imported = True
        report.warn("", str(msg("exchange.return.imported_before", time=earlier["time"])))
        return report
    if was_sent(ws, report.sha256):
        report.warn("", str(msg("exchange.return.unchanged")))
    try:
        with BOOK(path) as book:
            _read(ws, book, report, plan, round_name, view)
    except WorkbookError:
        raise
    except UnsafeFile as e:
        raise WorkbookError("", str(e)) from None
    except Exception as e:  # a missing part, bad XML, a cell that is not what it says
        raise WorkbookError(path.name, f"无法读取工作簿（{describe(e)}）") from None
    return report


def _read(ws, book: ReturnBook, report: ReturnReport, plan, round_name, view) -> None:
    name = report.file_name
    if M not in book.sheetnames:
        raise WorkbookError(name, "不是 PlanDesk 导出的进展填报工作簿（没有 _plandesk 工作表）；"
                                  "外来的分工表请用 import 命令导入")
    try:
        meta, sent = fmt.read_meta([[_value(c) for c in row]
                                    for row in book.rows(M, width=2, compact=True)])
    except ValueError as e:
        report.error(str(e), str(msg("exchange.return.meta_damaged")))
        return
    report.meta = meta
    context = _check_meta(ws, report, meta, sent, plan, round_name)
    if context is None:
        return
    plan_obj, dep = context
    try:
        layout: Layout | None = fmt.layout_of(meta)
    except (KeyError, TypeError, ValueError):
        layout = None     # reported by _read_rows
    width = layout.width if layout else None
    copies = _copies(book, layout, meta)
    if S not in book.sheetnames:
        if len(copies) == 1:
            other = next(iter(copies))
            report.error(f"{other}!A1", str(msg("exchange.return.sheet_renamed", sheet=S, name=other)))
        else:
            report.error("", str(msg("exchange.return.sheet_missing", sheet=S)))
        return
    if view is None:
        view = PlanView(ws, plan_obj.uuid)
    rows = book.rows(S, width=width, compact=True)
    for other, copy in copies.items():
        _compare_copy(report, other, copy, rows)
    _read_rows(ws, rows, book.merges.get(S, []), report, meta, sent, plan_obj, dep, view)


def _copies(book: ReturnBook, layout: Layout | None, meta: dict) -> dict[str, list]:
    """Other sheets holding the table as sent (a copy the department may have filled in
    instead of the original, or the original renamed): {sheet: rows}. A workbook as sent
    has none, and no sheet is read for it."""
    others = [n for n in book.sheetnames if n not in (S, M, fmt.LISTS_SHEET)]
    if layout is None or not others:
        return {}
    try:
        expected_at = int(meta.get("header_row") or 0)
    except (TypeError, ValueError):
        expected_at = 0
    out = {}
    for name in others:
        rows = book.rows(name, width=layout.width, compact=True)
        if _header_row(rows, expected_at, layout) is not None:
            out[name] = rows
    return out


def _compare_copy(report: ReturnReport, name: str, copy: list, rows: list) -> None:
    """A copy of the table is never read: one differing from the original is refused with
    its first differing cell named (its answers would be lost), an identical one noted."""
    for r in range(max(len(copy), len(rows))):
        mine = copy[r] if r < len(copy) else []
        theirs = rows[r] if r < len(rows) else []
        for c in range(max(len(mine), len(theirs))):
            a = fmt.canon(_value(mine[c])) if c < len(mine) else ""
            b = fmt.canon(_value(theirs[c])) if c < len(theirs) else ""
            if a != b:
                report.error(f"{name}!{get_column_letter(c + 1)}{r + 1}",
                             str(msg("exchange.return.copy_differs", name=name, sheet=S)))
                return
    report.warn(f"{name}!A1", str(msg("exchange.return.copy_same", name=name, sheet=S)))


def _check_meta(ws, report, meta, sent, plan, round_name):
    """Format, workspace, plan, round, checksum and department; None stops the reading."""
    def at(key: str) -> str:
        return meta_address(key, meta)

    if fmt.canon(meta.get("format")) != fmt.FORMAT:
        report.error(at("format"), str(msg("exchange.return.not_exchange_format")))
        return None
    try:
        version = int(meta.get("format_version") or 0)
    except (TypeError, ValueError):
        version = 0
    if version < min(LAYOUTS):
        report.error(at("format_version"),
                     str(msg("exchange.return.format_old", version=version)))
        return None
    if version > fmt.FORMAT_VERSION:
        report.error(at("format_version"),
                     str(msg("exchange.return.format_new", version=version)))
        return None
    if fmt.canon(meta.get("workspace_uuid")) != ws.workspace_uuid:
        report.error(at("workspace_uuid"),
                     str(msg("exchange.return.other_workspace", plan=meta.get("plan_title", ""))))
        return None
    try:
        plan_obj = ws.plan(fmt.canon(meta.get("plan_uuid")))
    except NotFound:
        report.error(at("plan_uuid"),
                     str(msg("exchange.return.no_plan", plan=meta.get("plan_title", ""))))
        return None
    if plan is not None and ws.plan(plan).uuid != plan_obj.uuid:
        report.error(at("plan_uuid"),
                     str(msg("exchange.return.other_plan", plan=plan_obj.title, expected=ws.plan(plan).title)))
        return None
    if round_name and fmt.canon(meta.get("round")) != round_name.strip():
        report.error(at("round"),
                     str(msg("exchange.return.other_round", round=meta.get("round"), expected=round_name)))
        return None
    checksum = fmt.canon(meta.get("checksum"))
    if checksum != fmt.content_checksum(meta, sent):
        report.error(at("checksum"), str(msg("exchange.return.checksum_changed")))
        return None
    record = sent_checksum(ws, fmt.canon(meta.get("export_uuid")))
    if record is None:
        report.warn(at("export_uuid"),
                    "本工作区没有这份工作簿的发出记录（可能已撤销或从备份恢复），按工作簿内的校验信息核对")
    elif record != checksum:
        report.error(at("checksum"), str(msg("exchange.return.checksum_mismatch")))
        return None
    dep = None
    if fmt.canon(meta.get("department_uuid")):
        try:
            dep = ws.department(fmt.canon(meta.get("department_uuid")))
        except NotFound:
            try:
                dep = ws.department(fmt.canon(meta.get("department")))
            except NotFound:
                report.error(at("department"),
                             str(msg("exchange.return.no_department", department=meta.get("department"))))
                return None
    return plan_obj, dep


def _header_row(sheet_rows, expected_at: int, layout: Layout) -> int | None:
    """The row holding our header (it may have moved if rows were inserted above it)."""
    n = layout.width
    for i, cells in enumerate(sheet_rows[:expected_at + 20], 1):
        values = [fmt.canon(_value(c)) for c in list(cells[:n]) + [None] * (n - len(cells))]
        if values == layout.headers:
            return i
    return None


def _header_changed(report: ReturnReport, sheet_rows, expected_at: int, layout: Layout) -> None:
    """The header no longer as sent: the first cell of it that differs is named (a column
    inserted, deleted or moved), or the header row when none is recognisable."""
    visible = [h for h in layout.headers if h]
    for i, cells in enumerate(sheet_rows[:expected_at + 20], 1):
        values = [fmt.canon(_value(c)) for c in cells]
        if sum(h in values for h in visible) * 2 < len(visible):
            continue
        values += [""] * (layout.width - len(values))
        c = next(c for c, (want, got) in enumerate(zip(layout.headers, values), 1) if want != got)
        report.error(f"{S}!{get_column_letter(c)}{i}", str(msg(
            "exchange.return.header_cell_changed", column=get_column_letter(c),
            expected=layout.headers[c - 1] or str(msg("exchange.return.hidden_column")),
            found=_short(values[c - 1]) or str(msg("exchange.report.empty")))))
        return
    report.error(f"{S}!A{expected_at or 1}", str(msg("exchange.return.header_changed")))


@dataclass
class _Reading:
    """What reading the rows of one return shares."""
    report: ReturnReport
    layout: Layout
    view: PlanView
    by_key: dict
    current: dict
    dep_name: str
    merged: dict = field(default_factory=dict)     # row → merged range covering its answers
    seen: dict = field(default_factory=dict)       # task key → row it was found in
    by_token: dict = field(default_factory=dict)   # echo token → the row sent with it
    added: dict = field(default_factory=dict)      # row without a key → its locked cells

    def __post_init__(self):
        at = self.layout.index     # 0-based positions, resolved once per return, not per row
        self.key_at = at["key"] - 1
        self.locked_at = [at[k] - 1 for k in self.layout.locked_keys]
        self.echo_at = [at[c.key] - 1 for c in self.layout.echoes]
        self.answer_at = [(c, at[c.key] - 1) for c in self.layout.answers]
        # "分工及进展!I" by field: a change's cell address is this and the row number
        self.field_column = {f: f"{S}!{self.layout.letter(k)}" for f, k in self.layout.field_keys.items()}
        # the fields a row answers, in FIELDS' order (a row with a bad answer is not diffed)
        self.fields = [f for f in fmt.FIELDS if f in self.field_column]

    def address(self, key: str, r: int) -> str:
        return f"{S}!{self.layout.letter(key)}{r}"

    def span(self, r: int) -> str:
        first, last = self.layout.answer_span
        return f"{S}!{first}{r}:{last}{r}"


def _read_rows(ws, sheet_rows, merges, report, meta, sent, plan_obj, dep, view: PlanView) -> None:
    """Check every row of the table; ``sheet_rows`` is used up (its rows set to None)."""
    try:
        layout = fmt.layout_of(meta)
    except (KeyError, TypeError, ValueError):
        report.error(meta_address("columns", meta), str(msg("exchange.return.columns_damaged")))
        return
    try:
        expected_at = int(meta.get("header_row") or 0)
    except (TypeError, ValueError):
        expected_at = 0
    header = _header_row(sheet_rows, expected_at, layout)
    if header is None:
        _header_changed(report, sheet_rows, expected_at, layout)
        return
    if header != expected_at:
        report.warn(f"{S}!A{header}", str(msg("exchange.return.rows_above_header", n=abs(header - expected_at))))

    rid = round_id(ws, plan_obj.id, fmt.canon(meta.get("round")))
    reading = _Reading(report, layout, view, {s.key: s for s in sent},
                       sent_progress(ws, rid, dep.id if dep else None),
                       dep.name if dep else "",
                       by_token={view.token(s.key): s for s in sent} if layout.echoes else {})
    _merged_rows(reading, merges, header)
    width = layout.width
    for i in range(header, len(sheet_rows)):
        cells = sheet_rows[i]
        sheet_rows[i] = None      # each row let go once read: a large return is never held twice
        if len(cells) != width:   # read to the layout's width (the usual row already is)
            cells = list(cells[:width]) + [None] * (width - len(cells))
        _read_row(reading, i + 1, cells)
    for s in sent:
        if s.key not in reading.seen and not _key_erased(reading, s):
            report.error(f"{S}!A{s.row}",
                         str(msg("exchange.row.deleted", row=s.row, task=view.labels.get(s.key, "任务"))),
                         task=s.key)
    for r in reading.added:       # rows without a key that are no sent row: added ones
        report.error(f"{S}!A{r}", str(msg("exchange.row.added")), row=r)


def _key_erased(reading: _Reading, s) -> bool:
    """A row without a key whose locked cells are this sent row's: its hidden key was
    cleared (not a row added and another deleted). Reported once, at the key cell."""
    for r, locked in reading.added.items():
        if fmt.row_hash(s.key, locked) == s.hash:
            del reading.added[r]
            reading.report.error(reading.address("key", r), str(msg(
                "exchange.row.key_erased", task=reading.view.labels.get(s.key, ""))), task=s.key, row=r)
            return True
    return False


def _merged_rows(reading: _Reading, merges: list[str], header: int) -> None:
    """A merge over the table's cells hides what was typed under it: its rows are refused."""
    for ref in merges:
        try:
            c1, r1, c2, r2 = range_boundaries(ref)
        except (TypeError, ValueError):
            continue
        if r2 is None or r2 <= header:
            continue
        reading.report.error(f"{S}!{ref}", str(msg("exchange.cell.merged", ref=ref)),
                             row=max(r1, header + 1))
        for r in range(max(r1, header + 1), r2 + 1):
            reading.merged.setdefault(r, ref)


def _value(cell):
    """A cell's value: the reader gives plain text cells as ``str`` (compact rows)."""
    return cell.value if isinstance(cell, Cell) else cell


def _read_row(reading: _Reading, r: int, cells) -> None:
    report, layout, view = reading.report, reading.layout, reading.view
    values = [c.value if c.__class__ is Cell else c for c in cells]    # _value, inlined
    key = fmt.canon(values[reading.key_at])
    if not key:
        if any(fmt.canon(v) for v in values) and r not in reading.merged:
            # reported after all rows: a sent row's locked cells here mean its key was cleared
            reading.added[r] = [values[i] for i in reading.locked_at]
        return
    s = reading.by_key.get(key)
    if s is None:
        report.error(reading.address("key", r), str(msg("exchange.row.key_changed")), row=r)
        return
    if key in reading.seen:
        report.error(f"{S}!A{r}", str(msg("exchange.row.copied", row=reading.seen[key])), row=r)
        return
    reading.seen[key] = r
    report.rows += 1
    unreadable = {c for c, cell in enumerate(cells, 1)     # a formula or an error value
                  if cell.__class__ is Cell and cell.data_type in ("f", "e")}
    for c in sorted(unreadable):
        cell = cells[c - 1]
        what = (msg("exchange.cell.formula", formula=str(cell.value)[:30])
                if cell.data_type == "f" else msg("exchange.cell.error_value", value=cell.value))
        report.error(f"{S}!{get_column_letter(c)}{r}", str(what), task=key, row=r)
    locked = [values[i] for i in reading.locked_at]
    bad = bool(unreadable) or r in reading.merged
    # The usual row: its locked cells as the workspace holds them, unchanged since sent —
    # equal to those, no hash to make; anything else is hashed and compared as sent.
    if not (locked == view.locked.get(key) and view.locked_hash(key) == s.hash) \
            and fmt.row_hash(key, locked) != s.hash:
        _locked_diff(reading, r, key, locked, s, unreadable)
        bad = True
    if key not in view.locked:
        report.warn(f"{S}!A{r}", str(msg("exchange.row.task_deleted")))
        return
    if not s.editable:
        if any(fmt.canon(values[i]) for _, i in reading.answer_at):
            report.warn(reading.address(layout.answers[0].key, r), str(msg("exchange.row.not_theirs")))
        return
    if not _echoes_in_place(reading, r, key, values):
        bad = True
    returned, bad_cells = _answers(reading, r, key, cells, unreadable)
    if bad or bad_cells:   # the row is reported; its values are not taken
        return
    _consistency(report, layout, r, returned, key)
    _diff(reading, r, key, returned, s.values())


def _echoes_in_place(reading: _Reading, r: int, key: str, values: list) -> bool:
    """The hidden echoes inside the answers still hold this row's token: the answers are
    where they were sent (a sort or a cut-and-paste of answers carries the echoes along)."""
    layout = reading.layout
    if not layout.echoes:
        return True
    token = reading.view.token(key)
    raw = [values[i] for i in reading.echo_at]
    if all(w == token for w in raw):     # the usual case, without canonical forms
        return True
    wrong = [fmt.canon(w) for w in raw]
    if all(w == token for w in wrong):
        return True
    origins = sorted({reading.by_token[w].row for w in wrong
                      if w != token and w in reading.by_token})
    if origins:
        reading.report.error(reading.span(r), str(msg("exchange.cell.answers_moved", rows=origins)),
                             task=key, row=r)
    else:
        reading.report.error(reading.span(r), str(msg("exchange.cell.row_mark_lost")), task=key, row=r)
    return False


_TEXT_FIELDS = ("text", "problems", "next_steps", "note")


def _answers(reading: _Reading, r: int, key: str, cells, unreadable) -> tuple[dict, bool]:
    """The answers of a row read as the person meant them; bad cells reported."""
    report = reading.report
    returned: dict = {}
    bad = False
    for c, i in reading.answer_at:
        if i + 1 in unreadable:
            bad = True
            continue
        cell = cells[i]
        f = c.field
        # The usual cells, taken as they stand without a reading to note: nothing, plain
        # text with no space or break to trim, a status label as written.
        if cell is None:
            returned[f] = None if f == "percent" else ""
            continue
        if cell.__class__ is str and f != "percent" and cell.isprintable() and cell == cell.strip():
            if f != "status":
                returned[f] = cell
                continue
            code = fmt.STATUS_BY_LABEL.get(cell)
            if code:
                returned[f] = code
                continue
        typed = cell.__class__ is Cell
        value = cell.value if typed else cell
        number_format = cell.number_format if typed else "General"
        # the usual percentage: a whole or plain number from 1 to 100 (or 0), no percent format
        if f == "percent" and (value.__class__ is int or value.__class__ is float) \
                and (value == 0 or 1 <= value <= 100) and "%" not in (number_format or ""):
            returned[f] = round(float(value), 2)
            continue
        try:
            if f == "status":
                read = status_code(value)
            elif f == "percent":
                read = percent_value(value, number_format)
            else:
                read = text_value(value, cell.data_type if typed else "s", number_format)
        except BadValue as e:
            report.error(reading.address(c.key, r), str(e), task=key, row=r)
            bad = True
            continue
        if read.note:
            report.normalise(reading.address(c.key, r), read.note)
        returned[f] = read.value
    return returned, bad


def _locked_diff(reading: _Reading, r, key, locked, s, unreadable) -> None:
    """Name the changed cells when the workspace still holds what was sent; else the row."""
    report, layout = reading.report, reading.layout
    expected = reading.view.locked.get(key)
    if expected is not None and fmt.row_hash(key, expected) == s.hash:
        for k, was, now in zip(layout.locked_keys, expected, locked):
            c = layout.index[k]
            if fmt.canon(was) != fmt.canon(now) and c not in unreadable:
                report.error(reading.address(k, r), str(msg(
                    "exchange.row.locked_cell_changed", column=layout.columns[c - 1].header,
                    was=_short(was), now=_short(now))), task=key, row=r)
    else:
        first, last = layout.locked_keys[0], layout.locked_keys[-1]
        report.error(f"{S}!{layout.letter(first)}{r}:{layout.letter(last)}{r}",
                     str(msg("exchange.row.locked_changed")), task=key, row=r)


def _short(value) -> str:
    text = " ".join(fmt.canon(value).split())
    return text if len(text) <= 20 else text[:19] + "…"


def _consistency(report, layout: Layout, r, v, key) -> None:
    status, percent = v.get("status", ""), v.get("percent")

    def at(f: str) -> str:       # made only for a warning, not for every row
        return f"{S}!{layout.field_letter(f)}{r}"

    if status == "done" and percent is not None and percent < 100:
        report.warn(at("percent"), str(msg("exchange.check.done_below_100", percent=f"{percent:g}")))
    elif status in ("not_started", "in_progress") and percent == 100:
        report.warn(at("status"), str(msg("exchange.check.full_not_done")))
    elif status == "not_started" and percent:
        report.warn(at("percent"), str(msg("exchange.check.not_started_with_percent", percent=f"{percent:g}")))


EMPTY = {"status": "", "percent": None, "text": "", "problems": "", "next_steps": "", "note": ""}


def _diff(reading: _Reading, r, key, returned, sent) -> None:
    """Changes the recipient made; a conflict when the workspace changed since the export.
    Fields the workbook has no column for (an older format) keep the workspace's value."""
    report, view = reading.report, reading.view
    now = reading.current.get(key) or EMPTY
    fields = reading.fields
    # ``a == b or same(…)``: equal values (the usual case) without a call per field
    edited = [f for f in fields if not (returned[f] == sent[f] or same(f, returned[f], sent[f]))]
    if not edited:
        return
    unmoved = [f for f in fields if now[f] == sent[f]]    # the usual field: as it was sent
    moved_here = len(unmoved) < len(fields) and any(
        not same(f, now[f], sent[f]) for f in fields if f not in unmoved)
    new = dict(now)
    for f in edited:
        new[f] = returned[f]
    # a field still as sent differs from the workspace exactly when it was edited
    differing = [f for f in edited if f in unmoved
                 or not (returned[f] == now[f] or same(f, returned[f], now[f]))]
    if not differing:
        return
    label, department, column = view.labels.get(key, key), reading.dep_name, reading.field_column
    changes = [FieldChange(key, label, department, f, now[f], returned[f], f"{column[f]}{r}", sent[f])
               for f in differing]
    if moved_here:
        report.conflicts += changes
        report.conflict_updates[key] = new
    else:
        report.changes += changes
        report.updates[key] = new
