"""Tables on scanned pages rebuilt from the recogniser's box positions: rows by y, columns
by the x gaps between cells (``containers.ocr_tables``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reports.importer import parse_file
from reports.importer.containers import scan
from reports.importer.containers.ocr_tables import split_tables
from reports.importer.containers.scan import baselines_of


def box(x0, x1, top, text, height=34):
    return (top, top + height, x0, x1, text)


# boxes as the recogniser gave them for a rendered 分工表 (pixels at 150 dpi)
TITLE = box(40, 403, 28, "某县物流枢纽重点任务分工表", 30)
HEADER = [box(27, 88, 102, "序号", 37), box(120, 232, 104, "重点任务"), box(377, 495, 102, "牵头单位", 38),
          box(599, 714, 104, "配合单位"), box(928, 1043, 102, "完成时限", 38)]
ROWS = [
    [box(30, 48, 179, "1", 27), box(119, 287, 173, "建设物流园区", 36), box(378, 492, 172, "县发改局", 39),
     box(600, 851, 174, "县商务局、县财政局", 35), box(928, 1077, 170, "2025年底前", 42)],
    [box(28, 48, 247, "2", 33), box(119, 287, 243, "优化通关服务", 36), box(378, 494, 243, "县商务局", 37),
     box(600, 712, 244, "县税务局"), box(929, 1120, 243, "2024年6月底前", 36)],
    # a short cell is centred in its column: it still falls in it
    [box(28, 48, 317, "3", 31), box(120, 289, 315, "完善冷链设施", 33), box(381, 548, 315, "县农业农村局", 33),
     box(640, 714, 314, "供销社", 34), box(930, 1044, 314, "长期坚持", 34)],
]
NOTE = box(40, 412, 406, "注：各单位按期报送进展情况。", 33)


def test_a_rendered_division_table_comes_back_as_rows_and_columns():
    kept, tables = split_tables(baselines_of([TITLE, *HEADER, *[b for r in ROWS for b in r], NOTE]))
    assert [items[0][4] for _, _, items in kept] == ["某县物流枢纽重点任务分工表", "注：各单位按期报送进展情况。"]
    (top, rows), = tables
    assert top == 102
    assert rows == [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                    ["1", "建设物流园区", "县发改局", "县商务局、县财政局", "2025年底前"],
                    ["2", "优化通关服务", "县商务局", "县税务局", "2024年6月底前"],
                    ["3", "完善冷链设施", "县农业农村局", "供销社", "长期坚持"]]


def test_a_cell_wrapped_over_lines_is_one_cell_and_prose_after_ends_the_table():
    header = [box(20, 80, 100, "序号"), box(120, 240, 100, "工作任务"), box(400, 520, 100, "责任单位")]
    row = [box(30, 45, 160, "1"), box(120, 360, 160, "推进老旧小区改造"), box(400, 520, 160, "区住建局")]
    wrapped = [box(120, 300, 198, "完成30个小区"), box(400, 520, 198, "区城管局")]   # 4 px apart: same row
    row2 = [box(30, 45, 260, "2"), box(120, 330, 260, "新建养老服务站"), box(400, 520, 260, "区民政局")]
    prose = box(20, 700, 330, "各责任单位要按季度报送进展情况，确保任务按期完成。")   # across columns
    kept, tables = split_tables(baselines_of([*header, *row, *wrapped, *row2, prose]))
    (_, rows), = tables
    assert rows == [["序号", "工作任务", "责任单位"],
                    ["1", "推进老旧小区改造完成30个小区", "区住建局区城管局"],
                    ["2", "新建养老服务站", "区民政局"]]
    assert [items[0][4] for _, _, items in kept] == ["各责任单位要按季度报送进展情况，确保任务按期完成。"]


def test_a_signature_line_with_a_wide_gap_is_no_table():
    lines = [box(40, 600, 100, "现将方案印发给你们，请认真贯彻执行。"),
             box(500, 800, 200, "某县人民政府办公室"), box(40, 200, 200, "联系人：张伟"),
             box(500, 760, 260, "2024年2月20日")]
    kept, tables = split_tables(baselines_of(lines))
    assert tables == [] and len(kept) == 3


FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
ocr = pytest.mark.skipif(not scan.ocr_available() or not FONT.exists(),
                         reason="the OCR extra or a Chinese font is not installed")


def rendered_table(path: Path) -> Path:
    """A picture of a ruled 分工表 under a title, as a scanner would give it."""
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(str(FONT), 28)
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "建设物流园区", "县发改局", "县商务局、县财政局", "2025年底前"],
            ["2", "优化通关服务", "县商务局", "县税务局", "2024年6月底前"]]
    widths = [90, 260, 220, 330, 230]
    image = Image.new("RGB", (40 + sum(widths), 400), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 20), "某县物流枢纽重点任务分工表", font=font, fill="black")
    for r, row in enumerate(rows):
        x = 20
        for w, cell in zip(widths, row):
            draw.rectangle([x, 80 + 70 * r, x + w, 150 + 70 * r], outline="black", width=2)
            draw.text((x + 10, 98 + 70 * r), cell, font=font, fill="black")
            x += w
    image.save(path)
    return path


@pytest.mark.slow
@ocr
def test_a_picture_of_a_division_table_imports_with_its_roles(tmp_path):
    plan = parse_file(rendered_table(tmp_path / "分工表.png"))
    assert plan["title"] == "某县物流枢纽重点任务分工表"
    park, customs = plan["tasks"]
    assert park["title"] == "建设物流园区" and park["roles"]["lead"] == ["县发改局"]
    assert park["roles"]["support"] == ["县商务局", "县财政局"]
    assert park["deadline"]["text"] == "2025年底前"
    assert customs["roles"]["lead"] == ["县商务局"] and customs["roles"]["support"] == ["县税务局"]
