"""Break a title into balanced lines of at most 20 characters (2号 on a 156 mm line).

GB/T 9704 asks for lines in a trapezoid or diamond shape with breaks that keep words
whole.  Without a dictionary we score every break: after punctuation and before
"的通知" is good, inside a known term, a number or a short parenthesis is bad, and the
line lengths should be as even as possible.
"""
from __future__ import annotations

import math
import re

MAX_TITLE_CHARS = 20

_NO_LINE_START = set("，。、；：？！）》」』”’〕】…—·%％")
_NO_LINE_END = set("（《「『“‘〔【")
_AFTER_GOOD = set("、，：；》）”〕")
_BEFORE_GOOD = set("《（“〔")
_UNIT_SUFFIX = set("局厅委院署处室办")
_ENDINGS = ("的通知", "的意见", "的决定", "的批复", "的报告", "的函", "的请示", "的方案",
            "的实施意见", "的工作方案")
_LEXICON = sorted("""
知识产权 人民政府 办公室 办公厅 办事处 委员会 示范区 示范城市 高质量 国家级 国家 建设
工作方案 实施方案 行动方案 工作要点 重点任务 任务分工 分工表 分工方案 通知 印发 关于 转发
管理 发展 保护 运用 强县 强市 强省 强区 强国 创新 经济 社会 推进 推动 加快 进一步 全面
深化 改革 服务 体系 能力 水平 产业 企业 市场监管 监督管理 营商环境 专项行动 高价值 专利
商标 地理标志 十四五 规划 年度 实施 意见 办法 方案 落实 促进 提升 打造 试点 工作 质量
生态 环境 文化 旅游 教育 科技 农业 农村 城市 乡村 振兴 街道 政府
管理局 监管局 知识产权局 市场监督管理局 发展和改革委员会 人大常委会
""".split(), key=len, reverse=True)


def width(text: str) -> float:
    """Width in 字: full-width characters 1, ASCII (digits, Latin) ½."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "—…" else 1.0 for ch in text)


def _word_interiors(text: str) -> set[int]:
    """Break positions that fall inside a lexicon term, a number or a short parenthesis."""
    inside: set[int] = set()
    i = 0
    while i < len(text):
        for word in _LEXICON:
            if text.startswith(word, i):
                inside.update(range(i + 1, i + len(word)))
                i += len(word) - 1
                break
        i += 1
    for m in re.finditer(r"[0-9A-Za-z.]+|—{1,2}|……", text):
        inside.update(range(m.start() + 1, m.end()))
    for m in re.finditer(r"[（(][^（）()]{1,12}[）)]", text):
        inside.update(range(m.start() + 1, m.end()))
    return inside


def _break_penalties(text: str) -> list[float]:
    """penalty[i] for a break before text[i] (i in 1..n-1); math.inf forbids it."""
    n = len(text)
    inside = _word_interiors(text)
    pen = [math.inf] * (n + 1)
    for i in range(1, n):
        prev, cur = text[i - 1], text[i]
        if cur in _NO_LINE_START or prev in _NO_LINE_END:
            continue
        if prev in _AFTER_GOOD or cur in _BEFORE_GOOD:
            p = 0.0
        elif any(text.startswith(e, i) for e in _ENDINGS) or text.startswith("关于", i):
            p = 0.0
        elif text.endswith("关于", 0, i) or text.endswith(("印发", "转发", "批转"), 0, i):
            p = 1.0
        elif prev in "和与及暨" or cur in "和与及暨":
            p = 3.0
        elif prev == "的" or cur == "的":
            p = 3.0
        else:
            p = 10.0
        if cur in _UNIT_SUFFIX:
            p += 20.0  # 管理|局: an office's name ends with its unit character
        if i in inside:
            p += 40.0
        pen[i] = p
    return pen


def break_title(text: str, max_chars: float = MAX_TITLE_CHARS) -> list[str]:
    """Lines for `text`, each at most `max_chars` wide, balanced, words kept whole."""
    text = re.sub(r"\s+", "", text or "")
    total = width(text)
    if total <= max_chars:
        return [text] if text else []
    n = len(text)
    pen = _break_penalties(text)
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + width(ch))

    def span(a, b):
        return prefix[b] - prefix[a]

    lines_min = math.ceil(total / max_chars)
    for k in range(lines_min, lines_min + 3):
        target = total / k
        # best[j][m]: minimal cost for text[:j] in m lines; back pointers in prev.
        best = [[math.inf] * (k + 1) for _ in range(n + 1)]
        back = [[-1] * (k + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for m in range(1, k + 1):
            for j in range(1, n + 1):
                if j < n and pen[j] == math.inf:
                    continue
                for i in range(j - 1, -1, -1):
                    w = span(i, j)
                    if w > max_chars:
                        break
                    if best[i][m - 1] == math.inf:
                        continue
                    cost = best[i][m - 1] + 2.0 * (w - target) ** 2
                    if j < n:
                        cost += pen[j]
                    if cost < best[j][m]:
                        best[j][m] = cost
                        back[j][m] = i
        if best[n][k] < math.inf:
            cuts, j = [], n
            for m in range(k, 0, -1):
                i = back[j][m]
                cuts.append((i, j))
                j = i
            return [text[a:b] for a, b in reversed(cuts)]
    # Nothing allowed: cut hard at max_chars (never returns lines that are too long).
    lines, cur = [], ""
    for ch in text:
        if width(cur + ch) > max_chars:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + ([cur] if cur else [])
