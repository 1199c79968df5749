"""Official numbering of a plan's tree: 一、（一）1.（1）①. Computed, never stored.

An imported task also keeps the label it had in its document (``source_label``), shown and
printed instead (``display_label``) until the clerk renumbers the plan on purpose
(``source_labels.renumber``); new tasks have none and get the computed number.

A task's numbering scheme is its depth unless the document chose another one for it
(``label_style``): a section may put "1." directly under "二、", and work points use
"——" dash items or unnumbered paragraphs. Counters run per scheme among siblings; with
``continuous_level3`` the "1." counter runs on across the whole plan, as many plans do.
"""
from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
STYLES = ("", "1", "2", "3", "4", "5", "dash", "none")


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 1000 → 一千."""
    if n <= 0:
        raise ValueError("Chinese numerals start at 1")
    if n >= 10000:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out = []
    rest = n
    zero_pending = False
    for value, name in units:
        d, rest = divmod(rest, value)
        if d:
            if zero_pending:
                out.append("零")
                zero_pending = False
            # 十 alone (not 一十) only when it leads the number: 十一, but 一百一十.
            if not (value == 10 and d == 1 and not out):
                out.append(DIGITS[d])
            out.append(name)
        elif out:
            zero_pending = True
    if rest:
        if zero_pending:
            out.append("零")
        out.append(DIGITS[rest])
    return "".join(out)


def circled(n: int) -> str:
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"


def label(scheme: int, n: int) -> str:
    """The label of the n-th item (1-based) of a numbering scheme 1–5."""
    if scheme == 1:
        return f"{chinese_numeral(n)}、"
    if scheme == 2:
        return f"（{chinese_numeral(n)}）"
    if scheme == 3:
        return f"{n}."
    if scheme == 4:
        return f"（{n}）"
    return circled(n)


def scheme_of(depth: int, label_style: str) -> str:
    """The effective scheme: '1'..'5', 'dash' or 'none'. Depth is 1-based."""
    if label_style:
        return label_style
    return str(min(depth, 5))


def display_label(task) -> str:
    """The label to show and print for a task (a dump dict): the one it had in its source
    document ("（二十）", "8."), else the computed official number."""
    return task.get("source_label") or task.get("number") or ""


def number_tree(roots, children_of, style_of, continuous_level3: bool = False,
                key=lambda node: node) -> dict:
    """Numbers for every node of a forest.

    ``roots`` is the ordered list of top nodes, ``children_of(node)`` their ordered
    children, ``style_of(node)`` the node's label_style. Returns {key(node): label}
    (pass ``key=id`` for unhashable nodes such as dicts).
    """
    labels: dict = {}
    level3 = [0]

    def walk(nodes, depth):
        counters: dict[str, int] = {}
        for node in nodes:
            scheme = scheme_of(depth, style_of(node))
            if scheme == "dash":
                labels[key(node)] = "——"
            elif scheme == "none":
                labels[key(node)] = ""
            else:
                if scheme == "3" and continuous_level3:
                    level3[0] += 1
                    n = level3[0]
                else:
                    n = counters[scheme] = counters.get(scheme, 0) + 1
                labels[key(node)] = label(int(scheme), n)
            walk(children_of(node), depth + 1)

    walk(roots, 1)
    return labels


_ARABIC = re.compile(r"^\s*(\d+)\s*[.．、]")


def runs_on(tasks: list[dict]) -> bool:
    """Does the document number its "1." items on across sections (…9. in 一、, 10. in 二、)?

    ``tasks`` is a parsed plan's tree (dicts with ``source_label`` and ``children``): true
    when a later section's first such number continues the previous section's last.
    """
    previous_last = None
    for section in tasks:
        numbers: list[int] = []
        stack = list(reversed(section.get("children") or []))
        while stack:
            node = stack.pop()
            found = _ARABIC.match(node.get("source_label") or "")
            if found:
                numbers.append(int(found.group(1)))
            stack.extend(reversed(node.get("children") or []))
        if not numbers:
            continue
        if previous_last is not None and numbers[0] > 1 and numbers[0] == previous_last + 1:
            return True
        previous_last = numbers[-1]
    return False
