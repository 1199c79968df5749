"""Append paragraphs, tables and section breaks to a document body, fast.

Paragraphs are built as XML and inserted before the body's final sectPr in O(1);
python-docx's add_paragraph would look the sectPr up again for every paragraph.
"""
from __future__ import annotations

import copy

from .props import ppr, rpr
from .styles import SPACER
from .xml import el, qn


def run(text: str, **props):
    """A w:r for `text`; newlines become w:br, tabs w:tab. props go to rpr()."""
    r = el("r")
    if props:
        rpr(r, **props)
    parts = text.split("\n")
    for i, part in enumerate(parts):
        if i:
            r.append(el("br"))
        chunks = part.split("\t")
        for j, chunk in enumerate(chunks):
            if j:
                r.append(el("tab"))
            if chunk:
                t = el("t")
                t.text = chunk
                if chunk != chunk.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
    return r


def paragraph(style: str | None, runs=(), **pprops):
    """A w:p with pStyle `style`, direct paragraph properties and runs.

    `runs` holds strings or (text, rpr-kwargs) pairs or ready w:r elements.
    """
    p = el("p")
    if style or pprops:
        ppr(p, style=style, **pprops)
    for item in runs:
        if isinstance(item, str):
            if item:
                p.append(run(item))
        elif isinstance(item, tuple):
            text, props = item
            if text:
                p.append(run(text, **props))
        else:
            p.append(item)
    return p


class BodyBuilder:
    """Writes into the w:body of a python-docx Document."""

    def __init__(self, document):
        self.document = document
        self.body = document.element.body
        self.final_sectpr = self.body.find(qn("w:sectPr"))
        self.last_p = None

    def add(self, element):
        self.final_sectpr.addprevious(element)
        if element.tag == qn("w:p"):
            self.last_p = element
        return element

    def p(self, style, runs=(), **pprops):
        return self.add(paragraph(style, runs, **pprops))

    def blank(self, n: int = 1, style: str = "Normal", **pprops):
        """N blank lines: empty paragraphs on the same exact line (never space_before)."""
        for _ in range(n):
            self.p(style, **pprops)

    def spacer(self, height_twips: int, **pprops):
        """An empty paragraph of an exact height (positions the mark and the colophon)."""
        return self.p(SPACER, line=max(int(height_twips), 20), **pprops)

    def end_section(self, sectpr):
        """Close the current section with `sectpr` in its last paragraph.

        doc.add_section() would add an extra paragraph that spills onto a blank page
        when the section's last page is full (design §5.4).  A section ending with a
        table gets a 1 pt paragraph after it (LibreOffice lost such tables otherwise).
        """
        target = self.last_p
        if target is None or target.getnext() is not self.final_sectpr:
            target = self.add(paragraph(None, line=20))
        pPr = ppr(target)
        pPr.append(copy.deepcopy(sectpr) if sectpr.getparent() is not None else sectpr)
        return target
