"""Read the rendered notice back and check every value of design/gbt9704.md in the XML."""
import re
import zipfile

import pytest
from lxml import etree

from reports.docx import render_notice, units
from reports.docx.resolve import StyleResolver, sections_of
from reports.docx.samples import sample_notice, sample_plan, shandong_plan
from reports.docx.xml import ORDER, W, local, qn, text_of

V = "{urn:schemas-microsoft-com:vml}"


class Docx:
    """The parts of a rendered .docx as lxml trees."""

    def __init__(self, path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            self.names = z.namelist()
            self.raw = {n: z.read(n) for n in self.names}
        self.doc = etree.fromstring(self.raw["word/document.xml"])
        self.styles = etree.fromstring(self.raw["word/styles.xml"])
        self.settings = etree.fromstring(self.raw["word/settings.xml"])
        rels = etree.fromstring(self.raw["word/_rels/document.xml.rels"])
        self.rels = {r.get("Id"): "word/" + r.get("Target") for r in rels}
        self.res = StyleResolver(self.styles, None, self.settings)
        self.body = self.doc.find(qn("w:body"))
        self.sections = sections_of(self.body)

    def part(self, rid):
        return etree.fromstring(self.raw[self.rels[rid]])

    def paragraphs(self):
        return [p for p in self.body.iter(qn("w:p"))]

    def find_p(self, pattern):
        for p in self.body.iter(qn("w:p")):
            if re.search(pattern, text_of(p)):
                return p
        raise AssertionError(f"no paragraph matches {pattern!r}")

    def run_props(self, p, index=0):
        runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
        return self.res.rpr(runs[index], p)


@pytest.fixture(scope="module")
def notice_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("notice") / "notice.docx"
    plan = sample_plan()
    # a few tasks with lead/support and levels 3–4 so every heading level is present
    extra = shandong_plan()["tasks"]
    extra[0]["number"], extra[1]["number"] = "五、", "六、"
    plan["tasks"] += extra
    result = render_notice(plan, sample_notice(), out, {"paginate": False})
    assert any("偶数页" in w for w in result.warnings)
    return Docx(out)


# --- page and sections ---------------------------------------------------------------

def test_sections_portrait_landscape_portrait(notice_docx):
    kinds = []
    for _els, sp in notice_docx.sections:
        size = sp.find(qn("w:pgSz"))
        kinds.append(size.get(W + "orient", "portrait"))
    assert kinds == ["portrait", "landscape", "portrait"]


def test_portrait_page_and_margins_in_twips(notice_docx):
    for _els, sp in (notice_docx.sections[0], notice_docx.sections[2]):
        size, mar = sp.find(qn("w:pgSz")), sp.find(qn("w:pgMar"))
        assert (size.get(W + "w"), size.get(W + "h")) == ("11906", "16838")
        assert {k: mar.get(W + k) for k in ("top", "bottom", "left", "right")} == \
            {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}
        assert mar.get(W + "footer") == str(units.mm(25.4))
        grid = sp.find(qn("w:docGrid"))
        assert grid.get(W + "linePitch") == "579"
        assert grid.get(W + "type") in (None, "lines")


def test_landscape_section_keeps_the_type_area(notice_docx):
    _els, sp = notice_docx.sections[1]
    size, mar = sp.find(qn("w:pgSz")), sp.find(qn("w:pgMar"))
    assert (size.get(W + "w"), size.get(W + "h"), size.get(W + "orient")) == ("16838", "11906", "landscape")
    m = {k: int(mar.get(W + k)) for k in ("top", "bottom", "left", "right")}
    assert m == {"top": 1587, "bottom": 1474, "left": 1984, "right": 2098}
    assert 16838 - m["left"] - m["right"] == units.TYPE_H
    assert abs(11906 - m["top"] - m["bottom"] - units.TYPE_W) <= 1


def test_section_breaks_live_in_the_last_paragraph(notice_docx):
    # no empty paragraph after a section's last paragraph (doc.add_section() adds one)
    for els, sp in notice_docx.sections[:-1]:
        assert els[-1].tag == qn("w:p") and sp.getparent().getparent() is els[-1]
    assert notice_docx.body[-1].tag == qn("w:sectPr")
    assert notice_docx.body[-2].tag == qn("w:p")


# --- no trace of python-docx's template ----------------------------------------------

def test_no_template_traces(notice_docx):
    everything = b"".join(notice_docx.raw.values()).decode("utf-8", "replace")
    for trace in ("Mincho", "明朝", "ゴシック", "Cambria", "Calibri", "python-docx",
                  "Theme=\"", "asciiTheme", "eastAsiaTheme", "12240", "Macintosh", "Normal.dotm"):
        assert trace not in everything, trace
    assert not any("theme" in n or "stylesWithEffects" in n or "customXml" in n
                   or "thumbnail" in n for n in notice_docx.names)


def test_doc_defaults_and_settings(notice_docx):
    rpr = notice_docx.styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    fonts = rpr.find(qn("w:rFonts"))
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == {
        "ascii": "仿宋_GB2312", "hAnsi": "仿宋_GB2312", "eastAsia": "仿宋_GB2312",
        "cs": "仿宋_GB2312", "hint": "eastAsia"}
    assert rpr.find(qn("w:sz")).get(W + "val") == "32"
    assert rpr.find(qn("w:lang")).get(W + "eastAsia") == "zh-CN"
    spacing = notice_docx.styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}spacing")
    assert (spacing.get(W + "after"), spacing.get(W + "line"), spacing.get(W + "lineRule")) == \
        ("0", "579", "exact")
    lang = notice_docx.settings.find(qn("w:themeFontLang"))
    assert lang.get(W + "eastAsia") == "zh-CN"
    assert notice_docx.settings.find(qn("w:evenAndOddHeaders")) is not None


