"""render notice | table | report, and check-docx."""
from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

from models.dump import plan_dict
from models.workspace import Workspace

from . import CommandError, pick_plan

SUFFIXES = {"notice": (".docx",), "table": (".docx", ".xlsx"), "report": (".docx", ".xlsx"),
            "request": (".docx",)}
# The office's head of a 上行文, taken from its notices unless given.
UPWARD_FIELDS = ("issuer_mark", "letterhead", "signer", "printer", "cc", "sealed", "doc_number",
                 "colophon")


def register(sub) -> None:
    p = sub.add_parser("render", help="生成公文、分工表、进度报告")
    rsub = p.add_subparsers(dest="render_command", metavar="WHAT", required=True)

    n = rsub.add_parser("notice", help="印发通知（GB/T 9704-2012），附计划与分工表")
    _common(n)
    _upward_options(n)
    n.add_argument("--title", help="标题（缺省为“关于印发《计划》的通知”）")
    n.add_argument("--letterhead", choices=["printed", "preprinted", "none"],
                   help="版头：红头 / 套打预留 / 无")
    n.add_argument("--addressees", help="主送机关")
    n.add_argument("--body", help="正文")
    n.add_argument("--print-date", help="印发日期 YYYY-MM-DD")
    n.add_argument("--note", help="附注，如（此件公开发布）")
    seal = n.add_mutually_exclusive_group()
    seal.add_argument("--sealed", dest="sealed", action="store_true", default=None, help="加盖印章的版式")
    seal.add_argument("--unsealed", dest="sealed", action="store_false", help="不加盖印章的版式")
    n.add_argument("--copy-number", help="份号（6 位阿拉伯数字，如 000123）")
    n.add_argument("--secrecy", help="密级和保密期限，如 秘密★1年")
    n.add_argument("--urgency", choices=["特急", "加急"], help="紧急程度")
    n.add_argument("--signers", help="签发人姓名（上行文），多人用“，”分隔，按发文机关顺序")
    n.add_argument("--upward", action="store_true", default=None,
                   help="上行文版式：发文字号居左、签发人居右")
    n.add_argument("--no-colophon", action="store_true",
                   help="不印版记（缺省时印发机关取发文机关的办公室）")
    n.add_argument("--no-table", action="store_true", help="不附重点任务分工表")
    n.add_argument("--no-plan", action="store_true", help="不附计划正文")
    n.add_argument("--no-save", action="store_true", help="不把这些发文信息存入工作区")
    n.add_argument("--pdf", metavar="F.pdf", help="同时用 LibreOffice 生成 PDF 预览，并说明替代了哪些字体")
    n.set_defaults(handler=cmd_notice)

    t = rsub.add_parser("table", help="重点任务分工表（.docx 横向 / .xlsx）")
    _common(t)
    t.set_defaults(handler=cmd_table)

    r = rsub.add_parser("report", help="某一报送轮次的进度报告（.docx / .xlsx）")
    _common(r)
    r.add_argument("--round", required=True, metavar="R", help="报送轮次名称")
    r.add_argument("--addressees", help="主送机关（上级机关）；给出时按上行文“报告”印发")
    r.add_argument("--signers", help="签发人姓名（报告为上行文），多人用“，”分隔")
    _upward_options(r)
    r.set_defaults(handler=cmd_report)

    q = rsub.add_parser("request", help="请示（上行文：签发人、一个主送机关、附注联系人）")
    _common(q)
    q.add_argument("--title", required=True, help="标题，如“关于……的请示”")
    q.add_argument("--addressees", required=True, help="主送机关（只写一个上级机关）")
    q.add_argument("--signers", required=True, help="签发人姓名，多人用“，”分隔")
    q.add_argument("--contact", required=True, help="联系人和电话，如“张三，0531-12345678”")
    _upward_options(q)
    q.add_argument("--body", help="正文（缺省为请示的模板，末尾自动加“妥否，请批示。”）")
    q.set_defaults(handler=cmd_request)

    c = sub.add_parser("check-docx", help="按 GB/T 9704-2012 自检 .docx，每处偏差一行")
    c.add_argument("file", metavar="F.docx")
    c.add_argument("--no-pages", action="store_true",
                   help="不检查分页（署名页、附件说明、版记位置、表格跨页需 LibreOffice 排版）")
    c.set_defaults(handler=cmd_check)


def _upward_options(p) -> None:
    """The head and 版记 options every document of the office shares."""
    p.add_argument("--doc-number", help="发文字号，如 济槐政字〔2022〕16号（缺省按本机关上次的字号顺延）")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（缺省为今天）")
    p.add_argument("--issuer-mark", help="发文机关标志，如 ××区人民政府文件")
    p.add_argument("--signer", help="发文机关署名")
    p.add_argument("--cc", help="抄送机关")
    p.add_argument("--printer", help="印发机关（缺省为发文机关的办公室）")


def _upward_meta(ws, plan_ref, args) -> dict:
    """The office's head (from its notices), overridden by the options given."""
    from reports.notice_meta import notice_for

    from reports.docx import suggest_next_doc_number
    from reports.notice_meta import prefix_of

    base = notice_for(ws, pick_plan(ws, plan_ref).uuid) if ws.plans() else {}
    meta = {k: base[k] for k in UPWARD_FIELDS if k in base}
    prefix = prefix_of(meta.get("doc_number", ""))
    if prefix and not getattr(args, "doc_number", None):
        # a document of its own: the office's next number, not the notice's
        year = int(str(args.date or _dt.date.today().isoformat())[:4])
        numbers = [n.get("doc_number", "") for n in ws.all_notices()]
        meta["doc_number"] = suggest_next_doc_number(numbers + [meta["doc_number"]], prefix, year)
    for key in ("doc_number", "date", "issuer_mark", "signer", "cc", "printer", "addressees",
                "signers", "title", "contact", "body"):
        value = getattr(args, key, None)
        if value:
            meta[key] = value
    meta.setdefault("date", _dt.date.today().isoformat())   # a new document: dated today
    return meta


