"""承接: the dialog that carries a plan from above into the district's plan, with the
counterpart table the clerk confirms, and the 承接情况 view of what still needs the clerk.

Carrying is an op (``ui.worker.run_op``): the clerk's choices are read from the widgets
first, and the counterparts and the carry are written on the database thread as one step."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QRadioButton,
                               QVBoxLayout)

from models.carry import carry, higher_units
from models.counterparts import Proposal
from models.carry_status import carry_status
from models.messages import msg

from .chain_common import item, plan_combo, t, table
from .worker import KeepsJobs, run_op

SELF, NONE = "\x00self", ""


def carry_op(ctx, ws, higher: str, counterparts: list, how: str, section: str | None,
             district: str, label: str):
    """Database thread: the counterparts the clerk changed and the carry, one undo step.
    The backup comes first, outside the step; a cancel before the end leaves nothing."""
    ctx.check()
    ws.bulk_backup("carry")
    with ws.operation(msg("chain.op_carry", plan=label)):
        for name, dep, is_self in counterparts:
            if dep or is_self:
                ws.set_counterpart(name, dep, is_self=is_self)
            else:
                ws.remove_counterpart(name)
        result = carry(ws, higher, how=how, section=section, district=district, backup=False,
                       progress=lambda done, total: ctx.progress(done, total))
        ctx.check()
    return result


class CarryDialog(QDialog, KeepsJobs):
    """Choose the plan from above and what to carry; review the counterparts; carry."""

    carried = Signal(str)   # the district plan's uuid

    def __init__(self, session, plan_uuid: str | None = None, parent=None):
        super().__init__(parent)
        self.session, self.ws = session, session.ws
        self.jobs: list = []
        self.setWindowTitle(t("ui_carry").replace("(&A)", "").rstrip("…"))
        self.resize(760, 560)
        self.plans = plan_combo(self.ws, plan_uuid)
        self.district = QLineEdit()
        self.district.setPlaceholderText(t("ui_district_hint"))
        self.how = QButtonGroup(self)
        self.sections = QComboBox()
        form = QFormLayout()
        form.addRow(t("ui_higher_plan"), self.plans)
        form.addRow(t("ui_district"), self.district)
        for i, code in enumerate(("ui_how_all", "ui_how_mine", "ui_how_section")):
            button = QRadioButton(t(code))
            self.how.addButton(button, i)
            form.addRow("", button)
        self.how.button(0).setChecked(True)
        form.addRow("", self.sections)
        self.table = table([t("ui_col_higher"), t("ui_col_local"), t("ui_col_how")])
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.confirm_button = buttons.addButton(t("ui_confirm_counterparts"),
                                                QDialogButtonBox.ActionRole)
        self.confirm_button.clicked.connect(self.confirm_counterparts)
        self.carry_button = buttons.addButton(t("ui_do_carry"), QDialogButtonBox.AcceptRole)
        self.carry_button.clicked.connect(self.do_carry)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(t("ui_counterparts")))
        layout.addWidget(self.table)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.plans.currentIndexChanged.connect(self.refresh)
        self.district.editingFinished.connect(self.refresh)
        self.refresh()

    @property
    def higher(self) -> str | None:
        return self.plans.currentData()

    def refresh(self) -> None:
        """The sections of the chosen plan and a proposal for each of its units."""
        self.sections.clear()
        self.table.setRowCount(0)
        if not self.higher:
            return
        numbers = self.ws.numbers(self.higher)
        for task in self.ws.children(self.higher):
            self.sections.addItem(f"{numbers[task.id]}{task.title}", task.uuid)
        locals_ = [d.name for d in self.ws.departments() if d.kind == "unit"]
        proposals = self.ws.propose_counterparts(higher_units(self.ws, self.higher),
                                                 self.district.text().strip(), self.higher)
        self.table.setRowCount(len(proposals))
        for r, p in enumerate(proposals):
            self.table.setItem(r, 0, item(p.name, p))
            box = QComboBox()
            box.addItem(t("ui_none"), NONE)
            box.addItem(t("ui_self"), SELF)
            for name in locals_:
                box.addItem(name, name)
            box.setCurrentIndex(box.findData(SELF if p.is_self else p.department or NONE))
            self.table.setCellWidget(r, 1, box)
            self.table.setItem(r, 2, item(t(f"how_{p.how}")))
        self.table.resizeColumnsToContents()

    def chosen_counterparts(self) -> list:
        """The rows whose answer differs from the proposal, or that the rule was unsure of."""
        out = []
        for r in range(self.table.rowCount()):
            p = self.table.item(r, 0).data(256)
            value = self.table.cellWidget(r, 1).currentData()
            is_self, dep = value == SELF, (None if value in (SELF, NONE) else value)
            if (is_self, dep) != (p.is_self, p.department) or (value != NONE and not p.sure):
                out.append((p.name, dep, is_self))
        return out

    def confirm_counterparts(self) -> None:
        """Keep every row as the clerk sees it as a confirmed counterpart (one undo step)."""
        ws = self.ws
        rows = []
        for r in range(self.table.rowCount()):
            p = self.table.item(r, 0).data(256)
            value = self.table.cellWidget(r, 1).currentData()
            if value != NONE:
                rows.append(Proposal(p.name, None if value == SELF else value, value == SELF))
        if self.session.edit(ws.confirm_counterparts, rows) is not None:
            self.refresh()

    def do_carry(self):
        """Carry as the dialog is set; returns the op's job (None when nothing starts)."""
        if not self.higher:
            return None
        if self.session.busy:
            self.outcome.setText(str(msg("app.busy")))
            return None
        how = ("all", "mine", "section")[self.how.checkedId()]
        section = self.sections.currentData() if how == "section" else None
        job = run_op(self.session, carry_op, self.higher, self.chosen_counterparts(), how,
                     section, self.district.text().strip(), self.plans.currentText()[:16],
                     parent=self, title=t("ui_do_carry"), on_success=self._carried,
                     on_failure=lambda failure: self.outcome.setText(failure.message))
        self._keep(job)
        return job

    def _carried(self, result) -> None:
        text = t("ui_carried", carried=result.carried, plan=result.plan.title, own=result.own)
        if result.unmapped:
            text += " " + t("ui_unmapped", names=result.unmapped)
        self.outcome.setText(text)
        self.carried.emit(result.plan.uuid)
        self.refresh()


