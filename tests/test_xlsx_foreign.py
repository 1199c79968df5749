"""Foreign 分工表 workbooks (Excel/WPS): header anywhere, merged cells, hierarchy, roles."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cli import run
from models.dump import dump, plan_dict
from reports.xlsx import WorkbookError, read_foreign_workbook, render_division_table_xlsx
from test_xlsx_helpers import office

__all__ = ["office"]
SEED_NAME = "shandong_ip_province_task_division_table.txt"


def roles(node) -> dict:
    return {k: v for k, v in node["roles"].items() if v}


def outline(tasks, depth=0) -> list[tuple]:
    out = []
    for t in tasks:
        out.append((depth, t["title"]))
        out += outline(t["children"], depth + 1)
    return out


def district_table(path: Path) -> Path:
    """A 分工表 as a district office makes it in WPS: caption, blank row, two-row header."""
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "分工表"
    s["A1"] = "附件1"
    s.merge_cells("A2:F2")
    s["A2"] = "槐荫区知识产权强区建设重点任务分工表"
    for col, name in zip("ABCF", ["序号", "重点任务", "具体内容", "完成时限"]):
        s[f"{col}4"] = name
        s.merge_cells(f"{col}4:{col}5")
    s.merge_cells("D4:E4")
    s["D4"], s["D5"], s["E5"] = "责任单位", "牵头单位", "配合单位"
    s.merge_cells("A6:F6")
    s["A6"] = "一、强化知识产权创造"
    # One task merged over two measure rows; its number and lead merged alike.
    s.merge_cells("A7:A8")
    s["A7"] = 1
    s.merge_cells("B7:B8")
    s["B7"] = "提升专利质量"
    s["C7"] = "实施高价值专利培育计划。\n每年培育高价值发明专利10件。"
    s["C8"] = "开展专利转化专项行动。"
    s.merge_cells("D7:D8")
    s["D7"] = "区市场监管局"
    s["E7"], s["E8"] = "区科技局、区财政局", "区教育局"
    s["F7"], s["F8"] = "2025年底前", "长期坚持"
    s.merge_cells("A9:F9")
    s["A9"] = "二、加强知识产权保护"
    s["A10"], s["B10"], s["C10"] = 1, "打击侵权假冒", "开展“铁拳”专项行动。"
    s["D10"], s["E10"], s["F10"] = "区市场监管局", "区公安分局", dt.datetime(2025, 6, 30)
    s["A11"], s["B11"], s["D11"], s["F11"] = 2, "完善纠纷调解机制", "区司法局", "2025年9月底前"
    wb.save(path)
    return path


def test_district_table_with_title_blank_rows_and_two_row_header(tmp_path):
    plan = read_foreign_workbook(district_table(tmp_path / "district.xlsx"))
    assert plan["title"] == "槐荫区知识产权强区建设重点任务分工表"
    assert plan["kind"] == "division_table"
    assert outline(plan["tasks"]) == [
        (0, "强化知识产权创造"), (1, "提升专利质量"), (2, "实施高价值专利培育计划"),
        (2, "开展专利转化专项行动"),
        (0, "加强知识产权保护"), (1, "打击侵权假冒"), (1, "完善纠纷调解机制")]
    first, second = plan["tasks"]
    assert first["label_style"] == "1" and first["children"][0]["label_style"] == "3"
    measure1, measure2 = first["children"][0]["children"]
    assert measure1["text"] == "每年培育高价值发明专利10件。"            # the second line of the cell
    assert roles(measure1) == {"lead": ["区市场监管局"], "support": ["区科技局", "区财政局"]}
    assert roles(measure2) == {"lead": ["区市场监管局"], "support": ["区教育局"]}   # merged lead cell
    assert measure1["deadline"]["text"] == "2025年底前"
    fight, mediation = second["children"]
    assert fight["text"] == "开展“铁拳”专项行动。"                     # 具体内容 beside its task
    assert fight["deadline"]["text"] == "2025年6月30日"                 # a date cell
    assert roles(mediation) == {"lead": ["区司法局"]}
    assert plan["warnings"] == []


def test_header_in_an_odd_place_decimal_numbers_and_hidden_columns(tmp_path):
    wb = openpyxl.Workbook()
    s = wb.active
    s["C3"] = "2025年度重点工作任务清单"
    rows = [["编号", "工作任务", "责任部门", "时间节点", "内部编码"],
            ["1", "优化营商环境", "", "", "x1"],
            [1.1, "推行证照分离改革", "区行政审批服务局牵头，区市场监管局配合", "2025年6月底前", "x2"],
            [1.2, "压缩开办企业时间", "区行政审批服务局负责", "长期坚持", "x3"],
            ["2", "扩大有效投资", "", "", "x4"],
            [2.1, "推进重点项目建设", "区发展改革局牵头，区财政局、区自然资源局参与", "2025年底前", "x5"]]
    for i, row in enumerate(rows, 7):
        for j, value in enumerate(row):
            s.cell(i, 3 + j, value)
    s.column_dimensions["G"].hidden = True
    path = tmp_path / "list.xlsx"
    wb.save(path)
    plan = read_foreign_workbook(path)
    assert plan["title"] == "2025年度重点工作任务清单"
    assert outline(plan["tasks"]) == [(0, "优化营商环境"), (1, "推行证照分离改革"), (1, "压缩开办企业时间"),
                                      (0, "扩大有效投资"), (1, "推进重点项目建设")]
    reform = plan["tasks"][0]["children"][0]
    assert roles(reform) == {"lead": ["区行政审批服务局"], "support": ["区市场监管局"]}
    assert roles(plan["tasks"][0]["children"][1]) == {"responsible": ["区行政审批服务局"]}
    assert roles(plan["tasks"][1]["children"][0]) == {"lead": ["区发展改革局"],
                                                      "support": ["区财政局", "区自然资源局"]}
    assert "x2" not in repr(plan)   # the hidden column is left out


def seed_rows(seed: Path) -> list[tuple[str, str, str, str]]:
    """(section, task, measures, departments) for sections 一 and 二 of the seed table."""
    out, section, task = [], "", ""
    for line in seed.read_text(encoding="utf-8").splitlines():
        if line.startswith("三、"):
            break
        cells = [re.sub(r"</?p>", "", c).strip() for c in line.split("\t")]
        cells = [c for c in cells if c]
        if not cells or cells[0].startswith(("重点任务", "山东省")):
            continue
        measures = departments = ""
        for cell in cells:
            if re.match(r"^[一二三四五六七八九十]、", cell):
                section = cell
            elif re.match(r"^\([一二三四五六七八九十]\)", cell):
                task = cell
            elif re.match(r"^\d+\.", cell):
                # As typed in a cell: one measure per line.
                measures = re.sub(r"\s+(?=\d+\.\s)", "\n", cell)
            else:
                departments = cell
        out.append((section, task, measures, departments))
    return out


def seed_workbook(seed: Path, path: Path) -> Path:
    """The seed table as a province office's workbook: sections and tasks merged down."""
    wb = openpyxl.Workbook()
    s = wb.active
    s.merge_cells("A1:E1")
    s["A1"] = "山东省知识产权强省建设实施方案重点任务分工表"
    s.merge_cells("A3:C3")
    s["A3"], s["D3"], s["E3"] = "重点任务", "责任部门", "备注"
    r = 4
    runs = {0: [], 1: []}
    for section, task, measures, departments in seed_rows(seed):
        for col, value in ((0, section), (1, task)):
            if runs[col] and runs[col][-1][0] == value:
                runs[col][-1][2] = r
            else:
                runs[col].append([value, r, r])
        s.cell(r, 3, measures)
        s.cell(r, 4, departments)
        r += 1
    for col, spans in runs.items():
        for value, first, last in spans:
            s.cell(first, col + 1, value)
            if last > first:
                s.merge_cells(start_row=first, start_column=col + 1, end_row=last, end_column=col + 1)
    wb.save(path)
    return path


