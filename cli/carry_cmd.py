"""carry: 承接 — the district's plan from a plan received from above, counterparts, status."""
from __future__ import annotations

import sys

from models.messages import msg
from models.workspace import Workspace

from . import CommandError, pick_plan



def register(sub) -> None:
    p = sub.add_parser("carry", help="承接上级计划：对口部门、生成本级计划、承接情况")
    csub = p.add_subparsers(dest="carry_command", metavar="ACTION", required=True)

    r = csub.add_parser("run", help="把上级计划的任务承接为本级计划的任务（一步可撤销）")
    r.add_argument("workspace", metavar="WS")
    r.add_argument("--plan", metavar="P", help="上级计划 uuid 或序号（只有一个计划时可省略）")
    into = r.add_mutually_exclusive_group()
    into.add_argument("--into", metavar="P2", help="承接到已有的本级计划（默认新建一个）")
    into.add_argument("--title", metavar="T", help="新建的本级计划的标题")
    what = r.add_mutually_exclusive_group()
    what.add_argument("--section", metavar="LABEL|UUID", help="只承接这一部分，如 三、 或任务 uuid")
    what.add_argument("--mine", action="store_true", help="只承接点名本级或“各区、县”的任务")
    r.add_argument("--district", metavar="D", default="", help="本级名称，如 槐荫区（识别点名本级的任务）")
    r.set_defaults(handler=cmd_run)

    c = csub.add_parser("counterparts", help="对口部门表，以及上级计划中各单位的建议对口部门")
    c.add_argument("workspace", metavar="WS")
    c.add_argument("--plan", metavar="P", help="上级计划（列出其单位的建议）")
    c.add_argument("--district", metavar="D", default="")
    c.add_argument("--confirm", action="store_true", help="把找到的建议全部存为已确认")
    c.set_defaults(handler=cmd_counterparts)

    m = csub.add_parser("map", help="设置一个对口部门：上级单位 → 本级部门（或本级自身）")
    m.add_argument("workspace", metavar="WS")
    m.add_argument("name", metavar="上级单位")
    to = m.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="D", help="本级的对口部门")
    to.add_argument("--self", action="store_true", dest="is_self", help="由本级自身承担")
    to.add_argument("--remove", action="store_true", help="从对口部门表中删除")
    m.set_defaults(handler=cmd_map)

    s = csub.add_parser("status", help="承接情况：未承接的上级任务、无牵头单位的任务、未对应上级的任务")
    s.add_argument("workspace", metavar="WS")
    s.add_argument("--plan", metavar="P", help="本级计划 uuid 或序号")
    s.set_defaults(handler=cmd_status)


def _section(ws, plan, ref: str) -> str:
    ref = ref.strip()
    numbers = ws.numbers(plan.uuid)
    for t in ws.tasks(plan.uuid):
        if t.uuid == ref or numbers[t.id] == ref or numbers[t.id].rstrip("、.") == ref.rstrip("、."):
            return t.uuid
    raise CommandError(f"计划“{plan.title}”中没有“{ref}”这一部分")


def cmd_run(args) -> int:
    from models.carry import carry
    with Workspace.open(args.workspace) as ws:
        higher = pick_plan(ws, args.plan)
        into = ws.plan(args.into) if args.into else None
        section = _section(ws, higher, args.section) if args.section else None
        how = "section" if section else "mine" if args.mine else "all"
        result = carry(ws, higher.uuid, into=into.uuid if into else None, title=args.title,
                       how=how, section=section, district=args.district)
    print(f"已承接 {result.carried} 项任务到“{result.plan.title}”"
          f"{f'（{result.skipped} 项此前已承接）' if result.skipped else ''}"
          f"，其中 {result.own} 项由本级自身承担", file=sys.stderr)
    if result.unmapped:
        print(f"  没有确定对口部门的上级单位（请用 carry map 设置后再承接一次）：{'、'.join(result.unmapped)}",
              file=sys.stderr)
    return 0


def cmd_counterparts(args) -> int:
    from models.carry import higher_units
    with Workspace.open(args.workspace, readonly=not args.confirm) as ws:
        for row in ws.counterparts():
            target = "本级自身" if row["is_self"] else row["department"] or "（未指定）"
            print(f"{row['name']} → {target}{'' if row['confirmed'] else '（待确认）'}")
        if args.plan is None and not ws.plans():
            return 0
        if args.plan is None and len(ws.plans()) != 1:
            return 0
        plan = pick_plan(ws, args.plan)
        proposals = ws.propose_counterparts(higher_units(ws, plan.uuid), args.district, plan.uuid)
        print(f"== “{plan.title}”中的单位")
        for p in proposals:
            target = "本级自身" if p.is_self else p.department or "—"
            print(f"{p.name} → {target}（{msg('chain.how_' + p.how)}）")
        if args.confirm:
            n = ws.confirm_counterparts(proposals)
            print(f"已确认 {n} 个对口部门", file=sys.stderr)
    return 0


def cmd_map(args) -> int:
    with Workspace.open(args.workspace) as ws:
        if args.remove:
            ws.remove_counterpart(args.name)
        else:
            ws.set_counterpart(args.name, args.to, is_self=args.is_self)
    return 0


def cmd_status(args) -> int:
    from models.carry_status import carry_status
    with Workspace.open(args.workspace, readonly=True) as ws:
        plan = pick_plan(ws, args.plan)
        st = carry_status(ws, plan.uuid)
    print(f"“{st.plan.title}”：承接 {st.carried} 项，上级计划 "
          f"{'、'.join('“' + p.title + '”' for p in st.higher) or '无'}")
    for title, rows in (("未承接的上级任务", st.not_carried), ("承接后没有牵头单位", st.without_lead),
                        ("未对应上级任务的本级任务", st.carries_nothing)):
        print(f"== {title}（{len(rows)}）")
        for row in rows:
            own = "［本级自身承担］" if row.get("own") else ""
            print(f"  {row['number']}{row['title']}{own}")
    return 0
