"""Storing a parsed plan: the plan dict of the importers -> one new plan, one undo step.

The tree is flattened in document order with its ids chosen here, so tasks, assignments and
targets each go in with one ``executemany``, their undo entries written in one statement
each (``undo.insert_many``).
Department names are matched through the registry's aliases; unknown ones are added and
flagged new for the clerk to review.
"""
from __future__ import annotations

from functools import lru_cache

from .deadline import parse_deadline
from .gc_pause import collector_paused
from .entities import ROLES, STATUS_LABELS
from . import mentions
from .messages import msg
from .store import new_uuids
from .undo import insert_many

_PLAN_FIELDS = ("issuer", "doc_number", "year", "period", "preamble", "head", "warnings",
                "parent_uuid", "attachments")
_TARGET_FIELDS = ("metric", "value", "unit", "qualifier", "year", "baseline", "text")


def insert_plan_tree(ws, plan: dict, source_file: str = "", backup: bool = True) -> dict:
    """Store ``plan`` (the dump shape: title, kind, …, tasks with children) as a new plan.

    Returns {"plan": Plan, "tasks": n, "new_departments": [names]}.
    """
    if backup:
        ws.bulk_backup("import")
    fields = {k: plan[k] for k in _PLAN_FIELDS if plan.get(k) is not None}
    if plan.get("division_word") in mentions.DIVISION_NOUNS \
            and plan["division_word"] != mentions.DEFAULT_NOUN:
        fields["settings"] = {"division_word": plan["division_word"]}   # 牵头股室 stays 股室
    title = plan.get("title") or "未命名计划"
    with collector_paused(), ws.operation(msg("store.op.import_plan", title=title[:16])):
        p = ws.add_plan(title, kind=plan.get("kind") or "work_plan",
                        source_file=source_file or plan.get("source_file", ""), **fields)
        rows = _Rows(ws, p.id, p.year)
        rows.add(plan.get("tasks") or [], None)
        rows.write()
    return {"plan": ws.plan(p.id), "tasks": len(rows.tasks),
            "new_departments": list(dict.fromkeys(rows.new_names))}


@lru_cache(maxsize=4096)
def _deadline(text: str, year: int | None):
    return parse_deadline(text, year)


