"""Small lxml helpers for WordprocessingML.

pPr, rPr, tblPr, sectPr… are XML *sequences*: a child in the wrong place is silently
dropped by LibreOffice (a pBdr after snapToGrid vanished, design §5.4) and may make Word
repair the file.  `set_child` therefore always inserts at the schema position.
"""
from __future__ import annotations

from docx.oxml.parser import oxml_parser
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
W = "{%s}" % W_NS
R = "{%s}" % R_NS
NSMAP = {"w": W_NS, "r": R_NS, "v": V_NS, "o": O_NS}

_ORDER = {
    "pPr": """pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
        suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap
        overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd
        snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc
        textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr
        sectPr pPrChange""",
    "rPr": """rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow
        emboss imprint noProof snapToGrid vanish webHidden color spacing w kern
        position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang
        eastAsianLayout specVanish oMath""",
    "sectPr": """headerReference footerReference footnotePr endnotePr type pgSz pgMar
        paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg
        textDirection bidi rtlGutter docGrid printerSettings sectPrChange""",
    "tblPr": """tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize
        tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout
        tblCellMar tblLook tblCaption tblDescription""",
    "tcPr": """cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar
        textDirection tcFitText vAlign hideMark""",
    "style": """name aliases basedOn next link autoRedefine hidden uiPriority semiHidden
        unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr
        rPr tblPr trPr tcPr tblStylePr""",
    "tblBorders": "top left start bottom right end insideH insideV",
    "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl",
    "pBdr": "top left bottom right between bar",
}
ORDER = {k: v.split() for k, v in _ORDER.items()}
# rPr inside pPr, the paragraph mark's properties, share the rPr order.
ORDER["rPrDefault"] = ["rPr"]


def qn(tag: str) -> str:
    """'w:sz' -> Clark notation; a bare name is taken as w:."""
    if tag.startswith("{"):
        return tag
    prefix, _, local = tag.rpartition(":")
    return "{%s}%s" % (NSMAP[prefix or "w"], local)


def local(element) -> str:
    return etree.QName(element).localname


def set_attrs(element, attrs: dict) -> None:
    """w: attributes by name; 'r_id' style names (prefix_name) in that namespace; None skipped."""
    for key, value in attrs.items():
        if value is None:
            continue
        if "_" in key and key.split("_", 1)[0] in NSMAP:
            prefix, name = key.split("_", 1)
            element.set(qn(f"{prefix}:{name}"), str(value))
        else:
            element.set(W + key, str(value))


def el(tag: str, *children, nsmap=None, **attrs):
    """Make an element; attribute names are w: unless written 'r_id' style (prefix_name).

    Made by python-docx's parser so python-docx proxies of the tree keep working.
    """
    element = oxml_parser.makeelement(qn(tag), nsmap=nsmap)
    set_attrs(element, attrs)
    for child in children:
        if child is not None:
            element.append(child)
    return element


def set_child(parent, tag: str, **attrs):
    """Get or create the child `tag` of `parent` at its schema position; set attrs."""
    name = tag.split(":")[-1]
    child = parent.find(qn(tag))
    if child is None:
        child = oxml_parser.makeelement(qn(tag))
        order = ORDER.get(local(parent))
        if order and name in order:
            rank = order.index(name)
            for i, sibling in enumerate(parent):
                try:
                    if order.index(local(sibling)) > rank:
                        parent.insert(i, child)
                        break
                except ValueError:
                    continue
            else:
                parent.append(child)
        else:
            parent.append(child)
    set_attrs(child, attrs)
    return child


def remove_children(parent, tag: str) -> None:
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def wval(element, tag: str, attr: str = "val"):
    """The w:val (or another attribute) of a child, or None."""
    if element is None:
        return None
    child = element.find(qn(tag))
    if child is None:
        return None
    return child.get(W + attr)


def text_of(p) -> str:
    """Visible text of a paragraph (w:t and tabs; field instructions excluded)."""
    parts = []
    for node in p.iter(W + "t", W + "tab", W + "br"):
        name = local(node)
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab":
            if local(node.getparent()) == "r":
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)
