"""The detail panel of the selected task: title, full text, deadline, status, departments by
role (with a picker that completes names and aliases), the leaders, scope and internal
divisions (处室, one line per role) the task names (no departments), targets and progress
history.

Every field commits to the store when the clerk leaves it (one undoable operation each);
the panel re-reads the task on the store's change notification, without overwriting a
field the clerk is still typing in (a field whose text is stored, as after Enter, is
overwritten by an undo).
"""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMenu, QPlainTextEdit, QPushButton, QScrollArea,
                               QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from models.entities import ROLES, STATUSES
from models.messages import msg

from models.reported import latest_report

from .department_picker import DepartmentEdit, DepartmentNamesModel
from .labels import deadline_kind_label, role_label, status_label
from .target_editor import TargetEditor

_WATCHED = {"tasks", "assignments", "departments", "targets", "progress", "rounds",
            "task_mentions"}


class TaskDetail(QScrollArea):
    def __init__(self, session, tree_model, parent=None):
        super().__init__(parent)
        self.session = session
        self.tree_model = tree_model
        self.uuid: str | None = None
        self.task = None
        self._loaded: dict[str, str] = {}
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMinimumWidth(300)
        self.stack = QStackedWidget()
        self.setWidget(self.stack)
        self.placeholder = QLabel(self.tr("Select a task to see its details."))
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #777;")
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_form())
        session.changed.connect(self._on_change)

    # ---- layout ----------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.number = QLabel()
        self.number.setStyleSheet("font-weight: bold;")
        self.title = QLineEdit()
        self.title.setObjectName("detail_title")
        self.title.editingFinished.connect(self._commit_title)
        form.addRow(self.number, self.title)

        self.text = QPlainTextEdit()
        self.text.setObjectName("detail_text")
        self.text.setPlaceholderText(self.tr("Full text of the task"))
        self.text.setFixedHeight(110)
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)
        form.addRow(self.tr("Text"), self.text)

        self.deadline = QLineEdit()
        self.deadline.setObjectName("detail_deadline")
        self.deadline.setPlaceholderText(self.tr("e.g. 2025年底前, 6月底前, 长期坚持"))
        self.deadline.editingFinished.connect(self._commit_deadline)
        self.deadline_info = QLabel()
        self.deadline_info.setStyleSheet("color: #555;")
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.deadline)
        box.addWidget(self.deadline_info)
        form.addRow(self.tr("Deadline"), box)

        self.status = QComboBox()
        self.status.setObjectName("detail_status")
        self.status.addItem(self.tr("(as reported)"), "")
        for code in STATUSES:
            self.status.addItem(status_label(code), code)
        self.status.activated.connect(self._commit_status)
        # What the departments reported last: the tree's 状态 column shows the same.
        self.reported = QLabel()
        self.reported.setObjectName("detail_reported")
        self.reported.setWordWrap(True)
        self.reported.setStyleSheet("color: #555;")
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.status)
        box.addWidget(self.reported)
        form.addRow(self.tr("Status"), box)

        self.assignments = QTreeWidget()
        self.assignments.setObjectName("detail_assignments")
        self.assignments.setHeaderLabels([self.tr("Role"), self.tr("Department")])
        self.assignments.setRootIsDecorated(False)
        self.assignments.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.assignments.setContextMenuPolicy(Qt.CustomContextMenu)
        self.assignments.customContextMenuRequested.connect(self._assignment_menu)
        self.assignments.setMinimumHeight(90)
        self.assignments.installEventFilter(self)
        self.role = QComboBox()
        self.role.setObjectName("detail_role")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.names = DepartmentNamesModel(self.session, self)
        self.department = DepartmentEdit(self.names)
        self.department.setObjectName("detail_department")
        self.department.chosen.connect(self._add_assignment)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(lambda: self._add_assignment(self.department.text()))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_assignments)
        row = QHBoxLayout()
        row.addWidget(self.role)
        row.addWidget(self.department, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.assignments)
        box.addLayout(row)
        box.addLayout(buttons)
        form.addRow(self.tr("Departments"), box)

        # People, scope and 处室 named by the annotation: kept with the task, never departments.
        self.people = QLineEdit()
        self.people.setObjectName("detail_people")
        self.people.setPlaceholderText(str(msg("app.detail.people_hint")))
        self.people.editingFinished.connect(self._commit_people)
        form.addRow(str(msg("app.detail.people")), self.people)
        self.scopes = QLineEdit()
        self.scopes.setObjectName("detail_scopes")
        self.scopes.setPlaceholderText(str(msg("app.detail.scopes_hint")))
        self.scopes.editingFinished.connect(self._commit_scopes)
        form.addRow(str(msg("app.detail.scopes")), self.scopes)
        # The issuing office's own 处室 by role, one line each (names separated by 、).
        self.divisions: dict[str, QLineEdit] = {}
        roles = QFormLayout()
        roles.setContentsMargins(0, 0, 0, 0)
        roles.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for role in ROLES:
            edit = QLineEdit()
            edit.setObjectName(f"detail_division_{role}")
            edit.setPlaceholderText(str(msg("app.detail.divisions_hint")))
            edit.editingFinished.connect(lambda role=role: self._commit_divisions(role))
            self.divisions[role] = edit
            roles.addRow(role_label(role), edit)
        self.divisions_label = QLabel(str(msg("app.detail.divisions")))
        form.addRow(self.divisions_label, roles)

        self.targets = TargetEditor()
        self.targets.edited.connect(self._commit_targets)
        form.addRow(self.tr("Targets"), self.targets)

        self.progress = QTreeWidget()
        self.progress.setHeaderLabels([self.tr("Round"), self.tr("Department"), self.tr("Status"),
                                       self.tr("%"), self.tr("Progress")])
        self.progress.setRootIsDecorated(False)
        self.progress.setMaximumHeight(130)
        form.addRow(self.tr("Progress"), self.progress)
        self._editors = [self.title, self.text, self.deadline, self.people, self.scopes,
                         *self.divisions.values()]
        return page

    # ---- showing ---------------------------------------------------------------------
    def show_tasks(self, uuids: list[str]) -> None:
        """Show one task; for none or several, a short note instead."""
        if len(uuids) == 1:
            self.uuid = uuids[0]
            self._load(force=True)
            return
        self.uuid = self.task = None
        self.placeholder.setText(self.tr("{n} tasks selected.").format(n=len(uuids)) if uuids
                                 else self.tr("Select a task to see its details."))
        self.stack.setCurrentIndex(0)

    def _on_change(self, change) -> None:
        if self.uuid is not None and change.tables & _WATCHED:
            self._load(force=False)

    def _load(self, force: bool) -> None:
        ws = self.session.ws
        try:
            task = ws.task(self.uuid)
        except Exception:   # deleted (or undone) meanwhile
            self.show_tasks([])
            return
        self.task = task
        node = self.tree_model.node_by_uuid(task.uuid)
        self.number.setText(node.number if node else "")
        self._set_field(self.title, "title", task.title, force)
        self._set_field(self.text, "text", task.text, force)
        self._set_field(self.deadline, "deadline", task.deadline_text, force)
        info = [deadline_kind_label(task.deadline_kind), task.deadline_date or ""]
        self.deadline_info.setText(" ".join(i for i in info if i) or
                                   (self.tr("no date recognised") if task.deadline_text else ""))
        self.status.setCurrentIndex(max(0, self.status.findData(task.status)))
        self._fill_assignments(ws)
        self._fill_mentions(ws, force)
        self._fill_targets(ws)
        self._fill_progress(ws)
        readonly = self.session.readonly
        for w in self._editors:
            w.setReadOnly(readonly)
        for w in (self.status, self.role, self.department, self.add_button, self.remove_button):
            w.setEnabled(not readonly)
        self.stack.setCurrentIndex(1)

    def _set_field(self, widget, key: str, value: str, force: bool) -> None:
        current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        # Keep what the clerk is typing: overwrite only an untouched field.
        if force or current == self._loaded.get(key) or not widget.hasFocus():
            if current != value:
                if isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                else:
                    widget.setText(value)
                    widget.setCursorPosition(0)
            self._loaded[key] = value
        elif current == value:
            # what the clerk typed is stored: an undo may now replace it
            self._loaded[key] = value

    def _fill_assignments(self, ws) -> None:
        self.assignments.clear()
        for a in ws.assignments(self.uuid):
            item = QTreeWidgetItem([role_label(a.role), a.department])
            item.setData(0, Qt.UserRole, a.department_id)
            self.assignments.addTopLevelItem(item)
        self.assignments.resizeColumnToContents(0)

    def _fill_mentions(self, ws, force: bool) -> None:
        found = ws.mentions(self.uuid)
        self._set_field(self.people, "people", "、".join(found["people"]), force)
        self._set_field(self.scopes, "scopes", "；".join(found["scopes"]), force)
        for role, edit in self.divisions.items():
            self._set_field(edit, f"division_{role}", "、".join(found["divisions"].get(role, ())),
                            force)

    def _commit_people(self) -> None:
        names = _names(self.people.text())
        if self.task is not None and not self.session.readonly and \
                names != self.session.ws.mentions(self.task.uuid)["people"]:
            self.session.edit(self.session.ws.set_mentions, self.task.uuid, people=names)

    def _commit_scopes(self) -> None:
        scopes = [n.strip() for n in re.split(r"[；;]", self.scopes.text()) if n.strip()]
        if self.task is not None and not self.session.readonly and \
                scopes != self.session.ws.mentions(self.task.uuid)["scopes"]:
            self.session.edit(self.session.ws.set_mentions, self.task.uuid, scopes=scopes)

    def _commit_divisions(self, role: str) -> None:
        names = _names(self.divisions[role].text())
        if self.task is None or self.session.readonly:
            return
        divisions = self.session.ws.mentions(self.task.uuid)["divisions"]
        if names != divisions.get(role, []):
            self.session.edit(self.session.ws.set_mentions, self.task.uuid,
                              divisions={**divisions, role: names})

    def _fill_targets(self, ws) -> None:
        self.targets.set_targets(ws.targets(self.uuid), self.session.readonly)

    def _commit_targets(self, targets: list) -> None:
        if self.task is not None and not self.session.readonly:
            self.session.edit(self.session.ws.set_targets, self.task.uuid, targets)

    def _fill_progress(self, ws) -> None:
        report = latest_report(ws, self.uuid)
        if report is None:
            self.reported.setText(self.tr("No report yet"))
        else:
            percent = "" if report.percent is None else f" {report.percent:g}%"
            who = "，".join(x for x in (report.round, report.department) if x)
            self.reported.setText(self.tr("Reported: {status}{percent} ({who})").format(
                status=status_label(report.status) or self.tr("no status"), percent=percent,
                who=who))
        self.progress.clear()
        for p in ws.progress(self.uuid):
            percent = "" if p["percent"] is None else f"{p['percent']:g}"
            self.progress.addTopLevelItem(QTreeWidgetItem(
                [p["round"], p["department"] or "", status_label(p["status"]), percent,
                 p["text"]]))

    # ---- committing ------------------------------------------------------------------
    def _edit(self, **fields) -> None:
        if self.task is None or self.session.readonly:
            return
        self.session.edit(self.session.ws.edit_task, self.task.uuid, **fields)

    def _commit_title(self) -> None:
        if self.task is not None and self.title.text().strip() != self.task.title:
            self._edit(title=self.title.text().strip())

    def _commit_text(self) -> None:
        if self.task is not None and self.text.toPlainText() != self.task.text:
            self._edit(text=self.text.toPlainText())

    def _commit_deadline(self) -> None:
        if self.task is not None and self.deadline.text().strip() != self.task.deadline_text:
            self._edit(deadline=self.deadline.text().strip())

    def _commit_status(self) -> None:
        code = self.status.currentData()
        if self.task is not None and code != self.task.status:
            self._edit(status=code)

    def eventFilter(self, obj, event) -> bool:
        # QScrollArea filters its page's events too, before the form exists.
        if obj is getattr(self, "text", None) and event.type() == QEvent.FocusOut:
            self._commit_text()
        elif obj is getattr(self, "assignments", None) and event.type() == QEvent.KeyPress and \
                event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            self._remove_assignments()
            return True
        return super().eventFilter(obj, event)

    def _add_assignment(self, name: str) -> None:
        name = name.strip()
        ws = self.session.ws
        if not name or self.task is None or self.session.readonly:
            return
        role = self.role.currentData()
        if ws.find_department(name) is None:
            # A name the registry doesn't know: add it, flagged for review, in the same step.
            def add_and_assign():
                with ws.operation(msg("store.op.add_department", name=name)):
                    ws.add_department(name, is_new=True)
                    ws.assign(self.task.uuid, name, role)
                return True
            ok = self.session.edit(add_and_assign)
            if ok:
                self.session.notice.emit(self.tr("“{name}” was added to the departments and "
                                                 "marked for review.").format(name=name))
        else:
            ok = self.session.edit(ws.assign, self.task.uuid, name, role)
        if ok is not None:
            self.department.clear()

    def _selected_departments(self) -> list[int]:
        return [i.data(0, Qt.UserRole) for i in self.assignments.selectedItems()]

    def _remove_assignments(self) -> None:
        deps = self._selected_departments()
        ws = self.session.ws
        if not deps or self.task is None or self.session.readonly:
            return
        uuid = self.task.uuid
        self.session.edit_each(deps, lambda d: ws.unassign(uuid, d),
                               msg("store.op.unassign_n", n=len(deps)))

    def _assignment_menu(self, pos) -> None:
        deps = self._selected_departments()
        if not deps or self.session.readonly:
            return
        menu = QMenu(self)
        for role in ROLES:
            menu.addAction(role_label(role)).setData(role)
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove"))
        chosen = menu.exec(self.assignments.viewport().mapToGlobal(pos))
        if chosen is remove:
            self._remove_assignments()
        elif chosen is not None:
            ws = self.session.ws
            self.session.edit(ws.assign, self.task.uuid, deps[0], chosen.data())


def _names(text: str) -> list[str]:
    """"杜新国、朱伟县长" (or with commas, semicolons, spaces) as a list of names."""
    return [n for n in re.split(r"[、，,；;\s]+", text) if n]
