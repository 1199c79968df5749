"""new, dump, backup list/restore."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from models.backup import list_backups
from models.dump import dump
from models.messages import msg
from models.restore import FORCE_OPTION, remove_workspace_files, restore_backup
from models.workspace import Workspace

from . import CommandError


def register(sub) -> None:
    p = sub.add_parser("new", help="新建工作区（含一个空计划）")
    p.add_argument("workspace", metavar="WS")
    p.add_argument("--title", default="", help="第一个计划的标题")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("dump", help="以 JSON 输出整个工作区")
    p.add_argument("workspace", metavar="WS")
    p.set_defaults(handler=cmd_dump)

    p = sub.add_parser("backup", help="列出或恢复备份")
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    b = bsub.add_parser("list", help="列出工作区的备份（最新在前）")
    b.add_argument("workspace", metavar="WS")
    b.set_defaults(handler=cmd_backup_list)
    b = bsub.add_parser("restore", help="用备份替换工作区内容（先为当前状态再做一次备份；"
                                          "工作区已损坏时把它另存后换上备份）")
    b.add_argument("workspace", metavar="WS")
    b.add_argument("backup", metavar="BACKUP", help="备份文件，或 backup list 中的序号")
    b.add_argument(FORCE_OPTION, dest="force", action="store_true",
                   help="备份属于另一个工作区时仍然恢复")
    b.set_defaults(handler=cmd_backup_restore)


def cmd_new(args) -> int:
    path = Path(args.workspace).absolute()
    ws = Workspace.create(path)
    try:
        ws.add_plan(args.title or "新计划")
        # Creating the file is not an edit the clerk should be able to undo.
        ws.forget_history()
        ws.close()
    except BaseException:
        # A workspace that could not be set up is not left behind half-made.
        ws.close()
        remove_workspace_files(path)
        raise
    print(msg("store.created", file=path), file=sys.stderr)
    return 0


def cmd_dump(args) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        data = dump(ws)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_backup_list(args) -> int:
    backups = list_backups(Path(args.workspace).absolute())
    if not backups:
        print(msg("store.no_backups"))
    for i, b in enumerate(backups, 1):
        print(f"{i:3}  {b.time}  {b.reason:24}  {b.size // 1024:6} KB  {b.path}")
    return 0


def cmd_backup_restore(args) -> int:
    ws_path = Path(args.workspace).absolute()
    chosen = args.backup
    if chosen.isdigit():
        backups = list_backups(ws_path)
        i = int(chosen)
        if not 1 <= i <= len(backups):
            raise CommandError("store.backup_index", index=i, count=len(backups))
        chosen = backups[i - 1].path
    done = restore_backup(ws_path, Path(chosen), force=args.force)
    if done.safety is not None:
        print(msg("store.restored", backup=chosen, safety=done.safety), file=sys.stderr)
    else:
        print(msg("store.restored_damaged", backup=chosen, aside=done.aside or "-"), file=sys.stderr)
    return 0
