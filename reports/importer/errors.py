"""The one error the plan importer raises.

Every failure a clerk can cause (a wrong file, an empty file, a document without a plan in
it) becomes a ``PlanImportError`` whose message is ONE line naming the file, so the CLI can
print it as is and exit with status 2.
"""


from models.messages import PlanDeskError


class PlanImportError(PlanDeskError, ValueError):
    """A plan text or .docx could not be imported; the message names the file."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        # one line, whatever the problem text contained
        line = f"{source}: {problem}" if source else problem
        super().__init__(" ".join(line.split()))


# The name the issue asked for; kept as an alias so both spellings work.
ImportError_ = PlanImportError
