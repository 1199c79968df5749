"""Regenerate h4_docx_autonumber.docx (run: python tests/data/import/make_h4_docx.py).

A district 工作方案 typed in Word with automatic numbering (一、 / （一） / 1. come from
numbering.xml, not from the text), a text box that is not plan text, and an attachment
"分工表" table whose rows give the roles of the numbered tasks (a horizontally merged
category row and a vertically merged 牵头单位 cell included).
"""

from pathlib import Path

import docx
from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'


def add_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f"""<w:abstractNum {NS} w:abstractNumId="77">
      <w:multiLevelType w:val="multilevel"/>
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    </w:abstractNum>""")
    first_num = numbering.find(f"{{{W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {NS} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))


def numbered(document, text: str, level: int):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
    return paragraph


def add_text_box(paragraph, text: str) -> None:
    """A VML text box inside a run: Word shows it floating; it is not plan text."""
    paragraph._p.append(parse_xml(
        f'<w:r {NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
        f'</v:textbox></v:shape></w:pict></w:r>'))


def build(path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    title = document.add_paragraph("西山区知识产权保护工作方案")
    add_text_box(title, "内部资料 注意保密")
    document.add_paragraph("为进一步加强知识产权保护，营造良好创新环境，制定本方案。")
    numbered(document, "总体目标", 0)
    document.add_paragraph("到2024年，知识产权保护社会满意度达到85%以上，侵权易发多发现象得到有效遏制。")
    numbered(document, "主要任务", 0)
    numbered(document, "强化行政保护", 1)
    numbered(document, "开展专项执法行动。聚焦重点领域开展集中整治。", 2)
    numbered(document, "加强重点领域监管。加强展会、电商平台知识产权监管。", 2)
    numbered(document, "强化司法保护", 1)
    numbered(document, "完善诉调对接机制。推动知识产权纠纷多元化解。", 2)
    numbered(document, "加大刑事打击力度。依法严惩侵犯知识产权犯罪。", 2)
    numbered(document, "强化社会共治", 1)
    numbered(document, "发挥行业协会作用。引导行业自律。", 2)
    numbered(document, "保障措施", 0)
    numbered(document, "加强组织领导。各有关单位要明确分管领导和具体责任人。", 1)
    document.add_paragraph("附件")
    document.add_paragraph("西山区知识产权保护工作任务分工表")
    rows = [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["一", "强化行政保护", None, None, None],
        ["1", "开展专项执法行动", "区市场监管局", "区公安分局、区文化和旅游局", "2023年12月底前"],
        ["2", "加强重点领域监管", "", "区商务局、各街道", "长期坚持"],
        ["二", "强化司法保护", None, None, None],
        ["3", "完善诉调对接机制", "区法院", "区司法局", "2023年9月底前"],
        ["4", "加大刑事打击力度", "区公安分局", "区检察院", "持续推进"],
        ["三", "强化社会共治", None, None, None],
        ["5", "发挥行业协会作用", "区工商联", "区市场监管局", "2024年6月底前"],
    ]
    table = document.add_table(rows=0, cols=5)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            if value:
                cell.text = value
        if values[2] is None:  # a category row: the task cell spans the four right columns
            cells[1].merge(cells[4])
            cells[1].text = values[1]
    # the 牵头单位 of tasks 1 and 2 is one vertically merged cell
    table.rows[2].cells[2].merge(table.rows[3].cells[2])
    for paragraph in table.rows[2].cells[2].paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_name("h4_docx_autonumber.docx"))
