"""The undo menu names each step in the window's language, whatever language it was made in."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ui import i18n  # noqa: E402


@pytest.fixture
def english(qapp):
    translators = i18n.install(qapp, "en")
    yield translators
    i18n.uninstall(qapp, translators)


def test_the_english_window_names_undo_steps_in_english(english, qtbot, settings, workspace_file):
    from ui.main_window import MainWindow
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    w.files.open(workspace_file)
    ws = w.session.ws
    task = ws.add_task(w.current_plan, "宣传培训")
    assert w.actions.undo.text() == "&Undo Add the task “宣传培训”"
    ws.add_department("区教育局")
    ws.assign(task.uuid, "区教育局", "support")
    assert w.actions.undo.text() == "&Undo Make “区教育局” the supporting department of “宣传培训”"
    w.actions.undo.trigger()
    assert w.actions.redo.text().startswith("&Redo Make “区教育局”")
    assert "添加" not in w.actions.undo.text() and "设置" not in w.actions.redo.text()
    w.close()
