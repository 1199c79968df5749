"""The headless command line: every job the GUI does, without the GUI.

Each command group lives in its own module with a ``register(subparsers)`` function.
A ``PlanDeskError`` (bad input, a refused edit) or a file error exits with status 2 and its
one line on stderr; the workspace is left as it was. Anything else is a bug: its traceback
goes to the log file (``models.applog``), stderr gets one line saying where, status 1.
"""
from __future__ import annotations

import argparse
import gc
import sqlite3
import sys

from models import applog
from models.messages import PlanDeskError, language, msg, set_language
from models.storage_errors import is_storage, message_for

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = ["cli.workspace_cmds", "cli.import_cmd", "cli.render_cmd", "cli.exchange_cmd",
                   "cli.carry_cmd", "cli.template_cmd",
                   "cli.plan_cmd"]


class CommandError(PlanDeskError):
    """A user error found by a command (bad option, missing file): one line, exit 2."""


def gui_parser() -> argparse.ArgumentParser:
    """The options of the desktop application alone: starting the GUI imports no command."""
    parser = argparse.ArgumentParser(
        prog="main.py", description="PlanDesk 规划台账 — 计划任务分解、分工、进度与公文",
        epilog="不带参数运行时打开图形界面。")
    parser.add_argument("--demo", action="store_true", help="在新建的演示工作区上打开图形界面")
    parser.add_argument("--screenshot", metavar="F.png", help="把主窗口渲染到 PNG 文件后退出（与 --demo 一起用）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="显示版本后退出")
    parser.add_argument("--check", action=_VersionAction, nargs=0,
                        help="显示版本和找到的可选组件（LibreOffice、文字识别）后退出")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the GUI's options and every command (for --help and run)."""
    import importlib

    parser = gui_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


class _VersionAction(argparse.Action):
    """--version: the version; --check: the version and the optional parts found."""

    def __call__(self, parser, namespace, values, option_string=None):
        from reports import capabilities
        lines = capabilities.report()
        print("\n".join(lines if option_string == "--check" else lines[:1]))
        parser.exit(0)


def run(argv: list[str]) -> int:
    """Run a headless command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None) or not hasattr(args, "handler"):
        parser.print_help()
        return 2
    # The command line speaks Chinese unless asked otherwise (main.py --lang en COMMAND …).
    set_language("en" if getattr(args, "lang", None) == "en" else "zh")
    # Cleanup errors a library ignores after a failure already reported (a writer on a full
    # disk) go to the log, not to the clerk's terminal.
    previous, sys.unraisablehook = sys.unraisablehook, _to_log
    try:
        return args.handler(args) or 0
    except (PlanDeskError, OSError) as e:
        print(f"{'Error: ' if language() == 'en' else '错误：'}{one_line(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except Exception as e:      # a bug: the traceback to the log, one line here
        if isinstance(e, sqlite3.Error) and is_storage(e):
            # The disk or the OS refused where the store did not name the file itself.
            print(f"错误：{message_for(e, getattr(args, 'workspace', None) or '-')}", file=sys.stderr)
            return 2
        if applog.file_error(e) is not None:        # a file error a library wrapped
            where = getattr(args, "out", None) or getattr(args, "workspace", None) or ""
            print(f"错误：{applog.explain(e, str(where))}", file=sys.stderr)
            return 2
        path = applog.record(e, "main.py " + " ".join(argv))
        print(f"错误：{msg('common.crash', log=str(path))}", file=sys.stderr)
        return 1
    finally:
        gc.collect()            # finalise what the failure left, while the hook is ours
        sys.unraisablehook = previous


def _to_log(unraisable) -> None:
    if unraisable.exc_value is not None:
        applog.record(unraisable.exc_value, unraisable.err_msg or "ignored")


def pick_plan(ws, ref):
    """--plan P: a uuid or 1-based index; may be left out when the workspace has one plan."""
    plans = ws.plans()
    if ref is None:
        if len(plans) != 1:
            raise CommandError(f"工作区有 {len(plans)} 个计划，请用 --plan 指定（uuid 或序号）")
        return plans[0]
    return ws.plan(ref)


def one_line(e: BaseException) -> str:
    text = str(applog.explain(e)) if isinstance(e, OSError) else str(e)
    return " ".join((text or e.__class__.__name__).split())


class Progress:
    """A one-line progress bar on a terminal; silent when stderr is not a terminal."""

    def __init__(self, total: int, label: str = ""):
        self.total = max(total, 1)
        self.label = label
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, note: str = "") -> None:
        if not self.enabled:
            return
        width = 30
        filled = int(width * done / self.total)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                         f"{done}/{self.total} {note[:30]:30}")
        if done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()
