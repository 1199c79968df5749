"""The application's settings, typed and in one place, with a version and a migration hook.

Everything the app remembers between runs goes through ``Settings`` — no ``QSettings()``
calls elsewhere. Tests pass their own ``QSettings`` (an .ini file in a temp dir).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
MAX_RECENT = 8


class _Setting:
    """A descriptor for one typed key: reads convert, writes go through at once."""

    def __init__(self, key: str, default, kind: type):
        self.key, self.default, self.kind = key, default, kind

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        raw = obj.store.value(self.key, None)
        if raw is None:
            return self.default
        try:
            if self.kind is bool:
                return raw in (True, "true", "1", 1)
            if self.kind is list:
                # QSettings' INI backend reads a one-element list back as a str.
                return [raw] if isinstance(raw, str) else [str(x) for x in raw]
            if self.kind is QByteArray:
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)
            return self.kind(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, obj, value) -> None:
        obj.store.setValue(self.key, value)


class Settings:
    language = _Setting("ui/language", "", str)             # "", "zh_CN" or "en"
    last_workspace = _Setting("workspaces/last", "", str)
    recent_workspaces = _Setting("workspaces/recent", [], list)
    last_directory = _Setting("files/last_directory", "", str)
    window_geometry = _Setting("window/geometry", QByteArray(), QByteArray)
    window_state = _Setting("window/state", QByteArray(), QByteArray)
    main_splitter = _Setting("window/main_splitter", QByteArray(), QByteArray)
    breakdown_splitter = _Setting("window/breakdown_splitter", QByteArray(), QByteArray)
    view_state = _Setting("workspaces/view_state", "", str)  # JSON: ui.view_state

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings("PlanDesk", "PlanDesk")
        self.migrate()

    @classmethod
    def at(cls, path) -> Settings:
        """Settings kept in an .ini file (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.IniFormat))

    @property
    def version(self) -> int:
        try:
            return int(self.store.value("settings_version", 0))
        except (TypeError, ValueError):
            return 0

    def migrate(self) -> None:
        """Bring settings written by an older PlanDesk up to ``SETTINGS_VERSION``."""
        stored = self.version
        if stored > SETTINGS_VERSION:
            return   # written by a newer PlanDesk: read what we know, change nothing
        # Future steps go here: `if stored < 2: rename keys …`.
        if stored < SETTINGS_VERSION:
            self.store.setValue("settings_version", SETTINGS_VERSION)

    def add_recent(self, path) -> None:
        path = str(Path(path).absolute())
        recent = [p for p in self.recent_workspaces if p != path]
        self.recent_workspaces = [path, *recent][:MAX_RECENT]
        self.last_workspace = path

    def remove_recent(self, path) -> None:
        path = str(Path(path).absolute())
        self.recent_workspaces = [p for p in self.recent_workspaces if p != path]
        if self.last_workspace == path:
            self.last_workspace = ""

    def sync(self) -> None:
        self.store.sync()
