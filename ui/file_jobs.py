"""File work of the window — importing plans, rendering Word/Excel/PDF — on the worker.

The worker only reads and writes files (parse a document into a plan dict, render a
document from a plan dict); the plan dict is read from the store before, and a parsed plan
is stored after, on the GUI thread.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from models.dump import plan_dict

from . import dialogs, features
from .worker import run_job


def parse_files(ctx, paths: list[Path]) -> list[tuple[Path, dict]]:
    """Worker: parse each file into a plan dict (cancellable between files)."""
    from cli.import_cmd import parse_any
    out = []
    for i, path in enumerate(paths):
        ctx.progress(i, len(paths), path.name)
        out.append((path, parse_any(path)))
    ctx.progress(len(paths), len(paths), "")
    return out


def render(ctx, kind: str, plan: dict, notice: dict, out: Path) -> Path:
    """Worker: write one document for ``plan``; returns the file written."""
    ctx.progress(0, 0, out.name)
    if kind == "notice_docx":
        features.get("notice_docx")(plan, notice, out)
    elif kind == "table_docx":
        features.get("table_docx")(plan, out)
    elif kind == "table_xlsx":
        features.get("table_xlsx")(plan, out)
    elif kind == "pdf":
        with tempfile.TemporaryDirectory(prefix="plandesk-") as tmp:
            docx = Path(tmp) / (out.stem + ".docx")
            features.get("notice_docx")(plan, notice, docx)
            ctx.check()
            features.get("pdf")(docx, out)
    else:
        raise ValueError(kind)
    return out


def safe_file_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "", title)[:60] or "plan"


class FileJobs(QObject):
    """Import and export commands of the window."""
    imported = Signal(str)      # uuid of the last plan imported

    def __init__(self, window, session, settings):
        super().__init__(window)
        self.window, self.session, self.settings = window, session, settings
        self.jobs: list = []

    # ---- import ----------------------------------------------------------------------
    def choose_and_import(self) -> None:
        suffixes = features.import_suffixes()
        if not suffixes:
            return
        patterns = " ".join(f"*{s}" for s in suffixes)
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import plans"), self.settings.last_directory,
            self.tr("Plan documents ({patterns})").format(patterns=patterns))
        if paths:
            self.settings.last_directory = str(Path(paths[0]).parent)
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]):
        """Parse the files on the worker, then store each as a new plan. Returns the job."""
        suffixes = features.import_suffixes()
        wrong = [p for p in paths if p.suffix.lower() not in suffixes]
        if wrong:
            dialogs.show_error(self.window, self.tr("Import plans"),
                               self.tr("These files cannot be imported: {files}\n"
                                       "Plans are read from: {suffixes}").format(
                                   files="、".join(p.name for p in wrong),
                                   suffixes=" ".join(suffixes) or self.tr("(nothing yet)")))
            paths = [p for p in paths if p not in wrong]
        if not paths:
            return None
        if self.session.ws is None and not self.window.files.new_workspace(
                suggested=paths[0].with_suffix(".plandesk")):
            return None
        if self.session.readonly:
            return None
        job = run_job(parse_files, paths, parent=self.window, title=self.tr("Importing plans"),
                      on_success=self._store_plans)
        self._keep(job)
        return job

    def _store_plans(self, parsed) -> None:
        ws = self.session.ws
        if ws is None or ws.readonly:
            return
        lines, details, last = [], [], None
        for path, plan in parsed:
            result = self.session.edit(ws.insert_plan_tree, plan, source_file=path.name)
            if result is None:
                continue
            last = result["plan"].uuid
            lines.append(self.tr("{file}: “{title}”, {n} tasks").format(
                file=path.name, title=result["plan"].title, n=result["tasks"]))
            if result["new_departments"]:
                lines.append(self.tr("  New departments (please review): {names}").format(
                    names="、".join(result["new_departments"])))
            for w in plan.get("warnings") or []:
                details.append(self.tr("{file}, line {line}: {message}").format(
                    file=path.name, line=w.get("line", "?"), message=w.get("message", "")))
        if last is not None:
            self.imported.emit(last)
            dialogs.show_info(self.window, self.tr("Import plans"), "\n".join(lines),
                              "\n".join(details))

    # ---- export ----------------------------------------------------------------------
    def export(self, kind: str, plan_uuid: str | None):
        """Render the current plan to a file the clerk chooses. Returns the job."""
        ws = self.session.ws
        if ws is None or plan_uuid is None:
            return None
        notice = ws.notice(plan_uuid)
        if kind in ("notice_docx", "pdf"):
            from .notice_dialog import edit_notice
            notice = edit_notice(self.window, self.session, plan_uuid)
            if notice is None:
                return None
        plan = plan_dict(ws, plan_uuid)
        name, suffix, title = {
            "notice_docx": (self.tr("notice"), ".docx", self.tr("Export notice")),
            "table_docx": (self.tr("division table"), ".docx", self.tr("Export division table")),
            "table_xlsx": (self.tr("division table"), ".xlsx", self.tr("Export division table")),
            "pdf": (self.tr("notice"), ".pdf", self.tr("Export PDF")),
        }[kind]
        folder = Path(self.settings.last_directory or Path.home())
        suggested = folder / f"{safe_file_name(plan['title'])}-{name}{suffix}"
        out, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), f"*{suffix}")
        if not out:
            return None
        out = Path(out).with_suffix(suffix)
        self.settings.last_directory = str(out.parent)
        job = run_job(render, kind, plan, notice, out, parent=self.window, title=title,
                      on_success=lambda path: self.window.statusBar().showMessage(
                          self.tr("Written: {path}").format(path=path), 10000))
        self._keep(job)
        return job

    def _keep(self, job) -> None:
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job) if job in self.jobs else None)

    def cancel_all(self) -> None:
        for job in list(self.jobs):
            job.cancel()
