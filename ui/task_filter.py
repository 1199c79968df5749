"""Search and filter of the breakdown: which tasks to show, and a proxy that shows them.

Matching happens in memory on the tree model's nodes (substring search, so one or two
Chinese characters work — full-text tokenizers don't split Chinese). A task is shown when
it matches or one of its descendants does, so the clerk sees every match with its section
headings.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from .tree_model import TaskNode, TaskTreeModel

ANY = None
UNSET_STATUS = ""      # "no status reported"


@dataclass(frozen=True)
class TaskFilter:
    keyword: str = ""
    department_id: int | None = ANY
    role: str | None = ANY                 # lead / support / responsible / guide
    status: str | None = ANY               # not_started / in_progress / done / "" (unset)
    overdue: bool = False
    today: str = field(default_factory=lambda: _dt.date.today().isoformat())

    @property
    def active(self) -> bool:
        return bool(self.keyword.strip()) or self.department_id is not ANY or \
            self.role is not ANY or self.status is not ANY or self.overdue

    def matches(self, node: TaskNode) -> bool:
        words = self.keyword.casefold().split()
        if words:
            hay = " ".join((node.number, node.title, node.text, node.deadline_text,
                            *(name for _r, _d, name in node.roles))).casefold()
            if not all(w in hay for w in words):
                return False
        if self.department_id is not ANY or self.role is not ANY:
            if not any((self.department_id is ANY or dep == self.department_id) and
                       (self.role is ANY or role == self.role) for role, dep, _n in node.roles):
                return False
        if self.status is not ANY and node.status != self.status:
            return False
        if self.overdue and not (node.deadline_date and node.deadline_date < self.today
                                 and node.status != "done" and node.deadline_kind != "ongoing"):
            return False
        return True


class TaskFilterProxy(QSortFilterProxyModel):
    """Shows the tasks that match a ``TaskFilter`` and their ancestors.

    Matches are found in one pass over the tree model's nodes (kept as a set of ids with
    their ancestors), so the proxy never recurses into subtrees itself; the set is
    recomputed whenever the tree model follows a change.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.criteria = TaskFilter()
        self.pinned: set[str] = set()    # uuids always shown (a task the clerk just added)
        self._accepted: set[int] = set()
        self.matches = 0
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model) -> None:
        old = self.sourceModel()
        if old is not None:
            old.synced.disconnect(self._refilter)
        super().setSourceModel(model)
        if model is not None:
            model.synced.connect(self._refilter)
            self._recompute()

    def set_filter(self, criteria: TaskFilter) -> None:
        if criteria == self.criteria:
            return
        self.beginFilterChange()
        self.criteria = criteria
        self.pinned.clear()
        self._recompute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pin(self, uuid: str) -> None:
        if self.criteria.active:
            self.pinned.add(uuid)

    def _refilter(self) -> None:
        if self.criteria.active:
            self.beginFilterChange()
            self._recompute()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _recompute(self) -> None:
        model: TaskTreeModel = self.sourceModel()
        accepted: set[int] = set()
        self.matches = 0
        if model is not None and self.criteria.active:
            c, pinned = self.criteria, self.pinned
            for node in model.iter_nodes():
                if c.matches(node) or node.uuid in pinned:
                    self.matches += 1
                    n = node
                    while n is not None and n.id not in accepted and n.parent is not None:
                        accepted.add(n.id)
                        n = n.parent
        self._accepted = accepted

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.criteria.active:
            return True
        node = self.sourceModel().node_at(source_row, source_parent)
        return node is not None and node.id in self._accepted

    def match_count(self) -> int:
        """How many tasks match themselves (not counting headings shown for context)."""
        model: TaskTreeModel = self.sourceModel()
        if model is None:
            return 0
        return self.matches if self.criteria.active else model.task_count()
