"""The tree builder: numbered paragraphs (and table cells) -> the task hierarchy.

Nesting follows the labels, not a fixed table of levels, because real plans skip levels
("1." directly under "二、") and continue numbers across sections (2–8 under （一）, 9–13
under （二）):

- a label style already open on the stack closes everything below it and becomes a sibling;
- a style seen for the first time becomes a child of the innermost open item, after closing
  open items of a conventionally deeper style (a "（二）" after "1." items goes back up);
- an ambiguous label ("11.121人才梯队项目", "1.5倍…") counts only when its number is the one
  expected next there (previous sibling + 1, 1 for a first child, or the last number of that
  style anywhere + 1 for run-on numbering); otherwise it stays text;
- unnumbered paragraphs wait until the next label shows what they are: the intro text of
  the heading above them, continuation text of the last task, or — when several of them
  under a bare heading each start with a short lead-in sentence — tasks of their own
  (``label_style`` "none"); once a document has shown that habit under headings of one
  style, a single lead-in paragraph under such a heading is a task too.

- decimal labels ("2.1", "2.1.3") nest under the open item numbered 2 (一、, 1., 第二部分)
  or 2.1, whatever its style; they count only where such an item is open;
- a caption (``add_caption``) is an unnumbered heading above the numbered items: the plan
  module adds one when a short line without punctuation sits right above a first item that
  is not top-level ("“十三五”应急体系9个具体建设任务" / "（一）…"); once a document has one,
  a lone short line after which the numbering restarts at 1 is the next caption.

Table rows use the same builder with ``column`` set: an unnumbered cell nests by column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .errors import warn
from .labels import EXPORTED, RANK, Label
from .sentences import has_lead_in, is_bare_heading, is_caption_text


@dataclass
class Node:
    style: str                 # label style key, "none", or "col<N>" for a table column
    number: int | None
    source_label: str
    line: int
    paras: list = field(default_factory=list)        # [(line, text)]; [0] holds the title
    annotations: list = field(default_factory=list)  # [(line, text)] role / deadline lines
    children: list = field(default_factory=list)
    column: int | None = None
    last_child: dict = field(default_factory=dict, repr=False)  # style -> latest child

    @property
    def label_style(self) -> str:
        return EXPORTED.get(self.style, "none")


@dataclass
class _Pending:
    line: int
    text: str
    annotations: list = field(default_factory=list)


class TreeBuilder:
    def __init__(self, warnings: list):
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last_number: dict[str, int] = {}
        self.last_node: Node | None = None
        self.loose: list[_Pending] = []   # unnumbered text before the first item
        self._pending: list[_Pending] = []
        self._warnings = warnings
        self._last_root: dict[str, Node] = {}  # style -> latest top-level item
        self._unnumbered_under: set[str] = set()  # heading styles with unnumbered tasks
        self._prefix: tuple = ()  # the decimal label being placed ("2.1" -> (2,))

    # -- numbered items -------------------------------------------------------------
    def plausible(self, label: Label, column: int | None = None) -> bool:
        """May an ambiguous label be taken as a label here?"""
        if label.prefix and self._decimal_parent(label) is None:
            return False  # "2.1" with no item 2 open
        return label.number in self._expected(label.style, column, label.prefix)

    def _decimal_parent(self, label: Label) -> int | None:
        """Index in the stack of the item a decimal label belongs to: "2.1" under the open
        item numbered 2 (一、/1./第二部分…), "2.1.3" under the open "2.1"."""
        want_style = "d2" if label.style == "d3" else None
        for i in range(len(self.stack) - 1, -1, -1):
            node = self.stack[i]
            if node.number != label.prefix[-1]:
                continue
            if want_style is not None and node.style == want_style:
                return i
            if want_style is None and node.style in RANK and node.style not in ("d2", "d3", "caption"):
                return i
        return None

    def add_item(self, label: Label, line: int, column: int | None = None) -> Node:
        self._prefix = label.prefix
        self.flush(label, column)
        expected = self._expected(label.style, column)
        if label.number is not None and label.number not in expected and not label.ambiguous:
            want = "/".join(str(n) for n in sorted(expected))
            self._warn(line, "importer.numbering", label=label.source, expected=want)
        node = Node(label.style, label.number, label.source, line, [(line, label.rest)],
                    column=column)
        self._attach(node, column)
        if label.number is not None:
            self.last_number[label.style] = label.number
        return node

    def add_caption(self, text: str, line: int) -> Node:
        """An unnumbered heading that the numbered items after it belong to."""
        self.flush()
        node = Node("caption", None, "", line, [(line, text)])
        self.roots.append(node)
        self._last_root[node.style] = node
        self.stack = [node]
        self.last_node = node
        return node

    def add_unnumbered(self, text: str, line: int, column: int) -> Node:
        """A table cell without a label: it nests by its column."""
        self.flush(None, column)
        node = Node(f"col{column}", None, "", line, [(line, text)], column=column)
        self._attach(node, column)
        return node

    def _attach(self, node: Node, column: int | None) -> None:
        self.stack = self._placed(node.style, column)
        parent = self.stack[-1] if self.stack else None
        (parent.children if parent else self.roots).append(node)
        (parent.last_child if parent else self._last_root)[node.style] = node
        self.stack.append(node)
        self.last_node = node

    def _placed(self, style: str, column: int | None) -> list[Node]:
        """The stack as it will be once an item of ``style`` is placed (the item excluded)."""
        if style in ("d2", "d3") and self._prefix:
            parent = self._decimal_parent(Label(style, None, "", "", True, self._prefix))
            if parent is not None:
                return self.stack[:parent + 1]
        stack = list(self.stack)
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].style == style:
                return stack[:i]
        if column is not None:
            # in a table a cell cannot be the child of a cell in its own column or to its right
            while stack and stack[-1].column is not None and stack[-1].column >= column \
                    and (style.startswith("col") or stack[-1].style.startswith("col")):
                stack.pop()
        else:
            while stack and stack[-1].style not in RANK and style in RANK:
                stack.pop()  # dash items are leaves: a numbered item goes back up
        rank = RANK.get(style)
        if rank is not None:
            while stack and RANK.get(stack[-1].style, -1) >= rank:
                stack.pop()
        return stack

    def _expected(self, style: str, column: int | None, prefix: tuple | None = None) -> set[int]:
        if prefix is not None:
            self._prefix = prefix
        placed = self._placed(style, column)
        sibling = None
        for node in self.stack[len(placed):]:
            if node.style == style:
                sibling = node
                break
        if sibling is not None and sibling.number is not None:
            expected = {sibling.number + 1}
        else:
            parent = placed[-1] if placed else None
            same = (parent.last_child if parent else self._last_root).get(style)
            expected = {same.number + 1} if same is not None and same.number is not None else {1}
        if style in self.last_number and style not in ("d2", "d3"):
            expected.add(self.last_number[style] + 1)  # numbering that runs on across sections
        return expected

    # -- unnumbered paragraphs and annotation lines ----------------------------------
    def add_paragraph(self, text: str, line: int) -> None:
        self._pending.append(_Pending(line, text))

    def add_annotation(self, text: str, line: int) -> None:
        """A line such as "牵头单位：A" or "（2023年底前完成）": it belongs to the last task."""
        if self._pending:
            self._pending[-1].annotations.append((line, text))
        elif self.last_node is not None:
            self.last_node.annotations.append((line, text))
        else:
            self._warn(line, "importer.annotation_before_task", text=text[:40])

    def flush(self, next_label: Label | None = None, column: int | None = None) -> None:
        """Decide what the waiting unnumbered paragraphs are (see the module docstring)."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        cur = self.stack[-1] if self.stack else None
        if cur is None:
            self.loose.extend(pending)
            return
        if self._next_caption(pending, next_label, column):
            self.add_caption(pending[0].text, pending[0].line)
            return
        nests = next_label is not None and len(self._placed(next_label.style, column)) \
            == len(self.stack)
        lead_ins = sum(1 for p in pending if has_lead_in(p.text) or p.annotations)
        # several lead-in paragraphs under a bare heading are tasks; once the document has
        # shown that habit under headings of this style, a single one is a task too
        enough = lead_ins >= max(2, math.ceil(0.6 * len(pending))) or (
            cur.style in self._unnumbered_under and lead_ins == len(pending))
        if (not nests and not cur.children and enough
                and is_bare_heading(cur.paras[0][1]) and len(cur.paras) == 1):
            self._unnumbered_under.add(cur.style)
            child = None
            for p in pending:
                if child is None or has_lead_in(p.text) or p.annotations:
                    child = Node("none", None, "", p.line, [(p.line, p.text)],
                                 annotations=list(p.annotations))
                    cur.children.append(child)
                    self.last_node = child
                else:
                    child.paras.append((p.line, p.text))
            return
        for p in pending:
            cur.paras.append((p.line, p.text))
            cur.annotations.extend(p.annotations)

    def _next_caption(self, pending: list, next_label: Label | None, column: int | None) -> bool:
        """A second caption: in a document that opened with one, a lone short heading line
        after which the numbering starts again at 1 in a style already used."""
        if (column is not None or next_label is None or next_label.number != 1 or len(pending) != 1
                or pending[0].annotations or not is_caption_text(pending[0].text)):
            return False
        caption = self.stack[0] if self.stack and self.stack[0].style == "caption" else None
        return caption is not None and any(c.style == next_label.style for c in caption.children)

    def finish(self) -> list[Node]:
        self.flush()
        return self.roots

    def _warn(self, line: int, code: str, **args) -> None:
        warn(self._warnings, line, code, **args)
