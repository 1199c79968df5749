"""The 交换 list says what happened in words, newest first."""
from models.workspace import Workspace
from ui.exchanges_view import ExchangesModel, SUMMARY
from ui.session import Session


def test_summary_in_words_newest_first(qtbot, qtmodeltester):
    ws = Workspace.memory()
    plan = ws.add_plan("方案")
    ws.record_exchange(plan.uuid, "out", "sent.xlsx", summary={"rows": 7, "editable": 6})
    ws.record_exchange(plan.uuid, "in", "back.xlsx",
                       summary={"tasks": 3, "changes": 9, "conflicts": 1, "conflicts_skipped": 1,
                                "warnings": 0})
    session = Session()
    session.set_workspace(ws)
    model = ExchangesModel(session)
    model.set_plan(plan.uuid)
    qtmodeltester.check(model)
    texts = [model.index(r, SUMMARY).data() for r in range(model.rowCount())]
    assert texts == ["3 task(s) updated，1 conflict(s)，1 conflict(s) kept",
                     "7 row(s), 6 to fill in"]


def test_refused_and_partly_accepted_returns_say_so(qtbot):
    ws = Workspace.memory()
    plan = ws.add_plan("方案")
    ws.record_exchange(plan.uuid, "in", "bad.xlsx", summary={"refused": True, "error_count": 2})
    ws.record_exchange(plan.uuid, "in", "part.xlsx", summary={"tasks": 4, "left_out_count": 1})
    session = Session()
    session.set_workspace(ws)
    model = ExchangesModel(session)
    model.set_plan(plan.uuid)
    texts = [model.index(r, SUMMARY).data() for r in range(model.rowCount())]
    assert texts == ["4 task(s) updated，1 cell(s) left to check", "refused: 2 error(s)"]
