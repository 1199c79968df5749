"""exchange export / import / consolidate: the workbooks departments fill in each round."""
from __future__ import annotations

import sys
from pathlib import Path

from models.messages import msg
from models.workspace import Workspace

from . import CommandError, Progress, pick_plan


def register(sub) -> None:
    p = sub.add_parser("exchange", help="进展填报工作簿：导出、导入、汇总")
    esub = p.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    e = esub.add_parser("export", help="导出一轮报送的填报工作簿（可只含某部门的任务）")
    e.add_argument("workspace", metavar="WS")
    e.add_argument("--plan", metavar="P", help="计划 uuid 或序号（只有一个计划时可省略）")
    e.add_argument("--round", metavar="R", required=True, help="报送轮次，如 2025年第三季度")
    who = e.add_mutually_exclusive_group()
    who.add_argument("--department", metavar="D", help="只导出该部门承担的任务")
    who.add_argument("--all-departments", action="store_true",
                     help="每个承担任务的部门各一份，--out 为文件夹")
    who.add_argument("--recipient", metavar="D",
                     help="整个计划发给该部门统一填报，报回的内容记在该部门名下")
    e.add_argument("--out", metavar="F.xlsx|FOLDER", required=True)
    e.set_defaults(handler=cmd_export)

    i = esub.add_parser("import", help="核对并导入报回的工作簿（显示错误和改动）")
    i.add_argument("workspace", metavar="WS")
    i.add_argument("files", metavar="F.xlsx", nargs="+")
    i.add_argument("--dry-run", action="store_true", help="只核对、显示改动，不写入工作区")
    i.add_argument("--overwrite-conflicts", action="store_true",
                   help="发出后本工作区又改过的进展，也用报回的内容覆盖")
    i.add_argument("--accept-valid", action="store_true",
                   help="只导入无误的行，有错误的单元格留给该部门待核实（记入交换记录）")
    i.set_defaults(handler=cmd_import)

    c = esub.add_parser("consolidate", help="汇总多个报回的工作簿，写出汇总表")
    c.add_argument("workspace", metavar="WS")
    c.add_argument("files", metavar="F.xlsx", nargs="+")
    c.add_argument("--out", metavar="F.xlsx", required=True)
    c.add_argument("--plan", metavar="P", help="计划 uuid 或序号（只有一个计划时可省略）")
    c.add_argument("--round", metavar="R", help="报送轮次（默认最近一轮）")
    c.add_argument("--dry-run", action="store_true", help="只核对并写出汇总表，不写入工作区")
    c.add_argument("--overwrite-conflicts", action="store_true")
    c.add_argument("--accept-valid", action="store_true",
                   help="有错误的文件也导入其中无误的行，其余留待核实")
    c.set_defaults(handler=cmd_consolidate)


