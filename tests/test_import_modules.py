"""The importer's modules form no import cycle, and every warning it gives is a catalog code."""
from __future__ import annotations

import ast
from pathlib import Path

from models.messages import catalog
from reports.importer import parse_text

PACKAGE = Path(__file__).resolve().parents[1] / "reports" / "importer"


def _imports(path: Path) -> set[str]:
    """Sibling modules a module imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0])
            else:
                names.update(a.name for a in node.names)
    return names


def test_no_import_cycle_in_the_importer():
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    state: dict[str, str] = {}

    def visit(name, path):
        if state.get(name) == "open":
            raise AssertionError(" → ".join(path + [name]))
        if state.get(name) == "done" or name not in graph:
            return
        state[name] = "open"
        for other in sorted(graph[name]):
            visit(other, path + [name])
        state[name] = "done"

    for name in sorted(graph):
        visit(name, [])


def test_warnings_are_codes_with_chinese_text():
    plan = parse_text("方案\n甲乙\n一、任务\n1.甲。（区财政局负责，2025年前后）\n3.丙\n附件：重点任务分工表\n",
                      "x.txt")
    assert plan["warnings"]
    for w in plan["warnings"]:
        assert w["code"] in catalog(), w
        assert w["message"] == " ".join(catalog()[w["code"]][0].format(**w["args"]).split())
        assert not any(word in w["message"] for word in ("where", "ignored", "attachment", "number"))
