"""Reports from the window on the demo workspace: the progress report (.docx/.xlsx), the
follow-up notices, the task lists by department, the check before printing, the preview."""
from __future__ import annotations

import os
import datetime as dt
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx  # noqa: E402
import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QDialog, QFileDialog, QToolButton  # noqa: E402

from models.dump import plan_dict  # noqa: E402
from models.workspace import Workspace  # noqa: E402
from reports import pdf, soffice  # noqa: E402
from reports.demo import build_demo  # noqa: E402
from reports.docx import check_docx  # noqa: E402
from reports.docx.standalone import department_tasks  # noqa: E402
from reports.progress_report import late_departments  # noqa: E402
from ui import dialogs, features, file_jobs, report_jobs  # noqa: E402
from ui.main_window import PROGRESS  # noqa: E402
from ui.notice_dialog import NoticeDialog  # noqa: E402

needs_lo = pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "演示.plandesk")


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch, modal):
    """The check-before-printing dialog, scripted like the others: (message, details)."""
    shown = []

    def show_warning(parent, title, message, details=""):
        modal.calls.append(("warning", message))
        shown.append((message, details))

    monkeypatch.setattr(dialogs, "show_warning", show_warning)
    return shown


@pytest.fixture
def demo(window, demo_file, tmp_path):
    """The window on a copy of the demo, the district plan selected: (window, ws, plan)."""
    path = tmp_path / "演示.plandesk"
    shutil.copyfile(demo_file, path)
    assert window.files.open(path)
    ws = window.session.ws
    plan = ws.plans()[0].uuid
    window.plan_list.select(plan)
    window.settings.last_directory = str(tmp_path)
    return window, ws, plan


def done(qtbot, window, timeout=20000):
    qtbot.waitUntil(lambda: not window.reports.jobs and not window.jobs.jobs, timeout=timeout)


def tool_button(widget, action) -> QToolButton:
    return next(b for b in widget.findChildren(QToolButton) if b.defaultAction() is action)


def scripted_notice(monkeypatch, printer=""):
    """The notice form, filled in the way the clerk would and saved."""
    def exec_(self):
        self.fields["addressees"].setText("各街道办事处，区政府各部门：")
        self.attachments.setPlainText("")          # the attachments the options add
        self.fields["printer"].setText(printer)
        return QDialog.Accepted
    monkeypatch.setattr(NoticeDialog, "exec", exec_)


# ---- the progress report -------------------------------------------------------------------
def test_progress_report_from_the_progress_tab(qtbot, demo, tmp_path, monkeypatch, modal):
    window, ws, plan = demo
    window.tabs.setCurrentIndex(PROGRESS)
    dashboard = window.progress.dashboard
    assert dashboard is not None and dashboard.current_round() == "2023年第二季度"
    asked = []
    outs = iter([tmp_path / "报告.docx", tmp_path / "进度.xlsx"])

    def save(parent, title, suggested, filter_):
        asked.append(Path(suggested).name)
        return str(next(outs)), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)

    button = tool_button(dashboard, window.actions.export_progress_docx)
    assert button.isEnabled()
    button.click()
    done(qtbot, window)
    assert "2023年第二季度" in asked[0] and asked[0].endswith(".docx")
    first = docx.Document(tmp_path / "报告.docx").paragraphs[0].text
    assert first.endswith("推进情况的报告") and "2023年第二季度" in first

    tool_button(dashboard, window.actions.export_progress_xlsx).click()
    done(qtbot, window)
    assert len(openpyxl.load_workbook(tmp_path / "进度.xlsx").sheetnames) >= 2
    assert not modal.texts("warning") and not modal.texts("failure")
    assert "进度.xlsx" in window.statusBar().currentMessage()


def test_a_report_of_an_in_memory_workspace_is_written_on_the_database_thread(
        qtbot, window, tmp_path, monkeypatch, modal):
    ws = Workspace.memory()
    plan = ws.add_plan("内存中的方案").uuid
    task = ws.add_task(plan, "实施专利导航项目", deadline="2022年6月底前")
    ws.add_department("区科技局")
    ws.assign(task.uuid, "区科技局", "lead")
    window.session.set_workspace(ws)
    window.plan_list.select(plan)
    out = tmp_path / "内存.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_progress_xlsx.trigger()
    assert window.session.busy               # no second connection: an op on the workspace
    done(qtbot, window)
    assert out.exists() and not window.session.busy
    assert not modal.texts("failure")


