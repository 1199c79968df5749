"""Synthetic plan documents in the containers clerks receive, made in the tests.

``plan_docx`` writes a small 实施方案 as Word would: indented paragraphs long enough to
wrap, a responsibility note cut by a page break, a ruled 分工表 with a merged cell, a
running head and "— N —" page numbers. LibreOffice turns it into .pdf and .doc.
"""
from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

# ../shared/corpus beside the checkout (looked for upwards: a checkout may sit deeper)
CORPUS = next((p / "shared" / "corpus" for p in Path(__file__).resolve().parents
               if (p / "shared" / "corpus").is_dir()), Path("../shared/corpus"))

FILLER = ("坚持问题导向和目标导向，统筹推进重点领域改革，完善工作机制，强化督促检查，"
          "确保各项任务按期完成并取得实效，")

TABLE = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "建设智慧交通平台", "区交通局", "区大数据局、区公安分局", "2025年6月底前"],
    ["2", "推进河道综合治理", "区水务局", "区生态环境分局", "2025年12月底前"],
    ["3", "完善排水管网", "区水务局", "区住房城乡建设局", "长期坚持"],
]


def plan_docx(path: Path, *, paragraphs_per_section: int = 2) -> Path:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(14)
    style.paragraph_format.first_line_indent = Pt(28)
    section = document.sections[0]
    section.header.paragraphs[0].text = "测试区人民政府办公室"
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    _page_field(footer)
    footer.add_run(" —")
    title = document.add_paragraph("测试区2025年城市更新实施方案")
    title.paragraph_format.first_line_indent = Pt(0)
    title.alignment = 1
    document.add_paragraph("一、总体要求")
    document.add_paragraph("以高质量发展为主题，" + FILLER * 3 + "全面提升城市品质。")
    document.add_paragraph("二、重点任务")
    document.add_paragraph("（一）推进城市交通治理。" + FILLER * paragraphs_per_section
                           + "到2025年，公共交通分担率达到30%，绿色出行比例明显提高。（牵头单位：区交通局）")
    split = document.add_paragraph("（二）加强城市防洪排涝。" + FILLER * paragraphs_per_section + "（牵头部")
    split.add_run().add_break(WD_BREAK.PAGE)
    split.add_run("门：市交通委、市水务局）")
    document.add_paragraph("（三）实施老旧小区改造。" + FILLER + "（区住房城乡建设局负责）")
    document.add_paragraph("三、任务分工")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # 区水务局 leads both water tasks: one cell over two rows
    merged = table.cell(2, 2).merge(table.cell(3, 2))
    merged.text = "区水务局"
    document.save(path)
    return path


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def long_table_docx(path: Path, rows: int = 45) -> Path:
    """A 分工表 running over several pages, its header row repeated on each (as Word does)."""
    document = docx.Document()
    document.add_paragraph("测试区重点任务分工表")
    table = document.add_table(rows=rows + 1, cols=4)
    table.style = "Table Grid"
    for c, text in enumerate(["序号", "重点任务", "牵头单位", "完成时限"]):
        table.cell(0, c).text = text
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for r in range(1, rows + 1):
        for c, text in enumerate([str(r), f"推进第{r}项重点工作，完善工作机制", f"区第{r % 7 + 1}局",
                                  f"2025年{r % 12 + 1}月底前"]):
            table.cell(r, c).text = text
    document.save(path)
    return path