def test_seed_division_table_rebuilt_as_a_workbook(seeds, tmp_path):
    plan = read_foreign_workbook(seed_workbook(seeds / SEED_NAME, tmp_path / "shandong.xlsx"))
    assert plan["title"] == "山东省知识产权强省建设实施方案重点任务分工表"
    reform, protection = plan["tasks"]
    assert reform["title"] == "推进知识产权管理体制机制改革" and reform["label_style"] == "1"
    assert [t["title"][:12] for t in reform["children"]] == [
        "开展知识产权管理体制机制", "建立重大科技经济活动知识", "建立知识产权综合评价体系"]
    assert [len(t["children"]) for t in reform["children"]] == [3, 3, 3]
    pilot = reform["children"][0]["children"][0]
    assert pilot["title"] == "积极探索知识产权管理体制机制改革" and pilot["label_style"] == "3"
    assert roles(pilot) == {"lead": ["省编办"], "support": ["省知识产权局", "省工商局", "省版权局"]}
    evaluation = reform["children"][2]["children"]
    assert roles(evaluation[1]) == {"lead": ["省国资委"], "support": ["省科技厅", "省知识产权局"]}
    assert roles(evaluation[2]) == {"responsible": ["省科技厅", "省知识产权局"]}
    assert [len(t["children"]) for t in protection["children"]] == [6, 2]
    credit = protection["children"][0]["children"][5]
    assert credit["title"].startswith("将故意侵犯知识产权行为情况纳入")
    assert roles(credit) == {"lead": ["省发展改革委", "人民银行济南分行"],
                             "support": ["省工商局", "省版权局", "省知识产权局"]}
    linkage = protection["children"][1]["children"][0]
    assert roles(linkage)["lead"] == ["省委政法委", "省法制办", "省检察院"]