# ---- follow-up notices ---------------------------------------------------------------------
def test_one_followup_notice_per_late_department(qtbot, demo, tmp_path, monkeypatch, modal):
    window, ws, plan = demo
    window.tabs.setCurrentIndex(PROGRESS)
    folder = tmp_path / "督办"
    folder.mkdir()
    offered = []

    def accept(self):
        offered.append([self.list.item(i).text() for i in range(self.list.count())])
        assert self.departments() == offered[-1]           # every one checked at first
        self.folder_edit.setText(str(folder))
        return QDialog.Accepted
    monkeypatch.setattr(report_jobs.FollowupDialog, "exec", accept)

    tool_button(window.progress.dashboard, window.actions.followup_notices).click()
    done(qtbot, window)
    late = late_departments(ws, plan, "2023年第二季度")
    assert late and offered == [late]
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(f"督办通知-{name}.docx" for name in late)
    for name in written:
        assert check_docx(folder / name) == []
    assert not modal.texts("warning") and not modal.texts("failure")

    # Again into the same folder: the clerk is asked before the notices are replaced.
    stamp = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    modal.confirm_answer = False
    window.actions.followup_notices.trigger()
    done(qtbot, window)
    assert any("督办通知-" in t for t in modal.texts("confirm"))
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir()} == stamp


