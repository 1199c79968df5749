"""What the breakdown's tree view reads: the task model's rows held by Qt itself.

After a row is inserted, moved or removed, QTreeView lays out every expanded row again,
asking its model for index(), flags() and hasChildren() of each: 10,000 expanded tasks
over a Python model are ~35,000 calls into Python (55 ms) for one indent. This model is a
``QStandardItemModel`` with the task model's shape, so those calls stay in C++ (4 ms).

* Shape only: a task without children is an empty cell (no item at all), a task with
  children an item holding its child rows; building 10,000 tasks takes a few hundred
  calls, not 60,000 items. It follows the task model's row signals one by one (inserts,
  moves, removals, ``dataChanged``, resets), so after each it has the same rows.
* Text, fonts and tooltips come from the task model's nodes (``TaskTreeModel.cell``):
  ``data()`` is asked only for the cells being painted. A cell finds its node by its row
  path; the last answers are kept until the shape changes.
* Flags are Qt's defaults for every cell (a flag per cell is an item per cell): what may
  be edited, dragged or dropped is decided by the task model (``editable``, ``mimeData``,
  ``canDropMimeData``, ``setData``), and the tree asks ``editable`` before opening an editor.
* Qt's item model has no move: a moved row is taken out and put back. The view showing
  this model (``keep``) gets the moved rows' open branches, selection and current row back,
  with the selection's signals held, so a move looks to it as a move does.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from .tree_model import CELL_ROLES, COLUMN_COUNT, TaskNode, TaskTreeModel

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT_ROLE = Qt.ItemDataRole.EditRole.value
_SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
_NO_UPDATE = QItemSelectionModel.SelectionFlag.NoUpdate
_CLEAR = QItemSelectionModel.SelectionFlag.Clear


class TaskRows(QStandardItemModel):
    """Rows of tasks held by Qt whose cells answer from ``source`` (a ``TaskTreeModel``):
    text, editing, drag and drop are the task model's. Subclasses give the shape
    (``node``, ``index_of``, ``parents``)."""

    def __init__(self, source: TaskTreeModel, parent=None):
        super().__init__(parent)
        self.source = source
        self.view = None              # the tree whose state survives changes (``keep``)
        self.setColumnCount(COLUMN_COUNT)

    def keep(self, view) -> None:
        """``view`` keeps its open branches and selection on the rows that change."""
        self.view = view

    def node(self, index: QModelIndex) -> TaskNode | None:
        raise NotImplementedError

    def index_of(self, node: TaskNode | None, column: int = 0) -> QModelIndex:
        raise NotImplementedError

    def parents(self) -> list[TaskNode]:
        """The tasks shown with child rows (what "expand all" opens)."""
        raise NotImplementedError

    def to_source(self, index: QModelIndex) -> QModelIndex:
        node = self.node(index)
        return self.source.index_of_node(node, index.column()) if node else QModelIndex()

    def from_source(self, index: QModelIndex) -> QModelIndex:
        return self.index_of(self.source.node(index), index.column())

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role not in CELL_ROLES:
            return None       # alignment, check state, decoration, background: Qt's own
        node = self.node(index)
        if node is None:
            return None
        return self.source.cell(node, index.column(), role)

    def headerData(self, section: int, orientation, role=_DISPLAY):
        return self.source.headerData(section, orientation, role)

    def editable(self, index: QModelIndex) -> bool:
        return bool(self.source.flags(self.to_source(index)) & Qt.ItemFlag.ItemIsEditable)

    def setData(self, index: QModelIndex, value, role=_EDIT_ROLE) -> bool:
        return self.source.setData(self.to_source(index), value, role)

    # ---- drag and drop: the task model's ---------------------------------------------
    def supportedDropActions(self):
        return self.source.supportedDropActions()

    def supportedDragActions(self):
        return self.source.supportedDragActions()

    def mimeTypes(self) -> list[str]:
        return self.source.mimeTypes()

    def mimeData(self, indexes):
        if not self.source.writable:
            return None       # every cell may be dragged by its flags: nothing to carry
        return self.source.mimeData([self.to_source(i) for i in indexes])

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.source.canDropMimeData(data, action, row, column, self.to_source(parent))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        return self.source.dropMimeData(data, action, row, column, self.to_source(parent))

    def removeRows(self, row, count, parent=QModelIndex()) -> bool:
        return False   # after a move-drop: the store moved the tasks, the rows follow it


def build_rows(item: QStandardItem, rows: list, children) -> None:
    """Rows for ``rows`` (nodes) at the end of ``item``, not yet in a model, with their
    subtrees as ``children(node)`` lists them: an item only where a row has children."""
    start = item.rowCount()
    item.insertRows(start, len(rows))
    stack = [(item, start, rows)]
    while stack:
        it, first, nodes = stack.pop()
        for r, n in enumerate(nodes, first):
            kids = children(n)
            if kids:
                child = QStandardItem()
                child.setColumnCount(COLUMN_COUNT)
                child.insertRows(0, len(kids))
                it.setChild(r, 0, child)
                stack.append((child, 0, kids))


class TaskTreeMirror(TaskRows):
    """Every row of ``source``, following it (see the module's docstring)."""

    def __init__(self, source: TaskTreeModel, parent=None):
        super().__init__(source, parent)
        self._nodes: dict[tuple[int, int], TaskNode] = {}   # (parent cell, row) -> node
        self._pending: list = []      # what a move or removal saw before the task model moved
        for name, slot in (("modelReset", self._reset), ("layoutChanged", self._reset),
                           ("rowsInserted", self._inserted),
                           ("rowsAboutToBeRemoved", self._removing),
                           ("rowsRemoved", self._removed),
                           ("rowsAboutToBeMoved", self._moving), ("rowsMoved", self._moved),
                           ("dataChanged", self._changed),
                           ("headerDataChanged", self.headerDataChanged)):
            getattr(source, name).connect(slot)
        for name in ("rowsInserted", "rowsRemoved", "modelReset"):
            getattr(self, name).connect(self._forget)
        self._reset()

    # ---- cells and nodes -------------------------------------------------------------
    def _forget(self, *args) -> None:
        self._nodes.clear()

    def node(self, index: QModelIndex) -> TaskNode | None:
        """The task of a cell of this model (any column)."""
        if not index.isValid():
            return None
        key = (index.internalId(), index.row())   # the parent's cell and the row
        node = self._nodes.get(key)
        if node is None:
            rows = []
            while index.isValid():
                rows.append(index.row())
                index = index.parent()
            node = self.source.root
            for r in reversed(rows):
                children = node.children
                if r >= len(children):
                    return None
                node = children[r]
            self._nodes[key] = node
        return node

    def index_of(self, node: TaskNode | None, column: int = 0) -> QModelIndex:
        """The cell of ``node`` in this model."""
        root = self.source.root
        if node is None or node is root:
            return QModelIndex()
        rows = []
        while node.parent is not None:
            rows.append(node.row)
            node = node.parent
        if node is not root:
            return QModelIndex()      # a node no longer in the tree
        index = QModelIndex()
        for r in reversed(rows[1:]):
            index = self.index(r, 0, index)
        return self.index(rows[0], column, index)

    def parents(self) -> list[TaskNode]:
        return [n for n in self.source.all_nodes() if n.children]

    # ---- following the task model ----------------------------------------------------
    def _item(self, node: TaskNode) -> QStandardItem:
        """The item holding ``node``'s child rows (made when the cell was empty). Made here,
        not by ``itemFromIndex``: PySide is told when Qt deletes an item Python made, not
        one Qt made, whose wrapper would then stand for whatever comes to its address."""
        if node is self.source.root:
            return self.invisibleRootItem()
        parent = self._item(node.parent)
        item = parent.child(node.row, 0)
        if item is None:
            item = QStandardItem()
            item.setColumnCount(COLUMN_COUNT)
            parent.setChild(node.row, 0, item)
        return item

    @staticmethod
    def _build(node: TaskNode) -> QStandardItem:
        """An item, not yet in the model, with ``node``'s rows below it."""
        item = QStandardItem()
        item.setColumnCount(COLUMN_COUNT)
        build_rows(item, node.children, _children)
        return item

    def _put(self, item: QStandardItem, row: int, nodes: list[TaskNode]) -> None:
        """Rows for ``nodes`` (with their subtrees) at ``row`` of ``item``."""
        k = 0
        while k < len(nodes):
            if nodes[k].children:
                item.insertRow(row + k, [self._build(nodes[k])])  # a list: Qt then owns it
                k += 1
                continue
            run = k
            while k < len(nodes) and not nodes[k].children:
                k += 1
            item.insertRows(row + run, k - run)

    def _reset(self, *args) -> None:
        # One reset for the views: the rows are removed and built with the signals held.
        self.beginResetModel()
        held = self.blockSignals(True)
        root = self.invisibleRootItem()
        root.removeRows(0, root.rowCount())
        self._nodes.clear()
        self._pending.clear()
        build_rows(root, self.source.root.children, _children)
        self.blockSignals(held)
        self.endResetModel()

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        node = self.source.node(parent) if parent.isValid() else self.source.root
        self._put(self._item(node), first, node.children[first:last + 1])

    def _removing(self, parent: QModelIndex, first: int, last: int) -> None:
        node = self.source.node(parent) if parent.isValid() else self.source.root
        self._pending.append(self._item(node))

    def _removed(self, parent: QModelIndex, first: int, last: int) -> None:
        self._pending.pop().removeRows(first, last - first + 1)

    def _moving(self, parent: QModelIndex, first: int, last: int, dest: QModelIndex,
                row: int) -> None:
        source = self.source
        src = source.node(parent) if parent.isValid() else source.root
        dst = source.node(dest) if dest.isValid() else source.root
        src_item = self._item(src)
        dst_item = src_item if dst is src else self._item(dst)
        self._pending.append((src_item, dst_item, self._view_state(src_item, first, last)))

    def _moved(self, parent: QModelIndex, first: int, last: int, dest: QModelIndex,
               row: int) -> None:
        src_item, dst_item, state = self._pending.pop()
        count = last - first + 1
        taken = []
        for _ in range(count):
            taken.append(src_item.takeChild(first, 0))   # None: a task without children
            src_item.removeRow(first)
        if dst_item is src_item and row > first:
            row -= count
        for k, item in enumerate(taken):
            if item is None:
                dst_item.insertRows(row + k, 1)
            else:
                dst_item.insertRow(row + k, [item])
        self._restore_view_state(dst_item, row, state)

    def _changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        source = self.source
        p = top_left.parent()
        parent = self.index_of(source.node(p)) if p.isValid() else QModelIndex()
        self.dataChanged.emit(self.index(top_left.row(), top_left.column(), parent),
                              self.index(bottom_right.row(), bottom_right.column(), parent))

    # ---- the view's state on moved rows ------------------------------------------------
    def _view_state(self, item: QStandardItem, first: int, last: int):
        """(open branches, selected rows, current cell) among rows first..last of ``item``,
        each as (offset from ``first``, path of rows below it); None without a view."""
        view = self.view
        if view is None or view.model() is not self:
            return None
        parent = item.index() if item is not self.invisibleRootItem() else QModelIndex()
        expanded = []
        stack = []
        for r in range(first, last + 1):
            child = item.child(r, 0)
            if child is not None and child.rowCount():
                stack.append((child, (r - first,)))
        while stack:
            it, path = stack.pop()
            if view.isExpanded(it.index()):
                expanded.append(path)
                for r in range(it.rowCount()):
                    c = it.child(r, 0)
                    if c is not None and c.rowCount():
                        stack.append((c, path + (r,)))
        sm = view.selectionModel()

        def inside(index):
            """The path of ``index`` below the moved rows, or None."""
            rows = []
            while index.isValid():
                if index.parent() == parent and first <= index.row() <= last:
                    return (index.row() - first, *reversed(rows))
                rows.append(index.row())
                index = index.parent()
            return None
        selected = [p for p in (inside(i) for i in sm.selectedRows(0)) if p is not None]
        current = sm.currentIndex()
        where = inside(current) if current.isValid() else None
        if not (expanded or selected or where is not None):
            return None
        held = sm.blockSignals(True)     # the rows come back: nothing was deselected
        return expanded, selected, (where, current.column()), held

    def _restore_view_state(self, item: QStandardItem, row: int, state) -> None:
        if state is None:
            return
        expanded, selected, (where, column), held = state
        view = self.view
        sm = view.selectionModel()
        base = item.index() if item is not self.invisibleRootItem() else QModelIndex()

        def at(path, column=0):
            index = self.index(row + path[0], 0, base)
            for r in path[1:]:
                index = self.index(r, 0, index)
            return index.siblingAtColumn(column) if column else index
        for path in expanded:
            view.expand(at(path))
        # With one row selectable, Qt selected the next row when this one went.
        single = view.selectionMode() == view.SelectionMode.SingleSelection
        for k, path in enumerate(selected):
            sm.select(at(path), _SELECT_ROW | _CLEAR if single and not k else _SELECT_ROW)
        if where is not None:
            sm.setCurrentIndex(at(where, column), _NO_UPDATE)
        sm.blockSignals(held)



def _children(node: TaskNode) -> list[TaskNode]:
    return node.children