class CarryStatusDialog(QDialog):
    """承接情况 of a district plan; double-click a task to show it in the breakdown."""

    taskActivated = Signal(str, str)   # plan uuid, task uuid

    def __init__(self, session, plan_uuid: str, parent=None):
        super().__init__(parent)
        self.resize(640, 560)
        st = carry_status(session.ws, plan_uuid)
        self.setWindowTitle(t("ui_status_title", plan=st.plan.title))
        layout = QVBoxLayout(self)
        self.lists: dict[str, QListWidget] = {}
        higher = {p.title: p.uuid for p in st.higher}
        for key, code, rows in (("not_carried", "ui_not_carried", st.not_carried),
                                ("without_lead", "ui_without_lead", st.without_lead),
                                ("carries_nothing", "ui_carries_nothing", st.carries_nothing)):
            layout.addWidget(QLabel(t(code, n=len(rows))))
            w = QListWidget()
            for row in rows:
                own = t("ui_own") if row.get("own") else ""
                it = QListWidgetItem(f"{row['number']}{row['title']}{own}")
                it.setData(256, (higher.get(row.get("plan"), plan_uuid), row["uuid"]))
                w.addItem(it)
            w.itemDoubleClicked.connect(lambda it: self.taskActivated.emit(*it.data(256)))
            self.lists[key] = w
            layout.addWidget(w)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
