"""Shared builders for the tests of reports/xlsx (no tests here).

A small workspace with one plan and six departments, and helpers that fill a returned
workbook with openpyxl the way a department would.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from models.dump import dump
from models.workspace import Workspace
from reports.xlsx.exchange_layout import CURRENT as LAYOUT

# The letters of the answer columns and the key column of the current exchange layout.
C_TEXT, C_STATUS, C_PERCENT, C_NOTE = (LAYOUT.field_letter(f) for f in ("text", "status", "percent", "note"))
C_PROBLEMS, C_NEXT = LAYOUT.field_letter("problems"), LAYOUT.field_letter("next_steps")
C_KEY = LAYOUT.letter("key")

DEPARTMENTS = ["区市场监管局", "区发展改革局", "区财政局", "区科技局", "区教育局", "区司法局"]
ROUND = "2025年第三季度"


def task(title, text="", roles=None, deadline="", children=(), uuid=None):
    node = {"title": title, "text": text, "roles": roles or {}, "children": list(children)}
    if deadline:
        node["deadline"] = {"text": deadline}
    if uuid:
        node["uuid"] = uuid
    return node


def sample_plan() -> dict:
    """一、（一）… with roles for all six departments; some texts look like formulas."""
    return {
        "title": "槐荫区知识产权强区建设工作方案", "kind": "work_plan", "issuer": "槐荫区人民政府办公室",
        "year": 2025,
        "tasks": [
            task("总体要求", children=[task("指导思想", "以习近平新时代中国特色社会主义思想为指导。")]),
            task("重点任务", children=[
                task("建设中国地理标志产业大厦", "=SUM(A1:A3) 推动地理标志产业集聚发展。",
                     {"lead": ["区市场监管局"], "support": ["区发展改革局", "区财政局"]}, "2025年底前",
                     uuid="00000000-0000-4000-8000-000000000001"),
                task("实施专利导航项目", "", {"lead": ["区科技局"], "support": ["区市场监管局"]}, "长期坚持",
                     children=[
                         task("开展企业专利培训", "+每年培训200人次。",
                              {"lead": ["区科技局"], "support": ["区教育局"]}, "每年12月底前",
                              uuid="00000000-0000-4000-8000-000000000002"),
                         task("建设专利导航服务基地", "", {"lead": ["区科技局"]}, "2025年6月底前"),
                     ], uuid="00000000-0000-4000-8000-000000000003"),
                task("加强知识产权保护", "-严厉打击侵权假冒行为。",
                     {"responsible": ["区司法局", "区市场监管局"]}, "2025年6月底前",
                     uuid="00000000-0000-4000-8000-000000000004"),
                task("落实财政奖补政策", "@兑现专利资助资金。", {"lead": ["区财政局"]}, "2025年9月底前",
                     uuid="00000000-0000-4000-8000-000000000005"),
            ]),
            task("保障措施", children=[
                task("加强组织领导", "", {"lead": ["区发展改革局"], "support": ["区教育局", "区司法局"]},
                     "长期坚持", uuid="00000000-0000-4000-8000-000000000006"),
            ]),
        ],
    }


GEO = "00000000-0000-4000-8000-000000000001"        # 市场监管局 leads
TRAINING = "00000000-0000-4000-8000-000000000002"   # 科技局 leads, 教育局 supports
NAVIGATION = "00000000-0000-4000-8000-000000000003"  # 科技局 leads, 市场监管局 supports
PROTECTION = "00000000-0000-4000-8000-000000000004"  # 司法局 and 市场监管局 responsible
SUBSIDY = "00000000-0000-4000-8000-000000000005"     # 财政局 leads
LEADERSHIP = "00000000-0000-4000-8000-000000000006"  # 发展改革局 leads


def build_workspace(path: Path) -> tuple[Workspace, str]:
    ws = Workspace.create(path)
    for name in DEPARTMENTS:
        ws.add_department(name)
    plan = ws.insert_plan_tree(sample_plan(), source_file="sample", backup=False)["plan"]
    return ws, plan.uuid


@pytest.fixture
def office(tmp_path):
    """(workspace, plan uuid): a workspace file with the sample plan and six departments."""
    ws, plan_uuid = build_workspace(tmp_path / "ws.plandesk")
    yield ws, plan_uuid
    ws.close()


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def key_rows(path, sheet="分工及进展") -> dict[str, int]:
    """{task uuid: row} from the hidden key column."""
    wb = openpyxl.load_workbook(path)
    out = {}
    column = LAYOUT.index["key"]
    for row in wb[sheet].iter_rows(min_col=column, max_col=column):
        value = row[0].value
        if value and len(str(value)) == 36:
            out[value] = row[0].row
    return out


def fill(src, dst, edits: dict, then=None) -> Path:
    """Open a sent workbook with openpyxl, set cells {"G7": value}, save as ``dst``.

    ``then(sheet)`` may do more (insert or delete rows). Values are written as a person
    typing would: a str starting with "=" becomes a formula.
    """
    wb = openpyxl.load_workbook(src)
    sheet = wb["分工及进展"]
    for address, value in edits.items():
        sheet[address] = value
    if then:
        then(sheet)
    wb.save(dst)
    return Path(dst)


def progress_of(ws) -> dict:
    """{task uuid: [progress entries]} from the dump, the state a test compares."""
    out = {}

    def walk(tasks):
        for t in tasks:
            if t["progress"]:
                out[t["uuid"]] = t["progress"]
            walk(t["children"])
    for plan in dump(ws)["plans"]:
        walk(plan["tasks"])
    return out


def hidden_columns(sheet) -> set[str]:
    """The letters of the hidden columns (a <col> element may cover a range of them)."""
    from openpyxl.utils import get_column_letter
    return {get_column_letter(i) for d in sheet.column_dimensions.values() if d.hidden
            for i in range(d.min or 1, (d.max or d.min or 1) + 1)}
