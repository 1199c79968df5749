"""The chain from the command line: carry, template import/fill; and a foreign 分工表's
footnote and 填报单位 line read as what they are."""
from __future__ import annotations

import json

import openpyxl

from cli import run
from models.workspace import Workspace
from reports.xlsx.foreign import read_foreign_workbook
from template_books import city_template
from test_carry import CITY, LOCAL


def test_carry_and_template_commands(tmp_path, capsys):
    ws_path = tmp_path / "district.plandesk"
    (tmp_path / "city.txt").write_text(CITY, encoding="utf-8")
    assert run(["import", str(ws_path), str(tmp_path / "city.txt")]) == 0
    with Workspace.open(ws_path) as ws:
        for name in LOCAL:
            ws.add_department(name)
    assert run(["carry", "map", str(ws_path), "市发展改革委", "--to", "区发改局"]) == 0
    assert run(["carry", "counterparts", str(ws_path), "--plan", "1", "--district", "历下区"]) == 0
    out = capsys.readouterr().out
    assert "市发展改革委 → 区发改局" in out and "各区、县级市 → 本级自身（本级自身承担）" in out
    assert run(["carry", "run", str(ws_path), "--plan", "1", "--district", "历下区",
                "--title", "历下区质量强区建设任务分解"]) == 0
    assert "已承接 8 项任务" in capsys.readouterr().err
    assert run(["carry", "status", str(ws_path), "--plan", "2"]) == 0
    status = capsys.readouterr().out
    assert "== 未承接的上级任务（0）" in status and "加强经费保障" in status   # no local 财政局

    with Workspace.open(ws_path) as ws:
        plan = ws.plans()[1]
        ws.add_round(plan.uuid, "第三季度")
        task = next(t for t in ws.tasks(plan.uuid) if t.title == "完善质量标准体系")
        ws.record_progress(task.uuid, "第三季度", "区市场监管局", status="in_progress", text="建成4个")
    template = tmp_path / "上报表.xlsx"
    city_template(template, [("1.", "完善质量标准体系", "市市场监管局", "2025年底前")])
    assert run(["template", "import", str(ws_path), str(template), "--plan", "1"]) == 0
    shown = capsys.readouterr().out
    assert "I 列“佐证材料” → （未指定" in shown and "第 6 行（表注）" in shown
    assert run(["template", "fill", str(ws_path), "1", "--round", "第三季度", "--preview"]) == 0
    assert "F5（进展情况）：建成4个" in capsys.readouterr().out
    filled = tmp_path / "filled.xlsx"
    assert run(["template", "fill", str(ws_path), "1", "--round", "第三季度", "--out", str(filled)]) == 0
    assert openpyxl.load_workbook(filled)["推进情况"]["F5"].value == "建成4个"
    assert run(["template", "fill", str(ws_path), "9", "--round", "第三季度", "--out",
                str(filled)]) == 2
    assert "没有第 9 个报送模板" in capsys.readouterr().err
    with Workspace.open(ws_path) as ws:
        sent = len(ws.exchanges())
    assert run(["template", "fill", str(ws_path), "1", "--round", "第三季度", "--out",
                str(tmp_path / "没有的文件夹" / "x.xlsx")]) == 2
    assert "文件夹不存在" in capsys.readouterr().err
    with Workspace.open(ws_path) as ws:
        assert len(ws.exchanges()) == sent                  # nothing recorded

    assert run(["dump", str(ws_path)]) == 0
    dumped = json.loads(capsys.readouterr().out)
    carried = dumped["plans"][1]["tasks"][0]["children"][0]
    assert carried["implements"] == dumped["plans"][0]["tasks"][0]["children"][0]["uuid"]


def test_foreign_table_footnote_and_unit_line_are_not_tasks_or_title(tmp_path):
    path = tmp_path / "city.xlsx"
    city_template(path, [("1.", "完善质量标准体系", "市市场监管局", "2025年底前"),
                         ("2.", "加强品牌培育", "市商务局", "长期坚持")])
    plan = read_foreign_workbook(path)
    assert plan["title"] == "2025年度重点任务推进情况表"
    titles = [t["title"] for t in plan["tasks"]] + [c["title"] for t in plan["tasks"] for c in t["children"]]
    assert not any(t.startswith("注") for t in titles)
    assert any("请于每季度末月25日前报送" in w["message"] for w in plan["warnings"])


def test_foreign_table_with_the_unit_line_longest(tmp_path):
    """A made-up second form: the 填报单位 line is longer than the title, a 说明 line below."""
    path = tmp_path / "form.xlsx"
    wb = openpyxl.Workbook()
    s = wb.active
    s["A1"] = "重点任务清单"
    s["A2"] = "填报单位（盖章）：＿＿＿＿＿＿＿＿＿＿  联系人：＿＿＿＿  联系电话：＿＿＿＿＿＿"
    s.append(["序号", "重点任务", "牵头单位", "完成时限"])
    s.append([1, "开展质量提升行动", "市市场监管局", "2025年底前"])
    s.append(["说明：本表一式两份。"])
    wb.save(path)
    plan = read_foreign_workbook(path)
    assert plan["title"] == "重点任务清单"
    assert [t["title"] for t in plan["tasks"]] == ["开展质量提升行动"]