def test_our_own_division_table_reads_back_as_the_same_plan(office, tmp_path):
    ws, plan_uuid = office
    original = plan_dict(ws, plan_uuid)
    path = tmp_path / "table.xlsx"
    render_division_table_xlsx(original, path)
    back = read_foreign_workbook(path)

    def shape(tasks):
        return [(t["title"], roles(t), (t.get("deadline") or {}).get("text"), shape(t["children"]))
                for t in tasks]
    assert shape(back["tasks"]) == shape(original["tasks"])
    assert back["title"] == "槐荫区知识产权强区建设工作方案重点任务分工表"


def test_wps_a1_dimension_still_reads_every_row(tmp_path):
    src = district_table(tmp_path / "district.xlsx")
    wps = tmp_path / "wps.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(wps, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:A1"/>', data)
                assert b'ref="A1:A1"' in data
            zout.writestr(item, data)
    assert outline(read_foreign_workbook(wps)["tasks"]) == outline(read_foreign_workbook(src)["tasks"])


def test_rows_it_cannot_read_are_reported_by_row_number(tmp_path):
    wb = openpyxl.Workbook()
    s = wb.active
    for i, row in enumerate([["重点任务", "牵头单位", "完成时限"],
                             ["", "区财政局", "2025年底前"],          # a department with no task
                             ["一、优化营商环境", "", ""],
                             ["推行证照分离改革", "区行政审批服务局", "2025年6月底前"]], 1):
        for j, v in enumerate(row, 1):
            s.cell(i, j, v)
    path = tmp_path / "odd.xlsx"
    wb.save(path)
    plan = read_foreign_workbook(path)
    assert [w["line"] for w in plan["warnings"]] == [2]
    assert outline(plan["tasks"])[0] == (0, "优化营商环境")


def test_workbook_without_a_header_is_refused_in_one_line(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "会议签到表"
    wb.active["A2"] = "张三"
    path = tmp_path / "sign.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookError, match=r"^sign.xlsx: 工作表“Sheet”中没有找到分工表的表头"):
        read_foreign_workbook(path)


def test_cli_import_of_a_foreign_workbook(tmp_path, capsys):
    path = district_table(tmp_path / "district.xlsx")
    ws_path = tmp_path / "new.plandesk"
    assert run(["import", str(ws_path), str(path), "--dry-run"]) == 0
    assert "提升专利质量" in capsys.readouterr().out and not ws_path.exists()
    assert run(["import", str(ws_path), str(path)]) == 0
    from models.workspace import Workspace
    with Workspace.open(ws_path, readonly=True) as ws:
        data = dump(ws)
    assert data["plans"][0]["title"] == "槐荫区知识产权强区建设重点任务分工表"
    assert data["plans"][0]["kind"] == "division_table"
    assert {d["name"] for d in data["departments"]} >= {"区市场监管局", "区司法局", "区教育局"}
