"""Keeping the registry clean from the 部门 tab: a sorted, searchable merge list, a rename
to an existing name that offers the merge, and splitting a wrongly merged name."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QDialog  # noqa: E402

from ui import department_split, dialogs  # noqa: E402
from ui.departments_model import NAME  # noqa: E402
from ui.departments_view import DepartmentsView  # noqa: E402
from ui.department_split import guess_parts  # noqa: E402


def test_the_chooser_sorts_by_pinyin_and_searches(qtbot):
    names = ["区住建局", "区财政局", "区市场监管局", "区发展改革局", "区教育局", "区民政局",
             "区商务局", "区农业农村局", "区科技局"]
    d = dialogs.ChooseDialog(None, "合并", "合并到：", names, current=0)
    qtbot.addWidget(d)
    shown = [d.list.item(i).text() for i in range(d.list.count())]
    assert shown == ["区财政局", "区发展改革局", "区教育局", "区科技局", "区民政局",
                     "区农业农村局", "区商务局", "区市场监管局", "区住建局"]
    assert d.search.isVisibleTo(d)
    d.search.setText("农")
    visible = [d.list.item(i).text() for i in range(d.list.count()) if not d.list.item(i).isHidden()]
    assert visible == ["区农业农村局"]
    assert d.chosen() == names.index("区农业农村局")       # the caller's index
    d.search.setText("没有这个")
    assert d.chosen() is None


def test_renaming_to_an_existing_name_offers_to_merge(qtbot, sample, modal):
    session, _plan = sample
    ws = session.ws
    view = DepartmentsView(session)
    qtbot.addWidget(view)
    model = view.model
    r = next(i for i, d in enumerate(model.departments) if d.name == "区科技局")
    modal.confirm_answer = False
    assert not model.setData(model.index(r, NAME), "区市场监管局")
    assert "合并" in modal.texts("confirm")[0] or "Merge" in modal.texts("confirm")[0]
    assert ws.find_department("区科技局") is not None           # declined: nothing changed
    modal.confirm_answer = True
    model.setData(model.index(r, NAME), "市场监管局")             # an alias of it counts too
    keep = ws.department("区市场监管局")
    assert ws.find_department("区科技局") == keep.id            # merged, its name an alias
    assert "区科技局" in keep.aliases
    ws.undo()
    assert ws.find_department("区科技局") != keep.id


def test_split_from_the_tab_with_the_registry_guess(qtbot, sample, monkeypatch):
    session, plan = sample
    ws = session.ws
    merged = ws.add_department("国资委财政市场监管局", is_new=True)
    ws.add_department("区财政局")
    task = ws.tasks(plan)[4]
    ws.assign(task.uuid, merged.id, "support")
    view = DepartmentsView(session)
    qtbot.addWidget(view)
    view.select_ids([merged.id])
    assert view.split_button.isEnabled()
    seen = {}

    def fake_exec(dialog):
        seen["guess"] = dialog.parts()
        dialog.edit.setPlainText("区国资委\n区财政局\n区市场监管局")
        return QDialog.Accepted
    monkeypatch.setattr(department_split.SplitDialog, "exec", fake_exec)
    view.split_selected()
    assert seen["guess"] == ["国资委", "区财政局", "区市场监管局"]
    assert ws.roles(task.uuid)["support"][-3:] == ["区国资委", "区财政局", "区市场监管局"] or \
        set(ws.roles(task.uuid)["support"]) >= {"区国资委", "区财政局"}
    assert ws.find_department("国资委财政市场监管局") is None


def test_guess_parts_of_other_run_together_names():
    known = {"区教育和体育局": "区教育和体育局", "教体局": "区教育和体育局",
             "区科技经信局": "区科技经信局"}
    assert guess_parts("科技经信局教体局", known) == ["区科技经信局", "区教育和体育局"]
    assert guess_parts("民政局人社局住建委") == ["民政局", "人社局", "住建委"]
    assert guess_parts("区发改委") == ["区发改委"]
