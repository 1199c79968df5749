"""The 备份与恢复 dialog on real backups (taken by imports): listed newest first, restored
on the worker with the current state backed up first, and reached from the error dialog
of a workspace SQLite reports damaged, which is moved aside and kept."""
from __future__ import annotations

import os
import re
import struct
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.backup import backup_dir, list_backups  # noqa: E402
from models.errors import DamagedWorkspace  # noqa: E402
from models.workspace import Workspace  # noqa: E402
from ui import backup_dialog  # noqa: E402
from ui.backup_dialog import BackupDialog  # noqa: E402

SEEDS = next(p / "shared" / "seeds" for p in Path(__file__).resolve().parents
             if (p / "shared" / "seeds").is_dir())
FIRST = SEEDS / "huaiyin_2022_ip_county_work_plan_notice.txt"
SECOND = SEEDS / "shandong_2021_ip_work_points.txt"


def import_in_window(qtbot, window, source: Path) -> None:
    before = len(window.session.ws.plans())
    window.jobs.import_files([source])
    qtbot.waitUntil(lambda: len(window.session.ws.plans()) == before + 1 and not window.jobs.jobs, timeout=20000)


def counted(dialog: BackupDialog) -> None:
    """Wait until the dialog has read what its backups hold (on the worker)."""
    end = time.monotonic() + 20
    while dialog.counting is not None and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.002)
    assert dialog.counting is None


def rows(dialog: BackupDialog) -> list[list[str]]:
    counted(dialog)
    tbl = dialog.table
    return [[tbl.item(r, c).text() for c in range(tbl.columnCount())]
            for r in range(tbl.rowCount())]


def restore_row(qtbot, dialog: BackupDialog, row: int) -> None:
    counted(dialog)
    dialog.table.selectRow(row)
    assert dialog.restore_chosen() is not None
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)


@pytest.fixture
def imported(qtbot, window, tmp_path):
    """A workspace made in the window with two plans imported (a backup before each)."""
    path = tmp_path / "台账.plandesk"
    assert window.files.create(path)
    import_in_window(qtbot, window, FIRST)
    import_in_window(qtbot, window, SECOND)
    return path


def test_the_dialog_lists_backups_newest_first_and_restores_one(qtbot, window, modal, imported):
    ws = window.session.ws
    first_title = ws.plans()[0].title
    dialog = BackupDialog(window, imported)
    qtbot.addWidget(dialog)
    listed = rows(dialog)
    # Before the second import there was one plan; before the first, none.
    assert [r[1] for r in listed] == ["导入计划前", "导入计划前"]
    assert listed[0][3].startswith("1 个计划") and listed[1][3].startswith("0 个计划")
    assert listed[0][0] >= listed[1][0] and listed[0][2].endswith("MB")
    tasks_then = int(listed[0][3].split("，")[1].split(" ")[0])

    restore_row(qtbot, dialog, 0)
    asked = modal.texts("confirm")[-1]
    assert "先为当前状态再做一次备份" in asked and imported.name in asked
    ws = window.session.ws                                  # reopened by the dialog
    assert ws is not None and ws.path == imported.absolute()
    assert [p.title for p in ws.plans()] == [first_title]
    assert sum(len(ws.tasks(p.uuid)) for p in ws.plans()) == tasks_then
    said = dialog.findChild(type(dialog.outcome), "backup_result").text()
    assert said.startswith("已恢复") and "\n" not in said

    # The state before the restore is itself the newest backup: two plans, restorable.
    listed = rows(dialog)
    assert len(listed) == 3
    assert listed[0][1] == "恢复其他备份前" and listed[0][3].startswith("2 个计划")
    restore_row(qtbot, dialog, 0)
    assert len(window.session.ws.plans()) == 2


def test_the_menu_entry_opens_the_dialog_for_the_workspace_shown(qtbot, window, monkeypatch,
                                                                 imported):
    opened = []
    monkeypatch.setattr(BackupDialog, "exec", lambda self: opened.append(rows(self)) or 0)
    file_menu = window.actions.file_menu
    assert window.backup_action in file_menu.actions()
    assert window.backup_action.text() == "备份与恢复(&B)…"
    window.backup_action.trigger()
    assert len(opened) == 1 and len(opened[0]) == 2
    window.session.close()
    file_menu.aboutToShow.emit()
    assert not window.backup_action.isEnabled()


def corrupt_a_page(path: Path) -> bytes:
    """One b-tree page in the middle of the file overwritten, as a failing disk does."""
    data = bytearray(path.read_bytes())
    size = struct.unpack(">H", data[16:18])[0]
    size = 65536 if size == 1 else size
    page = len(data) // size // 2
    data[page * size:(page + 1) * size] = b"\xab" * size
    path.write_bytes(bytes(data))
    return bytes(data)


