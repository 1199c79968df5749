"""import WS FILE... : plan documents (.txt/.docx/.doc/.wps/PDF/scans) and 分工表 workbooks (.xlsx/.xls/.et) → new plans."""
from __future__ import annotations

import sys
from pathlib import Path

from models.numbering import number_tree
from models.placeholder_plan import drop_empty_placeholder
from models.workspace import Workspace
from reports.importer.any_file import parse_any

from . import Progress


def register(sub) -> None:
    p = sub.add_parser("import", help="导入计划文档（.txt/.docx）或分工表（.xlsx），每个文件一个新计划")
    p.add_argument("workspace", metavar="WS", help="工作区（不存在时新建）")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="只显示识别结果，不写入工作区")
    p.set_defaults(handler=cmd_import)


def cmd_import(args) -> int:
    paths = [Path(f) for f in args.files]
    progress = Progress(len(paths), "解析")
    parsed = []
    # Parse everything first: a bad file stops the command before the workspace is touched.
    for i, path in enumerate(paths, 1):
        parsed.append((path, parse_any(path)))
        progress(i, path.name)
    if args.dry_run:
        for path, plan in parsed:
            print_outline(plan, path)
        return 0
    with Workspace.open(args.workspace, create=True) as ws:
        for path, plan in parsed:
            result = ws.insert_plan_tree(plan, source_file=path.name)
            drop_empty_placeholder(ws, result["plan"].uuid)   # the empty plan of `new --title`
            print(f"{path.name}: 已导入“{result['plan'].title}”，{result['tasks']} 项任务", file=sys.stderr)
            if result["new_departments"]:
                print(f"  新增部门（请核对）：{'、'.join(result['new_departments'])}", file=sys.stderr)
            for w in plan.get("warnings") or []:
                print(f"  {where(w)}{w.get('message', '')}", file=sys.stderr)
    return 0


def print_outline(plan: dict, path: Path) -> None:
    tasks = plan.get("tasks") or []
    labels = number_tree(tasks, lambda n: n.get("children") or (), lambda n: n.get("label_style", ""), key=id)
    print(f"== {path.name}: {plan.get('title', '')}")
    head = plan.get("head") or {}
    for key, name in (("doc_number", "发文字号"), ("issuer", "发文机关")):
        if plan.get(key):
            print(f"   {name}：{plan[key]}")
    for key, name in (("addressees", "主送"), ("date_text", "成文日期"), ("note", "附注")):
        if head.get(key):
            print(f"   {name}：{head[key]}")

    def walk(nodes, depth):
        for n in nodes:
            parts = [f"{'  ' * depth}{labels[id(n)]}{n.get('title', '')}"]
            roles = n.get("roles") or {}
            for role, cn in (("lead", "牵头"), ("support", "配合"), ("responsible", "负责"), ("guide", "指导")):
                if roles.get(role):
                    parts.append(f"[{cn}：{'、'.join(roles[role])}]")
            if n.get("deadline"):
                parts.append(f"[时限：{n['deadline'].get('text', '')}]")
            for t in n.get("targets") or []:
                parts.append(f"[指标：{t.get('metric', '')}{t.get('qualifier', '')}{t.get('value', '')}{t.get('unit', '')}]")
            print(" ".join(parts))
            walk(n.get("children") or [], depth + 1)

    walk(tasks, 0)
    for w in plan.get("warnings") or []:
        print(f"   ! {where(w)}{w.get('message', '')}")


def where(warning: dict) -> str:
    """"第 12 行：" (or "第 3 页：" in a PDF or scan) before a warning about a place;
    nothing before a note on the whole file."""
    if not warning.get("line"):
        return ""
    return f"第 {warning['page']} 页：" if warning.get("page") else f"第 {warning['line']} 行："
