"""The chain's writes run as ops on the database thread, in a workspace in memory and in a
file: carrying, accepting a revision and the template's mapping edits. While one runs the
dialog takes no input; each is one undo step; a cancelled carry leaves nothing."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from models.workspace import Workspace  # noqa: E402
from template_books import city_template  # noqa: E402
from test_plan_revision import CITY_REVISED  # noqa: E402
from test_ui_chain import city_session  # noqa: E402
from ui import carry_view, revision_dialog, template_dialog  # noqa: E402
from ui.carry_view import CarryDialog  # noqa: E402
from ui.revision_dialog import RevisionDialog  # noqa: E402
from ui.session import Session  # noqa: E402
from ui.template_dialog import TemplateDialog  # noqa: E402


@pytest.fixture(params=["memory", "file"])
def chain(request, qapp, tmp_path):
    """(session, city plan) on an in-memory workspace and on a workspace file."""
    s = Session()
    s.set_workspace(Workspace.memory() if request.param == "memory"
                    else Workspace.create(tmp_path / "区.plandesk"))
    yield s, city_session(s)
    s.close()


class Gate:
    """Wraps a function of a dialog's module: records the thread it runs on and holds it
    until the test lets it go on."""

    def __init__(self, monkeypatch, module, name):
        self.real = getattr(module, name)
        self.started, self.go, self.threads = threading.Event(), threading.Event(), []
        monkeypatch.setattr(module, name, self)

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.get_ident())
        self.started.set()
        self.go.wait(10)
        return self.real(*args, **kwargs)

    def ran_off_the_gui_thread(self) -> bool:
        return bool(self.threads) and threading.get_ident() not in self.threads


def finished(qtbot, job, timeout=15000):
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=timeout)
    return job.outcome


def test_carrying_runs_on_the_database_thread_as_one_step(qtbot, chain, monkeypatch):
    session, city = chain
    gate = Gate(monkeypatch, carry_view, "carry")
    dialog = CarryDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.district.setText("历下区")
    dialog.refresh()
    steps = session.ws.undo_count()
    job = dialog.do_carry()
    assert gate.started.wait(10)
    assert session.busy
    qtbot.mouseClick(dialog.carry_button, Qt.LeftButton)   # held: no second carry
    assert len(dialog.jobs) == 1
    gate.go.set()
    assert finished(qtbot, job) == "succeeded"
    assert gate.ran_off_the_gui_thread()
    assert "已承接 8 项任务" in dialog.outcome.text()
    plans = session.ws.plans()
    assert len(plans) == 2 and len(session.ws.tasks(plans[1].uuid)) == 8
    assert session.ws.undo_count() == steps + 1
    session.ws.undo()
    assert len(session.ws.plans()) == 1 and session.ws.undo_count() == steps


def test_a_cancelled_carry_leaves_the_workspace_as_it_was(qtbot, chain, monkeypatch):
    session, city = chain
    gate = Gate(monkeypatch, carry_view, "carry")
    dialog = CarryDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    steps, counterparts = session.ws.undo_count(), session.ws.counterparts()
    job = dialog.do_carry()
    assert gate.started.wait(10)
    job.cancel()
    gate.go.set()
    assert finished(qtbot, job) == "cancelled"
    assert len(session.ws.plans()) == 1
    assert session.ws.counterparts() == counterparts and session.ws.undo_count() == steps
    assert dialog.outcome.text() == ""


def test_accepting_a_revision_runs_on_the_database_thread_as_one_step(qtbot, chain, tmp_path,
                                                                       monkeypatch):
    session, city = chain
    revised = tmp_path / "city-2.txt"
    revised.write_text(CITY_REVISED, encoding="utf-8")
    dialog = RevisionDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(str(revised))
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    for box in dialog.kinds.values():
        box.setChecked(False)
    assert dialog.accept_checked() is None               # nothing checked: nothing accepted
    for kind, box in dialog.kinds.items():
        box.setChecked(kind in ("removed", "deadline"))
    gate = Gate(monkeypatch, revision_dialog, "accept_changes")
    steps = session.ws.undo_count()
    accepted = []
    dialog.changesAccepted.connect(accepted.append)
    job = dialog.accept_checked()
    assert gate.started.wait(10)
    assert session.busy
    qtbot.mouseClick(dialog.accept_button, Qt.LeftButton)   # held
    assert len(dialog.jobs) == 1
    gate.go.set()
    assert finished(qtbot, job) == "succeeded"
    assert gate.ran_off_the_gui_thread()
    assert accepted == [{"removed": 1, "deadline": 1}]
    assert dialog.message.text() == "已采纳 2 处修改（可撤销）。"
    titles = {t.title: t for t in session.ws.tasks(city.uuid)}
    assert "加强经费保障" not in titles
    assert session.ws.undo_count() == steps + 1
    session.ws.undo()
    assert "加强经费保障" in {t.title for t in session.ws.tasks(city.uuid)}


def test_the_templates_mapping_edits_run_on_the_database_thread(qtbot, chain, tmp_path,
                                                                 monkeypatch):
    session, city = chain
    source = tmp_path / "city.xlsx"
    city_template(source, [("1.", "完善质量标准体系", "市市场监管局", ""),
                           ("2.", "加强品牌培育", "市商务局", "")])
    dialog = TemplateDialog(session, city.uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.import_file(str(source))
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=15000)
    uuid = dialog.current["uuid"]
    first = dict(dialog.current["reading"]["rows"][0])        # shown on the table's first row
    assert first["task"] is not None
    field_before = dialog.current["reading"]["columns"][8]["field"]
    assert field_before != "note"

    gate = Gate(monkeypatch, template_dialog, "confirm_all")
    gate.go.set()
    assert finished(qtbot, dialog.confirm_rows()) == "succeeded"
    assert gate.ran_off_the_gui_thread()
    assert [dialog.rows.item(r, 3).text() for r in range(2)] == ["文字相同", "文字相同"]

    steps = session.ws.undo_count()
    gate = Gate(monkeypatch, template_dialog, "map_column")
    job = dialog.set_field("I", "note")                    # the clerk maps 佐证材料
    assert gate.started.wait(10) and session.busy
    gate.go.set()
    assert finished(qtbot, job) == "succeeded" and gate.ran_off_the_gui_thread()
    assert dialog.current["reading"]["columns"][8]["field"] == "note"
    assert session.ws.undo_count() == steps + 1

    gate = Gate(monkeypatch, template_dialog, "confirm_row")
    gate.go.set()
    assert finished(qtbot, dialog.set_task(first["row"], None)) == "succeeded"
    assert gate.ran_off_the_gui_thread()
    assert dialog.current["reading"]["rows"][0]["task"] is None
    assert dialog.rows.item(0, 3).text() == "已确认"          # shown again as the clerk said
    assert session.ws.undo_count() == steps + 2

    from models.templates import template
    session.ws.undo()
    assert template(session.ws, uuid)["reading"]["rows"][0]["task"] == first["task"]
    session.ws.undo()
    assert template(session.ws, uuid)["reading"]["columns"][8]["field"] == field_before
