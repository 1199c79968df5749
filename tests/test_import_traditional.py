"""Plans in traditional characters (繁體): read as well as simplified ones, stored as written.

The documents are made up in the forms of plans printed in traditional characters (a
mainland plan republished in 繁體, a Taiwan or Macau action plan with 主辦/協辦 機關): the
same headings, annotations, labelled fields, tables and deadlines as a simplified plan.
"""
from __future__ import annotations

import re

import docx
import openpyxl

from models.deadline import parse_deadline
from models.hanzi_fold import SIMPLIFIED, TRADITIONAL, VARIANTS, fold, has_traditional
from models.similar import plain
from reports.importer import parse_file, parse_text
from reports.importer.table_cells import header_kinds
from reports.template.fields import field_of
from reports.template.lines import line_kind
from reports.xlsx import read_foreign_workbook

from test_import_docx import flat, outline

PLAN = """關於印發某市優化營商環境三年行動計劃的通知
各區縣人民政府，市政府各部門：
現將《某市優化營商環境三年行動計劃》印發給你們，請認真貫徹執行。

某市優化營商環境三年行動計劃
一、總體要求
以高質量發展為主線，持續優化營商環境。
二、重點任務
（一）深化審批制度改革。推行事項清單管理，壓減辦理時限50%以上。（市發展改革委牽頭，市財政局、市商務局配合）
（二）加強數據共享。建設一體化政務服務平臺。
責任單位：市政務服務數據管理局、各區縣人民政府
完成時限：2025年12月底前
（三）提升監管效能。（市場監管局負責，2026年6月底前完成）
三、保障措施
（一）加強組織領導。各責任單位要建立工作專班。（牽頭單位：市發展改革委；配合單位：市審計局）
"""

# the same forms, other words: 主辦/協辦 as in a Taiwan plan, 實施單位： and 辦理期限：
SECOND = """某縣推動長期照顧服務實施方案
一、計畫目標
二、執行策略
1.擴大社區照顧據點。每年新增據點10處。（縣衛生局主辦，縣社會處協辦）
2.培訓照顧服務人員。
實施單位：縣勞工處
辦理期限：2026年底前
"""


def roles(task):
    return {k: v for k, v in task["roles"].items() if v}


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def folded(value):
    """Every string of a plan folded: a traditional plan's reading, in simplified form."""
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, dict):
        return {k: folded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [folded(v) for v in value]
    return value


def test_the_table_folds_one_character_to_one():
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))
    assert not set(TRADITIONAL) & set(VARIANTS)
    assert not set(TRADITIONAL + VARIANTS) & set(SIMPLIFIED)   # folding twice changes nothing
    assert "著" not in TRADITIONAL                   # written in simplified text too (显著)
    text = "（市發展改革委牽頭，市財政局、市商務局配合）責任單位：完成時限：2025年12月底前"
    assert fold(text) == "（市发展改革委牵头，市财政局、市商务局配合）责任单位：完成时限：2025年12月底前"
    assert len(fold(text)) == len(text)
    # Hong Kong, Macau and Taiwan print some characters at other code points
    assert fold("列第一位者爲牽頭單位，衞生健康局啓動") == "列第一位者为牵头单位，卫生健康局启动"
    for word in ("廳", "辦", "處", "會", "區", "縣", "總體要求", "重點任務", "協辦", "頭髮"):
        assert not has_traditional(fold(word)), word