def test_every_font_slot_is_written_with_the_hint(notice_docx):
    for tree in (notice_docx.styles, notice_docx.doc):
        for rf in tree.iter(qn("w:rFonts")):
            attrs = {k.split("}")[1] for k in rf.attrib}
            assert attrs == {"ascii", "hAnsi", "eastAsia", "cs", "hint"}, etree.tostring(rf)


def test_named_styles_for_the_clerk(notice_docx):
    names = {s.find(qn("w:name")).get(W + "val") for s in notice_docx.styles.iter(qn("w:style"))}
    for name in ("公文正文", "公文标题", "公文一级标题", "公文二级标题", "发文机关标志", "发文字号",
                 "主送机关", "附件说明", "发文机关署名", "成文日期", "附注", "附件标识", "版记",
                 "表格文字", "楷体标题字符"):
        assert name in names


def test_properties_are_in_schema_order(notice_docx):
    trees = [notice_docx.doc, notice_docx.styles] + [
        notice_docx.part(rid) for rid, target in notice_docx.rels.items() if "footer" in target]
    for tree in trees:
        for kind in ("pPr", "rPr", "sectPr", "tblPr", "tcPr", "pBdr", "tblBorders"):
            order = ORDER[kind]
            for el in tree.iter(qn(f"w:{kind}")):
                ranks = [order.index(local(c)) for c in el if local(c) in order]
                assert ranks == sorted(ranks), (kind, [local(c) for c in el])


# --- fonts and sizes by element, after inheritance --------------------------------------

def test_issuer_mark(notice_docx):
    p = notice_docx.find_p("^济南市槐荫区人民政府文件$")
    rp = notice_docx.run_props(p)
    assert rp.east_asia == "方正小标宋简体" and rp.color == "FF0000" and rp.sz == 72
    pp = notice_docx.res.ppr(p)
    assert pp.jc == "center" and pp.line_rule == "exact" and pp.line == round(36 * 1.02 * 20)
    spacer = p.getprevious()
    assert notice_docx.res.ppr(spacer).line == units.mm(35.2) and text_of(spacer) == ""
    # two blank lines between the mark and the doc number
    blanks = [p.getnext(), p.getnext().getnext()]
    assert [text_of(b) for b in blanks] == ["", ""]
    assert all(notice_docx.res.ppr(b).line == 579 for b in blanks)


def test_doc_number_and_red_rule(notice_docx):
    p = notice_docx.find_p("^济槐政字〔2022〕16号$")
    rp = notice_docx.run_props(p)
    assert rp.east_asia == "仿宋_GB2312" and rp.sz == 32 and rp.spacing == -5
    pp = notice_docx.res.ppr(p)
    assert pp.jc == "center" and pp.left == pp.right == pp.first_line == 0
    assert pp.border_bottom == {"val": "single", "sz": "8", "space": "11", "color": "FF0000"}


