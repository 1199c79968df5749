"""The Word 分工表 prints the leaders (责任领导), the issuing office's divisions (牵头处室,
配合处室…) and the scope (适用范围, as a remark) a task names, in columns of their own
that appear only when some task names one; read back from the .docx XML."""
from __future__ import annotations

import pytest

from models.dump import plan_dict
from models.workspace import Workspace
from reports.docx import check_docx, render_notice, units
from reports.docx.samples import sample_notice, sample_plan, shandong_plan
from reports.docx.table import columns_for, name_column_width
from reports.docx.xml import W, qn, text_of
from reports.importer import parse_text
from reports.importer.table import parse_table_rows
from tests.test_docx_check import tamper
from tests.test_docx_structure import Docx

# A county plan naming leaders and a scope in its annotations …
COUNTY = ("某县物流枢纽建设实施方案\n一、重点任务\n"
          "（一）建设物流园区。新建冷链仓储10万平方米，引进物流企业5家。（责任领导：杜新国；"
          "牵头单位：县发改局；配合单位：县商务局；2025年底前）\n"
          "（二）优化通关服务。推行“提前申报”通关模式，压缩整体通关时间。（负责部门：县商务局、"
          "县税务局，适用范围：综合保税区）\n"
          "二、保障措施\n（一）加强组织领导。成立工作专班，定期调度。（牵头单位：县发改局；2025年6月底前）\n")
# … and a made-up district plan of the same form (包抓领导, another scope).
DISTRICT = ("某区老旧小区改造工作方案\n一、主要任务\n"
            "（一）完成老旧小区改造。完成改造30个，惠及居民5000户。（包抓领导：王明副区长；"
            "牵头单位：区住建局；配合单位：区财政局、各街道办事处；2026年底前）\n"
            "（二）完善社区养老设施。新建社区养老服务站12个。（责任单位：区民政局，适用范围："
            "城区各街道；2026年6月底前）\n")
# A commission's 分工表 with its own divisions in 处室 columns, and a county bureau's of the
# same form with 股室.
COMMISSION = [
    ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "局内牵头处室", "局内配合处室", "完成时限"],
    ["1", "推进分级诊疗", "扩大家庭医生签约服务覆盖面，重点人群签约率达到75%以上。", "市卫健委",
     "市医保局", "医政医管处", "基层卫生处、规划处", "2025年底前"],
    ["2", "加强公共卫生", "完善疾病预防控制体系，建成市级公共卫生应急指挥中心。", "市卫健委",
     "市发改委、市财政局", "疾控处", "应急办", "2026年底前"]]
BUREAU = [
    ["序号", "重点任务", "具体内容", "牵头单位", "局内牵头股室", "局内配合股室", "完成时限"],
    ["1", "改善办学条件", "新建改扩建中小学校舍2万平方米，更新课桌椅3000套。", "县教育局", "计财股",
     "基教股、安全股", "2025年9月底前"],
    ["2", "加强教师队伍建设", "公开招聘中小学教师120名，开展全员培训。", "县教育局", "人事股", "",
     "2025年12月底前"]]


def stored(plan: dict) -> tuple[Workspace, dict]:
    ws = Workspace.memory()
    ws.insert_plan_tree(plan, backup=False)
    return ws, plan_dict(ws, ws.plans()[-1].uuid)


def table_of(path) -> tuple[Docx, list[list[str]], object]:
    doc = Docx(path)
    tbl = next(e for e in doc.sections[1][0] if e.tag == qn("w:tbl"))
    rows = [[text_of(tc).strip() for tc in tr.findall(qn("w:tc"))] for tr in tbl.findall(qn("w:tr"))]
    return doc, rows, tbl


def render(plan: dict, path) -> tuple[Docx, list[list[str]], object]:
    render_notice(plan, sample_notice(), path, {"paginate": False})
    return table_of(path)


def row_of(rows, start: str) -> dict:
    """The cells of the row whose 重点任务 starts with `start`, by header."""
    return dict(zip(rows[0], next(r for r in rows[1:] if len(r) > 1 and r[1].startswith(start))))


