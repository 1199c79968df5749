"""What the breakdown's tree view reads while a filter is on: only the rows it shows.

``TaskFilterProxy`` decides which tasks are shown (the matches and their headings) and
follows edits; a QSortFilterProxyModel in the view would ask Python about each of the
10,000 rows (``filterAcceptsRow``) and each shown row's flags again. These rows are Qt's
own items (``tree_mirror.TaskRows``) built from the proxy's accepted tasks — a few hundred
calls — and built again after an edit that changes what is shown or where. The tree keeps
its current task, selection and closed branches across a rebuild, with the selection's
signals held when they come back as they were.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex

from .task_filter import TaskFilterProxy
from .tree_mirror import TaskRows, build_rows
from .tree_model import TaskNode, TaskTreeModel

_SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
_NO_UPDATE = QItemSelectionModel.SelectionFlag.NoUpdate


class FilteredRows(TaskRows):
    def __init__(self, source: TaskTreeModel, proxy: TaskFilterProxy, parent=None):
        super().__init__(source, parent)
        self.proxy = proxy
        self._rows: dict[int, list[TaskNode]] = {}    # parent id -> children shown
        self._row: dict[int, int] = {}                # task id -> its row among them
        self._nodes: dict[tuple[int, int], TaskNode] = {}   # (parent cell, row) -> node
        self._closed: set[int] = set()     # shown tasks whose branch the clerk closed
        self._following = False

    def keep(self, view) -> None:
        super().keep(view)
        view.collapsed.connect(lambda i: self._open(i, False))
        view.expanded.connect(lambda i: self._open(i, True))

    def _open(self, index: QModelIndex, is_open: bool) -> None:
        if index.model() is self:
            node = self.node(index)
            if node is not None:
                (self._closed.discard if is_open else self._closed.add)(node.id)

    def show_filter(self) -> None:
        """Build the rows of the proxy's filter and follow the task model's edits."""
        if not self._following:
            # After the proxy's own slot: it has worked out what is shown by then.
            self.source.synced.connect(self._follow)
            self._following = True
        self._closed.clear()
        self._rebuild()

    def hide_filter(self) -> None:
        if self._following:
            self.source.synced.disconnect(self._follow)
            self._following = False
        self._rows, self._row = {}, {}
        self._build()

    # ---- cells and nodes -------------------------------------------------------------
    def node(self, index: QModelIndex) -> TaskNode | None:
        if not index.isValid():
            return None
        key = (index.internalId(), index.row())
        node = self._nodes.get(key)
        if node is None:
            rows = []
            while index.isValid():
                rows.append(index.row())
                index = index.parent()
            node = self.source.root
            for r in reversed(rows):
                shown = self._rows.get(node.id, ())
                if r >= len(shown):
                    return None
                node = shown[r]
            self._nodes[key] = node
        return node

    def index_of(self, node: TaskNode | None, column: int = 0) -> QModelIndex:
        root = self.source.root
        if node is None or node is root or node.id not in self._row:
            return QModelIndex()
        path = []
        while node is not root and node is not None:
            if node.id not in self._row:
                return QModelIndex()
            path.append(self._row[node.id])
            node = node.parent
        if node is None:
            return QModelIndex()
        index = QModelIndex()
        for r in reversed(path[1:]):
            index = self.index(r, 0, index)
        return self.index(path[0], column, index)

    def parents(self) -> list[TaskNode]:
        node_by_id = self.source.node_by_id
        return [n for n in map(node_by_id, self._rows) if n is not None]

    # ---- building and following ------------------------------------------------------
    def _build(self) -> None:
        accepted = self.proxy.accepted if self._following else set()
        rows: dict[int, list[TaskNode]] = {}
        row: dict[int, int] = {}

        def shown(node: TaskNode) -> list[TaskNode]:
            kids = [c for c in node.children if c.id in accepted]
            if kids:
                rows[node.id] = kids
                for r, c in enumerate(kids):
                    row[c.id] = r
            return kids
        self.beginResetModel()
        held = self.blockSignals(True)
        top = self.invisibleRootItem()
        top.removeRows(0, top.rowCount())
        self._nodes.clear()
        build_rows(top, shown(self.source.root), shown)
        self._rows, self._row = rows, row
        self.blockSignals(held)
        self.endResetModel()

    def _follow(self, changed) -> None:
        """After the task model followed an edit (``changed``: None when rows were added,
        moved or removed, else the ids of the tasks whose data changed)."""
        if changed is not None and self.proxy.accepted == self._shown():
            for i in changed:
                node = self.source.node_by_id(i)
                index = self.index_of(node)
                if index.isValid():
                    self.dataChanged.emit(index, index.siblingAtColumn(self.columnCount() - 1))
            return
        self._rebuild()

    def _rebuild(self) -> None:
        """Build again; the tree showing these rows keeps its current task and selection."""
        view = self.view if self.view is not None and self.view.model() is self else None
        state = self._view_state(view) if view is not None else None
        self._build()
        if view is not None:
            self._restore_view_state(view, state)

    def _shown(self) -> set[int]:
        return set(self._row)

    def _view_state(self, view):
        sm = view.selectionModel()
        selected = [n.id for n in (self.node(i) for i in sm.selectedRows(0)) if n is not None]
        current = sm.currentIndex()
        node = self.node(current)
        return selected, (node.id if node else None, current.column()), sm.blockSignals(True)

    def _restore_view_state(self, view, state) -> None:
        selected, (current, column), held = state
        node_by_id = self.source.node_by_id
        view.scheduleDelayedItemsLayout()
        closed = self._closed
        for node in self.parents():
            if node.id not in closed:
                view.expand(self.index_of(node))
        sm = view.selectionModel()
        back = []
        for i in selected:
            index = self.index_of(node_by_id(i))
            if index.isValid():
                sm.select(index, _SELECT_ROW)
                back.append(i)
        if current is not None:
            index = self.index_of(node_by_id(current), column)
            if index.isValid():
                sm.setCurrentIndex(index, _NO_UPDATE)
        sm.blockSignals(held)
        if back != selected:     # a selected task is no longer shown: say so
            sm.selectionChanged.emit(QItemSelection(), QItemSelection())
