"""What a plan's attachments are: task lists, or papers the plan carries along.

A notice lists its attachments ("附件：1.广州市营商环境评价指标体系（2023年）" / "2.…分工表");
the document then holds them after the plan. Only task lists become tasks: a 分工表 that
divides the body's tasks gives them their roles (``sections.merge_division``), and an
attachment of tasks with departments is a section of its own. Indicator tables, item
catalogues (a 91-item machine list), forms and plain explanations are kept as the plan's
attachments, by title, kind and content, for the clerk to read and print — never as tasks.
"""

from __future__ import annotations

import re

_INDICATORS = re.compile(r"指标|目标值|评价体系|考核(?:细则|办法|内容)|监测表")
_FORM = re.compile(r"(?:申请|申报|登记|报名|回执|审批|备案|报送|统计|推荐|信息|汇总|调查)表|样表|表样|格式|模板|样式")
_CATALOGUE = re.compile(r"目录|名录|品目|名单|明细|一览表|范围|种类|机具|设备|产品|项目库|(?<!任务)(?<!责任)清单")
_TASKS = re.compile(r"任务|分工|措施|要点|方案|计划|责任|举措|工作安排|行动|工程|重点工作")
_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|txt)$", re.I)
# "附件：1.X" / "附件1：X" / "附件：X" and the numbered lines that follow it in a notice
_LIST_START = re.compile(r"^附\s*件\s*(?:\d{1,2})?\s*[:：]\s*(?:\d{1,2}\s*[.．、]\s*)?(?P<title>\S.{1,80})$")
_LIST_MORE = re.compile(r"^\d{1,2}\s*[.．、]\s*(?P<title>\S.{1,80})$")


def kind_of_attachment(title: str, tasks: list, has_table: bool) -> str | None:
    """None for a task list, else "indicators", "form", "catalogue" or "text"."""
    leaves = list(_flatten(tasks))
    share = sum(1 for t in leaves if any(t["roles"].values())) / len(leaves) if leaves else 0.0
    # what the title says it is, unless most of its items name departments
    for kind, pattern in (("indicators", _INDICATORS), ("form", _FORM), ("catalogue", _CATALOGUE)):
        if pattern.search(title) and not _TASKS.search(title):
            return kind if share < 0.5 else None
    if share >= 0.2 or _TASKS.search(title):
        return None
    return "catalogue" if has_table or len(leaves) >= 10 else "text"


def is_file_list(tasks: list) -> bool:
    """A web page's download list ("1.XX指标体系.pdf", "2.XX分工表.xlsx")."""
    leaves = list(_flatten(tasks))
    return bool(leaves) and all(_FILE.search(t["title"] + t["text"]) for t in leaves)


def take_attachment_list(head: dict) -> None:
    """Move the notice's 附件 list out of its body into ``head["attachments"]``."""
    lines = head["body"].split("\n") if head.get("body") else []
    keep, listed = [], list(head.get("attachments") or [])
    in_list = False
    for text in lines:
        m = _LIST_START.match(text)
        more = _LIST_MORE.match(text) if in_list else None
        if m or more:
            listed.append(_FILE.sub("", (m or more).group("title").strip()))
            in_list = True
            continue
        in_list = False
        keep.append(text)
    head["body"] = "\n".join(keep)
    head["attachments"] = listed


def record(label: str, title: str, kind: str, line: int, blocks: list) -> dict:
    """An attachment kept beside the plan: its label, title, kind and content as read."""
    text, rows = [], []
    for block in blocks:
        if hasattr(block, "rows"):
            rows.extend([str(c) for c in cells] for _, cells in block.rows)
        else:
            text.append(block.text)
    return {"label": label, "title": title, "kind": kind, "line": line,
            "text": "\n".join(text), "rows": rows}


def _flatten(tasks: list):
    for task in tasks:
        if not task["children"]:
            yield task
        yield from _flatten(task["children"])
