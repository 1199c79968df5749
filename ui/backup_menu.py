"""The 文件 menu's 备份与恢复… entry; the dialog itself (``ui.backup_dialog``, with the
restore machinery) is imported when the clerk opens it, not at start-up."""
from __future__ import annotations

from PySide6.QtGui import QAction

from models.messages import msg


def install(window) -> QAction:
    """The 文件 menu's 备份与恢复… entry (above 重新载入), for the workspace shown."""
    act = QAction(str(msg("app.backup.menu")), window)
    act.setObjectName("backup_action")
    act.triggered.connect(lambda: _open(window) if can_restore(window) else None)
    file_menu = window.actions.file_menu
    file_menu.insertAction(window.actions.reload, act)
    file_menu.aboutToShow.connect(lambda: act.setEnabled(can_restore(window)))
    window.backup_action = act
    return act


def _open(window) -> None:
    from .backup_dialog import open_backups
    open_backups(window)


def can_restore(window) -> bool:
    ws = window.session.ws
    return ws is not None and ws.path is not None and not ws.readonly \
        and not window.session.temporary
