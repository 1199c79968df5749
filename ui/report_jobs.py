"""Progress reports, follow-up notices (督办通知) and task lists by department, written on
the worker and checked before printing (``ui.print_check``).

The functions of ``reports.progress_report`` read the workspace: they run as queries
(``ui.worker.run_query``), each with its own read-only connection. The task lists are
rendered from the plan dict, read on the GUI thread before the job starts.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout)

from models.messages import msg

from . import dialogs, features
from .file_jobs import safe_file_name
from .print_check import Rendered, check_lines, show_rendered
from .worker import KeepsJobs, run_job, run_query

FOLLOWUP_PREFIX = "督办通知-"
TASK_LISTS_NAME = "任务清单"       # one file per department: 任务清单_<department>.docx


# ---- on the worker ------------------------------------------------------------------------
def render_report(ctx, ws, plan_uuid: str, round_name: str | None, kind: str, out: Path,
                  today=None) -> Rendered:
    """Worker: the round's progress report, ``kind`` "docx" (checked) or "xlsx"."""
    ctx.progress(0, 0, out.name)
    features.get(f"progress_report_{kind}")(ws, plan_uuid, round_name, out, today=today)
    ctx.check()
    return Rendered([out], check_lines(out) if kind == "docx" else [])


def find_late(ctx, ws, plan_uuid: str, round_name: str | None, today=None) -> list[str]:
    """Worker: the departments leading late tasks in the round, most late first."""
    from reports.progress_report import late_departments
    return late_departments(ws, plan_uuid, round_name, today)


def followup_path(folder: Path, department: str) -> Path:
    return Path(folder) / f"{FOLLOWUP_PREFIX}{safe_file_name(department)}.docx"


def render_followups(ctx, ws, plan_uuid: str, round_name: str | None,
                     departments: list[str], folder: Path, today=None) -> Rendered:
    """Worker: one 督办通知 per department into ``folder``, each checked; Cancel stops
    between departments (the notices written so far stay)."""
    from reports.office_notice import office_head
    from models.status.schedule import to_date
    from reports.progress_notice import NothingToFollowUp
    render = features.get("followup_notice")
    written, notes, numbers = [], [], []
    for i, name in enumerate(departments):
        ctx.progress(i, len(departments), name)
        out = followup_path(folder, name)
        head = office_head(ws, to_date(today) or dt.date.today(), numbers)
        try:
            render(ws, plan_uuid, round_name, name, out, today=today, head=head)
        except NothingToFollowUp as e:     # its tasks were reported on meanwhile
            notes.append(str(e))
            continue
        written.append(out)
        if head.get("doc_number"):
            numbers.append(head["doc_number"])
            notes.append(str(msg("app.doc_number_given", file=out.name, number=head["doc_number"])))
        notes += check_lines(out, out.name)
    ctx.progress(len(departments), len(departments), "")
    return Rendered(written, notes, folder=Path(folder), doc_numbers=numbers)


def render_task_lists(ctx, plan: dict, out: Path, per_department: bool) -> Rendered:
    """Worker: every department's tasks in one .docx (``out``), or one .docx per
    department named after ``out`` (任务清单_<department>.docx beside it); checked."""
    ctx.progress(0, 0, out.name)
    paths = [Path(p) for p in features.get("department_tasks")(
        plan, out, one_file_per_department=per_department)]
    notes = []
    for i, path in enumerate(paths):
        ctx.progress(i, len(paths), path.name)
        notes += check_lines(path, path.name if per_department else "")
    return Rendered(paths, notes, folder=out.parent if per_department else None)


