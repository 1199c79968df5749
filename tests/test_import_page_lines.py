"""Printed pages -> paragraphs: furniture, hard wraps, notes cut by a page break, tables.

Lines are placed as a PDF page puts them (A4 points, 16 pt characters, body from x=90 to
x=506, paragraphs indented by two characters); the same rules serve OCR'd scans.
"""
from __future__ import annotations

from reports.importer.containers.page_lines import Line, drop_furniture, margins, paragraphs
from reports.importer.containers.pdf_tables import Segment, find_grids

LEFT, RIGHT, CHAR, H = 90.0, 506.0, 16.0, 842.0


class Page:
    """Lines written one below the other on numbered pages."""

    def __init__(self):
        self.lines: list[Line] = []
        self.page, self.y = 1, 80.0

    def add(self, text, indent=0, full=False, x=None, size=CHAR):
        x0 = x if x is not None else LEFT + indent * CHAR
        x1 = RIGHT if full else x0 + size * len(text) * 0.9
        self.lines.append(Line(self.page, text, x0, x1, self.y, self.y + size, H))
        self.y += size * 1.6
        return self

    def foot(self, text):
        self.lines.append(Line(self.page, text, 280, 320, 790, 802, H))
        return self

    def head(self, text):
        self.lines.append(Line(self.page, text, 200, 400, 40, 52, H))
        return self

    def next_page(self):
        self.page, self.y = self.page + 1, 80.0
        return self


def texts(lines):
    kept = drop_furniture(lines)
    return [p.text for p in paragraphs(kept, margins(kept))]


def test_wrapped_lines_are_joined_even_when_they_begin_like_a_number():
    page = (Page().add("（一）提高公共交通分担率。到2025年，中心城区公共交通占机动化出行比例达到", 2, True)
            .add("30%，绿色出行比例达到70%以上。", 0)
            .add("（二）完善慢行系统。新建自行车道50公里，改造人行道20公里，完善过街设施（含", 2, True)
            .add("次）和无障碍设施。", 0)
            .add("二、保障措施", 2))
    assert texts(page.lines) == [
        "（一）提高公共交通分担率。到2025年，中心城区公共交通占机动化出行比例达到30%，绿色出行比例达到70%以上。",
        "（二）完善慢行系统。新建自行车道50公里，改造人行道20公里，完善过街设施（含次）和无障碍设施。",
        "二、保障措施"]


def test_a_paragraph_goes_on_over_the_page_break_past_the_page_number():
    for number in ("— 3 —", "-3-", "- 3 -", "第3页", "第 3 页 共 12 页", "第3頁", "第 3 頁 共 12 頁", "3/12", "3"):
        page = (Page().head("XX市人民政府文件").add("（三）加强城市防洪排涝。完善排水防涝工程体系（牵头部", 2, True)
                .foot(number).next_page().head("XX市人民政府文件")
                .add("门：市交通委、市水务局），2025年底前完成改造。", 0))
        assert texts(page.lines) == ["（三）加强城市防洪排涝。完善排水防涝工程体系（牵头部门：市交通委、市水务局），2025年底前完成改造。"], number


def test_a_note_cut_by_a_forced_page_break_is_joined_wherever_its_rest_starts():
    page = (Page().add("（四）推进老旧小区改造（责任单", 2).next_page()
            .add("位：区住房城乡建设局）", 2).add("（五）实施城市更新。", 2))
    assert texts(page.lines) == ["（四）推进老旧小区改造（责任单位：区住房城乡建设局）", "（五）实施城市更新。"]


def test_short_indented_centred_and_resized_lines_start_paragraphs():
    page = (Page().add("测试区2025年工作要点", x=200, size=22)
            .add("一、总体要求", 2)
            .add("以高质量发展为主题，坚持问题导向和目标导向，统筹推进重点领域改革，完善工作", 2, True)
            .add("机制。", 0)
            .add("二、重点任务", 0))      # a heading that happens to sit at the margin, after a short line
    assert texts(page.lines) == ["测试区2025年工作要点", "一、总体要求",
                                 "以高质量发展为主题，坚持问题导向和目标导向，统筹推进重点领域改革，完善工作机制。",
                                 "二、重点任务"]


def test_running_heads_repeat_and_are_dropped_but_a_title_on_one_page_is_kept():
    page = Page().head("测试区人民政府办公室文件").add("一、总体要求", 2)
    for n in range(2, 5):
        page.foot(f"— {n - 1} —").next_page().head("测试区人民政府办公室文件").add(f"（{n}）第{n}项任务。", 2)
    kept = texts(page.lines)
    assert kept == ["一、总体要求", "（2）第2项任务。", "（3）第3项任务。", "（4）第4项任务。"]
    single = Page().head("关于印发方案的通知").add("一、总体要求", 2)
    assert texts(single.lines) == ["关于印发方案的通知", "一、总体要求"]


def test_a_page_number_well_inside_a_cropped_scan_is_dropped_below_the_text():
    page = Page().add("作机制，省级农业农村部门牵头商财政等部门尽快制定印发本省落实", 2, True)
    page.lines.append(Line(1, "—7一", 445, 491, 720, 736, H))     # OCR reads the last dash as 一
    page.next_page().add("实施方案，并报农业农村部备案后实施。", 0)
    assert texts(page.lines) == ["作机制，省级农业农村部门牵头商财政等部门尽快制定印发本省落实实施方案，并报农业农村部备案后实施。"]
    kept = Page().add("到2025年完成改造的小区数量：", 2).add("35", 4)   # a number inside the text stays
    kept.add("（二）完善排水管网。", 2)
    assert texts(kept.lines) == ["到2025年完成改造的小区数量：", "35", "（二）完善排水管网。"]


