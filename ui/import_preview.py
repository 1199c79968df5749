"""The import preview: what the importer read, before anything is stored.

Left, the task tree with each task's departments by role; right, the source text, with the
lines the selected task came from highlighted. The clerk unticks lines that are not tasks
(a web page's 联系方式, a feedback form), corrects a task's departments, renames or splits
a department name everywhere in the plan (国资委财政市场监管局 → three units), sees the
importer's warnings in words and whether the numbering runs on across sections — and then
imports, or cancels and nothing is stored.

    result = review(window, path, plan_dict, ws)    # None: cancelled
    result.plan, result.continuous_level3
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QSplitter, QTextEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from models.entities import ROLES
from models.mentions import division_text
from models.messages import Message, msg, render
from models.numbering import runs_on

from .labels import role_label

NodeRole = Qt.UserRole + 1
NAME_SPLIT = re.compile(r"[、，,；;\s]+")
translate = QCoreApplication.translate


@dataclass
class Reviewed:
    plan: dict
    continuous_level3: bool


def warning_text(w: dict) -> str:
    """One importer warning in the UI's language, from its code; the line it is on."""
    text = render(Message(w["code"], w.get("args") or {})) if w.get("code") else \
        str(w.get("message", ""))
    line = w.get("line")
    return translate("ImportPreview", "Line {line}: {text}").format(line=line, text=text) \
        if line else text


def source_text(plan: dict) -> str:
    """The document's text as read, each line at its line number (the importer keeps the
    non-empty lines as [number, text] pairs, or gives one string)."""
    text = plan.get("source_text") or ""
    if not isinstance(text, (list, tuple)):
        return str(text)
    lines: list[str] = []
    for entry in text:
        number, line = (entry[0], entry[1]) if isinstance(entry, (list, tuple)) else \
            (len(lines) + 1, entry)
        lines += [""] * max(0, int(number) - 1 - len(lines))
        lines.append(str(line))
    return "\n".join(lines)


def mention_lines(node: dict, noun: str | None = None) -> list[str]:
    """The leaders, scope and 处室 a task names, one line each, for its tooltip: they are
    no departments, so the role columns do not show them."""
    lines = []
    if node.get("people"):
        lines.append(f"{msg('app.detail.people')}：" + "、".join(node["people"]))
    if node.get("scopes"):
        lines.append(f"{msg('app.detail.scopes')}：" + "；".join(node["scopes"]))
    divisions = division_text(node.get("divisions") or {}, noun)   # 牵头股室 as the plan says
    if divisions:
        lines.append(divisions)
    return lines


def _walk(nodes):
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.get("children") or []))


def department_counts(plan: dict) -> dict[str, int]:
    """{department name: tasks naming it}, in the order they first appear."""
    counts: dict[str, int] = {}
    for node in _walk(plan.get("tasks") or []):
        for role in ROLES:
            for name in (node.get("roles") or {}).get(role) or []:
                counts[name] = counts.get(name, 0) + 1
    return counts


def replace_department(plan: dict, old: str, new: list[str]) -> int:
    """Put ``new`` (one name or several) where ``old`` stands, in every task; how many."""
    n = 0
    for node in _walk(plan.get("tasks") or []):
        roles = node.get("roles") or {}
        for role in ROLES:
            names = roles.get(role) or []
            if old in names:
                i = names.index(old)
                others = [x for x in names if x != old]
                added = [x for x in new if x not in others]
                roles[role] = others[:i] + added + others[i:]
                n += 1
    return n


def drop_unchecked(nodes: list[dict], keep) -> list[dict]:
    """The tree without the nodes ``keep`` refuses (their subtrees go with them)."""
    out = []
    for node in nodes:
        if keep(node):
            node = dict(node)
            node["children"] = drop_unchecked(node.get("children") or [], keep)
            out.append(node)
    return out


