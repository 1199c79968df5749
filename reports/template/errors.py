"""The error the template code raises for a workbook it cannot take (one line, by code)."""
from __future__ import annotations

from models.messages import PlanDeskError


class TemplateError(PlanDeskError, ValueError):
    """A template that cannot be read, matched or filled; the message names file and cell."""
