"""The main window: plans on the left, the plan's tabs on the right, an empty state when
there is nothing to show. It composes the views and connects the actions to them; the
behaviour lives in the views and in the small controllers (workspace files, file jobs).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QSplitter, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from . import backup_menu, chain_menu, features, i18n
from .actions import Actions
from .breakdown_view import BreakdownView
from .empty_state import EmptyState
from .i18n import normalize
from .plan_list import PlanList
from .session import Session
from .view_state import ViewState
from .workspace_files import WorkspaceFiles

if TYPE_CHECKING:
    from .departments_view import DepartmentsView
    from .exchange_jobs import ExchangeJobs
    from .exchanges_view import ExchangesView
    from .file_jobs import FileJobs
    from .matrix_view import MatrixView
    from .progress_tab import ProgressTab
    from .report_jobs import ReportJobs
    from .worker import KeepsJobs

BREAKDOWN, MATRIX, DEPARTMENTS, PROGRESS, EXCHANGES = range(5)


class MainWindow(QMainWindow):
    def __init__(self, settings, persist: bool = True, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.persist = persist            # False: a screenshot run leaves no trace
        self.session = Session(self)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.setMinimumSize(960, 600)
        self.resize(1280, 720)

        self.actions = Actions(self)
        self.files = WorkspaceFiles(self, self.session, settings)
        # The controllers of files, reports and exchanges are made on first use (self.jobs …).
        self._controllers: dict[str, KeepsJobs] = {}
        self.plan_list = PlanList(self.session, self)
        self.breakdown = BreakdownView(self.session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("plan_tabs")
        self.tab_names = [self.tr("Breakdown"), self.tr("Responsibilities"),
                          self.tr("Departments"), self.tr("Progress"), self.tr("Exchanges")]
        # The other tabs are made when first shown (or first asked for: self.matrix …),
        # each in a page of its own: nothing of them is built or laid out before then.
        self._views: dict[int, QWidget] = {BREAKDOWN: self.breakdown}
        for index, name in enumerate(self.tab_names):
            if index == BREAKDOWN:
                self.tabs.addTab(self.breakdown, name)
                continue
            page = QWidget(self.tabs)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(page, name)
        self.tabs.currentChanged.connect(self._view)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(self.plan_list)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1050])
        self.empty = EmptyState(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel(self)
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("mode_label")
        self.statusBar().addPermanentWidget(self.path_label)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.recent_menu = self.actions.build_menus(self.menuBar(), self.tab_names)
        chain_menu.install(self)
        backup_menu.install(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.view_state = ViewState(self, settings)
        self.replaced = False             # True once a rebuilt window took the workspace
        self._connect()
        self._restore_state()
        self._on_workspace(None)

    # ---- wiring ----------------------------------------------------------------------
    def _connect(self) -> None:
        a, s = self.actions, self.session
        a.new_workspace.triggered.connect(lambda: self.files.new_workspace())
        a.open_workspace.triggered.connect(lambda: self.files.choose_and_open())
        a.open_readonly.triggered.connect(lambda: self.files.choose_and_open(readonly=True))
        a.open_demo.triggered.connect(self.files.open_demo)
        a.close_workspace.triggered.connect(s.close)
        a.reload.triggered.connect(self.files.reload)
        a.quit.triggered.connect(self.close)
        a.import_plan.triggered.connect(lambda: self.jobs.choose_and_import())
        for act, kind in ((a.export_notice, "notice_docx"), (a.export_table_docx, "table_docx"),
                          (a.export_table_xlsx, "table_xlsx"), (a.export_pdf, "pdf")):
            act.triggered.connect(lambda _=False, k=kind: self.jobs.export(k, self.current_plan))
        a.print_matrix.triggered.connect(self.print_matrix)
        a.print_preview.triggered.connect(lambda: self.jobs.preview(self.current_plan))
        a.export_department_tasks.triggered.connect(
            lambda: self.reports.task_lists(self.current_plan))
        for act, kind in ((a.export_progress_docx, "docx"), (a.export_progress_xlsx, "xlsx")):
            act.triggered.connect(lambda _=False, k=kind: self.reports.progress_report(
                k, self.current_plan, self.progress.current_round(), self.progress.today()))
        a.followup_notices.triggered.connect(lambda: self.reports.followup_notices(
            self.current_plan, self.progress.current_round(), self.progress.today()))
        a.export_exchange.triggered.connect(lambda: self.exchange_jobs.export(self.current_plan))
        a.import_returns.triggered.connect(lambda: self.exchange_jobs.import_returns())
        a.consolidate.triggered.connect(lambda: self.exchange_jobs.consolidate(self.current_plan))
        a.notice_details.triggered.connect(self._edit_notice)
        a.edit_preamble.triggered.connect(self._edit_preamble)
        a.undo.triggered.connect(lambda: self._replay("undo"))
        a.redo.triggered.connect(lambda: self._replay("redo"))
        a.new_plan.triggered.connect(self.plan_list.add_plan)
        a.rename_plan.triggered.connect(self.plan_list.rename_plan)
        a.delete_plan.triggered.connect(self.plan_list.delete_plan)
        a.continuous_level3.triggered.connect(self._set_continuous)
        for i, act in enumerate(a.tab_actions):
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
        for code, act in a.languages.items():
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))
        a.about.triggered.connect(self._about)
        a.manual.triggered.connect(self._manual)
        a.shortcuts.triggered.connect(self._shortcuts)
        self.breakdown.bind(a)
        self.plan_list.add_buttons([a.new_plan, a.rename_plan, a.delete_plan])
        self.plan_list.currentPlanChanged.connect(self._show_plan)
        self.breakdown.selectionChanged.connect(self._update_actions)
        self.empty.recentChosen.connect(lambda path: self.files.open(Path(path)))
        self.empty.aboutToShow.connect(self.actions.apply_icons)
        s.closing.connect(lambda _ws: self.view_state.save())
        s.workspaceChanged.connect(self._on_workspace)
        s.changed.connect(self._on_change)
        s.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        s.failure.connect(self._show_failure)

    def _show_failure(self, text: str) -> None:
        from . import dialogs      # the message boxes are loaded with the first one shown
        dialogs.show_error(self, self.tr("PlanDesk"), text)

    # ---- state -----------------------------------------------------------------------
    @property
    def current_plan(self) -> str | None:
        return self.plan_list.current_uuid

    def _on_workspace(self, ws) -> None:
        self.plan_list.select(None)
        self.view_state.restore()
        self._update_page()
        self._update_status()
        self._update_actions()
        self.actions.update_undo(ws)

    def _on_change(self, change) -> None:
        self.actions.update_undo(self.session.ws)
        if "plans" in change.tables:
            self._update_page()
            self._update_actions()

    # ---- the controllers ----------------------------------------------------------------
    @property
    def jobs(self) -> FileJobs:
        if "jobs" not in self._controllers:
            from .file_jobs import FileJobs
            jobs = self._controllers["jobs"] = FileJobs(self, self.session, self.settings)
            jobs.imported.connect(self.plan_list.select)
        return self._controllers["jobs"]

    @property
    def exchange_jobs(self) -> ExchangeJobs:
        if "exchange_jobs" not in self._controllers:
            from .exchange_jobs import ExchangeJobs
            self._controllers["exchange_jobs"] = ExchangeJobs(self, self.session, self.settings)
        return self._controllers["exchange_jobs"]

    @property
    def reports(self) -> ReportJobs:
        if "reports" not in self._controllers:
            from .report_jobs import ReportJobs
            self._controllers["reports"] = ReportJobs(self, self.session, self.settings)
        return self._controllers["reports"]

    # ---- the tabs ----------------------------------------------------------------------
    @property
    def matrix(self) -> MatrixView:
        return self._view(MATRIX)

    @property
    def departments(self) -> DepartmentsView:
        return self._view(DEPARTMENTS)

    @property
    def progress(self) -> ProgressTab:
        return self._view(PROGRESS)

    @property
    def exchanges(self) -> ExchangesView:
        return self._view(EXCHANGES)

    def _view(self, index: int):
        """The view of tab ``index``, made (and shown the current plan) the first time."""
        view = self._views.get(index)
        if view is not None or index < 0:
            return view
        a, page = self.actions, self.tabs.widget(index)
        show_here = lambda uuid: self.show_task(self.current_plan, uuid)  # noqa: E731
        if index == MATRIX:
            from .matrix_view import MatrixView
            view = MatrixView(self.session, self.breakdown.model, page)
            view.add_tool_actions([a.print_matrix, a.export_table_xlsx])
            view.taskActivated.connect(show_here)
        elif index == DEPARTMENTS:
            from .departments_view import DepartmentsView
            view = DepartmentsView(self.session, page)
            view.taskActivated.connect(self.show_task)
        elif index == PROGRESS:
            from .progress_tab import ProgressTab
            view = ProgressTab(self.session, page)
            view.add_tool_actions([a.export_progress_docx, a.export_progress_xlsx,
                                   a.followup_notices])
            view.taskActivated.connect(show_here)
        else:
            from .exchanges_view import ExchangesView
            view = ExchangesView(self.session, page)
            view.add_tool_actions([a.export_exchange, a.import_returns, a.consolidate])
        page.layout().addWidget(view)
        view.show()                   # added to a page already shown: Qt shows it only later
        self._views[index] = view
        if index != DEPARTMENTS:
            view.set_plan(self.current_plan)
        return view

    def _show_plan(self, plan_uuid: str | None) -> None:
        for index in (BREAKDOWN, MATRIX, PROGRESS, EXCHANGES):
            if index in self._views:
                self._views[index].set_plan(plan_uuid)
        self._update_page()
        self._update_actions()

    def _update_page(self) -> None:
        ws, a = self.session.ws, self.actions
        if ws is None:
            self.empty.show_state(
                self.tr("PlanDesk"),
                self.tr("Plans, tasks and who does what — kept in one workspace file.\n"
                        "Open a workspace, create one, or import a plan document to start."),
                [a.import_plan, a.open_demo, a.open_workspace, a.new_workspace],
                [p for p in self.settings.recent_workspaces if Path(p).exists()])
            self.stack.setCurrentWidget(self.empty)
        elif not self.plan_list.model.rowCount():
            self.empty.show_state(
                self.tr("This workspace has no plans yet"),
                self.tr("Import a plan document (.txt, .docx or a division table .xlsx), "
                        "start an empty plan, or look at the demo first."),
                [a.import_plan, a.new_plan, a.open_demo])
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.splitter)

    def _update_actions(self) -> None:
        ws = self.session.ws
        plan = self.current_plan
        self.actions.update(has_workspace=ws is not None, readonly=self.session.readonly,
                            has_plan=plan is not None, has_selection=self.breakdown.has_selection())
        if plan is not None:
            self.actions.continuous_level3.setChecked(
                bool(ws.plan(plan).settings.get("continuous_level3")))
        self.actions.languages[normalize(self.settings.language)].setChecked(True)

    def _update_status(self) -> None:
        ws = self.session.ws
        if ws is None:
            self.path_label.setText(self.tr("No workspace open"))
            self.mode_label.setText("")
            self.setWindowTitle(self.tr("PlanDesk"))
            return
        name = str(ws.path) if ws.path else self.tr("(in memory)")
        if self.session.temporary:
            name += "  " + self.tr("(demo: a temporary copy)")
        self.path_label.setText(name)
        self.mode_label.setText(self.tr("Read-only") if ws.readonly else self.tr("Saved as you edit"))
        self.mode_label.setStyleSheet("color: #c62828; font-weight: bold;" if ws.readonly else
                                      "color: #2e7d32;")
        title = f"{ws.path.name if ws.path else name} — {self.tr('PlanDesk')}"
        if ws.readonly:
            title += " [" + self.tr("read-only") + "]"
        self.setWindowTitle(title)

    # ---- commands --------------------------------------------------------------------
    def _replay(self, which: str):
        """Undo or redo; a big step runs as an op (``ui.replay``). Returns its job or None."""
        from .replay import replay

        def done(label) -> None:
            if label:
                text = self.tr("Undone: {label}") if which == "undo" else self.tr("Redone: {label}")
                self.statusBar().showMessage(text.format(label=label), 4000)
        return replay(self, which, done)

    def _set_continuous(self, checked: bool) -> None:
        if self.current_plan:
            self.session.edit(self.session.ws.set_plan_setting, self.current_plan,
                              "continuous_level3", bool(checked))

    def _edit_notice(self) -> None:
        from .notice_dialog import edit_notice
        if self.current_plan:
            edit_notice(self, self.session, self.current_plan)

    def show_task(self, plan_uuid: str, task_uuid: str) -> None:
        """Go to a task in the breakdown (from the matrix or a department's usage list)."""
        self.plan_list.select(plan_uuid)
        self.tabs.setCurrentIndex(BREAKDOWN)
        self.breakdown.filter_bar.clear()
        self.breakdown.select_uuid(task_uuid)
        self.breakdown.tree.setFocus()

    def print_matrix(self) -> None:
        from .matrix_print import print_matrix
        self.matrix.model.ensure_fresh()
        plan = self.session.ws.plan(self.current_plan)
        print_matrix(self, self.matrix.model, plan.title + " — " + self.tr("Responsibilities"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_workspaces:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.files.open(Path(p)))
        self.recent_menu.setEnabled(True)
        if not self.settings.recent_workspaces:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _set_language(self, code: str) -> MainWindow:
        """Switch the language now: the translators are replaced and the window is built
        again around the same workspace, plan, tab and open branches."""
        if code == normalize(self.settings.language):
            return self
        self.settings.language = code
        i18n.switch(QApplication.instance(), code)
        view = self.view_state.current()
        self.view_state.save()
        self.save_state()
        window = MainWindow(self.settings, persist=self.persist)
        self.replaced = True
        self.session.hand_over(window.session)
        window.view_state.apply(view)
        window.show()
        self.successor = window       # kept alive by this (closed) window's owner
        self.close()
        return window

    def _about(self) -> None:
        from .help import about_box
        about_box(self).exec()

    def _manual(self) -> None:
        from .help import ManualDialog
        ManualDialog(self.settings.language, self).exec()

    def _shortcuts(self) -> None:
        from .help import ShortcutsDialog
        ShortcutsDialog(self.actions, self).exec()

    def _edit_preamble(self) -> None:
        from .preamble_dialog import edit_preamble
        if self.current_plan:
            edit_preamble(self, self.session, self.current_plan)

    # ---- files dropped on the window -------------------------------------------------
    def _dropped_files(self, event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        paths = self._dropped_files(event)
        suffixes = features.import_suffixes() + (".plandesk",)
        if paths and all(p.suffix.lower() in suffixes for p in paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._dropped_files(event)
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].suffix.lower() == ".plandesk":
            self.files.open(paths[0])
        else:
            self.jobs.import_files(paths)

    # ---- window state ----------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        if not s.window_geometry.isEmpty():
            self.restoreGeometry(s.window_geometry)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        if not s.main_splitter.isEmpty():
            self.splitter.restoreState(s.main_splitter)
        if not s.breakdown_splitter.isEmpty():
            self.breakdown.splitter.restoreState(s.breakdown_splitter)

    def save_state(self) -> None:
        if not self.persist:
            return
        s = self.settings
        s.window_geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.main_splitter = self.splitter.saveState()
        s.breakdown_splitter = self.breakdown.splitter.saveState()
        s.sync()

    def closeEvent(self, event) -> None:
        if self.replaced:         # a rebuilt window (another language) has the workspace
            super().closeEvent(event)
            return
        # Commit a field the clerk is still typing in before the workspace closes.
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()
        for controller in self._controllers.values():
            controller.cancel_all()
        QThreadPool.globalInstance().waitForDone(3000)   # a cancelled task stops at its next poll
        from .worker import wait_for_ops
        wait_for_ops()                                   # an op still has the workspace
        self.save_state()
        self.session.close()
        super().closeEvent(event)
