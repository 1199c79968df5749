"""The style sheet: docDefaults and the named styles a clerk can restyle in Word.

All of python-docx's template styles are removed: they carry theme fonts (Cambria and,
through themeFontLang ja-JP, ＭＳ 明朝 for Chinese), 10 pt spacing after and 1.15 lines.
"""
from __future__ import annotations

from . import units
from .options import RenderOptions
from .props import exact_line_for, ppr, rpr
from .xml import el, qn, set_child

# style id -> (Chinese name shown in Word, kind). Ids are ASCII so every tool accepts them.
BODY = "GwBody"
FLUSH = "GwFlush"
HEADING = {1: "GwHeading1", 2: "GwHeading2", 3: "GwHeading3", 4: "GwHeading4"}
KAI_CHAR = "GwKaiChar"
HEI_CHAR = "GwHeiChar"
ISSUER_MARK = "GwIssuerMark"
SPACER = "GwSpacer"
DOC_NUMBER = "GwDocNumber"
TITLE = "GwTitle"
ADDRESSEE = "GwAddressee"
ATTACH_LIST = "GwAttachList"
SIGNER = "GwSigner"
DATE = "GwDate"
NOTE = "GwNote"
ATTACH_LABEL = "GwAttachLabel"
ATTACH_TITLE = "GwAttachTitle"
TABLE_HEAD = "GwTableHead"
TABLE_TEXT = "GwTableText"
TABLE_SECTION = "GwTableSection"
COLOPHON = "GwColophon"
COLOPHON_CC = "GwColophonCc"
COLOPHON_PRINT = "GwColophonPrint"
FOOTER = "Footer"


def _style(root, kind, style_id, name, based_on=None, *, default=False, next_id=None,
           ui=None, hidden=False):
    s = el("style", type=kind, styleId=style_id)
    if default:
        s.set(qn("w:default"), "1")
    if style_id.startswith("Gw"):  # ours, not a Word built-in
        s.set(qn("w:customStyle"), "1")
    s.append(el("name", val=name))
    if based_on:
        s.append(el("basedOn", val=based_on))
    if next_id:
        s.append(el("next", val=next_id))
    if ui is not None:
        s.append(el("uiPriority", val=ui))
    if hidden:
        s.append(el("semiHidden"))
        s.append(el("unhideWhenUsed"))
    else:
        s.append(el("qFormat"))
    root.append(s)
    return s