def _xlsx_out(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise CommandError(f"{out}: 输出文件应为 .xlsx")
    return out


def _files(names) -> list[Path]:
    paths = [Path(f) for f in names]
    for p in paths:
        if not p.is_file():
            raise CommandError(f"{p}: 文件不存在")
    return paths


def cmd_export(args) -> int:
    if args.all_departments:
        return _export_all(args)
    out = _xlsx_out(args.out)
    from reports.xlsx.exchange_export import export_exchange
    with Workspace.open(args.workspace) as ws:
        plan = pick_plan(ws, args.plan)
        result = export_exchange(ws, plan.uuid, args.round, out, department=args.department,
                                 recipient=args.recipient)
    print(f"已导出 {out}：{result['rows']} 行，其中 {result['editable']} 项需填报"
          f"（{result['department'] or '全部任务'}，{result['round']}）", file=sys.stderr)
    return 0


def _export_all(args) -> int:
    from reports.xlsx.exchange_export import export_for_departments, plan_departments
    folder = Path(args.out)
    if not folder.is_dir():
        raise CommandError(f"{folder}: 文件夹不存在（--all-departments 时 --out 为文件夹）")
    with Workspace.open(args.workspace) as ws:
        plan = pick_plan(ws, args.plan)
        progress = Progress(len(plan_departments(ws, plan.uuid)), "导出")
        results = export_for_departments(ws, plan.uuid, args.round, folder,
                                         progress=lambda i, n, name: progress(i, name))
        progress(len(results))
    for r in results:
        print(f"{r['path']}：{r['editable']} 项需填报（{r['department']}）", file=sys.stderr)
    print(f"已为 {len(results)} 个部门导出 {args.round} 的填报工作簿到 {folder}", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from reports.xlsx.exchange_apply import apply_return, record_refusal
    from reports.xlsx.exchange_import import read_return
    paths = _files(args.files)
    with Workspace.open(args.workspace, readonly=args.dry_run) as ws:
        progress = Progress(len(paths), "核对")
        reports = []
        for n, path in enumerate(paths, 1):
            reports.append(read_return(ws, path))
            progress(n, path.name)
        for report in reports:
            print("\n".join(report.lines()))
        refused = [r for r in reports if r.errors and not (args.accept_valid and r.partial_ok)]
        if args.dry_run:
            return 0
        if refused and not args.accept_valid:
            reports = []          # all or nothing: none of the files is applied
        for report in refused:
            record_refusal(ws, report)
        for n, report in enumerate(r for r in reports if r not in refused):
            if n:   # an earlier file may have touched the same tasks: compare afresh
                report = read_return(ws, report.path)
            result = apply_return(ws, report, overwrite_conflicts=args.overwrite_conflicts,
                                  accept_valid=args.accept_valid)
            if result["already_imported"]:
                print(f"{report.file_name}: 已导入过，未作改动", file=sys.stderr)
                continue
            line = f"{report.file_name}: 已导入 {result['applied']} 项任务的进展"
            if result["left_out"]:
                line += f"；{result['left_out']} 处有错误，留待核实"
            if result["conflicts"] and not args.overwrite_conflicts:
                line += f"；{result['conflicts']} 项有冲突未覆盖（确认后加 --overwrite-conflicts 再导入一次）"
            print(line, file=sys.stderr)
    if refused:
        names = "、".join(r.file_name for r in refused)
        partial = [r.file_name for r in refused if r.partial_ok]
        if partial and not args.accept_valid:
            print(msg("exchange.cli.partial_hint", files=partial, flag="--accept-valid"),
                  file=sys.stderr)
        raise CommandError(f"{names} 有错误，未导入" +
                           ("（其余文件已导入，见上）" if args.accept_valid else "任何文件；请改正后再导入"))
    return 0


def cmd_consolidate(args) -> int:
    from reports.xlsx.consolidate import consolidate
    from reports.xlsx.rollup import file_state
    out = _xlsx_out(args.out)
    paths = _files(args.files)
    with Workspace.open(args.workspace, readonly=args.dry_run) as ws:
        plan = pick_plan(ws, args.plan)
        round_name = args.round
        if not round_name:
            rounds = ws.rounds(plan.uuid)
            if not rounds:
                raise CommandError(f"计划“{plan.title}”还没有报送轮次，请用 --round 指定")
            round_name = rounds[-1].name
        result = consolidate(ws, plan.uuid, round_name, paths, out, apply=not args.dry_run,
                             overwrite_conflicts=args.overwrite_conflicts,
                             accept_valid=args.accept_valid,
                             progress=Progress(len(paths), "汇总"))
    for f in result["files"]:
        who = f"（{f['department']}）" if f.get("department") else ""
        print(msg("exchange.cli.file_line", file=f["file"], state=file_state(f), who=who,
                  changes=f["changes"], conflicts=f["conflicts"]))
        for e in f["errors"]:
            print(f"  错误 {e}")
        for w in f["warnings"]:
            print(f"  提示 {w}")
        for n in f.get("normalised", ()):
            print(f"  规整 {n}")
    states = [kind for kind, _ in result["states"].values()]
    print(msg("exchange.cli.departments", returned=states.count("returned"),
              errors=states.count("errors"), missing=len(result["missing"])))
    for name, state in result["departments"].items():
        if result["states"].get(name, ("", 0))[0] == "errors":
            print(f"报送有误：{name}，{state}")
    if result["missing"]:
        print(f"未报送（{len(result['missing'])}）：{'、'.join(result['missing'])}")
    if result["disagree"]:
        print(f"意见不一致（{len(result['disagree'])} 项任务）：{'、'.join(result['disagree'])}")
    print(f"汇总表已写出：{out}", file=sys.stderr)
    failed = [f["file"] for f in result["files"] if f["status"] in ("errors", "unreadable")]
    if failed:
        raise CommandError(f"{'、'.join(failed)} 有错误，未导入（其余文件已处理，见上）")
    return 0
