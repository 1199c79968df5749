"""A small progress-tracking plan with rounds and reports, and a large generated one.

For the dashboard's demo, the tests of the progress views and the benchmarks: one place
that knows what a realistic quarter of reports looks like.
"""
from __future__ import annotations

import random

from ..deadline import parse_deadline
from ..messages import msg

SAMPLE_TITLE = "××区2025年知识产权强区建设工作方案"
DEPARTMENTS = ("区市场监管局", "区发展改革局", "区科技局", "区财政局", "区教体局",
               "区商务局", "各街道办事处")
ROUNDS = (("2025年第一季度", "2025-01-01", "2025-03-31"),
          ("2025年第二季度", "2025-04-01", "2025-06-30"),
          ("2025年第三季度", "2025-07-01", "2025-09-30"))

# (title, deadline, lead, support, targets, [(round index, dept or None, status, percent, text)])
_TASKS: list = [
    ("一、提升知识产权创造质量", None, None, (), (), [
        ("（一）培育高价值发明专利", "2025年底前", "区市场监管局", ("区科技局",),
         [{"metric": "每万人口高价值发明专利拥有量", "value": 14, "unit": "件", "qualifier": "达到"}],
         [(1, None, "in_progress", 50, "高价值发明专利拥有量达到10件"),
          (2, None, "in_progress", 80, "每万人口高价值发明专利拥有量已达到12件")]),
        ("（二）建设地理标志产业大厦", "2025年6月底前", "区发展改革局", ("区财政局",), (),
         [(1, None, "in_progress", 70, "主体工程完工"),
          (2, None, "in_progress", 90, "正在进行内部装修")]),
        ("（三）开展专利导航服务", "2025年9月底前", "区科技局", (), (),
         [(0, None, "in_progress", 40, "确定导航项目2个"),
          (1, None, "done", 100, "已完成导航报告")]),
    ]),
    ("二、加强知识产权保护", None, None, (), (), [
        ("（一）开展专项执法行动", "长期坚持", "区市场监管局", ("各街道办事处",), (),
         [(2, None, "in_progress", None, "查处侵权案件6起")]),
        ("（二）报送年度知识产权保护工作总结", "每年2月底前", "区市场监管局", (), (),
         [(0, None, "done", 100, "已报送2024年度总结")]),
        ("（三）建设知识产权纠纷调解组织", "2025年12月底前", "区商务局", ("区市场监管局",),
         [{"metric": "纠纷调解组织", "value": 3, "unit": "家", "qualifier": "不少于"}],
         [(2, None, "in_progress", 30, "已建成调解组织1家")]),
    ]),
    ("三、促进知识产权转化运用", None, None, (), (), [
        ("（一）落实知识产权质押融资贴息", "2025年10月底前", "区财政局", ("区市场监管局",),
         [{"metric": "质押融资金额", "value": 5, "unit": "亿元", "qualifier": "达到"}],
         [(1, None, "not_started", 0, "")]),
        ("（二）推进知识产权进校园", "每季度", "区教体局", (), (),
         [(1, None, "in_progress", None, "开展讲座2场")]),
        ("（三）培育知识产权示范企业", "2025年11月底前", "区科技局", ("区商务局",),
         [{"metric": "知识产权示范企业", "value": 10, "unit": "家", "qualifier": "新增"}],
         [(2, None, "in_progress", 60, "已新增示范企业7家")]),
        ("（四）组织街道知识产权宣传周活动", "2025年4月底前", "各街道办事处", (), (), []),
    ]),
]


