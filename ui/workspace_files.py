"""Opening, creating and closing workspace files, with the store's messages shown plainly.

A workspace another PlanDesk is editing is refused by the store with a line naming who
holds it; the clerk may then open it read-only, where every edit action is disabled.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from models.errors import WorkspaceError, WorkspaceLocked
from models.store import EXTENSION
from models.workspace import Workspace

# ``dialogs`` (the message boxes) is imported where one is shown: none is at start-up.


class WorkspaceFiles(QObject):
    opened = Signal(object)        # the Workspace now shown

    def __init__(self, window, session, settings):
        super().__init__(window)
        self.window, self.session, self.settings = window, session, settings

    def _filter(self) -> str:
        return self.tr("PlanDesk workspaces (*{ext})").format(ext=EXTENSION)

    def _folder(self) -> str:
        return self.settings.last_directory or str(Path.home())

    def choose_and_open(self, readonly: bool = False) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open workspace"),
                                              self._folder(), self._filter())
        return bool(path) and self.open(Path(path), readonly=readonly)

    def open(self, path, readonly: bool = False, temporary: bool = False,
             quiet_missing: bool = False) -> bool:
        """Open ``path``; on a lock, offer read-only. Returns True when it is shown."""
        path = Path(path)
        current = self.session.ws
        if current is not None and current.path == path.absolute() and not readonly:
            return True     # already open here (our own lock would refuse a second open)
        try:
            ws = Workspace.open(path, readonly=readonly)
        except WorkspaceLocked as e:
            from . import dialogs
            if not dialogs.ask_open_readonly(self.window, str(e)):
                return False
            try:
                ws = Workspace.open(path, readonly=True)
            except WorkspaceError as e2:
                dialogs.show_error(self.window, self.tr("Cannot open workspace"), str(e2))
                return False
        except WorkspaceError as e:
            if quiet_missing and not path.exists():
                self.settings.remove_recent(path)
                return False
            from . import dialogs
            from .backup_dialog import offer_restore, restorable
            if restorable(path, e):            # damaged: offer the backups right here
                return offer_restore(self.window, path, e)
            dialogs.show_error(self.window, self.tr("Cannot open workspace"), str(e))
            return False
        self._show(ws, temporary)
        return True

    def new_workspace(self, suggested: Path | None = None) -> bool:
        target = suggested or Path(self._folder()) / (self.tr("Workspace") + EXTENSION)
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New workspace"),
                                              str(target), self._filter())
        if not path:
            return False
        path = Path(path)
        if path.suffix != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        return self.create(path)

    def create(self, path: Path) -> bool:
        try:
            ws = Workspace.create(path)
        except (WorkspaceError, OSError) as e:
            from . import dialogs
            dialogs.show_error(self.window, self.tr("Cannot create workspace"), str(e))
            return False
        self._show(ws, temporary=False)
        return True

    def _show(self, ws, temporary: bool) -> None:
        self.session.set_workspace(ws, temporary=temporary)
        if ws.path is not None and not temporary:
            self.settings.add_recent(ws.path)
            self.settings.last_directory = str(ws.path.parent)
        for note in ws.notes:
            self.window.statusBar().showMessage(note, 15000)
        self.opened.emit(ws)

    def open_demo(self) -> bool:
        from .demo import make_demo_workspace
        try:
            path = make_demo_workspace()
        except (WorkspaceError, OSError) as e:
            from . import dialogs
            dialogs.show_error(self.window, self.tr("Cannot create the demo workspace"), str(e))
            return False
        return self.open(path, temporary=True)

    def reload(self) -> None:
        """Open the same file again (read-only mode: see what the other writer saved)."""
        ws = self.session.ws
        if ws is not None and ws.path is not None:
            path, readonly, temporary = ws.path, ws.readonly, self.session.temporary
            self.session.close()
            self.open(path, readonly=readonly, temporary=temporary)
