"""Plans: create, rename, edit, reorder, delete."""
from __future__ import annotations

import json
import time

from .entities import PLAN_KINDS, Plan
from .errors import InvalidEdit, NotFound
from .messages import Message, msg

_PLAN_FIELDS = ("title", "kind", "issuer", "doc_number", "year", "period", "parent_uuid",
                "source_file", "preamble", "head", "warnings", "settings", "attachments")


class PlanOps:
    def plans(self) -> list[Plan]:
        return [Plan.from_row(r) for r in self.all("SELECT * FROM plans ORDER BY position, id")]

    def plan(self, ref) -> Plan:
        """A plan by uuid, by id, or by its 1-based index in ``plans()`` order (as a str)."""
        if isinstance(ref, str) and ref.isdigit():
            plans = self.plans()
            i = int(ref)
            if 1 <= i <= len(plans):
                return plans[i - 1]
            raise NotFound("store.not_found.plan_index", index=i, count=len(plans))
        col = "id" if isinstance(ref, int) else "uuid"
        row = self.one(f"SELECT * FROM plans WHERE {col}=?", (ref,))
        if row is None:
            raise NotFound("store.not_found.plan", ref=ref)
        return Plan.from_row(row)

    def add_plan(self, title: str, kind: str = "work_plan", **fields) -> Plan:
        if kind not in PLAN_KINDS:
            raise InvalidEdit("store.edit.unknown_plan_kind", kind=kind)
        values = {"title": title.strip(), "kind": kind, **fields}
        with self.operation(msg("store.op.add_plan", title=values["title"] or msg("store.untitled"))):
            position = self.one("SELECT coalesce(max(position)+1, 0) FROM plans")[0]
            uid = values.pop("uuid", None) or self.new_uuid()
            cols, params = self._plan_columns(values)
            self.conn.execute(
                f"INSERT INTO plans(uuid, position, created{''.join(', ' + c for c in cols)}) "
                f"VALUES (?, ?, ?{', ?' * len(cols)})",
                (uid, position, time.strftime("%Y-%m-%d %H:%M:%S"), *params))
        return self.plan(uid)

    def _plan_columns(self, values: dict):
        cols, params = [], []
        for key, value in values.items():
            if key not in _PLAN_FIELDS:
                raise InvalidEdit("store.edit.no_plan_field", field=key)
            if key in ("head", "warnings", "settings", "attachments"):
                value = json.dumps(value, ensure_ascii=False)
            cols.append(key)
            params.append(value)
        return cols, params

    def update_plan(self, plan_uuid: str, label: Message | None = None, **fields) -> Plan:
        plan = self.plan(plan_uuid)
        if "kind" in fields and fields["kind"] not in PLAN_KINDS:
            raise InvalidEdit("store.edit.unknown_plan_kind", kind=fields["kind"])
        cols, params = self._plan_columns(fields)
        if cols:
            with self.operation(label or msg("store.op.edit_plan")):
                self.conn.execute(
                    f"UPDATE plans SET {', '.join(c + '=?' for c in cols)} WHERE id=?",
                    (*params, plan.id))
        return self.plan(plan.id)

    def rename_plan(self, plan_uuid: str, title: str) -> Plan:
        title = title.strip()
        if not title:
            raise InvalidEdit("store.edit.plan_title_empty")
        return self.update_plan(plan_uuid, label=msg("store.op.rename_plan", title=title), title=title)

    def set_plan_setting(self, plan_uuid: str, key: str, value) -> Plan:
        plan = self.plan(plan_uuid)
        settings = dict(plan.settings)
        settings[key] = value
        return self.update_plan(plan.uuid, label=msg("store.op.plan_settings"), settings=settings)

    def delete_plan(self, plan_uuid: str) -> None:
        plan = self.plan(plan_uuid)
        with self.operation(msg("store.op.delete_plan", title=plan.title)):
            self.conn.execute("DELETE FROM plans WHERE id=?", (plan.id,))
            self.conn.execute("UPDATE plans SET position=position-1 WHERE position>?",
                              (plan.position,))
