"""Effective paragraph and run properties of a .docx, after style inheritance.

Order (lowest first): docDefaults -> paragraph style chain (basedOn) -> character style
chain -> direct formatting.  Theme fonts are resolved through theme1.xml and, when the
theme leaves the East Asian face empty, through settings' themeFontLang — which is how
python-docx's template ends up at ＭＳ 明朝.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .xml import R_NS, W, local, qn

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SCRIPT = {"ja-JP": "Jpan", "zh-CN": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "ko-KR": "Hang"}
_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _xml(data: bytes):
    return etree.fromstring(data, _SAFE)


@dataclass
class RunProps:
    fonts: dict = field(default_factory=dict)        # slot -> face (theme resolved)
    theme_fonts: dict = field(default_factory=dict)  # slot -> theme name, when used
    sz: int | None = None
    spacing: int | None = None
    color: str | None = None
    bold: bool = False

    @property
    def east_asia(self) -> str | None:
        return self.fonts.get("eastAsia")


@dataclass
class ParaProps:
    line: int | None = None
    line_rule: str | None = None
    first_line: int = 0
    first_line_chars: int | None = None
    hanging: int = 0
    left: int = 0
    right: int = 0
    jc: str = "left"
    page_break_before: bool = False
    snap_to_grid: bool = True
    border_bottom: dict | None = None


class Package:
    """The parts of a .docx the checker needs, parsed once."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            self.document = _xml(z.read("word/document.xml"))
            self.styles = _xml(z.read("word/styles.xml")) if "word/styles.xml" in names else None
            self.settings = _xml(z.read("word/settings.xml")) if "word/settings.xml" in names else None
            rels = _xml(z.read("word/_rels/document.xml.rels"))
            self.rels = {}
            theme = None
            for rel in rels:
                target = posixpath.normpath(posixpath.join("word", rel.get("Target")))
                self.rels[rel.get("Id")] = (rel.get("Type"), target)
                if rel.get("Type") == RT_BASE + "theme" and target in names:
                    theme = _xml(z.read(target))
            self.parts = {rid: _xml(z.read(t)) for rid, (ty, t) in self.rels.items()
                          if ty in (RT_BASE + "footer", RT_BASE + "header") and t in names}
        self.theme = theme
        self.resolver = StyleResolver(self.styles, self.theme, self.settings)

    def part_for(self, rid):
        return self.parts.get(rid)


class StyleResolver:
    def __init__(self, styles, theme, settings):
        self.by_id = {}
        self.default_para = None
        self.default_char = None
        self.rpr_default = None
        self.ppr_default = None
        if styles is not None:
            for s in styles.findall(qn("w:style")):
                sid = s.get(W + "styleId")
                self.by_id[sid] = s
                if s.get(W + "default") in ("1", "true", "on"):
                    if s.get(W + "type") == "paragraph":
                        self.default_para = sid
                    elif s.get(W + "type") == "character":
                        self.default_char = sid
            dd = styles.find(qn("w:docDefaults"))
            if dd is not None:
                self.rpr_default = dd.find(f"{W}rPrDefault/{W}rPr")
                self.ppr_default = dd.find(f"{W}pPrDefault/{W}pPr")
        self.theme_fonts = _theme_fonts(theme, settings)
        self._chain_cache = {}

    def chain(self, style_id):
        """The style and its basedOn ancestors, root first."""
        if style_id in self._chain_cache:
            return self._chain_cache[style_id]
        out, seen, sid = [], set(), style_id
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            s = self.by_id[sid]
            out.append(s)
            based = s.find(qn("w:basedOn"))
            sid = based.get(W + "val") if based is not None else None
        out.reverse()
        self._chain_cache[style_id] = out
        return out

    def para_style_id(self, p):
        ps = p.find(f"{W}pPr/{W}pStyle")
        return ps.get(W + "val") if ps is not None else self.default_para

    def ppr(self, p) -> ParaProps:
        props = ParaProps()
        layers = [self.ppr_default] + [s.find(qn("w:pPr")) for s in self.chain(self.para_style_id(p))]
        layers.append(p.find(qn("w:pPr")))
        for layer in layers:
            if layer is not None:
                _apply_ppr(props, layer)
        return props

    def rpr(self, r, p) -> RunProps:
        props = RunProps()
        layers = [self.rpr_default]
        layers += [s.find(qn("w:rPr")) for s in self.chain(self.para_style_id(p))]
        rpr = r.find(qn("w:rPr")) if r is not None else None
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        char_id = rstyle.get(W + "val") if rstyle is not None else self.default_char
        layers += [s.find(qn("w:rPr")) for s in self.chain(char_id)]
        layers.append(rpr)
        for layer in layers:
            if layer is not None:
                _apply_rpr(props, layer)
        for slot, theme_name in props.theme_fonts.items():
            props.fonts[slot] = self.theme_fonts.get(theme_name, "")
        return props


