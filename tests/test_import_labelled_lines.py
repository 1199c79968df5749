"""A task's responsibility printed as labelled lines of their own under it ("主办单位：…" /
"协办单位：…"), told apart from a web page's footer that uses the same words
("主办单位：XX市人民政府办公厅  承办单位：XX市大数据中心  网站标识码…")."""
from __future__ import annotations

from models.dump import dump
from models.workspace import Workspace
from reports.importer import parse_text

PLAN = """某区优化营商环境三年行动方案
一、重点任务
1.优化开办企业服务。推行企业开办一网通办，压缩办理时间。
主办单位：区发展改革局
协办单位：区市场监管局、区税务局
2.加强信用监管。建立信用分级分类监管制度。
主办单位：区市场监管局
协办单位：区司法局
3.提升政务网站服务能力。
主办单位：区政府办公室
承办单位：区财政局、区税务局
二、保障措施
各单位要加强组织领导，确保任务落实。
"""

# the same form in other words: a republished plan in traditional characters, 主辦/承辦
TRADITIONAL = """某縣推動長期照顧服務實施方案
一、執行策略
（一）擴大社區照顧據點。每年新增據點10處。
主辦單位：縣衛生局
承辦單位：縣社會處、縣財政局
（二）培訓照顧服務人員。
牽頭單位：縣勞工處
配合單位：縣教育局
"""

PAGE = """首页 > 政务公开 > 政策文件
某市推进数字政府建设实施方案
发布时间：2023-05-06 来源：市政府办公厅
一、主要任务
（一）建设一体化政务服务平台。推动政务服务事项全程网办。（市政务服务数据管理局负责）
（二）推进数据共享。（市大数据局牵头，各区人民政府配合）
某市人民政府办公厅
2023年5月6日
【打印本页】【关闭窗口】
主办单位：XX市人民政府办公厅  承办单位：XX市大数据中心  网站标识码：1234000001
主办单位：XX市人民政府办公厅
承办单位：XX市大数据中心
版权所有：XX市人民政府  ICP备12345678号
"""


def flat(tasks):
    for t in tasks:
        yield t
        yield from flat(t["children"])


def roles(task):
    return {k: v for k, v in task["roles"].items() if v}


def by_title(plan):
    return {t["title"]: roles(t) for t in flat(plan["tasks"])}


def test_labelled_lines_under_each_task_give_its_lead_and_support():
    plan = parse_text(PLAN, "方案.txt")
    got = by_title(plan)
    assert got["优化开办企业服务"] == {"lead": ["区发展改革局"], "support": ["区市场监管局", "区税务局"]}
    assert got["加强信用监管"] == {"lead": ["区市场监管局"], "support": ["区司法局"]}
    # an office leading a task is no site operator: it follows a task, inside the plan
    assert got["提升政务网站服务能力"] == {"lead": ["区政府办公室"], "support": ["区财政局", "区税务局"]}
    assert not plan["warnings"] or all("主办" not in str(w) for w in plan["warnings"])
    with Workspace.memory() as ws:
        ws.insert_plan_tree(plan, backup=False)
        stored = {t["title"]: t["roles"] for t in flat(dump(ws)["plans"][0]["tasks"])}
        assert stored["优化开办企业服务"]["lead"] == ["区发展改革局"]
        assert stored["优化开办企业服务"]["support"] == ["区市场监管局", "区税务局"]
        assert stored["提升政务网站服务能力"]["support"] == ["区财政局", "区税务局"]
        names = {d["name"] for d in dump(ws)["departments"]}
        assert {"区发展改革局", "区市场监管局", "区税务局", "区司法局", "区政府办公室", "区财政局"} <= names


def test_traditional_labelled_lines_are_read_as_written():
    plan = parse_text(TRADITIONAL, "方案.txt")
    got = by_title(plan)
    assert got["擴大社區照顧據點"] == {"lead": ["縣衛生局"], "support": ["縣社會處", "縣財政局"]}
    assert got["培訓照顧服務人員"] == {"lead": ["縣勞工處"], "support": ["縣教育局"]}