class ImportPreview(QDialog):
    def __init__(self, file_name: str, plan: dict, known_departments=None, parent=None):
        super().__init__(parent)
        self.setObjectName("import_preview")
        self.setWindowTitle(self.tr("Import preview — {file}").format(file=file_name))
        self.resize(1200, 760)
        self.plan = copy.deepcopy(plan)
        self.known = set(known_departments or ())
        self._filling = False

        self.title = QLineEdit(self.plan.get("title") or "")
        self.title.setObjectName("preview_title")
        self.summary = QLabel()
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("preview_tree")
        self.tree.setHeaderLabels([self.tr("No."), self.tr("Task"), role_label("lead"),
                                   role_label("support"), self.tr("Responsible / guide"),
                                   self.tr("Deadline")])
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        for col, width in ((0, 110), (2, 150), (3, 150), (4, 130), (5, 100)):
            header.resizeSection(col, width)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())

        # The selected task's departments, one line per role.
        self.role_edits: dict[str, QLineEdit] = {}
        roles_box = QWidget()
        form = QFormLayout(roles_box)
        form.setContentsMargins(0, 0, 0, 0)
        for role in ROLES:
            edit = QLineEdit()
            edit.setObjectName(f"preview_role_{role}")
            edit.setPlaceholderText(self.tr("names separated by 、"))
            edit.editingFinished.connect(lambda r=role: self._commit_role(r))
            self.role_edits[role] = edit
            form.addRow(role_label(role), edit)

        self.source = QPlainTextEdit(source_text(self.plan))
        self.source.setObjectName("preview_source")
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.WidgetWidth)

        self.departments = QListWidget()
        self.departments.setObjectName("preview_departments")
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("preview_rename")
        self.split_button = QPushButton(self.tr("Split…"))
        self.split_button.setObjectName("preview_split")
        self.rename_button.clicked.connect(self.rename_department)
        self.split_button.clicked.connect(self.split_department)

        self.warnings = QListWidget()
        self.warnings.setObjectName("preview_warnings")
        for w in self.plan.get("warnings") or []:
            item = QListWidgetItem(warning_text(w))
            item.setData(Qt.UserRole, w.get("line"))
            self.warnings.addItem(item)
        self.warnings.itemActivated.connect(lambda item: self._show_line(item.data(Qt.UserRole)))

        self.run_on = QCheckBox(self.tr("Number level 3 continuously across sections"))
        self.run_on.setObjectName("preview_run_on")
        detected = runs_on(self.plan.get("tasks") or [])
        self.run_on.setChecked(detected)
        self.run_on_note = QLabel(self.tr(
            "The document numbers its “1.” items on across sections: kept as in the document. "
            "Change it later under Plan › Number level 3 continuously.") if detected else "")
        self.run_on_note.setObjectName("preview_run_on_note")
        self.run_on_note.setWordWrap(True)
        self.run_on_note.setStyleSheet("color: #8a5a00;")
        self.run_on_note.setVisible(detected)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.import_button.setObjectName("preview_import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree, 1)
        ll.addWidget(roles_box)
        deps = QWidget()
        dl = QVBoxLayout(deps)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(QLabel(self.tr("Departments named (a star: new to the registry)")))
        dl.addWidget(self.departments, 1)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.split_button)
        row.addStretch(1)
        dl.addLayout(row)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.source)
        right.addWidget(deps)
        right.setSizes([480, 220])
        main = QSplitter(Qt.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        main.setSizes([760, 440])
        top = QFormLayout()
        top.addRow(self.tr("Plan title"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(main, 1)
        layout.addWidget(self.run_on_note)
        layout.addWidget(self.run_on)
        self.warnings_label = QLabel(self.tr("What the importer could not read for sure "
                                             "(double-click: show the line)"))
        self.warnings.setMaximumHeight(110)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings)
        for w in (self.warnings_label, self.warnings):     # the tree gets the room
            w.setVisible(self.warnings.count() > 0)
        layout.addWidget(self.buttons)
        self._fill_tree()
        self._fill_departments()

    # ---- showing ---------------------------------------------------------------------
    def _node(self, item: QTreeWidgetItem) -> dict:
        return self._nodes[item.data(0, NodeRole)]

    def _fill_tree(self) -> None:
        self._filling = True
        self.tree.clear()
        self._nodes: list[dict] = []

        def add(nodes, parent):
            for node in nodes:
                item = QTreeWidgetItem(parent)
                # The dict itself stays here: Qt would hand back a copy of it.
                item.setData(0, NodeRole, len(self._nodes))
                self._nodes.append(node)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(0, Qt.Checked)
                self._show_node(item)
                add(node.get("children") or [], item)
        add(self.plan.get("tasks") or [], self.tree.invisibleRootItem())
        self.tree.expandAll()
        self._filling = False
        self._update_summary()

    def _show_node(self, item: QTreeWidgetItem) -> None:
        node = self._node(item)
        roles = node.get("roles") or {}
        deadline = node.get("deadline")
        deadline = (deadline.get("text", "") if isinstance(deadline, dict) else deadline) or ""
        title = node.get("title") or (node.get("text") or "")[:40]
        texts = [node.get("source_label") or node.get("number") or "", title,
                 "、".join(roles.get("lead") or []), "、".join(roles.get("support") or []),
                 "、".join([*(roles.get("responsible") or []), *(roles.get("guide") or [])]),
                 deadline]
        for col, text in enumerate(texts):
            item.setText(col, text)
        item.setToolTip(1, "\n".join([f"{title}\n{node.get('text') or ''}".strip(),
                                      *mention_lines(node, self.plan.get("division_word"))]))

    def _fill_departments(self) -> None:
        current = self.current_department()
        self.departments.clear()
        for name, n in department_counts(self._kept_plan()).items():
            star = "" if name in self.known else " *"
            item = QListWidgetItem(self.tr("{name}{star}  ({n} tasks)").format(
                name=name, star=star, n=n))
            item.setData(Qt.UserRole, name)
            self.departments.addItem(item)
            if name == current:
                self.departments.setCurrentItem(item)

    def _update_summary(self) -> None:
        kept = self._kept_plan()
        total = sum(1 for _ in _walk(self.plan.get("tasks") or []))
        n = sum(1 for _ in _walk(kept.get("tasks") or []))
        self.summary.setText(self.tr("{n} of {total} tasks will be imported; {deps} departments "
                                     "are named. Untick what is not a task.").format(
            n=n, total=total, deps=len(department_counts(kept))))

    def _show_current(self) -> None:
        item = self.tree.currentItem()
        node = self._node(item) if item is not None else None
        for role, edit in self.role_edits.items():
            edit.setEnabled(node is not None)
            edit.setText("、".join(((node or {}).get("roles") or {}).get(role) or []))
        if node is not None:
            source = node.get("source") or {}
            self._show_line(source.get("line") or node.get("line"), source.get("end"))

    def _show_line(self, line, end=None) -> None:
        """Scroll the source to ``line`` (1-based) and mark it through ``end``."""
        if not line:
            self.source.setExtraSelections([])
            return
        doc = self.source.document()
        first = doc.findBlockByNumber(int(line) - 1)
        last = doc.findBlockByNumber(int(end or line) - 1)
        if not first.isValid():
            return
        cursor = QTextCursor(first)
        cursor.setPosition((last if last.isValid() else first).position() +
                           max(0, (last if last.isValid() else first).length() - 1),
                           QTextCursor.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fff3c4"))
        mark.format = fmt
        self.source.setExtraSelections([mark])
        self.source.setTextCursor(QTextCursor(first))
        self.source.centerCursor()

    # ---- editing ---------------------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        self._update_summary()
        self._fill_departments()

    def _commit_role(self, role: str) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        node = self._node(item)
        names = [n for n in NAME_SPLIT.split(self.role_edits[role].text()) if n]
        roles = node.setdefault("roles", {})
        if names != (roles.get(role) or []):
            roles[role] = names
            self._show_node(item)
            self._fill_departments()

    def set_checked(self, node_title: str, checked: bool) -> bool:
        """Tick or untick the first task with this title (tests, keyboard users)."""
        for item in self._items():
            if self._node(item).get("title") == node_title:
                item.setCheckState(0, Qt.Checked if checked else Qt.Unchecked)
                return True
        return False

    def _items(self):
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))

    def current_department(self) -> str | None:
        item = self.departments.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def select_department(self, name: str) -> bool:
        for i in range(self.departments.count()):
            if self.departments.item(i).data(Qt.UserRole) == name:
                self.departments.setCurrentRow(i)
                return True
        return False

    def apply_department(self, old: str, new: list[str]) -> int:
        """Rename (one name) or split (several) a department in every task of the preview."""
        n = replace_department(self.plan, old, [x for x in new if x])
        for item in self._items():
            self._show_node(item)
        self._show_current()
        self._fill_departments()
        self._update_summary()
        return n

    def rename_department(self) -> None:
        old = self.current_department()
        if old is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename department"),
                                       self.tr("Correct name of “{name}”:").format(name=old),
                                       text=old)
        if ok and new.strip() and new.strip() != old:
            self.apply_department(old, [new.strip()])

    def split_department(self) -> None:
        old = self.current_department()
        if old is None:
            return
        from .department_split import ask_split
        parts = ask_split(self, old, {n: n for n in self.known})
        if parts:
            self.apply_department(old, parts)

    # ---- result ----------------------------------------------------------------------
    def _kept_plan(self) -> dict:
        checked = {id(self._node(item)) for item in self._items()
                   if item.checkState(0) == Qt.Checked}
        plan = dict(self.plan)
        plan["tasks"] = drop_unchecked(self.plan.get("tasks") or [],
                                       lambda node: id(node) in checked)
        return plan

    def result(self) -> Reviewed:
        plan = self._kept_plan()
        if self.title.text().strip():
            plan["title"] = self.title.text().strip()
        return Reviewed(plan, self.run_on.isChecked())


def known_names(ws) -> set[str]:
    if ws is None:
        return set()
    return {n for d in ws.departments() for n in (d.name, d.short_name, *d.aliases) if n}


def review(parent, file_name: str, plan: dict, ws) -> Reviewed | None:
    """Show the preview; the reviewed plan, or None when the clerk cancelled."""
    dialog = ImportPreview(file_name, plan, known_names(ws), parent)
    return dialog.result() if dialog.exec() == QDialog.Accepted else None
