"""The 任务分解 tab: the filter bar, the task tree and the detail panel, and the task
commands (insert, indent, outdent, move, delete) bound to the window's actions.

Every command is one store operation; the tree follows through change notification and
keeps the selection and open branches of the tasks that moved (``tree_mirror``).
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QSplitter, QStyledItemDelegate,
                               QToolButton, QTreeView, QVBoxLayout, QWidget)

from models.reported import latest_reports

from .filter_bar import FilterBar
from .labels import status_label
from .task_detail import TaskDetail
from .filtered_rows import FilteredRows
from .task_filter import TaskFilterProxy
from .tree_mirror import TaskRows, TaskTreeMirror
from .tree_model import (DEADLINE, LEAD, NUMBER, STATUS, SUPPORT, TITLE, TaskNode,
                         TaskTreeModel)


class TaskDelegate(QStyledItemDelegate):
    """Opens an editor only where the task model allows one: the rows the tree reads carry
    Qt's default flags (see ``tree_mirror``)."""

    def createEditor(self, parent, option, index):
        model = index.model()
        if isinstance(model, TaskRows) and not model.editable(index):
            return None
        return super().createEditor(parent, option, index)


class TaskTreeView(QTreeView):
    """The tree; drags of files are left to the window (which imports them)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("task_tree")
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        # A click on the selected task only selects it: editing is F2 or a double-click, so a
        # stray click followed by Del never blanks a title.
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setAlternatingRowColors(True)
        self.setIndentation(14)
        self.setAllColumnsShowFocus(True)
        self.setItemDelegate(TaskDelegate(self))

    def expandAll(self) -> None:
        """Expand every task that has children, then lay the tree out once.

        QTreeView.expandAll() would also mark every task without children as expanded (the
        rows carry no ItemNeverHasChildren, see ``tree_mirror``): 10,000 more persistent
        indexes for Qt to update after each edit. With the layout pending, expand() only
        records the index.
        """
        model = self.model()
        if not isinstance(model, TaskRows):
            super().expandAll()
            return
        self.scheduleDelayedItemsLayout()
        index_of = model.index_of
        for node in model.parents():
            self.expand(index_of(node))
        self.executeDelayedItemsLayout()

    def _is_file_drag(self, event) -> bool:
        return event.mimeData().hasUrls()

    def dragEnterEvent(self, event):
        if self._is_file_drag(event):
            event.ignore()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if self._is_file_drag(event):
            event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event):
        if self._is_file_drag(event):
            event.ignore()
            return
        super().dropEvent(event)


class BreakdownView(QWidget):
    selectionChanged = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = TaskTreeModel(session, self)
        # The tree reads the model's rows through Qt's own item model (``tree_mirror``):
        # after an edit Qt lays out 10,000 expanded rows without a call into Python.
        self.mirror = TaskTreeMirror(self.model, self)
        # While a filter is on, the proxy decides what is shown and the tree reads only
        # those rows (``filtered_rows``).
        self.proxy = TaskFilterProxy(self)
        self.filtered_rows = FilteredRows(self.model, self.proxy, self)
        self.filter_bar = FilterBar(session, self)
        self.filter_bar.changed.connect(self.set_filter)
        self.tree = TaskTreeView(self)
        self.tree.setModel(self.mirror)
        self.mirror.keep(self.tree)
        self.filtered_rows.keep(self.tree)
        self.detail = TaskDetail(session, self.model, self)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        # 编号 holds the indentation too; it is fitted to each plan (_fit_number_column).
        for col, width in ((NUMBER, 130), (LEAD, 130), (SUPPORT, 130), (DEADLINE, 100),
                           (STATUS, 96)):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            header.resizeSection(col, width)
        self._watch_selection()
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        # A task just added (Enter) whose title is left empty is taken back when its editor
        # closes, so Enter then Esc leaves no empty "一、" behind.
        self._fresh: tuple[str, str | None] | None = None
        self.tree.itemDelegate().closeEditor.connect(self._editor_closed)
        session.changed.connect(self._on_change)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)

    # ---- plan and filter -------------------------------------------------------------
    def set_plan(self, plan_uuid: str | None) -> None:
        if plan_uuid == self.model.plan_uuid and self.model.loaded_ws is self.session.ws:
            return
        self.model.set_plan(plan_uuid)
        self._update_reported(repaint=False)     # the reset repaints the whole tree anyway
        self._fit_number_column()
        self.tree.expandToDepth(0)
        first = self.tree.model().index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)
        self._on_selection()

    def _fit_number_column(self) -> None:
        """编号 as wide as the plan's deepest label needs, indentation included (a fixed
        130 px, enough for （1） four levels down, left a two-level plan's 任务 narrow)."""
        advance = self.tree.fontMetrics().horizontalAdvance
        indent = self.tree.indentation()
        widths: dict[str, int] = {}
        widest = 0
        stack = [(n, 1) for n in self.model.root.children]
        while stack:
            node, depth = stack.pop()
            if node.number not in widths:
                widths[node.number] = advance(node.number)
            widest = max(widest, depth * indent + widths[node.number])
            stack.extend((c, depth + 1) for c in node.children)
        self.tree.header().resizeSection(NUMBER, max(72, min(widest + 16, 220)))

    def _on_change(self, change) -> None:
        if change.tables & {"progress", "rounds", "departments"}:
            self._update_reported()

    def _update_reported(self, repaint: bool = True) -> None:
        """The 状态 column for tasks without a status of their own: the latest report.
        (Not asking for the viewport when not needed spares ~10 ms of start-up: PySide
        resolves the viewport's private class the first time it reaches Python.)"""
        texts: dict[int, str] = {}
        if self.model.plan_uuid is not None and self.ws is not None:
            for task_id, r in latest_reports(self.ws, self.model.plan_uuid).items():
                percent = "" if r.percent is None or r.status == "done" and r.percent == 100 \
                    else f" {r.percent:g}%"
                texts[task_id] = (status_label(r.status) + percent).strip()
        self.model.reported_text = texts
        if repaint:
            self.tree.viewport().update()

    def set_filter(self, criteria) -> None:
        if criteria.active:
            self.proxy.set_filter(criteria)
            if self.filtered:
                self.filtered_rows.show_filter()      # another filter: its rows
            self._use_proxy(True)
            self.tree.expandAll()
        else:
            # The tree goes back to the model first: the proxy then has no rows to bring
            # back one by one (thousands of rowsInserted into a view about to drop it).
            self._use_proxy(False)
            self.proxy.set_filter(criteria)
        self._update_count()

    def _update_count(self, *args) -> None:
        total = self.model.task_count()
        self.filter_bar.set_count(self.proxy.match_count() if self.proxy.criteria.active else None,
                                  total)

    @property
    def filtered(self) -> bool:
        return self.tree.model() is self.filtered_rows

    def _use_proxy(self, on: bool) -> None:
        """Put the filter proxy in (or take it out) keeping the current task, the column
        widths and — when the filter goes — the branches the clerk had open."""
        if on == self.filtered:
            return
        node = self.current_node()
        header = self.tree.header().saveState()
        if on:
            index_of = self.mirror.index_of
            self._expanded = [n.uuid for n in self.model.all_nodes()
                              if n.children and self.tree.isExpanded(index_of(n))]
            self.proxy.setSourceModel(self.model)
            self.filtered_rows.show_filter()
            self.tree.setModel(self.filtered_rows)
        else:
            self.tree.setModel(self.mirror)
            self.filtered_rows.hide_filter()
            self.proxy.setSourceModel(None)
            for uuid in getattr(self, "_expanded", []):
                self.tree.expand(self.mirror.index_of(self.model.node_by_uuid(uuid)))
        self.tree.header().restoreState(header)
        self._watch_selection()
        if node is not None:
            self.select_uuid(node.uuid)

    def _watch_selection(self) -> None:
        sm = self.tree.selectionModel()
        sm.selectionChanged.connect(self._on_selection)
        sm.currentChanged.connect(lambda *_: self._on_selection())

    # ---- selection -------------------------------------------------------------------
    def _source(self, index: QModelIndex) -> QModelIndex:
        """A tree index as an index of the task model."""
        return self.tree.model().to_source(index)

    def view_index(self, source: QModelIndex) -> QModelIndex:
        """A task model index as an index of the tree (through the filter when it is on)."""
        return self.tree.model().from_source(source)

    def current_node(self) -> TaskNode | None:
        return self.model.node(self._source(self.tree.currentIndex()))

    def selected_nodes(self) -> list[TaskNode]:
        """The top-most selected tasks in reading order (their subtrees come along)."""
        rows = self.tree.selectionModel().selectedRows(0)
        if not rows and self.tree.currentIndex().isValid():
            rows = [self.tree.currentIndex()]
        return self.model.top_nodes([self._source(i) for i in rows])

    def _on_selection(self, *args) -> None:
        rows = self.tree.selectionModel().selectedRows(0)
        uuids = [self.model.node(self._source(i)).uuid for i in rows
                 if self.model.node(self._source(i))]
        self.detail.show_tasks(uuids)
        self.selectionChanged.emit()

    def select_uuid(self, uuid: str, edit_column: int | None = None) -> bool:
        src = self.model.index_of_uuid(uuid, edit_column or 0)
        idx = self.view_index(src)
        if not idx.isValid():
            return False
        self.tree.scrollTo(idx)
        self.tree.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        if edit_column is not None:
            self.tree.setFocus()
            self.tree.edit(idx)
        return True

    # ---- commands --------------------------------------------------------------------
    @property
    def ws(self):
        return self.session.ws

    def _can_edit(self) -> bool:
        return self.model.writable

    def _add(self, parent_uuid: str | None, position: int | None) -> None:
        uid = self.ws.new_uuid()
        self.proxy.pin(uid)   # stays visible even when it doesn't match the filter
        task = self.session.edit(self.ws.add_task, self.model.plan_uuid, "",
                                 parent=parent_uuid, position=position, uuid=uid)
        if task is not None:
            self._fresh = (task.uuid, self.ws.undo_label())
            if parent_uuid:
                self.tree.expand(self.view_index(self.model.index_of_uuid(parent_uuid)))
            self.select_uuid(task.uuid, edit_column=TITLE)

    def _editor_closed(self, *args) -> None:
        fresh, self._fresh = self._fresh, None
        if fresh is None or self.ws is None:
            return
        node = self.model.node_by_uuid(fresh[0])
        if node is not None and not node.title.strip() and self.ws.undo_label() == fresh[1]:
            self.session.edit(self.ws.undo)

    def insert_sibling(self) -> None:
        """A new task after the current one, on the same level (Enter)."""
        if not self._can_edit():
            return
        node = self.current_node()
        if node is None:
            self._add(None, None)
        else:
            parent = node.parent
            self._add(parent.uuid if parent is not self.model.root else None, node.row + 1)

    def insert_child(self) -> None:
        """A new task as the last child of the current one (Ctrl+Enter)."""
        if not self._can_edit():
            return
        node = self.current_node()
        self._add(node.uuid if node else None, None)

    def _each(self, method: str, reverse: bool = False) -> None:
        """Move every selected task the same way, as one step written at once
        (``models/rearrange.py``)."""
        nodes = self.selected_nodes()
        if not nodes or not self._can_edit():
            return
        uuids = [n.uuid for n in (reversed(nodes) if reverse else nodes)]
        self.session.edit(getattr(self.ws, method), uuids)
        self._keep_visible()

    def indent(self) -> None:
        self._each("indent_tasks")

    def outdent(self) -> None:
        self._each("outdent_tasks", reverse=True)

    def move_up(self) -> None:
        self._each("move_up_tasks")

    def move_down(self) -> None:
        self._each("move_down_tasks", reverse=True)

    def _keep_visible(self) -> None:
        idx = self.tree.currentIndex()
        if idx.isValid():
            parent = idx.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.scrollTo(idx)

    def delete(self) -> None:
        """Delete the selected tasks with their subtrees, after confirmation (Del)."""
        self.delete_selected(ask=True)

    def delete_selected(self, ask: bool) -> None:
        nodes = self.selected_nodes()
        if not nodes or not self._can_edit():
            return
        ws = self.ws
        total = sum(ws.subtree_size(n.uuid) for n in nodes)
        if len(nodes) == 1:
            n = nodes[0]
            title = f"{n.number}{n.title}" or self.tr("(untitled)")
            text = (self.tr("Delete “{title}” and its {n} subtasks?").format(title=title, n=total - 1)
                    if total > 1 else self.tr("Delete “{title}”?").format(title=title))
        else:
            text = self.tr("Delete the {n} selected tasks ({total} with their subtasks)?").format(
                n=len(nodes), total=total)
        text += "\n" + self.tr("You can undo this with Ctrl+Z.")
        from . import dialogs      # the message boxes: loaded with the first one shown
        if ask and not dialogs.confirm(self, self.tr("Delete tasks"), text):
            return
        # Where the selection goes afterwards: the next sibling, else the previous, else up.
        last = nodes[-1]
        siblings = last.parent.children
        after = next((s for s in siblings[last.row + 1:] if s not in nodes), None) or \
            next((s for s in reversed(siblings[:nodes[0].row]) if s not in nodes), None) or \
            (last.parent if last.parent is not self.model.root else None)
        after_uuid = after.uuid if after else None
        self.session.edit(ws.delete_tasks, [n.uuid for n in nodes])
        if after_uuid:
            self.select_uuid(after_uuid)

    # ---- clipboard (its module imported on first use, not for the first paint) --------
    def copy(self) -> None:
        from . import task_clipboard
        n = task_clipboard.copy(self)
        if n:
            self.session.notice.emit(self.tr("{n} tasks copied.").format(n=n))

    def cut(self) -> None:
        """Copy, then delete without asking (Ctrl+Z brings them back)."""
        from . import task_clipboard
        if self._can_edit() and task_clipboard.copy(self):
            self.delete_selected(ask=False)

    def paste(self) -> None:
        from . import task_clipboard
        task_clipboard.paste(self)

    def duplicate(self) -> None:
        from . import task_clipboard
        task_clipboard.duplicate(self)

    def select_many(self, uuids: list[str]) -> None:
        """Select these tasks (the first one current), e.g. what was just pasted."""
        if not uuids or not self.select_uuid(uuids[0]):
            return
        # One selection change for all: one per row redrew the detail each time (20 s
        # for 550 pasted tasks).
        selection = QItemSelection()
        for uuid in uuids[1:]:
            idx = self.view_index(self.model.index_of_uuid(uuid))
            if idx.isValid():
                selection.select(idx, idx)
        self.tree.selectionModel().select(
            selection, QItemSelectionModel.Select | QItemSelectionModel.Rows)

    def edit_title(self) -> None:
        idx = self.tree.currentIndex()
        if idx.isValid() and self._can_edit():
            self.tree.edit(idx.siblingAtColumn(TITLE))

    def expanded_uuids(self) -> list[str]:
        """The tasks whose branches are open, in reading order."""
        if self.filtered:
            return list(getattr(self, "_expanded", []))
        index_of = self.mirror.index_of
        return [n.uuid for n in self.model.iter_nodes()
                if n.children and self.tree.isExpanded(index_of(n))]

    def expand_uuids(self, uuids) -> None:
        self.tree.collapseAll()
        for uuid in uuids:
            idx = self.view_index(self.model.index_of_uuid(uuid))
            if idx.isValid():
                self.tree.expand(idx)

    def expand_all(self) -> None:
        self.tree.expandAll()

    def collapse_all(self) -> None:
        self.tree.collapseAll()

    def bind(self, actions) -> None:
        """Connect the window's task actions and make their shortcuts live in the tree."""
        pairs = ((actions.insert_sibling, self.insert_sibling),
                 (actions.insert_child, self.insert_child),
                 (actions.indent, self.indent), (actions.outdent, self.outdent),
                 (actions.move_up, self.move_up), (actions.move_down, self.move_down),
                 (actions.delete_task, self.delete), (actions.rename_task, self.edit_title),
                 (actions.copy_tasks, self.copy), (actions.cut_tasks, self.cut),
                 (actions.paste_tasks, self.paste), (actions.duplicate_tasks, self.duplicate))
        for action, slot in pairs:
            action.triggered.connect(slot)
            self.tree.addAction(action)
        # The numbering switch beside the filters, where a clerk looking at 1.–25. finds it.
        numbering = QToolButton(self)
        numbering.setObjectName("continuous_numbering")
        numbering.setDefaultAction(actions.continuous_level3)
        numbering.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.filter_bar.layout().addWidget(numbering)
        actions.expand_all.triggered.connect(self.expand_all)
        actions.collapse_all.triggered.connect(self.collapse_all)
        actions.find.triggered.connect(self.filter_bar.focus_search)

    def has_selection(self) -> bool:
        return bool(self.tree.selectionModel().selectedRows(0)) or \
            self.tree.currentIndex().isValid()

