"""The plan-document importer: plan text or .docx -> one plan in the dump shape.

Public API (others depend on these names)::

    parse_text(text, source_name="") -> dict        # pasted text or a decoded .txt
    parse_file(path) -> dict                         # .txt (UTF-8/GB18030/UTF-16) or .docx
    PlanImportError (alias ImportError_)             # one clear line naming the file
    responsibility.parse_responsibility(text, convention=None) -> (roles, convention)
    responsibility.split_units(text) -> list[str]
    targets.find_targets(text) -> list[dict]
    table.parse_table_rows(rows, source_name, first_row_number=1) -> dict

The plan dict: title, kind, issuer, doc_number, year,
head{addressees, body, signer, date, date_text, note, notice_title, cc}, preamble,
conventions{lead_first, omitted_units}, warnings[{line, message}],
tasks[{level, label_style, source_label, title, text, deadline, roles, targets, line,
children}]. ``conventions`` and ``head.cc`` are extras beyond the dump shape: what the
document stated once for all tasks ("排在第一位的为牵头单位", units "不再列出") and the
抄送 line of a plan issued as its own document.

How the pieces fit (one idea per module):

    reader / decoding / docx_reader, docx_numbering   file -> text or blocks
    normalize, furniture, blocks, spaced_table        text -> clean paragraphs and tables
    head, head_lines                                  the notice and title before the tasks
    labels, sentences, tree                           numbering -> hierarchy
    table, table_cells                                division tables -> hierarchy + roles
    responsibility, units, deadlines, targets, tasks  what each task says
    sections, plan                                    attachments; the plan dict

No Qt here: the CLI and the GUI both call these functions.
"""

from __future__ import annotations

from .errors import ImportError_, PlanImportError
from .plan import parse_text
from .reader import parse_file

__all__ = ["parse_text", "parse_file", "PlanImportError", "ImportError_"]
