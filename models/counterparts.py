"""Counterpart units (对口部门): which local department answers for a unit named above.

The clerk keeps one table per workspace — 市市场监管局 → 区市场监管局, 市发展改革委 → 区发改局,
"各区、县级市" → the district itself — and every plan carried from above reuses it.
Names not yet in the table get a proposal by rule:

- the higher level's prefix is stripped (市/省/区/县, or a place name such as 济南市), and
  what remains is compared with the local registry's names, aliases and short names,
  stripped the same way: 市市场监管局 and 区市场监管局 are both 市场监管局 (sure);
- a local name whose stem is the higher one's under another unit type (公安分局 for
  公安局) or abbreviates it (发改局 for 发展改革委: the same characters in order, the unit
  type 委/局/办 aside) is proposed but uncertain;
- a collective of the lower level (各区、县级市, 各县（市、区）) and the district's own name
  mean the district itself.

Only the clerk's confirmed rows and sure proposals are applied without asking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .departments import normalize_name
from .errors import InvalidEdit
from .messages import msg

# The patterns are compiled on first use: Workspace imports this module at start-up.
@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(place, level, unit type, lower collective)."""
    return (
        # A place name ending in a level (济南市, 槐荫区, 山东省), or a bare level character.
        re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|州|盟|区|县|旗))"),
        re.compile(r"^(?:省|市|区|县|州)"),
        re.compile(r"(?:委员会|办公室|管理局|委|局|办|厅|中心|分局)$"),
        # Collectives that stand for every office of the level below the city: the district is one.
        re.compile(
            r"^各(?:区|县|市|旗)|^各[\u4e00-\u9fff]{0,4}(?:区县|县区|县市区|县（市、区）|区（县）|区、县)"
            r"|^(?:区县|县区|县市区)(?:政府|人民政府)?$"))


SURE = ("confirmed", "stored", "exact", "same_core", "self")


@dataclass
class Proposal:
    """What a higher unit's name maps to, and how sure the rule is."""
    name: str                    # as written above
    department: str | None       # local department name, None when none found
    is_self: bool = False        # the district itself (its own responsibility)
    how: str = "none"            # confirmed / stored / exact / same_core / abbreviation / self / none

    @property
    def sure(self) -> bool:
        return self.how in SURE


def cores(name: str) -> set[str]:
    """The forms a unit name is compared in: as is, without a place name, without a level."""
    n = normalize_name(name)
    out = {n}
    for pattern in _patterns()[:2]:
        m = pattern.match(n)
        if m and len(n) - m.end() >= 2:
            out.add(n[m.end():])
    return out


def _stem(core: str) -> tuple[str, str]:
    m = _patterns()[2].search(core)
    return (core[:m.start()], m.group()) if m and m.start() >= 2 else (core, "")


