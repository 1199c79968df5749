"""Reporting templates from above: read in their own layout, filled cell by cell.

The city's template is built here in a layout PlanDesk never writes — two header rows,
the first column merged down, a footnote, columns PlanDesk does not have — and filled
with the district's data; everything but the filled cells must stay as the city made it.
"""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Border, Side
from openpyxl.worksheet.datavalidation import DataValidation

from models.carry import carry
from models.templates import confirm_row, map_column, template, templates
from reports.importer import parse_file
from reports.template.errors import TemplateError
from reports.template.fields import field_of
from reports.template.fill import fill_template, import_template, preview
from reports.template.layout import read_layout
from reports.xlsx import apply_return, export_exchange, read_return
from template_books import city_template
from test_xlsx_helpers import (C_NEXT, C_PERCENT, C_PROBLEMS, C_STATUS, C_TEXT, fill,
                               key_rows)

ROUND = "2025年第三季度"
DISTRICT_UNITS = ("县市场监管局", "县工业和信息化局", "县财政局", "县农业农村局", "县科技局", "县商务局",
                  "县金融事业发展中心")
# Rows of the city's sheet: its own labels and wording of the seed's 重点任务.
SEED_ROWS = [("1.", "建设中国地理标志产业大厦", "区市场监管局", "2025年底前"),
             ("2", "推动知识产权品牌建设。", "区市场监管局", "长期坚持"),
             ("（三）", "实施知识产权强企培育", "区市场监管局", "2025年底前")]


@pytest.mark.parametrize("header, field", [
    ("进展情况", "text"), ("工作推进情况", "text"), ("完成状态", "status"), ("是否完成", "status"),
    ("完成百分比", "percent"), ("完成进度（%）", "percent"), ("存在问题", "problems"),
    ("目前存在的困难和问题", "problems"), ("下一步工作计划", "next_steps"), ("下步工作打算", "next_steps"),
    ("备  注", "note"), ("完成时限", "deadline"), ("计划完成时间", "deadline"), ("牵头单位", "lead"),
    ("配合单位", "support"), ("责任单位", "responsible"), ("责任领导", "leader"), ("序号", "number"),
    ("重点任务", "task"), ("具体工作措施", "task"), ("佐证材料", None), ("联系电话", None)])
def test_header_mapper_by_meaning(header, field):
    assert field_of(header) == field


def test_layout_of_a_template_planDesk_never_wrote(tmp_path):
    path = tmp_path / "city.xlsx"
    city_template(path, SEED_ROWS)
    reading = read_layout(path)
    assert reading["header_rows"] == [3, 4]
    fields = {c["letter"]: c["field"] for c in reading["columns"]}
    assert fields == {"A": "number", "B": "task", "C": "lead", "D": "support", "E": "deadline",
                      "F": "text", "G": "problems", "H": "next_steps", "I": None}
    assert reading["columns"][8]["header"] == "佐证材料"     # unknown, kept for the clerk
    assert [(line["row"], line["kind"]) for line in reading["lines"]] == [
        (1, "title"), (2, "unit"), (8, "footnote")]
    assert [(r["row"], r["text"], r["context"]) for r in reading["rows"]] == [
        (5, "1.建设中国地理标志产业大厦", "一"), (6, "2推动知识产权品牌建设。", "一"),
        (7, "（三）实施知识产权强企培育", "一")]


