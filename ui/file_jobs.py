"""File work of the window — importing plans, rendering Word/Excel/PDF, the notice's print
preview — on the worker.

The worker only reads and writes files (parse a document into a plan dict, render a
document from a plan dict); the plan dict is read from the store before, and a parsed plan
is stored after, on the GUI thread. A written .docx is checked in the same job (see
``ui.print_check``): the clerk is told what to look at before printing.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from models.placeholder_plan import drop_empty_placeholder

from . import dialogs, features
from .print_check import Rendered, check_lines, render_notes, show_rendered
from .worker import KeepsJobs, run_job, run_op


def parse_files(ctx, paths: list[Path]) -> list[tuple[Path, dict]]:
    """Worker: parse each file into a plan dict (cancellable between files)."""
    from reports.importer.any_file import parse_any
    out = []
    for i, path in enumerate(paths):
        ctx.progress(i, len(paths), path.name)
        out.append((path, parse_any(path)))
    ctx.progress(len(paths), len(paths), "")
    return out


def render(ctx, kind: str, plan: dict, notice: dict, out: Path) -> Rendered:
    """Worker: write one document for ``plan``; returns the file written and the points
    to check before printing it (the renderer's warnings, the GB/T 9704 self-check)."""
    ctx.progress(0, 0, out.name)
    notes: list[str] = []
    if kind == "notice_docx":
        notes += render_notes(features.get("notice_docx")(plan, notice, out))
        ctx.check()
        notes += check_lines(out)
    elif kind == "table_docx":
        features.get("table_docx")(plan, out)
        ctx.check()
        notes += check_lines(out)
    elif kind == "table_xlsx":
        features.get("table_xlsx")(plan, out)
    elif kind == "pdf":
        with tempfile.TemporaryDirectory(prefix="plandesk-") as tmp:
            docx = Path(tmp) / (out.stem + ".docx")
            notes += render_notice_docx(ctx, plan, notice, docx)
            features.get("pdf")(docx, out)
            notes += font_notes(out)
    else:
        raise ValueError(kind)
    return Rendered([out], notes)


def render_notice_docx(ctx, plan: dict, notice: dict, docx: Path) -> list[str]:
    """Worker: the notice as .docx, checked; returns the points to check before printing."""
    notes = render_notes(features.get("notice_docx")(plan, notice, docx))
    ctx.check()
    notes += check_lines(docx)
    ctx.check()
    return notes


PREVIEW_KEEP_S = 24 * 3600


def preview_folder() -> Path:
    """Where previews go: a folder of the temporary directory, emptied of old previews.

    A preview stays while the viewer shows it (a viewer may read the file again later), so
    it is removed only when it is a day old, by a later preview.
    """
    root = Path(tempfile.gettempdir()) / "plandesk-preview"
    root.mkdir(exist_ok=True)
    for old in root.iterdir():
        try:
            if time.time() - old.stat().st_mtime > PREVIEW_KEEP_S:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        except OSError:       # open in a viewer (Windows), or another PlanDesk's: later
            pass
    return Path(tempfile.mkdtemp(prefix="preview-", dir=root))


def render_preview(ctx, plan: dict, notice: dict, folder: Path) -> Rendered:
    """Worker: the notice as a PDF in ``folder`` for the system's viewer, and its check."""
    name = safe_file_name(plan.get("title", ""))
    docx, pdf = folder / f"{name}.docx", folder / f"{name}.pdf"
    ctx.progress(0, 2, docx.name)
    notes = render_notice_docx(ctx, plan, notice, docx)
    ctx.progress(1, 2, pdf.name)
    features.get("pdf")(docx, pdf)
    notes += font_notes(pdf)
    ctx.progress(2, 2, pdf.name)
    return Rendered([pdf], notes)


def font_notes(pdf: Path) -> list[str]:
    """Which official faces the PDF drew with look-alikes (read from its embedded fonts)."""
    from reports.pdf import font_note
    note = font_note(pdf)
    return [note] if note else []


def notice_problems(notice: dict) -> list[str] | None:
    """What ``reports.docx.validate_notice`` says of stored notice details (None: no check)."""
    if not features.available("notice_docx"):
        return None
    from reports.docx import validate_notice
    return validate_notice(notice)


def safe_file_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "", title)[:60] or "plan"



def store_plans(ctx, ws, kept) -> list:
    """The op that stores the reviewed plans (database thread; no widgets)."""
    stored = []
    for name, plan, continuous_level3 in kept:
        ctx.check()
        result = ws.insert_plan_tree(plan, source_file=name)
        uuid = result["plan"].uuid
        drop_empty_placeholder(ws, uuid)
        if continuous_level3:
            ws.set_plan_setting(uuid, "continuous_level3", True)
        stored.append((name, plan, result))
    return stored

class FileJobs(QObject, KeepsJobs):
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
        """Each parsed plan goes through the preview; what the clerk keeps is stored as one
        op on the database thread."""
        ws = self.session.ws
        if ws is None or ws.readonly:
            return
        from . import import_preview       # the review dialog: imported on first use
        kept = []
        for path, plan in parsed:
            reviewed = import_preview.review(self.window, path.name, plan, ws)
            if reviewed is not None:          # cancelled in the preview: nothing stored
                kept.append((path.name, reviewed.plan, reviewed.continuous_level3))
        if kept:
            self._keep(run_op(self.session, store_plans, kept, parent=self.window,
                              title=self.tr("Importing plans"), on_success=self._stored))

    def _stored(self, stored) -> None:
        from .import_preview import warning_text
        lines, details = [], []
        for name, plan, result in stored:
            lines.append(self.tr("{file}: “{title}”, {n} tasks").format(
                file=name, title=result["plan"].title, n=result["tasks"]))
            if result["new_departments"]:
                lines.append(self.tr("  New departments (please review): {names}").format(
                    names="、".join(result["new_departments"])))
            for w in plan.get("warnings") or []:
                details.append(f"{name}：{warning_text(w)}")
        if stored:
            self.imported.emit(stored[-1][2]["plan"].uuid)
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
        from models.dump import plan_dict
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
                      on_success=lambda rendered: show_rendered(self.window, title, rendered))
        self._keep(job)
        return job

    def preview(self, plan_uuid: str | None):
        """The notice as a PDF in the system's viewer, after the notice details (asked for
        unless the stored ones are complete). Returns the job."""
        ws = self.session.ws
        if ws is None or plan_uuid is None:
            return None
        notice = ws.notice(plan_uuid)
        if not notice or notice_problems(notice) != []:
            from .notice_dialog import edit_notice
            notice = edit_notice(self.window, self.session, plan_uuid)
            if notice is None:
                return None
        title = self.tr("Print preview")
        try:
            folder = preview_folder()
        except OSError as e:
            dialogs.show_error(self.window, title, str(e))
            return None
        from models.dump import plan_dict
        job = run_job(render_preview, plan_dict(ws, plan_uuid), notice, folder,
                      parent=self.window, title=title,
                      on_success=lambda rendered: self._show_preview(title, rendered))
        self._keep(job)
        return job

    def _show_preview(self, title: str, rendered: Rendered) -> None:
        pdf = rendered.path
        from .pdf_preview import show_pdf
        if show_pdf(self.window, pdf, title):       # the pages, inside the window
            pass
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))):
            dialogs.show_error(self.window, title, self.tr(
                "No program to show PDF files was found. The preview is here: {path}").format(
                    path=pdf))
        if rendered.notes:
            show_rendered(self.window, title, rendered, offer_open=False)
        else:
            self.window.statusBar().showMessage(self.tr("Preview: {path}").format(path=pdf), 10000)
