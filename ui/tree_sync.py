"""How the task tree follows the store: rows inserted, moved (``beginMoveRows``) or
removed where they differ, ``dataChanged`` for changed fields and numbers — so expansion
and selection survive, and a view never sees a reset for an edit.

Two ways, the same result:

* targeted (``_sync_rows``), for an ordinary edit, undo or redo: the change notification
  names the rows it wrote (``Change.rows``), so only those tasks are read again, plus the
  child lists of the parents that gained, lost or reordered children (the old parent from
  the tree, the new one from the store); only those sibling lists are reconciled, only
  their numbers (and those of subtrees that changed depth) recomputed, and ``dataChanged``
  goes to exactly the rows that differ. Assignments are mapped to their tasks (the
  deleted ones through the assignment → task map the model keeps).
* full (``_sync``), for big changes (more than ``BIG_CHANGE`` rows, a plan or the
  department registry changed, a numbering setting toggled) or whenever the targeted
  reading finds the tree out of step with the store: the whole plan is read again (one
  query for the tasks, one for the assignments) and the whole tree reconciled with it.

Mixed into ``TaskTreeModel``, which owns the nodes (``_nodes``, ``_by_uuid``, ``root``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.numbering import label as _label
from models.numbering import number_tree, scheme_of
from models import read_tree

if TYPE_CHECKING:
    from .tree_model import TaskNode

ROOT_ID = 0
BIG_CHANGE = 500          # rows written above which the whole plan is read again
_LABEL_STYLE = 3          # index of label_style in a node's vals (see tree_model.FIELDS)


class _Alive:
    """``id in alive``: the task exists after the change — written and still in the plan,
    or not written and already in the tree."""
    __slots__ = ("present", "written", "nodes")

    def __init__(self, present, written, nodes):
        self.present, self.written, self.nodes = present, written, nodes

    def __contains__(self, i) -> bool:
        return i in self.present or (i in self.nodes and i not in self.written and i != ROOT_ID)


class TreeSync:
    """Reading the plan and reconciling the tree with it (see the module's docstring)."""

    def _read_roles(self) -> dict[int, tuple]:
        """{task id: roles} of the plan; also refreshes the assignment → task map."""
        by_task: dict[int, list] = {}
        owner: dict[int, int] = {}
        for task_id, role, dep_id, name, assignment_id in read_tree.plan_roles(self.ws, self.plan_id):
            by_task.setdefault(task_id, []).append((role, dep_id, name))
            owner[assignment_id] = task_id
        self._assignment_task = owner
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
        for r in read_tree.plan_tasks(self.ws, self.plan_id):
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
            uuid = read_tree.plan_uuid(self.ws, self.plan_id)
            if uuid is None:
                self.set_plan(None)
                return
            continuous = bool(self.ws.plan(uuid).settings.get("continuous_level3"))
            relabel = continuous != self.continuous
            self.continuous = continuous
        reload_tasks = "tasks" in tables
        reload_roles = bool(tables & {"assignments", "departments"})
        if not (reload_tasks or reload_roles or relabel):
            return
        if not tables & {"plans", "departments"} and self._sync_rows(change):
            return
        self._sync(reload_tasks, reload_roles, relabel)

    # ---- the targeted path -----------------------------------------------------------
    def _sync_rows(self, change) -> bool:
        """Follow an edit from the rows it wrote; False when the full path must do it
        (a big change, or the tree is not what the store's rows say it was): nothing has
        been signalled then."""
        rows = change.rows or {}
        tables = change.tables
        if any(t in tables and t not in rows for t in ("tasks", "assignments")):
            return False
        task_ids = rows.get("tasks", frozenset()) if "tasks" in tables else frozenset()
        assignment_ids = rows.get("assignments", frozenset()) if "assignments" in tables \
            else frozenset()
        if len(task_ids) + len(assignment_ids) > BIG_CHANGE:
            return False
        plan = self._read_rows(task_ids, assignment_ids)
        if plan is None:
            return False
        self._apply_rows(*plan)
        return True

    def _read_rows(self, task_ids, assignment_ids):
        """Everything the targeted path needs, read and checked before any signal:
        (vals of the written tasks, new roles, dirty parents in top-down order, their
        child lists, the written tasks that are gone, alive); None to fall back."""
        ws, nodes, plan_id = self.ws, self._nodes, self.plan_id
        present: dict[int, tuple] = {}     # written and in the plan: (parent, position, fields)
        if task_ids:
            for r in read_tree.tasks_by_id(ws, task_ids):
                if r[3] == plan_id:
                    present[r[0]] = (r[1] or ROOT_ID, r[2], tuple(r[4:]))
        alive = _Alive(present, task_ids, nodes)

        # Roles: the tasks whose assignments were written (deleted ones through the map;
        # should this path give up below, the full one reads all roles and rebuilds it).
        role_tasks: set[int] = set()
        if assignment_ids:
            owner = self._assignment_task
            for a in assignment_ids:
                t = owner.pop(a, None)
                if t is not None:
                    role_tasks.add(t)
            for a, t in read_tree.assignment_tasks(ws, assignment_ids):
                if t in alive:
                    owner[a] = t
                    role_tasks.add(t)
        role_tasks = {t for t in role_tasks if t in alive}
        new_roles: dict[int, tuple] = {}
        if role_tasks:
            ids = list(role_tasks)
            by_task: dict[int, list] = {t: [] for t in ids}
            for t, role, dep, name in read_tree.task_roles(ws, ids):
                by_task[t].append((role, dep, name))
            new_roles = {t: tuple(r) for t, r in by_task.items()}

        # The parents whose child lists change: a task came, went, moved or was reordered.
        dirty: set[int] = set()
        moved: list[int] = []                 # tasks of the tree that change parent
        for i, (p, pos, _f) in present.items():
            node = nodes.get(i)
            if node is None:
                if p != ROOT_ID and p not in alive:
                    return None
                dirty.add(p)
                dirty.add(i)          # a new task: its children (if any) come with it
            elif node.parent.id != p:
                if p != ROOT_ID and p not in alive:
                    return None
                dirty.add(p)
                dirty.add(node.parent.id)
                moved.append(i)
            elif node.row != pos:
                dirty.add(p)
        gone = [nodes[i] for i in task_ids if i in nodes and i not in present]
        for n in gone:
            dirty.add(n.parent.id)
        dirty = {p for p in dirty if p == ROOT_ID or p in alive}

        kids: dict[int, list[int]] = {p: [] for p in dirty}
        ids = [p for p in dirty if p != ROOT_ID]
        if ids:
            for cid, pid in read_tree.children(ws, plan_id, ids):
                kids[pid].append(cid)
        if ROOT_ID in dirty:
            kids[ROOT_ID] = read_tree.top_tasks(ws, plan_id)
        # Every child listed must be known, and where the tree or the rows say it is.
        for pid, cs in kids.items():
            for cid in cs:
                if cid in present:
                    if present[cid][0] != pid:
                        return None
                elif cid not in alive or nodes[cid].parent.id != pid:
                    return None
            # … and a child that leaves the list must have been written (moved or deleted).
            p = nodes.get(pid)
            if p is not None and len(p.children) > len(cs):
                listed = set(cs)
                if any(c.id not in listed and c.id not in task_ids for c in p.children):
                    return None

        def final_parent(i):
            return present[i][0] if i in present else nodes[i].parent.id

        limit = len(nodes) + len(present) + 1
        depth: dict[int, int] = {}
        for p in dirty:
            d, i = 0, p
            while i != ROOT_ID:
                i = final_parent(i)
                d += 1
                if d > limit:
                    return None          # a cycle: cannot be, but never loop forever
            depth[p] = d
        order = sorted(dirty, key=depth.__getitem__)
        data = {}
        for i, (_p, _pos, fields) in present.items():
            node = nodes.get(i)
            roles = new_roles[i] if i in new_roles else (node.roles if node is not None else ())
            data[i] = fields + (roles,)
        return data, new_roles, order, kids, gone, alive, moved

    def _apply_rows(self, data, new_roles, order, kids, gone, alive, moved) -> None:
        nodes = self._nodes
        count = len(nodes)
        self._structure_changed = False
        new_ids = [i for i in data if i not in nodes]
        moved = [nodes[i] for i in moved]
        old_depth = {n.id: n.depth for n in moved}
        # 1. Insert and move, parents before children (see _sync_tasks).
        where = {cid: (pid, k) for pid, cs in kids.items() for k, cid in enumerate(cs)}
        for pid in order:
            p = nodes[pid]
            target = kids[pid]
            ch = p.children
            if len(ch) != len(target) or any(c.id != t for c, t in zip(ch, target)):
                for i, cid in enumerate(target):
                    self._place(p, i, cid, kids, data, where, alive)
        # 2. What is left at the end of a dirty child list is gone from the store.
        for pid in order:
            p = nodes[pid]
            first = len(kids[pid])
            if first < len(p.children):
                self._structure_changed = True
                self.beginRemoveRows(self.index_of_node(p), first, len(p.children) - 1)
                for n in p.children[first:]:
                    n.parent = None
                del p.children[first:]
                self.endRemoveRows()
        for n in gone:
            for d in (n, *_descendants(n)):
                if nodes.get(d.id) is d and d.id not in alive:
                    del nodes[d.id]
                    if self._by_uuid.get(d.uuid) is d:
                        del self._by_uuid[d.uuid]
        # 3. Field changes, roles included.
        changed: list = []
        restyled: list = []
        for i, vals in data.items():
            node = nodes[i]
            if node.vals != vals:
                if node.uuid != vals[0]:
                    self._by_uuid.pop(node.uuid, None)
                    self._by_uuid[vals[0]] = node
                if node.label_style != vals[_LABEL_STYLE]:
                    restyled.append(node)
                node.set_values(vals)
                changed.append(node)
        for i, roles in new_roles.items():
            node = nodes.get(i)
            if i not in data and node is not None and node.roles != roles:
                node.set_values(node.vals[:-1] + (roles,))
                changed.append(node)
        # 4. Numbers, where they can change.
        structure = self._structure_changed or len(nodes) != count
        if self.continuous:
            # The "1." counter runs across the plan: everything after the change point.
            if structure or restyled:
                changed += self._renumber_labels()
        elif structure or restyled:
            lists = {pid: nodes[pid] for pid in order}
            for n in restyled:
                lists[n.parent.id] = n.parent
            deep = [nodes[i] for i in new_ids]
            deep += [n for n in moved if n.depth != old_depth[n.id]]
            for n in deep:
                lists[n.id] = n
                for d in _descendants(n):
                    lists[d.id] = d
            for p in lists.values():
                self._label_children(p, changed)
        self._emit_changed(changed)
        self.synced.emit(None if structure else frozenset(n.id for n in changed))

    @staticmethod
    def _label_children(p: TaskNode, changed: list) -> None:
        """Number ``p``'s children as number_tree does (counters per scheme among
        siblings), appending those whose number changed to ``changed``."""
        depth = p.depth + 1
        counters: dict[str, int] = {}
        for node in p.children:
            scheme = scheme_of(depth, node.label_style)
            if scheme == "dash":
                text = "——"
            elif scheme == "none":
                text = ""
            else:
                n = counters[scheme] = counters.get(scheme, 0) + 1
                text = _label(int(scheme), n)
            if node.number != text:
                node.number = text
                changed.append(node)

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

    def _place(self, p: TaskNode, i: int, cid: int, kids: dict, data: dict, where: dict,
               alive=None) -> None:
        """Make task ``cid`` the i-th child of ``p``, moving as few rows as it can.

        A row that is in the way and leaves ``p`` goes straight to its new parent (or away,
        when it and its subtree were deleted): an indent or a delete is one signal, not one
        per following sibling. ``alive`` (default: ``data``) holds every task that exists.
        """
        nodes = self._nodes
        if alive is None:
            alive = data
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
                if _gone(cur, where, alive):
                    # The deleted rows that follow go in the same signal: one per row made
                    # the view re-read its selection each time (30 s for 550 pasted rows).
                    j = i + 1
                    while j < len(ch) and _gone(ch[j], where, alive):
                        j += 1
                    self._structure_changed = True
                    self.beginRemoveRows(self.index_of_node(p), i, j - 1)
                    removed = p.children[i:j]
                    del p.children[i:j]
                    self._renumber_rows(p, i)
                    for n in removed:
                        n.parent = None
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


def _gone(node, where: dict, alive) -> bool:
    """The task and all of its subtree were deleted (none of them is placed anywhere)."""
    return node.id not in where and not any(d.id in alive for d in _descendants(node))
