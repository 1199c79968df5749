"""Break a title into lines the way a clerk would (2号 on a 156 mm line).

GB/T 9704 asks for several lines in a trapezoid or diamond shape with breaks that keep
words whole.  Every break is scored: after punctuation, after "关于" and before "的通知"
is good; inside a word of the lexicon (the workspace's own department and place names
plus common words), a number, a short parenthesis, a quoted name or a 《》 title that
fits on one line is forbidden.  The line widths are estimated as rendered (digits and
Latin half as wide as Han, a little space where they meet).  Among the allowed
breakings, the one with the best shape wins; a line more is taken when it gives a
better shape than four full lines of a rectangle.
"""
from __future__ import annotations

import math
import re

MAX_TITLE_CHARS = 20
MAX_LINES = 6

_NO_LINE_START = set("，。、；：？！）》〉」』”’〕】…—·%％")
_NO_LINE_END = set("（《〈「『“‘〔【")
_AFTER_GOOD = set("、，：；》〉）”〕")
_BEFORE_GOOD = set("《〈（“〔")
_UNIT_SUFFIX = set("局厅委院署处室办")
# An ordinal or a part of the year is one word: 第三季度, 第二批次, 上半年, 一季度.
_ORDINAL = (r"第[一二三四五六七八九十百零〇\d]+(?:季度|批次?|次|期|阶段|届|轮|号|部分)"
            r"|[一二三四1-4]季度|[上下]半年|[上中下]旬")
_ENDINGS = ("的通知", "的意见", "的决定", "的批复", "的报告", "的函", "的请示", "的方案",
            "的实施意见", "的工作方案", "的指导意见", "的复函")
COMMON_WORDS = frozenset(["知识产权", "人民政府", "办公室", "办公厅", "办事处", "委员会", "示范区", "示范城市", "高质量", "国家级", "国家", "建设", "工作方案", "实施方案", "行动方案", "工作要点", "重点任务", "任务分工", "分工表", "分工方案", "通知", "印发", "关于", "转发", "管理", "发展", "保护", "运用", "强县", "强市", "强省", "强区", "强国", "创新", "经济", "社会", "推进", "推动", "加快", "进一步", "全面", "深化", "改革", "服务", "体系", "能力", "水平", "产业", "企业", "市场监管", "监督管理", "营商环境", "专项行动", "高价值", "专利", "商标", "地理标志", "十四五", "十三五", "十五五", "规划", "年度", "实施", "意见", "办法", "方案", "落实", "促进", "提升", "打造", "试点", "工作", "质量", "生态", "环境", "文化", "旅游", "教育", "科技", "农业", "农村", "城市", "乡村", "振兴", "街道", "政府", "总结", "编制", "管理局", "监管局", "知识产权局", "市场监督管理局", "发展和改革委员会", "人大常委会", "联席会议", "部际", "战略", "地方", "确定", "面向", "县域", "园区", "普通", "高等", "学校", "高等学校", "毕业生", "就业", "预算", "制度", "重点", "群体", "活力", "城乡", "居民", "增收", "指导", "评定", "工程", "开展", "加强", "做好", "有关", "事项", "统筹", "协调", "机制", "人才", "资金", "项目", "专项", "考核", "评价", "安全", "应急", "信息化", "数字", "数字化", "营商", "优化", "提高", "组织", "领导", "保障"])
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:省|自治区|市|自治州|州|盟|区|县|旗|镇|乡|街道)")


