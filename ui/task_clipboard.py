"""Copy, cut, paste and duplicate of tasks with their subtrees in the breakdown tree.

The clipboard carries the tasks twice: as PlanDesk data (``MIME``, JSON of
``models.task_copy``), which another plan or another PlanDesk window pastes with roles,
deadlines and targets, and as plain text (number, title, text, one task a line, indented by
level) for Word, WPS or a chat window.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from models.entities import short_title
from models.messages import msg
from models.task_copy import copy_tasks, count, paste_tasks

from .worker import GUI_ROWS, run_op

MIME = "application/x-plandesk-tasks"


def plain_text(nodes) -> str:
    lines: list[str] = []
    base = min((n.depth for n in nodes), default=1)

    def add(node) -> None:
        indent = "  " * (node.depth - base)
        text = f"{node.number}{node.title}"
        if node.text:
            text += node.text
        lines.append(indent + text)
        for child in node.children:
            add(child)
    for n in nodes:
        add(n)
    return "\n".join(lines)


def mime_for(view) -> QMimeData | None:
    nodes = view.selected_nodes()
    if not nodes:
        return None
    data = copy_tasks(view.ws, [n.uuid for n in nodes])
    mime = QMimeData()
    mime.setData(MIME, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    mime.setText(plain_text(nodes))
    return mime


def copy(view) -> int:
    """Put the selected tasks on the clipboard; how many (with subtasks) were copied."""
    mime = mime_for(view)
    if mime is None:
        return 0
    n = count(json.loads(bytes(mime.data(MIME)).decode("utf-8")))
    app = QGuiApplication.instance()
    if not app.property("plandesk_clipboard"):
        # Tasks left on the clipboard at exit crash Qt's teardown (the data is Python's):
        # they are taken off when the application quits.
        app.setProperty("plandesk_clipboard", True)
        app.aboutToQuit.connect(_release)
    QGuiApplication.clipboard().setMimeData(mime)
    return n


def _release() -> None:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is not None and mime.hasFormat(MIME):
        QGuiApplication.clipboard().clear()


def clipboard_tasks() -> dict | None:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(MIME):
        return None
    try:
        return json.loads(bytes(mime.data(MIME)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def paste(view, data: dict | None = None) -> list[str]:
    """Paste after the current task on its level (at the end with none); the new uuids."""
    data = data if data is not None else clipboard_tasks()
    if data is None or not view.model.writable:
        if data is None:
            view.session.notice.emit(QCoreApplication.translate(
                "BreakdownView", "The clipboard holds no tasks to paste."))
        return []
    node = view.current_node()
    parent = None if node is None or node.parent is view.model.root else node.parent.uuid
    position = None if node is None else node.row + 1
    return _paste(view, data, parent, position)


def duplicate(view) -> list[str]:
    """A copy of the selected tasks right after them (Ctrl+D); the clipboard is untouched."""
    nodes = view.selected_nodes()
    if not nodes or not view.model.writable:
        return []
    data = copy_tasks(view.ws, [n.uuid for n in nodes])
    last = nodes[-1]
    parent = None if last.parent is view.model.root else last.parent.uuid
    return _paste(view, data, parent, last.row + 1)


def _paste_op(ctx, ws, plan_uuid: str, data: dict, parent, position) -> list[str]:
    ctx.check()
    return paste_tasks(ws, plan_uuid, data, parent, position)


def _paste(view, data: dict, parent, position) -> list[str]:
    """Insert ``data`` and select the copies: at once for a few tasks, as an op (its
    copies selected when it ends; [] returned) for more than ``GUI_ROWS``."""
    session = view.session
    if count(data) > GUI_ROWS and not session.busy:
        run_op(session, _paste_op, view.model.plan_uuid, data, parent, position, parent=view,
               title=str(msg("app.op.paste_tasks", n=count(data), title=short_title(
                   (data.get("tasks") or [{}])[0].get("title", "")))),
               on_success=view.select_many)
        return []
    made = session.edit(paste_tasks, view.ws, view.model.plan_uuid, data, parent, position)
    if made:
        view.select_many(made)
    return made or []