@pytest.fixture
def district(ws, seeds, tmp_path):
    """The Huaiyin seed as the city's plan, carried into the district's plan, and the
    departments' returns for the round taken in through the exchange workbooks."""
    city = ws.insert_plan_tree(parse_file(seeds / "huaiyin_2022_ip_county_work_plan_notice.txt"))["plan"]
    for name in DISTRICT_UNITS:
        ws.add_department(name)
    plan = carry(ws, city.uuid).plan
    tasks = {t.title: t.uuid for t in ws.tasks(plan.uuid)}
    returns = {"县市场监管局": {"建设中国地理标志产业大厦": ("大厦主体已封顶", "推进中", 70, "招商进度偏慢",
                                                   "年底前完成内部装修"),
                            "推动知识产权品牌建设": ("新增省级品牌3个", "推进中", 50, "", "")},
               "县财政局": {"建设中国地理标志产业大厦": ("拨付资金2000万元", "已完成", 100, "",
                                                 "做好绩效评价")}}
    for dep, rows in returns.items():
        sent = export_exchange(ws, plan.uuid, ROUND, tmp_path / f"{dep}.xlsx", department=dep)
        where = key_rows(sent["path"])
        edits = {}
        for title, (text, status, percent, problems, next_steps) in rows.items():
            r = where[tasks[title]]
            edits.update({f"{C_TEXT}{r}": text, f"{C_STATUS}{r}": status, f"{C_PERCENT}{r}": percent,
                          f"{C_PROBLEMS}{r}": problems or None, f"{C_NEXT}{r}": next_steps or None})
        back = fill(sent["path"], tmp_path / f"{dep}-back.xlsx", edits)
        apply_return(ws, read_return(ws, back))
    return city, plan


def _cells(path, sheet):
    wb = openpyxl.load_workbook(path)
    s = wb[sheet]
    return wb, {c.coordinate: c for row in s.iter_rows() for c in row}


def _without_cells(xml: bytes, refs) -> bytes:
    for ref in refs:
        xml = re.sub(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % ref.encode(), b"", xml, flags=re.S)
    return xml


def test_fill_the_city_template_changes_only_the_filled_cells(ws, district, tmp_path):
    city, plan = district
    source = tmp_path / "city.xlsx"
    city_template(source, SEED_ROWS)
    tpl = import_template(ws, source, city.uuid)
    assert [r["match"] for r in tpl["reading"]["rows"]] == ["text", "similar", "text"]
    cells, left_out = preview(ws, tpl, ROUND)
    assert left_out == []
    filled = {"F5": "大厦主体已封顶\n县财政局：拨付资金2000万元", "G5": "招商进度偏慢",
              "H5": "年底前完成内部装修\n县财政局：做好绩效评价", "F6": "新增省级品牌3个"}
    assert {c.address: c.new for c in cells} == filled
    out = tmp_path / "filled.xlsx"
    result = fill_template(ws, tpl["uuid"], ROUND, out)
    assert result["cells"] == 4

    # Every zip member but the sheet is byte for byte the city's; in the sheet, only the
    # filled <c> elements differ.
    part = tpl["reading"]["part"]
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != part:
                assert a.read(name) == b.read(name), name
        assert _without_cells(a.read(part), filled) == _without_cells(b.read(part), filled)

    wb_a, before = _cells(source, "推进情况")
    wb_b, after = _cells(out, "推进情况")
    assert {ref: after[ref].value for ref in filled} == filled
    for ref, cell in before.items():
        other = after[ref]
        assert [repr(x) for x in (other.font, other.border, other.fill, other.alignment,
                                  other.number_format)] == \
            [repr(x) for x in (cell.font, cell.border, cell.fill, cell.alignment,
                               cell.number_format)], ref
        if ref not in filled:
            assert other.value == cell.value, ref
    sa, sb = wb_a["推进情况"], wb_b["推进情况"]
    assert sorted(map(str, sa.merged_cells.ranges)) == sorted(map(str, sb.merged_cells.ranges))
    assert {k: d.width for k, d in sa.column_dimensions.items()} == \
        {k: d.width for k, d in sb.column_dimensions.items()}
    assert {k: d.height for k, d in sa.row_dimensions.items()} == \
        {k: d.height for k, d in sb.row_dimensions.items()}
    assert sb.page_setup.orientation == "landscape" and sb["A8"].value.startswith("注：")
    assert wb_b["填报说明"]["A1"].value == "本表由各区县政府办公室汇总报送。"

    sent = [e for e in ws.exchanges(city.uuid) if e["file_name"] == "filled.xlsx"]
    assert sent[0]["direction"] == "out" and sent[0]["round"] == ROUND
    assert sent[0]["summary"]["sent"][0] == ["F5", "进展情况", "大厦主体已封顶\n县财政局：拨付资金2000万元"]


