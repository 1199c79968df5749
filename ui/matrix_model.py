"""The responsibility matrix: tasks × departments, each cell the department's role on the
task (牵/配/负/导), a totals row per department, tasks that lack a lead flagged.

Rows are the plan's tasks in reading order (optionally one section, one department's
tasks, or only those lacking a lead); columns are the registry's departments (or only
those the plan uses). Edits go to the store as one operation; the breakdown's tree model
follows the store and this model follows the tree model.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.messages import msg

from .labels import role_label, role_short

RoleCodeRole = Qt.ItemDataRole.UserRole.value + 1   # the cell's role code ("lead", …) or None
TaskUuidRole = Qt.ItemDataRole.UserRole.value + 2   # the row's task uuid (header and cells)

# Roles as plain ints and flags computed once: ``Qt.DisplayRole`` and enum arithmetic cost
# microseconds each, and data() is called for every visible cell and role on each paint.
_R = Qt.ItemDataRole
_DISPLAY, _TOOLTIP, _FONT = _R.DisplayRole.value, _R.ToolTipRole.value, _R.FontRole.value
_ALIGN, _BACKGROUND, _FOREGROUND = (_R.TextAlignmentRole.value, _R.BackgroundRole.value,
                                    _R.ForegroundRole.value)
_CENTER = Qt.AlignmentFlag.AlignCenter
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TOTAL_FLAGS = Qt.ItemFlag.ItemIsEnabled
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_VERTICAL = Qt.Orientation.Vertical

ROLE_COLORS = {"lead": ("#1565c0", "#ffffff"), "support": ("#bbdefb", "#0d2f5e"),
               "responsible": ("#c8e6c9", "#1b4d20"), "guide": ("#fff3c4", "#5d4a00")}


@dataclass
class MatrixRow:
    id: int
    uuid: str
    label: str          # number + title
    depth: int
    section: int        # the id of its level-1 ancestor (itself at level 1)
    leaf: bool


@dataclass
class MatrixFilter:
    section: int | None = None          # a level-1 task id
    department: int | None = None       # only that department's tasks
    missing_lead: bool = False          # only tasks lacking a lead
    used_only: bool = False             # columns: only departments the plan uses


class MatrixModel(QAbstractTableModel):
    """Reads the plan through the breakdown's ``TaskTreeModel`` (numbers, titles and roles
    are already there, kept in sync with the store) and only the registry from the store.

    While its tab is hidden (``active`` False) it does not follow edits; it catches up when
    shown again.
    """

    def __init__(self, session, tree_model, parent=None):
        super().__init__(parent)
        self.session = session
        self.tree = tree_model
        self.filter = MatrixFilter()
        self.active = True
        self._stale = False
        self._all_rows: list[MatrixRow] = []
        self.rows: list[MatrixRow] = []
        self.departments: list = []       # Department records shown as columns
        self.cells: dict[tuple[int, int], str] = {}
        self.missing: set[int] = set()    # task ids lacking a lead
        self.totals: dict[int, dict[str, int]] = {}
        self._deps_of: dict[int, set[int]] = {}      # task id -> its departments
        self._pos: dict[int, int] = {}               # task id -> index in _all_rows
        self._shown_pos: dict[int, int] = {}         # task id -> row shown
        self._by_section: dict[int, list[MatrixRow]] = {}   # level-1 task id -> its rows
        self._brushes = {r: (QBrush(QColor(bg)), QBrush(QColor(fg)))
                         for r, (bg, fg) in ROLE_COLORS.items()}
        self._total_brush = QBrush(QColor("#eeeeee"))
        self._warn_brush = QBrush(QColor("#c62828"))
        self._bold = QFont()
        self._bold.setBold(True)
        tree_model.synced.connect(self._on_synced)
        self.refresh()

    @property
    def plan_uuid(self) -> str | None:
        return self.tree.plan_uuid

    # ---- following the tree model ----------------------------------------------------
    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self._stale:
            self.refresh()

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh(force=True)

    def set_filter(self, f: MatrixFilter) -> None:
        self.filter = f
        state = self._compute()
        self.beginResetModel()
        self._apply(state)
        self.endResetModel()

    def _on_synced(self, changed) -> None:
        if not self.active:
            self._stale = True
        elif changed is not None and self._patch(changed):
            pass
        else:
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Rebuild from the tree model: a reset when rows or columns differ, else dataChanged."""
        if not (self.active or force):
            self._stale = True
            return
        self._stale = False
        old_names = [d.name for d in self.departments]
        state = self._compute()
        if ([r.id for r in self.rows], [d.id for d in self.departments]) != (
                [r.id for r in state["rows"]], [d.id for d in state["departments"]]):
            self.beginResetModel()
            self._apply(state)
            self.endResetModel()
            return
        self._apply(state)
        if self.rows and self.departments:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Vertical, 0, self.rowCount() - 1)   # numbers, titles
        if old_names != [d.name for d in self.departments] and self.departments:
            self.headerDataChanged.emit(Qt.Horizontal, 0, len(self.departments) - 1)

    def _apply(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def _compute(self) -> dict:
        """The model's whole state, read from the tree model (applied by the caller)."""
        ws = self.session.ws
        state = {"_all_rows": [], "rows": [], "departments": [], "cells": {}, "missing": set(),
                 "totals": {}, "_deps_of": {}, "_pos": {}, "_shown_pos": {}, "_by_section": {}}
        if self.tree.plan_uuid is None or ws is None:
            return state
        rows, cells, deps_of = state["_all_rows"], state["cells"], state["_deps_of"]
        stack = [(n, 0, n.id) for n in reversed(self.tree.root.children)]
        while stack:
            n, depth, section = stack.pop()
            rows.append(MatrixRow(n.id, n.uuid, n.number + n.title, depth, section,
                                  not n.children))
            if n.roles:
                deps_of[n.id] = {dep for _r, dep, _n in n.roles}
                for role, dep, _name in n.roles:
                    cells[(n.id, dep)] = role
            stack.extend((c, depth + 1, section) for c in reversed(n.children))
        state["_pos"] = {r.id: k for k, r in enumerate(rows)}
        for r in rows:
            state["_by_section"].setdefault(r.section, []).append(r)
        _flag_missing(rows, cells, deps_of, state["missing"])
        f = self.filter
        shown = rows
        if f.section is not None:
            shown = [r for r in shown if r.section == f.section]
        if f.department is not None:
            shown = [r for r in shown if (r.id, f.department) in cells]
        if f.missing_lead:
            shown = [r for r in shown if r.id in state["missing"]]
        state["rows"] = shown
        state["_shown_pos"] = {r.id: k for k, r in enumerate(shown)}
        deps = ws.departments()
        if f.used_only:
            used = {dep for (_t, dep) in cells}
            deps = [d for d in deps if d.id in used]
        state["departments"] = deps
        state["totals"] = _totals(cells, deps, None if shown is rows else state["_shown_pos"])
        return state

    def _patch(self, changed) -> bool:
        """Update only the ``changed`` tasks: their cells, the totals of the departments
        whose cells changed, and the row headers whose text or lead warning changed — a
        dataChanged per changed cell, not per row. False when a rebuild is needed."""
        f = self.filter
        if self._stale or f.department is not None or f.missing_lead or f.used_only:
            return False
        deps = self.session.ws.departments()
        if [(d.id, d.name) for d in deps] != [(d.id, d.name) for d in self.departments]:
            return False
        for task_id in changed:
            if self.tree.node_by_id(task_id) is None or task_id not in self._pos:
                return False
        self.departments = deps
        cells, totals, deps_of = self.cells, self.totals, self._deps_of
        every_row = len(self.rows) == len(self._all_rows)
        dirty_cells: list[tuple[int, int]] = []
        relabelled: list[int] = []
        sections = set()
        for task_id in changed:
            node = self.tree.node_by_id(task_id)
            row = self._all_rows[self._pos[task_id]]
            label = node.number + node.title
            if row.label != label:
                row.label = label
                relabelled.append(task_id)
            old = {dep: cells.pop((task_id, dep)) for dep in deps_of.pop(task_id, ())}
            new = {dep: role for role, dep, _name in node.roles}
            if new:
                deps_of[task_id] = set(new)
                for dep, role in new.items():
                    cells[(task_id, dep)] = role
            counted = every_row or task_id in self._shown_pos
            for dep in old.keys() | new.keys():
                was, now = old.get(dep), new.get(dep)
                if was == now:
                    continue
                dirty_cells.append((task_id, dep))
                t = totals.get(dep)
                if counted and t is not None:
                    if was is not None:
                        t[was] -= 1
                        if not t[was]:
                            del t[was]
                    if now is not None:
                        t[now] = t.get(now, 0) + 1
            sections.add(row.section)
        section_rows = [r for s in sections for r in self._by_section.get(s, ())]
        before = {r.id for r in section_rows if r.id in self.missing}
        _flag_missing(section_rows, cells, deps_of, self.missing)
        warned = before ^ {r.id for r in section_rows if r.id in self.missing}

        column = {d.id: k for k, d in enumerate(self.departments)}
        last = len(self.departments) - 1
        for task_id in relabelled:        # the tooltips of the whole row name the task
            r = self._shown_pos.get(task_id)
            if r is not None and last >= 0:
                self.dataChanged.emit(self.index(r, 0), self.index(r, last))
        total_row = len(self.rows)
        for dep in {dep for _t, dep in dirty_cells}:
            c = column.get(dep)
            if c is not None:
                self.dataChanged.emit(self.index(total_row, c), self.index(total_row, c))
        for task_id, dep in dirty_cells:
            r, c = self._shown_pos.get(task_id), column.get(dep)
            if r is not None and c is not None:
                idx = self.index(r, c)
                self.dataChanged.emit(idx, idx)
        for task_id in sorted(set(relabelled) | warned):
            r = self._shown_pos.get(task_id)
            if r is not None:
                self.headerDataChanged.emit(_VERTICAL, r, r)
        return True

    def sections(self) -> list[tuple[int, str]]:
        """The level-1 tasks, for the section filter."""
        return [(r.id, r.label) for r in self._all_rows if r.depth == 0]

    # ---- lookups ---------------------------------------------------------------------
    def is_total_row(self, row: int) -> bool:
        return row == len(self.rows)

    def role_at(self, index: QModelIndex) -> str | None:
        if not index.isValid() or self.is_total_row(index.row()):
            return None
        return self.cells.get((self.rows[index.row()].id, self.departments[index.column()].id))

    def row_of_task(self, uuid: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.uuid == uuid), -1)

    def column_of_department(self, name: str) -> int:
        return next((i for i, d in enumerate(self.departments) if d.name == name), -1)

    # ---- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self.plan_uuid is None:
            return 0
        return len(self.rows) + 1     # + the totals row

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.departments)

    def flags(self, index):
        if not index.isValid():
            return _NO_FLAGS
        if index.row() == len(self.rows):
            return _TOTAL_FLAGS
        return _CELL_FLAGS

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        dep = self.departments[c]
        if r == len(self.rows):           # the totals row
            t = self.totals.get(dep.id, {})
            if role == _DISPLAY:
                n = sum(t.values())
                # 负责 leads as 牵头 does (as the missing-lead mark counts it).
                return f"{t.get('lead', 0) + t.get('responsible', 0)}/{n}" if n else ""
            if role == _BACKGROUND:
                return self._total_brush
            if role == _ALIGN:
                return _CENTER
            if role == _TOOLTIP:
                return self._totals_text(dep)
            if role == _FONT:
                return self._bold
            return None
        row = self.rows[r]
        code = self.cells.get((row.id, dep.id))
        if role == _DISPLAY:
            return role_short(code) if code else ""
        if role == _ALIGN:
            return _CENTER
        if role == _BACKGROUND:
            return self._brushes[code][0] if code else None
        if role == _FOREGROUND:
            return self._brushes[code][1] if code else None
        if role == RoleCodeRole:
            return code
        if role == TaskUuidRole:
            return row.uuid
        if role == _TOOLTIP:
            what = role_label(code) if code else self.tr("no role")
            return f"{row.label}\n{dep.name}：{what}"
        return None

    def _totals_text(self, dep) -> str:
        t = self.totals.get(dep.id, {})
        parts = [f"{role_label(r)} {t.get(r, 0)}" for r in ("lead", "support", "responsible", "guide")]
        return f"{dep.name}\n" + self.tr("Tasks shown: {parts}").format(parts="，".join(parts))

    def headerData(self, section, orientation, role=_DISPLAY):
        if orientation != _VERTICAL:
            if not 0 <= section < len(self.departments):
                return None
            dep = self.departments[section]
            if role == _DISPLAY:
                return dep.short_name or dep.name
            if role == _TOOLTIP:
                note = "\n" + self.tr("New department, not reviewed yet") if dep.is_new else ""
                return self._totals_text(dep) + note
            return None
        if section == len(self.rows):
            if role == _DISPLAY:
                return self.tr("Total (lead or responsible / all)")
            if role == _FONT:
                return self._bold
            return None
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        if role == _DISPLAY:
            return "\u3000" * row.depth + row.label
        if role == TaskUuidRole:
            return row.uuid
        if role == _TOOLTIP:
            return row.label + ("\n" + self.tr("No lead department") if row.id in self.missing else "")
        if role == _FOREGROUND:
            return self._warn_brush if row.id in self.missing else None
        if role == _FONT:
            return self._bold if row.depth == 0 else None
        return None

    # ---- editing ---------------------------------------------------------------------
    def set_role(self, indexes, role: str | None) -> bool:
        """Give (or, with None, take away) the role for every selected cell: one undo step."""
        ws = self.session.ws
        if ws is None or self.session.readonly:
            return False
        cells = []
        for index in indexes:
            if not index.isValid() or self.is_total_row(index.row()):
                continue
            row, dep = self.rows[index.row()], self.departments[index.column()]
            if self.cells.get((row.id, dep.id)) != role:
                cells.append((row.uuid, dep.id, role))
        if not cells:
            return False

        def apply(cell):
            task_uuid, dep_id, code = cell
            if code is None:
                ws.unassign(task_uuid, dep_id)
            else:
                ws.assign(task_uuid, dep_id, code)

        return self.session.edit_each(
            cells, apply, msg("store.op.assign_n", n=len(cells)))


def _flag_missing(rows, cells, deps_of, missing: set) -> None:
    """Update ``missing`` for ``rows`` (whole sections). Lacking a lead: departments are on
    the task but none leads or is responsible; or a leaf without any department in a
    section where the others have them (headings, goals and safeguards without
    departments are normal)."""
    staffed = {r.section for r in rows if r.id in deps_of}
    for r in rows:
        roles = {cells[(r.id, d)] for d in deps_of.get(r.id, ())}
        if not roles & {"lead", "responsible"} and (
                roles or (r.leaf and r.depth > 0 and r.section in staffed)):
            missing.add(r.id)
        else:
            missing.discard(r.id)


def _totals(cells: dict, departments, shown: dict | None) -> dict[int, dict[str, int]]:
    """{department id: {role: n}} over the shown rows (all when ``shown`` is None)."""
    totals: dict[int, dict[str, int]] = {d.id: {} for d in departments}
    for (task_id, dep), role in cells.items():
        if dep in totals and (shown is None or task_id in shown):
            totals[dep][role] = totals[dep].get(role, 0) + 1
    return totals
