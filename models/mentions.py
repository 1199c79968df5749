"""What a task names that is no department: people (责任领导), scopes (适用范围) and the
issuing office's internal divisions (处室) by role.

They come from the same annotations as the departments (``（责任领导：杜新国；牵头单位：
县发改局）``, ``适用范围：综合保税区``, a ``局内牵头处室`` column) but are never entered in
the department registry: a leader is a person, a scope a place or a group, a division a
part of one office. One row of ``task_mentions`` per task that has any (schema m008).

    {"people": ["杜新国"], "scopes": ["综合保税区"], "divisions": {"lead": ["法规处"]}}
"""
from __future__ import annotations

import json
import re

from .entities import ROLES, short_title
from .errors import InvalidEdit
from .messages import msg

FIELDS = ("people", "scopes", "divisions")
# What an office calls its internal divisions: a ministry or a city bureau 处室, a hospital
# or a district bureau 科室, a county bureau 股室. A plan keeps the word its document used
# (``plans.settings["division_word"]``); its tables print 牵头股室, not 牵头处室.
DIVISION_NOUNS = ("处室", "科室", "股室")
DEFAULT_NOUN = "处室"
_ROLE_PREFIX = {"lead": "牵头", "support": "配合", "responsible": "责任", "guide": "指导"}


def division_words(noun: str | None = None) -> dict:
    """role -> the header a division list is printed under: "牵头处室", or "牵头股室"."""
    noun = noun if noun in DIVISION_NOUNS else DEFAULT_NOUN
    return {r: prefix + noun for r, prefix in _ROLE_PREFIX.items()}


# The words a division list is printed (and was once kept in the task text) with.
DIVISION_WORDS = division_words()
PEOPLE_WORD = "责任领导"
SCOPE_WORD = "适用范围"


def empty() -> dict:
    return {"people": [], "scopes": [], "divisions": {}}


def _names(values) -> list[str]:
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values or ():
        name = str(value).strip()
        if name and name not in out:
            out.append(name)
    return out


def clean(found: dict | None) -> dict:
    """``found`` (an importer's task, a dump task, an edit) in the stored shape: names
    stripped and without repeats, divisions only under known roles and only when named."""
    found = found or {}
    divisions = found.get("divisions") or {}
    if not isinstance(divisions, dict):
        raise InvalidEdit("store.edit.bad_divisions")
    unknown = set(divisions) - set(ROLES)
    if unknown:
        raise InvalidEdit("store.edit.unknown_role", role=sorted(unknown)[0])
    return {"people": _names(found.get("people")), "scopes": _names(found.get("scopes")),
            "divisions": {r: _names(divisions[r]) for r in ROLES if _names(divisions.get(r))}}


def is_empty(m: dict) -> bool:
    return not (m.get("people") or m.get("scopes") or m.get("divisions"))


def row_values(m: dict) -> tuple[str, str, str]:
    return (json.dumps(m["people"], ensure_ascii=False), json.dumps(m["scopes"], ensure_ascii=False),
            json.dumps(m["divisions"], ensure_ascii=False))


def from_row(row) -> dict:
    return {"people": json.loads(row["people"]), "scopes": json.loads(row["scopes"]),
            "divisions": json.loads(row["divisions"])}


def division_text(divisions: dict, noun: str | None = None) -> str:
    """"牵头处室：法规处；配合处室：办公室、财务处" — how a 分工表 cell prints them (with the
    plan's own ``noun``: "牵头股室：规划股")."""
    words = division_words(noun)
    return "；".join(f"{words[r]}：" + "、".join(divisions[r])
                    for r in ROLES if divisions.get(r))


# -- the lines earlier importers appended to the text ----------------------------------
_KEPT_LINE = re.compile(r"^(?P<word>" + "|".join([PEOPLE_WORD, SCOPE_WORD, *DIVISION_WORDS.values()])
                        + r")：(?P<names>\S.*)$")
_ROLE_OF_WORD = {w: r for r, w in DIVISION_WORDS.items()}


def split_kept_lines(text: str) -> tuple[str, dict | None]:
    """(text without its trailing kept lines, what they named) — or (text, None) when it
    ends in none. "…水平。\\n责任领导：杜新国\\n适用范围：综合保税区" gives "…水平。" and
    {"people": ["杜新国"], "scopes": ["综合保税区"], …}. Only the last lines are read:
    a line of that form in the middle was written by someone, not appended."""
    lines = text.split("\n")
    found = empty()
    taken = 0
    while lines:
        m = _KEPT_LINE.match(lines[-1].strip())
        if not m:
            break
        word, names = m.group("word"), m.group("names")
        if word == PEOPLE_WORD:
            found["people"][:0] = names.split("、")
        elif word == SCOPE_WORD:
            found["scopes"][:0] = names.split("；")
        else:
            role = _ROLE_OF_WORD[word]
            found["divisions"][role] = names.split("、") + found["divisions"].get(role, [])
        lines.pop()
        taken += 1
    if not taken:
        return text, None
    return "\n".join(lines).rstrip("\n"), clean(found)


class MentionOps:
    """Reading and editing a task's mentions (a mixin of ``Workspace``)."""

    def mentions(self, task_uuid) -> dict:
        task = self.task(task_uuid)
        row = self.one("SELECT * FROM task_mentions WHERE task_id=?", (task.id,))
        return from_row(row) if row is not None else empty()

    def plan_mentions(self, plan_id: int | None = None) -> dict[int, dict]:
        """{task id: mentions} for the tasks of one plan (all plans with None) that have any."""
        if plan_id is None:
            rows = self.all("SELECT * FROM task_mentions")
        else:
            rows = self.all("SELECT m.* FROM task_mentions m JOIN tasks t ON t.id=m.task_id "
                            "WHERE t.plan_id=?", (plan_id,))
        return {r["task_id"]: from_row(r) for r in rows}

    def set_mentions(self, task_uuid, **fields) -> dict:
        """Replace some of people / scopes / divisions (one undoable operation); the fields
        not given keep their value. Returns the task's mentions after the change."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise InvalidEdit("store.edit.no_task_field", field=sorted(unknown)[0])
        task = self.task(task_uuid)
        new = clean({**self.mentions(task.uuid), **fields})
        if new == self.mentions(task.uuid):
            return new
        with self.operation(msg("store.op.edit_mentions", title=short_title(task.title))):
            self.write_mentions(task.id, new)
        return new

    def write_mentions(self, task_id: int, m: dict) -> None:
        """Store ``m`` (already ``clean``) for a task; inside an operation."""
        if is_empty(m):
            self.conn.execute("DELETE FROM task_mentions WHERE task_id=?", (task_id,))
        elif self.conn.execute("UPDATE task_mentions SET people=?, scopes=?, divisions=? "
                               "WHERE task_id=?", (*row_values(m), task_id)).rowcount == 0:
            # not INSERT OR REPLACE: the delete it implies would bypass the undo triggers
            self.conn.execute("INSERT INTO task_mentions(task_id, people, scopes, divisions) "
                              "VALUES (?,?,?,?)", (task_id, *row_values(m)))
