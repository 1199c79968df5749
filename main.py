"""PlanDesk 规划台账 — entry point.

No arguments (or --demo/--screenshot): the desktop application; ``main.py WS.plandesk``
opens that workspace in it (a double-click on the file). A subcommand: the headless
command line (see ``python main.py --help``).
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from cli import gui_parser, run
    workspace = None
    if argv and argv[0].lower().endswith(".plandesk"):
        workspace, argv = argv[0], argv[1:]
    # `--lang en` may stand before a command: `main.py --lang en dump WS`.
    command = argv[2:] if argv[:1] == ["--lang"] else argv
    if command and not command[0].startswith("-") or any(
            a in ("-h", "--help", "--version", "--check") for a in argv):
        return run(argv)
    args = gui_parser().parse_args(argv)
    from ui.app import run_gui
    return run_gui(demo=args.demo, screenshot=args.screenshot, lang=args.lang,
                   workspace=workspace)


if __name__ == "__main__":
    sys.exit(main())