def width(text: str) -> float:
    """Width in 字: ASCII (digits, Latin) ½, everything else 1 — a CJK face draws ×, ·
    and the curly quotes full width."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def rendered_width(text: str) -> float:
    """Width in 字 as a renderer draws it: ¼ 字 more where Han meets digits or Latin
    (LibreOffice adds that space whatever autoSpaceDE says)."""
    w = width(text)
    for a, b in zip(text, text[1:]):
        if (a.isascii() and a.isalnum()) != (b.isascii() and b.isalnum()) \
                and not (a.isascii() and not a.isalnum()) and not (b.isascii() and not b.isalnum()):
            w += 0.25
    return w


def lexicon_from_names(names) -> set[str]:
    """Words from department and plan names: each name whole, its place parts (山东省,
    槐荫区) and those without their suffix (山东, 槐荫)."""
    words: set[str] = set()
    for name in names or ():
        name = re.sub(r"\s+", "", str(name or ""))
        if not name:
            continue
        if 2 <= len(name) <= 12:
            words.add(name)
        rest = name
        while True:
            m = _PLACE.match(rest)
            if not m:
                break
            place = m.group(0)
            words.add(place)
            stem = re.sub(r"(省|自治区|市|自治州|州|盟|区|县|旗|镇|乡|街道)$", "", place)
            if len(stem) >= 2:
                words.add(stem)
            rest = rest[m.end():]
        if len(rest) >= 2 and rest != name:
            words.add(rest)  # the organ without its place: 市场监督管理局
    return words


def _interiors(text: str, lexicon) -> tuple[set[int], set[int]]:
    """(forbidden, discouraged) break positions: inside numbers, short parentheses, quoted
    names and 《》 titles that fit a line are forbidden; inside a word discouraged."""
    forbidden: set[int] = set()
    discouraged: set[int] = set()
    words = sorted(set(lexicon) | COMMON_WORDS, key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    for i, ch in enumerate(text):
        for word in by_first.get(ch, ()):
            if text.startswith(word, i):
                discouraged.update(range(i + 1, i + len(word)))
                break
    for m in re.finditer(r"\d+(?:[.．]\d+)?(?:\s*[—\-－~～至到]\s*\d+)?(?:年度?|月|日|号|个|项|家|件|%|％)?"
                         r"|[A-Za-z][A-Za-z0-9.\-]*|—{1,2}|……|" + _ORDINAL, text):
        forbidden.update(range(m.start() + 1, m.end()))
    for m in re.finditer(r"[（(][^（）()]{1,12}[）)]", text):
        forbidden.update(range(m.start() + 1, m.end()))
    for m in re.finditer(r"《[^《》]*》|〈[^〈〉]*〉|“[^“”]*”", text):
        if rendered_width(m.group(0)) <= MAX_TITLE_CHARS:
            forbidden.update(range(m.start() + 1, m.end()))
    return forbidden, discouraged


def break_penalties(text: str, lexicon=()) -> list[float]:
    """penalty[i] for a break before text[i] (i in 1..n-1); math.inf forbids it."""
    n = len(text)
    forbidden, inside = _interiors(text, lexicon)
    pen = [math.inf] * (n + 1)
    for i in range(1, n):
        prev, cur = text[i - 1], text[i]
        if cur in _NO_LINE_START or prev in _NO_LINE_END or i in forbidden:
            continue
        if prev in _AFTER_GOOD or cur in _BEFORE_GOOD or any(text.startswith(e, i) for e in _ENDINGS) or text.startswith("关于", i):
            p = 0.0
        elif text.endswith("关于", 0, i) or text.endswith(("印发", "转发", "批转"), 0, i):
            p = 1.0
        elif prev in "和与及暨" or cur in "和与及暨" or prev == "的" or cur == "的":
            p = 3.0
        else:
            p = 10.0
        if cur in _UNIT_SUFFIX:
            p += 20.0  # 管理|局: an office's name ends with its unit character
        if i in inside:
            p += 60.0
        pen[i] = p
    return pen


def shape_cost(widths: list[float], max_chars: float = MAX_TITLE_CHARS) -> float:
    """How far the lines are from a trapezoid (lines growing or shrinking) or a diamond
    (the middle longest).  A rectangle of equal full lines, an hourglass and a last line
    of a word or two cost most."""
    k = len(widths)
    if k == 1:
        return 0.0
    cost = 0.0
    diffs = [b - a for a, b in zip(widths, widths[1:])]
    signs = [0 if abs(d) < 1 else (1 if d > 0 else -1) for d in diffs]
    nonzero = [s for s in signs if s]
    # Allowed sequences: all up, all down, up then down (diamond).
    turns = sum(1 for a, b in zip(nonzero, nonzero[1:]) if a != b)
    if turns > 1 or (turns == 1 and nonzero[0] < 0):
        cost += 30.0                                   # hourglass or zigzag
    flat = signs.count(0)
    cost += flat * (3.0 if k == 2 else 8.0)            # equal lines read as a block
    if k >= 3 and min(widths) >= max_chars - 1.5:
        cost += 40.0                                   # a rectangle of full lines
    for d in diffs:
        if abs(d) > 7:
            cost += (abs(d) - 7) * 3.0
    if widths[-1] < 4:
        cost += 25.0                                   # a word left alone on the last line
    mean = sum(widths) / k
    cost += sum((w - mean) ** 2 for w in widths) / k * 0.1
    return cost


def break_title(text: str, max_chars: float = MAX_TITLE_CHARS, lexicon=()) -> list[str]:
    """Lines for `text`, each at most `max_chars` wide as rendered, words kept whole."""
    text = re.sub(r"\s+", "", text or "")
    if not text:
        return []
    if rendered_width(text) <= max_chars:
        return [text]
    pen = break_penalties(text, lexicon)
    n = len(text)
    lines_min = math.ceil(rendered_width(text) / max_chars)
    best: tuple[float, list[str]] | None = None
    # Good breaks first; then any allowed one; short lines only when nothing else fits.
    for limit, prune in ((15.0, True), (30.0, True), (80.0, True), (80.0, False)):
        cuts = [i for i in range(1, n) if pen[i] <= limit]
        for k in range(lines_min, min(lines_min + 2, MAX_LINES) + 1):
            found = _best_with(text, cuts, pen, k, max_chars, prune)
            if found is not None:
                cost = found[0] + 6.0 * (k - lines_min)
                if best is None or cost < best[0]:
                    best = (cost, found[1])
        if best is not None:
            return best[1]
    return _hard_cut(text, max_chars)


def _best_with(text, cuts, pen, k, max_chars, prune=True):
    """The cheapest breaking of `text` into k lines using only `cuts`."""
    n = len(text)
    if k - 1 > len(cuts):
        return None
    # Prune: a line is at most max_chars wide and at least a third of the average.
    avg = rendered_width(text) / k
    low = min(avg / 3, max_chars) if prune else 0.0
    best = None
    widths_cache: dict[tuple[int, int], float] = {}

    def w(a, b):
        key = (a, b)
        if key not in widths_cache:
            widths_cache[key] = rendered_width(text[a:b])
        return widths_cache[key]

    def extend(start, left, chosen, spent=0.0):
        nonlocal best
        if best is not None and spent >= best[0]:
            return  # penalties only add up: no better breaking down this branch
        if left == 0:
            if w(start, n) > max_chars:
                return
            bounds = [0, *chosen, n]
            widths = [w(a, b) for a, b in zip(bounds, bounds[1:])]
            cost = spent + shape_cost(widths, max_chars)
            if best is None or cost < best[0]:
                best = (cost, [text[a:b] for a, b in zip(bounds, bounds[1:])])
            return
        for c in cuts:
            if c <= start:
                continue
            lw = w(start, c)
            if lw > max_chars:
                break
            if lw < low or w(c, n) > max_chars * left:
                continue
            extend(c, left - 1, chosen + [c], spent + pen[c])

    extend(0, k - 1, [])
    return best


def _hard_cut(text: str, max_chars: float) -> list[str]:
    """Nothing allowed: cut at max_chars (never returns lines that are too long)."""
    lines, cur = [], ""
    for ch in text:
        if rendered_width(cur + ch) > max_chars:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + ([cur] if cur else [])


def forbidden_breaks(lines: list[str], lexicon=()) -> list[str]:
    """The breaks of already broken `lines` a clerk would not accept, as “前|后” snippets."""
    text = "".join(lines)
    forbidden, inside = _interiors(text, lexicon)
    out, pos = [], 0
    for line in lines[:-1]:
        pos += len(line)
        prev, cur = text[pos - 1], text[pos] if pos < len(text) else ""
        if pos in forbidden or pos in inside or cur in _NO_LINE_START or prev in _NO_LINE_END:
            out.append(f"{text[max(0, pos - 3):pos]}|{text[pos:pos + 3]}")
    return out


__all__ = [
    "break_title",
    "forbidden_breaks",
    "lexicon_from_names",
    "rendered_width",
    "shape_cost",
    "width",
]