def test_a_traditional_plan_is_read_as_its_simplified_form_and_stored_as_written():
    plan = parse_text(PLAN, "plan.txt")
    assert outline(plan) == [
        (1, "一、", "總體要求"), (1, "二、", "重點任務"),
        (2, "（一）", "深化審批制度改革"), (2, "（二）", "加強數據共享"), (2, "（三）", "提升監管效能"),
        (1, "三、", "保障措施"), (2, "（一）", "加強組織領導")]
    tasks = list(flat(plan["tasks"]))
    assert plan["title"] == "某市優化營商環境三年行動計劃"
    assert plan["kind"] == "action_plan"
    assert roles(tasks[2]) == {"lead": ["市發展改革委"], "support": ["市財政局", "市商務局"]}
    assert tasks[2]["text"] == "推行事項清單管理，壓減辦理時限50%以上。"
    assert tasks[2]["targets"][0]["value"] == 50
    assert tasks[2]["targets"][0]["text"] == "壓減辦理時限50%以上"
    assert roles(tasks[3]) == {"responsible": ["市政務服務數據管理局", "各區縣人民政府"]}
    assert tasks[3]["deadline"] == {"text": "2025年12月底前"}
    assert roles(tasks[4]) == {"responsible": ["市場監管局"]}
    assert tasks[4]["deadline"] == {"text": "2026年6月底前"}
    assert roles(tasks[6]) == {"lead": ["市發展改革委"], "support": ["市審計局"]}
    # parsed exactly as the simplified text is
    assert folded(plan) == folded(parse_text(fold(PLAN), "plan.txt"))
    # nothing the clerk reads was turned into simplified characters
    simplified_only = set(fold(PLAN)) - set(PLAN)
    for text in strings(plan):
        assert not simplified_only & set(text), text
    lines = dict(plan["source_text"])
    assert lines[tasks[2]["source"]["line"]].startswith("（一）深化審批制度改革")


def test_a_second_traditional_plan_of_the_same_forms():
    plan = parse_text(SECOND, "second.txt")
    tasks = list(flat(plan["tasks"]))
    assert [(t["level"], t["title"]) for t in tasks] == [
        (1, "計畫目標"), (1, "執行策略"), (2, "擴大社區照顧據點"), (2, "培訓照顧服務人員")]
    assert roles(tasks[2]) == {"lead": ["縣衛生局"], "support": ["縣社會處"]}
    assert tasks[2]["text"] == "每年新增據點10處。"
    assert roles(tasks[3]) == {"responsible": ["縣勞工處"]}
    assert tasks[3]["deadline"] == {"text": "2026年底前"}
    assert folded(plan) == folded(parse_text(fold(SECOND), "second.txt"))


def test_a_mixed_plan_keeps_each_line_in_its_own_characters():
    """A simplified plan with a traditional passage pasted in, and the other way round."""
    text = ("某区2025年工作要点\n"
            "一、发展经济\n"
            "1.推进项目建设。完成投资10亿元。（区发展改革局牵头，区财政局配合）\n"
            "2.優化營商環境。（區發展改革局牽頭，區市場監管局配合）\n"
            "二、改善民生\n"
            "3.新增就业岗位1000个。责任单位：区人力资源社会保障局\n")
    plan = parse_text(text, "mixed.txt")
    tasks = list(flat(plan["tasks"]))
    assert [t["title"] for t in tasks] == ["发展经济", "推进项目建设", "優化營商環境", "改善民生",
                                           "新增就业岗位1000个"]
    assert roles(tasks[1]) == {"lead": ["区发展改革局"], "support": ["区财政局"]}
    assert roles(tasks[2]) == {"lead": ["區發展改革局"], "support": ["區市場監管局"]}
    assert roles(tasks[4]) == {"responsible": ["区人力资源社会保障局"]}
    assert tasks[1]["text"] == "完成投资10亿元。"


def division_docx(path):
    """A traditional plan with its 分工表 attached as a Word table."""
    document = docx.Document()
    for text in ("某區數字經濟發展行動方案", "一、總體要求", "堅持創新驅動。", "二、重點任務",
                 "附件", "某區數字經濟發展重點任務分工表"):
        document.add_paragraph(text)
    rows = [("序號", "重點任務", "牽頭單位", "配合單位", "完成時限"),
            ("1", "建設數據中心，新增機架500個", "區經濟和信息化局", "區發展改革局、區財政局", "2025年底前"),
            ("2", "培育數字產業集群", "區科技局", "各街道辦事處", "長期堅持"),
            ("3", "推進政務服務一網通辦", "區政務服務中心", "", "2026年6月")]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(path)
    return path


