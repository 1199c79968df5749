"""The open workspace as the GUI sees it: one object that owns it and broadcasts changes.

The store calls its listeners after every operation, undo and redo; the session re-emits
that as the Qt signal ``changed(Change)`` and each view decides whether (and how much) to
refresh. Edits from the GUI go through ``edit()``, which turns a refused edit into a
one-line message instead of an exception escaping into Qt.

While an op (``ui.worker.run_op``) has the workspace on the database thread, the session
is held: edits are refused, and the store keeps its changes (``Store.hold_changes``) for
every listener, to tell them in order on the GUI thread when the op ends. Closing or
replacing the workspace first cancels its ops and waits for the database thread to let go
of the connection: closing it under a running statement crashes the process.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from models.errors import InvalidEdit, NotFound, ReadOnlyWorkspace, WorkspaceError
from models.messages import Message, msg


DEMO_PREFIX = "plandesk-demo-"


def remove_demo_folder(path) -> None:
    """The demo's temporary folder goes when its workspace closes (only that folder)."""
    if path is None:
        return
    folder = Path(path).parent
    if folder.name.startswith(DEMO_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


class Session(QObject):
    changed = Signal(object)             # models.entities.Change
    workspaceChanged = Signal(object)    # the new Workspace, or None
    closing = Signal(object)             # the Workspace about to be closed or replaced
    notice = Signal(str)                 # a refused edit: one line for the status bar
    failure = Signal(str)                # an edit failed for another reason: show a dialog

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = None
        self.temporary = False   # a demo workspace: not remembered among recent files
        self._ops: list = []     # the ui.worker Jobs that have the workspace (GUI thread only)

    @property
    def readonly(self) -> bool:
        return self.ws is None or self.ws.readonly

    def set_workspace(self, ws, temporary: bool = False) -> None:
        """Show ``ws`` (or nothing); the previous workspace is closed."""
        old, was_temporary = self.ws, self.temporary
        if old is not None:
            self._stop_ops()
            self.closing.emit(old)
            old.remove_listener(self._on_change)
        self.ws = ws
        self.temporary = temporary
        if ws is not None:
            ws.add_listener(self._on_change)
        self.workspaceChanged.emit(ws)
        if old is not None and old is not ws:
            old.close()
            if was_temporary:
                remove_demo_folder(old.path)

    def hand_over(self, other: Session) -> None:
        """Give the open workspace to another session (a rebuilt window) without closing it."""
        ws, temporary = self.ws, self.temporary
        self._stop_ops()
        if ws is not None:
            ws.remove_listener(self._on_change)
        self.ws, self.temporary = None, False
        other.set_workspace(ws, temporary)

    def close(self) -> None:
        self.set_workspace(None)

    def _on_change(self, change) -> None:
        self.changed.emit(change)

    @property
    def busy(self) -> bool:
        """An op has the workspace: the GUI must not touch it."""
        return bool(self._ops)

    def hold(self, job) -> None:
        """``job`` (an op) has the workspace from now on until ``release(job)``."""
        self._ops.append(job)

    def release(self, job) -> None:
        if job in self._ops:
            self._ops.remove(job)

    def _stop_ops(self) -> None:
        """Cancel the ops on the workspace and wait until the database thread lets go of it
        (their outcome still arrives, later, on the GUI thread)."""
        if not self._ops:
            return
        from .worker import wait_for_ops
        for job in list(self._ops):
            job.cancel()
        wait_for_ops()

    def edit(self, fn: Callable, *args, **kwargs):
        """Run one store edit; returns its result, or None when it was refused."""
        if self.busy:
            self.notice.emit(str(msg("app.busy")))
            return None
        try:
            return fn(*args, **kwargs)
        except (InvalidEdit, NotFound) as e:
            self.notice.emit(str(e))
        except ReadOnlyWorkspace as e:
            self.notice.emit(str(e))
        except WorkspaceError as e:
            self.failure.emit(str(e))
        return None

    def edit_each(self, items, fn: Callable, label: Message) -> bool:
        """Apply ``fn(item)`` to every item as ONE undo step; True when it went through.

        A single item keeps the store's own label (“删除任务“…””); several get ``label``, a message rendered in the
        clerk's language when the undo menu shows it.
        """
        items = list(items)
        if not items:
            return False
        ws = self.ws

        def run():
            if len(items) == 1:
                fn(items[0])
                return True
            with ws.operation(label):
                for item in items:
                    fn(item)
            return True
        return bool(self.edit(run))
