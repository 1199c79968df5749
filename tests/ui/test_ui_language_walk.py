"""Every widget of the main window (each tab) and every dialog, walked in both languages:
the Chinese UI shows no Latin words except an allow-list (file extensions, PDF, Excel, key
names, units), the English UI no Han characters except the clerk's own data (plan and task
titles, department names, file names) and the name of the Chinese language itself."""
from __future__ import annotations

import datetime as dt
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox,  # noqa: E402
                               QLabel, QLineEdit, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

from models import reminders  # noqa: E402
from ui import i18n  # noqa: E402

# What a Chinese UI may show in Latin letters.
ALLOWED_LATIN = re.compile(
    r"""\.(?:plandesk|docx?|xlsx?|wps|et|txt|pdf|png|csv|ini)\b | \*\.\w+ |
    \b(?:PLANDESK|DOCX?|XLSX?|TXT|PNG|CSV|INI)\b | \b(?:PDF|Excel|Word|WPS|
    LibreOffice|OCR|GB/T|Ctrl|Shift|Alt|Del|Tab|Enter|Esc|Backspace|PgUp|PgDown|Home|End|Ins|
    Up|Down|Left|Right|Return|Space|F\d{1,2}|km|kg|mm|cm|m²|MW|kW|GDP|R&D|ISO|ID|kB|KB|MB|GB)\b |
    \b[A-Z]\b | \(&[A-Z]\) | &[A-Za-z]""", re.X)
LATIN = re.compile(r"[A-Za-z]{2,}|\b[a-z]\b")
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def demo_window(qtbot, settings):
    def build(lang):
        i18n.install(qtbot_app(), lang)
        from ui.main_window import MainWindow
        w = MainWindow(settings, persist=False)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        assert w.files.open_demo()
        return w
    return build


def qtbot_app():
    from PySide6.QtWidgets import QApplication
    return QApplication.instance()


