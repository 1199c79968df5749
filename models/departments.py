"""The department registry (单位/部门) with aliases, and who does what on each task.

A name is matched through the registry's names and aliases after normalising spaces and
full-width forms and traditional characters (發→发), so 发改委 and 区发展改革委 are one department once the clerk says so.
"""
from __future__ import annotations

import re
import unicodedata

from .entities import short_title as _short, ROLES, Assignment, Department
from .errors import InvalidEdit, NotFound
from .hanzi_fold import fold
from .messages import msg

COLLECTIVE = re.compile(r"^各|各.*(部门|单位)$|^区直|^市直|^县直|有关(部门|单位)$|成员单位$")


def normalize_name(name: str) -> str:
    """The form names are compared in: NFKC (full-width → half-width), no spaces, and
    simplified characters. A name is stored as the document wrote it (市發展改革委 in a
    plan printed in 繁體), yet 市發展改革委 and 市发展改革委 are one department."""
    s = fold(unicodedata.normalize("NFKC", name or ""))
    return re.sub(r"\s+", "", s).strip("，,、；;。.：:")


def guess_kind(name: str) -> str:
    return "collective" if COLLECTIVE.search(name) else "unit"


class DepartmentOps:
    # ---- registry ------------------------------------------------------------------
    def departments(self) -> list[Department]:
        aliases: dict = {}
        for r in self.all("SELECT department_id, alias FROM department_aliases ORDER BY id"):
            aliases.setdefault(r[0], []).append(r[1])
        return [Department.from_row(r, aliases.get(r["id"], ()))
                for r in self.all("SELECT * FROM departments ORDER BY position, id")]

    def department(self, ref) -> Department:
        """By uuid, id, or any name or alias."""
        if isinstance(ref, int):
            row = self.one("SELECT * FROM departments WHERE id=?", (ref,))
        else:
            row = self.one("SELECT * FROM departments WHERE uuid=?", (ref,))
            if row is None:
                found = self.find_department(ref)
                row = self.one("SELECT * FROM departments WHERE id=?", (found,)) if found else None
        if row is None:
            raise NotFound("store.not_found.department", ref=ref)
        aliases = [r[0] for r in self.all(
            "SELECT alias FROM department_aliases WHERE department_id=? ORDER BY id", (row["id"],))]
        return Department.from_row(row, aliases)

    def department_index(self) -> dict[str, int]:
        """{normalised name or alias: department id}."""
        index = {}
        for r in self.all("SELECT department_id, alias FROM department_aliases"):
            index[normalize_name(r[1])] = r[0]
        for r in self.all("SELECT id, name, short_name FROM departments"):
            if r["short_name"]:
                index.setdefault(normalize_name(r["short_name"]), r["id"])
            index[normalize_name(r["name"])] = r["id"]
        return index

    def find_department(self, name: str) -> int | None:
        key = normalize_name(name)
        row = self.one("SELECT id FROM departments WHERE name=?", (name,)) or \
            self.one("SELECT department_id FROM department_aliases WHERE alias=?", (name,))
        if row:
            return row[0]
        return self.department_index().get(key)

    def add_department(self, name: str, aliases=(), kind: str | None = None,
                       short_name: str = "", is_new: bool = False) -> Department:
        name = name.strip()
        if not normalize_name(name):
            raise InvalidEdit("store.edit.department_name_empty")
        if self.find_department(name):
            raise InvalidEdit("store.edit.department_exists", name=name)
        kind = kind or guess_kind(name)
        with self.operation(msg("store.op.add_department", name=name)):
            position = self.one("SELECT coalesce(max(position)+1, 0) FROM departments")[0]
            uid = self.new_uuid()
            self.conn.execute("INSERT INTO departments(uuid, name, short_name, kind, is_new, position) "
                              "VALUES (?,?,?,?,?,?)", (uid, name, short_name, kind, int(is_new), position))
            dep_id = self.one("SELECT id FROM departments WHERE uuid=?", (uid,))[0]
            for alias in aliases:
                self._insert_alias(dep_id, alias)
        return self.department(uid)

    def resolve_department(self, name: str, index: dict | None = None) -> tuple[int, bool]:
        """The department id for a name found in a document; adds it (flagged new) if unknown."""
        key = normalize_name(name)
        found = index.get(key) if index is not None else self.find_department(name)
        if found:
            return found, False
        dep = self.add_department(name, is_new=True)
        if index is not None:
            index[key] = dep.id
        return dep.id, True

    def _insert_alias(self, dep_id: int, alias: str) -> None:
        alias = alias.strip()
        if not normalize_name(alias):
            return
        other = self.find_department(alias)
        if other and other != dep_id:
            raise InvalidEdit("store.edit.alias_taken", alias=alias)
        if other == dep_id:
            return
        self.conn.execute("INSERT INTO department_aliases(department_id, alias) VALUES (?,?)",
                          (dep_id, alias))

    def add_alias(self, department_ref, alias: str) -> Department:
        dep = self.department(department_ref)
        with self.operation(msg("store.op.add_alias", name=dep.name, alias=alias)):
            self._insert_alias(dep.id, alias)
        return self.department(dep.id)

    def remove_alias(self, department_ref, alias: str) -> Department:
        dep = self.department(department_ref)
        with self.operation(msg("store.op.remove_alias", alias=alias)):
            self.conn.execute("DELETE FROM department_aliases WHERE department_id=? AND alias=?",
                              (dep.id, alias))
        return self.department(dep.id)

    def edit_department(self, department_ref, **fields) -> Department:
        dep = self.department(department_ref)
        sets, params = [], []
        for key, value in fields.items():
            if key == "name":
                value = value.strip()
                other = self.find_department(value)
                if not normalize_name(value) or (other and other != dep.id):
                    raise InvalidEdit("store.edit.department_name_invalid", name=value)
            elif key == "kind" and value not in ("unit", "collective"):
                raise InvalidEdit("store.edit.unknown_department_kind", kind=value)
            elif key == "is_new":
                value = int(bool(value))
            elif key not in ("short_name", "position", "kind"):
                raise InvalidEdit("store.edit.no_department_field", field=key)
            sets.append(f"{key}=?")
            params.append(value)
        if sets:
            with self.operation(msg("store.op.edit_department", name=dep.name)):
                self.conn.execute(f"UPDATE departments SET {', '.join(sets)} WHERE id=?",
                                  (*params, dep.id))
        return self.department(dep.id)

    def rename_department(self, department_ref, name: str, keep_old_as_alias: bool = True):
        dep = self.department(department_ref)
        with self.operation(msg("store.op.rename_department", name=dep.name, new=name)):
            self.edit_department(dep.id, name=name)
            if keep_old_as_alias and dep.name != name.strip():
                self._insert_alias(dep.id, dep.name)
        return self.department(dep.id)

    def department_usage(self, department_ref) -> list[tuple[str, str, str]]:
        """[(plan title, task uuid, role)] where the department is assigned."""
        dep = self.department(department_ref)
        return [(r[0], r[1], r[2]) for r in self.all(
            "SELECT plans.title, tasks.uuid, assignments.role FROM assignments "
            "JOIN tasks ON tasks.id=assignments.task_id JOIN plans ON plans.id=tasks.plan_id "
            "WHERE assignments.department_id=? ORDER BY plans.position, tasks.id", (dep.id,))]

    def delete_department(self, department_ref) -> None:
        dep = self.department(department_ref)
        with self.operation(msg("store.op.delete_department", name=dep.name)):
            self.conn.execute("DELETE FROM departments WHERE id=?", (dep.id,))

    def merge_departments(self, keep_ref, drop_ref) -> Department:
        """Fold ``drop`` into ``keep``: its assignments, progress and names follow."""
        keep, drop = self.department(keep_ref), self.department(drop_ref)
        if keep.id == drop.id:
            raise InvalidEdit("store.edit.merge_self")
        rank = {r: i for i, r in enumerate(ROLES)}
        with self.operation(msg("store.op.merge_departments", drop=drop.name, keep=keep.name)):
            c = self.conn
            for a in self.all("SELECT * FROM assignments WHERE department_id=?", (drop.id,)):
                mine = self.one("SELECT id, role FROM assignments WHERE task_id=? AND department_id=?",
                                (a["task_id"], keep.id))
                if mine is None:
                    c.execute("UPDATE assignments SET department_id=? WHERE id=?", (keep.id, a["id"]))
                else:
                    # Both were on the task: keep the stronger role (lead > support > …).
                    if rank[a["role"]] < rank[mine["role"]]:
                        c.execute("UPDATE assignments SET role=? WHERE id=?", (a["role"], mine["id"]))
                    c.execute("DELETE FROM assignments WHERE id=?", (a["id"],))
            for p in self.all("SELECT id, task_id, round_id FROM progress WHERE department_id=?",
                              (drop.id,)):
                clash = self.one("SELECT id FROM progress WHERE task_id=? AND round_id=? AND "
                                 "department_id=?", (p["task_id"], p["round_id"], keep.id))
                if clash is None:
                    c.execute("UPDATE progress SET department_id=? WHERE id=?", (keep.id, p["id"]))
            c.execute("UPDATE exchanges SET department_id=? WHERE department_id=?", (keep.id, drop.id))
            c.execute("UPDATE department_aliases SET department_id=? WHERE department_id=?",
                      (keep.id, drop.id))
            c.execute("DELETE FROM departments WHERE id=?", (drop.id,))
            c.execute("INSERT INTO department_aliases(department_id, alias) VALUES (?,?)",
                      (keep.id, drop.name))
        return self.department(keep.id)

    def split_department(self, department_ref, names) -> list[Department]:
        """Split a wrongly merged name (国资委财政市场监管局) into the departments it lists.

        Every task of the old department gets each part in the old one's role and place;
        its progress and exchanged workbooks go to the first part. Unknown parts are added,
        flagged new. One undoable step.
        """
        dep = self.department(department_ref)
        parts = list(dict.fromkeys(n.strip() for n in names if normalize_name(n)))
        if len(parts) < 2:
            raise InvalidEdit("app.split_needs_two", name=dep.name)
        if any(normalize_name(p) == normalize_name(dep.name) for p in parts):
            raise InvalidEdit("app.split_keeps_name", name=dep.name)
        rank = {r: i for i, r in enumerate(ROLES)}
        with self.operation(msg("app.op.split_department", name=dep.name, parts=parts)):
            c = self.conn
            self.conn.execute("DELETE FROM department_aliases WHERE department_id=?", (dep.id,))
            ids = [self.resolve_department(p)[0] for p in parts]
            for a in self.all("SELECT * FROM assignments WHERE department_id=? ORDER BY task_id",
                              (dep.id,)):
                task, pos = a["task_id"], a["position"]
                c.execute("DELETE FROM assignments WHERE id=?", (a["id"],))
                added = 0
                for dep_id in ids:
                    mine = self.one("SELECT id, role FROM assignments WHERE task_id=? AND "
                                    "department_id=?", (task, dep_id))
                    if mine is not None:
                        if rank[a["role"]] < rank[mine["role"]]:
                            c.execute("UPDATE assignments SET role=? WHERE id=?",
                                      (a["role"], mine["id"]))
                        continue
                    c.execute("UPDATE assignments SET position=position+1 WHERE task_id=? "
                              "AND position>=?", (task, pos + added))
                    c.execute("INSERT INTO assignments(task_id, department_id, role, position) "
                              "VALUES (?,?,?,?)", (task, dep_id, a["role"], pos + added))
                    added += 1
                if added == 0:
                    c.execute("UPDATE assignments SET position=position-1 WHERE task_id=? "
                              "AND position>?", (task, pos))
            for p in self.all("SELECT id, task_id, round_id FROM progress WHERE department_id=?",
                              (dep.id,)):
                clash = self.one("SELECT id FROM progress WHERE task_id=? AND round_id=? AND "
                                 "department_id=?", (p["task_id"], p["round_id"], ids[0]))
                if clash is None:
                    c.execute("UPDATE progress SET department_id=? WHERE id=?", (ids[0], p["id"]))
            c.execute("UPDATE exchanges SET department_id=? WHERE department_id=?", (ids[0], dep.id))
            c.execute("DELETE FROM departments WHERE id=?", (dep.id,))
        return [self.department(i) for i in ids]

    # ---- assignments ---------------------------------------------------------------
    def assignments(self, task_uuid) -> list[Assignment]:
        t = self.task(task_uuid)
        return [Assignment(r["task_id"], r["department_id"], r["role"], r["position"], r["name"])
                for r in self.all(
                    "SELECT assignments.*, departments.name FROM assignments JOIN departments "
                    "ON departments.id=assignments.department_id WHERE task_id=? "
                    "ORDER BY assignments.position, assignments.id", (t.id,))]

    def roles(self, task_uuid) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {r: [] for r in ROLES}
        for a in self.assignments(task_uuid):
            out[a.role].append(a.department)
        return out

    def assign(self, task_uuid, department_ref, role: str, position: int | None = None):
        """Give a department a role on a task (replacing its previous role there)."""
        if role not in ROLES:
            raise InvalidEdit("store.edit.unknown_role", role=role)
        t = self.task(task_uuid)
        dep = self.department(department_ref)
        with self.operation(msg("store.op.assign", name=dep.name, title=_short(t.title),
                                role=msg(f"store.role.{role}"))):
            c = self.conn
            existing = self.one("SELECT id, position FROM assignments WHERE task_id=? AND department_id=?",
                                (t.id, dep.id))
            if existing and position is None:
                c.execute("UPDATE assignments SET role=? WHERE id=?", (role, existing["id"]))
                return
            if existing:
                c.execute("DELETE FROM assignments WHERE id=?", (existing["id"],))
                c.execute("UPDATE assignments SET position=position-1 WHERE task_id=? AND position>?",
                          (t.id, existing["position"]))
            n = self.one("SELECT count(*) FROM assignments WHERE task_id=?", (t.id,))[0]
            if position is None or position >= n:
                position = n
            else:
                c.execute("UPDATE assignments SET position=position+1 WHERE task_id=? AND position>=?",
                          (t.id, position))
            c.execute("INSERT INTO assignments(task_id, department_id, role, position) VALUES (?,?,?,?)",
                      (t.id, dep.id, role, position))

    def unassign(self, task_uuid, department_ref) -> None:
        t = self.task(task_uuid)
        dep = self.department(department_ref)
        row = self.one("SELECT id, position FROM assignments WHERE task_id=? AND department_id=?",
                       (t.id, dep.id))
        if row is None:
            return
        with self.operation(msg("store.op.unassign", name=dep.name, title=_short(t.title))):
            self.conn.execute("DELETE FROM assignments WHERE id=?", (row["id"],))
            self.conn.execute("UPDATE assignments SET position=position-1 WHERE task_id=? AND position>?",
                              (t.id, row["position"]))

    def set_roles(self, task_uuid, roles: dict[str, list[str]]) -> None:
        """Replace a task's assignments with ``{role: [department names]}`` (adds unknown names)."""
        t = self.task(task_uuid)
        with self.operation(msg("store.op.set_responsible", title=_short(t.title))):
            self.conn.execute("DELETE FROM assignments WHERE task_id=?", (t.id,))
            self._insert_roles(t.id, roles, None)

    def _insert_roles(self, task_id: int, roles: dict, index: dict | None) -> list[str]:
        """Insert assignments in role order; returns the names that were new to the registry."""
        new_names, seen, position = [], set(), 0
        for role in ROLES:
            for name in roles.get(role) or ():
                dep_id, is_new = self.resolve_department(name, index)
                if is_new:
                    new_names.append(name)
                if dep_id in seen:
                    continue
                seen.add(dep_id)
                self.conn.execute(
                    "INSERT INTO assignments(task_id, department_id, role, position) VALUES (?,?,?,?)",
                    (task_id, dep_id, role, position))
                position += 1
        return new_names

    # ---- targets -------------------------------------------------------------------
    def targets(self, task_uuid) -> list[dict]:
        t = self.task(task_uuid)
        return [_target_dict(r) for r in self.all(
            "SELECT * FROM targets WHERE task_id=? ORDER BY position, id", (t.id,))]

    def set_targets(self, task_uuid, targets: list[dict]) -> None:
        t = self.task(task_uuid)
        with self.operation(msg("store.op.set_targets", title=_short(t.title))):
            self.conn.execute("DELETE FROM targets WHERE task_id=?", (t.id,))
            self._insert_targets(t.id, targets)

    def add_target(self, task_uuid, target: dict) -> None:
        t = self.task(task_uuid)
        with self.operation(msg("store.op.add_target", metric=target.get("metric", ""))):
            n = self.one("SELECT count(*) FROM targets WHERE task_id=?", (t.id,))[0]
            self._insert_targets(t.id, [target], start=n)

    def _insert_targets(self, task_id: int, targets: list[dict], start: int = 0) -> None:
        for i, tg in enumerate(targets):
            unknown = set(tg) - {"metric", "value", "unit", "qualifier", "year", "baseline", "text"}
            if unknown:
                raise InvalidEdit("store.edit.no_target_field", field=sorted(unknown)[0])
            value = tg.get("value")
            if value is not None and not isinstance(value, (int, float)):
                raise InvalidEdit("store.edit.target_not_number", value=value)
            self.conn.execute(
                "INSERT INTO targets(task_id, position, metric, value, unit, qualifier, year, baseline, text) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (task_id, start + i, tg.get("metric", ""), value, tg.get("unit", ""),
                 tg.get("qualifier", ""), tg.get("year"), str(tg.get("baseline") or ""),
                 tg.get("text", "")))




def _target_dict(r) -> dict:
    value = r["value"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    d = {"metric": r["metric"], "value": value, "unit": r["unit"], "qualifier": r["qualifier"]}
    for key in ("year", "baseline", "text"):
        if r[key] not in (None, ""):
            d[key] = r[key]
    return d

