"""A revised plan from above, side by side with the plan received: the clerk checks the
kinds of change to accept and sees which district tasks implement each changed task.
Reading and comparing is a query, accepting an op on the database thread (one undo step)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout)

from models.messages import msg
from models.plan_diff import KINDS, changed_text, diff_received
from models.plan_merge import accept_changes

from .chain_common import item, plan_combo, t, table
from .labels import role_label
from .worker import KeepsJobs, run_op, run_query


def side(node, kind: str) -> str:
    if node is None:
        return ""
    if kind == "roles":
        return "；".join(f"{role_label(r)}：{'、'.join(v)}" for r, v in node.roles.items())
    if kind == "deadline":
        return node.deadline
    if kind == "targets":
        return "；".join(f"{m}{q}{v if v is not None else ''}{u}" for m, v, u, q in node.targets)
    return f"{node.number}{node.title}"


def _diff(ctx, ws, path: Path, plan_uuid: str):
    from reports.importer.any_file import parse_any
    return diff_received(ws, plan_uuid, parse_any(path))


def _accept(ctx, ws, plan_uuid: str, diff, kinds: list[str]) -> dict:
    return accept_changes(ws, plan_uuid, diff, kinds)


class RevisionDialog(QDialog, KeepsJobs):
    """Reading and comparing the revision is a query off the GUI thread (``run_query``),
    accepting it an op (``run_op``)."""

    changesAccepted = Signal(object)    # {kind: how many accepted}

    def __init__(self, session, plan_uuid: str | None = None, parent=None):
        super().__init__(parent)
        self.session, self.ws = session, session.ws
        self.jobs: list = []
        self.setWindowTitle(t("ui_revision_title"))
        self.resize(1000, 620)
        self.diff = None
        self.plans = plan_combo(self.ws, plan_uuid)
        choose = QPushButton(t("ui_choose_revision"))
        choose.clicked.connect(lambda: self.load())
        top = QHBoxLayout()
        top.addWidget(QLabel(t("ui_higher_plan")))
        top.addWidget(self.plans, 1)
        top.addWidget(choose)
        self.table = table([t("ui_col_kind"), t("ui_col_old"), t("ui_col_new"), t("ui_col_affected")])
        self.kinds = {k: QCheckBox(t(f"kind_{k}")) for k in KINDS}
        checks = QHBoxLayout()
        for box in self.kinds.values():
            box.setChecked(True)
            checks.addWidget(box)
        self.accept_button = QPushButton(t("ui_accept"))
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self.accept_checked)
        checks.addWidget(self.accept_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(checks)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def load(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, t("ui_choose_revision"), "",
                                                  t("ui_plan_files") + " (*.txt *.docx *.xlsx)")
            if not path:
                return
        self._keep(run_query(self.session, _diff, Path(path), self.plans.currentData(), parent=self,
                             title=t("ui_revision_title"), on_success=self._loaded,
                             on_failure=lambda failure: self.message.setText(failure.message)))

    def _loaded(self, diff) -> None:
        self.diff = diff
        self.show_diff()

    def show_diff(self) -> None:
        d = self.diff
        self.table.setRowCount(len(d.changes))
        for r, c in enumerate(d.changes):
            old, new = side(c.old, c.kind), side(c.new, c.kind)
            if c.kind == "reworded":
                old, new = changed_text(c.before.title + "。" + c.before.text,
                                        c.after.title + "。" + c.after.text)
            self.table.setItem(r, 0, item(t(f"kind_{c.kind}")))
            self.table.setItem(r, 1, item(old))
            self.table.setItem(r, 2, item(new))
            affected = d.affected.get(c.old.ref, []) if c.old is not None else []
            self.table.setItem(r, 3, item("、".join(x["title"] for x in affected)))
        self.table.resizeRowsToContents()
        self.accept_button.setEnabled(bool(d.changes))
        self.message.setText("" if d.changes else t("ui_no_changes"))

    def accept_checked(self):
        """Accept the checked kinds of change; returns the op's job (None: nothing starts)."""
        if self.diff is None:
            return None
        if self.session.busy:
            self.message.setText(str(msg("app.busy")))
            return None
        kinds = [k for k, box in self.kinds.items() if box.isChecked()]
        if not kinds:           # none checked: nothing to accept (the model reads [] as all)
            return None
        job = run_op(self.session, _accept, self.plans.currentData(), self.diff, kinds,
                     parent=self, title=t("ui_revision_title"), on_success=self._accepted,
                     on_failure=lambda failure: self.message.setText(failure.message))
        self._keep(job)
        return job

    def _accepted(self, done: dict) -> None:
        self.message.setText(t("ui_accepted", n=sum(done.values())))
        self.accept_button.setEnabled(False)
        self.changesAccepted.emit(done)
