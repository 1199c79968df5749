"""Feature discovery cannot hide a broken module, and starting the window loads no heavy
library: features are imported on first use, optional parts probed by capability."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ui import features  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "docx", "matplotlib", "lxml")


def test_every_registered_feature_is_there():
    for name in features.FEATURES:
        assert callable(features.get(name)), name
        assert features.available(name)


@pytest.mark.parametrize("body,error", [
    ("import no_such_library_for_plandesk\n", ModuleNotFoundError),
    ("def render(:\n", SyntaxError),
    ("def other():\n    pass\n", AttributeError),
])
def test_a_broken_feature_module_fails_loudly(tmp_path, monkeypatch, body, error):
    (tmp_path / "half_written_feature.py").write_text(body, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(features.FEATURES, "half_written",
                        features.Feature("half_written_feature", "render"))
    monkeypatch.delitem(sys.modules, "half_written_feature", raising=False)
    monkeypatch.setattr(features, "_cache", {})
    with pytest.raises(error):
        features.get("half_written")


def test_the_window_starts_without_the_heavy_libraries(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.settings import Settings\n"
        "from ui.main_window import MainWindow\n"
        "from ui import features\n"
        f"w = MainWindow(Settings.at({str(tmp_path / 's.ini')!r}), persist=False)\n"
        "w.show(); app.processEvents()\n"
        "[features.available(n) for n in features.FEATURES]; features.import_suffixes()\n"
        "features.libreoffice(); features.ocr()\n"
        "import cli; cli.gui_parser().parse_args(['--demo'])\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))\n"
        "print(sorted(m for m in sys.modules if m.startswith('cli.')))\n"
        "print(sorted(m for m in sys.modules if m.startswith('reports.')))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["[]", "[]", "['reports.soffice']"]


def test_ocr_is_probed_without_importing_it(monkeypatch):
    seen = []
    monkeypatch.setattr(features.importlib.util, "find_spec",
                        lambda name: seen.append(name) or None)
    assert features.ocr() is False
    assert seen == list(features.OCR_MODULES)
