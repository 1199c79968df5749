"""The department registry: model, alias editing, merge, review flag, usage; the plan list."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from models.dump import dump  # noqa: E402
from ui import dialogs  # noqa: E402
from ui.departments_model import ALIASES, NAME, REVIEW, USES, DepartmentsModel  # noqa: E402
from ui.departments_view import DepartmentsView  # noqa: E402
from ui.plan_list import PlanListModel  # noqa: E402


@pytest.fixture
def model(sample):
    session, _ = sample
    return DepartmentsModel(session)


def row(model, name):
    return next(i for i, d in enumerate(model.departments) if d.name == name)


def test_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_columns(model):
    r = row(model, "区发展改革局")
    assert model.data(model.index(r, ALIASES)) == "发改局、区发改局"
    assert model.data(model.index(r, USES)) == "1"
    assert model.flags(model.index(r, NAME)) & Qt.ItemIsEditable
    assert not model.flags(model.index(r, USES)) & Qt.ItemIsEditable


def test_rename_keeps_old_name_as_alias(sample, model):
    session, _ = sample
    r = row(model, "区科技局")
    assert model.setData(model.index(r, NAME), "区科学技术局")
    assert model.data(model.index(r, NAME)) == "区科学技术局"
    assert "区科技局" in model.data(model.index(r, ALIASES))


def test_aliases_edited_as_text_in_one_step(sample, model):
    session, _ = sample
    before = dump(session.ws)
    r = row(model, "区发展改革局")
    assert model.setData(model.index(r, ALIASES), "发改委，区发改局、 发展改革局")
    assert session.ws.department("区发展改革局").aliases == ["区发改局", "发改委", "发展改革局"]
    session.ws.undo()
    assert dump(session.ws) == before


def test_merge_moves_assignments_and_marks_reviewed(qtbot, sample, monkeypatch):
    session, plan = sample
    ws = session.ws
    dup = ws.add_department("市科技局", is_new=True)
    t = [t for t in ws.tasks(plan) if t.title == "开展企业专利培训"][0]
    ws.assign(t.uuid, dup.id, "support")
    view = DepartmentsView(session)
    qtbot.addWidget(view)
    view.select_ids([dup.id])
    assert view.reviewed_button.isEnabled()
    view.mark_reviewed()
    assert not ws.department(dup.id).is_new
    keep = ws.department("区科技局")
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 0)   # keep the first one offered
    view.select_ids([keep.id, dup.id])
    view.merge_selected()
    assert ws.find_department("市科技局") == keep.id          # the dropped name is an alias now
    assert ws.roles(t.uuid)["support"] == ["区科技局"]
    assert view.usage.topLevelItemCount() == 2                # where 区科技局 is used


def test_review_column_and_filter(sample, qtbot):
    session, _ = sample
    session.ws.add_department("某新单位", is_new=True)
    view = DepartmentsView(session)
    qtbot.addWidget(view)
    view.only_new.setChecked(True)
    assert view.proxy.rowCount() == 1
    assert view.proxy.data(view.proxy.index(0, REVIEW)) != ""
    view.only_new.setChecked(False)
    view.search.setText("发改")
    assert view.proxy.rowCount() == 1     # found through its alias


def test_plan_list_model(qtmodeltester, sample):
    session, plan = sample
    m = PlanListModel(session)
    m.reload()
    qtmodeltester.check(m)
    assert m.rowCount() == 1
    assert m.setData(m.index(0), "新标题")
    assert session.ws.plan(plan).title == "新标题"
    session.ws.add_plan("第二个计划")
    assert m.rowCount() == 2
    session.ws.undo()
    assert m.rowCount() == 1
