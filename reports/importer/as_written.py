"""A plan in traditional characters (繁體): parsed folded, stored as written.

The importer's patterns speak simplified Chinese (牵头, 责任单位：, 完成时限, 总体要求). A
document printed in traditional characters is therefore parsed from a folded copy
(``models.hanzi_fold.fold``: one character for one, so lengths and offsets are kept), and
every string of the resulting plan is then given back the document's own characters:
found in the folded copy of the lines it came from, it takes the same span of the lines as
written. The clerk reads the task, the deadline and the unit as the document wrote them
(市發展改革委); the department registry compares names folded, so 市發展改革委 and
市发展改革委 are one department (``models.departments.normalize_name``).

A string the plan made itself (a caption joined from several lines, a unit a heading gave
to its children) is restored piece by piece, and a piece found nowhere takes, for each
character, the one the document wrote for it when it wrote only one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from models.hanzi_fold import fold, has_traditional

from .blocks import Para, Table

# where a stored string may join pieces of different lines or sentences
_PIECES = re.compile(r"([\n\t。；，、：（）“”《》\s]+)")
# the plan's own codes and numbers: never text of the document
_KEEP = frozenset({"level", "label_style", "kind", "code", "line", "end", "page",
                   "paragraph", "row", "source_unit"})


class AsWritten:
    """The document's lines as written, by number, for restoring the plan's strings."""

    def __init__(self, lines: dict[int, str]):
        self.numbers = sorted(lines)
        self.written = [lines[n] for n in self.numbers]
        self.folded = [fold(t) for t in self.written]
        # simplified characters the folding produced, and the one original of each that
        # the document wrote in a single way
        pairs: set[tuple[str, str]] = set()
        for raw, flat in zip(self.written, self.folded):
            if raw != flat:
                pairs.update(zip(raw, flat))
        seen: dict[str, set[str]] = {}
        for a, b in pairs:
            if a != b:
                seen.setdefault(b, set()).add(a)
        written = set("".join(self.written))
        for b in written.intersection(seen):
            seen[b].add(b)  # the document also wrote it simplified
        self.changed = frozenset(seen)
        self.single = str.maketrans({b: next(iter(a)) for b, a in seen.items() if len(a) == 1})
        self._whole: tuple[str, str] | None = None
        self._found: dict[str, str | None] = {}

    @classmethod
    def of_blocks(cls, blocks: list) -> AsWritten | None:
        """From the blocks of a reader, or None when nothing in them is traditional."""
        lines: dict[int, str] = {}
        for block in blocks:
            if isinstance(block, Para):
                lines[block.line] = block.text
            elif isinstance(block, Table):
                for line, cells in block.rows:
                    lines[line] = "\t".join(str(c) for c in cells)
        if not any(has_traditional(t) for t in lines.values()):
            return None
        return cls(lines)

    def restore(self, plan: dict) -> None:
        """Every string of ``plan`` in the document's characters (in place)."""
        for key, value in plan.items():
            if key == "tasks":
                self._tasks(value)
            elif key == "source_text":
                plan[key] = [[n, self.text(t, self._window(n, n))] for n, t in value]
            elif key not in _KEEP:
                plan[key] = self._value(value, None)

    def _tasks(self, tasks: list) -> None:
        for task in tasks:
            source = task.get("source") or {}
            first = source.get("line", task.get("line"))
            last = source.get("end", task.get("end", first))
            window = self._window(first, last) if isinstance(first, int) else None
            for key, value in task.items():
                if key == "children":
                    self._tasks(value)
                elif key not in _KEEP and key != "source":
                    task[key] = self._value(value, window)

    def _value(self, value, window):
        if isinstance(value, str):
            return self.text(value, window)
        if isinstance(value, list):
            return [self._value(v, window) for v in value]
        if isinstance(value, dict):
            return {k: v if k in _KEEP else self._value(v, window) for k, v in value.items()}
        return value

    def _window(self, first: int, last) -> tuple[str, str]:
        last = last if isinstance(last, int) and last >= first else first
        i, j = bisect_left(self.numbers, first), bisect_right(self.numbers, last)
        return "\n".join(self.folded[i:j]), "\n".join(self.written[i:j])

    def text(self, s: str, window=None) -> str:
        """``s`` (read from the folded copy) in the characters the document wrote."""
        if not s or self.changed.isdisjoint(s):
            return s
        found = self._find(s, window)
        if found is not None:
            return found
        out = []
        for piece in _PIECES.split(s):
            if piece and not self.changed.isdisjoint(piece):
                found = self._find(piece, window)
                piece = found if found is not None else piece.translate(self.single)
            out.append(piece)
        return "".join(out)

    def _find(self, s: str, window) -> str | None:
        if window is not None:
            at = window[0].find(s)
            if at >= 0:
                return window[1][at:at + len(s)]
        if s not in self._found:  # a unit or heading repeats: looked up once in the whole
            if self._whole is None:
                self._whole = ("\n".join(self.folded), "\n".join(self.written))
            at = self._whole[0].find(s)
            self._found[s] = self._whole[1][at:at + len(s)] if at >= 0 else None
        return self._found[s]
