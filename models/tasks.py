"""The task tree: add, edit, move, indent, outdent, delete (subtrees).

Positions among siblings are always 0..n-1. Every method is one operation (one commit,
one undo step); call them inside ``operation()`` to group several into one step.
"""
from __future__ import annotations

from .deadline import parse_deadline
from .entities import short_title as _short, STATUSES, Task
from .errors import InvalidEdit, NotFound
from .messages import Message, msg
from .numbering import STYLES, number_tree

_EDITABLE = ("title", "text", "label_style", "status", "implements", "source_line")


class TaskOps:
    # ---- reading -------------------------------------------------------------------
    def task(self, ref) -> Task:
        col = "id" if isinstance(ref, int) else "uuid"
        row = self.one(f"SELECT * FROM tasks WHERE {col}=?", (ref,))
        if row is None:
            raise NotFound("store.not_found.task", ref=ref)
        return Task.from_row(row)

    def tasks(self, plan_uuid) -> list[Task]:
        """All tasks of a plan, parents before children, siblings in order."""
        plan = self.plan(plan_uuid)
        rows = [Task.from_row(r) for r in self.all(
            "SELECT * FROM tasks WHERE plan_id=? ORDER BY parent_id IS NOT NULL, parent_id, position",
            (plan.id,))]
        kids: dict = {}
        for t in rows:
            kids.setdefault(t.parent_id, []).append(t)
        out: list[Task] = []
        stack = list(reversed(kids.get(None, [])))
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(reversed(kids.get(t.id, [])))
        return out

    def children(self, plan_uuid, parent_uuid=None) -> list[Task]:
        plan = self.plan(plan_uuid)
        parent_id = self.task(parent_uuid).id if parent_uuid else None
        return [Task.from_row(r) for r in self.all(
            "SELECT * FROM tasks WHERE plan_id=? AND parent_id IS ? ORDER BY position",
            (plan.id, parent_id))]

    def numbers(self, plan_uuid, displayed: bool = False) -> dict[int, str]:
        """{task id: official label} for a plan, computed from the tree; with ``displayed``,
        the label each task had in its source document where it has one."""
        plan = self.plan(plan_uuid)
        rows = self.all("SELECT id, parent_id, label_style, source_label FROM tasks "
                        "WHERE plan_id=? ORDER BY position", (plan.id,))
        kids: dict = {}
        style = {}
        for r in rows:
            kids.setdefault(r["parent_id"], []).append(r["id"])
            style[r["id"]] = r["label_style"]
        numbers = number_tree(kids.get(None, []), lambda i: kids.get(i, ()), style.__getitem__,
                              bool(plan.settings.get("continuous_level3")))
        if displayed:
            numbers.update({r["id"]: r["source_label"] for r in rows if r["source_label"]})
        return numbers

    def depth(self, task_uuid) -> int:
        t = self.task(task_uuid)
        d = 1
        while t.parent_id is not None:
            t = self.task(t.parent_id)
            d += 1
        return d

    # ---- editing -------------------------------------------------------------------
    def _siblings_count(self, plan_id: int, parent_id) -> int:
        return self.one("SELECT count(*) FROM tasks WHERE plan_id=? AND parent_id IS ?",
                        (plan_id, parent_id))[0]

    def _open_gap(self, plan_id, parent_id, position) -> None:
        self.conn.execute("UPDATE tasks SET position=position+1 WHERE plan_id=? AND parent_id IS ? "
                          "AND position>=?", (plan_id, parent_id, position))

    def _close_gap(self, plan_id, parent_id, position) -> None:
        self.conn.execute("UPDATE tasks SET position=position-1 WHERE plan_id=? AND parent_id IS ? "
                          "AND position>?", (plan_id, parent_id, position))

    def add_task(self, plan_uuid, title: str = "", parent=None, position: int | None = None,
                 text: str = "", deadline: str = "", label_style: str = "", status: str = "",
                 source_line: int | None = None, uuid: str | None = None,
                 implements: str | None = None) -> Task:
        """Insert a task under ``parent`` (uuid or None for top level) at ``position``."""
        plan = self.plan(plan_uuid)
        parent_id = None
        if parent is not None:
            p = self.task(parent)
            if p.plan_id != plan.id:
                raise InvalidEdit("store.edit.parent_other_plan")
            parent_id = p.id
        self._check_style(label_style)
        self._check_status(status)
        with self.operation(msg("store.op.add_task", title=_short(title))):
            n = self._siblings_count(plan.id, parent_id)
            if position is None or position >= n:
                position = n
            elif position < 0:
                raise InvalidEdit("store.edit.negative_position")
            else:
                self._open_gap(plan.id, parent_id, position)
            d = parse_deadline(deadline, plan.year)
            uid = uuid or self.new_uuid()
            self.conn.execute(
                "INSERT INTO tasks(uuid, plan_id, parent_id, position, title, text, label_style, "
                "deadline_text, deadline_date, deadline_kind, status, source_line, implements) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uid, plan.id, parent_id, position, title, text, label_style, d.text, d.date,
                 d.kind, status, source_line, implements))
        return self.task(uid)

    def edit_task(self, task_uuid, **fields) -> Task:
        """Change title, text, label_style, status, implements; ``deadline`` re-parses."""
        t = self.task(task_uuid)
        sets, params = [], []
        for key, value in fields.items():
            if key == "deadline":
                d = parse_deadline(value, self.plan(t.plan_id).year)
                sets += ["deadline_text=?", "deadline_date=?", "deadline_kind=?"]
                params += [d.text, d.date, d.kind]
            elif key in _EDITABLE:
                if key == "label_style":
                    self._check_style(value)
                if key == "status":
                    self._check_status(value)
                sets.append(f"{key}=?")
                params.append(value)
            else:
                raise InvalidEdit("store.edit.no_task_field", field=key)
        if sets:
            code = "store.op.edit_deadline" if list(fields) == ["deadline"] else "store.op.edit_task"
            with self.operation(msg(code, title=_short(t.title))):
                self.conn.execute(f"UPDATE tasks SET {', '.join(sets)} WHERE id=?", (*params, t.id))
        return self.task(t.id)

    def set_deadline(self, task_uuid, text: str) -> Task:
        return self.edit_task(task_uuid, deadline=text)

    def move_task(self, task_uuid, new_parent, position: int | None = None,
                  label: Message | None = None) -> Task:
        """Move a task (and its subtree) under ``new_parent`` (uuid/None) at ``position``."""
        t = self.task(task_uuid)
        parent_id = None
        if new_parent is not None:
            p = self.task(new_parent)
            if p.plan_id != t.plan_id:
                raise InvalidEdit("store.edit.move_other_plan")
            # No cycles: the new parent must not be the task or one of its descendants.
            a: Task | None = p
            while a is not None:
                if a.id == t.id:
                    raise InvalidEdit("store.edit.move_into_own")
                a = self.task(a.parent_id) if a.parent_id is not None else None
            parent_id = p.id
        with self.operation(label or msg("store.op.move_task", title=_short(t.title))):
            self._close_gap(t.plan_id, t.parent_id, t.position)
            n = self._siblings_count(t.plan_id, parent_id)
            if parent_id == t.parent_id:
                n -= 1   # the task itself is still counted among its old siblings
            if position is None or position > n:
                position = n
            elif position < 0:
                raise InvalidEdit("store.edit.negative_position")
            # Park the task out of the sibling range before opening the gap.
            self.conn.execute("UPDATE tasks SET position=-1, parent_id=? WHERE id=?",
                              (parent_id, t.id))
            self._open_gap(t.plan_id, parent_id, position)
            self.conn.execute("UPDATE tasks SET position=? WHERE id=?", (position, t.id))
        return self.task(t.id)

    def move_up(self, task_uuid) -> Task:
        t = self.task(task_uuid)
        if t.position == 0:
            raise InvalidEdit("store.edit.already_first")
        return self.move_task(t.uuid, self._parent_uuid(t), t.position - 1,
                              label=msg("store.op.move_up", title=_short(t.title)))

    def move_down(self, task_uuid) -> Task:
        t = self.task(task_uuid)
        if t.position >= self._siblings_count(t.plan_id, t.parent_id) - 1:
            raise InvalidEdit("store.edit.already_last")
        return self.move_task(t.uuid, self._parent_uuid(t), t.position + 1,
                              label=msg("store.op.move_down", title=_short(t.title)))

    def indent_task(self, task_uuid) -> Task:
        """Make the task the last child of its previous sibling."""
        t = self.task(task_uuid)
        if t.position == 0:
            raise InvalidEdit("store.edit.first_cannot_indent")
        prev = self.one("SELECT uuid FROM tasks WHERE plan_id=? AND parent_id IS ? AND position=?",
                        (t.plan_id, t.parent_id, t.position - 1))[0]
        return self.move_task(t.uuid, prev, None, label=msg("store.op.indent", title=_short(t.title)))

    def outdent_task(self, task_uuid) -> Task:
        """Make the task the next sibling of its parent."""
        t = self.task(task_uuid)
        if t.parent_id is None:
            raise InvalidEdit("store.edit.already_top")
        parent = self.task(t.parent_id)
        return self.move_task(t.uuid, self._parent_uuid(parent), parent.position + 1,
                              label=msg("store.op.outdent", title=_short(t.title)))

    def delete_task(self, task_uuid) -> None:
        """Delete a task with its whole subtree (assignments, targets, progress follow)."""
        t = self.task(task_uuid)
        with self.operation(msg("store.op.delete_task", title=_short(t.title))):
            self.conn.execute("DELETE FROM tasks WHERE id=?", (t.id,))
            self._close_gap(t.plan_id, t.parent_id, t.position)

    def delete_tasks(self, task_uuids) -> None:
        """Delete several tasks with their subtrees as one step; each list of siblings is
        renumbered once (deleting them one by one moves every later sibling each time:
        100 of 1,000 siblings wrote 95,000 undo rows and took seconds)."""
        tasks = [self.task(u) for u in dict.fromkeys(task_uuids)]
        if len(tasks) == 1:
            self.delete_task(tasks[0].uuid)
            return
        if not tasks:
            return
        with self.operation(msg("store.op.delete_tasks_n", n=len(tasks))):
            groups = {(t.plan_id, t.parent_id) for t in tasks}
            self.conn.executemany("DELETE FROM tasks WHERE id=?", [(t.id,) for t in tasks])
            for plan_id, parent_id in groups:
                self._renumber(plan_id, parent_id)

    def _renumber(self, plan_id, parent_id) -> None:
        """Positions 0, 1, 2… in order, writing only the rows that move."""
        rows = self.all("SELECT id, position FROM tasks WHERE plan_id=? AND parent_id IS ? "
                        "ORDER BY position, id", (plan_id, parent_id))
        self.conn.executemany("UPDATE tasks SET position=? WHERE id=?",
                              [(i, r[0]) for i, r in enumerate(rows) if r[1] != i])

    def subtree_size(self, task_uuid) -> int:
        t = self.task(task_uuid)
        return self.one("WITH RECURSIVE s(id) AS (SELECT ? UNION ALL SELECT tasks.id FROM tasks "
                        "JOIN s ON tasks.parent_id=s.id) SELECT count(*) FROM s", (t.id,))[0]

    def _parent_uuid(self, t: Task):
        return self.task(t.parent_id).uuid if t.parent_id is not None else None

    @staticmethod
    def _check_style(style: str) -> None:
        if style not in STYLES:
            raise InvalidEdit("store.edit.unknown_style", style=style)

    @staticmethod
    def _check_status(status: str) -> None:
        if status and status not in STATUSES:
            raise InvalidEdit("store.edit.unknown_status", status=status)

