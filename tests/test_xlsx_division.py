"""The division table workbook prints well as it comes: read back with openpyxl."""
from __future__ import annotations

import openpyxl

from models.dump import plan_dict
from reports.xlsx import render_division_table_xlsx
from test_xlsx_helpers import office

__all__ = ["office"]


def rows_by_number(sheet, first):
    return {sheet.cell(r, 1).value: r for r in range(first, sheet.max_row + 1) if sheet.cell(r, 1).value}


def test_division_table_layout_fonts_and_print_setup(office, tmp_path):
    ws, plan = office
    path = tmp_path / "table.xlsx"
    result = render_division_table_xlsx(plan_dict(ws, plan), path)
    assert result["rows"] == 11
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "重点任务分工表"
    # Title row and the issuing office row, merged across the table.
    assert sheet["A1"].value == "槐荫区知识产权强区建设工作方案重点任务分工表"
    assert sheet["A1"].font.name == "方正小标宋简体" and sheet["A1"].font.sz >= 16
    assert sheet["A2"].value == "槐荫区人民政府办公室"
    assert {str(m) for m in sheet.merged_cells.ranges} >= {"A1:G1", "A2:G2"}
    header = [c.value for c in sheet[3]]
    assert header == ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限", "备注"]
    assert all(c.font.name == "黑体" and c.border.top.style == "thin" for c in sheet[3])
    # Print: A4 landscape, one page wide, header repeated, frozen below it, page numbers.
    assert sheet.page_setup.paperSize == 9   # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$3:$3" and sheet.freeze_panes == "C4"
    assert "&P" in sheet.oddFooter.center.text
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFG"}
    assert widths["C"] > widths["B"] > widths["A"] and sum(widths.values()) < 160
    rows = rows_by_number(sheet, 4)
    # Section rows: shaded, bold or 黑体, merged across; the hierarchy shows.
    section = rows["二、"]
    assert sheet.cell(section, 2).value == "重点任务" and sheet.cell(section, 2).font.name == "黑体"
    assert sheet.cell(section, 2).fill.fgColor.rgb.endswith("DDEBF7")
    assert f"B{section}:G{section}" in {str(m) for m in sheet.merged_cells.ranges}
    task = section + 1   # （一）建设中国地理标志产业大厦
    cells = [sheet.cell(task, c) for c in range(1, 8)]
    assert [c.value for c in cells[:6]] == [
        "（一）", "建设中国地理标志产业大厦", "=SUM(A1:A3) 推动地理标志产业集聚发展。", "区市场监管局",
        "区发展改革局、区财政局", "2025年底前"]
    assert cells[2].data_type == "s"                  # text, not a formula
    assert all(c.font.name == "仿宋_GB2312" and c.alignment.wrap_text for c in cells)
    assert cells[1].alignment.indent == 1
    assert sheet.row_dimensions[task].height >= 20
    measure = rows["1."]
    assert sheet.cell(measure, 2).alignment.indent == 2
    protection = rows_by_number(sheet, 4)
    assert any(sheet.cell(r, 4).value == "区司法局、区市场监管局负责" for r in protection.values())


def test_columns_follow_what_the_plan_uses(tmp_path):
    plan = {"title": "某街道重点工作分工表", "issuer": "",
            "tasks": [{"number": "一、", "level": 1, "title": "环境整治", "text": "",
                       "roles": {"responsible": ["城管科", "各社区"]}, "children": []}]}
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(plan, path, {"note_column": False})
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "某街道重点工作分工表"
    assert [c.value for c in sheet[2]] == ["序号", "重点任务", "责任单位"]
    assert sheet["C3"].value == "城管科、各社区"


def test_long_text_gets_a_taller_row(office, tmp_path):
    ws, plan = office
    data = plan_dict(ws, plan)
    data["tasks"][0]["children"][0]["text"] = "加强知识产权保护。" * 40
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(data, path)
    sheet = openpyxl.load_workbook(path).active
    heights = [sheet.row_dimensions[r].height for r in range(4, sheet.max_row + 1)]
    assert max(heights) > 3 * min(heights)


def test_leaders_divisions_and_scope_get_their_own_columns(tmp_path):
    """What a task names that is no department prints apart from the units: 责任领导 and
    责任处室 columns when any task names them, the scope as a remark."""
    from models.workspace import Workspace
    from reports.importer import parse_text
    ws = Workspace.memory()
    ws.insert_plan_tree(parse_text(
        "某县物流枢纽建设实施方案\n一、重点任务\n"
        "1.建设物流园区。（责任领导：杜新国；牵头单位：县发改局；配合单位：县商务局）\n"
        "2.优化通关服务。（负责部门：县商务局，适用范围：综合保税区）\n", "方案.txt"), backup=False)
    plan = ws.plans()[-1].uuid
    task = ws.children(plan, ws.children(plan)[0].uuid)[0]
    ws.set_mentions(task.uuid, divisions={"lead": ["规划科"], "support": ["财务科"]})
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(plan_dict(ws, plan), path, {"note_column": False})
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[2]]
    assert header == ["序号", "重点任务", "牵头单位", "配合单位", "责任领导", "责任处室", "备注"]
    rows = rows_by_number(sheet, 3)
    park, customs = rows["1."], rows["2."]
    assert [sheet.cell(park, c).value for c in range(3, 8)] == [
        "县发改局", "县商务局", "杜新国", "牵头处室：规划科；配合处室：财务科", None]
    assert sheet.cell(customs, 3).value == "县商务局负责"
    assert sheet.cell(customs, 7).value == "适用范围：综合保税区"
