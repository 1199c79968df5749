"""The 部门 tab: the registry with aliases, merging duplicates, where a department is used,
and new departments (found by an import) waiting to be reviewed."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTableView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from models.messages import msg
from models.read_departments import department_uses

from .qt_compat import rows_filter_change
from . import dialogs
from .departments_model import (ALIASES, NAME, DepartmentIdRole, DepartmentsModel, IsNewRole)
from .labels import role_label


class DepartmentFilter(QSortFilterProxyModel):
    """Keyword over names and aliases; optionally only the departments to review."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keyword = ""
        self.only_new = False
        self.setSortCaseSensitivity(Qt.CaseInsensitive)

    def set(self, keyword: str, only_new: bool) -> None:
        with rows_filter_change(self):
            self.keyword, self.only_new = keyword.strip().casefold(), only_new

    def filterAcceptsRow(self, row, parent) -> bool:
        m = self.sourceModel()
        d = m.department_at(row)
        if d is None:
            return False
        if self.only_new and not d.is_new:
            return False
        if self.keyword:
            return any(self.keyword in s.casefold() for s in (d.name, d.short_name, *d.aliases))
        return True


class DepartmentsView(QWidget):
    taskActivated = Signal(str, str)      # plan uuid, task uuid

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = DepartmentsModel(session, self)
        self.proxy = DepartmentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("departments_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(NAME, QHeaderView.Interactive)
        hh.resizeSection(NAME, 200)
        hh.setSectionResizeMode(ALIASES, QHeaderView.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Find a department or alias"))
        self.only_new = QCheckBox(self.tr("Only those to review"), self)
        self.search.textChanged.connect(self._filter)
        self.only_new.toggled.connect(self._filter)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.split_button = QPushButton(self.tr("Split…"), self)
        self.split_button.setObjectName("split_department")
        self.split_button.setToolTip(self.tr("Split a name that lists several departments "
                                             "into those departments"))
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"), self)
        self.kind_button = QPushButton(self.tr("Unit / collective"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.add_button.clicked.connect(self.add_department)
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.model.mergeWanted.connect(self.offer_merge)
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.kind_button.clicked.connect(self.toggle_kind)
        self.delete_button.clicked.connect(self.delete_selected)
        self.edit_buttons = [self.add_button, self.merge_button, self.split_button,
                             self.reviewed_button,
                             self.kind_button, self.delete_button]
        tools = QHBoxLayout()
        tools.addWidget(self.search, 2)
        tools.addWidget(self.only_new)
        tools.addStretch(1)
        for b in self.edit_buttons:
            tools.addWidget(b)

        self.usage_title = QLabel(self.tr("Select a department to see where it is used."), self)
        self.usage_title.setWordWrap(True)
        self.usage = QTreeWidget(self)
        self.usage.setObjectName("department_usage")
        self.usage.setHeaderLabels([self.tr("Plan"), self.tr("Task"), self.tr("Role")])
        self.usage.setRootIsDecorated(False)
        uh = self.usage.header()
        uh.setStretchLastSection(False)
        uh.resizeSection(0, 120)
        uh.setSectionResizeMode(1, QHeaderView.Stretch)
        uh.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.usage.itemActivated.connect(self._open_usage)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.usage_title)
        rl.addWidget(self.usage, 1)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([700, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        session.changed.connect(lambda c: self._on_selection() if c.tables & {
            "assignments", "tasks", "departments"} else None)
        session.workspaceChanged.connect(lambda _ws: self.update_states())
        self.update_states()

    # ---- selection -------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [i.data(DepartmentIdRole) for i in self.table.selectionModel().selectedRows(NAME)]

    def select_ids(self, ids: list[int]) -> None:
        sm = self.table.selectionModel()
        sm.clearSelection()
        for dep_id in ids:
            row = self.model.row_of(dep_id)
            if row >= 0:
                idx = self.proxy.mapFromSource(self.model.index(row, NAME))
                sm.select(idx, QItemSelectionModel.Select | QItemSelectionModel.Rows)
                sm.setCurrentIndex(idx, QItemSelectionModel.NoUpdate)
                self.table.scrollTo(idx)

    def _filter(self) -> None:
        self.proxy.set(self.search.text(), self.only_new.isChecked())

    def update_states(self) -> None:
        ids = self.selected_ids()
        writable = not self.session.readonly
        self.add_button.setEnabled(writable and self.session.ws is not None)
        self.merge_button.setEnabled(writable and len(ids) >= 1)
        self.split_button.setEnabled(writable and len(ids) == 1)
        self.delete_button.setEnabled(writable and len(ids) >= 1)
        self.kind_button.setEnabled(writable and len(ids) >= 1)
        self.reviewed_button.setEnabled(writable and any(
            i.data(IsNewRole) for i in self.table.selectionModel().selectedRows(NAME)))

    def _on_selection(self, *args) -> None:
        self.update_states()
        ids = self.selected_ids()
        self.usage.clear()
        if len(ids) != 1:
            self.usage_title.setText(self.tr("Select a department to see where it is used."))
            return
        ws = self.session.ws
        dep = ws.department(ids[0])
        rows = department_uses(ws, dep.id)
        numbers: dict[str, dict] = {}
        for use in rows:
            if use.plan_uuid not in numbers:
                numbers[use.plan_uuid] = ws.numbers(use.plan_uuid)
            number = numbers[use.plan_uuid].get(use.task_id, "")
            item = QTreeWidgetItem([use.plan_title, f"{number}{use.task_title}",
                                    role_label(use.role)])
            item.setData(0, Qt.UserRole, (use.plan_uuid, use.task_uuid))
            item.setToolTip(1, use.task_title)
            self.usage.addTopLevelItem(item)
        aliases = "、".join(dep.aliases)
        text = self.tr("“{name}” has a role in {n} tasks.").format(name=dep.name, n=len(rows))
        if aliases:
            text += " " + self.tr("Also written as: {aliases}").format(aliases=aliases)
        self.usage_title.setText(text)

    def _open_usage(self, item) -> None:
        plan_uuid, task_uuid = item.data(0, Qt.UserRole)
        self.taskActivated.emit(plan_uuid, task_uuid)

    # ---- commands --------------------------------------------------------------------
    @property
    def ws(self):
        return self.session.ws

    def add_department(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add department"), self.tr("Name:"))
        if ok and name.strip():
            dep = self.session.edit(self.ws.add_department, name.strip())
            if dep is not None:
                self.select_ids([dep.id])

    def merge_selected(self) -> None:
        """Merge the selected departments into one of them (or the one into another)."""
        ws = self.ws
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) >= 2:
            deps = [ws.department(i) for i in ids]
            # Suggest keeping the one used most, which is usually the official name.
            uses = [self.model.uses.get(d.id, 0) for d in deps]
            k = dialogs.choose(self, self.tr("Merge departments"),
                               self.tr("Keep which name? The others become its aliases and "
                                       "their tasks move to it."),
                               [d.name for d in deps], uses.index(max(uses)))
            if k is None:
                return
            keep, drops = deps[k], [d for i, d in enumerate(deps) if i != k]
        else:
            drop = ws.department(ids[0])
            others = [d for d in ws.departments() if d.id != drop.id]
            if not others:
                return
            k = dialogs.choose(self, self.tr("Merge departments"),
                               self.tr("Merge “{name}” into which department? Its tasks move "
                                       "there and its name becomes an alias.").format(name=drop.name),
                               [d.name for d in others])
            if k is None:
                return
            keep, drops = others[k], [drop]

        label = msg("store.op.merge_departments_n", n=len(drops), name=keep.name)
        if self.session.edit_each(drops, lambda d: ws.merge_departments(keep.id, d.id), label):
            self.select_ids([keep.id])

    def offer_merge(self, drop_id: int, keep_id: int) -> bool:
        """A rename to another department's name: merge the two instead (after asking)."""
        ws = self.ws
        drop, keep = ws.department(drop_id), ws.department(keep_id)
        text = self.tr("“{keep}” is already a department. Merge “{drop}” into it? Its tasks "
                       "move there and “{drop}” becomes an alias.").format(keep=keep.name,
                                                                          drop=drop.name)
        if not dialogs.confirm(self, self.tr("Merge departments"), text):
            return False
        if self.session.edit(ws.merge_departments, keep.id, drop.id) is None:
            return False
        self.select_ids([keep.id])
        return True

    def split_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        from .department_split import ask_split
        known = {}
        for d in self.ws.departments():
            for n in (d.name, d.short_name, *d.aliases):
                if n:
                    known[n] = d.name
        parts = ask_split(self, self.ws.department(ids[0]).name, known)
        if parts:
            made = self.session.edit(self.ws.split_department, ids[0], parts)
            if made:
                self.select_ids([d.id for d in made])

    def mark_reviewed(self) -> None:
        ws = self.ws
        ids = [i.data(DepartmentIdRole) for i in self.table.selectionModel().selectedRows(NAME)
               if i.data(IsNewRole)]
        self.session.edit_each(ids, lambda i: ws.edit_department(i, is_new=False),
                               msg("store.op.review_departments_n", n=len(ids)))

    def toggle_kind(self) -> None:
        ws = self.ws
        ids = self.selected_ids()

        def toggle(dep_id):
            kind = ws.department(dep_id).kind
            ws.edit_department(dep_id, kind="collective" if kind == "unit" else "unit")
        self.session.edit_each(ids, toggle,
                               msg("store.op.department_kind_n", n=len(ids)))

    def delete_selected(self) -> None:
        ws = self.ws
        ids = self.selected_ids()
        if not ids:
            return
        uses = sum(self.model.uses.get(i, 0) for i in ids)
        names = "、".join(ws.department(i).name for i in ids)
        text = self.tr("Delete {names}?").format(names=names)
        if uses:
            text += "\n" + self.tr("Their {n} roles on tasks are deleted too. To keep them, "
                                   "merge instead.").format(n=uses)
        text += "\n" + self.tr("You can undo this with Ctrl+Z.")
        if not dialogs.confirm(self, self.tr("Delete departments"), text):
            return
        self.session.edit_each(ids, ws.delete_department,
                               msg("store.op.delete_departments_n", n=len(ids)))
