"""The exchange workbooks of a reporting round: export for departments, check and import
their returns, consolidate many returns (functions of ``reports.xlsx``).

Those functions read and write the workspace, whose connection belongs to the GUI thread,
so exporting and applying run there. Checking a returned workbook — the slow part — runs
on the worker with its own read-only connection; the report it produces is plain data that
the clerk reviews before it is applied.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QLabel, QPlainTextEdit, QProgressDialog,
                               QVBoxLayout)

from models.workspace import Workspace

from . import dialogs, features
from .worker import Cancelled, run_job


def check_returns(ctx, ws_path: Path, paths: list[Path]) -> list:
    """Worker: read and validate each returned workbook with a read-only connection."""
    from reports.xlsx import WorkbookError, read_return
    out = []
    with Workspace.open(ws_path, readonly=True) as ro:
        for i, path in enumerate(paths):
            ctx.progress(i, len(paths), path.name)
            try:
                out.append(read_return(ro, path))
            except WorkbookError as e:
                out.append(e)
    return out


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
        used = ws.all("SELECT DISTINCT d.id, d.name, d.position FROM assignments a JOIN tasks t "
                      "ON t.id=a.task_id JOIN departments d ON d.id=a.department_id "
                      "WHERE t.plan_id=? ORDER BY d.position", (ws.plan(plan_uuid).id,))
        for r in used:
            self.department.addItem(r["name"], r["name"])
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
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.apply_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        can_apply = report.ok and not report.already_imported and bool(
            report.changes or report.conflicts)
        self.apply_button.setEnabled(can_apply)
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
        layout.addWidget(buttons)


class ExchangeJobs(QObject):
    def __init__(self, window, session, settings):
        super().__init__(window)
        self.window, self.session, self.settings = window, session, settings

    @staticmethod
    def available() -> bool:
        return all(features.available(n) for n in
                   ("exchange_export", "exchange_read_return", "exchange_apply_return"))

    def _folder(self) -> str:
        return self.settings.last_directory or str(Path.home())

    # ---- export ----------------------------------------------------------------------
    def export(self, plan_uuid: str | None) -> None:
        ws = self.session.ws
        if ws is None or plan_uuid is None or ws.readonly:
            return
        d = ExportDialog(self.window, ws, plan_uuid)
        if d.exec() != QDialog.Accepted:
            return
        round_name = d.round.currentText().strip()
        dep = d.department.currentData()
        if dep == EVERY_DEPARTMENT:
            self._export_every_department(ws, plan_uuid, round_name)
            return
        name = f"{dep or ws.plan(plan_uuid).title[:20]}-{round_name}.xlsx"
        out, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export a reporting workbook"),
                                             str(Path(self._folder()) / name), "*.xlsx")
        if not out:
            return
        out = Path(out).with_suffix(".xlsx")
        self.settings.last_directory = str(out.parent)
        with _busy():
            result = self._call(features.get("exchange_export"), ws, plan_uuid, round_name, out,
                                department=dep)
        if result:
            self.window.statusBar().showMessage(
                self.tr("Written {path}: {rows} rows, {editable} to fill in").format(
                    path=out, rows=result["rows"], editable=result["editable"]), 10000)

    def _export_every_department(self, ws, plan_uuid: str, round_name: str) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder for the departments' workbooks"), self._folder())
        if not folder:
            return
        self.settings.last_directory = folder
        from reports.xlsx import export_for_departments
        with _busy():
            results = self._call(export_for_departments, ws, plan_uuid, round_name, folder)
        if results:
            self.window.statusBar().showMessage(
                self.tr("Written %n workbook(s) to {folder}", "", len(results)).format(
                    folder=folder), 10000)

    # ---- import returns --------------------------------------------------------------
    def import_returns(self) -> None:
        ws = self.session.ws
        if ws is None or ws.readonly:
            return
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import returned workbooks"),
                                                self._folder(), "*.xlsx")
        if not paths:
            return
        paths = [Path(p) for p in paths]
        self.settings.last_directory = str(paths[0].parent)
        if ws.path is None:      # an in-memory workspace: no second connection to read with
            reports = []
            with _busy():
                for p in paths:
                    reports += self._call(check_returns_here, ws, p) or []
            self._review(reports)
            return
        run_job(check_returns, ws.path, paths, parent=self.window,
                title=self.tr("Checking returned workbooks"), on_success=self._review)

    def _review(self, reports) -> None:
        ws = self.session.ws
        from reports.xlsx import WorkbookError
        for item in reports:
            if isinstance(item, WorkbookError):
                dialogs.show_error(self.window, self.tr("Import returned workbooks"), str(item))
                continue
            # An earlier file of the batch may have touched the same tasks: check afresh.
            report = self._call(features.get("exchange_read_return"), ws, item.path) or item
            d = ReturnDialog(self.window, report)
            if d.exec() != QDialog.Accepted:
                continue
            with _busy():
                result = self._call(features.get("exchange_apply_return"), ws, report,
                                    overwrite_conflicts=d.overwrite.isChecked())
            if result:
                self.window.statusBar().showMessage(
                    self.tr("{file}: progress of {n} tasks imported").format(
                        file=report.file_name, n=result["applied"]), 10000)

    # ---- consolidate -----------------------------------------------------------------
    def consolidate(self, plan_uuid: str | None) -> None:
        ws = self.session.ws
        if ws is None or plan_uuid is None or ws.readonly:
            return
        rounds = [r.name for r in ws.rounds(plan_uuid)]
        if not rounds:
            dialogs.show_error(self.window, self.tr("Consolidate"),
                               self.tr("This plan has no reporting round yet: export the "
                                       "workbooks of a round first."))
            return
        k = dialogs.choose(self.window, self.tr("Consolidate"), self.tr("Reporting round:"),
                           rounds, len(rounds) - 1)
        if k is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Returned workbooks"),
                                                self._folder(), "*.xlsx")
        if not paths:
            return
        out, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the consolidated workbook"),
            str(Path(paths[0]).parent / f"{rounds[k]}-汇总.xlsx"), "*.xlsx")
        if not out:
            return
        # consolidate() applies file by file through the workspace: GUI thread, with a
        # progress dialog whose Cancel stops after the current file.
        progress = QProgressDialog(self.tr("Consolidating…"), self.tr("Cancel"), 0, len(paths),
                                   self.window)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(400)

        def step(i, name):
            progress.setValue(i)
            progress.setLabelText(name)
            QApplication.processEvents()
            if progress.wasCanceled():
                raise Cancelled()

        result = self._call(features.get("consolidate"), ws, plan_uuid, rounds[k], paths,
                            Path(out).with_suffix(".xlsx"), progress=step)
        progress.close()
        if result:
            lines = [f"{f['file']}: {f['status']}" + "".join(f"\n  {e}" for e in f["errors"])
                     for f in result["files"]]
            if result["missing"]:
                lines.append(self.tr("Not returned yet: {names}").format(
                    names="、".join(result["missing"])))
            dialogs.show_info(self.window, self.tr("Consolidate"),
                              self.tr("Written {path}").format(path=result["out"]),
                              "\n".join(lines))

    def _call(self, fn, *args, **kwargs):
        """Run a workbook function on the GUI thread; its one-line error in a dialog."""
        try:
            return fn(*args, **kwargs)
        except Cancelled:
            self.window.statusBar().showMessage(self.tr("Cancelled"), 5000)
        except Exception as e:   # WorkbookError, a store error, an OSError: all one line
            dialogs.show_error(self.window, self.tr("Exchange workbooks"), str(e))
        return None


def check_returns_here(ws, path: Path) -> list:
    from reports.xlsx import WorkbookError, read_return
    try:
        return [read_return(ws, path)]
    except WorkbookError as e:
        return [e]


class _busy:
    def __enter__(self):
        QApplication.setOverrideCursor(Qt.WaitCursor)

    def __exit__(self, *exc):
        QApplication.restoreOverrideCursor()
