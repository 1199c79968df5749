"""Reporting templates as offices above lay them out (not as PlanDesk writes them)."""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def city_template(path, tasks: list[tuple[str, str, str, str]], section: str = "一",
                  extra_sheet: bool = True) -> None:
    """Title, 填报单位 line, two header rows (责任单位 and 推进情况 merged across), the first
    column merged down over the section's rows, an unknown column 佐证材料, a footnote.

    ``tasks``: (label, text, lead, deadline) per row.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "推进情况"
    ws.merge_cells("A1:I1")
    ws["A1"] = "2025年度重点任务推进情况表"
    ws["A1"].font = Font(name="方正小标宋简体", size=18)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:I2")
    ws["A2"] = "填报单位（盖章）：                    填报日期：    年  月  日"
    heads = {"A3": "序号", "B3": "重点任务", "C3": "责任单位", "E3": "完成时限", "F3": "推进情况",
             "I3": "佐证材料", "C4": "牵头单位", "D4": "配合单位", "F4": "进展情况",
             "G4": "存在问题", "H4": "下一步工作计划"}
    for ref in ("A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:H3", "I3:I4"):
        ws.merge_cells(ref)
    for ref, text in heads.items():
        ws[ref] = text
    for row in ws.iter_rows(min_row=3, max_row=4, max_col=9):
        for cell in row:
            cell.font = Font(name="黑体", bold=True)
            cell.border = BOX
            cell.fill = PatternFill("solid", fgColor="D9D9D9")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first = 5
    for i, (label, text, lead, deadline) in enumerate(tasks):
        r = first + i
        ws.cell(r, 2, f"{label}{text}")
        ws.cell(r, 3, lead)
        ws.cell(r, 5, deadline)
        for c in range(1, 10):
            ws.cell(r, c).border = BOX
            ws.cell(r, c).alignment = Alignment(vertical="center", wrap_text=True)
        ws.row_dimensions[r].height = 48
    last = first + len(tasks) - 1
    ws.cell(first, 1, section)
    ws.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=9)
    ws.cell(last + 1, 1, "注：1.请于每季度末月25日前报送；2.进展情况请写明具体数据。")
    ws.cell(last + 1, 1).font = Font(name="仿宋_GB2312", size=10)
    for col, width in zip("ABCDEFGHI", (6, 40, 14, 14, 12, 36, 20, 24, 12)):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.print_title_rows = "3:4"
    ws.freeze_panes = "C5"
    if extra_sheet:
        other = wb.create_sheet("填报说明")
        other["A1"] = "本表由各区县政府办公室汇总报送。"
    wb.save(path)