def _one_row_template(path, rows, statuses: str = ""):
    """A made-up second form: one header row, status and a 0% percent column, 备注, and
    input cells the sheet does not contain at all (no value, no style)."""
    wb = openpyxl.Workbook()
    s = wb.active
    if statuses:
        dv = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=True)
        dv.add(f"D3:D{2 + len(rows)}")
        s.add_data_validation(dv)
    s.title = "季度报表"
    s["A1"] = "重点工作落实情况统计表"
    s.append(["编号", "工作任务", "责任部门", "是否完成", "完成进度（%）", "工作推进情况", "备注"])
    for label, text in rows:
        s.append([label, text, "", None, None, None, None])
    for r in range(3, 3 + len(rows)):
        s.cell(r, 5).number_format = "0%"
        s.cell(r, 2).border = Border(bottom=Side(style="thin"))
    s.append(["说明：完成进度按百分比填写。"])
    wb.save(path)


def test_second_form_status_percent_and_missing_cells(ws, district, tmp_path):
    city, plan = district
    source = tmp_path / "form2.xlsx"
    _one_row_template(source, [("1", "建设中国地理标志产业大厦"), ("2", "加强知识产权品牌宣传推介")])
    tpl = import_template(ws, source, city.uuid)
    rows = tpl["reading"]["rows"]
    assert rows[0]["match"] == "text" and rows[1]["match"] == "uncertain"
    cells, left_out = preview(ws, tpl, ROUND)
    assert [r["row"] for r in left_out] == [4]          # uncertain: shown, not filled
    assert {c.address: c.new for c in cells} == {"D3": "推进中", "E3": 0.7,
                                                  "F3": "大厦主体已封顶\n县财政局：拨付资金2000万元"}
    confirm_row(ws, tpl["uuid"], 4, rows[1]["task"])
    out = tmp_path / "form2-filled.xlsx"
    fill_template(ws, tpl["uuid"], ROUND, out)
    s = openpyxl.load_workbook(out)["季度报表"]
    assert [s.cell(4, c).value for c in range(1, 8)] == [
        "2", "加强知识产权品牌宣传推介", None, "推进中", 0.5, "新增省级品牌3个", None]
    assert s["E4"].number_format == "0%" and s["A5"].value.startswith("说明")


def test_unknown_column_mapped_by_the_clerk_and_remembered(ws, district, tmp_path):
    city, _ = district
    source = tmp_path / "city.xlsx"
    city_template(source, SEED_ROWS)
    tpl = import_template(ws, source, city.uuid)
    map_column(ws, tpl["uuid"], "佐证材料", "note")
    assert template(ws, tpl["uuid"])["reading"]["columns"][8]["field"] == "note"
    ws.undo()
    assert template(ws, tpl["uuid"])["reading"]["columns"][8]["field"] is None
    assert len(templates(ws)) == 1


def test_a_file_that_is_no_template_is_refused_in_one_line(ws, district, tmp_path):
    city, _ = district
    bad = tmp_path / "notes.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "会议纪要"
    wb.save(bad)
    steps = ws.undo_count()
    with pytest.raises(TemplateError) as e:
        import_template(ws, bad, city.uuid)
    assert "notes.xlsx" in str(e.value) and "表头" in str(e.value) and "\n" not in str(e.value)
    assert ws.undo_count() == steps and templates(ws) == []


def test_a_district_workbook_as_template_matches_by_the_upper_key(ws, district, tmp_path):
    """The district's own exchange workbook carries the city's keys in 上级任务编码: read as a
    template for the city's plan, its rows match the city's tasks by that key."""
    city, plan = district
    sent = export_exchange(ws, plan.uuid, "第四季度", tmp_path / "all.xlsx")
    reading = read_layout(sent["path"])
    fields = [c["field"] for c in reading["columns"]]
    assert "key" in fields and "upper_key" in fields
    tpl = import_template(ws, sent["path"], city.uuid)
    assert {r["match"] for r in tpl["reading"]["rows"]} == {"key"}
    city_tasks = {t.uuid for t in ws.tasks(city.uuid)}
    assert {r["task"] for r in tpl["reading"]["rows"]} == city_tasks


