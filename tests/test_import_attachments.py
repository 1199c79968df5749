"""The notice around a plan and the papers attached to it are not tasks.

The 印发通知's own lines (its 附件 list, contact line, 抄送 and 印发), web-page residue, and
attachments that are not task lists (indicator tables, item catalogues, forms) are kept as
the plan's head and attachments; a 分工表 attachment gives its roles to the body's tasks.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from models.dump import dump
from reports.importer import parse_file, parse_text

CORPUS = next((d / "shared" / "corpus" for d in Path(__file__).resolve().parents[2:4]
               if (d / "shared" / "corpus").is_dir()), Path("shared/corpus"))

NOTICE = """{city}人民政府办公厅关于印发{city}2023年优化营商环境工作要点的通知
{code}〔2023〕12号
各区人民政府，市政府各部门：
经市人民政府同意，现将《{city}2023年优化营商环境工作要点》印发给你们，请认真组织实施。
附件：1.{city}营商环境评价指标体系（2023年）
2.{city}2023年优化营商环境重点任务分工表
{city}人民政府办公厅
2023年3月10日
（联系人：{person}，联系电话：{phone}）
{city}2023年优化营商环境工作要点
为持续优化营商环境，制定本要点。
一、提升市场准入便利度
（一）深化商事制度改革。推行“一照多址”。（市市场监管局牵头，各区政府配合）
（二）优化企业开办服务。实现全程网办。（市政务服务数据管理局负责）
二、提升政务服务效能
（三）推进“一网通办”。（市政务服务数据管理局牵头）
附件1
{city}营商环境评价指标体系（2023年）
序号\t一级指标\t二级指标\t目标值
1\t开办企业\t办理时间\t1个工作日
2\t办理建筑许可\t办理环节\t6个
3\t获得电力\t接电时间\t15天
附件2
{city}2023年优化营商环境重点任务分工表
序号\t重点任务\t牵头单位\t配合单位
1\t深化商事制度改革\t市市场监管局\t各区政府
2\t优化企业开办服务\t市政务服务数据管理局\t市税务局
3\t推进“一网通办”\t市政务服务数据管理局\t各区政府
抄送：市委各部门，市人大常委会办公厅。
{city}人民政府办公厅秘书处        2023年3月10日印发
"""
CITIES = [dict(city="广州市", code="穗府办函", person="孙映吟", phone="81085234"),
          dict(city="江门市", code="江府办函", person="李文华", phone="0750-3271234")]


def flat(tasks):
    for t in tasks:
        yield t
        yield from flat(t["children"])


@pytest.mark.parametrize("city", CITIES, ids=["guangzhou", "made_up"])
def test_notice_head_and_attachments_are_not_tasks(city, ws):
    plan = parse_text(NOTICE.format(**city), "要点.txt")
    name = city["city"]
    assert plan["title"] == f"{name}2023年优化营商环境工作要点"
    head = plan["head"]
    assert head["attachments"] == [f"{name}营商环境评价指标体系（2023年）", f"{name}2023年优化营商环境重点任务分工表"]
    assert "附件" not in head["body"]
    assert head["contact"] == f"联系人：{city['person']}，联系电话：{city['phone']}"
    assert head["cc"] == "市委各部门，市人大常委会办公厅"
    assert head["printed"].endswith("2023年3月10日印发")
    titles = [t["title"] for t in flat(plan["tasks"])]
    assert titles == ["提升市场准入便利度", "深化商事制度改革", "优化企业开办服务", "提升政务服务效能", "推进“一网通办”"]
    indicators, division = plan["attachments"]
    assert (indicators["label"], indicators["kind"]) == ("附件1", "indicators")
    assert indicators["rows"][1] == ["1", "开办企业", "办理时间", "1个工作日"]
    assert (division["label"], division["kind"]) == ("附件2", "division_table")
    # the 分工表 gave its support unit to the body's task it divides
    second = list(flat(plan["tasks"]))[2]
    assert second["roles"]["support"] == ["市税务局"]
    assert any(w["code"] == "importer.attachment_kept.indicators" for w in plan["warnings"])
    ws.insert_plan_tree(plan, backup=False)
    stored = dump(ws)["plans"][0]
    assert [a["kind"] for a in stored["attachments"]] == ["indicators", "division_table"]


@pytest.mark.parametrize("contact", ["联系人：孙映吟，联系电话：81085234", "联系人：王芳，联系电话：0531-86011234"])
def test_a_contact_line_is_never_the_title(contact):
    plan = parse_text(f"{contact}\n某区2024年重点工作方案\n一、任务\n1.推进改革。（区发改局负责）\n", "x.txt")
    assert plan["title"] == "某区2024年重点工作方案"
    assert plan["head"]["contact"] == contact


@pytest.mark.parametrize("residue", [["——姓名：", "联系方式：", "*验证码：", "提交"],
                                     ["姓 名：", "电子邮箱：", "留言内容：", "看不清，换一张"]])
def test_web_feedback_form_is_dropped(residue):
    text = "某县工作要点\n一、任务\n（一）推进改革。\n（二）优化服务。（县政务办负责）\n" + "\n".join(residue)
    plan = parse_text(text, "page.txt")
    assert [t["title"] for t in flat(plan["tasks"])] == ["任务", "推进改革", "优化服务"]
    assert not any(word in t["text"] for t in flat(plan["tasks"]) for word in ("姓名", "验证码", "邮箱"))


@pytest.mark.parametrize("headline, title", [
    ("【优化营商环境】淮安市知识产权局关于印发《淮安市知识产权质押融资工作方案》的通知淮知联发〔20215",
     "淮安市知识产权局关于印发《淮安市知识产权质押融资工作方案》的通知"),
    ("【政策文件】某县人民政府关于印发《某县招商引资工作方案》的通知某政发〔202",
     "某县人民政府关于印发《某县招商引资工作方案》的通知"),
])
def test_a_page_headline_with_a_cut_document_number_is_dropped(headline, title):
    plan_title = title.split("《")[1].split("》")[0]
    text = (f"{headline}\n{title}\n各有关单位：\n现将《{plan_title}》印发给你们，请认真贯彻执行。\n"
            f"某某局\n2021年3月2日\n{plan_title}\n为推进工作，制定本方案。\n一、重点任务\n"
            "（一）建立工作机制。（市知识产权局负责）\n")
    plan = parse_text(text, "page.txt")
    assert plan["head"]["notice_title"] == title
    assert plan["title"] == plan_title and plan["preamble"] == "为推进工作，制定本方案。"
    assert not any(w["code"] == "importer.text_before_title" for w in plan["warnings"])


@pytest.mark.parametrize("deadline, problem", [("2025年13月底前", "13月"), ("2024年2月30日前", "2月30日")])
def test_an_impossible_date_is_warned_and_gets_no_date(deadline, problem, ws):
    plan = parse_text(f"方案\n一、任务\n1.完成改造，{deadline}完成。（区住建局负责）\n", "x.txt")
    task = list(flat(plan["tasks"]))[1]
    assert task["deadline"]["text"].startswith(deadline)
    assert [(w["line"], w["code"], w["args"]["reason"]) for w in plan["warnings"]] == [
        (3, "importer.deadline_bad_date", problem)]
    ws.insert_plan_tree(plan, backup=False)
    stored = dump(ws)["plans"][0]["tasks"][0]["children"][0]
    assert stored["deadline"]["date"] is None


@pytest.mark.parametrize("title, kind", [("农机购置补贴机具种类范围（91个品目）", "catalogue"),
                                         ("项目申报表", "form"), ("考核指标表", "indicators")])
def test_numbered_attachments_that_are_not_task_lists(title, kind):
    items = "\n".join(f"{i}.第{i}类机具\n{i}.1 第{i}小类" for i in range(1, 13))
    text = f"方案\n一、任务\n（一）推进补贴。（省农业农村厅负责）\n附件\n{title}\n{items}\n"
    plan = parse_text(text, "x.txt")
    assert len(list(flat(plan["tasks"]))) == 2
    (kept,) = plan["attachments"]
    assert (kept["title"], kept["kind"]) == (title, kind) and "第12类机具" in kept["text"]


def test_an_attachment_that_is_a_task_list_stays_tasks():
    text = ("方案\n一、任务\n（一）推进补贴。（省农业农村厅负责）\n附件\n重点任务清单\n"
            "1.建设平台。（市科技局负责）\n2.培育企业。（市工信局负责）\n")
    plan = parse_text(text, "x.txt")
    assert [t["title"] for t in plan["tasks"][-1]["children"]] == ["建设平台", "培育企业"]
    assert plan["attachments"] == []


@pytest.mark.parametrize("name", ["01_hainan_nongji_butie_shishi_fangan_2024.doc",
                                  "02_hainan_nongji_butie_shishi_fangan_2024.pdf"])
def test_the_machine_list_of_the_real_plan_is_an_attachment(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the shared corpus is not beside this checkout")
    plan = parse_file(path)
    tasks = list(flat(plan["tasks"]))
    assert len(tasks) == 40 and [t["title"] for t in plan["tasks"]][-1] == "实施要求"
    (kept,) = plan["attachments"]
    assert kept["kind"] == "catalogue" and "91个品目" in kept["title"]
    assert plan["head"]["attachments"] == ["2024—2026年海南省农机购置与应用补贴机具种类范围"]
    assert not any("机组" in u for t in tasks for r in t["roles"].values() for u in r)


@pytest.mark.parametrize("last", ["3.制定实施细则并印发", "3.修订管理办法后印发"])
def test_a_last_task_ending_in_yin_fa_is_no_colophon(last):
    plan = parse_text(f"方案\n一、任务\n1.甲。\n2.乙。\n{last}\n", "x.txt")
    assert [t["title"] for t in plan["tasks"][0]["children"]][-1] == last[2:]
    assert plan["head"]["printed"] == ""
