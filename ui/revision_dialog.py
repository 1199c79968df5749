"""A revised plan from above, side by side with the plan received: the clerk checks the
kinds of change to accept and sees which district tasks implement each changed task."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout)

from models.entities import ROLE_LABELS
from models.messages import PlanDeskError
from models.plan_diff import KIND_LABELS, KINDS, changed_text, diff_received
from models.plan_merge import accept_changes

from .chain_common import item, plan_combo, t, table


def side(node, kind: str) -> str:
    if node is None:
        return ""
    if kind == "roles":
        return "；".join(f"{ROLE_LABELS[r]}：{'、'.join(v)}" for r, v in node.roles.items())
    if kind == "deadline":
        return node.deadline
    if kind == "targets":
        return "；".join(f"{m}{q}{v if v is not None else ''}{u}" for m, v, u, q in node.targets)
    return f"{node.number}{node.title}"


class RevisionDialog(QDialog):
    def __init__(self, session, plan_uuid: str | None = None, parent=None):
        super().__init__(parent)
        self.session, self.ws = session, session.ws
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
        self.kinds = {k: QCheckBox(KIND_LABELS[k]) for k in KINDS}
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
                                                  "计划 (*.txt *.docx *.xlsx)")
            if not path:
                return
        from reports.importer.any_file import parse_any
        try:
            revision = parse_any(Path(path))
            self.diff = diff_received(self.ws, self.plans.currentData(), revision)
        except (PlanDeskError, OSError, ValueError) as e:
            self.message.setText(str(e))
            return
        self.show_diff()

    def show_diff(self) -> None:
        d = self.diff
        self.table.setRowCount(len(d.changes))
        for r, c in enumerate(d.changes):
            old, new = side(c.old, c.kind), side(c.new, c.kind)
            if c.kind == "reworded":
                old, new = changed_text(c.before.title + "。" + c.before.text,
                                        c.after.title + "。" + c.after.text)
            self.table.setItem(r, 0, item(KIND_LABELS[c.kind]))
            self.table.setItem(r, 1, item(old))
            self.table.setItem(r, 2, item(new))
            affected = d.affected.get(c.old.ref, []) if c.old is not None else []
            self.table.setItem(r, 3, item("、".join(x["title"] for x in affected)))
        self.table.resizeRowsToContents()
        self.accept_button.setEnabled(bool(d.changes))
        self.message.setText("" if d.changes else t("ui_no_changes"))

    def accept_checked(self) -> dict | None:
        if self.diff is None:
            return None
        kinds = [k for k, box in self.kinds.items() if box.isChecked()]
        done = self.session.edit(accept_changes, self.ws, self.plans.currentData(), self.diff, kinds)
        if done is not None:
            self.message.setText(t("ui_accepted", n=sum(done.values())))
            self.accept_button.setEnabled(False)
        return done
