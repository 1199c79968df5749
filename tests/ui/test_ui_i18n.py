"""Chinese by default: the catalog is complete and compiled, and the window speaks Chinese."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

from ui import i18n  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"


@pytest.fixture
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield translators
    i18n.uninstall(qapp, translators)


def test_the_catalog_has_every_string_translated():
    if not (BIN / "pyside6-lupdate").exists() or not shutil.which("bash"):
        pytest.skip("pyside6-lupdate not installed")
    proc = subprocess.run(["bash", str(ROOT / "tools" / "i18n.sh"), "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, (
        "GUI strings without a Chinese translation — run tools/i18n.sh, translate them in "
        "resources/i18n/plandesk_zh_CN.ts (pyside6-linguist), run it again:\n" + proc.stderr)


def test_the_compiled_catalog_matches_the_source(tmp_path):
    if not (BIN / "pyside6-lrelease").exists():
        pytest.skip("pyside6-lrelease not installed")
    out = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(i18n.I18N_DIR / "plandesk_zh_CN.ts"),
                    "-qm", str(out)], check=True, capture_output=True, timeout=60)
    assert out.read_bytes() == (i18n.I18N_DIR / "plandesk_zh_CN.qm").read_bytes(), \
        "run tools/i18n.sh and commit the .qm"


def test_both_catalogs_load(chinese):
    assert len(chinese) == 2                    # ours and Qt's qtbase_zh_CN
    assert QCoreApplication.translate("Labels", "Lead") == "牵头"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_window_in_chinese(chinese, qtbot, settings, workspace_file):
    from ui.labels import role_short
    from ui.main_window import MainWindow
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "任务(&T)"]
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "任务分解", "责任分工", "部门", "进度", "交换"]
    assert role_short("lead") == "牵" and role_short("guide") == "导"
    w.files.open(workspace_file)
    ws = w.session.ws
    ws.add_task(w.current_plan, "宣传培训")
    assert w.actions.undo.text() == "撤销 添加任务“宣传培训”"
    w.actions.undo.trigger()
    assert w.actions.redo.text() == "重做 添加任务“宣传培训”"
    # the column shows the lead, or the responsible units of a task that names no lead
    assert w.breakdown.model.headerData(2, Qt.Horizontal) == "牵头/责任单位"
    # a step of several tasks is named in the clerk's words too
    top = [t.uuid for t in ws.children(w.current_plan)]
    ws.move_down_tasks(top[:2][::-1])
    assert w.actions.undo.text() == "撤销 下移 2 项任务"
    w.close()


def test_file_filters_keep_the_parentheses_qt_reads():
    """A filter is “name (*.ext)”: Qt takes the patterns from between ASCII parentheses
    only, so a translation with （…） would show the clerk no file at all."""
    import xml.etree.ElementTree as ET
    root = ET.parse(i18n.I18N_DIR / "plandesk_zh_CN.ts").getroot()
    filters = [(m.findtext("source"), m.findtext("translation"))
               for m in root.iter("message") if "(*" in (m.findtext("source") or "")
               or "({patterns})" in (m.findtext("source") or "")]
    assert len(filters) >= 2
    for source, translation in filters:
        patterns = source[source.index("("):source.rindex(")") + 1]
        assert translation.endswith(" " + patterns), (source, translation)


def test_language_names():
    assert i18n.normalize(None) == "zh_CN"
    assert i18n.normalize("zh-Hans") == "zh_CN"
    assert i18n.normalize("en_US") == "en"


@pytest.mark.parametrize("lang, late, at_risk, on_track", [
    ("zh_CN", "滞后", "存在风险", "正常推进"), ("en", "Late", "At risk", "On track")])
def test_the_dashboard_names_lights_in_the_ui_language(qtbot, qapp, settings, lang, late,
                                                       at_risk, on_track):
    """The table's light column and the charts' legends: the catalog's names (the same
    words as the progress report), in the language of the window."""
    from models.status import light_label
    from ui.dashboard_model import LIGHT
    from ui.main_window import PROGRESS, MainWindow
    translators = i18n.install(qapp, lang)
    try:
        w = MainWindow(settings, persist=False)
        qtbot.addWidget(w)
        w.show()
        assert w.files.open_demo()
        w.tabs.setCurrentIndex(PROGRESS)
        qtbot.waitUntil(lambda: w.progress.dashboard is not None
                        and bool(w.progress.dashboard.canvases), timeout=10000)
        dash = w.progress.dashboard
        shown = {dash.model.index(r, LIGHT).data() for r in range(dash.model.rowCount())}
        assert shown and shown <= {late, at_risk}
        legend = dash.canvases["department"].figure.axes[0].get_legend()
        assert [t.get_text() for t in legend.get_texts()] == [on_track, at_risk, late]
        assert light_label("late") == late           # what the reports use when in Chinese
    finally:
        i18n.uninstall(qapp, translators)
