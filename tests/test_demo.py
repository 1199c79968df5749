"""The demo workspace a clerk opens first: real plans, two rounds through the exchange."""
import docx
import openpyxl
import pytest

from models.dump import dump
from models.status import evaluate_plan
from models.workspace import Workspace
from reports.demo import build_demo
from reports.docx import check_docx
from reports.progress_report import (late_departments, render_followup_notice,
                                     render_progress_report_docx, render_progress_report_xlsx)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = build_demo(tmp_path_factory.mktemp("demo") / "演示.plandesk")
    ws = Workspace.open(path)
    yield ws
    ws.close()


def test_demo_holds_the_district_plan_and_the_province_points(demo):
    d = dump(demo)
    titles = [p["title"] for p in d["plans"]]
    assert titles[0].startswith("槐荫区建设国家知识产权强县示范区工作方案")
    assert titles[1] == "2021年山东省市场监督管理局知识产权工作要点"
    district = d["plans"][0]
    assert [t["number"] for t in district["tasks"]] == ["一、", "二、", "三、", "四、"]
    key_tasks = district["tasks"][2]["children"]
    assert key_tasks[0]["roles"]["responsible"][0] == "区市场监管局"
    assert district["rounds"] == ["2023年第一季度", "2023年第二季度"]
    assert "市场监管局" in next(x for x in d["departments"] if x["name"] == "区市场监管局")["aliases"]
    assert demo.undo_label() is None          # the demo's construction is not undoable


def test_progress_came_through_the_exchange_round_trip(demo):
    plan = demo.plans()[0]
    received = [e for e in demo.exchanges(plan.uuid) if e["direction"] == "in"]
    sent = [e for e in demo.exchanges(plan.uuid) if e["direction"] == "out"]
    assert sent and received and len(received) < len(sent)     # some departments did not return
    rows = demo.round_progress(plan.uuid, "2023年第二季度")
    assert rows and all(r["status"] in ("not_started", "in_progress", "done") for r in rows)


def test_dashboard_shows_every_light(demo):
    plan = demo.plans()[0]
    lights = {s.light for s in evaluate_plan(demo, plan.uuid, "2023年第二季度")
              if s.tracked and not s.is_heading}
    assert lights == {"on_track", "at_risk", "late"}


def test_reports_and_followup_notices_for_the_demo(demo, tmp_path):
    plan = demo.plans()[0]
    out = render_progress_report_docx(demo, plan.uuid, "2023年第二季度", tmp_path / "r.docx")
    body = docx.Document(out)
    texts = [p.text for p in body.paragraphs]
    assert texts[0].endswith("2023年第二季度推进情况的报告")
    assert any(t.startswith("纳入统计的任务共6项") for t in texts)
    xlsx = render_progress_report_xlsx(demo, plan.uuid, "2023年第二季度", tmp_path / "r.xlsx")
    assert len(openpyxl.load_workbook(xlsx).sheetnames) >= 2
    late = late_departments(demo, plan.uuid, "2023年第二季度")
    assert late
    notice = render_followup_notice(demo, plan.uuid, "2023年第二季度", late[0], tmp_path / "f.docx")
    assert check_docx(notice) == []
    text = "\n".join(p.text for p in docx.Document(notice).paragraphs)
    assert f"{late[0]}：" in text and "督办" in text
