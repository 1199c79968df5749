"""Drag-and-drop of tasks in the breakdown tree: reorder and re-parent through the store.

A drag carries the uuids of the top-most selected tasks. A drop moves them, in reading
order, before the sibling at the drop row (or to the end of the target), as ONE store
operation — one undo step — and the tree model follows the store's change notification.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt


if TYPE_CHECKING:
    from .tree_model import TaskNode

MIME_TYPE = "application/x-plandesk-task-uuids"


class TaskDragDrop:
    """Mixed into ``TaskTreeModel`` (which provides node lookups, ``ws`` and ``session``)."""

    def supportedDropActions(self):
        return Qt.MoveAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def top_nodes(self, indexes) -> list[TaskNode]:
        """The distinct nodes of ``indexes`` without those inside another, in reading order."""
        picked = {n.id: n for n in (self.node(i) for i in indexes) if n is not None}
        tops = [n for n in picked.values()
                if not any(a.id in picked for a in _ancestors(n))]
        order = {n.id: k for k, n in enumerate(self.iter_nodes())} if len(tops) > 1 else {}
        return sorted(tops, key=lambda n: order.get(n.id, 0))

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        uuids = [n.uuid for n in self.top_nodes(indexes)]
        data.setData(MIME_TYPE, QByteArray("\n".join(uuids).encode("utf-8")))
        return data

    def _dropped(self, data: QMimeData) -> list[TaskNode]:
        if data is None or not data.hasFormat(MIME_TYPE):
            return []
        text = bytes(data.data(MIME_TYPE)).decode("utf-8")
        return [n for n in (self._by_uuid.get(u) for u in text.split("\n") if u) if n]

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.writable or action not in (Qt.MoveAction, Qt.IgnoreAction):
            return False
        moving = self._dropped(data)
        if not moving:
            return False
        target = self.node(parent) if parent.isValid() else self.root
        if target is None:
            return False
        return not any(n is target or n.is_ancestor_of(target) for n in moving)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moving = self._dropped(data)
        target = self.node(parent) if parent.isValid() else self.root
        ids = {n.id for n in moving}
        anchor = None   # the sibling the moved tasks go before; None = at the end
        if 0 <= row < len(target.children):
            anchor = next((c for c in target.children[row:] if c.id not in ids), None)
        if len(moving) == 1:
            n = moving[0]
            if n.parent is target and (anchor is None and n is target.children[-1]
                                       or anchor is not None and anchor.row == n.row + 1):
                return True   # dropped where it already is
        target_uuid = None if target is self.root else target.uuid
        # One undo step, written at once; a single task keeps the store's own label.
        return self.session.edit(self.ws.move_tasks, [n.uuid for n in moving], target_uuid,
                                 anchor.uuid if anchor is not None else None) is not None

    # Qt's views call removeRows() after a successful move-drop; the store already moved
    # the tasks, so there is nothing to remove.
    def removeRows(self, row, count, parent=QModelIndex()) -> bool:
        return False


def _ancestors(node):
    n = node.parent
    while n is not None and n.parent is not None:
        yield n
        n = n.parent
