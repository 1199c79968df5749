"""The language walk, continued over the dialogs that need more than the demo: the chain's
(carrying with its counterpart table, 承接情况, the template dialog, a revision side by
side), the return-review dialog of a workbook with bad cells, and Qt's own file dialog —
in Chinese no Latin words but the allow-list, in English no Han but the clerk's own data
(the plans, the departments, the files and what they hold)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl  # noqa: E402
import pytest  # noqa: E402

from models.workspace import Workspace  # noqa: E402
from reports.importer import parse_text  # noqa: E402
from reports.xlsx import export_exchange, read_return  # noqa: E402
from template_books import city_template  # noqa: E402
from test_carry import CITY, LOCAL  # noqa: E402
from test_plan_revision import CITY_REVISED  # noqa: E402
from test_ui_language_walk import (ALLOWED_LATIN, HAN, LATIN, data_strings,  # noqa: E402
                                   offending, visible_texts)
from test_xlsx_helpers import (C_PERCENT, C_STATUS, GEO, PROTECTION, ROUND,  # noqa: E402
                               build_workspace, fill, key_rows)
from ui import i18n  # noqa: E402

LANGUAGES = ["zh_CN", "en"]


@pytest.fixture(params=LANGUAGES)
def lang(request, qapp):
    translators = i18n.install(qapp, request.param)
    yield request.param
    i18n.uninstall(qapp, translators)


def check(lang: str, texts, data) -> list[str]:
    if lang == "en":
        return offending(texts, data, HAN, skip_placeholders=True)
    return offending(texts, data, LATIN, ALLOWED_LATIN)


def workbook_strings(path: Path) -> list[str]:
    """Every text cell of a workbook: the office's own words (headers, tasks, answers)."""
    book = openpyxl.load_workbook(path, read_only=True)
    out = [path.name]
    for sheet in book.worksheets:
        out.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            out += [v.strip() for v in row if isinstance(v, str) and v.strip()]
    book.close()
    return out


def tree_strings(tree: dict) -> list[str]:
    """The titles, texts and deadlines of a parsed plan (a revision the clerk received)."""
    out = [tree.get("title") or ""]
    stack = list(tree.get("tasks") or [])
    while stack:
        node = stack.pop()
        out += [node.get("title") or "", node.get("text") or "",
                (node.get("deadline") or {}).get("text") or ""]
        out += [name for names in (node.get("roles") or {}).values() for name in names]
        stack += node.get("children") or []
    return out


def walked(dialog, qtbot) -> list[tuple[str, str]]:
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [(f"{type(dialog).__name__}: {w}", t) for w, t in visible_texts(dialog)]
    dialog.close()
    return texts


@pytest.fixture
def chain(qapp, tmp_path):
    """A session over a city plan, the district's departments and a round with a report."""
    from ui.session import Session
    session = Session()
    session.set_workspace(Workspace.create(tmp_path / "区.plandesk"))
    ws = session.ws
    city = ws.insert_plan_tree(parse_text(CITY, "city.txt"))["plan"]
    for name in LOCAL:
        ws.add_department(name)
    ws.add_round(city.uuid, "第三季度")
    task = next(t for t in ws.tasks(city.uuid) if t.title == "加强品牌培育")
    ws.record_progress(task.uuid, "第三季度", "区商务局", status="done", text="完成评价")
    yield session, city.uuid
    session.close()


def test_the_chain_dialogs_speak_the_ui_language(qtbot, lang, chain, tmp_path):
    from ui.carry_view import CarryDialog, CarryStatusDialog
    from ui.revision_dialog import RevisionDialog
    from ui.template_dialog import TemplateDialog
    session, city = chain
    ws = session.ws
    texts = []

    carry = CarryDialog(session, city)
    qtbot.addWidget(carry)
    carry.district.setText("历下区")
    carry.refresh()
    texts += walked(carry, qtbot)                      # the counterpart table, proposed
    carry.confirm_counterparts()
    with qtbot.waitSignal(carry.carried, timeout=20000):
        carry.do_carry()
    texts += walked(carry, qtbot)                      # what was carried
    carried = next(p for p in ws.plans() if p.uuid != city)
    status = CarryStatusDialog(session, carried.uuid)
    qtbot.addWidget(status)
    texts += walked(status, qtbot)

    source = tmp_path / "市模板.xlsx"
    city_template(source, [("1.", "完善质量标准体系", "市市场监管局", ""),
                           ("2.", "加强品牌培育", "市商务局", "")])
    template = TemplateDialog(session, city)
    qtbot.addWidget(template)
    template.import_file(str(source))
    qtbot.waitUntil(lambda: not template.jobs, timeout=15000)
    assert template.rows.rowCount() == 2
    template.round.setCurrentText("第三季度")
    assert template.show_preview()
    texts += walked(template, qtbot)

    revised = tmp_path / "市方案-修订.txt"
    revised.write_text(CITY_REVISED, encoding="utf-8")
    revision = RevisionDialog(session, city)
    qtbot.addWidget(revision)
    revision.load(str(revised))
    qtbot.waitUntil(lambda: not revision.jobs, timeout=15000)
    assert revision.table.rowCount() >= 5
    texts += walked(revision, qtbot)

    data = (data_strings(ws) + workbook_strings(source)
            + tree_strings(parse_text(CITY_REVISED, revised.name))
            + [c["name"] for c in ws.counterparts()] + ["历下区", str(tmp_path)])
    data = sorted({s for s in data if s}, key=len, reverse=True)
    assert len(texts) > 100                            # the tables' cells were read
    bad = check(lang, texts, data)
    assert bad == [], "\n".join(bad)