def test_title(notice_docx):
    p = notice_docx.find_p("^济南市槐荫区人民政府关于印发")
    rp = notice_docx.run_props(p)
    assert rp.east_asia == "方正小标宋简体" and rp.sz == 44 and rp.spacing == 0 and not rp.bold
    pp = notice_docx.res.ppr(p)
    assert pp.jc == "center" and pp.line == 579 and not pp.snap_to_grid
    lines = text_of(p).split("\n")
    assert len(lines) == 3 and all(len(line) <= 20 for line in lines)
    # two blank lines between the red rule and the title
    assert [text_of(p.getprevious()), text_of(p.getprevious().getprevious())] == ["", ""]


def test_addressees_body_attachment_list(notice_docx):
    p = notice_docx.find_p("^各街道办事处，区政府各部门：$")
    assert notice_docx.run_props(p).east_asia == "仿宋_GB2312"
    pp = notice_docx.res.ppr(p)
    assert pp.first_line == 0 and pp.left == 0
    assert text_of(p.getprevious()) == ""  # one blank line below the title
    body = notice_docx.find_p("^现将《")
    pp = notice_docx.res.ppr(body)
    assert pp.first_line == 630 and pp.line == 579 and pp.line_rule == "exact"
    first = notice_docx.find_p("^附件：1.")
    second = first.getnext()
    assert text_of(second).startswith("2.")
    p1, p2 = notice_docx.res.ppr(first), notice_docx.res.ppr(second)
    # wrapped lines align with the first character of the name; "2." under "1."
    assert p1.left == p2.left
    assert p1.left - p1.hanging == 630
    assert p2.left - p2.hanging == 630 + 3 * 315
    assert text_of(first.getprevious()) == ""


def test_signature_sealed_layout(notice_docx):
    date = notice_docx.find_p("^2022年11月22日$")
    name = date.getprevious()
    assert text_of(name) == "济南市槐荫区人民政府"
    # name and date centred on one axis, which puts the date's right edge 4 字 in
    date_pp, name_pp = notice_docx.res.ppr(date), notice_docx.res.ppr(name)
    assert name_pp.jc == date_pp.jc == "center"
    assert (name_pp.left, name_pp.right) == (date_pp.left, date_pp.right)
    width = 8 * 155 + 3 * 315                    # 2022年11月22日: 8 digits, 3 Han
    assert 8844 - 4 * 315 - width / 2 == pytest.approx((date_pp.left + 8844 - date_pp.right) / 2)
    # three blank lines for the seal, all kept with the text above
    blanks = [name.getprevious(), name.getprevious().getprevious(), name.getprevious().getprevious().getprevious()]
    assert [text_of(b) for b in blanks] == ["", "", ""]
    assert all(b.find(f"{W}pPr/{W}keepNext") is not None for b in blanks)
    note = date.getnext()
    assert text_of(note) == "（此件公开发布）" and notice_docx.res.ppr(note).left == 630


def test_headings_by_level(notice_docx):
    res = notice_docx
    h1 = res.find_p("^一、指导思想$")
    assert res.run_props(h1).east_asia == "黑体" and res.run_props(h1).sz == 32
    assert res.res.ppr(h1).first_line == 630
    h2 = res.find_p("^（一）建设中国地理标志产业大厦。")
    assert res.run_props(h2, 0).east_asia == "楷体_GB2312"
    assert text_of(h2).endswith("（责任单位：区市场监管局、区工业和信息化局、区财政局、区农业农村局、区商务局）")
    assert res.run_props(h2, 1).east_asia == "仿宋_GB2312"
    h3 = res.find_p("^1.积极探索知识产权管理体制机制改革。")
    assert res.run_props(h3).east_asia == "仿宋_GB2312"
    assert text_of(h3).endswith("（牵头单位：省编办；配合单位：省知识产权局、省工商局、省版权局；完成时限：2017年底前）")
    h4 = res.find_p("^（1）在重点产业集聚区")
    assert res.run_props(h4).east_asia == "仿宋_GB2312"
    for p in (h1, h2, h3, h4):
        assert res.res.ppr(p).line == 579 and not res.res.ppr(p).snap_to_grid


