"""The plan dict every importer returns (see the package docstring for its shape).

Kept apart from ``plan`` so that the table reader, which also builds whole plans, needs
nothing from the text assembly.
"""

from __future__ import annotations

from bisect import bisect_right

from .blocks import Para, Table
from .head_lines import empty_head
from .responsibility import Convention
from .tasks import Finisher


def plan_dict(fields: dict, tasks: list, warnings: list, convention: Convention) -> dict:
    head = fields.get("head") or empty_head()
    return {
        "title": fields.get("title", ""),
        "kind": fields.get("kind", "other"),
        "issuer": fields.get("issuer", ""),
        "doc_number": fields.get("doc_number", ""),
        "year": fields.get("year"),
        "head": head,
        "preamble": fields.get("preamble", ""),
        "conventions": {"lead_first": convention.lead_first,
                        "responsible_leads": convention.responsible_leads,
                        "omitted_units": list(convention.omitted_units)},
        "warnings": sorted(warnings, key=lambda w: w["line"]),
        "attachments": [],
        "tasks": tasks,
    }


def plan_from_nodes(roots: list, warnings: list, fields: dict, unit: str = "row") -> dict:
    finisher = Finisher(warnings)
    tasks = finisher.tasks(roots)
    plan = plan_dict(fields, tasks, warnings, finisher.convention)
    add_sources(plan, {"source_unit": unit})
    return plan


def add_sources(plan: dict, meta: dict, blocks: list | None = None) -> None:
    """Give each task (and warning) its place in the source: ``source`` = {line, and the
    page and the paragraph (.docx) or row (a workbook) where the reader knows them}.

    ``meta`` says what the block numbers count (``source_unit``: "line" for text, "paragraph"
    for Word, "row" for a sheet) and where pages start (``page_starts``: the first block
    number of each page, for PDFs). With ``blocks``, the plan also gets ``source_text``:
    [number, text] of every paragraph and table row as read, for a preview beside the tree.
    """
    unit = meta.get("source_unit", "line")
    starts = meta.get("page_starts") or []

    def where(line, end=None) -> dict:
        out = {"line": line}
        if line is None:
            return out
        if unit != "line":
            out[unit] = line
        if starts:
            out["page"] = max(1, bisect_right(starts, line))
        if end is not None and end != line:
            out["end"] = end
        return out

    def walk(tasks):
        for task in tasks:
            task["source"] = where(task.get("line"), task.pop("end", None))
            walk(task["children"])

    walk(plan["tasks"])
    for warning in plan["warnings"]:
        if warning.get("line") is not None and starts:
            warning["page"] = where(warning["line"])["page"]
    if blocks is not None:
        text: list = []
        for block in blocks:
            if isinstance(block, Para):
                text.append([block.line, block.text])
            elif isinstance(block, Table):
                text.extend([line, "\t".join(str(c) for c in cells)] for line, cells in block.rows)
        plan["source_text"] = text