def _on(el) -> bool:
    return el.get(W + "val", "1") not in ("0", "false", "off")


def _int(value, default=None):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


def _apply_ppr(props: ParaProps, ppr) -> None:
    for child in ppr:
        name = local(child)
        if name == "spacing":
            if child.get(W + "line") is not None:
                props.line = _int(child.get(W + "line"))
                props.line_rule = child.get(W + "lineRule", "auto")
        elif name == "ind":
            for attr, key in (("firstLine", "first_line"), ("hanging", "hanging"),
                              ("left", "left"), ("start", "left"), ("right", "right"),
                              ("end", "right")):
                if child.get(W + attr) is not None:
                    setattr(props, key, _int(child.get(W + attr), 0))
            if child.get(W + "hanging") is not None:
                props.first_line = 0
            if child.get(W + "firstLine") is not None:
                props.hanging = 0
            if child.get(W + "firstLineChars") is not None:
                props.first_line_chars = _int(child.get(W + "firstLineChars"))
        elif name == "jc":
            props.jc = child.get(W + "val", "left")
        elif name == "pageBreakBefore":
            props.page_break_before = _on(child)
        elif name == "snapToGrid":
            props.snap_to_grid = _on(child)
        elif name == "pBdr":
            bottom = child.find(qn("w:bottom"))
            if bottom is not None:
                props.border_bottom = {k.split("}")[-1]: v for k, v in bottom.attrib.items()}


def _apply_rpr(props: RunProps, rpr) -> None:
    for child in rpr:
        name = local(child)
        if name == "rFonts":
            for slot in _FONT_SLOTS:
                theme_attr = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme",
                              "eastAsia": "eastAsiaTheme", "cs": "cstheme"}[slot]
                if child.get(W + theme_attr) is not None:
                    props.theme_fonts[slot] = child.get(W + theme_attr)
                elif child.get(W + slot) is not None:
                    props.fonts[slot] = child.get(W + slot)
                    props.theme_fonts.pop(slot, None)
        elif name == "sz":
            props.sz = _int(child.get(W + "val"))
        elif name == "spacing":
            props.spacing = _int(child.get(W + "val"))
        elif name == "color":
            props.color = (child.get(W + "val") or "").upper()
        elif name == "b":
            props.bold = _on(child)


def _theme_fonts(theme, settings) -> dict:
    """Theme font name (minorEastAsia…) -> face, following themeFontLang for empty faces."""
    if theme is None:
        return {}
    lang = None
    if settings is not None:
        tfl = settings.find(qn("w:themeFontLang"))
        if tfl is not None:
            lang = tfl.get(W + "eastAsia")
    out = {}
    a = "{%s}" % A_NS
    for kind in ("major", "minor"):
        font = theme.find(f".//{a}{kind}Font")
        if font is None:
            continue
        latin = font.find(a + "latin")
        ea = font.find(a + "ea")
        cs = font.find(a + "cs")
        ea_face = ea.get("typeface") if ea is not None else ""
        if not ea_face and lang in _SCRIPT:
            for f in font.findall(a + "font"):
                if f.get("script") == _SCRIPT[lang]:
                    ea_face = f.get("typeface")
        out[f"{kind}HAnsi"] = latin.get("typeface") if latin is not None else ""
        out[f"{kind}Ascii"] = out[f"{kind}HAnsi"]
        out[f"{kind}EastAsia"] = ea_face
        out[f"{kind}Bidi"] = cs.get("typeface") if cs is not None else ""
    return out


def sections_of(body):
    """[(elements, sectPr)] in order; a section ends with the paragraph holding its sectPr."""
    out, current = [], []
    for child in body:
        if child.tag == qn("w:sectPr"):
            out.append((current, child))
            current = []
            continue
        current.append(child)
        sp = child.find(f"{W}pPr/{W}sectPr") if child.tag == qn("w:p") else None
        if sp is not None:
            out.append((current, sp))
            current = []
    if current:
        out.append((current, None))
    return out


def rid_of(ref) -> str | None:
    return ref.get("{%s}id" % R_NS)
