"""Ruled tables on a PDF page: ruling segments -> a grid of cells -> rows of cell texts.

A table drawn with borders is a set of horizontal and vertical segments. Segments that
touch form one table; their distinct positions cut it into bands. Two neighbouring bands
belong to one cell when no rule separates them there: a horizontal span is read once, a
vertical span repeats its text on every row it covers (as the .docx reader does).
"""
from __future__ import annotations

from dataclasses import dataclass, field

_SNAP = 2.0          # points: rules closer than this are one rule


@dataclass
class Segment:
    horizontal: bool
    pos: float       # y (top-based) of a horizontal rule, x of a vertical one
    start: float
    end: float


@dataclass
class Grid:
    xs: list[float]                      # column boundaries, left to right
    ys: list[float]                      # row boundaries, top to bottom
    h: list[Segment] = field(default_factory=list)
    v: list[Segment] = field(default_factory=list)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.box
        return x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        return _band(self.ys, y), _band(self.xs, x)

    def _ruled(self, rules: list[Segment], pos: float, a: float, b: float) -> bool:
        mid = (a + b) / 2
        return any(abs(s.pos - pos) <= _SNAP and s.start - _SNAP <= mid <= s.end + _SNAP for s in rules)

    def rows(self, texts: dict[tuple[int, int], list[tuple[float, float, float, str]]]) -> list[list[str]]:
        """Cell texts per row; ``texts[(r, c)]`` holds (top, x0, x1, text) pieces of a band."""
        nr, nc = len(self.ys) - 1, len(self.xs) - 1
        owner = {(r, c): (r, c) for r in range(nr) for c in range(nc)}
        for r in range(nr):
            for c in range(nc):
                if c > 0 and not self._ruled(self.v, self.xs[c], self.ys[r], self.ys[r + 1]):
                    owner[(r, c)] = owner[(r, c - 1)]
                elif r > 0 and not self._ruled(self.h, self.ys[r], self.xs[c], self.xs[c + 1]):
                    owner[(r, c)] = owner[(r - 1, c)]
        pieces: dict = {}
        right: dict = {}
        for band, cell in owner.items():
            right[cell] = max(right.get(cell, 0.0), self.xs[band[1] + 1])
        for band, items in texts.items():
            pieces.setdefault(owner.get(band, band), []).extend(items)
        text = {cell: _cell_text(items, right.get(cell, 0.0)) for cell, items in pieces.items()}
        out = []
        for r in range(nr):
            row = []
            for c in range(nc):
                cell = owner[(r, c)]
                # a horizontal span is read once; a vertical one repeats on each row
                row.append("" if c > 0 and owner[(r, c - 1)] == cell else text.get(cell, ""))
            out.append(row)
        return out


def _band(edges: list[float], v: float) -> int:
    for i in range(len(edges) - 1):
        if v < edges[i + 1]:
            return i
    return len(edges) - 2


def _cell_text(items: list[tuple[float, float, float, str]], right: float) -> str:
    """The pieces of a cell in reading order. A line that fills the cell's width wraps
    into the next one (joined); a shorter one ends a paragraph of the cell (a new line)."""
    lines: list[list[tuple[float, float, float, str]]] = []
    for item in sorted(items):
        if lines and abs(lines[-1][0][0] - item[0]) <= 3:
            lines[-1].append(item)
        else:
            lines.append([item])
    out, previous_end = "", 0.0
    for line in lines:
        line.sort(key=lambda i: i[1])
        text = "".join(i[3] for i in line).strip()
        if out:
            width = max(i[2] - i[1] for i in line) / max(len(line[-1][3].strip()), 1)
            out += "" if right - previous_end <= 2.5 * width else "\n"
        out += text
        previous_end = max(i[2] for i in line)
    return out.strip()


def merge_segments(segments: list[Segment]) -> list[Segment]:
    """Collinear, overlapping or touching segments -> one segment each."""
    out: list[Segment] = []
    for s in sorted(segments, key=lambda s: (s.horizontal, round(s.pos / _SNAP), s.start)):
        last = out[-1] if out else None
        if last and last.horizontal == s.horizontal and abs(last.pos - s.pos) <= _SNAP \
                and s.start <= last.end + _SNAP:
            last.end = max(last.end, s.end)
        else:
            out.append(Segment(s.horizontal, s.pos, s.start, s.end))
    return out


def find_grids(segments: list[Segment], min_size: float = 8.0) -> list[Grid]:
    """Tables on a page: groups of touching rules with at least 2×2 boundaries."""
    segs = [s for s in merge_segments(segments) if s.end - s.start >= min_size]
    parent = list(range(len(segs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, a in enumerate(segs):
        for j in range(i + 1, len(segs)):
            b = segs[j]
            if a.horizontal != b.horizontal and _touch(a, b):
                parent[root(i)] = root(j)
    groups: dict[int, list[Segment]] = {}
    for i, s in enumerate(segs):
        groups.setdefault(root(i), []).append(s)
    grids = []
    for group in groups.values():
        h = [s for s in group if s.horizontal]
        v = [s for s in group if not s.horizontal]
        ys, xs = _distinct(s.pos for s in h), _distinct(s.pos for s in v)
        if len(ys) >= 2 and len(xs) >= 2:
            grids.append(Grid(xs, ys, h, v))
    return sorted(grids, key=lambda g: g.ys[0])


def _touch(a: Segment, b: Segment) -> bool:
    h, v = (a, b) if a.horizontal else (b, a)
    return (h.start - _SNAP <= v.pos <= h.end + _SNAP) and (v.start - _SNAP <= h.pos <= v.end + _SNAP)


def _distinct(values) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out
