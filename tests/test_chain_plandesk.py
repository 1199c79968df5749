"""PlanDesk to PlanDesk: the city sends its workbook down, the district carries the plan,
collects its departments' returns and fills the city's own workbook, and the city takes
it in like any department's return — every row by its task key, none by text."""
from __future__ import annotations

import pytest

from models.carry import carry
from models.workspace import Workspace
from reports.template.fill import fill_template, import_template
from reports.xlsx import apply_return, export_exchange, read_return
from reports.xlsx.consolidate import consolidate
from reports.xlsx.foreign import read_foreign_workbook
from reports.importer import parse_text
from test_carry import CITY
from test_xlsx_helpers import C_PERCENT, C_STATUS, C_TEXT, fill, key_rows

ROUND = "2025年第三季度"


@pytest.fixture
def city(tmp_path):
    ws = Workspace.create(tmp_path / "city.plandesk")
    plan = ws.insert_plan_tree(parse_text(CITY, "city.txt"))["plan"]
    ws.add_department("历下区")
    for t in ws.tasks(plan.uuid):
        if t.title in ("完善质量标准体系", "加强品牌培育", "强化组织领导"):
            ws.assign(t.uuid, "历下区", "responsible")
    yield ws, plan
    ws.close()


@pytest.fixture
def district(tmp_path):
    ws = Workspace.create(tmp_path / "district.plandesk")
    for name in ("区市场监管局", "区发改局", "区商务局"):
        ws.add_department(name)
    yield ws
    ws.close()


def test_district_return_consolidated_by_the_city_by_key(city, district, tmp_path):
    city_ws, city_plan = city
    sent = export_exchange(city_ws, city_plan.uuid, ROUND, tmp_path / "to-lixia.xlsx",
                           department="历下区")

    # The district takes the city's workbook as its received plan: the city's keys come along.
    received = district.insert_plan_tree(read_foreign_workbook(sent["path"]))["plan"]
    city_keys = {t.uuid for t in city_ws.tasks(city_plan.uuid)}
    assert {t.uuid for t in district.tasks(received.uuid)} <= city_keys
    district.set_counterpart("市发展改革委", "区发改局")
    plan = carry(district, received.uuid, district="历下区").plan
    local = {t.title: t.uuid for t in district.tasks(plan.uuid)}
    # The district's departments report through their own exchange workbooks.
    for dep, title, text, status, percent in [
            ("区市场监管局", "完善质量标准体系", "建成示范项目6个", "推进中", 60),
            ("区商务局", "加强品牌培育", "完成品牌评价", "已完成", 100)]:
        out = export_exchange(district, plan.uuid, ROUND, tmp_path / f"{dep}.xlsx", department=dep)
        r = key_rows(out["path"])[local[title]]
        back = fill(out["path"], tmp_path / f"{dep}-back.xlsx",
                    {f"{C_TEXT}{r}": text, f"{C_STATUS}{r}": status, f"{C_PERCENT}{r}": percent})
        apply_return(district, read_return(district, back))

    # The city's own workbook is the template: every row is matched by its key.
    tpl = import_template(district, sent["path"], received.uuid)
    assert {r["match"] for r in tpl["reading"]["rows"]} == {"key"}
    filled = tmp_path / "lixia-return.xlsx"
    fill_template(district, tpl["uuid"], ROUND, filled)

    report = read_return(city_ws, filled)
    assert report.errors == []
    result = consolidate(city_ws, city_plan.uuid, ROUND, [filled], tmp_path / "汇总.xlsx")
    assert [f["status"] for f in result["files"]] == ["applied"]
    got = {p["task"]: p for p in city_ws.round_progress(city_plan.uuid, ROUND)}
    titles = {t.uuid: t.title for t in city_ws.tasks(city_plan.uuid)}
    assert {titles[k]: (v["department"], v["status"], v["percent"], v["text"])
            for k, v in got.items()} == {
        "完善质量标准体系": ("历下区", "in_progress", 60, "建成示范项目6个"),
        "加强品牌培育": ("历下区", "done", 100, "完成品牌评价")}


def test_revision_sent_by_a_plandesk_office_is_matched_by_key(city, district, tmp_path):
    """The city rewrites a task beyond recognition and drops another: its keys still tell
    the district which task is which."""
    from models.plan_diff import diff_received
    from models.plan_merge import accept_changes
    city_ws, city_plan = city
    first = export_exchange(city_ws, city_plan.uuid, ROUND, tmp_path / "v1.xlsx")
    received = district.insert_plan_tree(read_foreign_workbook(first["path"]))["plan"]
    tasks = {t.title: t for t in city_ws.tasks(city_plan.uuid)}
    city_ws.edit_task(tasks["完善质量标准体系"].uuid, title="健全标准与认证制度",
                      text="推行企业标准自我声明公开，培育团体标准。")
    city_ws.delete_task(tasks["加强经费保障"].uuid)
    second = export_exchange(city_ws, city_plan.uuid, "2025年第四季度", tmp_path / "v2.xlsx")
    d = diff_received(district, received.uuid, read_foreign_workbook(second["path"]))
    assert [(c.kind, c.before.title) for c in d.changes] == [
        ("reworded", "完善质量标准体系"), ("removed", "加强经费保障")]
    accept_changes(district, received.uuid, d)
    kept = district.task(tasks["完善质量标准体系"].uuid)      # the same key, edited in place
    assert kept.title == "健全标准与认证制度"
