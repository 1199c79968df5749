"""The Word 分工表 and the workbook print the same columns under the same headers: what
a clerk sees reading both files back (python-docx, openpyxl) for the same plan."""
from __future__ import annotations

import docx
import openpyxl

from reports.docx import render_division_table_docx
from reports.xlsx import render_division_table_xlsx
from test_xlsx_division import logistics_plan


def task(number, title, roles=None, **mentions):
    return {"number": number, "level": 1, "title": title, "text": "", "roles": roles or {},
            "people": [], "scopes": [], "divisions": {}, "children": [], **mentions}


def both(plan, tmp_path):
    """(Word rows, workbook rows) as the clerk reads them: header first, then the task rows
    (cells as text, an empty cell "")."""
    render_division_table_docx(plan, tmp_path / "表.docx")
    table = docx.Document(str(tmp_path / "表.docx")).tables[0]
    word = [[c.text.strip() for c in r.cells] for r in table.rows]
    render_division_table_xlsx(plan, tmp_path / "表.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "表.xlsx").active
    rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    book = rows[next(i for i, r in enumerate(rows) if r[0] == "序号"):]
    return word, book


def by_header(rows, title):
    """{header: cell} of the row whose 重点任务 is ``title``."""
    return dict(zip(rows[0], next(r for r in rows if r[1] == title)))


def no_empty_column(rows):
    return all(any(r[i] for r in rows[1:]) for i in range(len(rows[0])))


def test_leaders_divisions_and_scope_print_alike_in_word_and_excel(tmp_path):
    word, book = both(logistics_plan(), tmp_path)
    headers = ["序号", "重点任务", "牵头单位", "配合单位", "责任单位", "责任领导", "牵头处室",
               "配合处室", "备注"]
    assert word[0] == book[0] == headers
    for rows in (word, book):
        park, customs = by_header(rows, "建设物流园区"), by_header(rows, "优化通关服务")
        assert [park[h] for h in headers[2:]] == ["县发改局", "县商务局", "", "杜新国", "规划科",
                                                  "财务科", ""]
        assert [customs[h] for h in headers[2:]] == ["", "", "县商务局", "", "", "", "适用范围：综合保税区"]
        assert no_empty_column(rows)


def test_a_plan_naming_only_support_divisions_prints_the_smaller_set_in_both(tmp_path):
    """A made-up plan of another shape: only 配合处室 and 指导单位, no 责任领导, no scope, a
    责任单位 left blank: neither table prints a column nobody is named in."""
    plan = {"title": "某区政务服务提升方案", "issuer": "某区人民政府办公室", "tasks": [
        task("1.", "推行一网通办", {"lead": ["区政务服务局"], "responsible": [""]},
             divisions={"support": ["审批科", "督查科"]}, deadline="2026年底前"),
        task("2.", "规范窗口服务", {"lead": ["区政务服务局"], "guide": ["市政务服务局"]},
             divisions={"support": ["法规科"]})]}
    word, book = both(plan, tmp_path)
    headers = ["序号", "重点任务", "牵头单位", "指导单位", "配合处室", "完成时限"]
    assert word[0] == book[0] == headers
    for rows in (word, book):
        assert by_header(rows, "推行一网通办")["配合处室"] == "审批科、督查科"
        window = by_header(rows, "规范窗口服务")
        assert (window["指导单位"], window["配合处室"], window["完成时限"]) == ("市政务服务局", "法规科", "")
        assert no_empty_column(rows)


def test_a_leader_named_on_a_heading_shows_in_both(tmp_path):
    """A 责任领导 written on a heading: the Word rows under it carry it, the workbook's
    heading row shows it in its column (not hidden under the merged heading)."""
    heading = task("一、", "优化营商环境", people=["李明副区长"])
    heading["children"] = [{**task("1.", "压减审批时限", {"lead": ["区发展改革局"]}), "level": 2}]
    word, book = both({"title": "某区营商环境方案", "issuer": "", "tasks": [heading]}, tmp_path)
    assert word[0] == book[0] == ["序号", "重点任务", "牵头单位", "责任领导"]
    assert by_header(word, "压减审批时限")["责任领导"] == "李明副区长"
    assert by_header(book, "优化营商环境")["责任领导"] == "李明副区长"
    assert no_empty_column(word) and no_empty_column(book)
