"""A blank 公文 document: python-docx's Document() with its template neutralised.

Design §5.1: the template behind Document() is US Letter, Cambria 11 pt, 1.15 lines,
and resolves Chinese text to ＭＳ 明朝 through the theme and themeFontLang ja-JP.  We keep
only the package skeleton and rewrite styles, settings, font table and properties.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..atomic import atomic_path
from . import units
from .fonts import font_table_xml
from .options import RenderOptions
from .sections import fill
from .styles import build_styles
from .xml import qn, set_child

# Parts of the template that only carry its look: theme (Cambria, ＭＳ 明朝),
# stylesWithEffects, numbering (bullet lists), customXml, web settings.
_DROP = {RT.THEME, RT.CUSTOM_XML, RT.NUMBERING, RT.WEB_SETTINGS,
         "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}

_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>PlanDesk</Application><DocSecurity>0</DocSecurity></Properties>"
)


def new_document(opts: RenderOptions | None = None, *, mark_sz: int = units.SZ_XIAOCHU,
                 title: str = ""):
    opts = opts or RenderOptions()
    document = docx.Document()
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _DROP:
            part.drop_rel(rid)
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML
    for rel in part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            root = font_table_xml(opts.fonts, opts.fallbacks, opts.latin_font)
            rel.target_part._blob = etree.tostring(root, xml_declaration=True,
                                                   encoding="UTF-8", standalone=True)

    build_styles(document.styles.element, opts, mark_sz=mark_sz)
    _settings(document)
    _core_properties(document, title)

    body = document.element.body
    for child in list(body):
        body.remove(child)
    body.append(fill(set_child(body, "sectPr"), line_pitch=opts.line_pitch,
                     footer_distance_mm=opts.footer_distance_mm))
    return document


def _settings(document) -> None:
    settings = document.settings.element
    math_pr = "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"
    w14_doc_id = "{http://schemas.microsoft.com/office/word/2010/wordml}docId"
    for tag in (qn("w:rsids"), qn("w:attachedTemplate"), qn("w:proofState"),
                qn("w:savePreviewPicture"), math_pr, w14_doc_id):
        for child in settings.findall(tag):
            settings.remove(child)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    tab = settings.find(qn("w:defaultTabStop"))
    if tab is not None:
        tab.set(qn("w:val"), str(2 * units.CHAR_3))
    # Odd and even pages carry their numbers on different sides.
    document.settings.odd_and_even_pages_header_footer = True


def _core_properties(document, title: str) -> None:
    core = document.core_properties
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    core.author = "PlanDesk"
    core.last_modified_by = "PlanDesk"
    core.comments = ""
    core.title = title
    core.created = now
    core.modified = now
    core.revision = 1


def save_atomic(document, out_path) -> Path:
    """Write to a temp file in the target directory, then os.replace (never a half file)."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return out
