"""Errors the store raises. Each carries one line a clerk can read."""

from .messages import PlanDeskError


class WorkspaceError(PlanDeskError):
    """Base class: the message is one clear line, shown as is by the CLI and the GUI."""


class NotAWorkspace(WorkspaceError):
    """The file is not a PlanDesk workspace (empty, truncated, another format)."""


class NewerWorkspace(WorkspaceError):
    """The workspace was written by a newer PlanDesk; it is left untouched."""


class WorkspaceLocked(WorkspaceError):
    """Another PlanDesk process has the workspace open for writing."""


class ReadOnlyWorkspace(WorkspaceError):
    """An edit was attempted on a workspace opened read-only."""


class NotFound(WorkspaceError):
    """A plan, task, department or round that does not exist."""


class InvalidEdit(WorkspaceError):
    """An edit that would break the tree or the data (a cycle, a bad role…)."""


class DamagedWorkspace(NotAWorkspace):
    """SQLite itself reports the file's content broken; a backup can replace it."""


class StorageError(WorkspaceError):
    """The disk or the OS refused: full, read-only, no permission, path too long."""
