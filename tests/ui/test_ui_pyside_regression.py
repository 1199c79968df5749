"""PySide6 6.12.0 aborts Python 3.11 after many QStandardItem.appendRow calls; 6.11.x does not.

Run in a subprocess so an abort fails this test instead of killing the test run.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    model = QStandardItemModel()
    root = model.invisibleRootItem()
    for i in range(300_000):
        root.appendRow(QStandardItem(f"任务 {i}"))
    assert model.rowCount() == 300_000
    del model
    print("ok")
""")


def test_many_appendrow_calls_exit_cleanly():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
