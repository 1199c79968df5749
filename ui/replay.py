"""Undo and redo from the window: a step of a few rows is replayed at once, on the GUI
thread like the edit it reverses; a big one (an import, a carry, a deleted plan: seconds
for thousands of rows) is replayed as an op on the database thread (``ui.worker.run_op``).
"""
from __future__ import annotations

from .worker import GUI_ROWS, run_op


def _replay_op(ctx, ws, which: str) -> str | None:
    ctx.check()
    return getattr(ws, which)()


def replay(window, which: str, on_done) -> object:
    """Undo or redo (``which``) the top step of the window's workspace; ``on_done(label)``
    is called with the step's label (None when nothing was replayed). Returns the op's job
    for a big step, else None."""
    session = window.session
    ws = session.ws
    if ws is None or ws.readonly:
        return None
    if session.busy or ws.step_size(which) <= GUI_ROWS:
        on_done(session.edit(getattr(ws, which)))      # refused while an op runs
        return None
    action = window.actions.undo if which == "undo" else window.actions.redo
    return run_op(session, _replay_op, which, parent=window,
                  title=action.text().replace("&", ""), on_success=on_done)