def data_strings(ws) -> list[str]:
    """The clerk's own text: it may be in any language and is taken out before checking."""
    out = [str(ws.path), ws.path.name, ws.path.parent.name] if ws.path else []
    # Files are named in the documents' language: 督办通知-区科技局.docx.
    out += ["督办通知", "方案.txt"]
    out += ["计划", "任务", "区发展改革局"]       # the file the import preview is shown
    for p in ws.plans():
        out += [p.title, p.source_file, p.doc_number, p.issuer or ""]
        out += [r.name for r in ws.rounds(p.uuid)]
        numbers = ws.numbers(p.uuid)
        tasks = ws.tasks(p.uuid)
        parents = {t.id: t.parent_id for t in tasks}
        for t in tasks:
            out += [numbers.get(t.id, "") + t.title, numbers.get(t.id, ""), t.title, t.text,
                    t.deadline_text]
            path, up = "", t.id         # 三（一）1.: the number with its ancestors'
            while up is not None:
                path, up = numbers.get(up, "").rstrip("、") + path, parents.get(up)
            out.append(path)
            out += [x.get("metric", "") for x in ws.targets(t.uuid)]
            out += [r.get(k) or "" for r in ws.progress(t.uuid)
                    for k in ("text", "problems", "next_steps", "note")]
        out += [e["file_name"] for e in ws.exchanges(p.uuid)]
    for d in ws.departments():
        out += [d.name, d.short_name or "", *d.aliases]
    return sorted({s for s in out if s}, key=len, reverse=True)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what the clerk can read in ``root`` now."""
    out = []

    def add(where, text):
        if text and text.strip():
            out.append((where, text))
    add("window title", root.windowTitle())
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel):
            add(name, re.sub(r"<[^>]+>", "", w.text()))
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(name, w.tabText(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(name, w.itemText(i))
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            add(name + " placeholder", w.placeholderText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                columns = m.columnCount(w.rootIndex())
            except TypeError:       # a Qt-internal model (list views of Qt's own widgets)
                columns = 0
            for c in range(columns):
                add(name + " header", str(m.headerData(c, Qt.Horizontal) or ""))
            for text in cell_texts(m, w.rootIndex(), columns):
                add(name + " cell", text)
        if isinstance(w, (QPlainTextEdit, QTextEdit)) and w.isReadOnly():
            add(name + " text", w.toPlainText())
        tip = w.toolTip()
        add(name + " tooltip", tip)
    return out


def cell_texts(model, root, columns: int, depth: int = 2, limit: int = 200) -> list[str]:
    """What the cells of an item view say (the first rows, two levels deep)."""
    out: list[str] = []
    if columns <= 0 or depth == 0:
        return out
    try:
        rows = min(model.rowCount(root), limit)
    except TypeError:
        return out
    for r in range(rows):
        for c in range(columns):
            text = model.index(r, c, root).data(Qt.DisplayRole)
            if isinstance(text, str):
                out.append(text)
        out += cell_texts(model, model.index(r, 0, root), columns, depth - 1, limit)
    return out


def menu_texts(window) -> list[tuple[str, str]]:
    out = []

    def walk(actions, where):
        for a in actions:
            if a.isSeparator():
                continue
            out.append((where, a.text()))
            if a.toolTip() and a.toolTip() != a.text():
                out.append((where + " tooltip", a.toolTip()))
            if a.menu() is not None:
                walk(a.menu().actions(), where + "/" + a.text())
    walk(window.menuBar().actions(), "menu")
    return out


def offending(texts, data, pattern, allowed=None, skip=(), skip_placeholders=False):
    bad = []
    for where, text in texts:
        if text in skip or skip_placeholders and where.endswith("placeholder"):
            continue
        rest = text
        # An excerpt of the clerk's text (“…试点示范，2024年底前…”) is the clerk's text too.
        for piece in text.split("…") if "…" in text else ():
            if piece.strip() and any(piece.strip() in s for s in data):
                rest = rest.replace(piece.strip(), " ")
        for s in data:
            rest = rest.replace(s, " ")
        if allowed is not None:
            rest = allowed.sub(" ", rest)
        if pattern.search(rest):
            bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


def dialogs_of(window):
    """Every dialog of the window, built over the demo (not shown modally)."""
    from ui.dashboard_rounds import NewRoundDialog
    from ui.department_split import SplitDialog
    from ui.dialogs import ChooseDialog
    from ui.exchange_jobs import ExportDialog
    from ui.help import ManualDialog, ShortcutsDialog, about_box
    from ui.import_preview import ImportPreview
    from ui.notice_dialog import NoticeDialog, default_notice
    from ui.open_file import open_box
    from ui.preamble_dialog import PreambleDialog
    from ui.reminders import DueDateDialog, PendingDialog
    from ui.report_jobs import FollowupDialog
    from ui.target_editor import TargetDialog
    ws, plan = window.session.ws, window.current_plan
    rnd = ws.rounds(plan)[0]
    reminders.set_due_date(ws, plan, rnd.uuid, "2025-10-15")
    parsed = {"title": "计划", "tasks": [{"title": "任务", "source_label": "1.",
                                         "roles": {"lead": ["区发展改革局"]}, "children": []}],
              "warnings": [{"line": 3, "code": "importer.run_together",
                            "args": {"unit": "区发展改革局"}}], "source_text": [[1, "计划"]]}
    lang = "en" if window.tabs.tabText(0) == "Breakdown" else "zh_CN"
    made = [
        TargetDialog(window, {"metric": "入驻机构", "value": 20, "unit": "家"}),
        PreambleDialog("前言", window),
        DueDateDialog(None, dt.date(2025, 10, 15), window),
        PendingDialog(ws, plan, rnd.uuid, dt.date(2025, 10, 20), window),
        ImportPreview("方案.txt", parsed, set(), window),
        SplitDialog(ws.departments()[0].name, window),
        ChooseDialog(window, window.tr("PlanDesk"), "", [d.name for d in ws.departments()]),
        ManualDialog(lang, window),
        ShortcutsDialog(window.actions, window),
        about_box(window),
        NoticeDialog(window, default_notice(ws, plan)),
        NewRoundDialog([r.name for r in ws.rounds(plan)], dt.date(2025, 10, 1), window),
        ExportDialog(window, ws, plan),
        FollowupDialog(window, ["区发展改革局"], "/tmp", rnd.name),
        open_box(window, ws.path, window.tr("PlanDesk")),
    ]
    return made


def walk(window, qtbot):
    texts = menu_texts(window)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        if i == 3:
            qtbot.waitUntil(lambda: window.progress.dashboard is not None, timeout=10000)
        texts += visible_texts(window)
    window.tabs.setCurrentIndex(0)
    for dialog in dialogs_of(window):
        dialog.show()
        texts += [(f"{type(dialog).__name__}: {w}", t) for w, t in visible_texts(dialog)]
        dialog.close()
    return texts


def test_no_latin_words_in_the_chinese_window(qtbot, demo_window):
    window = demo_window("zh_CN")
    texts = walk(window, qtbot)
    data = data_strings(window.session.ws) + ["PlanDesk"]   # the product's name beside 规划台账
    bad = offending(texts, data, LATIN, ALLOWED_LATIN, skip={"English"})
    assert bad == [], "\n".join(bad)


def test_no_han_characters_in_the_english_window(qtbot, demo_window):
    window = demo_window("en")
    texts = walk(window, qtbot)
    data = data_strings(window.session.ws)
    # A placeholder shows what to type — Chinese document text (e.g. 2025年底前) — and may.
    bad = offending(texts, data, HAN, skip={"中文（简体）"}, skip_placeholders=True)
    assert bad == [], "\n".join(bad)