def test_the_return_review_speaks_the_ui_language(qtbot, lang, tmp_path):
    from ui.exchange_jobs import ReturnDialog
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    try:
        sent = tmp_path / "区市场监管局.xlsx"
        export_exchange(ws, plan, ROUND, sent, department="区市场监管局")
        rows = key_rows(sent)
        back = fill(sent, tmp_path / "区市场监管局-回.xlsx",
                    {f"{C_STATUS}{rows[GEO]}": "推进中", f"{C_PERCENT}{rows[GEO]}": 140,
                     f"{C_STATUS}{rows[PROTECTION]}": "基本完成"})
        report = read_return(ws, back)
        assert report.errors and report.partial_ok
        dialog = ReturnDialog(None, report)
        qtbot.addWidget(dialog)
        texts = walked(dialog, qtbot)
        assert any(where.endswith(" text") for where, _ in texts)     # the report itself
        data = data_strings(ws) + workbook_strings(back) + [str(tmp_path)]
        data = sorted({s for s in data if s}, key=len, reverse=True)
        bad = check(lang, texts, data)
        assert bad == [], "\n".join(bad)
    finally:
        ws.close()


def file_dialog_rows(dialog) -> list[list[str]]:
    """What each row of the dialog's detail view shows: name, size, kind, date modified —
    through its delegate, as painted."""
    from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView
    view = dialog.findChild(QTreeView, "treeView")
    model, root = view.model(), view.rootIndex()
    rows = []
    for r in range(model.rowCount(root)):
        cells = []
        for c in range(model.columnCount(root)):
            option = QStyleOptionViewItem()
            view.itemDelegate().initStyleOption(option, model.index(r, c, root))
            cells.append(option.text)
        rows.append(cells)
    return rows


def test_qts_file_dialog_speaks_the_ui_language(qtbot, lang, qapp, settings, tmp_path):
    """File › Open, as the clerk meets it: Qt's own dialog (not the desktop's), its labels
    from Qt's catalog (qtbase_zh_CN.qm of the wheel) and ours, kinds and dates in the UI's
    language and locale."""
    import datetime as dt
    import time

    from PySide6.QtCore import QDateTime, QLocale, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView
    from ui.main_window import MainWindow
    folder = tmp_path / "规划科"
    (folder / "附件").mkdir(parents=True)
    for name in ("2025年工作要点.plandesk", "分工表.xlsx"):
        (folder / name).write_bytes(b"x")
    stamp = time.mktime(dt.datetime(2026, 3, 12, 9, 5).timetuple())
    for p in folder.iterdir():
        os.utime(p, (stamp, stamp))
    window = MainWindow(settings, persist=False)
    qtbot.addWidget(window)
    window.show()
    window.settings.last_directory = str(folder)
    seen = {}

    def look():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        try:
            seen["where"] = dialog.directory().absolutePath()
            qtbot.waitUntil(lambda: len(file_dialog_rows(dialog)) == 2, timeout=5000)
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                            and QApplication.focusWidget().window() is dialog, timeout=5000)
            seen["labels"] = {name: dialog.findChild(QLabel, name).text()
                              for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel")}
            seen["rows"] = file_dialog_rows(dialog)
            view = dialog.findChild(QTreeView, "treeView")
            kind = next(r[2] for r in seen["rows"] if r[2].startswith("PLANDESK"))
            seen["kind_fits"] = (view.header().sectionSize(2)
                                 > view.fontMetrics().horizontalAdvance(kind))
            # The views' own cells hold the model's raw text: what is painted is in rows.
            seen["texts"] = [(w, t) for w, t in visible_texts(dialog)
                             if not (w.endswith(" cell") and "sidebar" not in w)]
            seen["title"] = dialog.windowTitle()
        except Exception:
            seen["failed"] = (seen.get("where"), file_dialog_rows(dialog))
        finally:
            dialog.reject()
    QTimer.singleShot(0, look)
    window.actions.open_workspace.trigger()
    assert seen and "failed" not in seen, seen
    when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(stamp)), QLocale.ShortFormat)
    rows = sorted(seen["rows"])
    if lang == "zh_CN":
        assert seen["title"] == "打开工作区"
        assert seen["labels"] == {"lookInLabel": "查找范围(&L)：", "fileTypeLabel": "文件类型(&T)：",
                                  "fileNameLabel": "文件名称(&N)："}
        # The workspace the filter lets through (not the workbook) and the folder; the dates
        # as 2026/3/12 09:05.
        assert [r[1:3] for r in rows] == [["1 字节", "PLANDESK 文件"], ["", "文件夹"]]
        assert when.startswith("2026/3/12")
    else:
        assert seen["title"] == "Open workspace"
        assert seen["labels"]["lookInLabel"] == "&Look in:"
        assert [r[1:3] for r in rows] == [["1 bytes", "PLANDESK file"], ["", "Folder"]]
        assert when.startswith("3/12/26")
    assert all(r[3] == when for r in rows)
    assert seen["kind_fits"]                            # not cut to “PL…文件”
    data = sorted({str(folder), folder.name, str(tmp_path), "2025年工作要点.plandesk", "附件",
                   "分工表.xlsx", Path.home().name, *str(folder).split(os.sep)} - {""}, key=len, reverse=True)
    texts = seen["texts"] + [("row", " ".join(r)) for r in rows]
    bad = check(lang, texts, data)
    assert bad == [], "\n".join(bad)
