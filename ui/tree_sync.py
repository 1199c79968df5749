"""How the task tree follows the store: after every operation, undo or redo the plan is
read again (one query for the tasks, one for the assignments when they changed) and the
tree is reconciled with it — rows inserted, moved (``beginMoveRows``) or removed where
they differ, ``dataChanged`` for changed fields and numbers — so expansion and selection
survive, and a view never sees a reset for an edit.

Mixed into ``TaskTreeModel``, which owns the nodes (``_nodes``, ``_by_uuid``, ``root``).
"""
from __future__ import annotations

from models.numbering import number_tree

ROOT_ID = 0
_TASK_SQL = ("SELECT id, parent_id, uuid, title, text, label_style, deadline_text, "
             "deadline_date, deadline_kind, status FROM tasks WHERE plan_id=? "
             "ORDER BY parent_id, position")
_ROLES_SQL = ("SELECT a.task_id, a.role, a.department_id, d.name FROM assignments a "
              "JOIN tasks t ON t.id=a.task_id JOIN departments d ON d.id=a.department_id "
              "WHERE t.plan_id=? ORDER BY a.task_id, a.position, a.id")
_LABEL_STYLE = 3          # index of label_style in a node's vals (see tree_model.FIELDS)


class TreeSync:
    """Reading the plan and reconciling the tree with it (see the module's docstring)."""

    def _read_roles(self) -> dict[int, tuple]:
        by_task: dict[int, list] = {}
        for task_id, role, dep_id, name in self.ws.all(_ROLES_SQL, (self.plan_id,)):
            by_task.setdefault(task_id, []).append((role, dep_id, name))
        return {i: tuple(r) for i, r in by_task.items()}

    def _read(self, roles: bool):
        """({parent id: [child ids]}, {id: vals}) from the store (roles reused unless asked)."""
        if roles:
            role_of = self._read_roles().get
        else:
            nodes = self._nodes
            role_of = lambda i, default: nodes[i].roles if i in nodes else default  # noqa: E731
        kids: dict[int, list[int]] = {}
        data: dict[int, tuple] = {}
        for r in self.ws.all(_TASK_SQL, (self.plan_id,)):
            i = r[0]
            kids.setdefault(r[1] or ROOT_ID, []).append(i)
            data[i] = (r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], role_of(i, ()))
        return kids, data

    # ---- change notification -------------------------------------------------------
    def _on_change(self, change) -> None:
        if self.plan_id is None:
            return
        tables = change.tables
        relabel = False
        if "plans" in tables:
            row = self.ws.one("SELECT uuid, settings FROM plans WHERE id=?", (self.plan_id,))
            if row is None:
                self.set_plan(None)
                return
            continuous = bool(self.ws.plan(row[0]).settings.get("continuous_level3"))
            relabel = continuous != self.continuous
            self.continuous = continuous
        reload_tasks = "tasks" in tables
        reload_roles = bool(tables & {"assignments", "departments"})
        if reload_tasks or reload_roles or relabel:
            self._sync(reload_tasks, reload_roles, relabel)

    def _sync(self, reload_tasks: bool, reload_roles: bool, relabel: bool = False) -> None:
        """Make the tree equal to the store's, with the fewest structural signals."""
        nodes = self._nodes
        count = len(nodes)
        self._structure_changed = False
        changed: list[TaskNode] = []
        if not reload_tasks:
            if reload_roles:    # assignments only: the tree's shape and text are as they were
                roles = self._read_roles()
                for i, node in nodes.items():
                    new = roles.get(i, ())
                    if i != ROOT_ID and new != node.roles:
                        node.set_values(node.vals[:-1] + (new,))
                        changed.append(node)
        else:
            changed, restyled = self._sync_tasks(reload_roles)
            relabel = relabel or restyled
        structure = self._structure_changed or len(nodes) != count
        # Numbers change only with the tree's shape or a numbering style.
        if relabel or structure:
            changed += self._renumber_labels()
        self._emit_changed(changed)
        self.synced.emit(None if structure else frozenset(n.id for n in changed))

    def _sync_tasks(self, reload_roles: bool) -> tuple[list[TaskNode], bool]:
        """Reconcile the tree with the store's tasks: (nodes whose data changed, whether a
        numbering style changed)."""
        kids, data = self._read(reload_roles)
        nodes = self._nodes
        # 1. Insert and move, parents before children: when a parent is visited it is
        #    already in its final place, so a move never goes into its own subtree.
        where = {cid: (pid, k) for pid, cs in kids.items() for k, cid in enumerate(cs)}
        stack = [self.root]
        while stack:
            p = stack.pop()
            target = kids.get(p.id, ())
            ch = p.children
            if len(ch) != len(target) or any(c.id != t for c, t in zip(ch, target)):
                for i, cid in enumerate(target):
                    self._place(p, i, cid, kids, data, where)
            stack.extend(p.children[:len(target)])
        # 2. What is left at the end of a child list is gone from the store.
        gone = [n for i, n in nodes.items() if i != ROOT_ID and i not in data]
        gone_ids = {n.id for n in gone}
        for n in gone:
            p = n.parent
            if p is None or p.id in gone_ids:
                continue   # removed already, or goes with its parent
            first = len(kids.get(p.id, ()))
            if first < len(p.children):
                self.beginRemoveRows(self.index_of_node(p), first, len(p.children) - 1)
                del p.children[first:]
                self.endRemoveRows()
        for n in gone:
            del nodes[n.id]
            if self._by_uuid.get(n.uuid) is n:
                del self._by_uuid[n.uuid]
        # 3. Field changes.
        changed = []
        relabel = False
        style = _LABEL_STYLE
        for i, vals in data.items():
            node = nodes[i]
            if node.vals != vals:
                if node.uuid != vals[0]:
                    self._by_uuid.pop(node.uuid, None)
                    self._by_uuid[vals[0]] = node
                relabel = relabel or node.label_style != vals[style]
                node.set_values(vals)
                changed.append(node)
        return changed, relabel

    def _emit_changed(self, nodes: list[TaskNode]) -> None:
        """dataChanged for the rows of ``nodes``, one signal per run of adjacent rows."""
        dirty: dict[TaskNode, set[int]] = {}
        for node in nodes:
            dirty.setdefault(node.parent, set()).add(node.row)
        last = self.columnCount() - 1
        for p, rows in dirty.items():
            rows = sorted(rows)
            start = prev = rows[0]
            for r in rows[1:] + [None]:
                if r is not None and r == prev + 1:
                    prev = r
                    continue
                self.dataChanged.emit(self.index(start, 0, self.index_of_node(p)),
                                      self.index(prev, last, self.index_of_node(p)))
                if r is not None:
                    start = prev = r

    def _place(self, p: TaskNode, i: int, cid: int, kids: dict, data: dict, where: dict) -> None:
        """Make task ``cid`` the i-th child of ``p``, moving as few rows as it can.

        A row that is in the way and leaves ``p`` goes straight to its new parent (or away,
        when it and its subtree were deleted): an indent or a delete is one signal, not one
        per following sibling.
        """
        nodes = self._nodes
        while True:
            ch = p.children
            if i < len(ch) and ch[i].id == cid:
                return
            cur = ch[i] if i < len(ch) else None
            if cur is not None and where.get(cur.id, (None,))[0] != p.id:
                dest_id, pos = where.get(cur.id, (None, 0))
                dest = nodes.get(dest_id) if cur.id in where else None
                if dest is not None and dest is not cur and not cur.is_ancestor_of(dest):
                    self._move(cur, dest, min(pos, len(dest.children)))
                    continue
                if cur.id not in where and not any(d.id in data for d in _descendants(cur)):
                    self._structure_changed = True
                    self.beginRemoveRows(self.index_of_node(p), i, i)
                    del p.children[i]
                    self._renumber_rows(p, i)
                    cur.parent = None
                    self.endRemoveRows()
                    continue
            node = nodes.get(cid)
            if node is None:
                self._insert(p, i, cid, kids, data)
            else:
                self._move(node, p, i)
            return

    def _insert(self, p: TaskNode, i: int, cid: int, kids: dict, data: dict) -> None:
        self._structure_changed = True
        self.beginInsertRows(self.index_of_node(p), i, i)
        node = self._new_node(cid, p, data[cid])
        self._build_children(node, kids, data)
        p.children.insert(i, node)
        self._renumber_rows(p, i)
        self.endInsertRows()

    def _move(self, node: TaskNode, p: TaskNode, i: int) -> None:
        self._structure_changed = True
        old, r = node.parent, node.row
        ok = self.beginMoveRows(self.index_of_node(old), r, r, self.index_of_node(p), i)
        if not ok:   # cannot happen when visiting parents first; never corrupt the view
            raise RuntimeError(f"invalid move of {node} to {p} at {i}")
        del old.children[r]
        self._renumber_rows(old, r)
        node.parent = p
        p.children.insert(i, node)
        self._renumber_rows(p, i)
        self.endMoveRows()

    @staticmethod
    def _renumber_rows(p: TaskNode, start: int) -> None:
        ch = p.children
        for r in range(start, len(ch)):
            ch[r].row = r

    def _renumber_labels(self) -> list[TaskNode]:
        """Recompute the official numbers; returns the nodes whose number changed."""
        labels = number_tree(self.root.children, lambda n: n.children,
                             lambda n: n.label_style, self.continuous)
        changed = []
        for node, label in labels.items():
            if node.number != label:
                node.number = label
                changed.append(node)
        return changed


def _descendants(node):
    stack = list(node.children)
    while stack:
        n = stack.pop()
        yield n
        stack.extend(n.children)
