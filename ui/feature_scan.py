"""PySide6's look at every imported module, answered from the file's bytes.

Once PySide6 is loaded, each module an ``import`` statement hands back is asked once
whether its source mentions "PySide6" (the modules that may switch PySide's
``__feature__`` options). PySide6 reads that source through ``inspect.getsource``: the
file decoded, split into lines and kept in ``linecache``, some 0.1 ms a module and ~100
modules before the first paint. Searching the raw bytes gives the same answer for a source
in UTF-8 or any other ASCII-compatible encoding; anything else (no file, not a ``.py``) is
left to PySide6's own function. PySide6 versions without that function are left alone.
"""
from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (PySide6 sets up its import hook with it)


def install() -> None:
    """Answer PySide6's question from the bytes of each module's file (once per process)."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "reads_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return upstream(module)

    uses_pyside.reads_bytes = True          # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
