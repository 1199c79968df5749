"""Plain text -> blocks: paragraphs (numbered by input line) and tables.

Web furniture is dropped line by line (reading the gov.cn metadata on the way), a trailing
web block (contact, related links) is cut, <p> remnants split paragraphs, and lines
hard-wrapped by a PDF viewer are joined again. Tables come tab-separated, or flattened
with spaces under a header row such as "序号 重点任务 牵头单位 配合单位 完成时限"
(``SpacedTable``). The .docx reader produces the same blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import furniture
from .labels import parse_label
from .normalize import normalise, split_html_blocks, strip_html, unwrap
from .responsibility import LABEL_RE
from .spaced_table import SpacedTable


# the empty fields and buttons of a web page's feedback form
FORM_RESIDUE = re.compile(
    r"^[—\-－*＊·•\s]*(?:姓\s*名|联系方式|联系电话|手机号码?|电子邮箱|邮\s*箱|验\s*证\s*码|留言(?:内容|标题)?"
    r"|意见建议|您的意见|标\s*题|内\s*容|通讯地址|工作单位)\s*[:：]\s*[*＊]?$"
    r"|^(?:提\s*交|重\s*置|发表评论|我要留言|看不清[，,]?换一张|点击更换)$")
# "联系人：孙映吟，联系电话：81085234": the notice's contact, never a title or a task
CONTACT_LINE = re.compile(
    r"^[（(]?\s*(?:联\s*系\s*人|联络人)[:：][^。]{0,60}?(?:电话|手机|联系方式|座机)[:：]?\s*[\d（()）\-—－ ，,、]{5,}")


@dataclass
class Para:
    line: int
    text: str
    page: int = 0        # where a paged source (PDF, scan) has it: page 1…, 0 when unknown
    page_line: int = 0   # the line on that page where the paragraph starts (1…)


@dataclass
class Table:
    rows: list = field(default_factory=list)  # [(line, [cell, …])]
    page: int = 0        # the page the table starts on, 0 when unknown


def text_blocks(text: str) -> tuple[list, dict]:
    """Lines -> paragraphs and tables, furniture dropped, wrapped lines re-joined."""
    meta: dict = {}
    items: list[tuple[int, str, bool]] = []  # (line, text, is a table row)
    # each non-blank line with whether it is furniture, and where the site labels
    # ("主办单位：…") among them went in items: footer or a task's responsibility
    seen: list[tuple[str, bool]] = []
    held: dict[int, int] = {}
    spaced = SpacedTable()
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        raw = _pipes(raw)
        if spaced.take(number, raw):
            continue
        items.extend(spaced.flush())
        if "\t" in raw and _cells_filled(raw) >= 2:
            items.append((number, raw, True))
            seen.append((raw, False))
            continue
        if spaced.start(number, raw):
            continue
        for part in _unflatten(split_html_blocks(raw)):
            clean = normalise(part)
            if clean and FORM_RESIDUE.match(clean):
                seen.append((clean, True))
                continue  # a web page's feedback form: "——姓名：", "*验证码：", "提交"
            if clean and furniture.is_furniture(clean):
                # dropped without a trace: a page number must not split a wrapped paragraph
                meta.update({k: v for k, v in furniture.read_metadata(clean).items() if k not in meta})
                seen.append((clean, True))
                continue
            if clean:
                if furniture.is_site_label(clean):
                    held[len(seen)] = len(items)
                seen.append((clean, False))
            items.append((number, clean, False))
    items.extend(spaced.flush())
    footer = {held[i] for i in furniture.footer_site_labels(seen, _plan_line) if i in held}
    # the footer's first line ends the page as "版权所有" does (see ``_cut_trailing``)
    footer_line = min((items[j][0] for j in footer), default=None)
    for j in footer:
        items[j] = (items[j][0], "", False)  # a blank: what stood around it stays apart
    # a table is two or more tab-separated rows (blank lines may sit between them)
    blocks: list = []
    run: list = []

    def close_run():
        if len(run) >= 2:
            blocks.append(Table([(n, raw.split("\t")) for n, raw in run]))
        else:
            blocks.extend(Para(n, normalise(raw)) for n, raw in run)
        run.clear()

    plain: list[tuple[int, str]] = []
    for number, value, is_row in items:
        if is_row:
            if plain:
                blocks.extend(_paragraphs(plain))
                plain = []
            run.append((number, value))
        elif not value:
            plain.append((number, ""))
        else:
            close_run()
            plain.append((number, value))
    close_run()
    blocks.extend(_paragraphs(plain))
    return _cut_trailing(blocks, footer_line), meta


_PARAGRAPH_SPACE = re.compile(r"(?<=[\u4e00-\u9fff。；：:，,、）)》”])[ \u3000]+(?=[\u4e00-\u9fff（(《“\d])")


def _unflatten(parts: list[str]) -> list[str]:
    """A page that stored the whole document on one line, paragraphs separated by spaces
    ("…执行。 海盐县人民政府办公室 2022年4月18日 … 一、… 1.… 责任单位:…"): split it
    back into paragraphs. Only a long line whose space-separated pieces start numbered
    items at least twice is taken for one; elsewhere a space may separate unit names."""
    out: list[str] = []
    for part in parts:
        pieces = _PARAGRAPH_SPACE.split(part) if len(part) > 150 else [part]
        numbered = sum(1 for p in pieces[1:] if _numbered(p))
        out.extend(pieces if len(pieces) >= 4 and numbered >= 2 else [part])
    return out


def _pipes(raw: str) -> str:
    """A web table copied with | between cells ("序号 | 工作事项 | 进度安排 |"): its rows
    become tab-separated like any other table; a row of metadata keys and values
    ("索引号: | … | 成文日期: | … |") becomes one line for the furniture reader; a lone
    trailing | or a line of bars is dropped."""
    if "|" not in raw:
        return raw
    stripped = raw.strip()
    if not stripped.strip("| "):
        return ""
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    if len(cells) < 2:
        return cells[0] if cells else ""
    if any(c.endswith((":", "：")) for c in cells):
        return " ".join(c for c in cells if c)
    return "\t".join(cells)


def _cells_filled(raw: str) -> int:
    return sum(1 for cell in raw.split("\t") if strip_html(cell).strip())


def _paragraphs(plain: list[tuple[int, str]]) -> list[Para]:
    def starts_item(text):
        # "2.5件以上" at the start of a wrapped line is a number, not an item
        label = parse_label(text)
        return (label is not None and not label.ambiguous) or LABEL_RE.match(text) is not None
    return [Para(n, part) for n, t in unwrap(plain, starts_item) if t for part in _run_on_items(t)]


# a sentence's end followed by a bracketed or enclosed label: "…编制。（二）围绕…"
_RUN_ON_START = re.compile(r"(?<=[。；;！])\s*(?=[（(〔][一二三四五六七八九十百\d]+[）)〕]|[①-⑳])")


def _run_on_items(text: str) -> list[str]:
    """One paragraph in which numbered items run on ("（一）开展…编制。（二）围绕…。（三）…"):
    split it where a sentence ends and the next number of the same style begins. Only a
    paragraph that starts with such a label and counts on from it (1, 2, 3…) is split; a
    bracket that is no number ("（以市政府正式下达指标为准）") or a number out of order stays."""
    first = parse_label(text)
    if first is None or first.number is None or first.ambiguous or not _RUN_ON_START.search(text):
        return [text]
    parts, start, expected = [], 0, first.number + 1
    for m in _RUN_ON_START.finditer(text):
        label = parse_label(text[m.end():])
        if label is not None and label.style == first.style and label.number == expected:
            parts.append(text[start:m.start()].strip())
            start, expected = m.end(), expected + 1
    parts.append(text[start:].strip())
    return parts


def _plan_line(text: str) -> bool:
    """A line of a plan's body a task's responsibility line may follow: a numbered item, a
    sentence, a labelled field ("完成时限：…") or a table row."""
    return (_numbered(text) or text.rstrip()[-1:] in ("。", "；", ";", "！", "）", ")")
            or LABEL_RE.match(text) is not None or "\t" in text)


def _numbered(text: str) -> bool:
    label = parse_label(text)
    return label is not None and not label.ambiguous


def _cut_trailing(blocks: list, footer_line: int | None = None) -> list:
    """Drop a web page's tail (contact, related links, what follows its footer) when no
    numbered item follows it."""
    paras = [b for b in blocks if isinstance(b, Para)]
    texts = [p.text for p in paras]
    start = furniture.trailing_start(texts, _numbered)
    if footer_line is not None:
        after = next((i for i, p in enumerate(paras) if p.line > footer_line), None)
        if after is not None and not any(_numbered(t) for t in texts[after:]):
            start = after if start is None else min(start, after)
    if start is None:
        return blocks
    cut_line = paras[start].line
    return [b for b in blocks if not (isinstance(b, Para) and b.line >= cut_line)
            and not (isinstance(b, Table) and b.rows[0][0] >= cut_line)]