class _Rows:
    """The rows of one plan's tasks, assignments, targets and mentions, gathered before writing."""

    def __init__(self, ws, plan_id: int, year: int | None):
        self.ws, self.plan_id, self.year = ws, plan_id, year
        self.next_id = ws.one("SELECT coalesce(max(id), 0) + 1 FROM tasks")[0]
        self.index = ws.department_index()
        self.tasks: list[tuple] = []
        self.assignments: list[tuple] = []
        self.targets: list[tuple] = []
        self.mentions: list[tuple] = []
        self.new_names: list[str] = []
        self.resolved: dict[str, int] = {}

    def add(self, nodes: list, parent_id: int | None) -> None:
        # one pass over the tree in document order, the rows built as tuples directly
        tasks, targets, mention_rows = self.tasks, self.targets, self.mentions
        keys = _Keys()
        year, plan_id = self.year, self.plan_id
        stack = [(parent_id, i, n) for i, n in reversed(list(enumerate(nodes)))]
        while stack:
            parent, position, node = stack.pop()
            task_id = self.next_id
            self.next_id += 1
            get = node.get
            deadline = get("deadline") or {}
            d = _deadline(deadline.get("text", "") if isinstance(deadline, dict) else str(deadline),
                          year)
            source = get("source") or {}
            key = get("uuid")
            tasks.append((task_id, self._free_uuid(key) if key else keys.new(), plan_id, parent,
                          position, get("title", ""), get("text", ""), get("label_style", ""),
                          d.text, d.date, d.kind, _status_code(get("status", "")),
                          source.get("line", get("line")), get("implements"),
                          get("source_label") or "", source.get("page"), source.get("paragraph")))
            roles = get("roles")
            if roles:
                self._roles(task_id, roles)
            for i, target in enumerate(get("targets") or ()):
                targets.append((task_id, i, *_target_values(target)))
            # people, scopes, divisions: never departments (nothing to clean when none is named)
            if get("people") or get("scopes") or get("divisions"):
                found = mentions.clean(node)
                if not mentions.is_empty(found):
                    mention_rows.append((task_id, *mentions.row_values(found)))
            children = get("children")
            if children:
                stack.extend((task_id, i, c) for i, c in reversed(list(enumerate(children))))

    def _free_uuid(self, key: str) -> str:
        """A task key from the file (the office above's), unless this workspace uses it."""
        if self.ws.one("SELECT 1 FROM tasks WHERE uuid=?", (key,)) is None:
            return key
        return self.ws.new_uuid()

    def _department(self, name: str) -> int:
        """The id for a name (a plan names the same few units thousands of times)."""
        dep_id = self.resolved.get(name)
        if dep_id is None:
            dep_id, is_new = self.ws.resolve_department(name, self.index)
            if is_new:
                self.new_names.append(name)
            self.resolved[name] = dep_id
        return dep_id

    def _roles(self, task_id: int, roles: dict) -> None:
        seen: set[int] = set()
        resolved, append = self.resolved, self.assignments.append
        for role in ROLES:
            for name in roles.get(role) or ():
                dep_id = resolved.get(name)
                if dep_id is None:
                    dep_id = self._department(name)
                if dep_id in seen:
                    continue
                seen.add(dep_id)
                append((task_id, dep_id, role, len(seen) - 1))

    def write(self) -> None:
        conn = self.ws.conn
        # Task ids were chosen above every existing one (next_id), as insert_many needs.
        insert_many(conn, "tasks",
            "INSERT INTO tasks(id, uuid, plan_id, parent_id, position, title, text, label_style, "
            "deadline_text, deadline_date, deadline_kind, status, source_line, implements, "
            "source_label, source_page, source_paragraph) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self.tasks)
        # Every role above is one of ROLES, so the table's CHECK on it need not run per row
        # (SQLite rebuilds the IN list of that CHECK for each row: half the insert's time).
        conn.execute("PRAGMA ignore_check_constraints=ON")
        try:
            insert_many(conn, "assignments", "INSERT INTO assignments(task_id, department_id, "
                        "role, position) VALUES (?,?,?,?)", self.assignments)
        finally:
            conn.execute("PRAGMA ignore_check_constraints=OFF")
        insert_many(conn, "targets", "INSERT INTO targets(task_id, position, metric, value, unit, "
                    "qualifier, year, baseline, text) VALUES (?,?,?,?,?,?,?,?,?)", self.targets)
        # task_mentions is keyed by the new task ids: its rows too lie past the old maximum
        insert_many(conn, "task_mentions", "INSERT INTO task_mentions(task_id, people, scopes, "
                    "divisions) VALUES (?,?,?,?)", self.mentions)


_TARGET_SET = frozenset(_TARGET_FIELDS)
_STATUS_CODES = {**{v: k for k, v in STATUS_LABELS.items()}, **{k: k for k in STATUS_LABELS}}


def _target_values(t: dict) -> tuple:
    if not t.keys() <= _TARGET_SET:
        from .errors import InvalidEdit
        raise InvalidEdit(f"指标没有字段 {sorted(set(t) - _TARGET_SET)[0]}")
    return (t.get("metric", ""), t.get("value"), t.get("unit", ""), t.get("qualifier", ""),
            t.get("year"), str(t.get("baseline") or ""), t.get("text", ""))


def _status_code(status: str) -> str:
    """未启动/推进中/已完成 as written in a document, or the code itself → the code."""
    return _STATUS_CODES.get(status, "")


class _Keys:
    """New task keys, their random bytes read in one go (one system call per task was a
    tenth of an import's write)."""

    def __init__(self) -> None:
        self.pool: list[str] = []

    def new(self) -> str:
        if not self.pool:
            self.pool = new_uuids(1024)
        return self.pool.pop()
