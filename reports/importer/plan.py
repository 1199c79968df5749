"""Assembling a plan: blocks (paragraphs and tables) -> head + task tree -> the plan dict.

The same assembly serves plain text (``parse_text``) and .docx (``docx_reader``): both
first turn their input into blocks, numbered by line (text) or by paragraph/row (.docx).
"""

from __future__ import annotations

import re

from models.gc_pause import collector_paused
from models.hanzi_fold import fold, has_traditional

from .as_written import AsWritten
from .attachments import take_attachment_list
from .blocks import CONTACT_LINE, Para, Table, text_blocks
from .decoding import MAX_TEXT_BYTES
from .division_word import note_division_word
from .errors import PlanImportError
from .head import find_body_start, parse_head
from .head_lines import is_attachment_label, kind_of, split_tail
from .labels import parse_label
from .normalize import html_page_to_text, looks_like_html_page, normalise, split_html_blocks
from .responsibility import Convention, read_convention
from .sections import Section, attach_section
from .sentences import is_caption_text
from .result import add_sources, plan_dict
from .tasks import Finisher
from .tree import TreeBuilder

_NOTE_LINE = re.compile(r"^[（(]?(?:注|备注|说明)\s*\d?\s*[:：]")


def parse_text(text: str, source_name: str = "") -> dict:
    """Parse a plan's text (as pasted or read from a .txt file) into the plan dict."""
    name = source_name or "text"
    if not isinstance(text, str):
        raise PlanImportError(name, "importer.not_text")
    if len(text) > MAX_TEXT_BYTES:
        raise PlanImportError(name, "importer.too_large")
    if not text.strip():
        raise PlanImportError(name, "importer.empty")
    with collector_paused():
        if looks_like_html_page(text):
            text = html_page_to_text(text)
        written = _written_lines(text) if has_traditional(text) else None
        blocks, meta = text_blocks(fold(text) if written else text)
        # the whole text was looked at for traditional characters: its blocks need not be
        plan = _assemble(blocks, {"source_unit": "line", **meta}, name)
        if written is not None:
            written.restore(plan)
        return plan


def assemble(blocks: list, meta: dict, name: str, written: AsWritten | None = None) -> dict:
    """Blocks -> the plan dict. Blocks in traditional characters are read from a folded
    copy and the plan's strings given back as written (``as_written``); ``written`` is
    the document as written when the caller folded the blocks itself."""
    with collector_paused():
        if written is None:
            written = AsWritten.of_blocks(blocks)
            if written is not None:
                blocks = [_folded(b) for b in blocks]
        plan = _assemble(blocks, meta, name)
        if written is not None:
            written.restore(plan)
        return plan


def _folded(block):
    if isinstance(block, Para):
        return Para(block.line, fold(block.text), block.page, block.page_line)
    rows = [(n, [fold(c) if isinstance(c, str) else c for c in cells]) for n, cells in block.rows]
    return Table(rows, block.page)


def _written_lines(text: str) -> AsWritten:
    """Each input line as written, both raw (a table row keeps its tabs) and normalised
    as ``text_blocks`` reads it: the plan's strings are looked up in either."""
    lines = {}
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if raw.strip():
            clean = "\n".join(normalise(part) for part in split_html_blocks(raw))
            lines[number] = raw if clean == raw else f"{clean}\n{raw}"
    return AsWritten(lines)


