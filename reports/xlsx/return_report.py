"""What reading a returned workbook found: errors, warnings, the diff and the conflicts."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.entities import STATUS_LABELS
from models.messages import language, msg, render


def _zh(lang: str | None) -> bool:
    return (lang or language()) == "zh"


def _colon(lang: str | None) -> str:
    return "：" if _zh(lang) else ": "


@dataclass(slots=True)
class Issue:
    """One problem, at a cell address such as "分工及进展!H12" ("" for the whole file).

    ``task`` is set when the problem concerns one task's row only: the rest of the return
    can still be applied (``apply_return(…, accept_valid=True)``), that task left out.
    """
    address: str
    message: str
    task: str = ""
    row: int = 0

    def text(self, lang: str | None = None) -> str:
        """In ``lang`` (default: the UI's; the message was rendered when the file was read)."""
        return f"{self.address}{_colon(lang)}{self.message}" if self.address else self.message

    def __str__(self) -> str:
        return self.text()


def show(field_name: str, value, lang: str | None = None) -> str:
    """A value as the clerk reads it in the diff."""
    if value in (None, ""):
        return render(msg("exchange.report.empty"), lang)
    if field_name == "status":
        if value in STATUS_LABELS:
            return render(msg(f"exchange.report.status_{value}"), lang)
        return str(value)
    if field_name == "percent":
        return f"{value:g}%"
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


@dataclass(slots=True)     # a whole-plan return holds tens of thousands
class FieldChange:
    """One field of one task's progress: the workspace value (old) → the returned one (new)."""
    task: str            # task uuid
    label: str           # "（一）建设中国地理标志产业大厦"
    department: str
    field: str           # status / percent / text / note
    old: object
    new: object
    address: str
    sent: object = None  # what the workbook was sent with (for conflicts)

    def text(self, lang: str | None = None) -> str:
        who = ""
        if self.department:
            who = f"［{self.department}］" if _zh(lang) else f" [{self.department}]"
        field_name = render(msg(f"exchange.report.field_{self.field}"), lang)
        return (f"{self.address} {self.label}{who} {field_name}{_colon(lang)}"
                f"{show(self.field, self.old, lang)} → {show(self.field, self.new, lang)}")

    def __str__(self) -> str:
        return self.text()


@dataclass
class ReturnReport:
    path: Path
    sha256: str
    meta: dict = field(default_factory=dict)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    conflicts: list[FieldChange] = field(default_factory=list)
    normalised: list[Issue] = field(default_factory=list)   # cells read as the person meant
    already_imported: bool = False
    rows: int = 0
    # task uuid -> the full progress values to record (status, percent, text, note)
    updates: dict = field(default_factory=dict)
    conflict_updates: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def file_name(self) -> str:
        return Path(self.path).name

    @property
    def department(self) -> str:
        return str(self.meta.get("department") or "")

    @property
    def round(self) -> str:
        return str(self.meta.get("round") or "")

    def error(self, address: str, message: str, task: str = "", row: int = 0) -> None:
        self.errors.append(Issue(address, message, task, row))

    def normalise(self, address: str, message: str) -> None:
        self.normalised.append(Issue(address, message))

    @property
    def blocking(self) -> list[Issue]:
        """Errors about the file as a whole: nothing of it can be applied."""
        return [e for e in self.errors if not (e.task or e.row)]

    @property
    def left_out(self) -> list[Issue]:
        """Errors confined to rows: the valid rows can be applied without them."""
        return [e for e in self.errors if e.task or e.row]

    @property
    def partial_ok(self) -> bool:
        """The valid rows can be applied, leaving out the bad ones."""
        return bool(self.errors) and not self.blocking

    def warn(self, address: str, message: str) -> None:
        self.warnings.append(Issue(address, message))

    def summary(self) -> dict:
        return {"file": self.file_name, "department": self.department, "round": self.round,
                "errors": [str(e) for e in self.errors], "warnings": [str(w) for w in self.warnings],
                "normalised": [str(n) for n in self.normalised],
                "changes": len(self.changes), "conflicts": len(self.conflicts),
                "already_imported": self.already_imported}

    def lines(self, lang: str | None = None) -> list[str]:
        """The report as the CLI prints it and the review dialog shows it, in ``lang``
        (default: the UI's)."""
        def line(code: str, **args) -> str:
            return "  " + render(msg(f"exchange.report.{code}", **args), lang)
        head = f"== {self.file_name}"
        if self.department:
            head += (f"（{self.department}，{self.round}）" if _zh(lang)
                     else f" ({self.department}, {self.round})")
        out = [head]
        out += [line("error", issue=e.text(lang)) for e in self.errors]
        out += [line("warning", issue=w.text(lang)) for w in self.warnings]
        out += [line("normalised", issue=n.text(lang)) for n in self.normalised]
        if not self.errors or self.partial_ok:
            out += [line("change", change=c.text(lang)) for c in self.changes]
            out += [line("conflict", change=c.text(lang), value=show(c.field, c.old, lang))
                    for c in self.conflicts]
            if not self.changes and not self.conflicts and not self.already_imported:
                out.append(line("nothing"))
        return out