def test_followup_notices_take_the_offices_head_and_consecutive_numbers(qtbot, demo, tmp_path,
                                                                       monkeypatch):
    window, ws, plan = demo
    year = dt.date.today().year
    ws.save_notice(plan, {"issuer_mark": "济南市槐荫区人民政府办公室文件", "letterhead": "printed",
                          "doc_number": f"槐政办字〔{year}〕12号", "signer": "济南市槐荫区人民政府办公室",
                          "date": "2023-03-01", "title": "关于印发《方案》的通知"})
    late = late_departments(ws, plan, "2023年第二季度")[:2]
    folder = tmp_path / "督办"
    folder.mkdir()
    monkeypatch.setattr(report_jobs.FollowupDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(report_jobs.FollowupDialog, "departments", lambda self: late)
    monkeypatch.setattr(report_jobs.FollowupDialog, "folder", lambda self: folder)
    window.reports.followup_notices(plan, "2023年第二季度")
    done(qtbot, window, timeout=60000)
    numbers = [f"槐政办字〔{year}〕13号", f"槐政办字〔{year}〕14号"]
    for name, number in zip(late, numbers):
        texts = [p.text for p in docx.Document(str(folder / f"督办通知-{name}.docx")).paragraphs]
        assert "济南市槐荫区人民政府办公室文件" in texts[:4]           # the 版头 above the title
        assert number in texts and f"{name}：" in texts
    assert ws.issued_doc_numbers() == numbers           # recorded: the next letter takes 15号


def test_followup_notices_can_be_cancelled_between_departments(qtbot, demo, tmp_path):
    window, ws, plan = demo
    from ui.worker import Cancelled, JobContext
    ctx = JobContext(lambda *a: None)
    ctx.cancel()
    with pytest.raises(Cancelled):
        report_jobs.render_followups(ctx, ws, plan, None, ["区市场监管局"], tmp_path)
    assert not list(tmp_path.glob("督办通知-*.docx"))


# ---- task lists by department --------------------------------------------------------------
def test_task_lists_in_one_document_or_one_per_department(qtbot, demo, tmp_path, monkeypatch,
                                                          modal):
    window, ws, plan = demo
    one = tmp_path / "清单.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(one), ""))
    modal.choice = 0
    window.actions.export_department_tasks.trigger()
    done(qtbot, window)
    assert one.exists() and check_docx(one) == []

    folder = tmp_path / "各部门"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    modal.choice = 1
    window.actions.export_department_tasks.trigger()
    done(qtbot, window)
    names = department_tasks(plan_dict(ws, plan))
    assert len(list(folder.glob("任务清单_*.docx"))) == len(names) > 1
    assert not modal.texts("warning") and not modal.texts("failure")


# ---- the check before printing -------------------------------------------------------------
def test_the_check_dialog_lists_what_rendering_and_the_check_found(qtbot, demo, tmp_path,
                                                                   monkeypatch, warnings_shown):
    window, ws, plan = demo
    scripted_notice(monkeypatch)
    render = features.get("notice_docx")
    found = []

    def render_with_a_warning(plan_, notice, out, options=None):
        result = render(plan_, notice, out, options)
        result.warnings.append("以下字不在 GB 2312 字符集中：堃")
        found.extend(result.warnings)
        return result
    monkeypatch.setitem(features._cache, "notice_docx", render_with_a_warning)
    monkeypatch.setitem(features._cache, "check_docx", lambda path: ["x"])
    out = tmp_path / "通知.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_notice.trigger()
    done(qtbot, window)
    assert out.exists()
    [(message, details)] = warnings_shown
    # What rendering warned of, and the check's one point.
    assert str(len(found) + 1) in message and str(out) in message
    assert "• x" in details.splitlines() and "堃" in details


@needs_lo
def test_no_check_dialog_for_a_clean_notice(qtbot, demo, tmp_path, monkeypatch, warnings_shown,
                                            modal):
    window, ws, plan = demo
    scripted_notice(monkeypatch, printer="济南市槐荫区人民政府办公室")   # with its colophon
    out = tmp_path / "通知.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions.export_notice.trigger()
    done(qtbot, window, 60000)
    assert out.exists() and check_docx(out) == []
    assert warnings_shown == [] and not modal.texts("failure")
    assert str(out) in window.statusBar().currentMessage()


# ---- print preview -------------------------------------------------------------------------
@needs_lo
def test_print_preview_opens_the_notice_as_pdf(qtbot, demo, tmp_path, monkeypatch,
                                               warnings_shown, modal):
    window, ws, plan = demo
    monkeypatch.setattr(file_jobs.tempfile, "tempdir", str(tmp_path))   # previews go there
    scripted_notice(monkeypatch)
    monkeypatch.setitem(features._cache, "check_docx", lambda path: ["版记：x"])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert window.actions.print_preview.isEnabled()
    window.actions.print_preview.trigger()
    done(qtbot, window, 60000)
    assert not modal.texts("failure")
    # The pages are shown inside the window; the system's viewer is not needed.
    [path] = [c[1] for c in modal.calls if c[0] == "pdf_preview"]
    assert opened == []
    assert path.suffix == ".pdf" and path.exists() and pdf.page_count(path) >= 1
    assert path.parent.parent == tmp_path / "plandesk-preview"
    assert len(warnings_shown) == 1 and "版记：x" in warnings_shown[0][1]   # checked too


def test_preview_is_grey_without_libreoffice_and_says_why(qtbot, demo, tmp_path, monkeypatch,
                                                          modal):
    window, ws, plan = demo
    monkeypatch.setattr(file_jobs.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(features, "_libreoffice", [])
    monkeypatch.setattr(soffice, "available", lambda: False)
    window._update_actions()
    act = window.actions.print_preview
    assert not act.isEnabled() and "LibreOffice" in act.toolTip()
    assert not window.actions.export_pdf.isEnabled()

    # Had it gone missing after the action was enabled: the library's message is shown.
    def no_soffice(docx_path, pdf_path=None, timeout=120):
        raise pdf.PdfUnavailable("未找到 LibreOffice（soffice），无法生成 PDF。")
    monkeypatch.setitem(features._cache, "pdf", no_soffice)
    scripted_notice(monkeypatch)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("opened"))
    window.jobs.preview(plan)
    done(qtbot, window)
    assert "未找到 LibreOffice" in modal.texts("failure")[-1]


def test_preview_files_go_to_a_fresh_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(file_jobs.tempfile, "tempdir", str(tmp_path))
    old = tmp_path / "plandesk-preview" / "preview-old"
    old.mkdir(parents=True)
    os.utime(old, (0, 0))
    a, b = file_jobs.preview_folder(), file_jobs.preview_folder()
    assert a != b and a.parent == old.parent and not old.exists()
