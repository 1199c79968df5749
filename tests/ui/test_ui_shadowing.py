"""No widget or model of ours hides a method of its Qt class under an attribute.

PySide looks a C++ virtual's Python override up by name on the instance, so
``self.metric = QLineEdit()`` on a dialog made Qt call the line edit whenever it asked the
dialog for its DPI (a crash, or an exception left in the event loop for a later test).
Hiding a plain method breaks every caller of it the same way, so both are refused.
"""
from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QObject

UI = Path(__file__).resolve().parents[2] / "ui"
# Known and harmless: QWidget.actions() is no virtual, and the window never asks Qt for the
# list (its actions are kept by name in ui/actions.py).
ALLOWED = {("MainWindow", "actions")}


def qt_base(cls) -> type | None:
    """The nearest Qt class ``cls`` derives from."""
    for base in cls.__mro__[1:]:
        if base.__module__.startswith("PySide6."):
            return base
    return None


def assigned_attributes(cls) -> set[str]:
    """Attribute names set as ``self.NAME = …`` in the class's own methods."""
    tree = ast.parse(inspect.getsource(cls))
    out: set[str] = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for t in targets:
            for el in (t.elts if isinstance(t, ast.Tuple) else [t]):
                if isinstance(el, ast.Attribute) and isinstance(el.value, ast.Name) \
                        and el.value.id == "self":
                    out.add(el.attr)
    return out


def test_no_attribute_hides_a_qt_method():
    found = []
    for path in sorted(UI.glob("*.py")):
        module = importlib.import_module(f"ui.{path.stem}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, QObject):
                continue
            base = qt_base(cls)
            qt_methods = {n for n in dir(base) if not n.startswith("_")
                          and callable(getattr(base, n, None))}
            for name in sorted(assigned_attributes(cls)):
                if name in qt_methods and (cls.__name__, name) not in ALLOWED:
                    found.append(f"{path.name}: {cls.__name__}.{name} hides {base.__name__}.{name}()")
    assert not found, "\n".join(found)
