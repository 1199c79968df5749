"""The plans of the workspace, in the side list: show, select, add, rename, delete."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView, QToolButton,
                               QVBoxLayout, QWidget)

from models.read_plans import task_count, task_counts

from .labels import plan_kind_label

# The dialogs and the worker are imported by the commands that use them: the first
# paint needs neither.

UuidRole = Qt.UserRole + 1


def _delete_plan(ctx, ws, plan_uuid: str) -> None:
    ctx.check()
    ws.delete_plan(plan_uuid)


class PlanListModel(QAbstractListModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._plans = []
        self._counts: dict[int, int] = {}
        session.changed.connect(self._on_change)
        session.workspaceChanged.connect(lambda _ws: self.reload())

    def _on_change(self, change) -> None:
        if change.tables & {"plans", "tasks"}:
            self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        plans = ws.plans() if ws is not None else []
        counts = task_counts(ws) if ws is not None else {}
        if [p.uuid for p in plans] == [p.uuid for p in self._plans]:
            self._plans, self._counts = plans, counts
            if plans:
                self.dataChanged.emit(self.index(0), self.index(len(plans) - 1))
            return
        self.beginResetModel()
        self._plans, self._counts = plans, counts
        self.endResetModel()

    def plan_at(self, row: int):
        return self._plans[row] if 0 <= row < len(self._plans) else None

    def row_of(self, uuid: str | None) -> int:
        return next((i for i, p in enumerate(self._plans) if p.uuid == uuid), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._plans)

    def data(self, index, role=Qt.DisplayRole):
        plan = self.plan_at(index.row()) if index.isValid() else None
        if plan is None:
            return None
        if role in (Qt.DisplayRole, Qt.EditRole):
            return plan.title or self.tr("(untitled plan)")
        if role == UuidRole:
            return plan.uuid
        if role == Qt.ToolTipRole:
            lines = [plan.title, plan_kind_label(plan.kind)]
            if plan.doc_number:
                lines.append(plan.doc_number)
            lines.append(self.tr("{n} tasks").format(n=self._counts.get(plan.id, 0)))
            if plan.source_file:
                lines.append(self.tr("Imported from {file}").format(file=plan.source_file))
            return "\n".join(lines)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if not self.session.readonly:
            f |= Qt.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        plan = self.plan_at(index.row())
        if plan is None or role != Qt.EditRole:
            return False
        title = str(value).strip()
        if title == plan.title:
            return True
        return self.session.edit(self.session.ws.rename_plan, plan.uuid, title) is not None


class PlanList(QWidget):
    """The side panel. Emits ``currentPlanChanged(uuid or None)``."""
    currentPlanChanged = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = PlanListModel(session, self)
        self.current_uuid: str | None = None
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditKeyPressed)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.model.modelReset.connect(self._restore_current)
        title = QLabel(self.tr("Plans"), self)
        title.setStyleSheet("font-weight: bold;")
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)

    def add_buttons(self, actions) -> None:
        for action in actions:
            b = QToolButton(self)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)

    # ---- selection -----------------------------------------------------------------
    def select(self, uuid: str | None) -> None:
        row = self.model.row_of(uuid)
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.ClearAndSelect)
        else:
            self._set_current(None)

    def _on_current(self, current: QModelIndex, _previous=None) -> None:
        plan = self.model.plan_at(current.row()) if current.isValid() else None
        self._set_current(plan.uuid if plan else None)

    def _restore_current(self) -> None:
        # After a reset (a plan added, deleted, undone…) keep the plan if it still exists.
        self.select(self.current_uuid)

    def _set_current(self, uuid: str | None) -> None:
        if uuid != self.current_uuid:
            self.current_uuid = uuid
            self.currentPlanChanged.emit(uuid)

    # ---- commands ------------------------------------------------------------------
    def add_plan(self) -> None:
        from PySide6.QtWidgets import QInputDialog
        title, ok = QInputDialog.getText(self, self.tr("New plan"), self.tr("Title of the plan:"))
        if ok and title.strip():
            plan = self.session.edit(self.session.ws.add_plan, title.strip())
            if plan is not None:
                self.select(plan.uuid)

    def rename_plan(self) -> None:
        row = self.model.row_of(self.current_uuid)
        if row >= 0:
            self.view.setFocus()
            self.view.edit(self.model.index(row))

    def delete_plan(self):
        """Delete the current plan (asked first); a big one as an op, whose job is returned."""
        ws = self.session.ws
        if self.current_uuid is None:
            return
        plan = ws.plan(self.current_uuid)
        n = task_count(ws, plan.id)
        text = self.tr("Delete the plan “{title}” with its {n} tasks?\n"
                       "You can undo this with Ctrl+Z.").format(title=plan.title, n=n)
        from . import dialogs
        from .worker import GUI_ROWS, run_op
        if dialogs.confirm(self, self.tr("Delete plan"), text):
            row = self.model.row_of(plan.uuid)
            if n > GUI_ROWS and not self.session.busy:     # seconds for thousands of tasks
                return run_op(self.session, _delete_plan, plan.uuid, parent=self,
                              title=self.tr("Delete plan"),
                              on_success=lambda _: self._select_near(row))
            self.session.edit(ws.delete_plan, plan.uuid)
            self._select_near(row)
        return None

    def _select_near(self, row: int) -> None:
        self.select(self.model.plan_at(min(row, self.model.rowCount() - 1)).uuid
                    if self.model.rowCount() else None)
