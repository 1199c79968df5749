"""What the window shows with no workspace open, or a workspace without plans: a few
big buttons (import a plan, open the demo…) and the recent workspaces."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from .actions import plain_text


class ActionButton(QPushButton):
    """A push button that mirrors a QAction: text, enabled state, tooltip."""

    def __init__(self, action: QAction, parent=None):
        super().__init__(parent)
        self.action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self.setMinimumHeight(40)
        self.setMinimumWidth(160)
        self._sync()

    def _sync(self) -> None:
        self.setText(plain_text(self.action.text()))
        self.setEnabled(self.action.isEnabled())
        self.setToolTip(self.action.toolTip())
        self.setIcon(self.action.icon())


class EmptyState(QWidget):
    recentChosen = Signal(str)
    aboutToShow = Signal()       # before the buttons are made (the window sets their icons)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.subtitle = QLabel(self)
        self.subtitle.setAlignment(Qt.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555; font-size: 14px;")
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(12)
        self.recent_label = QLabel(self.tr("Recent workspaces"), self)
        self.recent_label.setStyleSheet("font-weight: bold;")
        self.recent = QListWidget(self)
        self.recent.setMaximumWidth(640)
        self.recent.setMaximumHeight(180)
        self.recent.itemActivated.connect(lambda item: self.recentChosen.emit(item.data(Qt.UserRole)))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self.buttons)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(24)
        layout.addWidget(self.recent_label, 0, Qt.AlignHCenter)
        layout.addWidget(self.recent, 0, Qt.AlignHCenter)
        layout.addStretch(3)
        self._buttons: list[ActionButton] = []
        self._wanted: list[QAction] = []

    def showEvent(self, event) -> None:
        self.aboutToShow.emit()
        self._make_buttons()
        super().showEvent(event)

    def _make_buttons(self) -> None:
        """The buttons, made when the page is shown: a window opened on a workspace goes
        past the empty page before its first paint and never needs them."""
        if [b.action for b in self._buttons] != self._wanted:
            for b in self._buttons:
                self.buttons.removeWidget(b)
                b.action.changed.disconnect(b._sync)
                b.hide()
                b.deleteLater()
            self._buttons = [ActionButton(a, self) for a in self._wanted]
            for b in self._buttons:
                self.buttons.addWidget(b)

    def show_state(self, title: str, subtitle: str, actions: list[QAction],
                   recent: list[str] = ()) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self._wanted = list(actions)
        if self.isVisible():
            self._make_buttons()
        self.recent.clear()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))
