"""Moving many tasks at once: the same moves as ``TaskOps`` one by one, done on the sibling
lists in memory and written once.

Moving tasks one at a time shifts every later sibling for each of them: dragging 100 of
1,000 siblings rewrote some 100,000 rows (each one also an undo row) and took seconds.
Here each affected list of siblings is read once, every move is applied to the lists in
the order the clerk gave, and only the tasks whose parent or position changed are
written, in one statement, as one undo step. The result is exactly what the single moves
give one after another (a property test holds the two side by side), including which move
is refused and why.
"""
from __future__ import annotations

from .entities import short_title as _short
from .errors import InvalidEdit
from .messages import Message, msg


class _Siblings:
    """The sibling lists of one plan, loaded as they are touched."""

    def __init__(self, ws, plan_id: int) -> None:
        self.ws, self.plan_id = ws, plan_id
        self.kids: dict[int | None, list[int]] = {}
        self.parent: dict[int, int | None] = {}
        self.was: dict[int, tuple[int | None, int]] = {}

    def of(self, parent_id: int | None) -> list[int]:
        if parent_id not in self.kids:
            rows = self.ws.all("SELECT id, position FROM tasks WHERE plan_id=? AND parent_id IS ? "
                               "ORDER BY position", (self.plan_id, parent_id))
            self.kids[parent_id] = [r[0] for r in rows]
            for r in rows:
                self.parent[r[0]] = parent_id
                self.was[r[0]] = (parent_id, r[1])
        return self.kids[parent_id]

    def parent_of(self, task_id: int) -> int | None:
        if task_id not in self.parent:
            row = self.ws.one("SELECT parent_id FROM tasks WHERE id=?", (task_id,))
            self.of(row[0])
        return self.parent[task_id]

    def move(self, task_id: int, parent_id: int | None, index: int | None) -> None:
        """``move_task``'s rule: out of its list, into ``parent_id``'s at ``index``
        (None or past the end: last)."""
        self.of(self.parent_of(task_id)).remove(task_id)
        target = self.of(parent_id)
        if index is None or index > len(target):
            index = len(target)
        target.insert(index, task_id)
        self.parent[task_id] = parent_id

    def changed(self) -> list[tuple[int | None, int, int]]:
        """(parent id, position, task id) of every task not where it was."""
        return [(p, k, t) for p, ids in self.kids.items() for k, t in enumerate(ids)
                if self.was.get(t) != (p, k)]


class RearrangeOps:
    """Mixed into ``Workspace`` beside ``TaskOps``."""

    def move_tasks(self, task_uuids, new_parent, before=None, label: Message | None = None) -> int:
        """Move the tasks, in the order given, under ``new_parent`` (uuid/None), just before
        its child ``before`` (uuid, not one of them) or at the end. Like every method here,
        returns how many tasks were written (0: all already where asked)."""
        tasks = [self.task(u) for u in dict.fromkeys(task_uuids)]
        if not tasks:
            return 0
        plan_id = tasks[0].plan_id
        parent = self.task(new_parent) if new_parent is not None else None
        anchor = self.task(before) if before is not None else None
        s = _Siblings(self, plan_id)
        moving = {t.id for t in tasks}
        if parent is not None:
            if parent.plan_id != plan_id:
                raise InvalidEdit("store.edit.move_other_plan")
            a: int | None = parent.id
            while a is not None:           # no cycles: not into a moved task's own subtree
                if a in moving:
                    raise InvalidEdit("store.edit.move_into_own")
                a = s.parent_of(a)
        parent_id = parent.id if parent is not None else None
        if any(t.plan_id != plan_id for t in tasks) or anchor is not None and (
                anchor.id in moving or anchor.parent_id != parent_id):
            raise InvalidEdit("store.edit.move_other_plan")
        for t in tasks:
            index: int | None = None
            if anchor is not None:
                index = s.of(parent_id).index(anchor.id)
                if s.parent_of(t.id) == parent_id and s.of(parent_id).index(t.id) < index:
                    index -= 1              # its own slot closes first
            s.move(t.id, parent_id, index)
        label = label or (msg("store.op.move_task", title=_short(tasks[0].title)) if len(tasks) == 1
                          else msg("store.op.move_tasks_n", n=len(tasks)))
        return self._write_moves(s, label)

    def indent_tasks(self, task_uuids) -> int:
        """``indent_task`` for each task in turn: the last child of its previous sibling."""
        def indent(s: _Siblings, t) -> None:
            mine = s.of(s.parent_of(t.id))
            k = mine.index(t.id)
            if k == 0:
                raise InvalidEdit("store.edit.first_cannot_indent")
            s.move(t.id, mine[k - 1], None)
        return self._each_move(task_uuids, indent, "store.op.indent", "store.op.indent_n")

    def outdent_tasks(self, task_uuids) -> int:
        """``outdent_task`` for each task in turn: the next sibling of its parent."""
        def outdent(s: _Siblings, t) -> None:
            p = s.parent_of(t.id)
            if p is None:
                raise InvalidEdit("store.edit.already_top")
            grand = s.parent_of(p)
            s.move(t.id, grand, s.of(grand).index(p) + 1)
        return self._each_move(task_uuids, outdent, "store.op.outdent", "store.op.outdent_n")

    def move_up_tasks(self, task_uuids) -> int:
        def up(s: _Siblings, t) -> None:
            p = s.parent_of(t.id)
            k = s.of(p).index(t.id)
            if k == 0:
                raise InvalidEdit("store.edit.already_first")
            s.move(t.id, p, k - 1)
        return self._each_move(task_uuids, up, "store.op.move_up", "store.op.move_up_n")

    def move_down_tasks(self, task_uuids) -> int:
        def down(s: _Siblings, t) -> None:
            p = s.parent_of(t.id)
            mine = s.of(p)
            k = mine.index(t.id)
            if k >= len(mine) - 1:
                raise InvalidEdit("store.edit.already_last")
            s.move(t.id, p, k + 1)
        return self._each_move(task_uuids, down, "store.op.move_down", "store.op.move_down_n")

    def _each_move(self, task_uuids, move, one: str, many: str) -> int:
        tasks = [self.task(u) for u in task_uuids]
        if not tasks:
            return 0
        if any(t.plan_id != tasks[0].plan_id for t in tasks):
            raise InvalidEdit("store.edit.move_other_plan")
        s = _Siblings(self, tasks[0].plan_id)
        for t in tasks:
            move(s, t)
        label = msg(one, title=_short(tasks[0].title)) if len(tasks) == 1 else msg(many, n=len(tasks))
        return self._write_moves(s, label)

    def _write_moves(self, s: _Siblings, label: Message) -> int:
        rows = s.changed()
        if rows:
            with self.operation(label):
                self.conn.executemany("UPDATE tasks SET parent_id=?, position=? WHERE id=?", rows)
        return len(rows)