def test_attachment_pages(notice_docx):
    labels = [p for p in notice_docx.paragraphs() if re.fullmatch(r"附件\d", text_of(p))]
    assert [text_of(p) for p in labels] == ["附件1", "附件2"]
    for p in labels:
        rp = notice_docx.run_props(p)
        assert rp.east_asia == "黑体" and rp.sz == 32
        pp = notice_docx.res.ppr(p)
        assert pp.first_line == 0 and pp.left == 0 and pp.jc == "left"
    assert notice_docx.res.ppr(labels[0]).page_break_before
    assert not notice_docx.res.ppr(labels[1]).page_break_before  # a new section already
    title = labels[0].getnext().getnext()
    assert text_of(labels[0].getnext()) == ""
    assert text_of(title).replace("\n", "") == sample_notice()["attachments"][0]
    assert notice_docx.run_props(title).sz == 44


def test_every_text_paragraph_has_an_exact_line_and_no_grid_snap(notice_docx):
    for p in notice_docx.body.iter(qn("w:p")):
        pp = notice_docx.res.ppr(p)
        assert pp.line_rule == "exact" and not pp.snap_to_grid


def test_body_size_and_spacing_everywhere_in_the_main_part(notice_docx):
    els, _sp = notice_docx.sections[0]
    for p in els:
        if p.tag != qn("w:p") or not text_of(p).strip():
            continue
        for r in p.iter(qn("w:r")):
            if r.find(qn("w:t")) is None:
                continue
            rp = notice_docx.res.rpr(r, p)
            if rp.sz == 32:
                assert rp.spacing == -5
            assert rp.sz in (32, 44, 72)


# --- page numbers ------------------------------------------------------------------------

def _footer_parts(docx, section):
    _els, sp = docx.sections[section]
    refs = {ref.get(W + "type"): ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for ref in sp.findall(qn("w:footerReference"))}
    return {k: docx.part(v) for k, v in refs.items()}


def _field_sequence(p):
    seq = []
    for r in p.iter(qn("w:r")):
        for c in r:
            if local(c) == "fldChar":
                seq.append(c.get(W + "fldCharType"))
            elif local(c) == "instrText":
                seq.append(c.text.strip())
            elif local(c) == "t":
                seq.append(c.text)
    return seq


def test_portrait_footers_page_field_and_dashes(notice_docx):
    footers = _footer_parts(notice_docx, 0)
    assert set(footers) == {"default", "even"}
    for kind, part in footers.items():
        p = part.find(qn("w:p"))
        assert _field_sequence(p) == ["— ", "begin", "PAGE", "separate", "1", "end", " —"]
        for fld in p.iter(qn("w:fldChar")):
            assert fld.find(qn("w:t")) is None
        pp = StyleResolver(notice_docx.styles, None, None).ppr(p)
        if kind == "default":
            assert pp.jc == "right" and pp.right == 280 and pp.left == 0
        else:
            assert pp.jc == "left" and pp.left == 280 and pp.right == 0
        for r in p.iter(qn("w:r")):
            rp = notice_docx.res.rpr(r, p)
            assert rp.sz == 28
            assert rp.fonts == {"ascii": "宋体", "hAnsi": "宋体", "eastAsia": "宋体", "cs": "宋体"}


def test_landscape_footers_are_turned_vml_boxes(notice_docx):
    footers = _footer_parts(notice_docx, 1)
    for kind, part in footers.items():
        shape = part.find(f".//{V}shape")
        style = dict(item.split(":") for item in shape.get("style").split(";"))
        assert style["mso-position-horizontal-relative"] == "page"
        assert style["mso-position-vertical-relative"] == "page"
        assert float(style["margin-left"][:-2]) + float(style["width"][:-2]) / 2 == pytest.approx(28, abs=0.05)
        top, height = float(style["margin-top"][:-2]), float(style["height"][:-2])
        if kind == "default":   # odd pages: the number ends 1 字 inside the portrait right edge
            assert top + height == pytest.approx(210 - 26 - 4.94, abs=0.1)
        else:
            assert top == pytest.approx(28 + 4.94, abs=0.1)
        assert "layout-flow:vertical" in shape.find(f"{V}textbox").get("style")
        inner = shape.find(f".//{W}txbxContent/{W}p")
        assert _field_sequence(inner) == ["— ", "begin", "PAGE", "separate", "1", "end", " —"]


def test_colophon_section_uses_the_portrait_footers_or_none(notice_docx):
    first = {k: v for k, v in _footer_parts(notice_docx, 0).items()}
    last = _footer_parts(notice_docx, 2)
    assert set(last) == {"default", "even"}
    assert all(etree.tostring(last[k]) == etree.tostring(first[k]) for k in last)


