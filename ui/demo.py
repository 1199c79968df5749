"""The demo workspace for ``--demo`` and the "open the demo" button.

The lead's ``reports.demo.build_demo`` (a bundled sample plan, imported) is used when it is
installed; otherwise a small plan is built here through the store's own API, so the demo
always works. Either way it is a fresh file in a temporary folder.
"""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from models.messages import msg
from models.workspace import Workspace

from . import features

log = logging.getLogger(__name__)

DEMO_NAME = "演示工作区.plandesk"

# (title, deadline, {role: [departments]}, [children]) — after 槐荫区建设国家知识产权强县
# 示范区工作方案（2022—2025年）,济槐政字〔2022〕16号.
_TASKS = [
    ("指导思想", "", {}, []),
    ("工作目标", "2025年底前", {}, [
        ("知识产权高质量供给机制更加健全", "2025年底前", {"lead": ["区市场监管局"], "support": ["区科技局"]}, []),
        ("知识产权高效益运用体系更加完善", "2025年底前", {"lead": ["区市场监管局"], "support": ["区金融服务中心"]}, []),
    ]),
    ("重点任务", "", {}, [
        ("建设中国地理标志产业大厦", "2023年底前",
         {"lead": ["区市场监管局"], "support": ["区发展改革委", "区商务局", "西市场街道办事处"]}, [
             ("完成大厦招商运营方案", "2022年12月底前", {"lead": ["区商务局"]}, []),
             ("引进知识产权服务机构入驻", "2023年6月底前", {"lead": ["区市场监管局"], "support": ["区商务局"]}, []),
         ]),
        ("实施专利导航项目", "2023年底前", {"lead": ["区科技局"], "support": ["区市场监管局", "区工业和信息化局"]}, []),
        ("推进知识产权质押融资", "每年12月底前", {"lead": ["区金融服务中心"], "support": ["区市场监管局"]}, []),
        ("加强知识产权行政保护", "长期坚持", {"lead": ["区市场监管局"], "support": ["区公安分局", "区文化和旅游局"]}, []),
        ("建立知识产权纠纷人民调解委员会", "2022年12月底前", {"responsible": ["区司法局"]}, []),
        ("开展知识产权进企业活动", "长期坚持", {"responsible": ["各街道办事处"]}, []),
        ("培育知识产权服务机构", "2025年底前", {"support": ["区人力资源社会保障局"]}, []),
    ]),
    ("保障措施", "", {}, [
        ("加强组织领导", "", {"lead": ["区市场监管局"]}, []),
        ("强化资金保障", "每年", {"lead": ["区财政局"]}, []),
    ]),
]
_ALIASES = {"区发展改革委": ["区发改委", "发改委"], "区市场监管局": ["区市场监督管理局", "市场监管局"],
            "区人力资源社会保障局": ["区人社局"], "区工业和信息化局": ["区工信局"]}


def make_demo_workspace(folder: Path | None = None) -> Path:
    """Create a fresh demo workspace; returns its path."""
    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="plandesk-demo-"))
    path = folder / DEMO_NAME
    build = features.get("demo")
    if build is not None:
        try:
            return Path(build(path))
        except Exception:   # the bundled demo failing must not leave the clerk with nothing
            log.exception("reports.demo.build_demo failed; building the small demo instead")
            for p in folder.glob(DEMO_NAME + "*"):
                p.unlink()
    with Workspace.create(path) as ws:
        build_small_demo(ws)
    return path


def build_small_demo(ws) -> str:
    """A small plan with departments, aliases, deadlines, a target and a progress round."""
    with ws.operation(msg("store.op.create_demo")):
        for name, aliases in _ALIASES.items():
            ws.add_department(name, aliases=aliases)
        plan = ws.add_plan("槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）",
                           kind="work_plan", issuer="济南市槐荫区人民政府",
                           doc_number="济槐政字〔2022〕16号", year=2022)

        def add(items, parent=None):
            for title, deadline, roles, children in items:
                t = ws.add_task(plan.uuid, title, parent=parent, deadline=deadline)
                if roles:
                    ws.set_roles(t.uuid, roles)
                add(children, t.uuid)

        add(_TASKS)
        goal = ws.children(plan.uuid, ws.children(plan.uuid)[1].uuid)[0]
        ws.set_targets(goal.uuid, [
            {"metric": "每万人口高价值发明专利拥有量", "value": 14, "unit": "件", "qualifier": "达到"},
            {"metric": "有效注册商标量", "value": 80000, "unit": "件", "qualifier": "突破"}])
        ws.edit_department("区人力资源社会保障局", is_new=True)
        rnd = ws.add_round(plan.uuid, "2022年第四季度")
        tasks = {t.title: t for t in ws.tasks(plan.uuid)}
        for title, dep, status, percent, text in (
                ("完成大厦招商运营方案", "区商务局", "done", 100, "运营方案已经区政府常务会议审议通过。"),
                ("实施专利导航项目", "区科技局", "in_progress", 40, "已确定生物医药产业导航方向，正在遴选服务机构。"),
                ("推进知识产权质押融资", "区金融服务中心", "in_progress", 60, "全年完成质押融资0.8亿元。"),
                ("建立知识产权纠纷人民调解委员会", "区司法局", "not_started", 0, "")):
            ws.record_progress(tasks[title].uuid, rnd.uuid, dep, status=status, percent=percent,
                               text=text)
        for title, status in (("完成大厦招商运营方案", "done"), ("实施专利导航项目", "in_progress"),
                              ("推进知识产权质押融资", "in_progress")):
            ws.edit_task(tasks[title].uuid, status=status)
    return plan.uuid
