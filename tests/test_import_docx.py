"""Word documents: automatic numbering rebuilt from numbering.xml, tables in order, text
boxes and deleted revisions ignored, refusals for zips that are not .docx."""
from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from models.messages import PlanDeskError
from reports.importer import PlanImportError, parse_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'


def flat(tasks):
    for task in tasks:
        yield task
        yield from flat(task["children"])


def outline(plan):
    return [(t["level"], t["source_label"], t["title"]) for t in flat(plan["tasks"])]


def add_list(document, abstract_id: int, levels: list[tuple[str, str]], num_ids=(None,),
             restart: dict | None = None) -> None:
    """An abstractNum with (numFmt, lvlText) per level, and w:num entries pointing at it."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    first_num = numbering.find(f"{{{W}}}num")
    (first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract))
    for num_id in num_ids:
        num_id = num_id or abstract_id
        override = ""
        if restart and num_id in restart:
            override = (f'<w:lvlOverride w:ilvl="{restart[num_id][0]}">'
                        f'<w:startOverride w:val="{restart[num_id][1]}"/></w:lvlOverride>')
        numbering.append(parse_xml(
            f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'))


def numbered(document, text, level, num_id):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


OFFICIAL = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
            ("decimal", "（%4）"), ("decimalEnclosedCircle", "%5")]


def test_automatic_numbering_is_rebuilt(tmp_path):
    document = docx.Document()
    add_list(document, 41, OFFICIAL)
    document.add_paragraph("XX区知识产权工作方案")
    numbered(document, "总体要求", 0, 41)
    numbered(document, "重点任务", 0, 41)
    numbered(document, "提升创造质量。培育高价值专利。（区市场监管局牵头，区科技局配合）", 1, 41)
    numbered(document, "实施专利导航。", 2, 41)
    numbered(document, "开展品牌建设。", 2, 41)
    numbered(document, "建设商标品牌指导站。", 3, 41)
    numbered(document, "举办品牌推介会。", 4, 41)
    numbered(document, "加强保护。", 1, 41)
    numbered(document, "开展执法。", 2, 41)  # level 3 restarts at 1 under the new （二）
    document.add_paragraph("三、保障措施")  # a label typed by hand continues the same outline
    path = tmp_path / "plan.docx"
    document.save(path)
    plan = parse_file(path)
    assert plan["title"] == "XX区知识产权工作方案"
    assert outline(plan) == [
        (1, "一、", "总体要求"), (1, "二、", "重点任务"), (2, "（一）", "提升创造质量"), (3, "1.", "实施专利导航"),
        (3, "2.", "开展品牌建设"), (4, "（1）", "建设商标品牌指导站"), (5, "①", "举办品牌推介会"),
        (2, "（二）", "加强保护"), (3, "1.", "开展执法"), (1, "三、", "保障措施")]
    task = next(t for t in flat(plan["tasks"]) if t["title"] == "提升创造质量")
    assert task["roles"]["lead"] == ["区市场监管局"] and task["roles"]["support"] == ["区科技局"]
    assert task["line"] == 4  # the fourth paragraph of the document


def test_numbering_from_a_paragraph_style_and_a_restart(tmp_path):
    document = docx.Document()
    add_list(document, 51, [("chineseCountingThousand", "%1、"), ("decimal", "%2.")], num_ids=(51, 52),
             restart={52: (1, 1)})
    style = document.styles.add_style("PlanHeading", 1)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="51"/></w:numPr>'))
    document.add_paragraph("工作要点")
    document.add_paragraph("加强创造", style="PlanHeading")
    numbered(document, "甲", 1, 51)
    numbered(document, "乙", 1, 51)
    document.add_paragraph("加强保护", style="PlanHeading")
    numbered(document, "丙", 1, 52)  # another list instance restarting at 1
    path = tmp_path / "styled.docx"
    document.save(path)
    assert outline(parse_file(path)) == [
        (1, "一、", "加强创造"), (2, "1.", "甲"), (2, "2.", "乙"), (1, "二、", "加强保护"), (2, "1.", "丙")]


def test_bullets_text_boxes_and_deleted_text(tmp_path):
    document = docx.Document()
    add_list(document, 61, [("chineseCounting", "%1、"), ("bullet", "●")])
    document.add_paragraph("方案")
    numbered(document, "主要任务", 0, 61)
    item = numbered(document, "加强保护。开展执法。", 1, 61)
    item._p.append(parse_xml(
        f'<w:r {NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        f'<w:p><w:r><w:t>（浮动文字，不是任务）</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    item._p.append(parse_xml(f'<w:del {NS} w:id="1" w:author="a"><w:r><w:delText>已删除的文字</w:delText></w:r></w:del>'))
    path = tmp_path / "b.docx"
    document.save(path)
    plan = parse_file(path)
    assert outline(plan) == [(1, "一、", "主要任务"), (2, "——", "加强保护")]
    task = plan["tasks"][0]["children"][0]
    assert (task["label_style"], task["text"]) == ("dash", "开展执法。")


def test_a_division_table_document_with_merged_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("重点任务分工表")
    rows = [["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
            ["1", "提升创造水平", "实施专利提升工程。", "县市场监管局", "县科技局", "2023年底前"],
            ["2", "", "开展商标培育。", "", "县商务局", "长期坚持"]]
    table = document.add_table(rows=0, cols=6)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    table.rows[1].cells[1].merge(table.rows[2].cells[1])  # the category spans both rows
    table.rows[1].cells[3].merge(table.rows[2].cells[3])  # so does the lead department
    for cell in (table.rows[1].cells[1], table.rows[1].cells[3]):
        for paragraph in cell.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
    path = tmp_path / "t.docx"
    document.save(path)
    plan = parse_file(path)
    assert plan["kind"] == "division_table" and plan["title"] == "重点任务分工表"
    category = plan["tasks"][0]
    assert (category["level"], category["title"]) == (1, "提升创造水平")
    measures = category["children"]
    assert [(m["level"], m["source_label"], m["title"], m["roles"]["lead"], m["roles"]["support"],
             m["deadline"]["text"]) for m in measures] == [
        (2, "1", "实施专利提升工程", ["县市场监管局"], ["县科技局"], "2023年底前"),
        (2, "2", "开展商标培育", ["县市场监管局"], ["县商务局"], "长期坚持")]


def test_zip_files_that_are_not_docx_are_refused(tmp_path):
    workbook = tmp_path / "book.docx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    # a workbook goes to the 分工表 reader, which says this one has no workbook in it
    with pytest.raises(PlanDeskError, match=r"^book.docx.*不是 Excel 工作簿"):
        parse_file(workbook)
    other = tmp_path / "files.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(PlanImportError, match=r"^files.docx：这是压缩包") as error:
        parse_file(other)
    assert error.value.code == "container.zip_not_document"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    with pytest.raises(PlanImportError, match=r"^broken.docx：文件已损坏"):
        parse_file(broken)


def test_a_docx_without_plan_or_text(tmp_path):
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    with pytest.raises(PlanImportError, match=r"^empty.docx：文档中没有文字"):
        parse_file(empty)
    prose = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("各位同事：")
    document.add_paragraph("下周一上午开会，请准时参加。")
    document.save(prose)
    with pytest.raises(PlanImportError, match=r"^letter.docx：没有找到计划的结构"):
        parse_file(prose)


def test_a_list_defined_through_a_numbering_style(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for xml in (
        f'<w:abstractNum {NS} w:abstractNumId="70"><w:styleLink w:val="PlanList"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        f'</w:abstractNum>',
        f'<w:abstractNum {NS} w:abstractNumId="72"><w:numStyleLink w:val="PlanList"/></w:abstractNum>',
    ):
        first_num = numbering.find(f"{{{W}}}num")
        (first_num.addprevious(parse_xml(xml)) if first_num is not None else numbering.append(parse_xml(xml)))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="71"><w:abstractNumId w:val="70"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="73"><w:abstractNumId w:val="72"/></w:num>'))
    document.styles.element.append(parse_xml(
        f'<w:style {NS} w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan List"/>'
        f'<w:pPr><w:numPr><w:numId w:val="71"/></w:numPr></w:pPr></w:style>'))
    document.add_paragraph("要点")
    numbered(document, "加强创造", 0, 73)
    numbered(document, "实施导航", 1, 73)
    numbered(document, "加强保护", 0, 73)
    path = tmp_path / "linked.docx"
    document.save(path)
    assert outline(parse_file(path)) == [(1, "一、", "加强创造"), (2, "1.", "实施导航"), (1, "二、", "加强保护")]
