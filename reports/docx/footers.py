"""Page numbers: "— 1 —" in 4号 宋体, odd pages right, even pages left (design §3.4, §5.6).

Portrait pages use ordinary footers.  Landscape pages (the 分工表) keep the number where
it sits on the portrait sheet: turned 90° in the landscape left margin, drawn by a VML
text box (a DrawingML box was misplaced by LibreOffice 7.4).
"""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.parts.hdrftr import FooterPart
from lxml import etree

from . import units
from .builder import paragraph, run
from .props import rpr
from .styles import FOOTER
from .xml import el, qn

DASH = "\u2014"  # em dash; not "-", "－" or "——"


def page_field_runs(opts, *, vertical: bool = False):
    """The runs "— " PAGE " —" with 宋体 in all four slots (the digits too)."""
    props = dict(face=opts.face("songti"), latin=opts.latin_font, sz=units.SZ_SMALL, spacing=0)
    runs = [run(DASH + " ", **props)]
    for kind in ("begin", None, "separate", "cached", "end"):
        r = el("r")
        rpr(r, **props)
        if kind is None:
            instr = el("instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = " PAGE "
            r.append(instr)
        elif kind == "cached":
            t = el("t")
            t.text = "1"
            r.append(t)
        else:
            r.append(el("fldChar", fldCharType=kind))
        runs.append(r)
    runs.append(run(" " + DASH, **props))
    return runs


def _new_footer(document, paragraphs) -> str:
    part = FooterPart.new(document.part.package)
    root = part.element
    for child in list(root):
        root.remove(child)
    for p in paragraphs:
        root.append(p)
    return document.part.relate_to(part, RT.FOOTER)


def portrait_footers(document, opts) -> dict:
    """{"default": rId (odd pages), "even": rId}."""
    odd = paragraph(FOOTER, page_field_runs(opts), jc="right", right=units.CHAR_4, left=0,
                    first_line=0)
    even = paragraph(FOOTER, page_field_runs(opts), jc="left", left=units.CHAR_4, right=0,
                     first_line=0)
    return {"default": _new_footer(document, [odd]), "even": _new_footer(document, [even])}


def empty_footers(document) -> dict:
    """Footers without a number: the blank page before the colophon and the colophon page."""
    return {k: _new_footer(document, [paragraph(FOOTER, line=20)]) for k in ("default", "even")}


_SHAPETYPE = (
    '<v:shapetype xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" id="_x0000_t202" '
    'coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>'
    '</v:shapetype>'
)


def _vertical_box(opts, odd: bool, shape_id: int):
    """A footer paragraph anchoring a vertical VML text box with the page number.

    Landscape page coordinates: the box is 6.5 × 40 mm, its centre 28 mm from the left
    edge (the portrait bottom edge); odd pages end 1 字 inside the portrait right edge of
    the type area (179.1 mm from the top), even pages start 1 字 inside the left (32.9 mm).
    """
    char4_mm = units.to_mm(units.CHAR_4)
    height = 40.0
    if odd:
        top = units.to_mm(units.PAGE_W - units.MARGIN_RIGHT) - char4_mm - height
        jc = "right"
    else:
        top = units.to_mm(units.MARGIN_LEFT) + char4_mm
        jc = "left"
    width = 6.5
    left = 28.0 - width / 2
    style = (f"position:absolute;margin-left:{left:.2f}mm;margin-top:{top:.2f}mm;"
             f"width:{width}mm;height:{height}mm;z-index:251659264;"
             "mso-position-horizontal:absolute;mso-position-horizontal-relative:page;"
             "mso-position-vertical:absolute;mso-position-vertical-relative:page")
    inner = paragraph(FOOTER, page_field_runs(opts), jc=jc, left=0, right=0, first_line=0)
    shape = etree.SubElement(el("pict"), qn("v:shape"))
    pict = shape.getparent()
    pict.insert(0, etree.fromstring(_SHAPETYPE))
    shape.set("id", f"PageNumberBox{shape_id}")
    shape.set("type", "#_x0000_t202")
    shape.set("style", style)
    shape.set("filled", "f")
    shape.set("stroked", "f")
    box = etree.SubElement(shape, qn("v:textbox"))
    # layout-flow only, on the textbox: with mso-layout-flow-alt LibreOffice 7.4 did not
    # turn the text and wrapped it in the narrow box instead (measured).
    box.set("style", "layout-flow:vertical")
    box.set("inset", "0,0,0,0")
    content = etree.SubElement(box, qn("w:txbxContent"))
    content.append(inner)
    r = el("r")
    r.append(pict)
    return paragraph(FOOTER, [r], line=20, left=0, right=0, first_line=0)


def landscape_footers(document, opts) -> dict:
    return {
        "default": _new_footer(document, [_vertical_box(opts, True, 1)]),
        "even": _new_footer(document, [_vertical_box(opts, False, 2)]),
    }