def test_third_form_header_without_vertical_merges_and_a_column_number_row(ws, district, tmp_path):
    """Made up: the header's first row has only the merged 责任单位 and 工作进展 over their
    sub-headers (the other headers stand in the second row), then a row numbering the
    columns, then the tasks with 具体措施 beside a 重点任务 merged over two rows."""
    city, _ = district
    path = tmp_path / "form3.xlsx"
    wb = openpyxl.Workbook()
    s = wb.active
    s["C1"], s["F1"] = "责任单位", "工作进展"
    s.merge_cells("C1:D1")
    s.merge_cells("F1:G1")
    for c, text in enumerate(["序号", "重点任务", "牵头单位", "配合单位", "时间节点", "完成情况",
                              "困难和问题"], 1):
        s.cell(2, c, text)
    for c in range(1, 8):
        s.cell(3, c, c)
    s.append([1, "建设中国地理标志产业大厦", "区市场监管局"])
    s.append([2, "推动知识产权品牌建设", "区市场监管局"])
    wb.save(path)
    reading = read_layout(path)
    assert reading["header_rows"] == [1, 2]
    assert [c["field"] for c in reading["columns"]] == [
        "number", "task", "lead", "support", "deadline", "text", "problems"]
    assert [r["row"] for r in reading["rows"]] == [4, 5]
    tpl = import_template(ws, path, city.uuid)
    cells, _ = preview(ws, tpl, ROUND)
    assert {c.address: c.new for c in cells} == {
        "F4": "大厦主体已封顶\n县财政局：拨付资金2000万元", "G4": "招商进度偏慢", "F5": "新增省级品牌3个"}


def test_the_same_form_again_takes_the_clerks_answers(ws, district, tmp_path):
    city, _ = district
    first = tmp_path / "q3.xlsx"
    _one_row_template(first, [("1", "建设中国地理标志产业大厦"), ("2", "加强知识产权品牌宣传推介")])
    tpl = import_template(ws, first, city.uuid)
    uncertain = tpl["reading"]["rows"][1]
    confirm_row(ws, tpl["uuid"], uncertain["row"], uncertain["task"])
    map_column(ws, tpl["uuid"], "G", "problems")             # 备注 used for problems here
    again = import_template(ws, first, city.uuid)             # next quarter's copy
    assert again["reading"]["rows"][1]["match"] == "clerk"
    assert again["reading"]["columns"][6]["field"] == "problems"


def test_status_written_in_the_words_of_the_templates_drop_down(ws, district, tmp_path):
    city, _ = district
    source = tmp_path / "form4.xlsx"
    _one_row_template(source, [("1", "建设中国地理标志产业大厦"), ("2", "推动知识产权品牌建设")],
                      statuses="正常推进,滞后,已办结")
    tpl = import_template(ws, source, city.uuid)
    assert tpl["reading"]["columns"][3]["choices"] == ["正常推进", "滞后", "已办结"]
    cells, _ = preview(ws, tpl, ROUND)
    assert {c.address: c.new for c in cells if c.field == "status"} == {"D3": "正常推进",
                                                                      "D4": "正常推进"}
    out = tmp_path / "form4-filled.xlsx"
    fill_template(ws, tpl["uuid"], ROUND, out)
    s = openpyxl.load_workbook(out)["季度报表"]
    assert s["D3"].value == "正常推进" and len(s.data_validations.dataValidation) == 1


@pytest.mark.parametrize("status, choices, word", [
    ("done", ["正常推进", "滞后", "已办结"], "已办结"),
    ("done", ["未完成", "已完成"], "已完成"),
    ("in_progress", ["未完成", "已完成"], "未完成"),
    ("not_started", ["未开始", "进行中", "完成"], "未开始"),
    ("not_started", ["正常推进", "滞后"], "未启动"),    # no word for it: PlanDesk's own
    ("in_progress", None, "推进中")])
def test_status_words(status, choices, word):
    from models.entities import STATUS_LABELS
    from reports.template.fill import status_word
    assert status_word(status, STATUS_LABELS[status], choices) == word
