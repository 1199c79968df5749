"""new, dump, backup list/restore."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from models.backup import list_backups
from models.dump import dump
from models.restore import restore_backup
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
    b = bsub.add_parser("restore", help="用备份替换工作区内容（先为当前状态再做一次备份）")
    b.add_argument("workspace", metavar="WS")
    b.add_argument("backup", metavar="BACKUP", help="备份文件，或 backup list 中的序号")
    b.set_defaults(handler=cmd_backup_restore)


def cmd_new(args) -> int:
    with Workspace.create(args.workspace) as ws:
        ws.add_plan(args.title or "新计划")
        # Creating the file is not an edit the clerk should be able to undo.
        ws.forget_history()
    print(f"已创建工作区 {Path(args.workspace)}", file=sys.stderr)
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
        print("（没有备份）")
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
            raise CommandError(f"没有第 {i} 个备份（共 {len(backups)} 个）")
        chosen = backups[i - 1].path
    safety = restore_backup(ws_path, Path(chosen))
    print(f"已恢复 {chosen}；恢复前的状态保存在 {safety}", file=sys.stderr)
    return 0
