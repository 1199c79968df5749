"""A plan keeps the word its document uses for the office's internal divisions: a county
bureau's 牵头股室 is printed 牵头股室 in both 分工表, not 牵头处室."""
from __future__ import annotations

import docx
import openpyxl

from models.dump import dump
from models.plan_insert import insert_plan_tree
from models.workspace import Workspace
from reports.docx.table import columns_for
from reports.importer import parse_text
from reports.importer.division_word import division_noun
from reports.importer.table import parse_table_rows
from reports.xlsx.division_table import render_division_table_xlsx

COUNTY_PLAN = """某县自然资源局2025年工作要点

一、规划管理
（一）完成国土空间总体规划报批。（牵头单位：县自然资源局；牵头股室：规划股；配合股室：办公室、法规股）
（二）开展村庄规划编制。（牵头股室：规划股；配合股室：耕保股）
二、执法监察
（三）开展卫片执法。（牵头股室：执法监察大队）
"""

# a made-up second form: a hospital-style 科室 in a table, with its column headers
TABLE_ROWS = [
    ["序号", "重点任务", "牵头单位", "牵头科室", "配合科室", "完成时限"],
    ["1", "提升急诊救治能力", "区人民医院", "急诊科", "医务科、护理部", "2025年底"],
    ["2", "开展院感专项检查", "区人民医院", "院感科", "", "2025年6月"],
]


def _headers_xlsx(path) -> list[str]:
    ws = openpyxl.load_workbook(path).active
    for row in ws.iter_rows(values_only=True):
        if row and row[0] == "序号":
            return [c for c in row if c]
    raise AssertionError("no header row")


def _workspace(tmp_path, plan: dict):
    ws = Workspace.create(tmp_path / "ws.plandesk")
    insert_plan_tree(ws, plan, backup=False)
    return ws


def test_county_plan_keeps_its_gushi_in_store_dump_and_both_tables(tmp_path):
    plan = parse_text(COUNTY_PLAN, "要点.txt")
    assert plan["division_word"] == "股室"
    ws = _workspace(tmp_path, plan)
    stored = dump(ws)["plans"][0]
    assert stored["division_word"] == "股室"
    first = stored["tasks"][0]["children"][0]
    assert first["divisions"]["lead"] == ["规划股"]
    assert first["divisions"]["support"] == ["办公室", "法规股"]

    xlsx = tmp_path / "分工表.xlsx"
    render_division_table_xlsx(stored, xlsx)
    heads = _headers_xlsx(xlsx)
    assert "牵头股室" in heads and "配合股室" in heads
    assert not any("处室" in h for h in heads)
    assert [c.label for c in columns_for(stored) if "股室" in c.label] == ["牵头股室", "配合股室"]
    ws.close()


def test_table_with_keshi_columns_prints_keshi():
    plan = parse_table_rows(TABLE_ROWS, "分工表.xlsx")
    assert plan["division_word"] == "科室"
    labels = [c.label for c in columns_for(plan)]
    assert "牵头科室" in labels and "配合科室" in labels


def test_a_plan_with_chushi_or_no_divisions_is_unchanged(tmp_path):
    plain = parse_text(COUNTY_PLAN.replace("股室", "处室"), "要点.txt")
    assert plain["division_word"] == "处室"
    none = parse_text("某县工作要点\n\n一、规划管理\n（一）完成规划报批。（县自然资源局负责）\n", "a.txt")
    assert "division_word" not in none
    ws = _workspace(tmp_path, none)
    assert dump(ws)["plans"][0]["division_word"] == "处室"   # what the tables always said
    ws.close()


def test_the_word_is_read_from_labels_not_running_text():
    # a health plan talks of hospitals' 科室 but labels the bureau's own 处室
    texts = ["推动医院临床科室建设，优化科室设置，重点科室扩容。",
             "（牵头处室：医政处；配合处室：规划处）"]
    assert division_noun(texts) == "处室"
    assert division_noun(["各股室要高度重视。"]) is None
    assert division_noun(["局内股室：办公室", "牵头股室：规划股"]) == "股室"


def test_word_table_from_docx_prints_the_plan_word(tmp_path):
    plan = parse_text(COUNTY_PLAN, "要点.txt")
    from reports.docx.standalone import render_division_table_docx
    out = tmp_path / "分工表.docx"
    render_division_table_docx(plan, out)
    header = [c.text for c in docx.Document(out).tables[0].rows[0].cells]
    assert "牵头股室" in header and "牵头处室" not in header
