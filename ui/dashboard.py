"""The 进度 tab: a round's traffic lights as charts and the list of late and at-risk tasks.

    dash = DashboardWidget(ws, plan_uuid)
    dash.taskActivated.connect(main_window.show_task)     # str task uuid

Clicking a slice or a bar narrows the table to that group (a light, a department, a
month) and emits ``taskActivated`` with the group's first — most urgent — task, as the
main window expects from any click on a task; set ``chart_picks_activate = False`` to
only narrow the table. A target bar stands for one task and always emits it. Activating
a table row (double-click, Enter) emits its task.

The widget listens to the workspace: any change to tasks, reports, rounds or roles
refreshes it — at once when it is visible, else when it is next shown (a 10,000-task
plan costs about a second to evaluate and draw).
"""
from __future__ import annotations

import datetime as dt
import weakref

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QSplitter, QTableView, QToolButton,
                               QVBoxLayout, QWidget)

from models.errors import NotFound
from models.status import LIGHTS, flag_label, light_label
from models.status.summary import problem_tasks
from models.status.view import progress_view

from .dashboard_model import (DEADLINE, LEAD, LIGHT, NUMBER, TITLE, WHY, ProblemTableModel,
                              TaskUuidRole)
from .dashboard_rounds import RoundBar

RELEVANT_TABLES = frozenset({"tasks", "progress", "rounds", "assignments", "plans", "targets",
                             "departments"})
CHART_ORDER = ("status", "department", "month", "target")


