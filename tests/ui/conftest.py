"""Fixtures of the GUI tests: Qt on the offscreen platform, a fresh workspace per test."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # before anything imports Qt

import pytest  # noqa: E402

from models.workspace import Workspace  # noqa: E402


def build_sample(ws) -> str:
    """A small plan with sections, tasks, departments (with an alias) and deadlines."""
    ws.add_department("区市场监管局", aliases=["市场监管局"])
    ws.add_department("区发展改革局", aliases=["发改局", "区发改局"])
    ws.add_department("区科技局")
    ws.add_department("各街道办事处")
    plan = ws.add_plan("槐荫区知识产权强区建设工作方案", kind="work_plan", year=2022)
    p = plan.uuid
    s1 = ws.add_task(p, "总体要求")
    ws.add_task(p, "指导思想", parent=s1.uuid, text="坚持以创新驱动发展。")
    ws.add_task(p, "工作目标", parent=s1.uuid)
    s2 = ws.add_task(p, "重点任务")
    t1 = ws.add_task(p, "建设中国地理标志产业大厦", parent=s2.uuid, deadline="2025年底前")
    ws.assign(t1.uuid, "区市场监管局", "lead")
    ws.assign(t1.uuid, "区发展改革局", "support")
    t2 = ws.add_task(p, "实施专利导航项目", parent=s2.uuid, deadline="2022年6月底前")
    ws.assign(t2.uuid, "区科技局", "lead")
    ws.assign(t2.uuid, "区市场监管局", "support")
    ws.add_task(p, "开展企业专利培训", parent=t2.uuid, deadline="长期坚持")
    c2 = ws.add_task(p, "建设专利导航服务基地", parent=t2.uuid)
    ws.assign(c2.uuid, "各街道办事处", "responsible")
    ws.add_task(p, "保障措施")
    return p


@pytest.fixture(autouse=True)
def _language_reset(qapp):
    """Each test starts in the untranslated UI with Chinese messages, whatever the one
    before it switched to."""
    yield
    from ui import i18n
    i18n.uninstall(qapp, [])


@pytest.fixture
def session(qapp):
    from ui.session import Session
    s = Session()
    s.set_workspace(Workspace.memory())
    yield s
    s.close()


@pytest.fixture
def sample(session):
    """(session, plan uuid) with the sample plan."""
    return session, build_sample(session.ws)


@pytest.fixture
def tree(sample):
    """The breakdown's tree model over the sample plan."""
    from ui.tree_model import TaskTreeModel
    session, plan = sample
    model = TaskTreeModel(session)
    model.set_plan(plan)
    return model


@pytest.fixture
def settings(tmp_path):
    from ui.settings import Settings
    return Settings.at(tmp_path / "settings.ini")


class Modal:
    """Stands in for the app's modal dialogs during a test and records what they said."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.confirm_answer = True
        self.readonly_answer = False
        self.choice = 0
        self.preview = None     # a function(ImportPreview) -> bool (import?) for the preview

    def review(self, parent, file_name, plan, ws):
        """The import preview: built for real, then imported as shown unless a test scripts it."""
        from ui.import_preview import ImportPreview, known_names
        dialog = ImportPreview(file_name, plan, known_names(ws), parent)
        self.calls.append(("preview", file_name))
        if self.preview is not None and not self.preview(dialog):
            return None
        return dialog.result()

    def texts(self, kind: str) -> list[str]:
        return [c[1] for c in self.calls if c[0] == kind]


@pytest.fixture(autouse=True)
def modal(monkeypatch):
    """No test ever blocks on a dialog: answers are scripted, messages recorded."""
    from ui import dialogs
    m = Modal()

    def confirm(parent, title, text):
        m.calls.append(("confirm", text))
        return m.confirm_answer

    def ask_open_readonly(parent, message):
        m.calls.append(("locked", message))
        return m.readonly_answer

    def choose(parent, title, text, names, current=0):
        m.calls.append(("choose", text))
        return m.choice

    from ui import import_preview, open_file, pdf_preview
    monkeypatch.setattr(pdf_preview.PdfPreview, "exec",
                        lambda self: m.calls.append(("pdf_preview", self.pdf)) or 0)
    monkeypatch.setattr(import_preview, "review", m.review)
    monkeypatch.setattr(open_file, "offer_to_open",
                        lambda parent, path, text: m.calls.append(("offer_open", path)))
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_open_readonly", ask_open_readonly)
    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, msg, d="": m.calls.append(("error", msg)))
    monkeypatch.setattr(dialogs, "show_info", lambda p, t, msg, d="": m.calls.extend(
        [("info", msg), ("info_details", d)]))
    monkeypatch.setattr(dialogs, "show_failure",
                        lambda p, t, f: m.calls.append(("failure", f.message, f)))
    return m


@pytest.fixture
def workspace_file(tmp_path):
    """A workspace file with the sample plan, closed (the window opens it)."""
    path = tmp_path / "office.plandesk"
    with Workspace.create(path) as ws:
        build_sample(ws)
    return path


@pytest.fixture
def window(qtbot, settings):
    from ui.main_window import MainWindow
    w = MainWindow(settings, persist=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