def build_sample(ws, with_reports: bool = True) -> str:
    """Add the sample plan to ``ws`` (one undo step); returns its uuid."""
    with ws.operation(msg("store.op.sample_plan")):
        plan = ws.add_plan(SAMPLE_TITLE, kind="work_plan", year=2025,
                           issuer="××区人民政府办公室", doc_number="×政办字〔2025〕3号")
        for name in DEPARTMENTS:
            if not ws.find_department(name):
                ws.add_department(name)
        for name, start, end in ROUNDS:
            ws.add_round(plan.uuid, name, start, end)
        for title, _, _, _, _, children in _TASKS:
            head = ws.add_task(plan.uuid, title.split("、", 1)[1])
            for c_title, deadline, lead, support, targets, reports in children:
                t = ws.add_task(plan.uuid, c_title.split("）", 1)[1], parent=head.uuid,
                                deadline=deadline)
                ws.set_roles(t.uuid, {"lead": [lead], "support": list(support)})
                for g in targets:
                    ws.add_target(t.uuid, g)
                if with_reports:
                    for i, dep, status, percent, text in reports:
                        ws.record_progress(t.uuid, ROUNDS[i][0], dep or lead, status, percent, text)
    return plan.uuid


def build_large(ws, n_tasks: int = 10000, seed: int = 7) -> str:
    """A generated plan of about ``n_tasks`` tasks (3 levels) with a quarter of reports each."""
    rng = random.Random(seed)
    deps = [f"区第{i}局" for i in range(1, 41)] + ["各街道办事处"]
    deadlines = ["2025年3月底前", "2025年6月底前", "2025年9月底前", "2025年底前", "长期坚持",
                 "每年2月底前", "2025年11月底前", "2026年6月底前", ""]
    statuses = ["not_started", "in_progress", "in_progress", "done"]
    with ws.operation(msg("store.op.large_plan")):
        plan = ws.add_plan("大规模测试计划", year=2025)
        dep_ids = [ws.find_department(d) or ws.add_department(d).id for d in deps]
        round_ids = [ws.add_round(plan.uuid, name, s, e).id for name, s, e in ROUNDS]
        c = ws.conn
        new = ws.new_uuid
        n = 0
        top = 0
        while n < n_tasks:
            cur = c.execute("INSERT INTO tasks(uuid, plan_id, parent_id, position, title) "
                            "VALUES (?,?,?,?,?)", (new(), plan.id, None, top, f"第{top + 1}部分"))
            top += 1
            n += 1
            h = cur.lastrowid
            for j in range(10):
                cur = c.execute("INSERT INTO tasks(uuid, plan_id, parent_id, position, title) "
                                "VALUES (?,?,?,?,?)", (new(), plan.id, h, j, f"重点任务{j + 1}"))
                n += 1
                m = cur.lastrowid
                for k in range(8):
                    d = parse_deadline(rng.choice(deadlines), 2025)
                    cur = c.execute(
                        "INSERT INTO tasks(uuid, plan_id, parent_id, position, title, deadline_text, "
                        "deadline_date, deadline_kind) VALUES (?,?,?,?,?,?,?,?)",
                        (new(), plan.id, m, k, f"具体措施{k + 1}：推进有关工作", d.text, d.date, d.kind))
                    n += 1
                    tid = cur.lastrowid
                    lead, sup = rng.sample(dep_ids, 2)
                    c.execute("INSERT INTO assignments(task_id, department_id, role, position) "
                              "VALUES (?,?,?,0)", (tid, lead, "lead"))
                    c.execute("INSERT INTO assignments(task_id, department_id, role, position) "
                              "VALUES (?,?,?,1)", (tid, sup, "support"))
                    if rng.random() < 0.15:
                        c.execute("INSERT INTO targets(task_id, metric, value, unit) VALUES (?,?,?,?)",
                                  (tid, f"指标{tid}", rng.randint(5, 50), "件"))
                    for r in round_ids:
                        if rng.random() < 0.8:
                            st = rng.choice(statuses)
                            pct = {"done": 100, "not_started": 0}.get(st, rng.randint(10, 95))
                            c.execute("INSERT INTO progress(task_id, department_id, round_id, status, "
                                      "percent, text) VALUES (?,?,?,?,?,?)",
                                      (tid, lead, r, st, pct, f"已完成{rng.randint(1, 40)}件"))
    return plan.uuid