def cmd_request(args) -> int:
    from reports.docx import NoticeError
    from reports.docx.upward import render_request

    out = _out(args, "request")
    with Workspace.open(args.workspace, readonly=True) as ws:
        meta = _upward_meta(ws, args.plan, args)
    try:
        result = render_request(meta, out)
    except NoticeError as e:
        raise CommandError("请示信息有误：" + "；".join(e.messages)) from e
    for w in result.warnings:
        print(f"提示：{w}", file=sys.stderr)
    pages = f"，共 {result.pages} 页" if result.pages else ""
    print(f"已生成 {out}{pages}", file=sys.stderr)
    return 0


def _common(p) -> None:
    p.add_argument("workspace", metavar="WS")
    p.add_argument("--plan", metavar="P", help="计划 uuid 或序号（只有一个计划时可省略）")
    p.add_argument("--out", required=True, metavar="F")


def _out(args, what: str) -> Path:
    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES[what]:
        raise CommandError(f"{out}: 输出文件应为 {' 或 '.join(SUFFIXES[what])}")
    return out


def cmd_notice(args) -> int:
    from reports.docx import NoticeError, render_notice
    from reports.notice_meta import notice_for

    out = _out(args, "notice")
    overrides = {"doc_number": args.doc_number, "date": args.date, "title": args.title,
                 "issuer_mark": args.issuer_mark, "letterhead": args.letterhead,
                 "signer": args.signer, "addressees": args.addressees, "body": args.body,
                 "cc": args.cc, "printer": args.printer, "print_date": args.print_date,
                 "note": args.note, "sealed": args.sealed, "copy_number": args.copy_number,
                 "secrecy": args.secrecy, "urgency": args.urgency, "signers": args.signers,
                 "direction": "up" if args.upward or args.signers else None,
                 "colophon": False if args.no_colophon else None}
    with Workspace.open(args.workspace, readonly=args.no_save) as ws:
        plan = pick_plan(ws, args.plan)
        notice = notice_for(ws, plan.uuid, overrides)
        options = {"include_division_table": not args.no_table, "include_plan": not args.no_plan,
                   "title_words": [d.name for d in ws.departments()]
                   + [d.short_name for d in ws.departments() if d.short_name]}
        try:
            result = render_notice(plan_dict(ws, plan.uuid), notice, out, options)
        except NoticeError as e:
            raise CommandError("发文信息有误：" + "；".join(e.messages)) from e
        if not args.no_save:
            ws.save_notice(plan.uuid, notice)
    for w in result.warnings:
        print(f"提示：{w}", file=sys.stderr)
    pages = f"，共 {result.pages} 页" if result.pages else ""
    print(f"已生成 {out}{pages}", file=sys.stderr)
    if args.pdf:
        _preview(out, Path(args.pdf))
    return 0


def _preview(docx_path: Path, pdf_path: Path) -> None:
    """The PDF preview, and which official faces it drew with look-alikes."""
    from reports import pdf

    try:
        pdf.convert_to_pdf(docx_path, pdf_path)
    except pdf.PdfUnavailable as e:
        raise CommandError(str(e)) from e
    note = pdf.font_note(pdf_path)
    if note:
        print(f"提示：{note}", file=sys.stderr)
    print(f"已生成 {pdf_path}", file=sys.stderr)


def cmd_table(args) -> int:
    out = _out(args, "table")
    with Workspace.open(args.workspace, readonly=True) as ws:
        plan = plan_dict(ws, pick_plan(ws, args.plan).uuid)
    if out.suffix.lower() == ".xlsx":
        from reports.xlsx import render_division_table_xlsx
        render_division_table_xlsx(plan, out)
    else:
        from reports.docx import render_division_table_docx
        render_division_table_docx(plan, out)
    print(f"已生成 {out}", file=sys.stderr)
    return 0


def cmd_report(args) -> int:
    from reports.docx import NoticeError
    from reports.progress_report import cli_render_report

    out = _out(args, "report")
    with Workspace.open(args.workspace, readonly=True) as ws:
        plan = pick_plan(ws, args.plan)
        ws.round(plan.uuid, args.round)          # a clear error for an unknown round
        meta = None
        if args.addressees or args.signers:
            meta = _upward_meta(ws, args.plan, args)
            meta.pop("title", None)
            if not args.date:
                meta.pop("date", None)
            meta["warnings"] = []
        try:
            cli_render_report(ws, plan.uuid, args.round, out, meta=meta)
        except NoticeError as e:
            raise CommandError("报告信息有误：" + "；".join(e.messages)) from e
    for w in (meta or {}).get("warnings", []):
        print(f"提示：{w}", file=sys.stderr)
    print(f"已生成 {out}", file=sys.stderr)
    return 0


def cmd_check(args) -> int:
    from reports.docx import check_docx

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path}: 文件不存在")
    try:
        problems = check_docx(path, pages=not args.no_pages)
    except Exception as e:   # a zip that is not a Word document, a damaged part…
        raise CommandError(f"{path}: 不是可读取的 .docx 文件（{type(e).__name__}: {e}）") from e
    for line in problems:
        print(line)
    if not problems:
        print(f"{path}: 符合 GB/T 9704-2012 的各项检查")
    return 1 if problems else 0
