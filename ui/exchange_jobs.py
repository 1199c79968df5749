"""The exchange workbooks of a reporting round: export for departments, check and import
their returns, consolidate many returns (functions of ``reports.xlsx``).

Exporting, applying and 汇总 write the workspace: they run as ops (``ui.worker.run_op``)
on the database thread, cancellable, the window painting meanwhile. Checking a batch of
returned workbooks — the slow part — is a query with its own read-only connection; each
report is checked again (an earlier file of the batch may have touched the same tasks),
shown to the clerk, and applied one after the other.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout)

from models.read_departments import plan_departments

from . import dialogs, features
from .worker import KeepsJobs, run_op, run_query


# ---- on the database thread (ops) and the worker (queries) -------------------------------
def check_returns(ctx, ws, paths: list[Path]) -> list:
    """Query: read and validate each returned workbook (a WorkbookError: unreadable)."""
    from reports.xlsx import WorkbookError
    out = []
    for i, path in enumerate(paths):
        ctx.progress(i, len(paths), path.name)
        try:
            out.append(features.get("exchange_read_return")(ws, path))
        except WorkbookError as e:
            out.append(e)
    return out


def export_one(ctx, ws, plan_uuid: str, round_name: str, out: Path, department) -> dict:
    ctx.progress(0, 0, out.name)
    return features.get("exchange_export")(ws, plan_uuid, round_name, out,
                                           department=department)


def export_every(ctx, ws, plan_uuid: str, round_name: str, folder: str) -> list:
    from reports.xlsx import export_for_departments
    return export_for_departments(ws, plan_uuid, round_name, folder, progress=ctx.progress)


def recheck_return(ctx, ws, path: Path):
    ctx.progress(0, 0, path.name)
    return features.get("exchange_read_return")(ws, path)


def apply_return(ctx, ws, report, overwrite: bool, accept_valid: bool = False) -> dict:
    ctx.progress(0, 0, report.file_name)
    ctx.check()
    return features.get("exchange_apply_return")(ws, report, overwrite_conflicts=overwrite,
                                                  accept_valid=accept_valid)


def refuse_return(ctx, ws, report) -> int | None:
    """Op: record in the 交换 list that a return came back and was not imported (as the
    CLI and the 汇总 do), so the round shows the department did report, with errors."""
    ctx.progress(0, 0, report.file_name)
    return features.get("exchange_record_refusal")(ws, report)


def consolidate_round(ctx, ws, plan_uuid: str, round_name: str, paths: list[Path],
                      out: Path) -> dict:
    """Op: import the returns one by one (Cancel stops after the current file; the ones
    imported stay, each its own undo step) and write the roll-up."""
    ctx.progress(0, len(paths), "")
    return features.get("consolidate")(
        ws, plan_uuid, round_name, paths, out,
        progress=lambda i, name: ctx.progress(i, len(paths), name))


def suggested_round(today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    return f"{today.year}年第{'一二三四'[(today.month - 1) // 3]}季度"


EVERY_DEPARTMENT = "\x00every"    # the export dialog's choice of one workbook per department


class ExportDialog(QDialog):
    """Which round, and for whom (one department or every task)."""

    def __init__(self, parent, ws, plan_uuid: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a reporting workbook"))
        self.round = QComboBox(self)
        self.round.setEditable(True)
        rounds = [r.name for r in ws.rounds(plan_uuid)]
        self.round.addItems(rounds or [suggested_round()])
        self.round.setCurrentIndex(self.round.count() - 1)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("All tasks (one workbook)"), None)
        self.department.addItem(self.tr("Every department, one workbook each (a folder)"),
                                EVERY_DEPARTMENT)
        for name in plan_departments(ws, plan_uuid):
            self.department.addItem(name, name)
        form = QFormLayout(self)
        form.addRow(self.tr("Reporting round"), self.round)
        form.addRow(self.tr("For"), self.department)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ReturnDialog(QDialog):
    """What a returned workbook would change; errors block the import."""

    def __init__(self, parent, report):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Returned workbook: {file}").format(file=report.file_name))
        self.resize(760, 480)
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setPlainText("\n".join(report.lines()))
        self.overwrite = QCheckBox(self.tr("Also overwrite the {n} conflicting entries "
                                           "(changed here after the workbook was sent)").format(
                                               n=len(report.conflicts)), self)
        self.overwrite.setVisible(bool(report.conflicts))
        # Errors confined to some rows: the valid rows may go in, the bad cells left to check.
        self.accept_valid = QCheckBox(self.tr("Import the valid rows and leave the {n} cells "
                                              "with errors to check with the department").format(
                                                  n=len(report.left_out)), self)
        self.accept_valid.setVisible(report.partial_ok)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.apply_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        has_changes = not report.already_imported and bool(report.changes or report.conflicts)

        def update() -> None:
            self.apply_button.setEnabled(has_changes and (
                report.ok or (report.partial_ok and self.accept_valid.isChecked())))
        self.accept_valid.toggled.connect(update)
        update()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if report.errors:
            note = QLabel(self.tr("The workbook has errors and cannot be imported; "
                                  "ask the department to correct the cells listed."), self)
            note.setStyleSheet("color: #c62828;")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(text, 1)
        layout.addWidget(self.overwrite)
        layout.addWidget(self.accept_valid)
        layout.addWidget(buttons)


class ExchangeJobs(QObject, KeepsJobs):
    def __init__(self, window, session, settings):
        super().__init__(window)
        self.window, self.session, self.settings = window, session, settings
        self.jobs: list = []

    @staticmethod
    def available() -> bool:
        return all(features.available(n) for n in
                   ("exchange_export", "exchange_read_return", "exchange_apply_return",
                    "exchange_record_refusal"))

    def _folder(self) -> str:
        return self.settings.last_directory or str(Path.home())

    def _op(self, fn, *args, title: str, on_success, **kwargs):
        job = run_op(self.session, fn, *args, parent=self.window, title=title,
                     on_success=on_success, on_cancel=self._cancelled, **kwargs)
        self._keep(job)
        return job

    def _cancelled(self) -> None:
        self.window.statusBar().showMessage(self.tr("Cancelled"), 5000)

    # ---- export ----------------------------------------------------------------------
    def export(self, plan_uuid: str | None):
        """Ask for the round and the recipient, then write the workbook. Returns the job."""
        ws = self.session.ws
        if ws is None or plan_uuid is None or ws.readonly:
            return None
        d = ExportDialog(self.window, ws, plan_uuid)
        if d.exec() != QDialog.Accepted:
            return None
        round_name = d.round.currentText().strip()
        dep = d.department.currentData()
        if dep == EVERY_DEPARTMENT:
            return self._export_every_department(plan_uuid, round_name)
        name = f"{dep or ws.plan(plan_uuid).title[:20]}-{round_name}.xlsx"
        out, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export a reporting workbook"),
                                             str(Path(self._folder()) / name), "*.xlsx")
        if not out:
            return None
        out = Path(out).with_suffix(".xlsx")
        self.settings.last_directory = str(out.parent)

        def written(result):
            self.window.statusBar().showMessage(
                self.tr("Written {path}: {rows} rows, {editable} to fill in").format(
                    path=out, rows=result["rows"], editable=result["editable"]), 10000)
        return self._op(export_one, plan_uuid, round_name, out, dep,
                        title=self.tr("Export a reporting workbook"), on_success=written)

    def _export_every_department(self, plan_uuid: str, round_name: str):
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder for the departments' workbooks"), self._folder())
        if not folder:
            return None
        self.settings.last_directory = folder

        def written(results):
            self.window.statusBar().showMessage(
                self.tr("Written %n workbook(s) to {folder}", "", len(results)).format(
                    folder=folder), 10000)
        return self._op(export_every, plan_uuid, round_name, folder,
                        title=self.tr("Folder for the departments' workbooks"),
                        on_success=written)

    # ---- import returns --------------------------------------------------------------
    def import_returns(self):
        """Check the chosen returns (a query), then review and apply them one by one."""
        ws = self.session.ws
        if ws is None or ws.readonly:
            return None
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import returned workbooks"),
                                                self._folder(), "*.xlsx")
        if not paths:
            return None
        paths = [Path(p) for p in paths]
        self.settings.last_directory = str(paths[0].parent)
        job = run_query(self.session, check_returns, paths, parent=self.window,
                        title=self.tr("Checking returned workbooks"),
                        on_success=lambda reports: self._review(list(reports)),
                        on_cancel=self._cancelled)
        self._keep(job)
        return job

    def _review(self, reports: list) -> None:
        """The next report of the batch: checked afresh, shown, applied if accepted."""
        from reports.xlsx import WorkbookError
        while reports and isinstance(reports[0], WorkbookError):
            dialogs.show_error(self.window, self.tr("Import returned workbooks"), str(reports[0]))
            reports.pop(0)
        if not reports or self.session.ws is None:
            return
        item = reports.pop(0)
        self._op(recheck_return, item.path, title=self.tr("Checking returned workbooks"),
                 on_success=lambda report: self._show_return(report, reports),
                 on_failure=lambda failure: self._failed_then(failure, reports))

    def _show_return(self, report, rest: list) -> None:
        d = ReturnDialog(self.window, report)
        if d.exec() != QDialog.Accepted:
            if report.errors and not report.already_imported:
                self._op(refuse_return, report, title=self.tr("Import returned workbooks"),
                         on_success=lambda _id: self._review(rest),
                         on_failure=lambda failure: self._failed_then(failure, rest))
            else:
                self._review(rest)
            return

        def applied(result):
            self.window.statusBar().showMessage(
                self.tr("{file}: progress of {n} tasks imported").format(
                    file=report.file_name, n=result["applied"]), 10000)
            self._review(rest)
        self._op(apply_return, report, d.overwrite.isChecked(), d.accept_valid.isChecked(),
                 title=self.tr("Import returned workbooks"), on_success=applied,
                 on_failure=lambda failure: self._failed_then(failure, rest))

    def _failed_then(self, failure, rest: list) -> None:
        dialogs.show_failure(self.window, self.tr("Import returned workbooks"), failure)
        self._review(rest)

    # ---- consolidate -----------------------------------------------------------------
    def consolidate(self, plan_uuid: str | None):
        """汇总 of a round: choose the round, the returns and the output. Returns the job."""
        ws = self.session.ws
        if ws is None or plan_uuid is None or ws.readonly:
            return None
        rounds = [r.name for r in ws.rounds(plan_uuid)]
        if not rounds:
            dialogs.show_error(self.window, self.tr("Consolidate"),
                               self.tr("This plan has no reporting round yet: export the "
                                       "workbooks of a round first."))
            return None
        k = dialogs.choose(self.window, self.tr("Consolidate"), self.tr("Reporting round:"),
                           rounds, len(rounds) - 1)
        if k is None:
            return None
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Returned workbooks"),
                                                self._folder(), "*.xlsx")
        if not paths:
            return None
        out, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the consolidated workbook"),
            str(Path(paths[0]).parent / f"{rounds[k]}-汇总.xlsx"), "*.xlsx")
        if not out:
            return None
        return self._op(consolidate_round, plan_uuid, rounds[k], [Path(p) for p in paths],
                        Path(out).with_suffix(".xlsx"), title=self.tr("Consolidating…"),
                        on_success=self._consolidated)

    def _consolidated(self, result: dict) -> None:
        from models.messages import msg
        from reports.xlsx.rollup import file_state
        lines = [f"{f['file']}：{file_state(f)}" + "".join(f"\n  {e}" for e in f["errors"])
                 for f in result["files"]]
        # The same count of departments as the CLI and the 汇总 sheet.
        kinds = [kind for kind, _ in result["states"].values()]
        lines.append(str(msg("exchange.cli.departments", returned=kinds.count("returned"),
                             errors=kinds.count("errors"), missing=len(result["missing"]))))
        lines += [f"{name}：{state}" for name, state in result["departments"].items()
                  if result["states"].get(name, ("", 0))[0] == "errors"]
        if result["missing"]:
            lines.append(self.tr("Not returned yet: {names}").format(
                names="、".join(result["missing"])))
        dialogs.show_info(self.window, self.tr("Consolidate"),
                          self.tr("Written {path}").format(path=result["out"]), "\n".join(lines))
