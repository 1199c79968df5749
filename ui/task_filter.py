"""Search and filter of the breakdown: which tasks to show, and a proxy that shows them
(the breakdown's tree reads ``filtered_rows``, built from the proxy's ``accepted``).

Matching happens in memory on the tree model's nodes (substring search, so one or two
Chinese characters work — full-text tokenizers don't split Chinese). A task is shown when
it matches or one of its descendants does, so the clerk sees every match with its section
headings.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from .qt_compat import rows_filter_change
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
        return self.matcher()(node)

    def matcher(self):
        """``matches`` as a function with the criteria worked out once (10,000 calls)."""
        words = self.keyword.casefold().split()
        dep_id, role, status, overdue, today = (self.department_id, self.role, self.status,
                                                self.overdue, self.today)
        by_department = dep_id is not ANY or role is not ANY

        def match(node: TaskNode) -> bool:
            if words:
                hay = search_text(node)
                for w in words:
                    if w not in hay:
                        return False
            if by_department:
                if not any((dep_id is ANY or dep == dep_id) and (role is ANY or r == role)
                           for r, dep, _n in node.roles):
                    return False
            if status is not ANY and node.status != status:
                return False
            if overdue and not (node.deadline_date and node.deadline_date < today
                                and node.status != "done" and node.deadline_kind != "ongoing"):
                return False
            return True
        return match


def search_text(node: TaskNode) -> str:
    """What a keyword is looked for in: number, title, text, deadline and department names,
    case-folded; kept on the node until its values or its number change."""
    cached = node.search
    if cached is not None and cached[0] is node.vals and cached[1] is node.number:
        return cached[2]
    hay = " ".join((node.number, node.title, node.text, node.deadline_text,
                    *(name for _r, _d, name in node.roles))).casefold()
    node.search = (node.vals, node.number, hay)
    return hay


class TaskFilterProxy(QSortFilterProxyModel):
    """Shows the tasks that match a ``TaskFilter`` and their ancestors.

    Matches are found in one pass over the tree model's nodes (kept as a set of ids with
    their ancestors), so the proxy never recurses into subtrees itself and
    ``filterAcceptsRow`` is a set lookup. When the tree model follows an edit that changed
    only some tasks' data, only those are matched again; after a change of the tree's
    shape everything is.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.criteria = TaskFilter()
        self.pinned: set[str] = set()    # uuids always shown (a task the clerk just added)
        self._model: TaskTreeModel | None = None
        self._active = False
        self._match = None
        self._matched: set[int] = set()   # ids of the tasks that match (or are pinned)
        self._accepted: set[int] = set()  # … and their ancestors
        self.matches = 0
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model) -> None:
        old = self.sourceModel()
        if old is not None:
            old.synced.disconnect(self._refilter)
        self._model = model
        if model is not None:
            self._recompute()     # before the proxy first asks filterAcceptsRow
        super().setSourceModel(model)
        if model is not None:
            model.synced.connect(self._refilter)

    def set_filter(self, criteria: TaskFilter) -> None:
        if criteria == self.criteria:
            return
        with rows_filter_change(self):
            self.criteria = criteria
            self.pinned.clear()
            self._recompute()

    def pin(self, uuid: str) -> None:
        if self.criteria.active:
            self.pinned.add(uuid)

    def _refilter(self, changed=None) -> None:
        """After the tree model followed a change: ``changed`` is None when its shape
        changed, else the ids of the tasks whose data changed."""
        if not self._active:
            return
        if changed is not None and self._model is not None:
            matched = set(self._matched)
            match, pinned, nodes = self._match, self.pinned, self._model._nodes
            for i in changed:
                node = nodes.get(i)
                if node is not None and (match(node) or node.uuid in pinned):
                    matched.add(i)
                else:
                    matched.discard(i)
            if matched == self._matched:
                return            # nothing shown or hidden: the rows' dataChanged did it
        with rows_filter_change(self):
            self._recompute()

    def _recompute(self) -> None:
        model: TaskTreeModel | None = self._model
        self._active = self.criteria.active
        accepted: set[int] = set()
        matched: set[int] = set()
        if model is not None and self._active:
            self._match = match = self.criteria.matcher()
            pinned = self.pinned
            for node in model.all_nodes():
                if match(node) or (pinned and node.uuid in pinned):
                    matched.add(node.id)
            for i in matched:
                n = model._nodes[i]
                while n.parent is not None and n.id not in accepted:
                    accepted.add(n.id)
                    n = n.parent
        self._matched = matched
        self._accepted = accepted
        self.matches = len(matched)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self._active:
            return True
        p = self._model._nodes.get(source_parent.internalId())   # the root for no parent
        if p is None:
            return False
        children = p.children
        return source_row < len(children) and children[source_row].id in self._accepted

    @property
    def accepted(self) -> set[int]:
        """The ids of the tasks shown: the matches (and pinned tasks) and their ancestors."""
        return self._accepted

    def match_count(self) -> int:
        """How many tasks match themselves (not counting headings shown for context)."""
        model: TaskTreeModel = self.sourceModel()
        if model is None:
            return 0
        return self.matches if self.criteria.active else model.task_count()
