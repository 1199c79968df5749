"""Each task keeps the label it had in its document and where it came from.

A clerk who reads "第（二十）条" in the original must find （二十） in the tree and the print;
renumbering officially is a deliberate, undoable step.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from models.dump import dump
from models.numbering import display_label
from models.source_labels import has_source_labels, renumber
from reports.importer import parse_file, parse_text
from reports.importer.blocks import Para
from reports.importer.plan import assemble

# the real documents sit in ../shared/ beside the checkout (one level further up for a
# checkout kept in a folder of checkouts)
CORPUS = next((d / "shared" / "corpus" for d in Path(__file__).resolve().parents[2:4]
               if (d / "shared" / "corpus").is_dir()), Path("shared/corpus"))
RUN_ON = "2026年工作要点\n一、提升能力\n（一）稳定生产。\n（二）提质增效。\n二、帮扶\n（三）健全政策。\n7.落实补贴。\n8.加强监测。\n"


def flat(tasks):
    for t in tasks:
        yield t
        yield from flat(t["children"])


def test_run_on_numbers_are_kept_as_labels_and_printed_as_they_were(ws):
    plan = parse_text(RUN_ON, "要点.txt")
    assert [t["source_label"] for t in flat(plan["tasks"])] == ["一、", "（一）", "（二）", "二、", "（三）", "7.", "8."]
    ws.insert_plan_tree(plan, backup=False)
    tasks = list(flat(dump(ws)["plans"][0]["tasks"]))
    third = tasks[4]
    assert (third["number"], third["source_label"], display_label(third)) == ("（一）", "（三）", "（三）")
    assert [display_label(t) for t in tasks[-2:]] == ["7.", "8."]
    assert [t["number"] for t in tasks[-2:]] == ["1.", "2."]


def test_new_tasks_get_the_computed_number_and_renumber_is_one_undo_step(ws):
    p = ws.insert_plan_tree(parse_text(RUN_ON, "要点.txt"), backup=False)["plan"]
    section = ws.children(p.uuid)[1]
    added = ws.add_task(p.uuid, "新增任务", parent=section.uuid)
    shown = ws.numbers(p.uuid, displayed=True)
    assert shown[ws.children(p.uuid, section.uuid)[0].id] == "（三）"
    assert shown[added.id] == "（二）"  # no source label: the official number
    assert has_source_labels(ws, p.uuid)
    assert renumber(ws, p.uuid) == 7
    assert not has_source_labels(ws, p.uuid)
    assert ws.undo_label().startswith("重新编号")
    labels = [display_label(t) for t in flat(dump(ws)["plans"][0]["tasks"])]
    assert labels[:5] == ["一、", "（一）", "（二）", "二、", "（一）"]
    ws.undo()
    assert [display_label(t) for t in flat(dump(ws)["plans"][0]["tasks"])][4] == "（三）"
    assert renumber(ws, ws.plans()[0].uuid) == 7


def test_each_task_knows_its_line_and_the_preview_gets_the_source_text(ws):
    plan = parse_text(RUN_ON, "要点.txt")
    tasks = list(flat(plan["tasks"]))
    assert [t["source"]["line"] for t in tasks] == [2, 3, 4, 5, 6, 7, 8]
    assert [6, "（三）健全政策。"] in plan["source_text"]
    ws.insert_plan_tree(plan, backup=False)
    assert list(flat(dump(ws)["plans"][0]["tasks"]))[4]["source"] == {"line": 6}


def test_a_task_spanning_lines_and_a_page_break_of_a_paged_document():
    blocks = [Para(1, "某县2025年工作方案"), Para(2, "一、总体要求"), Para(3, "（一）加快建设。"),
              Para(4, "继续推进有关工作。（县发改局负责）"), Para(5, "二、保障措施")]
    plan = assemble(blocks, {"source_unit": "paragraph", "page_starts": [1, 4]}, "方案.pdf")
    first, child, second = list(flat(plan["tasks"]))
    assert child["source"] == {"line": 3, "paragraph": 3, "page": 1, "end": 4}
    assert second["source"] == {"line": 5, "paragraph": 5, "page": 2}
    assert child["roles"]["responsible"] == ["县发改局"]


@pytest.mark.skipif(not (CORPUS / "04_zhongyang_yihao_wenjian_2026.docx").exists(), reason="corpus absent")
def test_the_central_document_keeps_its_run_on_numbers(ws):
    plan = parse_file(CORPUS / "04_zhongyang_yihao_wenjian_2026.docx")
    assert plan["title"] == "2026年中央一号文件" and plan["warnings"] == []
    sections = plan["tasks"]
    assert [s["source_label"] for s in sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    fourth = sections[3]["children"]
    assert [c["source_label"] for c in fourth] == ["（十五）", "（十六）", "（十七）", "（十八）", "（十九）", "（二十）"]
    assert fourth[-1]["title"] == "建设平安法治乡村"
    assert fourth[-1]["source"]["paragraph"] == 27
    ws.insert_plan_tree(plan, backup=False)
    stored = dump(ws)["plans"][0]["tasks"][3]["children"][-1]
    assert (stored["number"], display_label(stored)) == ("（六）", "（二十）")


def test_a_title_ending_in_wen_jian_is_no_issuer_mark():
    plan = parse_text("2025年省委一号文件\n为推进乡村振兴，作出如下部署。\n一、稳定粮食生产\n（一）落实面积。\n"
                      "二、促进增收\n（二）发展产业。\n", "x.txt")
    assert plan["title"] == "2025年省委一号文件" and plan["issuer"] != "2025年省委一号"
    assert [t["source_label"] for t in plan["tasks"][1]["children"]] == ["（二）"]


def test_the_division_table_outputs_print_the_source_labels(ws, tmp_path):
    from models.dump import plan_dict
    from reports.docx import render_notice
    from reports.docx.samples import sample_notice
    from reports.xlsx.table_rows import table_rows
    import docx

    p = ws.insert_plan_tree(parse_text(RUN_ON + "（四）落实保障。（县财政局负责）\n", "要点.txt"),
                            backup=False)["plan"]
    plan = plan_dict(ws, p.uuid)
    numbers = [r.number for r in table_rows(plan)]
    assert "（三）" in numbers and "（四）" in numbers and "7." in numbers
    out = tmp_path / "通知.docx"
    render_notice(plan, {**sample_notice(), "attachments": []}, out, {"paginate": False})
    body = [para.text for para in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("（三）健全政策") for t in body)
    assert any(t.startswith("7.落实补贴") or t.startswith("7．落实补贴") for t in body)
