"""template: reporting templates from above — import, review the reading, fill for a round."""
from __future__ import annotations

import sys
from pathlib import Path

from models.messages import msg
from models.workspace import Workspace

from . import CommandError, pick_plan



def register(sub) -> None:
    p = sub.add_parser("template", help="上级的报送模板：导入、核对列和行、按原样填报")
    tsub = p.add_subparsers(dest="template_command", metavar="ACTION", required=True)

    i = tsub.add_parser("import", help="把上级的报送表格作为模板导入（不是计划）")
    i.add_argument("workspace", metavar="WS")
    i.add_argument("file", metavar="F.xlsx")
    i.add_argument("--plan", metavar="P", help="模板所报的上级计划（只有一个计划时可省略）")
    i.add_argument("--title", metavar="T", help="模板名称（默认取表格标题）")
    i.set_defaults(handler=cmd_import)

    s = tsub.add_parser("show", help="列出模板，或显示一个模板的列、行和对应的任务")
    s.add_argument("workspace", metavar="WS")
    s.add_argument("template", metavar="T", nargs="?", help="模板 uuid 或序号")
    s.set_defaults(handler=cmd_show)

    m = tsub.add_parser("map", help="为一列指定要填写的栏目（记在模板里，下次沿用）")
    m.add_argument("workspace", metavar="WS")
    m.add_argument("template", metavar="T")
    m.add_argument("--column", metavar="G", required=True, help="列字母或表头文字")
    m.add_argument("--field", required=True, metavar="FIELD",
                   help="text 进展情况 / status 完成状态 / percent 完成百分比 / problems 存在问题 / "
                        "next_steps 下一步工作计划 / note 备注 / ignore 不填写")
    m.set_defaults(handler=cmd_map)

    c = tsub.add_parser("confirm", help="确认一行对应的任务（或确认全部待确认的行）")
    c.add_argument("workspace", metavar="WS")
    c.add_argument("template", metavar="T")
    what = c.add_mutually_exclusive_group(required=True)
    what.add_argument("--row", type=int, metavar="N", help="表格中的行号")
    what.add_argument("--all", action="store_true", help="接受全部待确认的建议")
    c.add_argument("--task", metavar="UUID", help="该行对应的任务（不填则该行不填报）")
    c.set_defaults(handler=cmd_confirm)

    f = tsub.add_parser("fill", help="用一轮报送的进展填写模板的副本（只改填写的单元格）")
    f.add_argument("workspace", metavar="WS")
    f.add_argument("template", metavar="T")
    f.add_argument("--round", metavar="R", required=True)
    f.add_argument("--out", metavar="F.xlsx", help="填好的文件")
    f.add_argument("--preview", action="store_true", help="只列出将写入的单元格，不写文件")
    f.set_defaults(handler=cmd_fill)


def cmd_import(args) -> int:
    from reports.template.fill import import_template
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path}: 文件不存在")
    with Workspace.open(args.workspace) as ws:
        plan = pick_plan(ws, args.plan)
        tpl = import_template(ws, path, plan.uuid, args.title or "")
        n = len(ws.all("SELECT id FROM templates"))
        print_reading(ws, tpl)
    print(f"已导入模板“{tpl['title'] or tpl['file_name']}”（第 {n} 个）", file=sys.stderr)
    return 0


def print_reading(ws, tpl: dict) -> None:
    from models.templates import FIELD_LABELS
    reading = tpl["reading"]
    first, last = reading["header_rows"]
    print(f"== {tpl['file_name']} 工作表“{reading['sheet']}”，表头第 {first}–{last} 行")
    for col in reading["columns"]:
        field = FIELD_LABELS.get(col["field"] or "", "（未指定，请用 template map 指定或忽略）")
        print(f"  {col['letter']} 列“{col['header']}” → {field}{'（隐藏）' if col['hidden'] else ''}")
    for line in reading["lines"]:
        kind = {"title": "标题", "unit": "填报单位", "footnote": "表注", "instruction": "说明"}.get(
            line["kind"], "其他")
        print(f"  第 {line['row']} 行（{kind}）：{line['text']}")
    titles = {t.uuid: t.title for t in ws.tasks(tpl["plan_uuid"])} if tpl["plan_uuid"] else {}
    for row in reading["rows"]:
        task = titles.get(row.get("task") or "", "—")
        print(f"  第 {row['row']} 行 {row['label']}{row['text'][:30]} → {task}"
              f"（{msg('chain.match_' + row.get('match', 'none'))}）")


def cmd_show(args) -> int:
    from models.templates import template, templates
    with Workspace.open(args.workspace, readonly=True) as ws:
        if args.template is None:
            for n, tpl in enumerate(templates(ws), 1):
                print(f"{n}. {tpl['title'] or tpl['file_name']}（{tpl['file_name']}，{tpl['created']}）")
            return 0
        print_reading(ws, template(ws, args.template))
    return 0


def cmd_map(args) -> int:
    from models.templates import map_column
    with Workspace.open(args.workspace) as ws:
        map_column(ws, args.template, args.column, args.field)
    return 0


def cmd_confirm(args) -> int:
    from models.templates import confirm_all, confirm_row
    with Workspace.open(args.workspace) as ws:
        if args.all:
            confirm_all(ws, args.template)
        else:
            confirm_row(ws, args.template, args.row, args.task)
    return 0


def cmd_fill(args) -> int:
    from models.templates import FIELD_LABELS, template
    from models.templates_values import MERGE_RULE
    from reports.template.fill import fill_template, preview
    if not args.preview and not args.out:
        raise CommandError("请用 --out 指定填好的文件，或用 --preview 只看将写入的内容")
    with Workspace.open(args.workspace, readonly=args.preview) as ws:
        tpl = template(ws, args.template)
        cells, left_out = preview(ws, tpl, args.round)
        print(f"合并规则：{MERGE_RULE}")
        for c in cells:
            value = str(c.new).replace("\n", " / ")
            print(f"  {c.address}（{FIELD_LABELS[c.field]}）：{value}")
        for row in left_out:
            why = "待确认" if row.get("match") == "uncertain" else "未对应任务"
            print(f"  第 {row['row']} 行未填写（{why}）：{row['text'][:30]}")
        if args.preview:
            return 0
        result = fill_template(ws, tpl["uuid"], args.round, Path(args.out))
    print(f"已填写 {result['cells']} 个单元格（{result['rows']} 行）：{args.out}", file=sys.stderr)
    return 0
