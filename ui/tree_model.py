"""The task breakdown of one plan as a Qt tree model: an adapter over the store.

Each ``TaskNode`` caches its row in its parent, so ``parent()`` is O(1). The model never
edits itself: edits go to the store, whose change notification names the rows it wrote;
the model re-reads those (the whole plan only after big changes, see ``tree_sync``) and
reconciles its tree — inserts, moves (``beginMoveRows``), removals and ``dataChanged`` for
exactly what differs, so expansion and selection survive undo, redo and drag-and-drop.
Numbering (一、（一）1.) is recomputed where it can change.

The breakdown's tree view does not read this model directly but ``tree_mirror``, Qt's own
item model following this one's row signals: a fully expanded tree of 10,000 tasks is laid
out again after every insert, move or removal, ~3 calls per row that must not reach Python.
The filter proxy reads this model; index(), flags(), rowCount(), hasChildren() and data()
are kept to a few dict lookups with constants computed once.

Indexes carry the task id (``internalId``), never a Python pointer: a stale index finds
no node instead of crashing.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from models.read_tree import TASK_FIELDS

from .labels import deadline_kind_label, role_label, status_label
from .tree_dnd import TaskDragDrop
from .tree_sync import ROOT_ID, TreeSync

NUMBER, TITLE, LEAD, SUPPORT, DEADLINE, STATUS = range(6)
COLUMN_COUNT = 6

UuidRole = Qt.ItemDataRole.UserRole.value + 1     # str: the task's uuid
NodeRole = Qt.ItemDataRole.UserRole.value + 2     # TaskNode: read it, never change it
OverdueRole = Qt.ItemDataRole.UserRole.value + 3  # bool: the deadline date has passed, not done

# The fields read from the store (models.read_tree), in the order of TaskNode.vals.
FIELDS = (*TASK_FIELDS, "roles")
# Flags computed once: enum arithmetic in Python is slow, and views ask for every row.
# A row without children says so (ItemNeverHasChildren): the tree then neither asks for
# its children nor keeps a persistent index for it after "expand all" — with 10,000
# persistent indexes every insert, move or removal costs 10,000 calls of parent().
_F = Qt.ItemFlag
_NONE = _F.NoItemFlags
_DROP = _F.ItemIsDropEnabled
_READ = _F.ItemIsEnabled | _F.ItemIsSelectable
_MOVE = _READ | _F.ItemIsDragEnabled | _F.ItemIsDropEnabled
_EDIT = _MOVE | _F.ItemIsEditable
_LEAF = _F.ItemNeverHasChildren
# Roles as plain ints: ``Qt.DisplayRole`` (the old spelling) costs microseconds per lookup,
# and data() is called for every visible cell and role.
_R = Qt.ItemDataRole
_DISPLAY, _EDIT_ROLE = _R.DisplayRole.value, _R.EditRole.value
_TOOLTIP, _FONT, _FOREGROUND = _R.ToolTipRole.value, _R.FontRole.value, _R.ForegroundRole.value
# The roles cell() answers; a view painting a cell asks for about twice as many.
CELL_ROLES = frozenset({_DISPLAY, _EDIT_ROLE, _TOOLTIP, _FONT, _FOREGROUND,
                        UuidRole, NodeRole, OverdueRole})


class TaskNode:
    """One task in the model. ``roles`` is a tuple of (role, department id, name)."""
    __slots__ = ("id", "parent", "children", "row", "number", "vals", "search", *FIELDS)

    def __init__(self, node_id: int, parent: TaskNode | None = None):
        self.id = node_id
        self.parent = parent
        self.children: list[TaskNode] = []
        self.row = 0
        self.number = ""
        self.vals: tuple = ()
        self.search = None     # the filter's cache: (vals, number, text searched)
        for f in FIELDS:
            setattr(self, f, "")
        self.roles = ()

    def set_values(self, vals: tuple) -> None:
        self.vals = vals
        for name, value in zip(FIELDS, vals):
            setattr(self, name, value)

    def names(self, *roles: str) -> list[str]:
        return [name for role, _dep, name in self.roles if role in roles]

    @property
    def depth(self) -> int:
        d, n = 0, self
        while n.parent is not None:
            d, n = d + 1, n.parent
        return d

    def is_ancestor_of(self, other: TaskNode) -> bool:
        n = other.parent
        while n is not None:
            if n is self:
                return True
            n = n.parent
        return False

    def __repr__(self) -> str:
        return f"TaskNode({self.id}, {self.number}{self.title!r})"


class TaskTreeModel(TreeSync, TaskDragDrop, QAbstractItemModel):
    # After a plan was loaded or the tree followed a change: None when rows were added,
    # moved or removed, else the frozenset of the ids of the tasks whose data changed.
    synced = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan_uuid: str | None = None
        self.plan_id: int | None = None
        self.continuous = False
        self.today = _dt.date.today().isoformat()
        self.root = TaskNode(ROOT_ID)
        self._nodes: dict[int, TaskNode] = {ROOT_ID: self.root}
        self._structure_changed = False
        self._by_uuid: dict[str, TaskNode] = {}
        self._assignment_task: dict[int, int] = {}   # assignment id -> task id (this plan)
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue = QBrush(QColor("#c62828"))
        session.changed.connect(self._on_change)
        self.loaded_ws = None
        self.reported_text: dict[int, str] = {}   # task id -> 已完成 100%; set by the view
        self._update_writable()
        session.workspaceChanged.connect(self._on_workspace)

    # ---- loading -------------------------------------------------------------------
    @property
    def ws(self):
        return self.session.ws

    @property
    def writable(self) -> bool:
        return self._writable

    def _update_writable(self) -> None:
        # Asked for every row by flags(): computed when the plan or workspace changes.
        self._writable = self.plan_id is not None and not self.session.readonly
        self._update_flags()

    def _on_workspace(self, ws) -> None:
        if ws is not self.loaded_ws:   # not already showing a plan of the new workspace
            self.set_plan(None)

    def set_plan(self, plan_uuid: str | None) -> None:
        """Show the tasks of another plan (or none): a model reset."""
        self.beginResetModel()
        self.root.children = []
        self._nodes = {ROOT_ID: self.root}
        self._by_uuid = {}
        self._assignment_task = {}
        self.plan_uuid = self.plan_id = None
        self.loaded_ws = None
        if plan_uuid is not None and self.ws is not None:
            self.loaded_ws = self.ws
            plan = self.ws.plan(plan_uuid)
            self.plan_uuid, self.plan_id = plan.uuid, plan.id
            self.continuous = bool(plan.settings.get("continuous_level3"))
            kids, data = self._read(True)
            self._build_children(self.root, kids, data)
            self._renumber_labels()
        self._update_writable()
        self.endResetModel()
        self.synced.emit(None)

    def reload(self) -> None:
        """Read everything again (a read-only workspace another process is editing)."""
        self._sync(True, True, True)

    def _build_children(self, parent: TaskNode, kids: dict, data: dict) -> None:
        """Create the nodes under ``parent`` that the model does not have yet."""
        stack = [parent]
        while stack:
            p = stack.pop()
            for cid in kids.get(p.id, ()):
                if cid in self._nodes:
                    continue   # an existing node moved in: _sync places it
                node = self._new_node(cid, p, data[cid])
                node.row = len(p.children)
                p.children.append(node)
                stack.append(node)

    def _new_node(self, cid: int, parent: TaskNode, vals: tuple) -> TaskNode:
        node = TaskNode(cid, parent)
        node.set_values(vals)
        self._nodes[cid] = node
        self._by_uuid[node.uuid] = node
        return node

    # ---- lookups for the views -----------------------------------------------------
    def node(self, index: QModelIndex) -> TaskNode | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def node_at(self, row: int, parent: QModelIndex) -> TaskNode | None:
        p = self._nodes.get(parent.internalId()) if parent.isValid() else self.root
        if p is None or not 0 <= row < len(p.children):
            return None
        return p.children[row]

    def node_by_id(self, task_id: int) -> TaskNode | None:
        return self._nodes.get(task_id) if task_id != ROOT_ID else None

    def node_by_uuid(self, uuid: str) -> TaskNode | None:
        return self._by_uuid.get(uuid)

    def index_of_node(self, node: TaskNode | None, column: int = 0) -> QModelIndex:
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.id)

    def index_of_uuid(self, uuid: str, column: int = 0) -> QModelIndex:
        return self.index_of_node(self._by_uuid.get(uuid), column)

    def iter_nodes(self):
        """Every node in preorder (the plan's reading order)."""
        stack = list(reversed(self.root.children))
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed(n.children))

    def all_nodes(self):
        """Every node, in no particular order (faster than iter_nodes), without the root."""
        root = self.root
        return [n for n in self._nodes.values() if n is not root]

    def task_count(self) -> int:
        return len(self._nodes) - 1

    # ---- QAbstractItemModel --------------------------------------------------------
    # The tree view calls index(), flags(), rowCount() and hasChildren() for every shown
    # row on each layout (10,000 rows fully expanded): these are kept to a few dict
    # lookups. An invalid index has internalId 0 == ROOT_ID, so ``_nodes.get`` of any
    # index finds the root for "no parent" without a call to isValid().
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        p = self._nodes.get(parent.internalId())
        if p is None or row < 0 or not 0 <= column < COLUMN_COUNT:
            return QModelIndex()
        if p is not self.root and parent.column() != 0:
            return QModelIndex()
        children = p.children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].id)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: D401
        node = self._nodes.get(index.internalId())
        if node is None:
            return QModelIndex()
        p = node.parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p.id)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        node = self._nodes.get(parent.internalId())
        if node is None:
            return 0
        if node is not self.root and parent.column() != 0:
            return 0
        return len(node.children)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        node = self._nodes.get(parent.internalId())
        if node is None or not node.children:
            return False
        return node is self.root or parent.column() == 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return COLUMN_COUNT

    def headerData(self, section: int, orientation, role=_DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < COLUMN_COUNT:
            return (self.tr("No."), self.tr("Task"), self.tr("Lead or responsible"), self.tr("Support"),
                    self.tr("Deadline"), self.tr("Status"))[section]
        return None

    def _update_flags(self) -> None:
        """flags() answers from this table: [writable column?][has children?]."""
        if self._writable:
            self._flag_table = ((_MOVE | _LEAF, _MOVE), (_EDIT | _LEAF, _EDIT))
            self._root_flags = _DROP
        else:
            self._flag_table = ((_READ | _LEAF, _READ), (_READ | _LEAF, _READ))
            self._root_flags = _NONE

    def flags(self, index: QModelIndex):
        node = self._nodes.get(index.internalId())
        if node is None:
            return _NONE
        if node is self.root:
            return self._root_flags
        col = index.column()
        table = self._flag_table
        if col == 0:
            return table[0][1] if node.children else table[0][0]
        # Only column 0 has children (rowCount), so the other cells are always leaves.
        return table[1][0] if col == TITLE or col == DEADLINE else table[0][0]

    def overdue(self, node: TaskNode) -> bool:
        return bool(node.deadline_date) and node.deadline_date < self.today \
            and node.status != "done" and node.deadline_kind != "ongoing"

    def data(self, index: QModelIndex, role=_DISPLAY):
        node = self._nodes.get(index.internalId())
        if node is None or node is self.root:
            return None
        return self.cell(node, index.column(), role)

    def cell(self, node: TaskNode, col: int, role: int):
        """What ``data()`` answers for ``node``'s cell in column ``col`` (the tree view's
        own model, ``tree_mirror``, answers from here too)."""
        if role == _DISPLAY or role == _EDIT_ROLE:
            if col == NUMBER:
                return node.number
            if col == TITLE:
                return node.title
            if col == LEAD:
                return "、".join(node.names("lead") or node.names("responsible"))
            if col == SUPPORT:
                return "、".join(node.names("support", "guide"))
            if col == DEADLINE:
                return node.deadline_text
            if col == STATUS:   # the clerk's own status, else what was reported last
                return status_label(node.status) if node.status else \
                    self.reported_text.get(node.id, "")
            return None
        if role < UuidRole:
            if role == _FONT:
                if node.parent is self.root and col <= TITLE:
                    return self._bold
                return None
            if role == _FOREGROUND:
                if col == DEADLINE and self.overdue(node):
                    return self._overdue
                return None
            if role == _TOOLTIP:
                return self._tooltip(node, col)
            return None
        if role == UuidRole:
            return node.uuid
        if role == NodeRole:
            return node
        if role == OverdueRole:
            return self.overdue(node)
        return None

    def _tooltip(self, node: TaskNode, col: int) -> str | None:
        if col in (NUMBER, TITLE):
            text = node.text if len(node.text) <= 300 else node.text[:300] + "…"
            return f"{node.number}{node.title}\n{text}".strip()
        if col in (LEAD, SUPPORT):
            lines = []
            for role in ("lead", "support", "responsible", "guide"):
                names = node.names(role)
                if names:
                    lines.append(f"{role_label(role)}：{'、'.join(names)}")
            return "\n".join(lines) or None
        if col == DEADLINE and node.deadline_text:
            parts = [deadline_kind_label(node.deadline_kind), node.deadline_date or ""]
            tip = " ".join(p for p in parts if p)
            if self.overdue(node):
                tip += "\n" + self.tr("The deadline has passed")
            return tip or None
        return None

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.EditRole or not self.writable:
            return False
        col = index.column()
        text = str(value if value is not None else "").strip()
        if col == TITLE:
            if text == node.title:
                return True
            return self.session.edit(self.ws.edit_task, node.uuid, title=text) is not None
        if col == DEADLINE:
            if text == node.deadline_text:
                return True
            return self.session.edit(self.ws.edit_task, node.uuid, deadline=text) is not None
        return False