def zero_the_header(path: Path) -> bytes:
    data = bytes(100) + path.read_bytes()[100:]
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("damage, said_there", [
    (corrupt_a_page, ["已损坏", "数据库自检发现错误", "从备份恢复…"]),   # SQLite says so
    (zero_the_header, ["文件头全是零", "从备份恢复"]),  # no database any more, backups beside
])
def test_a_damaged_workspace_is_restored_from_the_error_dialog(qtbot, window, monkeypatch,
                                                               imported, damage, said_there):
    titles = [p.title for p in window.session.ws.plans()]
    window.session.close()
    damaged = damage(imported)
    offered, restored = [], []
    monkeypatch.setattr(backup_dialog, "ask_restore",
                        lambda parent, message, details="": offered.append((message, details)) or True)

    def clerk_restores_the_newest(self):
        restored.append(rows(self))
        restore_row(qtbot, self, 0)
        restored.append(self.outcome.text())
        return 1
    monkeypatch.setattr(BackupDialog, "exec", clerk_restores_the_newest)

    assert window.files.open(imported)
    said, details = offered[0]
    assert all(part in said for part in said_there) and "backup restore" not in said
    assert not re.search(r"[A-Za-z]{3,}", said.replace(str(imported), ""))    # SQLite's words:
    assert bool(details) == (damage is corrupt_a_page)                    # in the details
    assert len(restored[0]) == 2
    assert restored[1].startswith("已恢复") and "损坏的文件另存为" in restored[1]
    # The newest backup was taken before the second import: the first plan is back.
    ws = window.session.ws
    assert ws.path == imported.absolute() and [p.title for p in ws.plans()] == titles[:1]
    aside = [q for q in imported.parent.iterdir() if ".damaged-" in q.name
             and q.suffix == ".plandesk"]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert aside[0].name in restored[1]
    assert len(list_backups(imported)) == 2        # nothing removed, nothing taken of the wreck


def test_a_refused_restore_offer_leaves_the_file_as_it_was(qtbot, window, modal, monkeypatch,
                                                           imported):
    window.session.close()
    damaged = corrupt_a_page(imported)
    monkeypatch.setattr(backup_dialog, "ask_restore", lambda parent, message, details="": False)
    assert not window.files.open(imported)
    assert imported.read_bytes() == damaged and window.session.ws is None
    with pytest.raises(DamagedWorkspace):
        Workspace.open(imported)


def test_another_workspaces_backup_is_restored_only_when_the_clerk_insists(
        qtbot, window, modal, tmp_path, imported):
    other = tmp_path / "别处.plandesk"
    with Workspace.create(other) as ws:
        ws.add_plan("别处的计划")
        stray = ws.bulk_backup("import")
    copied = backup_dir(imported) / stray.name.replace(stray.name[:6], "000099", 1)
    copied.write_bytes(stray.read_bytes())
    dialog = BackupDialog(window, imported)
    qtbot.addWidget(dialog)
    assert rows(dialog)[0][3] == "1 个计划，0 项任务"      # the stray one, listed newest
    modal.confirm_answer = True
    restore_row(qtbot, dialog, 0)
    asked = modal.texts("confirm")
    assert len(asked) == 2 and "另一个工作区的备份" in asked[1] and "--force" not in asked[1]
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert [p.title for p in window.session.ws.plans()] == ["别处的计划"]


def test_refusing_another_workspaces_backup_changes_nothing(qtbot, window, monkeypatch,
                                                            tmp_path, imported):
    other = tmp_path / "别处.plandesk"
    with Workspace.create(other) as ws:
        stray = ws.bulk_backup("import")
    (backup_dir(imported) / stray.name.replace(stray.name[:6], "000099", 1)).write_bytes(
        stray.read_bytes())
    titles = [p.title for p in window.session.ws.plans()]
    dialog = BackupDialog(window, imported)
    qtbot.addWidget(dialog)
    answers = iter([True, False])            # yes to the restore, no to another's backup
    from ui import dialogs
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: next(answers))
    restore_row(qtbot, dialog, 0)
    assert dialog.outcome.text() == "没有恢复，工作区未作改动。"
    assert [p.title for p in window.session.ws.plans()] == titles   # shown again, unchanged


def test_the_dialog_speaks_the_windows_language(qapp, qtbot, window, imported):
    from ui import i18n
    translators = i18n.install(qapp, "en")
    try:
        dialog = BackupDialog(window, imported)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Backups and restore"
        assert rows(dialog)[0][1] == "importing a plan"
        assert rows(dialog)[1][3] == "0 plans, 0 tasks"
    finally:
        i18n.uninstall(qapp, translators)


def test_a_file_that_never_was_a_workspace_is_only_refused(qtbot, window, modal, monkeypatch,
                                                          tmp_path):
    offered = []
    monkeypatch.setattr(backup_dialog, "ask_restore",
                        lambda parent, message, details="": offered.append((message, details)) or True)
    stray = tmp_path / "表格.plandesk"
    stray.write_bytes(b"PK\x03\x04" + bytes(4000))          # a workbook renamed, no backups
    assert not window.files.open(stray)
    assert offered == [] and "不是规划台账工作区" in modal.texts("error")[0]


def test_what_the_backups_hold_is_read_off_the_window(qtbot, window, monkeypatch, imported):
    import threading
    real, threads, go = backup_dialog.backup_counts, [], threading.Event()

    def slow_counts(path):
        threads.append(threading.get_ident())
        go.wait(10)
        return real(path)
    monkeypatch.setattr(backup_dialog, "backup_counts", slow_counts)
    dialog = BackupDialog(window, imported)
    qtbot.addWidget(dialog)
    tbl = dialog.table
    # Listed at once; the contents still being read, and no restore meanwhile.
    assert tbl.rowCount() == 2 and tbl.item(0, 1).text() == "导入计划前"
    assert [tbl.item(r, 3).text() for r in range(2)] == ["正在读取…", "正在读取…"]
    assert not dialog.restore_button.isEnabled() and dialog.restore_chosen() is None
    with qtbot.waitSignal(dialog.counted, timeout=20000):
        go.set()
    assert threads and threading.get_ident() not in threads
    assert tbl.item(0, 3).text().startswith("1 个计划") and tbl.item(1, 3).text() == "0 个计划，0 项任务"
    assert dialog.restore_button.isEnabled()