def test_each_pages_own_number_is_dropped_above_or_below_its_text_and_a_number_between_stays():
    page = Page().add("一、总体要求", 2).add("35", 4).add("（一）完善排水管网。", 2)
    page.lines.append(Line(1, "1", 290, 300, 700, 712, H))         # below page 1's text
    page.next_page()
    page.lines.append(Line(2, "- 2 -", 280, 320, 120, 132, H))     # above page 2's text
    page.y = 160.0
    page.add("（二）推进雨污分流。", 2).add("（三）加强运行维护。", 2)
    page.next_page().add("二、保障措施", 2).add("12", 4).add("（一）加强组织领导。", 2)
    page.lines.append(Line(3, "—3—", 280, 320, 650, 662, H))       # below page 3's text
    assert texts(page.lines) == ["一、总体要求", "35", "（一）完善排水管网。", "（二）推进雨污分流。",
                                 "（三）加强运行维护。", "二、保障措施", "12", "（一）加强组织领导。"]


def test_the_scanner_mark_at_the_foot_of_a_single_page_is_dropped():
    for mark in ("扫描全能王创建", "Scanned with CamScanner"):
        page = Page().add("一、总体要求", 2).foot(mark)
        assert texts(page.lines) == ["一、总体要求"]


def _grid(xs, ys, missing_v=(), missing_h=()):
    """Rules of a table: every boundary, less the ones a merged cell removes."""
    segments = []
    for i, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if (i, c) not in missing_h:
                segments.append(Segment(True, y, xs[c], xs[c + 1]))
    for j, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (j, r) not in missing_v:
                segments.append(Segment(False, x, ys[r], ys[r + 1]))
    return segments


def _piece(grid, r, c, text):
    return (grid.ys[r] + 2, grid.xs[c] + 2, grid.xs[c] + 2 + 10 * len(text), text)


def test_a_ruled_table_with_merged_cells_reads_as_rows():
    xs, ys = [90, 130, 300, 400, 506], [100, 130, 160, 190, 220]
    # 区水务局 spans rows 2–3 of column 2 (no rule between them); a heading spans row 1
    grids = find_grids(_grid(xs, ys, missing_h={(3, 2)}, missing_v={(1, 1), (2, 1), (3, 1)}))
    assert len(grids) == 1
    g = grids[0]
    texts = {}
    for (r, c), text in {(0, 0): "序号", (0, 1): "重点任务", (0, 2): "牵头单位", (0, 3): "完成时限",
                         (1, 0): "一、城市治理", (2, 0): "1", (2, 1): "河道治理", (2, 2): "区水务局",
                         (2, 3): "年底前", (3, 0): "2", (3, 1): "管网改造", (3, 3): "长期坚持"}.items():
        texts.setdefault((r, c), []).append(_piece(g, r, c, text))
    rows = g.rows(texts)
    assert rows == [["序号", "重点任务", "牵头单位", "完成时限"],
                    ["一、城市治理", "", "", ""],
                    ["1", "河道治理", "区水务局", "年底前"],
                    ["2", "管网改造", "区水务局", "长期坚持"]]


def test_a_cell_that_wraps_is_one_text_and_a_cell_of_two_lines_keeps_both():
    xs, ys = [90, 200, 300], [100, 160]
    g = find_grids(_grid(xs, ys))[0]
    wrapped = [(102, 92, 198, "区大数据"), (118, 92, 130, "局")]          # ran to the cell's edge
    listed = [(102, 202, 260, "区交通局"), (118, 202, 260, "区公安分局")]  # two short lines
    assert g.rows({(0, 0): wrapped, (0, 1): listed}) == [["区大数据局", "区交通局\n区公安分局"]]


def test_rules_that_do_not_touch_are_two_tables_and_a_lone_rule_is_none():
    first = _grid([90, 200, 300], [100, 130, 160])
    second = _grid([90, 250, 506], [400, 430])
    underline = [Segment(True, 600, 90, 506)]
    grids = find_grids(first + second + underline)
    assert [(len(g.xs), len(g.ys)) for g in grids] == [(3, 3), (3, 2)]


def test_a_table_goes_on_over_the_page_break():
    from reports.importer.containers.pdf_text import PageContent, page_tables
    header = ["序号", "重点任务", "牵头单位"]
    first = PageContent(1, H, [Line(1, "分工表", 200, 300, 60, 76, H)],
                        [(100.0, [header, ["1", "建设平台", "区交通局"], ["2", "推进河道", "区水务局"]])])
    # page 2: the header repeated, the rest of row 2 cut by the page break, then row 3
    second = PageContent(2, H, [], [(80.0, [header, ["", "综合治理", ""], ["3", "完善管网", "区水务局"]])])
    # page 3: a new table after text is a table of its own
    third = PageContent(3, H, [Line(3, "附件2", 90, 140, 60, 76, H)], [(100.0, [["甲", "乙", "丙"]])])
    page_tables([first, second, third])
    assert first.tables[0][1] == [header, ["1", "建设平台", "区交通局"], ["2", "推进河道综合治理", "区水务局"],
                                  ["3", "完善管网", "区水务局"]]
    assert second.tables == [] and len(third.tables) == 1
    # a row under a category merged down the first column is a row, not the rest of one
    cat = PageContent(1, H, [], [(100.0, [["一、交通", "建设平台", "区交通局"]])])
    more = PageContent(2, H, [], [(80.0, [["", "改造道路", "区住建局"]])])
    page_tables([cat, more])
    assert cat.tables[0][1] == [["一、交通", "建设平台", "区交通局"], ["", "改造道路", "区住建局"]]
