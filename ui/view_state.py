"""What the window looked like per workspace — the plan, the tab and the expanded tasks —
kept in the settings and brought back when the workspace is opened again.

    state = ViewState(window, settings)
    state.save()       # before the workspace closes (and when the window closes)
    state.restore()    # after a workspace was shown
"""
from __future__ import annotations

import json

MAX_WORKSPACES = 8
MAX_EXPANDED = 2000     # a fully expanded 10,000-task plan: keep the first branches only


class ViewState:
    def __init__(self, window, settings):
        self.window = window
        self.settings = settings

    def _all(self) -> dict:
        try:
            data = json.loads(self.settings.view_state or "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _key(self) -> str | None:
        session = self.window.session
        ws = session.ws
        if ws is None or ws.path is None or session.temporary:
            return None
        return str(ws.path)

    def current(self) -> dict:
        w = self.window
        return {"plan": w.current_plan, "tab": w.tabs.currentIndex(),
                "expanded": w.breakdown.expanded_uuids()[:MAX_EXPANDED]}

    def save(self) -> None:
        key = self._key()
        if key is None or not self.window.persist:
            return
        entry = self.current()
        data = {k: v for k, v in self._all().items() if k != key}
        data = {key: entry, **dict(list(data.items())[:MAX_WORKSPACES - 1])}
        self.settings.view_state = json.dumps(data, ensure_ascii=False)

    def entry(self) -> dict:
        key = self._key()
        entry = self._all().get(key) if key else None
        return entry if isinstance(entry, dict) else {}

    def restore(self) -> None:
        self.apply(self.entry())

    def apply(self, entry: dict) -> None:
        if not entry:
            return
        w = self.window
        if entry.get("plan"):
            w.plan_list.select(entry["plan"])
        if isinstance(entry.get("tab"), int) and 0 <= entry["tab"] < w.tabs.count():
            w.tabs.setCurrentIndex(entry["tab"])
        if w.current_plan == entry.get("plan"):
            w.breakdown.expand_uuids(entry.get("expanded") or [])