def test_a_web_page_footer_is_no_task_no_department_and_no_title():
    plan = parse_text(PAGE, "网页.txt")
    assert plan["title"] == "某市推进数字政府建设实施方案"
    tasks = list(flat(plan["tasks"]))
    texts = " ".join(t["title"] + t["text"] for t in tasks)
    assert "主办" not in texts and "承办" not in texts and "网站标识码" not in texts
    units = {u for t in tasks for names in t["roles"].values() for u in names}
    assert units == {"市政务服务数据管理局", "市大数据局", "各区人民政府"}
    with Workspace.memory() as ws:
        ws.insert_plan_tree(plan, backup=False)
        names = {d["name"] for d in dump(ws)["departments"]}
        assert not any("XX市" in n for n in names)


def test_a_footer_right_after_the_last_task_is_still_a_footer():
    # the page's footer follows the plan's last task, furniture comes next, and no task of
    # the plan carries such lines of its own
    text = ("某县数字乡村建设工作要点\n一、重点工作\n1.完善农村网络设施。\n2.发展农村电商。\n"
            "主办单位：某县商务局\n承办单位：某县信息中心\n网站标识码：3300000001\n")
    plan = parse_text(text, "网页.txt")
    assert [roles(t) for t in flat(plan["tasks"])] == [{}, {}, {}]
    assert "主办" not in " ".join(t["title"] + t["text"] for t in flat(plan["tasks"]))


def test_the_last_tasks_labelled_lines_stay_its_own_when_the_footer_follows():
    # the same lines in the same place, but every task above carries such lines: they are
    # the last task's; a second 主办单位 after them opens the page's footer
    text = ("某县数字乡村建设工作要点\n一、重点工作\n1.完善农村网络设施。\n主办单位：某县工业和信息化局\n"
            "2.发展农村电商。\n主办单位：某县商务局\n承办单位：某县信息中心\n"
            "主办单位：某县人民政府办公室\n网站标识码：3300000001\n")
    plan = parse_text(text, "网页.txt")
    got = by_title(plan)
    assert got["完善农村网络设施"] == {"lead": ["某县工业和信息化局"]}
    assert got["发展农村电商"] == {"lead": ["某县商务局"], "support": ["某县信息中心"]}
    units = {u for t in flat(plan["tasks"]) for names in t["roles"].values() for u in names}
    assert "某县人民政府办公室" not in units


def test_half_width_colons_and_a_second_pair_of_labels():
    # 承办单位: / 配合单位: with ASCII colons, under "（1）" items: who handles it and who helps
    text = ("某街道老旧小区改造工作方案\n一、改造内容\n（1）完成管网改造。\n承办单位:街道城建办\n"
            "配合单位:街道社区办\n（2）增设电梯。\n承办单位:街道城建办\n配合单位:区住房城乡建设局\n"
            "二、工作要求\n各单位按时完成。\n")
    got = by_title(parse_text(text, "方案.txt"))
    assert got["完成管网改造"] == {"responsible": ["街道城建办"], "support": ["街道社区办"]}
    assert got["增设电梯"] == {"responsible": ["街道城建办"], "support": ["区住房城乡建设局"]}


def test_what_follows_a_footer_is_cut_with_it():
    # after the signature: the site's labels, then its address — neither is the plan's
    text = ("某市数据共享工作方案\n一、工作任务\n1.建立共享目录。\n2.开放公共数据。\n某市人民政府办公厅\n"
            "2023年5月6日\n主办单位：某市人民政府办公厅\n承办单位：某市大数据中心\n地址：某市人民路1号\n")
    plan = parse_text(text, "网页.txt")
    tasks = list(flat(plan["tasks"]))
    assert [t["title"] for t in tasks] == ["工作任务", "建立共享目录", "开放公共数据"]
    assert not any("地址" in t["text"] or "主办" in t["text"] for t in tasks)
    assert [roles(t) for t in tasks] == [{}, {}, {}]
