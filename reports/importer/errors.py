"""The one error the plan importer raises, and the warnings it returns.

Every failure a clerk can cause (a wrong file, an empty file, a document without a plan in
it) becomes a ``PlanImportError`` carrying a message code that names the file, so the CLI can
print it as one line and exit with status 2. Warnings are dicts ``{line, code, args,
message}``: the code and arguments for a UI that renders them in its own language, the
Chinese text for everything that just shows ``message``.
"""

from __future__ import annotations

import re

from models.messages import Message, PlanDeskError, msg, render

_CODE = re.compile(r"[a-z_]+\.[a-z0-9_.]+")


class PlanImportError(PlanDeskError, ValueError):
    """A plan text or .docx could not be imported; the message names the file.

    ``PlanImportError(file, "importer.empty")`` (a catalog code, with extra arguments as
    keywords); a plain text problem is still accepted and shown after the file name.
    """

    def __init__(self, source: str, problem: str | Message, **args):
        self.source = source
        self.problem = problem
        if isinstance(problem, Message):
            message = problem
        elif _CODE.fullmatch(problem):
            message = msg(problem, file=source, **args)
        else:
            line = f"{source}: {problem}" if source else problem
            message = msg("common.text", text=" ".join(line.split()))
        super().__init__(message)


def warn(warnings: list, line: int, code: str, **args) -> None:
    """Append one warning: its line, its code and arguments, and its Chinese text."""
    warnings.append({"line": line, "code": code, "args": args,
                     "message": render(msg(code, **args), "zh")})


# The name the issue asked for; kept as an alias so both spellings work.
ImportError_ = PlanImportError
