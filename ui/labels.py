"""Translated names of the domain's codes: roles, statuses, deadline and plan kinds.

Views ask for these for every painted cell, so each table is translated once and cached
(the language is chosen at start-up; it changes on the next start).
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate   # lupdate finds translate("Context", "text")


def role_label(role: str) -> str:
    return _role_label_table().get(role, role)


@cache
def _role_label_table() -> dict[str, str]:
    return {
        "lead": translate("Labels", "Lead"),
        "support": translate("Labels", "Support"),
        "responsible": translate("Labels", "Responsible"),
        "guide": translate("Labels", "Guide"),
    }


def role_short(role: str) -> str:
    """The one-character mark of a role in the responsibility matrix (牵/配/负/导)."""
    return _role_short_table().get(role, "")


@cache
def _role_short_table() -> dict[str, str]:
    return {
        "lead": translate("Labels", "L", "matrix cell: lead"),
        "support": translate("Labels", "S", "matrix cell: support"),
        "responsible": translate("Labels", "R", "matrix cell: responsible"),
        "guide": translate("Labels", "G", "matrix cell: guide"),
    }


def status_label(status: str) -> str:
    return _status_label_table().get(status, status)


@cache
def _status_label_table() -> dict[str, str]:
    return {
        "not_started": translate("Labels", "Not started"),
        "in_progress": translate("Labels", "In progress"),
        "done": translate("Labels", "Done"),
        "": "",
    }


def deadline_kind_label(kind: str) -> str:
    return _deadline_kind_label_table().get(kind, kind)


@cache
def _deadline_kind_label_table() -> dict[str, str]:
    return {
        "by": translate("Labels", "due by"),
        "ongoing": translate("Labels", "ongoing"),
        "recurring": translate("Labels", "recurring"),
        "": "",
    }


def plan_kind_label(kind: str) -> str:
    return _plan_kind_label_table().get(kind, kind)


@cache
def _plan_kind_label_table() -> dict[str, str]:
    return {
        "work_points": translate("Labels", "Work points"),
        "action_plan": translate("Labels", "Action plan"),
        "work_plan": translate("Labels", "Work plan"),
        "implementation_plan": translate("Labels", "Implementation plan"),
        "division_table": translate("Labels", "Division table"),
        "other": translate("Labels", "Other"),
    }


def department_kind_label(kind: str) -> str:
    return _department_kind_label_table().get(kind, kind)


@cache
def _department_kind_label_table() -> dict[str, str]:
    return {"unit": translate("Labels", "Unit"),
            "collective": translate("Labels", "Collective")}


# Keys that set a role in the matrix: digits 1–4 and the pinyin initials Q/P/F/D
# (牵 qiān, 配 pèi, 负 fù, 导 dǎo).
ROLE_KEYS = {"1": "lead", "Q": "lead", "2": "support", "P": "support",
             "3": "responsible", "F": "responsible", "4": "guide", "D": "guide"}


def forget_translations() -> None:
    """Drop the cached tables (after translators were installed or removed)."""
    for table in (_role_label_table, _role_short_table, _status_label_table,
                  _deadline_kind_label_table, _plan_kind_label_table,
                  _department_kind_label_table):
        table.cache_clear()
