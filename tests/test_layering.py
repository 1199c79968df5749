"""The layers: models/ and reports/ never import Qt (the domain and the reports run
headless); SQL lives only in models/; the GUI never imports the command line."""
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_qt_import_in_models_and_reports():
    offenders = []
    for folder in ("models", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported_modules(path):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_importing_every_domain_and_report_module_loads_no_qt():
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts)
               for folder in ("models", "reports") for p in (ROOT / folder).rglob("*.py")]
    modules = [m[: -len(".__init__")] if m.endswith(".__init__") else m for m in modules]
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            "print(bad)\nsys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


# ---- SQL lives in models/ ------------------------------------------------------------------
SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|"
                 r"DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|DROP\s+(TABLE|INDEX|TRIGGER)|"
                 r"PRAGMA\s+\w+|BEGIN\s+(IMMEDIATE|EXCLUSIVE)|VACUUM)\b", re.S)
DB_CALLS = {"execute", "executemany", "executescript"}


def sql_offences(source: str) -> list[str]:
    """Where a module of the GUI or of the reports talks to the database itself."""
    tree = ast.parse(source)
    out = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", "?")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            out.append(f"line {line}: SQL text {node.value[:40]!r}")
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if SQL.search(text):
                out.append(f"line {line}: SQL text {text[:40]!r}")
        elif isinstance(node, ast.Attribute) and node.attr in DB_CALLS | {"conn"}:
            out.append(f"line {line}: .{node.attr}")
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "db":
            out.append(f"line {line}: a table through db[...]")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            out += [f"line {line}: imports {n}" for n in names
                    if n.split(".")[0] in ("sqlite3", "sqlite_utils", "apsw")]
    return out


def test_no_sql_in_ui_and_reports():
    offenders = []
    for folder in ("ui", "reports"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            offenders += [f"{path.relative_to(ROOT)} {o}"
                          for o in sql_offences(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_sql_check_finds_every_form():
    """The check above must not be one that cannot fail."""
    found = sql_offences(
        'import sqlite3\n'
        'from sqlite_utils import Database\n'
        'ws.all("SELECT id FROM tasks WHERE plan_id=?", (1,))\n'
        'ws.one(f"SELECT count(*) FROM {table}")\n'
        'ws.conn.execute("x")\n'
        'ws.db["tasks"].insert({})\n'
        'q = "DELETE FROM _undo_log"\n'
        'tip = "请选择（SELECT）要导出的任务"\n')
    assert {int(o.split(":")[0].split()[1]) for o in found} == {1, 2, 3, 4, 5, 6, 7}, found
    assert not sql_offences('label = "更新 UPDATE 说明"\nws.tasks(plan)\n')


def test_the_gui_never_imports_the_command_line():
    offenders = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in (ROOT / "ui").rglob("*.py") for name in imported_modules(path)
                 if name.split(".")[0] == "cli"]
    assert offenders == []