def test_no_page_restart(notice_docx):
    assert notice_docx.doc.find(f".//{W}pgNumType") is None


# --- the division table -----------------------------------------------------------------

def test_division_table(notice_docx):
    els, _sp = notice_docx.sections[1]
    tables = [e for e in els if e.tag == qn("w:tbl")]
    assert len(tables) == 1
    tbl = tables[0]
    grid = [int(g.get(W + "w")) for g in tbl.iter(qn("w:gridCol"))]
    assert sum(grid) == units.TYPE_H
    assert tbl.find(f"{W}tblPr/{W}tblLayout").get(W + "type") == "fixed"
    rows = tbl.findall(qn("w:tr"))
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    whole = [r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows]
    assert whole[0]
    # rows shorter than a page never split, the one with several hundred characters of
    # 具体内容 (taller than half a page) included
    assert all(whole)
    tall = [r for r in rows if "以中国地理标志产业大厦建设为契机" in text_of(r)][0]
    assert tall.find(f"{W}trPr/{W}cantSplit") is not None
    assert sum(r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows) == 1
    header = [text_of(tc).strip() for tc in rows[0].findall(qn("w:tc"))]
    assert header[:3] == ["序号", "重点任务", "具体内容"]
    assert "牵头单位" in header and "配合单位" in header and "完成时限" in header
    sections = [r for r in rows if r.find(f".//{W}gridSpan") is not None]
    assert [text_of(r) for r in sections] == ["三、重点任务", "五、推进知识产权管理体制机制改革",
                                             "六、建立严格的知识产权保护制度"]
    for r in sections:
        assert r.find(f".//{W}gridSpan").get(W + "val") == str(len(grid))
    merged = [tc for tc in tbl.iter(qn("w:tc")) if tc.find(f"{W}tcPr/{W}vMerge") is not None]
    assert merged  # 重点任务 shared by the measures of one task
    assert all(tc.getparent().index(tc) != 1 for tc in merged)  # 序号 on every row
    for p in tbl.iter(qn("w:p")):
        pp = notice_docx.res.ppr(p)
        assert pp.line_rule == "exact" and pp.line == 440 and not pp.snap_to_grid
    head_rp = notice_docx.res.rpr(rows[0].find(f".//{W}r"), rows[0].find(f".//{W}p"))
    assert head_rp.east_asia == "黑体" and head_rp.sz == 28
    # the table closes its section: a paragraph follows it
    assert tbl.getnext().tag == qn("w:p")


def test_custom_table_columns(tmp_path):
    notice = {**sample_notice(), "division_table_columns": ["seq", "content", "lead", {"key": "remarks", "label": "备注", "width_mm": 30}]}
    plan = sample_plan()
    plan["tasks"] = shandong_plan()["tasks"]
    render_notice(plan, notice, tmp_path / "n.docx", {"paginate": False})
    doc = Docx(tmp_path / "n.docx")
    tbl = next(doc.body.iter(qn("w:tbl")))
    header = [text_of(tc).strip() for tc in tbl.find(qn("w:tr")).findall(qn("w:tc"))]
    assert header == ["序号", "具体内容", "牵头单位", "备注"]


# --- colophon ---------------------------------------------------------------------------

def test_colophon_table(notice_docx):
    els, _sp = notice_docx.sections[2]
    spacer, tbl = els[0], els[1]
    rows = tbl.findall(qn("w:tr"))
    heights = [int(r.find(f"{W}trPr/{W}trHeight").get(W + "val")) for r in rows]
    assert all(h % 579 == 0 for h in heights)
    assert all(r.find(f"{W}trPr/{W}trHeight").get(W + "hRule") == "exact" for r in rows)
    assert notice_docx.res.ppr(spacer).line == units.TYPE_H - sum(heights) - 20 - 40
    pr = tbl.find(qn("w:tblPr"))
    assert pr.find(qn("w:tblW")).get(W + "w") == "8844"
    borders = {local(b): (b.get(W + "val"), b.get(W + "sz")) for b in pr.find(qn("w:tblBorders"))}
    assert borders["top"] == ("single", "8") and borders["bottom"] == ("single", "8")
    assert borders["insideH"] == ("single", "6")
    assert borders["left"][0] == borders["right"][0] == borders["insideV"][0] == "nil"
    cc, printed = [text_of(r) for r in rows]
    assert cc.startswith("抄送：区委各部门，") and cc.endswith("区人武部。")
    assert printed == "济南市槐荫区人民政府办公室\t2022年11月22日印发"
    cc_p = rows[0].find(f".//{W}p")
    pp = notice_docx.res.ppr(cc_p)
    assert (pp.left, pp.hanging, pp.right) == (1120, 840, 280)
    rp = notice_docx.res.rpr(cc_p.find(qn("w:r")), cc_p)
    assert rp.east_asia == "仿宋_GB2312" and rp.sz == 28
    pr_p = rows[1].find(f".//{W}p")
    tab = notice_docx.styles.find(f".//{W}style[@{W}styleId='GwColophonPrint']/{W}pPr/{W}tabs/{W}tab")
    assert tab.get(W + "val") == "right" and int(tab.get(W + "pos")) == 8844 - 280 - 10
    assert notice_docx.res.ppr(pr_p).left == 280


