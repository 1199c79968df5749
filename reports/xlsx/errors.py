"""The one error the workbook code raises for a file it cannot take."""
from __future__ import annotations

from models.messages import PlanDeskError


class WorkbookError(PlanDeskError, ValueError):
    """A workbook that cannot be read or used. The message is ONE line: what and where.

    ``where`` is a file name, optionally followed by a sheet and cell ("f.xlsx 分工表!C7").
    """

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        line = f"{where}: {problem}" if where else problem
        super().__init__(" ".join(line.split()))