def test_a_traditional_docx_division_table_reads_its_columns(tmp_path):
    plan = parse_file(division_docx(tmp_path / "方案.docx"))
    rows = {t["title"]: t for t in flat(plan["tasks"]) if t["title"].startswith(("建設", "培育", "推進"))}
    assert set(rows) == {"建設數據中心，新增機架500個", "培育數字產業集群", "推進政務服務一網通辦"}
    first = rows["建設數據中心，新增機架500個"]
    assert roles(first) == {"lead": ["區經濟和信息化局"], "support": ["區發展改革局", "區財政局"]}
    assert first["deadline"] == {"text": "2025年底前"}
    assert roles(rows["培育數字產業集群"]) == {"lead": ["區科技局"], "support": ["各街道辦事處"]}
    assert rows["推進政務服務一網通辦"]["deadline"] == {"text": "2026年6月"}
    assert plan["title"] == "某區數字經濟發展行動方案"


def test_traditional_headers_map_like_simplified_ones():
    assert header_kinds(["序號", "重點任務", "牽頭單位", "配合單位", "完成時限"]) == \
        header_kinds(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]) == \
        ["number", "task", "lead", "support", "deadline"]
    assert header_kinds(["工作任務", "責任單位", "時間節點"]) == header_kinds(["工作任务", "责任单位", "时间节点"])
    for trad, simp in (("牽頭單位", "牵头单位"), ("責任單位", "责任单位"), ("完成時限", "完成时限"),
                       ("配合單位", "配合单位"), ("重點任務", "重点任务")):
        assert field_of(trad) == field_of(simp) is not None, trad


def test_a_traditional_workbook_is_read_with_its_roles(tmp_path):
    wb = openpyxl.Workbook()
    s = wb.active
    s.append(["某縣鄉村振興重點任務分工表"])
    s.append(["序號", "重點任務", "牽頭單位", "配合單位", "完成時限"])
    s.append([1, "建設高標準農田2萬畝", "縣農業農村局", "縣財政局、縣水務局", "2025年12月底前"])
    s.append([2, "實施農村人居環境整治", "縣住房城鄉建設局", "各鄉鎮人民政府", "持續推進"])
    wb.save(tmp_path / "分工表.xlsx")
    plan = read_foreign_workbook(tmp_path / "分工表.xlsx")
    tasks = list(flat(plan["tasks"]))
    assert [t["title"] for t in tasks] == ["建設高標準農田2萬畝", "實施農村人居環境整治"]
    assert roles(tasks[0]) == {"lead": ["縣農業農村局"], "support": ["縣財政局", "縣水務局"]}
    assert tasks[0]["deadline"] == {"text": "2025年12月底前"}
    assert roles(tasks[1]) == {"lead": ["縣住房城鄉建設局"], "support": ["各鄉鎮人民政府"]}
    assert plan["title"] == "某縣鄉村振興重點任務分工表"


def test_a_unit_written_in_either_form_is_one_department(ws):
    """The task shows the unit as the document wrote it; the registry has it once."""
    simplified = parse_text("某市工作方案\n一、重点工作\n1.推进改革。（市发展改革委牵头）\n", "a.txt")
    traditional = parse_text("某市工作方案\n一、重點工作\n1.推進改革。（市發展改革委牽頭，市財政局配合）\n", "b.txt")
    ws.insert_plan_tree(simplified, backup=False)
    result = ws.insert_plan_tree(traditional, backup=False)
    assert result["new_departments"] == ["市財政局"]
    assert ws.find_department("市發展改革委") == ws.find_department("市发展改革委") is not None
    names = [d.name for d in ws.departments()]
    assert names.count("市发展改革委") == 1 and "市發展改革委" not in names
    assert plain("推進改革") == plain("推进改革")


def test_a_simplified_plan_is_left_alone():
    text = "某区工作方案\n一、重点工作\n1.推进改革。（区发展改革局牵头）\n"
    plan = parse_text(text, "s.txt")
    assert not any(re.search(f"[{TRADITIONAL}]", s) for s in strings(plan))
    assert list(flat(plan["tasks"]))[1]["roles"]["lead"] == ["区发展改革局"]