def test_unsealed_preprinted_without_table(tmp_path):
    notice = {**sample_notice(), "sealed": False, "letterhead": "preprinted",
              "attachments": ["槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）"]}
    render_notice(sample_plan(), notice, tmp_path / "n.docx",
                  {"paginate": False, "include_division_table": False})
    doc = Docx(tmp_path / "n.docx")
    everything = etree.tostring(doc.doc).decode()
    assert "济南市槐荫区人民政府文件" not in everything
    assert "FF0000" not in everything                    # no red rule on preprinted paper
    assert len(doc.sections) == 2 and "landscape" not in everything
    p = doc.find_p("^附件：槐荫区")                         # a single attachment: no number
    pp = doc.res.ppr(p)
    assert pp.left - pp.hanging == 630 and pp.hanging == 3 * 315
    name = doc.find_p("^济南市槐荫区人民政府$")
    assert doc.res.ppr(name).right == 2 * 315
    assert text_of(name.getprevious()) == "" and text_of(name.getprevious().getprevious()) != ""
    date = name.getnext()
    assert doc.res.ppr(date).jc == "left"
    assert doc.res.ppr(date).left == units.TYPE_W - 10 * 315   # 2 字 right of the name's start
    assert [text_of(p) for p in doc.paragraphs() if text_of(p) == "附件"] == ["附件"]


def test_fonts_can_be_overridden(tmp_path):
    notice = {**sample_notice(), "fonts": {"fangsong": "仿宋", "xiaobiaosong": "华文中宋"}}
    render_notice(sample_plan(), notice, tmp_path / "n.docx",
                  {"paginate": False, "latin_font": "Times New Roman", "fallbacks": {"fangsong": "FangSong"}})
    doc = Docx(tmp_path / "n.docx")
    body = doc.find_p("^现将《")
    rp = doc.run_props(body)
    assert rp.fonts["eastAsia"] == "仿宋" and rp.fonts["ascii"] == "Times New Roman"
    title = doc.find_p("^济南市槐荫区人民政府关于")
    assert doc.run_props(title).east_asia == "华文中宋"
    table = etree.fromstring(doc.raw["word/fontTable.xml"])
    alt = table.find(f"{W}font[@{W}name='仿宋']/{W}altName")
    assert alt.get(W + "val") == "FangSong"


def test_options(tmp_path):
    from reports.docx import RenderOptions
    with pytest.raises(ValueError, match="unknown render option"):
        RenderOptions.from_any({"colour": "red"})
    render_notice(sample_plan(), sample_notice(), tmp_path / "n.docx",
                  {"paginate": False, "bold_headings": True, "sealed_blank_lines": 2,
                   "mark_spacer_mm": 30, "red_rule_sz": 12})
    doc = Docx(tmp_path / "n.docx")
    assert doc.run_props(doc.find_p("^一、指导思想$")).bold
    assert doc.run_props(doc.find_p("^（一）建设中国地理标志")).bold
    assert not doc.run_props(doc.find_p("^现将")).bold
    mark = doc.find_p("^济南市槐荫区人民政府文件$")
    assert doc.res.ppr(mark.getprevious()).line == units.mm(30)
    assert doc.res.ppr(doc.find_p("^济槐政字")).border_bottom["sz"] == "12"
    name = doc.find_p("^济南市槐荫区人民政府$")
    assert text_of(name.getprevious().getprevious().getprevious()) != ""