def _assemble(blocks: list, meta: dict, name: str) -> dict:
    warnings: list = []
    source_blocks = blocks
    # the notice's contact line is neither title, preamble nor task, wherever it stands
    contacts = [b.text for b in blocks if isinstance(b, Para) and CONTACT_LINE.match(b.text)]
    blocks = [b for b in blocks if not (isinstance(b, Para) and CONTACT_LINE.match(b.text))]
    first_table = next((i for i, b in enumerate(blocks) if isinstance(b, Table)), len(blocks))
    paras = [(b.line, b.text) for b in blocks[:first_table]]
    body_start, notice, plan_title = find_body_start(paras)
    if body_start == len(paras) and first_table == len(blocks):
        raise PlanImportError(name, "importer.no_structure")
    fields = parse_head(paras[:body_start], notice, plan_title, meta, warnings, name)
    fields["head"]["contact"] = "；".join(c.strip("（）()") for c in contacts)
    take_attachment_list(fields["head"])
    if body_start == len(paras) and first_table < len(blocks):
        _table_caption_is_title(paras, fields)
    body = [Para(*p) for p in paras[body_start:]] + blocks[first_table:]
    # "注：排在第一位的为牵头单位" under a table speaks for the whole document
    notes = [b for b in body if isinstance(b, Para) and _NOTE_LINE.match(b.text)
             and read_convention(b.text) != Convention()]
    if notes:
        body = [b for b in body if b not in notes]
        fields["preamble"] = "\n".join([fields["preamble"]] + [b.text for b in notes]).strip()
    # what the notice's own points or the preamble state "下同" holds for every task
    convention = Convention()
    for said in (fields["head"].get("body") or "", fields["preamble"]):
        if said:
            convention = read_convention(said, convention)
    # a plan issued as its own document ends with its signer and date (and 抄送, 印发)
    last_table = max((i for i, b in enumerate(body) if isinstance(b, Table)), default=-1)
    tail = [(b.line, b.text) for b in body[last_table + 1:]]
    keep = split_tail(tail, fields["head"])
    if fields["issuer"] == "" and fields["head"]["signer"]:
        fields["issuer"] = fields["head"]["signer"]
    if fields["year"] is None and fields["head"]["date"]:
        fields["year"] = int(fields["head"]["date"][:4])
    body = body[:last_table + 1 + keep]

    main = Section(TreeBuilder(warnings), "", 0)
    caption = _caption_before_body(paras, body_start, fields)
    if caption is not None:
        main.builder.add_caption(caption[1], caption[0])
    sections = [main]
    section = main
    for block in body:
        if isinstance(block, Table):
            if section is main and main.builder.roots and main.table is None:
                # a table after the plan's text: a division of the same tasks, or the tasks
                # of the heading above it (decided once both are read, in attach_section)
                anchor = main.builder.stack[-1] if main.builder.stack else None
                section = Section(TreeBuilder(warnings), "", block.rows[0][0], anchor=anchor)
                sections.append(section)
            section.table_rows(block, warnings)
            continue
        marker = is_attachment_label(block.text)
        if marker and (main.builder.roots or main.table):
            section = Section(TreeBuilder(warnings), marker.group("rest").strip(), block.line,
                               block.text)
            sections.append(section)
            continue
        if section is not main and not section.marker:
            section = main  # the text goes on after a table that sat inside the plan
        section.paragraph(block)
    roots = main.builder.finish()
    if main.builder.loose:
        extra = "\n".join(p.text for p in main.builder.loose)
        fields["preamble"] = (fields["preamble"] + "\n" + extra).strip()
    if not roots:
        raise PlanImportError(name, "importer.no_structure")
    if main.table and main.table.title and fields.get("kind") == "other":
        fields["kind"] = "division_table"
    finisher = Finisher(warnings, convention)
    tasks = finisher.tasks(roots)
    kept: list = []
    for i, section in enumerate(sections[1:], 2):
        attach_section(section, finisher, tasks, warnings, kept, fields["head"],
                       followed=i < len(sections))
    plan = plan_dict(fields, tasks, warnings, finisher.convention)
    plan["attachments"] = kept
    add_sources(plan, meta, source_blocks)
    note_division_word(plan, _block_texts(source_blocks))
    return plan


def _block_texts(blocks: list):
    for block in blocks:
        if isinstance(block, Para):
            yield block.text
        elif isinstance(block, Table):
            for _, cells in block.rows:
                yield from (str(c) for c in cells if c)


def _table_caption_is_title(paras: list, fields: dict) -> None:
    """A document that is only a table: the caption right above it ("…重点任务分工表") is
    the title, rather than a page heading further up."""
    if not paras:
        return
    text = paras[-1][1]
    lines = fields["preamble"].split("\n") if fields["preamble"] else []
    if not lines or lines[-1] != text or len(text) > 80 or text[-1] in "。；：:，" \
            or kind_of(text) != "division_table":
        return
    fields["preamble"] = "\n".join(lines[:-1])
    fields["title"], fields["kind"] = text, "division_table"


def _caption_before_body(paras: list, body_start: int, fields: dict):
    """(line, text) of an unnumbered heading right above the first numbered item, or None.

    "…进行责任分解。" / "“十三五”应急体系9个具体建设任务" / "（一）“一案三制”建设": when the
    plan's first item is not a top-level one (一、 or 第一部分), a short line without
    punctuation between the preamble and it is the heading of the items that follow, not
    preamble. It is taken out of the preamble.
    """
    if body_start <= 0 or body_start >= len(paras):
        return None
    label = parse_label(paras[body_start][1])
    line, text = paras[body_start - 1]
    lines = fields["preamble"].split("\n") if fields["preamble"] else []
    if (label is None or label.style not in ("2", "3", "4", "5", "paren1") or not lines or lines[-1] != text
            or not is_caption_text(text) or text == fields.get("title")):
        return None
    fields["preamble"] = "\n".join(lines[:-1])
    return line, text
