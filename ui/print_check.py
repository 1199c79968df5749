"""Check before printing: what rendering noticed (characters outside GB 2312, the colophon's
page parity) and what the GB/T 9704 self-check (``reports.docx.check_docx``) finds in a
written .docx, told to the clerk once the file is written — a warning dialog with the count
and the lines in its details, and nothing but the status bar when the document is clean.

The worker collects (``Rendered``, ``check_lines``); the GUI thread shows (``show_rendered``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject

from . import dialogs, features, open_file


@dataclass
class Rendered:
    """What a render job wrote, and the points to check before printing (one line each)."""
    paths: list[Path]
    notes: list[str] = field(default_factory=list)
    folder: Path | None = None        # several files written into one folder
    doc_numbers: list[str] = field(default_factory=list)   # 发文字号 given, to be recorded

    @property
    def path(self) -> Path | None:
        return self.paths[0] if self.paths else None


def render_notes(result) -> list[str]:
    """The warnings of a ``reports.docx.RenderResult`` (or of anything with ``warnings``)."""
    return [" ".join(str(w).split()) for w in (getattr(result, "warnings", None) or [])]


def check_lines(path, label: str = "") -> list[str]:
    """Worker: the self-check's deviations of a written .docx, ``label：`` before each line
    (a file name when several files were written). Nothing when the check is not installed."""
    check = features.get("check_docx")
    if check is None:
        return []
    prefix = f"{label}：" if label else ""
    return [prefix + line for line in check(path)]


class CheckReport(QObject):
    """The window's messages about written files (a QObject for ``tr``)."""

    def written(self, rendered: Rendered) -> str:
        if rendered.folder is not None and len(rendered.paths) != 1:
            return self.tr("%n file(s) written to {folder}", "", len(rendered.paths)).format(
                folder=rendered.folder)
        return self.tr("Written: {path}").format(path=rendered.path)

    def show(self, window, title: str, rendered: Rendered, offer_open: bool = True) -> None:
        """The status bar; what to check before printing (if anything); then the file or
        its folder opened at the clerk's choice."""
        written = self.written(rendered)
        window.statusBar().showMessage(written, 10000)
        if rendered.notes:
            check = self.tr("Before printing, check %n point(s) — see the details.", "",
                            len(rendered.notes))
            dialogs.show_warning(window, title, f"{written}\n\n{check}",
                                 "\n".join(f"• {line}" for line in rendered.notes))
        one = rendered.path if len(rendered.paths) == 1 else rendered.folder
        if offer_open and one is not None:
            open_file.offer_to_open(window, one, self.tr("The file was written."))


def show_rendered(window, title: str, rendered: Rendered, offer_open: bool = True) -> None:
    """Status bar, a warning when there is something to check, then open file / folder."""
    CheckReport(window).show(window, title, rendered, offer_open)
