"""The 上下级 menu: carrying a plan from above, its status, reporting templates, revisions.

``install(window)`` adds the menu to the window's menu bar and opens each dialog on the
window's session and current plan.
"""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from models.messages import msg

# The dialogs (and ``chain_common``, with its table widgets) are imported when one opens.


def install(window) -> None:
    bar = window.menuBar()
    menu = QMenu(str(msg("chain.ui_menu")), bar)
    last = bar.actions()[-1] if bar.actions() else None     # before 帮助, the last menu
    bar.insertMenu(last, menu) if last is not None else bar.addMenu(menu)

    def add(code: str, open_dialog) -> QAction:
        act = QAction(str(msg(f"chain.{code}")), window)
        act.triggered.connect(lambda: _run(window, open_dialog))
        menu.addAction(act)
        return act

    window.chain_actions = [add("ui_carry", _carry), add("ui_carry_status", _status),
                            add("ui_template", _template), add("ui_revision", _revision)]
    menu.aboutToShow.connect(lambda: [a.setEnabled(window.session.ws is not None
                                                   and not window.session.readonly)
                                      for a in window.chain_actions])


def _run(window, open_dialog) -> None:
    if window.session.ws is not None and window.current_plan:
        open_dialog(window).exec()


def _carry(window):
    from .carry_view import CarryDialog
    dialog = CarryDialog(window.session, window.current_plan, window)
    dialog.carried.connect(window.plan_list.select)
    return dialog


def _status(window):
    from .carry_view import CarryStatusDialog
    dialog = CarryStatusDialog(window.session, window.current_plan, window)
    dialog.taskActivated.connect(window.show_task)
    return dialog


def _template(window):
    from .template_dialog import TemplateDialog
    return TemplateDialog(window.session, window.current_plan, window)


def _revision(window):
    from .revision_dialog import RevisionDialog
    return RevisionDialog(window.session, window.current_plan, window)