def assert_fits(doc: Docx, tbl) -> None:
    """225 mm in all (the landscape type area), 具体内容 the widest column."""
    grid = [int(g.get(W + "w")) for g in tbl.iter(qn("w:gridCol"))]
    assert sum(grid) == units.TYPE_H == int(tbl.find(f"{W}tblPr/{W}tblW").get(W + "w"))
    header = [text_of(tc).strip() for tc in tbl.find(qn("w:tr")).findall(qn("w:tc"))]
    content = grid[header.index("具体内容")]
    assert all(w < content for h, w in zip(header, grid) if h != "具体内容")
    for tr in tbl.findall(qn("w:tr")):       # every cell as wide as its grid column
        widths = [int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) for tc in tr.findall(qn("w:tc"))]
        assert widths == grid or len(widths) == 1


def fonts_of(doc: Docx, tc) -> set:
    return {(rp.east_asia, rp.sz) for p in tc.iter(qn("w:p")) for r in p.iter(qn("w:r"))
            for rp in [doc.res.rpr(r, p)]}


@pytest.mark.parametrize("text,leader,scope_task,scope", [
    (COUNTY, ("建设物流园区", "杜新国"), "优化通关服务", "综合保税区"),
    (DISTRICT, ("完成老旧小区改造", "王明副区长"), "完善社区养老设施", "城区各街道")])
def test_leaders_and_scope_get_a_column_and_a_remark(tmp_path, text, leader, scope_task, scope):
    _, plan = stored(parse_text(text, "方案.txt"))
    doc, rows, tbl = render(plan, tmp_path / "n.docx")
    assert rows[0] == ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "责任单位", "责任领导",
                       "完成时限", "备注"]
    assert row_of(rows, leader[0])["责任领导"] == leader[1]
    assert row_of(rows, leader[0])["备注"] == ""
    assert row_of(rows, scope_task)["备注"] == f"适用范围：{scope}"
    assert row_of(rows, scope_task)["责任领导"] == ""
    assert_fits(doc, tbl)
    # fonts as the other columns: 黑体 4号 header, the body face 4号 in the cells
    head = tbl.find(qn("w:tr")).findall(qn("w:tc"))
    assert fonts_of(doc, head[6]) == fonts_of(doc, head[3]) == {("黑体", units.SZ_SMALL)}
    body = next(tr for tr in tbl.findall(qn("w:tr")) if leader[1] in text_of(tr)).findall(qn("w:tc"))
    assert fonts_of(doc, body[6]) == fonts_of(doc, body[3])
    assert {sz for _face, sz in fonts_of(doc, body[6])} == {units.SZ_SMALL}
    assert {style.get(W + "val") for style in body[6].iter(qn("w:pStyle"))} == {"GwTableText"}


@pytest.mark.parametrize("rows_in,task,lead,support,noun", [
    (COMMISSION, "推进分级诊疗", "医政医管处", "基层卫生处、规划处", "处室"),
    (BUREAU, "改善办学条件", "计财股", "基教股、安全股", "股室")])
def test_divisions_get_a_column_per_role(tmp_path, rows_in, task, lead, support, noun):
    """Headed 牵头处室, 配合处室 — or 牵头股室 when the document calls its divisions 股室."""
    _, plan = stored(parse_table_rows(rows_in, "分工表.xlsx"))
    doc, rows, tbl = render(plan, tmp_path / "n.docx")
    assert f"牵头{noun}" in rows[0] and f"配合{noun}" in rows[0]
    assert "责任领导" not in rows[0] and "备注" not in rows[0]
    row = row_of(rows, task)
    assert row[f"牵头{noun}"] == lead and row[f"配合{noun}"] == support
    assert lead not in row["牵头单位"] + row.get("配合单位", "")   # never a department
    assert_fits(doc, tbl)


def test_a_division_named_by_one_role_only_heads_its_column(tmp_path):
    ws, plan = stored(parse_text(COUNTY, "方案.txt"))
    uuid = next(t["uuid"] for t in plan["tasks"][1]["children"])
    ws.set_mentions(uuid, divisions={"responsible": ["办公室"]})
    _, rows, _ = render(plan_dict(ws, ws.plans()[-1].uuid), tmp_path / "n.docx")
    assert "责任处室" in rows[0] and "牵头处室" not in rows[0]
    assert row_of(rows, "加强组织领导")["责任处室"] == "办公室"