def build_styles(styles_root, opts: RenderOptions, *, mark_sz: int = units.SZ_XIAOCHU) -> None:
    """Replace everything in styles.xml except latentStyles with the 公文 styles."""
    for child in list(styles_root):
        if child.tag in (qn("w:style"), qn("w:docDefaults")):
            styles_root.remove(child)

    fs, kai, hei = opts.face("fangsong"), opts.face("kaiti"), opts.face("heiti")
    xbs, song = opts.face("xiaobiaosong"), opts.face("songti")
    latin = opts.latin_font
    line = opts.line_pitch

    defaults = el("docDefaults")
    styles_root.insert(0, defaults)
    rpr(set_child(defaults, "rPrDefault"), face=fs, latin=latin, sz=units.SZ_BODY, lang=True)
    ppr(set_child(defaults, "pPrDefault"), line=line, before=0, after=0)

    # Normal: 3号仿宋 (the standard's default for unlisted elements), exact lines.
    s = _style(styles_root, "paragraph", "Normal", "Normal", default=True, ui=0)
    ppr(s, line=line, before=0, after=0, snap=False, jc="both", widow=False, auto_space=False)
    rpr(s, face=fs, latin=latin, sz=units.SZ_BODY, spacing=units.CHAR_SPACING_BODY)

    _style(styles_root, "character", "DefaultParagraphFont", "Default Paragraph Font",
           default=True, ui=1, hidden=True)
    t = _style(styles_root, "table", "TableNormal", "Normal Table", default=True, ui=99,
               hidden=True)
    tblpr = set_child(t, "tblPr")
    set_child(tblpr, "tblInd", w=0, type="dxa")
    mar = set_child(tblpr, "tblCellMar")
    for side, w in (("top", 0), ("left", 57), ("bottom", 0), ("right", 57)):
        mar.append(el(side, w=w, type="dxa"))
    _style(styles_root, "numbering", "NoList", "No List", default=True, ui=99, hidden=True)

    def para(style_id, name, based_on="Normal", p=None, r=None, next_id=None):
        s = _style(styles_root, "paragraph", style_id, name, based_on, next_id=next_id)
        if p:
            ppr(s, **p)
        if r:
            rpr(s, **r)
        return s

    bold = True if opts.bold_headings else None
    para(BODY, "公文正文", p=dict(first_line=units.BODY_FIRST_LINE))
    para(FLUSH, "公文顶格", p=dict(jc="left"))
    para(HEADING[1], "公文一级标题", BODY, next_id=BODY,
         p=dict(keep_next=True, outline=0), r=dict(face=hei, latin=latin, bold=bold))
    para(HEADING[2], "公文二级标题", BODY, next_id=BODY, p=dict(outline=1))
    para(HEADING[3], "公文三级标题", BODY, next_id=BODY, p=dict(outline=2))
    para(HEADING[4], "公文四级标题", BODY, next_id=BODY, p=dict(outline=3))
    para(ISSUER_MARK, "发文机关标志", p=dict(jc="center", line=exact_line_for(mark_sz)),
         r=dict(face=xbs, latin=latin, sz=mark_sz, spacing=0, color=opts.red_color))
    para(SPACER, "占位行", p=dict(jc="left"), r=dict(sz=2, spacing=0))
    para(DOC_NUMBER, "发文字号", p=dict(jc="center"))
    para(TITLE, "公文标题", p=dict(jc="center"),
         r=dict(face=xbs, latin=latin, sz=units.SZ_TITLE, spacing=0))
    para(ADDRESSEE, "主送机关", p=dict(jc="left"))
    para(ATTACH_LIST, "附件说明", p=dict(jc="left"))
    para(SIGNER, "发文机关署名", p=dict(jc="right", keep_next=True))
    para(DATE, "成文日期", p=dict(jc="right"))
    para(NOTE, "附注", p=dict(left=units.BODY_FIRST_LINE))
    para(ATTACH_LABEL, "附件标识", p=dict(jc="left", page_break_before=True),
         r=dict(face=hei, latin=latin))
    para(ATTACH_TITLE, "附件标题", TITLE)
    para(TABLE_TEXT, "表格文字", p=dict(line=units.TABLE_LINE, jc="left"),
         r=dict(sz=units.SZ_SMALL, spacing=0))
    para(TABLE_HEAD, "表格标题行", TABLE_TEXT, p=dict(jc="center"), r=dict(face=hei, latin=latin))
    para(TABLE_SECTION, "表格分组行", TABLE_TEXT, r=dict(face=hei, latin=latin))
    para(COLOPHON, "版记", p=dict(jc="left"), r=dict(sz=units.SZ_SMALL, spacing=0))
    para(COLOPHON_CC, "抄送机关", COLOPHON,
         p=dict(left=4 * units.CHAR_4, hanging=3 * units.CHAR_4, right=units.CHAR_4))
    para(COLOPHON_PRINT, "印发机关和印发日期", COLOPHON,
         p=dict(left=units.CHAR_4, tabs=[("right", units.TYPE_W - units.CHAR_4 - 10)]))
    # Footer lines stay short so the footer fits the 35 mm bottom margin at 25.4 mm.
    f = para(FOOTER, "footer", p=dict(line=400, jc="right"),
             r=dict(face=song, latin=latin, sz=units.SZ_SMALL, spacing=0))
    f.find(qn("w:qFormat")).getparent().remove(f.find(qn("w:qFormat")))

    c = _style(styles_root, "character", KAI_CHAR, "楷体标题字符", "DefaultParagraphFont")
    rpr(c, face=kai, latin=latin, bold=bold)
    c = _style(styles_root, "character", HEI_CHAR, "黑体字符", "DefaultParagraphFont")
    rpr(c, face=hei, latin=latin)

