"""plan diff / merge: a revised version of a received plan, compared and accepted."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from models.workspace import Workspace
from reports.importer.any_file import parse_any

from . import CommandError, pick_plan


def register(sub) -> None:
    p = sub.add_parser("plan", help="上级计划的修订版：对比差异、采纳修改")
    psub = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    for name, text in (("diff", "对比修订版与已收到的计划（新增、删除、移动、文字、责任单位、时限、指标）"),
                       ("merge", "把修订版的修改采纳到已收到的计划（一步可撤销，本级计划不受影响）")):
        a = psub.add_parser(name, help=text)
        a.add_argument("workspace", metavar="WS")
        a.add_argument("file", metavar="FILE", help="修订版（.txt/.docx/.xlsx）")
        a.add_argument("--plan", metavar="P", help="已收到的计划 uuid 或序号")
        a.set_defaults(handler=cmd_diff if name == "diff" else cmd_merge)
        if name == "merge":
            a.add_argument("--only", metavar="KINDS",
                           help="只采纳这些修改，逗号分隔：added,removed,moved,reworded,roles,deadline,targets")


def _cut(s: str, width: int) -> str:
    out, w = "", 0
    for ch in s:
        cw = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if w + cw > width:
            return out[:-1] + "…" if out else ""
        out, w = out + ch, w + cw
    return out + " " * (width - w)


def _side(node, kind: str) -> str:
    from models.entities import ROLE_LABELS
    if node is None:
        return ""
    if kind == "roles":
        return "；".join(f"{ROLE_LABELS[r]}：{'、'.join(v)}" for r, v in node.roles.items()) or "（无）"
    if kind == "deadline":
        return node.deadline or "（无）"
    if kind == "targets":
        return "；".join(f"{m}{q}{v:g}{u}" if isinstance(v, (int, float)) else f"{m}{q}{u}"
                        for m, v, u, q in node.targets) or "（无）"
    return f"{node.number}{node.title}"


def print_diff(d, width: int = 48) -> None:
    from models.plan_diff import KIND_LABELS, changed_text
    print(f"{_cut('已收到的计划', width)} │ 修订版")
    for c in d.changes:
        label = KIND_LABELS[c.kind]
        print(f"[{label}]")
        print(f"  {_cut(_side(c.old, c.kind), width - 2)} │ {_side(c.new, c.kind)}")
        if c.kind == "reworded":
            old, new = changed_text(c.old.title + "。" + c.old.text, c.new.title + "。" + c.new.text)
            print(f"    原：{old}\n    改：{new}")
        if c.old is not None and d.affected.get(c.old.ref):
            names = "、".join(f"“{t['title']}”（{t['plan']}）" for t in d.affected[c.old.ref])
            print(f"  本级承接该任务的：{names}")
    counts = d.counts()
    print("共 " + ("，".join(f"{KIND_LABELS[k]} {n} 处" for k, n in counts.items()) or "0 处修改"))


def _diff(ws, args):
    from models.plan_diff import diff_received
    plan = pick_plan(ws, args.plan)
    revision = parse_any(Path(args.file))
    return plan, diff_received(ws, plan.uuid, revision)


def cmd_diff(args) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        _plan, d = _diff(ws, args)
        print_diff(d)
    return 0


def cmd_merge(args) -> int:
    from models.plan_diff import KINDS
    from models.plan_merge import accept_changes
    kinds = None
    if args.only:
        kinds = [k.strip() for k in args.only.split(",") if k.strip()]
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise CommandError(f"不认识的修改类别：{'、'.join(bad)}（可用 {','.join(KINDS)}）")
    with Workspace.open(args.workspace) as ws:
        plan, d = _diff(ws, args)
        print_diff(d)
        done = accept_changes(ws, plan.uuid, d, kinds)
    print(f"已采纳 {sum(done.values())} 处修改到“{plan.title}”（可撤销）", file=sys.stderr)
    return 0
