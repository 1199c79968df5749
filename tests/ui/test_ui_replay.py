"""Undo and redo in the window: a step of a few rows at once, on the GUI thread; a big
step (thousands of rows: seconds) as an op on the database thread, still one step."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.worker import GUI_ROWS  # noqa: E402


def big_plan(tasks: int) -> dict:
    return {"title": "大方案", "tasks": [
        {"title": f"第{i}项", "roles": {"lead": ["区财政局"]}} for i in range(tasks)]}


def recording(monkeypatch, ws, which: str) -> list:
    """Record the thread each undo (or redo) of ``ws`` runs on."""
    real, threads = getattr(ws, which), []

    def run():
        threads.append(threading.get_ident())
        return real()
    monkeypatch.setattr(ws, which, run)
    return threads


def test_a_big_step_is_undone_and_redone_off_the_window(qtbot, window, workspace_file,
                                                       monkeypatch):
    window.files.open(workspace_file)
    ws = window.session.ws
    before = [p.title for p in ws.plans()]
    ws.insert_plan_tree(big_plan(400))
    assert ws.step_size("undo") > GUI_ROWS
    undone = recording(monkeypatch, ws, "undo")
    job = window._replay("undo")
    assert job is not None and window.session.busy
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=20000)
    assert job.outcome == "succeeded"
    assert undone and threading.get_ident() not in undone
    assert [p.title for p in ws.plans()] == before
    assert "导入计划“大方案”" in window.statusBar().currentMessage()   # the step, told

    redone = recording(monkeypatch, ws, "redo")
    job = window._replay("redo")
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=20000)
    assert redone and threading.get_ident() not in redone
    plan = ws.plans()[-1]
    assert plan.title == "大方案" and len(ws.tasks(plan.uuid)) == 400


def test_a_small_step_is_undone_at_once(qtbot, window, workspace_file, monkeypatch):
    window.files.open(workspace_file)
    ws = window.session.ws
    task = ws.tasks(window.current_plan)[0]
    ws.edit_task(task.uuid, title="改过的标题")
    undone = recording(monkeypatch, ws, "undo")
    assert window._replay("undo") is None
    assert undone == [threading.get_ident()]
    assert ws.task(task.uuid).title == task.title


def test_a_big_plan_is_deleted_off_the_window_and_undone_in_one_step(qtbot, window,
                                                                   workspace_file, monkeypatch,
                                                                   modal):
    window.files.open(workspace_file)
    ws = window.session.ws
    before = [p.title for p in ws.plans()]
    big = ws.insert_plan_tree(big_plan(GUI_ROWS + 100))["plan"]
    window.plan_list.select(big.uuid)
    real, threads = ws.delete_plan, []
    monkeypatch.setattr(ws, "delete_plan",
                        lambda uuid: threads.append(threading.get_ident()) or real(uuid))
    job = window.plan_list.delete_plan()
    assert job is not None
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=20000)
    assert threads and threading.get_ident() not in threads
    assert [p.title for p in ws.plans()] == before
    assert window.plan_list.model.rowCount() == len(before)
    job = window._replay("undo")
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=20000)
    assert len(ws.tasks(ws.plans()[-1].uuid)) == GUI_ROWS + 100


def test_a_small_plan_is_deleted_at_once(qtbot, window, workspace_file, modal):
    window.files.open(workspace_file)
    ws = window.session.ws
    small = ws.add_plan("小计划")
    window.plan_list.select(small.uuid)
    assert window.plan_list.delete_plan() is None
    assert "小计划" not in [p.title for p in ws.plans()]


def test_a_big_paste_runs_off_the_window_and_selects_the_copies(qtbot, window, workspace_file,
                                                                monkeypatch):
    from models.task_copy import copy_tasks
    from ui import task_clipboard
    window.files.open(workspace_file)
    ws, bd = window.session.ws, window.breakdown
    big = ws.insert_plan_tree(big_plan(GUI_ROWS + 50))["plan"]
    data = copy_tasks(ws, [t.uuid for t in ws.children(big.uuid)])
    window.plan_list.select(window.session.ws.plans()[0].uuid)
    plan = window.current_plan
    before = len(ws.children(plan))
    real, threads = task_clipboard.paste_tasks, []
    monkeypatch.setattr(task_clipboard, "paste_tasks",
                        lambda *a: threads.append(threading.get_ident()) or real(*a))
    assert task_clipboard.paste(bd, data) == []          # the op selects them when done
    assert window.session.busy
    qtbot.waitUntil(lambda: not window.session.busy, timeout=20000)
    assert threads and threading.get_ident() not in threads
    tops = ws.children(plan)
    assert len(tops) == before + GUI_ROWS + 50
    assert [t.title for t in tops if t.title.startswith("第")] == [
        f"第{i}项" for i in range(GUI_ROWS + 50)]
    assert len(bd.selected_nodes()) == GUI_ROWS + 50
    window.actions.undo.trigger()                         # one step, itself an op
    qtbot.waitUntil(lambda: not window.session.busy and len(ws.children(plan)) == before,
                    timeout=20000)