class DashboardWidget(QWidget):
    taskActivated = Signal(str)

    def __init__(self, ws, plan_uuid, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.ws = None
        self.plan_uuid = plan_uuid
        self.today = today                 # fixed clock for tests; None = the real today
        self.chart_picks_activate = True
        self.view = None                   # the last models.status.view.ProgressView
        self._round: str | None = None     # None: the current round
        self._filter: tuple[str, str] | None = None
        self._dirty = False
        self._listener = None
        self.canvases: dict = {}

        self.rounds = RoundBar(self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.charts = QWidget(self)
        self.chart_grid = QGridLayout(self.charts)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.no_round = QLabel(self.tr("No reporting round yet, so nothing has been reported "
                                       "and no task can be judged.\nCreate a round with "
                                       "“New round…” above to send workbooks and collect "
                                       "progress."), self.charts)
        self.no_round.setObjectName("no_round_note")
        self.no_round.setAlignment(Qt.AlignCenter)
        self.no_round.setWordWrap(True)
        self.no_round.setStyleSheet("color: #555; font-size: 14px;")
        self.chart_grid.addWidget(self.no_round, 0, 0, 2, 2)
        self.filter_label = QLabel(self)
        self.show_all = QPushButton(self.tr("Show all late and at-risk tasks"), self)
        self.model = ProblemTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed widths, not ResizeToContents: that measures every row (seconds for 5,000).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for col, width in ((NUMBER, 80), (LEAD, 140), (DEADLINE, 120), (LIGHT, 70)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setSectionResizeMode(WHY, QHeaderView.Stretch)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label, 1)
        bar.addWidget(self.show_all)
        lower_layout.addLayout(bar)
        lower_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.charts)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The round bar, and on its right the window's report buttons (add_tool_actions).
        self.tools = QHBoxLayout()
        self.tools.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.rounds, 1)
        top.addLayout(self.tools)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)          # several changes in a row: one refresh
        self._timer.timeout.connect(self.refresh)
        self.rounds.roundChosen.connect(self.set_round)
        self.show_all.clicked.connect(self.clear_filter)
        self.table.activated.connect(self._row_activated)
        self.set_workspace(ws, plan_uuid)

    def add_tool_actions(self, actions) -> None:
        """Buttons for the window's actions on the round shown (progress report, follow-up
        notices), right of the round bar."""
        for action in actions:
            b = QToolButton(self)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonTextOnly)
            self.tools.addWidget(b)

    # ---- what is shown -------------------------------------------------------------------
    def set_workspace(self, ws, plan_uuid=None) -> None:
        """Show another workspace (or none); listens to its changes instead of the old one's."""
        if self.ws is not None and self._listener is not None:
            self.ws.remove_listener(self._listener)
        self.ws, self._listener = ws, None
        if ws is not None:
            me = weakref.ref(self)

            def listener(change, me=me):
                widget = me()
                if widget is not None:
                    widget._on_change(change)

            self._listener = listener
            ws.add_listener(listener)
            self.destroyed.connect(lambda *_, ws=ws, fn=listener: ws.remove_listener(fn))
        self.set_plan(plan_uuid)

    def set_plan(self, plan_uuid) -> None:
        self.plan_uuid = plan_uuid
        self._round = None
        self._filter = None
        self.refresh()

    def set_round(self, name: str | None) -> None:
        """Show the round called ``name`` ('' or None: the current round)."""
        self._round = name or None
        self._filter = None
        self.refresh()

    def current_round(self) -> str | None:
        return self.view.statuses.round_name if self.view else None

    # ---- refreshing ----------------------------------------------------------------------
    def _on_change(self, change) -> None:
        if change.tables and not (change.tables & RELEVANT_TABLES):
            return
        if self.isVisible():
            self._timer.start()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def refresh(self) -> None:
        """Evaluate the plan for the round and redraw everything."""
        self._dirty = False
        self.view = None
        if self.ws is not None and self.plan_uuid is not None:
            try:
                self.view = progress_view(self.ws, self.plan_uuid, self._round, self.today)
            except NotFound:
                if self._round is not None:      # the round was deleted or renamed
                    self._round = None
                    return self.refresh()
                self.view = None                 # the plan is gone
        self._show_rounds()
        self._show_summary()
        self._show_charts()
        self._show_table()

    @property
    def has_rounds(self) -> bool:
        return self.view is not None and bool(self.view.data.rounds)

    def _show_rounds(self) -> None:
        self.rounds.today = self.today
        if self.view is None:
            self.rounds.set_rounds(self.ws, None, [], None)
            return
        self.rounds.set_rounds(self.ws, self.plan_uuid, self.view.data.rounds,
                               self.view.statuses.round_name)

    def _show_summary(self) -> None:
        if self.view is None:
            self.summary_label.setText(self.tr("No plan selected."))
            return
        s, st = self.view.summary, self.view.statuses
        if not self.has_rounds:
            self.summary_label.setText(self.tr("{total} tasks. No reporting round yet: create "
                                               "one to collect reports.").format(total=s.total))
            return
        as_of = st.as_of.isoformat() if st.as_of else ""
        text = self.tr("As of {date}: {total} tasks — {late} late ({overdue} overdue), "
                       "{risk} at risk, {ok} on track ({done} done).").format(
            date=as_of, total=s.total, late=s.by_light["late"], overdue=s.flags["overdue"],
            risk=s.by_light["at_risk"], ok=s.by_light["on_track"], done=s.done)
        if st.round_name:
            text += " " + self.tr("{n} without a report this round.").format(
                n=s.flags["no_report"])
        else:
            text += " " + self.tr("No reporting round yet: create one to collect reports.")
        self.summary_label.setText(text)

    def chart_text(self) -> dict:
        """The charts' labels, translated (keys of reports.charts.TEXT)."""
        return {
            "done": flag_label("done"), **{k: light_label(k) for k in LIGHTS},
            "status_title": self.tr("All tasks"), "total": self.tr("{n} tasks"),
            "slice": self.tr("{label}  {n} ({pct}%)"),
            "department_title": self.tr("By lead department"),
            "no_department": self.tr("(no lead department)"),
            "others": self.tr("{n} more departments ({tasks} tasks) not shown"),
            "month_title": self.tr("Tasks by month due"), "month_axis": self.tr("Tasks"),
            "month_label": self.tr("{m}"), "month_label_year": self.tr("{y}-{m}"),
            "target_title": self.tr("Targets: reported value / target"),
            "target_title_no_actual": self.tr("Targets (no values reported yet)"),
            "target_axis": self.tr("% of target"), "target_value_axis": self.tr("Target"),
            "target_missing": self.tr("not reported"), "no_data": self.tr("No data"),
            "count_axis": self.tr("Tasks"),
        }

    def _show_charts(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # ~1 s: only here

        from reports.charts import progress_figures
        for canvas in self.canvases.values():
            self.chart_grid.removeWidget(canvas)
            canvas.deleteLater()
        self.canvases = {}
        self.no_round.setVisible(self.view is not None and not self.has_rounds)
        # Without a round nothing was reported: lights would say "on track" for every task
        # that is not overdue yet, so no charts until a round exists.
        if self.view is None or not self.has_rounds:
            return
        figures = progress_figures(self.view, self.chart_text())
        for i, name in enumerate(CHART_ORDER):
            canvas = FigureCanvasQTAgg(figures[name])
            canvas.setParent(self.charts)
            # Small enough that two rows fit the smallest window (constrained layout
            # shrinks the axes to fit); larger, the lower row was cut off.
            canvas.setMinimumSize(240, 130)
            canvas.mpl_connect("pick_event", self._picked)
            self.chart_grid.addWidget(canvas, i // 2, i % 2)
            self.canvases[name] = canvas

    def _show_table(self) -> None:
        rows = self._rows()
        self.model.set_rows(rows)
        self.show_all.setVisible(self._filter is not None)
        if self._filter is None:
            self.filter_label.setText(self.tr("Late and at-risk tasks: {n}").format(n=len(rows)))
        else:
            self.filter_label.setText(self.tr("Tasks in the chosen group: {n}").format(n=len(rows)))

    def _rows(self) -> list:
        if self.view is None:
            return []
        statuses = self.view.statuses
        if self._filter is None:
            return problem_tasks(statuses)
        kind, value = self._filter
        everything = problem_tasks(statuses, ("late", "at_risk", "on_track"))
        if kind == "light":
            return [s for s in everything if s.light == value]
        if kind == "department":
            return [s for s in everything if value in s.lead]
        if kind == "month":
            return [s for s in everything if (s.deadline or "")[:7] == value
                    and s.days_left is not None]
        if kind == "task":
            return [s for s in everything if s.task_uuid == value]
        return everything

    # ---- clicks --------------------------------------------------------------------------
    def set_filter(self, kind: str, value: str) -> None:
        """Narrow the table to one group: ("light", "late"), ("department", name),
        ("month", "2025-06") or ("task", uuid)."""
        self._filter = (kind, value)
        self._show_table()

    def clear_filter(self) -> None:
        self._filter = None
        self._show_table()

    def _picked(self, event) -> None:
        from reports.charts import pick_key
        key = pick_key(event.artist)
        if key is None:
            return
        self.activate_group(*key)

    def activate_group(self, kind: str, value: str) -> None:
        """What a click on a chart does (also callable from tests)."""
        if kind == "task":
            self.taskActivated.emit(value)
            return
        self.set_filter(kind, value)
        first = self.model.status_at(0)
        if first is not None:
            self.table.selectRow(0)
            if self.chart_picks_activate:
                self.taskActivated.emit(first.task_uuid)

    def _row_activated(self, index) -> None:
        uuid = index.data(TaskUuidRole)
        if uuid:
            self.taskActivated.emit(uuid)