# ---- on the GUI thread --------------------------------------------------------------------
class FollowupDialog(QDialog):
    """Which late departments get a notice (all, at first) and the folder for the files."""

    def __init__(self, parent, departments: list[str], folder: str, round_name: str | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow-up notices"))
        self.resize(460, 420)
        when = round_name or self.tr("the current round")
        intro = QLabel(self.tr("Departments leading late tasks in {round}, most late first. "
                               "Each one checked gets a follow-up notice listing its late "
                               "tasks.").format(round=when), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        for name in departments:
            item = QListWidgetItem(name, self.list)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            item.setCheckState(Qt.Checked)
        self.all_button = QPushButton(self.tr("Check all"), self)
        self.none_button = QPushButton(self.tr("Check none"), self)
        self.folder_edit = QLineEdit(folder, self)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        pattern = FOLLOWUP_PREFIX + self.tr("<department>") + ".docx"
        names = QLabel(self.tr("Files: {pattern} in this folder").format(pattern=pattern), self)
        names.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.addButton(self.tr("Write notices"),
                                                QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        checks = QHBoxLayout()
        checks.addWidget(self.all_button)
        checks.addWidget(self.none_button)
        checks.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder:"), self))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(checks)
        layout.addLayout(folder_row)
        layout.addWidget(names)
        layout.addWidget(self.buttons)

        self.all_button.clicked.connect(lambda: self._check_all(Qt.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.Unchecked))
        self.choose_button.clicked.connect(self._choose_folder)
        self.list.itemChanged.connect(self._update)
        self.folder_edit.textChanged.connect(self._update)
        self._update()

    def departments(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def _check_all(self, state) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the notices"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _update(self, *_) -> None:
        self.ok_button.setEnabled(bool(self.departments() and self.folder_edit.text().strip()))


class ReportJobs(QObject, KeepsJobs):
    """The report commands of the window (the 进度 tab's buttons, the Export menu)."""

    def __init__(self, window, session, settings):
        super().__init__(window)
        self.window, self.session, self.settings = window, session, settings
        self.jobs: list = []

    def _folder(self) -> Path:
        return Path(self.settings.last_directory or Path.home())

    def _start(self, fn, *args, title: str, on_success):
        """``fn(ctx, ws, *args)`` as a query of the workspace. Returns the job."""
        job = run_query(self.session, fn, *args, parent=self.window, title=title,
                        on_success=on_success)
        self._keep(job)
        return job

    # ---- the progress report ---------------------------------------------------------
    def progress_report(self, kind: str, plan_uuid: str | None, round_name: str | None = None,
                        today=None):
        """The round's report as "docx" (推进情况的报告) or "xlsx" (the full table)."""
        ws = self.session.ws
        if ws is None or plan_uuid is None:
            return None
        suffix = "." + kind
        title = (self.tr("Progress report (.docx)") if kind == "docx"
                 else self.tr("Progress report (.xlsx)"))
        name = safe_file_name(ws.plan(plan_uuid).title)[:30] + (
            f"-{round_name}" if round_name else "") + ("推进情况报告" if kind == "docx" else "推进情况")
        out, _ = QFileDialog.getSaveFileName(self.window, title,
                                             str(self._folder() / (name + suffix)), f"*{suffix}")
        if not out:
            return None
        out = Path(out).with_suffix(suffix)
        self.settings.last_directory = str(out.parent)
        return self._start(render_report, plan_uuid, round_name, kind, out, today, title=title,
                           on_success=lambda rendered: show_rendered(self.window, title, rendered))

    # ---- follow-up notices -----------------------------------------------------------
    def followup_notices(self, plan_uuid: str | None, round_name: str | None = None, today=None):
        """Find the late departments, let the clerk pick them and a folder, write one
        督办通知 each. Returns the first job (finding them)."""
        ws = self.session.ws
        if ws is None or plan_uuid is None:
            return None
        title = self.tr("Follow-up notices")
        return self._start(find_late, plan_uuid, round_name, today, title=title,
                           on_success=lambda names: self._ask_followup(
                               plan_uuid, round_name, today, names))

    def _ask_followup(self, plan_uuid, round_name, today, departments: list[str]):
        title = self.tr("Follow-up notices")
        if self.session.ws is None:
            return None
        if not departments:
            dialogs.show_info(self.window, title, self.tr(
                "No department leads a late task in {round}: there is nobody to follow up.").format(
                    round=round_name or self.tr("the current round")))
            return None
        d = FollowupDialog(self.window, departments, str(self._folder()), round_name)
        if d.exec() != QDialog.Accepted:
            return None
        chosen, folder = d.departments(), d.folder()
        if not chosen:
            return None
        if not folder.is_dir():
            dialogs.show_error(self.window, title,
                               self.tr("The folder does not exist: {folder}").format(folder=folder))
            return None
        existing = [followup_path(folder, n).name for n in chosen
                    if followup_path(folder, n).exists()]
        if existing and not dialogs.confirm(self.window, title, self.tr(
                "Replace the notices already in the folder?\n{files}").format(
                    files="\n".join(existing))):
            return None
        self.settings.last_directory = str(folder)
        return self._start(render_followups, plan_uuid, round_name, chosen, folder, today,
                           title=title,
                           on_success=lambda rendered: self._followups_written(title, rendered))

    def _followups_written(self, title: str, rendered: Rendered) -> None:
        if rendered.doc_numbers and self.session.ws is not None:
            self.session.edit(self.session.ws.record_doc_numbers, rendered.doc_numbers)
        show_rendered(self.window, title, rendered)

    # ---- task lists by department ----------------------------------------------------
    def task_lists(self, plan_uuid: str | None):
        """Each department's tasks: one document, or one document per department."""
        ws = self.session.ws
        if ws is None or plan_uuid is None:
            return None
        title = self.tr("Task lists by department")
        k = dialogs.choose(self.window, title, self.tr("Write the task lists as:"), [
            self.tr("One document, each department from a new page"),
            self.tr("One document per department, into a folder")])
        if k is None:
            return None
        from models.dump import plan_dict
        plan = plan_dict(ws, plan_uuid)
        per_department = k == 1
        if per_department:
            folder = QFileDialog.getExistingDirectory(self.window, title, str(self._folder()))
            if not folder:
                return None
            folder = Path(folder)
            existing = sorted(p.name for p in folder.glob(f"{TASK_LISTS_NAME}_*.docx"))
            if existing and not dialogs.confirm(self.window, title, self.tr(
                    "Replace the task lists already in the folder?\n{files}").format(
                        files="\n".join(existing))):
                return None
            out = folder / f"{TASK_LISTS_NAME}.docx"
        else:
            suggested = self._folder() / f"{safe_file_name(plan['title'])[:30]}-各部门任务清单.docx"
            out, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), "*.docx")
            if not out:
                return None
            out = Path(out).with_suffix(".docx")
        self.settings.last_directory = str(out.parent)
        job = run_job(render_task_lists, plan, out, per_department, parent=self.window,
                      title=title,
                      on_success=lambda rendered: show_rendered(self.window, title, rendered))
        self._keep(job)
        return job
