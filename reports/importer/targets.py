"""Quantitative targets (指标) in a task text: "每万人口高价值发明专利拥有量达到14件".

``find_targets(text)`` returns one dict per target::

    {"metric": "每万人口高价值发明专利拥有量", "value": 14, "unit": "件",
     "qualifier": "达到", "text": "每万人口高价值发明专利拥有量达到14件"}

- ``value`` is a number with 万/亿/千 multiplied in ("突破8万件" -> 80000, unit 件);
- ``qualifier`` is the comparison: a suffix (以上/左右/以内/以下) wins over a verb
  (达到/突破/不少于/不低于/超过…); change verbs (增长/提高/下降…) stay in the metric,
  because "增长20%" is a growth rate, not a level;
- a number is only a target when a verb or a suffix says so: "培育建设1家服务机构" is
  not one, "5G基站2600个以上" is.
"""

from __future__ import annotations

import re

_UNITS = ("个百分点|百分点|人次|户次|平方公里|平方米|立方米|公里|千米|千瓦|兆瓦|吉瓦|万千瓦|小时|"
          "%|‰|件|个|家|名|人|项|次|所|座|条|台|套|户|亩|吨|元|张|辆|间|栋|篇|部|本|批|种|类|场|期|"
          "支|处|只|头|株|棵|倍|米|公顷|床|位|例|份|册|点|片|块|门|款|首|幅|分")
_COMPARE = ("力争达到|累计达到|稳定在|保持在|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|"
            "达到|突破|超过|不少于|不低于|不超过|不高于|多于|高于|低于|少于|增至|降至|达|超")
_CHANGE = "年均增长|同比增长|增长|提高|提升|下降|降低|减少|增加|新增"
_SUFFIX = "以上|以下|左右|以内|之内|之上"
# Where a target can begin: a comparison or change word, a space or the number. Said first,
# it spares trying every word at every character of a long text.
_STARTS = "".join(sorted({w[0] for w in f"{_COMPARE}|{_CHANGE}".split("|")}))
# No unit begins with a digit or a dot, so the number is taken whole (possessive: no
# backtracking into "2025" before "年"), and the unit's first character is checked first.
_UNIT_FIRST = re.escape("".join(sorted({w[0] for w in _UNITS.split("|")})))
_TARGET = re.compile(
    rf"(?=[{_STARTS}\s\d])(?P<compare>{_COMPARE})?(?P<change>{_CHANGE})?(?P<compare2>{_COMPARE})?\s*"
    rf"(?P<num>(?<![\d.])\d++(?:\.\d+)?+)(?P<mult>万亿|万|亿|千)?(?=[{_UNIT_FIRST}])(?P<unit>{_UNITS})"
    rf"(?P<suffix>{_SUFFIX})?"
)
_MULT = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_BOUNDARY = "，。；、：,;:（）()“”\"‘’《》【】\n"
_LEAD_IN = re.compile(r"^(?:到|至|在|于)?\d{4}年(?:\d{1,2}月)?(?:底|末)?(?:前|以前|内)?|^(?:实现|确保|力争|推动|使|其中|建成|建设|新建|培育|打造|"
                      r"引进|完成|全区|全市|全县|全省|全年|每年|并|且|和|及|与)")


def find_targets(text: str) -> list[dict]:
    """All quantitative targets in ``text`` (normalised Chinese text), in order."""
    found = []
    for m in _TARGET.finditer(text):
        first, change, second, num, mult, unit, suffix = m.groups()
        compare = first or second or ""
        suffix = suffix or ""
        if not (compare or suffix or change):
            continue  # a bare count ("建设1家机构") is a fact, not a target
        if unit in ("分", "点", "位", "份", "首") and not compare:
            continue  # too often part of a word: 3分钟, 2点, 第1位
        start = m.start()
        metric_start = start
        while metric_start > 0 and text[metric_start - 1] not in _BOUNDARY:
            metric_start -= 1
        metric = text[metric_start:start].strip()
        # "实现市级调解组织覆盖率90%以上": the verb before the metric is not part of it
        for _ in range(3):
            stripped = _LEAD_IN.sub("", metric)
            if stripped == metric:
                break
            metric = stripped
        if change:
            metric += change
        if not metric and not compare:
            continue
        value = float(num) * _MULT.get(mult or "", 1)
        value = int(value) if value == int(value) else round(value, 6)
        found.append({
            "metric": metric,
            "value": value,
            "unit": unit,
            "qualifier": suffix or compare,
            "text": text[metric_start:m.end()].strip(),
        })
    return found
