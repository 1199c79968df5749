"""The 进度 tab: a slot for the progress dashboard (``ui.dashboard.DashboardWidget``, by a
colleague). Until that module exists the tab says so plainly."""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from . import features

log = logging.getLogger(__name__)


class ProgressTab(QWidget):
    taskActivated = Signal(str)     # forwarded from the dashboard: a task uuid

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.dashboard: QWidget | None = None
        self._shown: tuple = (None, None)
        self._tool_actions: list = []
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._show_empty()

    def _show_empty(self, error: str = "") -> None:
        if not features.available("dashboard"):
            text = self.tr("The progress dashboard is not available yet.\n"
                           "Progress reported by departments is shown per task in the "
                           "detail panel of the breakdown.")
        elif error:
            text = self.tr("The progress dashboard could not be shown: {error}").format(error=error)
        else:
            text = self.tr("Select a plan to see its progress.")
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def add_tool_actions(self, actions) -> None:
        """The window's report actions, shown as buttons on every dashboard built here."""
        self._tool_actions += list(actions)
        if self.dashboard is not None and hasattr(self.dashboard, "add_tool_actions"):
            self.dashboard.add_tool_actions(actions)

    def current_round(self) -> str | None:
        """The round the dashboard shows for the current plan (None: the current round, as
        the report functions understand it — also before the tab was first shown)."""
        if self.dashboard is None or self._shown != (self.session.ws, self.wanted_plan):
            return None
        current = getattr(self.dashboard, "current_round", None)
        return current() if current is not None else None

    def today(self):
        """The dashboard's clock (fixed in tests; None: the real today)."""
        return getattr(self.dashboard, "today", None)

    @property
    def wanted_plan(self) -> str | None:
        return getattr(self, "_wanted", None)

    def set_plan(self, plan_uuid: str | None) -> None:
        """Remember the plan; the dashboard (a second or so on a big plan) is built when the
        tab is first shown, not while the clerk works elsewhere."""
        self._wanted = plan_uuid
        if self.isVisible():
            self._build()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._build()

    def _build(self) -> None:
        ws, plan_uuid = self.session.ws, getattr(self, "_wanted", None)
        if self._shown == (ws, plan_uuid):
            return
        self._shown = (ws, plan_uuid)
        if self.dashboard is not None:
            self.stack.removeWidget(self.dashboard)
            self.dashboard.deleteLater()
            self.dashboard = None
        cls = features.get("dashboard")
        if cls is None or ws is None or plan_uuid is None:
            self._show_empty()
            return
        try:
            self.dashboard = cls(ws, plan_uuid, self)
        except Exception as e:   # a colleague's widget failing must not take the window down
            log.exception("dashboard failed")
            self._show_empty(str(e))
            return
        if self._tool_actions and hasattr(self.dashboard, "add_tool_actions"):
            self.dashboard.add_tool_actions(self._tool_actions)
        signal = getattr(self.dashboard, "taskActivated", None)
        if signal is not None:
            signal.connect(self.taskActivated)
        self.stack.addWidget(self.dashboard)
        self.stack.setCurrentWidget(self.dashboard)
