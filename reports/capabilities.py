"""The optional parts PlanDesk finds on this machine, and what each one enables.

Probed without importing or running them (a PATH lookup, ``importlib.util.find_spec``), so
asking costs nothing at start-up. ``main.py --check`` and the About box list them.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache

from models.messages import Message, msg


@dataclass(frozen=True)
class Capability:
    key: str
    found: bool
    detail: str            # where it was found (a path, a module), or ""
    enables: Message       # what the clerk gets with it / loses without it


def version() -> str:
    """PlanDesk's version: the installed package's metadata (also inside the frozen build)."""
    from importlib import metadata
    try:
        return metadata.version("plandesk")
    except metadata.PackageNotFoundError:
        return _version_from_pyproject()


@cache
def _version_from_pyproject() -> str:
    import re
    from pathlib import Path
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.M)
    except OSError:
        found = None
    return found.group(1) if found else "0"


def _module(name: str) -> str:
    spec = importlib.util.find_spec(name)
    return (spec.origin or name) if spec else ""


def probe() -> list[Capability]:
    from reports.pdf import find_soffice
    soffice = find_soffice() or ""
    ocr = _module("rapidocr_onnxruntime") or _module("rapidocr")
    return [
        Capability("libreoffice", bool(soffice), soffice, msg("system.enables_libreoffice")),
        Capability("ocr", bool(ocr), ocr, msg("system.enables_ocr")),
    ]


def report(lang: str | None = None, where: bool = True) -> list[str]:
    """One line per optional part, for ``--check`` (``where``: with the path found)."""
    from models.messages import render
    lines = [render(msg("system.version", version=version()), lang)]
    for cap in probe():
        code = ("system.found" if where else "system.found_short") if cap.found else "system.missing"
        lines.append(render(msg(code, part=msg(f"system.part_{cap.key}"), detail=cap.detail,
                                enables=cap.enables), lang))
    return lines
