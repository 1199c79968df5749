"""Every action of the window in one place: text, shortcut, icon, menu; and their states
(read-only workspace, missing features, undo/redo labels).

Handlers live with the views that own the behaviour; the main window connects them.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from . import features
from .i18n import LANGUAGES


def plain_text(text: str) -> str:
    """An action's text for a button: no mnemonic ("&F", "(&F)") and no trailing "…"."""
    text = re.sub(r"\(&\w\)", "", text).replace("&", "")
    return text.rstrip("…").rstrip(".").strip()


class Actions(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._icons: list[tuple[QAction, str]] = []   # set by apply_icons
        a = self._action
        # File
        self.new_workspace = a(self.tr("&New workspace…"), QKeySequence.New,
                               "SP_FileIcon")
        self.open_workspace = a(self.tr("&Open workspace…"), QKeySequence.Open,
                                "SP_DialogOpenButton")
        self.open_readonly = a(self.tr("Open workspace &read-only…"))
        self.open_demo = a(self.tr("Open the &demo workspace"))
        self.close_workspace = a(self.tr("&Close workspace"), QKeySequence.Close)
        self.import_plan = a(self.tr("&Import plan…"), "Ctrl+I")
        self.export_notice = a(self.tr("Notice (.docx)…"))
        self.export_table_docx = a(self.tr("Division table (.docx)…"))
        self.export_table_xlsx = a(self.tr("Division table (.xlsx)…"))
        self.export_pdf = a(self.tr("Notice as PDF…"))
        self.print_matrix = a(self.tr("&Print responsibility matrix…"), QKeySequence.Print)
        # Ctrl+P is the matrix's print: the notice's preview gets Ctrl+Shift+P.
        self.print_preview = a(self.tr("Print pre&view of the notice…"), "Ctrl+Shift+P")
        self.export_department_tasks = a(self.tr("Task lists by department…"))
        self.export_progress_docx = a(self.tr("Progress report (.docx)…"))
        self.export_progress_xlsx = a(self.tr("Progress report (.xlsx)…"))
        self.followup_notices = a(self.tr("Follow-up notices…"))
        for act, tip in (
                (self.print_preview, self.tr("Lay the notice out as a PDF and show it")),
                (self.export_progress_docx,
                 self.tr("The progress report of the round shown, as a Word document")),
                (self.export_progress_xlsx,
                 self.tr("Every task of the round shown with its light, as a workbook")),
                (self.followup_notices,
                 self.tr("A follow-up notice to each department leading late tasks"))):
            act.setToolTip(tip)
        self.export_exchange = a(self.tr("E&xport reporting workbook…"))
        self.import_returns = a(self.tr("Import &returned workbooks…"))
        self.consolidate = a(self.tr("&Consolidate returns…"))
        self.reload = a(self.tr("Re&load"), QKeySequence.Refresh)
        self.quit = a(self.tr("&Quit"), QKeySequence.Quit)
        self.quit.setMenuRole(QAction.QuitRole)
        # Edit
        self.undo = a(self.tr("&Undo"), QKeySequence.Undo, "SP_ArrowBack")
        self.redo = a(self.tr("&Redo"), None, "SP_ArrowForward")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.find = a(self.tr("&Find tasks"), QKeySequence.Find)
        # Task (shortcuts live only while the task tree has focus)
        self.insert_sibling = a(self.tr("New task &after"), None,
                                "SP_FileDialogNewFolder")
        self.insert_sibling.setShortcuts([QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)])
        self.insert_child = a(self.tr("New &subtask"), None)
        self.insert_child.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.indent = a(self.tr("&Demote (indent)"), QKeySequence(Qt.Key_Tab),
                        "SP_ArrowRight")
        self.outdent = a(self.tr("&Promote (outdent)"), QKeySequence("Shift+Tab"),
                         "SP_ArrowLeft")
        self.move_up = a(self.tr("Move &up"), "Ctrl+Up", "SP_ArrowUp")
        self.move_down = a(self.tr("Move do&wn"), "Ctrl+Down",
                           "SP_ArrowDown")
        self.rename_task = a(self.tr("&Edit title"), QKeySequence(Qt.Key_F2))
        self.copy_tasks = a(self.tr("&Copy tasks"), QKeySequence.Copy)
        self.cut_tasks = a(self.tr("Cu&t tasks"), QKeySequence.Cut)
        self.paste_tasks = a(self.tr("&Paste tasks"), QKeySequence.Paste)
        self.duplicate_tasks = a(self.tr("D&uplicate tasks"), "Ctrl+D")
        self.delete_task = a(self.tr("De&lete task…"), QKeySequence.Delete,
                             "SP_TrashIcon")
        self.task_actions = [self.insert_sibling, self.insert_child, self.indent, self.outdent,
                             self.move_up, self.move_down, self.rename_task, self.delete_task,
                             self.copy_tasks, self.cut_tasks, self.paste_tasks,
                             self.duplicate_tasks]
        for action in self.task_actions:
            # Live only where the tree is focused (Enter/Tab must still work in editors).
            action.setShortcutContext(Qt.WidgetShortcut)
            window.removeAction(action)
        # Plan
        self.new_plan = a(self.tr("&New plan…"), "Ctrl+Shift+N")
        self.rename_plan = a(self.tr("&Rename plan"))
        self.delete_plan = a(self.tr("&Delete plan…"))
        self.notice_details = a(self.tr("Notice &details…"))
        self.edit_preamble = a(self.tr("Edit &preamble…"))
        self.continuous_level3 = a(self.tr("Number level 3 &continuously"))
        self.continuous_level3.setCheckable(True)
        # View
        self.expand_all = a(self.tr("&Expand all"), "Ctrl+Shift+Down")
        self.collapse_all = a(self.tr("&Collapse all"), "Ctrl+Shift+Up")
        self.tab_actions = [a("", f"Ctrl+{i}") for i in range(1, 6)]
        # Settings and help
        self.language_group = QActionGroup(self)
        self.languages = {}
        for code, name in LANGUAGES.items():
            act = a(name)
            act.setCheckable(True)
            act.setData(code)
            self.language_group.addAction(act)
            self.languages[code] = act
        self.manual = a(self.tr("PlanDesk &manual"), QKeySequence.HelpContents)
        self.shortcuts = a(self.tr("&Keyboard shortcuts"))
        self.about = a(self.tr("&About PlanDesk"))
        self.about.setMenuRole(QAction.AboutRole)

        self.edit_actions = [self.import_plan, self.new_plan, self.rename_plan, self.delete_plan,
                             self.continuous_level3, self.export_exchange, self.import_returns,
                             self.consolidate, *self.task_actions]
        self.edit_actions.append(self.edit_preamble)
        self.plan_actions = [self.rename_plan, self.delete_plan, self.continuous_level3,
                             self.notice_details, self.edit_preamble, self.export_notice, self.export_table_docx,
                             self.export_table_xlsx, self.export_pdf, self.print_matrix,
                             self.print_preview, self.export_department_tasks,
                             self.export_progress_docx, self.export_progress_xlsx,
                             self.followup_notices,
                             self.export_exchange, self.import_returns, self.consolidate,
                             *self.task_actions, self.expand_all, self.collapse_all]
        self.features = {self.import_plan: ("import_text", "import_workbook"),
                         self.export_notice: ("notice_docx",),
                         self.export_table_docx: ("table_docx",),
                         self.export_table_xlsx: ("table_xlsx",),
                         self.export_pdf: ("notice_docx", "pdf"),
                         self.print_preview: ("notice_docx", "pdf"),
                         self.export_department_tasks: ("department_tasks",),
                         self.export_progress_docx: ("progress_report_docx",),
                         self.export_progress_xlsx: ("progress_report_xlsx",),
                         self.followup_notices: ("followup_notice",),
                         self.export_exchange: ("exchange_export",),
                         self.import_returns: ("exchange_read_return", "exchange_apply_return",
                                               "exchange_record_refusal"),
                         self.consolidate: ("consolidate",)}
        self.needs_libreoffice = (self.export_pdf, self.print_preview)   # to lay out the PDF
        self._tooltips = {act: act.toolTip() for act in self.features}

    def _action(self, text: str, shortcut=None, icon: str | None = None) -> QAction:
        act = QAction(text, self.window)
        act.setIconText(plain_text(text))
        if icon is not None:
            self._icons.append((act, icon))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        self.window.addAction(act)
        return act

    def apply_icons(self) -> None:
        """The style's standard icons (``icon`` above names one), set before a menu or the
        empty page first shows them: asking the style at start-up costs ~10 ms before the
        first paint (QStyle's enums, and PySide resolving the platform style's class)."""
        if not self._icons:
            return
        from PySide6.QtWidgets import QStyle
        style = self.window.style()
        for act, name in self._icons:
            act.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
        self._icons.clear()

    # ---- states ----------------------------------------------------------------------
    def missing(self, action: QAction) -> bool:
        """True when the feature behind the action is not installed (yet)."""
        needed = self.features.get(action)
        if not needed:
            return False
        if action is self.import_plan:
            return not any(features.available(n) for n in needed)
        return not all(features.available(n) for n in needed)

    def update(self, *, has_workspace: bool, readonly: bool, has_plan: bool,
               has_selection: bool = True) -> None:
        """Enable what makes sense now; a missing feature stays grey with a tooltip."""
        for act in (self.close_workspace, self.reload):
            act.setEnabled(has_workspace)
        for act in self.plan_actions:
            act.setEnabled(has_plan)
        for act in self.edit_actions:
            if readonly and has_workspace:
                act.setEnabled(False)
        self.new_plan.setEnabled(has_workspace and not readonly)
        self.import_plan.setEnabled(not (has_workspace and readonly))
        if not has_selection:
            for act in (self.indent, self.outdent, self.move_up, self.move_down,
                        self.rename_task, self.delete_task, self.copy_tasks, self.cut_tasks,
                        self.duplicate_tasks):
                act.setEnabled(False)
        for act, tip in self._tooltips.items():
            if self.missing(act):
                act.setEnabled(False)
                act.setToolTip(self.tr("Not available yet"))
                act.setStatusTip(self.tr("Not available yet"))
            elif act in self.needs_libreoffice and not features.libreoffice():
                act.setEnabled(False)
                text = self.tr("Needs LibreOffice, which was not found on this computer")
                act.setToolTip(text)
                act.setStatusTip(text)
            else:
                act.setToolTip(tip)
                act.setStatusTip("")
        self.reload.setEnabled(has_workspace)

    def update_undo(self, ws) -> None:
        """Menu texts with the operation's name: “撤销 添加任务“…””."""
        undo = ws.undo_label() if ws is not None and not ws.readonly else None
        redo = ws.redo_label() if ws is not None and not ws.readonly else None
        self.undo.setText(self.tr("&Undo {label}").format(label=undo) if undo else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo {label}").format(label=redo) if redo else self.tr("&Redo"))
        self.undo.setEnabled(bool(undo))
        self.redo.setEnabled(bool(redo))

    def build_menus(self, bar: QMenuBar, tab_names: list[str]) -> QMenu:
        """Fill the menu bar; returns the (empty) recent-workspaces menu for the window to fill."""
        a = self
        m = self.file_menu = bar.addMenu(self.tr("&File"))   # kept: entries are added later
        m.addActions([a.new_workspace, a.open_workspace, a.open_readonly])
        recent = m.addMenu(self.tr("Open &recent"))
        m.addAction(a.open_demo)
        m.addSeparator()
        m.addAction(a.import_plan)
        export = m.addMenu(self.tr("&Export"))
        export.addActions([a.export_notice, a.export_table_docx, a.export_table_xlsx, a.export_pdf,
                           a.export_department_tasks])
        export.addSeparator()
        export.addActions([a.export_progress_docx, a.export_progress_xlsx, a.followup_notices])
        m.addActions([a.print_preview, a.print_matrix])
        exchange = m.addMenu(self.tr("Reporting &workbooks"))
        exchange.addActions([a.export_exchange, a.import_returns, a.consolidate])
        m.addSeparator()
        m.addActions([a.reload, a.close_workspace])
        m.addSeparator()
        m.addAction(a.quit)

        m = bar.addMenu(self.tr("&Edit"))
        m.addActions([a.undo, a.redo])
        m.addSeparator()
        m.addAction(a.find)

        m = bar.addMenu(self.tr("&Task"))
        m.addActions([a.insert_sibling, a.insert_child])
        m.addSeparator()
        m.addActions([a.indent, a.outdent, a.move_up, a.move_down])
        m.addSeparator()
        m.addActions([a.rename_task, a.delete_task])
        m.addSeparator()
        m.addActions([a.copy_tasks, a.cut_tasks, a.paste_tasks, a.duplicate_tasks])

        m = bar.addMenu(self.tr("&Plan"))
        m.addActions([a.new_plan, a.rename_plan, a.delete_plan])
        m.addSeparator()
        m.addActions([a.notice_details, a.edit_preamble, a.continuous_level3])

        m = bar.addMenu(self.tr("&View"))
        m.addActions([a.expand_all, a.collapse_all])
        m.addSeparator()
        for act, name in zip(a.tab_actions, tab_names):
            act.setText(name)
            m.addAction(act)

        m = bar.addMenu(self.tr("&Settings"))
        lang = m.addMenu(self.tr("&Language"))
        lang.addActions(list(a.languages.values()))

        m = bar.addMenu(self.tr("&Help"))
        m.addActions([a.manual, a.shortcuts])
        m.addSeparator()
        m.addAction(a.about)
        for menu in bar.findChildren(QMenu):
            menu.aboutToShow.connect(self.apply_icons)
        return recent
