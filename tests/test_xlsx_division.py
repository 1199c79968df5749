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
    # No task names a scope: no 备注 column (an empty one reads as unfinished work); the
    # responsible units have a column of their own, as in the Word table.
    assert header == ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "责任单位", "完成时限"]
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
    assert [c.value for c in cells] == [
        "（一）", "建设中国地理标志产业大厦", "=SUM(A1:A3) 推动地理标志产业集聚发展。", "区市场监管局",
        "区发展改革局、区财政局", None, "2025年底前"]
    assert cells[2].data_type == "s"                  # text, not a formula
    assert all(c.font.name == "仿宋_GB2312" and c.alignment.wrap_text for c in cells)
    assert cells[1].alignment.indent == 1
    assert sheet.row_dimensions[task].height >= 20
    measure = rows["1."]
    assert sheet.cell(measure, 2).alignment.indent == 2
    protection = rows_by_number(sheet, 4)
    protect = next(r for r in protection.values() if sheet.cell(r, 2).value == "加强知识产权保护")
    assert [sheet.cell(protect, c).value for c in (4, 5, 6)] == [None, None, "区司法局、区市场监管局"]


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


def logistics_plan():
    """A plan naming leaders, 处室 by role and a scope (what the Word 分工表 prints too)."""
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
    return plan_dict(ws, plan)


def test_leaders_divisions_and_scope_get_their_own_columns(tmp_path):
    """What a task names that is no department prints apart from the units: 责任领导 and
    one column per 处室 role when any task names them, the scope as a remark."""
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(logistics_plan(), path)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[2]]
    assert header == ["序号", "重点任务", "牵头单位", "配合单位", "责任单位", "责任领导",
                      "牵头处室", "配合处室", "备注"]
    rows = rows_by_number(sheet, 3)
    park, customs = rows["1."], rows["2."]
    assert [sheet.cell(park, c).value for c in range(3, 10)] == [
        "县发改局", "县商务局", None, "杜新国", "规划科", "财务科", None]
    assert [sheet.cell(customs, c).value for c in range(3, 10)] == [
        None, None, "县商务局", None, None, None, "适用范围：综合保税区"]


def test_only_the_division_roles_some_task_names(tmp_path):
    """A made-up plan naming only a 责任处室 and a 指导处室: those two columns, no leader,
    no 备注, no 牵头处室."""
    plan = {"title": "某区政务服务提升方案", "issuer": "", "tasks": [
        {"number": "1.", "level": 1, "title": "推行一网通办", "text": "",
         "roles": {"lead": ["区政务服务局"]}, "divisions": {"responsible": ["审批科"]},
         "children": []},
        {"number": "2.", "level": 1, "title": "规范窗口服务", "text": "",
         "roles": {"lead": ["区政务服务局"]}, "divisions": {"guide": ["督查科", "法规科"]},
         "children": []}]}
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(plan, path)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["序号", "重点任务", "牵头单位", "责任处室", "指导处室"]
    assert [c.value for c in sheet[3]] == ["1.", "推行一网通办", "区政务服务局", "审批科", None]
    assert [c.value for c in sheet[4]] == ["2.", "规范窗口服务", "区政务服务局", None, "督查科、法规科"]


def test_no_empty_responsible_column(tmp_path):
    """A plan naming no department prints no 责任单位 column: blank names fill no cell."""
    plan = {"title": "某镇人居环境整治方案", "issuer": "", "tasks": [
        {"number": "1.", "level": 1, "title": "清理河道", "text": "", "people": ["李明"],
         "roles": {"responsible": [""]}, "children": []},
        {"number": "2.", "level": 1, "title": "整治村容", "text": "", "roles": {}, "children": []}]}
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(plan, path)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["序号", "重点任务", "责任领导"]
    assert [c.value for c in sheet[3]] == ["1.", "清理河道", "李明"]


def test_the_written_table_imports_back_with_divisions_leaders_and_scope(tmp_path):
    """Re-importing the workbook gives every task back its 处室 by role, leaders and scope."""
    from reports.xlsx import read_foreign_workbook
    original = logistics_plan()
    path = tmp_path / "t.xlsx"
    render_division_table_xlsx(original, path)
    back = read_foreign_workbook(path)

    def mentions(tasks):
        out = []
        for t in tasks:
            out.append((t["title"], {k: v for k, v in (t.get("roles") or {}).items() if v},
                        {k: v for k, v in (t.get("divisions") or {}).items() if v},
                        list(t.get("people") or ()), list(t.get("scopes") or ())))
            out += mentions(t.get("children") or [])
        return out
    assert mentions(back["tasks"]) == mentions(original["tasks"])
    park = mentions(back["tasks"])[1]
    assert park[2] == {"lead": ["规划科"], "support": ["财务科"]} and park[3] == ["杜新国"]