def _abbreviates(short: str, long: str) -> bool:
    """发改 abbreviates 发展改革: same first character, every character in order, shorter."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _close_stems(a: str, b: str) -> bool:
    """The same body under another type (发展改革委 / 发展改革局), or an abbreviation."""
    return (a == b and len(a) >= 2) or _abbreviates(a, b) or _abbreviates(b, a)


def is_lower_collective(name: str) -> bool:
    return bool(_patterns()[3].search(normalize_name(name)))


def names_district(name: str, district: str) -> bool:
    """True when ``name`` is the district itself (槐荫区, 槐荫区政府, 槐荫区人民政府)."""
    if not district:
        return False
    n, d = normalize_name(name), normalize_name(district)
    bare = re.sub(r"(?:区|县|市|旗)$", "", d)
    if len(bare) < 2:
        return False
    return n == d or bool(re.fullmatch(rf"{re.escape(bare)}(?:区|县|市|旗)?(?:人民)?(?:政府)?", n))


def names_district_unit(name: str, district: str) -> bool:
    """True for a unit of the district named above (历下区市场监管局 for 历下区)."""
    if not district:
        return False
    n, d = normalize_name(name), normalize_name(district)
    bare = re.sub(r"(?:区|县|市|旗)$", "", d)
    return len(bare) >= 2 and n.startswith(bare) and len(n) > len(d) + 1 \
        and not names_district(name, district)


class CounterpartOps:
    def counterparts(self) -> list[dict]:
        """The clerk's table: [{name, department, is_self, confirmed}] in the order added."""
        return [{"name": r["name"], "department": r["dep"], "is_self": bool(r["is_self"]),
                 "confirmed": bool(r["confirmed"])}
                for r in self.all("SELECT counterparts.*, departments.name AS dep FROM counterparts "
                                  "LEFT JOIN departments ON departments.id=counterparts.department_id "
                                  "ORDER BY counterparts.id")]

    def set_counterpart(self, name: str, department=None, is_self: bool = False,
                        confirmed: bool = True) -> None:
        """Map a higher unit to a local department (or to the district itself)."""
        key = normalize_name(name)
        if not key:
            raise InvalidEdit("chain.counterpart_empty")
        dep_id = self.department(department).id if department is not None else None
        if dep_id is None and not is_self:
            raise InvalidEdit("chain.counterpart_target", name=name)
        with self.operation(msg("chain.op_counterpart", name=key)):
            self._store_counterpart(key, dep_id, is_self, confirmed)

    def _store_counterpart(self, key: str, dep_id, is_self: bool, confirmed: bool) -> None:
        self.conn.execute(
            "INSERT INTO counterparts(name, department_id, is_self, confirmed) VALUES (?,?,?,?) "
            "ON CONFLICT(name) DO UPDATE SET department_id=excluded.department_id, "
            "is_self=excluded.is_self, confirmed=excluded.confirmed",
            (key, dep_id, int(is_self), int(confirmed)))

    def remove_counterpart(self, name: str) -> None:
        with self.operation(msg("chain.op_counterpart_remove", name=name)):
            self.conn.execute("DELETE FROM counterparts WHERE name=?", (normalize_name(name),))

    def confirm_counterparts(self, proposals: list[Proposal]) -> int:
        """Store proposals as the clerk's confirmed rows (one undo step); returns how many."""
        rows = [p for p in proposals if p.department or p.is_self]
        with self.operation(msg("chain.op_counterparts_confirm", n=len(rows))):
            for p in rows:
                dep_id = self.department(p.department).id if p.department else None
                self._store_counterpart(normalize_name(p.name), dep_id, p.is_self, True)
        return len(rows)

    def propose_counterparts(self, names, district: str = "", higher_plan=None) -> list[Proposal]:
        """A proposal for each higher unit name (stored rows first, then the rules).

        The units of ``higher_plan`` that no other plan uses are the office above's own
        units, entered by importing its plan: they are never proposed as local ones.
        """
        stored = {r["name"]: r for r in self.all(
            "SELECT counterparts.*, departments.name AS dep FROM counterparts LEFT JOIN departments "
            "ON departments.id=counterparts.department_id")}
        local = self._local_forms(self._higher_only(higher_plan) if higher_plan else set())
        out = []
        for name in dict.fromkeys(names):
            key = normalize_name(name)
            row = stored.get(key)
            if row is not None:
                how = "confirmed" if row["confirmed"] else "stored"
                out.append(Proposal(name, row["dep"], bool(row["is_self"]), how))
            elif names_district(name, district) or is_lower_collective(name):
                out.append(Proposal(name, None, True, "self"))
            else:
                out.append(_by_rule(name, local))
        return out

    def _higher_only(self, plan_ref) -> set[int]:
        plan = self.plan(plan_ref)
        return {r[0] for r in self.all(
            "SELECT DISTINCT a.department_id FROM assignments a JOIN tasks t ON t.id=a.task_id "
            "WHERE t.plan_id=? AND a.department_id NOT IN (SELECT a2.department_id FROM "
            "assignments a2 JOIN tasks t2 ON t2.id=a2.task_id WHERE t2.plan_id<>?)",
            (plan.id, plan.id))}

    def _local_forms(self, exclude: set[int]) -> list[tuple[str, set[str]]]:
        """[(department name, the cores of its name, aliases and short name)]."""
        forms: dict[int, set[str]] = {}
        names: dict[int, str] = {}
        for r in self.all("SELECT id, name, short_name FROM departments WHERE kind='unit' "
                          "ORDER BY position, id"):
            if r["id"] in exclude:
                continue
            names[r["id"]] = r["name"]
            forms[r["id"]] = cores(r["name"]) | (cores(r["short_name"]) if r["short_name"] else set())
        for r in self.all("SELECT department_id, alias FROM department_aliases"):
            if r[0] in forms:
                forms[r[0]] |= cores(r[1])
        return [(names[i], forms[i]) for i in names]


def _by_rule(name: str, local: list[tuple[str, set[str]]]) -> Proposal:
    mine = cores(name)
    full = normalize_name(name)
    exact = [dep for dep, forms in local if full in forms]
    if len(exact) == 1:
        return Proposal(name, exact[0], how="exact")
    same = [dep for dep, forms in local if mine & forms]
    if len(same) == 1:
        return Proposal(name, same[0], how="same_core")
    if len(same) > 1:
        return Proposal(name, same[0], how="abbreviation")   # several: the clerk chooses
    stems = {_stem(c)[0] for c in mine}
    close = [dep for dep, forms in local
             if any(_close_stems(_stem(f)[0], s) for f in forms for s in stems)]
    if close:
        return Proposal(name, close[0], how="abbreviation")
    return Proposal(name, None)