def test_deadlines_and_sheet_lines_in_traditional_characters():
    assert parse_deadline("長期堅持", 2025).kind == "ongoing"
    assert parse_deadline("持續推進", 2025).kind == "ongoing"
    got = parse_deadline("2026年6月底前", 2025)
    assert (got.text, got.date, got.kind) == ("2026年6月底前", "2026-06-30", "by")
    assert parse_deadline("每季度末", 2025).kind == "recurring"
    assert line_kind("填報單位（蓋章）：") == line_kind("填报单位（盖章）：") == "unit"
    assert line_kind("註：") == line_kind("注：")


def test_an_imported_traditional_plan_keeps_its_deadline_kinds(ws):
    plan = parse_text(PLAN, "plan.txt")
    ws.insert_plan_tree(plan, backup=False)
    stored = {t.title: t for p in ws.plans() for t in ws.tasks(p.uuid)}
    assert (stored["加強數據共享"].deadline_text, stored["加強數據共享"].deadline_date) == ("2025年12月底前", "2025-12-31")
    assert stored["加強組織領導"].deadline_kind == ""
    assert stored["深化審批制度改革"].text == "推行事項清單管理，壓減辦理時限50%以上。"


def test_offices_named_by_a_head_of_jiguan_are_units():
    """主辦機關：/協辦機關： (Taiwan's plans) label units as 主办单位：/协办单位： do, in text
    and as column headers; the simplified 机关 too."""
    text = ("某部推動數位轉型行動計畫\n一、推動策略\n"
            "（一）建置資料共享平臺。（主辦機關：數位發展部；協辦機關：國家發展委員會、經濟部）\n"
            "（二）培育數位人才。\n主辦機關：教育部\n協辦機關：勞動部\n預定完成時間：2026年底前\n")
    tasks = list(flat(parse_text(text, "tw.txt")["tasks"]))
    assert roles(tasks[1]) == {"lead": ["數位發展部"], "support": ["國家發展委員會", "經濟部"]}
    assert roles(tasks[2]) == {"lead": ["教育部"], "support": ["勞動部"]}
    assert tasks[2]["deadline"] == {"text": "2026年底前"}
    simplified = parse_text("某县工作方案\n一、重点工作\n1.整治河道。（主办机关：县水利局；协办机关：县财政局）\n", "s.txt")
    assert roles(list(flat(simplified["tasks"]))[1]) == {"lead": ["县水利局"], "support": ["县财政局"]}
    assert header_kinds(["工作項目", "主辦機關", "協辦機關", "預定完成時間"]) == \
        header_kinds(["工作项目", "主办单位", "协办单位", "完成时间"]) == ["task", "lead", "support", "deadline"]


def test_cheque_numerals_number_the_top_level():
    """壹、 貳、 參、 (Taiwan's plans, and formal mainland ones in 壹 贰 叁) above 一、 and （一）."""
    text = ("某縣長期照顧十年計畫\n壹、計畫緣起\n因應人口高齡化，推動長期照顧服務。\n貳、計畫目標\n"
            "一、擴大服務量能\n（一）增設社區照顧據點30處。（主辦機關：縣衛生局；協辦機關：縣社會處）\n"
            "（二）培訓照顧服務員。\n參、執行策略\n一、強化人力資源\n（一）提高照顧服務員薪資。（縣勞工處負責）\n")
    plan = parse_text(text, "tw.txt")
    assert outline(plan) == [
        (1, "壹、", "計畫緣起"), (1, "貳、", "計畫目標"), (2, "一、", "擴大服務量能"),
        (3, "（一）", "增設社區照顧據點30處"), (3, "（二）", "培訓照顧服務員"), (1, "參、", "執行策略"),
        (2, "一、", "強化人力資源"), (3, "（一）", "提高照顧服務員薪資")]
    assert plan["tasks"][0]["text"] == "因應人口高齡化，推動長期照顧服務。"
    simplified = parse_text("某区工作方案\n壹、总体要求\n贰、重点任务\n一、推进改革\n拾壹、附则\n", "s.txt")
    assert outline(simplified) == [(1, "壹、", "总体要求"), (1, "贰、", "重点任务"), (2, "一、", "推进改革"),
                                   (1, "拾壹、", "附则")]
