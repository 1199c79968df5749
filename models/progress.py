"""Reporting rounds (报送轮次), progress reports, exchanged workbooks and notice metadata."""
from __future__ import annotations

import json
import time

from .entities import STATUSES, Round, short_title
from .errors import InvalidEdit, NotFound
from .messages import msg


class ProgressOps:
    # ---- rounds --------------------------------------------------------------------
    def rounds(self, plan_uuid) -> list[Round]:
        plan = self.plan(plan_uuid)
        return [Round.from_row(r) for r in self.all(
            "SELECT * FROM rounds WHERE plan_id=? ORDER BY position, id", (plan.id,))]

    def round(self, plan_uuid, ref) -> Round:
        """A round of a plan by uuid or name."""
        plan = self.plan(plan_uuid)
        row = self.one("SELECT * FROM rounds WHERE plan_id=? AND (uuid=? OR name=?)",
                       (plan.id, ref, ref))
        if row is None:
            raise NotFound("store.not_found.round", ref=ref)
        return Round.from_row(row)

    def add_round(self, plan_uuid, name: str, start_date: str | None = None,
                  end_date: str | None = None) -> Round:
        plan = self.plan(plan_uuid)
        name = name.strip()
        if not name:
            raise InvalidEdit("store.edit.round_name_empty")
        if self.one("SELECT 1 FROM rounds WHERE plan_id=? AND name=?", (plan.id, name)):
            raise InvalidEdit("store.edit.round_exists", name=name)
        with self.operation(msg("store.op.add_round", name=name)):
            position = self.one("SELECT coalesce(max(position)+1, 0) FROM rounds WHERE plan_id=?",
                                (plan.id,))[0]
            uid = self.new_uuid()
            self.conn.execute("INSERT INTO rounds(uuid, plan_id, name, start_date, end_date, position) "
                              "VALUES (?,?,?,?,?,?)", (uid, plan.id, name, start_date, end_date, position))
        return self.round(plan.uuid, uid)

    def ensure_round(self, plan_uuid, name: str) -> Round:
        try:
            return self.round(plan_uuid, name)
        except NotFound:
            return self.add_round(plan_uuid, name)

    def close_round(self, plan_uuid, ref, closed: bool = True) -> Round:
        r = self.round(plan_uuid, ref)
        with self.operation(msg("store.op.close_round" if closed else "store.op.reopen_round", name=r.name)):
            self.conn.execute("UPDATE rounds SET closed=? WHERE id=?", (int(closed), r.id))
        return self.round(plan_uuid, r.uuid)

    # ---- progress ------------------------------------------------------------------
    def record_progress(self, task_uuid, round_ref, department_ref=None, status: str = "",
                        percent: float | None = None, text: str = "", note: str = "",
                        exchange_id: int | None = None, problems: str = "",
                        next_steps: str = "") -> None:
        """What a department reported on a task in a round (one entry per task, dept, round)."""
        t = self.task(task_uuid)
        plan = self.plan(t.plan_id)
        with self.operation(msg("store.op.record_progress", title=short_title(t.title))):
            self.record_progress_many(plan.uuid, round_ref, department_ref, {t.uuid: {
                "status": status, "percent": percent, "text": text, "note": note,
                "problems": problems, "next_steps": next_steps}}, exchange_id)

    def record_progress_many(self, plan_uuid, round_ref, department_ref, entries: dict,
                             exchange_id: int | None = None) -> int:
        """Record {task uuid: progress values} of one department (None: the task as a
        whole) in one round of a plan: the plan, round and department looked up once, the
        rows written in one statement. Tasks not in the plan raise NotFound."""
        plan = self.plan(plan_uuid)
        rnd = self.round(plan.uuid, round_ref)
        dep_id = self.department(department_ref).id if department_ref is not None else None
        # Only the tasks reported on: a return of 200 rows of a 20,000-task plan reads 200.
        ids = {r[0]: r[1] for r in self.all(
            "SELECT uuid, id FROM tasks WHERE plan_id=? AND uuid IN (SELECT value FROM json_each(?))",
            (plan.id, json.dumps(list(entries))))}
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        rows = []
        for key, v in entries.items():
            if key not in ids:
                raise NotFound("store.not_found.task", ref=key)
            status, percent = v.get("status") or "", v.get("percent")
            if status and status not in STATUSES:
                raise InvalidEdit("store.edit.unknown_progress_status", status=status)
            if percent is not None and not 0 <= percent <= 100:
                raise InvalidEdit("store.edit.percent_range", percent=percent)
            rows.append((ids[key], dep_id, rnd.id, status, percent, v.get("text") or "",
                         v.get("note") or "", v.get("problems") or "", v.get("next_steps") or "",
                         exchange_id, stamp))
        with self.operation(msg("exchange.op.record_progress", count=len(rows))):
            # ``department_id IS NULL`` rows are not caught by UNIQUE: delete then insert.
            self.conn.executemany(
                "DELETE FROM progress WHERE task_id=? AND round_id=? AND department_id IS ?",
                [(r[0], r[2], r[1]) for r in rows])
            self.conn.executemany(
                "INSERT INTO progress(task_id, department_id, round_id, status, percent, text, note, "
                "problems, next_steps, exchange_id, reported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows)
        return len(rows)

    def progress(self, task_uuid) -> list[dict]:
        """The progress history of a task, oldest round first."""
        t = self.task(task_uuid)
        return [dict(r) for r in self.all(
            "SELECT rounds.name AS round, departments.name AS department, progress.status, "
            "progress.percent, progress.text, progress.note, progress.problems, "
            "progress.next_steps, progress.reported_at FROM progress JOIN rounds ON rounds.id=progress.round_id LEFT JOIN departments ON "
            "departments.id=progress.department_id WHERE progress.task_id=? "
            "ORDER BY rounds.position, progress.id", (t.id,))]

    def round_progress(self, plan_uuid, round_ref) -> list[dict]:
        """Every progress row of a round: task uuid, department, status, percent, text."""
        plan = self.plan(plan_uuid)
        rnd = self.round(plan.uuid, round_ref)
        return [dict(r) for r in self.all(
            "SELECT tasks.uuid AS task, departments.name AS department, progress.status, "
            "progress.percent, progress.text, progress.note, progress.problems, "
            "progress.next_steps, progress.exchange_id, progress.reported_at FROM progress "
            "JOIN tasks ON tasks.id=progress.task_id LEFT JOIN departments ON "
            "departments.id=progress.department_id WHERE progress.round_id=? ORDER BY progress.id",
            (rnd.id,))]

    # ---- exchanges -----------------------------------------------------------------
    def record_exchange(self, plan_uuid, direction: str, file_name: str, sha256: str = "",
                        round_ref=None, department_ref=None, counterpart: str = "",
                        content_checksum: str = "", summary: dict | None = None,
                        uuid: str | None = None) -> int:
        plan = self.plan(plan_uuid)
        round_id = self.round(plan.uuid, round_ref).id if round_ref else None
        dep_id = self.department(department_ref).id if department_ref else None
        with self.operation(msg("store.op.send_workbook" if direction == "out" else "store.op.receive_workbook",
                                file=file_name)):
            cur = self.conn.execute(
                "INSERT INTO exchanges(uuid, plan_id, round_id, department_id, direction, counterpart, "
                "file_name, sha256, content_checksum, time, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (uuid or self.new_uuid(), plan.id, round_id, dep_id, direction, counterpart, file_name,
                 sha256, content_checksum, time.strftime("%Y-%m-%d %H:%M:%S"),
                 json.dumps(summary or {}, ensure_ascii=False)))
            return cur.lastrowid

    def exchanges(self, plan_uuid=None) -> list[dict]:
        sql = ("SELECT exchanges.*, rounds.name AS round, departments.name AS department FROM exchanges "
               "LEFT JOIN rounds ON rounds.id=exchanges.round_id LEFT JOIN departments ON "
               "departments.id=exchanges.department_id")
        params: tuple = ()
        if plan_uuid is not None:
            sql += " WHERE exchanges.plan_id=?"
            params = (self.plan(plan_uuid).id,)
        out = []
        for r in self.all(sql + " ORDER BY exchanges.id", params):
            d = dict(r)
            d["summary"] = json.loads(d["summary"] or "{}")
            out.append(d)
        return out

    def exchange_by_sha256(self, sha256: str) -> dict | None:
        row = self.one("SELECT * FROM exchanges WHERE sha256=? AND direction='in'", (sha256,))
        return dict(row) if row else None

    # ---- notice metadata -----------------------------------------------------------
    def notice(self, plan_uuid) -> dict:
        plan = self.plan(plan_uuid)
        row = self.one("SELECT data FROM notices WHERE plan_id=?", (plan.id,))
        return json.loads(row[0]) if row else {}

    def save_notice(self, plan_uuid, data: dict) -> None:
        plan = self.plan(plan_uuid)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        with self.operation(msg("store.op.save_notice")):
            self.conn.execute("INSERT INTO notices(plan_id, data) VALUES (?, ?) "
                              "ON CONFLICT(plan_id) DO UPDATE SET data=excluded.data", (plan.id, text))

    def issued_doc_numbers(self) -> list[str]:
        """发文字号 the office gave to letters it did not store as notices (督办, 催报)."""
        return json.loads(self.meta("issued_doc_numbers") or "[]")

    def record_doc_numbers(self, numbers) -> None:
        """Count ``numbers`` as used, so the next letter takes the number after them. The
        meta table has no undo triggers: a number on a printed letter stays spent."""
        new = [n for n in numbers if n and n not in self.issued_doc_numbers()]
        if not new:
            return
        text = json.dumps(self.issued_doc_numbers() + new, ensure_ascii=False)
        with self.operation(msg("store.op.record_doc_numbers", count=len(new))):
            self.conn.execute("INSERT INTO meta(key, value) VALUES ('issued_doc_numbers', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (text,))

    def all_notices(self) -> list[dict]:
        """Every stored notice (for suggesting the next 发文字号)."""
        return [json.loads(r[0]) for r in self.all("SELECT data FROM notices ORDER BY id")]