def test_a_leader_on_a_heading_applies_to_the_rows_under_it(tmp_path):
    plan = parse_text("某区重点工作责任分解\n一、李红副区长牵头重点工作\n"
                      "（一）新建社区养老服务站。年内新建12个。（牵头单位：区民政局）\n"
                      "（二）完善助餐服务。建成老年食堂8处。（牵头单位：区民政局；配合单位：区商务局）\n",
                      "分解.txt")
    _, plan = stored(plan)
    _, rows, _ = render(plan, tmp_path / "n.docx")
    assert row_of(rows, "新建社区养老")["责任领导"] == "李红副区长"
    assert row_of(rows, "完善助餐服务")["责任领导"] == "李红副区长"


# The widths the tables of plans that name no leader, division or scope had before these
# columns existed (twips): such a plan prints the table it always did.
ORDINARY = {
    "sample": [("序号", 793), ("重点任务", 3203), ("具体内容", 6096), ("责任单位", 2664)],
    "shandong": [("序号", 793), ("重点任务", 1824), ("具体内容", 3818), ("牵头单位", 1751),
                 ("配合单位", 1546), ("责任单位", 1546), ("完成时限", 1478)],
}


@pytest.mark.parametrize("name,plan", [("sample", sample_plan), ("shandong", shandong_plan)])
def test_an_ordinary_plan_prints_the_table_it_always_did(name, plan):
    assert [(c.label, c.width) for c in columns_for(plan())] == ORDINARY[name]


def test_a_crowded_table_keeps_headers_on_whole_lines_and_the_text_widest():
    """Every kind named at once: name columns either hold their header on one line or go
    narrow enough to break it 2 + 2 (牵头/处室), never 3 + 1; the text stays readable."""
    _, plan = stored(parse_text(COUNTY, "方案.txt"))
    first = plan["tasks"][0]["children"][0]
    first["divisions"] = {"lead": ["规划科"], "support": ["财务科"], "responsible": [], "guide": []}
    cols = columns_for(plan)
    assert sum(c.width for c in cols) == units.TYPE_H
    content = next(c for c in cols if c.key == "content")
    assert all(c.width < content.width for c in cols if c is not content)
    assert content.width >= 10 * units.CHAR_4
    for c in cols:
        if len(c.label) == 4 and c.key not in ("seq", "content", "task"):
            one_line = c.width >= name_column_width(4, c.label)
            two_by_two = 2 * units.CHAR_4 <= c.width - 2 * 57 < 3 * units.CHAR_4
            assert one_line or two_by_two, (c.label, c.width)


def test_check_docx_finds_a_table_wider_than_the_type_area(tmp_path):
    _, plan = stored(parse_text(COUNTY, "方案.txt"))
    render(plan, tmp_path / "n.docx")
    assert check_docx(tmp_path / "n.docx") == []
    # a clerk widened the 具体内容 column by 30 mm in Word
    doc, _, tbl = table_of(tmp_path / "n.docx")
    grid = [int(g.get(W + "w")) for g in tbl.iter(qn("w:gridCol"))]
    content = grid[2]
    wide = tamper(tmp_path / "n.docx", tmp_path / "wide.docx", "word/document.xml",
                  f'<w:gridCol w:w="{content}"/>', f'<w:gridCol w:w="{content + units.mm(30)}"/>')
    assert check_docx(wide) == ["表格宽 255 毫米，超出版心宽度（225 毫米），请减少栏目或调窄各栏。"]


@pytest.mark.parametrize("source", [
    lambda: parse_table_rows(COMMISSION, "分工表.xlsx"), lambda: parse_table_rows(BUREAU, "分工表.xlsx"),
    lambda: parse_text(COUNTY, "方案.txt"), lambda: parse_text(DISTRICT, "方案.txt")])
def test_the_word_table_reads_back_as_it_was(tmp_path, source):
    """The headers are the words an office's own tables use: the standalone Word 分工表,
    imported again, gives every task its leaders, scope and 处室 back."""
    from reports.docx import render_division_table_docx
    from reports.importer import parse_file

    _, plan = stored(source())
    render_division_table_docx(plan, tmp_path / "表.docx")
    _, back = stored(parse_file(tmp_path / "表.docx"))

    def named(p):
        def flat(tasks):
            for t in tasks:
                yield t
                yield from flat(t["children"])
        return {t["title"]: (t["people"], t["scopes"], t["divisions"], t["roles"])
                for t in flat(p["tasks"]) if t["people"] or t["scopes"] or any(t["divisions"].values())}

    assert named(back) == named(plan) and named(plan)
