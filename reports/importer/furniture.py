"""Web-page furniture: the lines around a plan on a government web page.

Pasted plans carry the page's widgets ("字号：大 中 小", "打印本页", "扫码使用手机浏览"),
publication metadata ("发布时间：…", "2021.03.16591") and, after the plan, contact and
account blocks ("联系我们", "开户行：…", "订阅号"). Disclosure pages add a metadata block,
often without colons ("索 引 号 MB…/2023-05475 发文日期 2023-01-03", "分类 政务公开 有效性
有效"), and widget lines ("无障碍 长者助手 我的收藏"). They are not part of the plan and are
dropped here. The metadata block of a gov.cn page ("发文机关：… 发文字号：…") is read for
the plan's issuer and document number before it is dropped.

A page's footer names who runs the site with the words a plan uses for who does a task:
"主办单位：XX市人民政府办公厅 承办单位：XX市大数据中心". Such a *site label* is told apart
by its form: with other footer marks on its line (网站标识码, ICP备, 版权所有 …) it is
furniture by itself; alone on its line it is decided with its neighbours
(``footer_site_labels``): a task's responsibility follows a plan line with more plan after
it, a footer follows furniture or the signature and has only furniture after it.
"""

from __future__ import annotations

import re

_LINE_FORMS = [
        r"^[【\[]?字\s*[号体][:：]?(\s*[大中小]){0,3}[】\]]?$",
        r"^[【\[]?(\s*[大中小]){3}[】\]]?$",
        r"扫码.{0,12}(手机|浏览|阅读|打开)", r"^扫一扫", r"^手机(扫码|浏览)",
        r"打印本页", r"关闭窗口", r"^(【?(打印|关闭|收藏|返回顶部|返回|分享|纠错|下载)】?\s*)+$",
        r"^(分享到|分享|当前位置|您的位置|你的位置|上一篇|下一篇)[:：]", r"^首页\s*[>》＞]",
        r"^(来源|信息来源|稿件来源|发布时间|发布日期|更新时间|浏览次数|阅读次数|点击数|点击量|访问量"
        r"|作者|编辑|责任编辑|审核|校对|字数|发布机构|信息提供|索引号|主题分类|公开方式"
        r"|体裁分类|有效性)[:：].{0,120}$",
        r"^摘要[:：]?$", r"^正文[:：]?$", r"^【?(相关附件|附件下载)】?[:：]?$",
        r"^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\d*$",  # "2021.03.16591": date glued to a view count
        r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?$",
        r"^[—\-－]\s*\d{1,3}\s*[—\-－]$", r"^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$",
        r"^(联系我们|关于我们|订阅号|服务号|公众号|网站地图|网站声明|隐私声明|技术支持.*|版权所有.*"
        r"|网站标识码.*|.*ICP备.*|.*公网安备.*|政府网站找错|无障碍浏览?"
        r"|用户登录|English)$",
        r"(对公账户|银行账户)$",  # anywhere: no need to say what may stand before
        r"^(单位名称|账号|帐号|开户行|开户银行|税号|联系地址|邮政编码|邮编|传真|联系电话|电子邮箱"
        r"|邮箱|E-?mail|网址|QQ|微信号?)[:：]",
]
# The forms that hold at the start of the line are tried there only, the others anywhere:
# one regex of all of them, searched, would try every form at every character.
_LINE_START = re.compile("|".join(f for f in _LINE_FORMS if f.startswith("^")), re.I)
_LINE_ANY = re.compile("|".join(f for f in _LINE_FORMS if not f.startswith("^")), re.I)
# "综合部：0531-55692989": a short key and a phone number, e-mail or account number
_CONTACT = re.compile(
    r"^[\u4e00-\u9fff]{1,8}[:：]\s*(（?0\d{2,3}）?[-—\s]?\d{7,8}|1[3-9]\d{9}|\d[\d\s]{11,}|\S+@\S+\.\S+)")
_STOP = re.compile(
    r"^(联系我们|相关链接|相关阅读|相关文章|相关新闻|相关信息|相关文件|上一篇|下一篇|版权所有"
    r"|网站地图|订阅号|扫一扫|网站标识码|【?关闭窗口】?|.{0,12}对公账户)")
_META = {
    "doc_number": re.compile(r"(?:发文字号|文件编号|文\s*号)[:：]?\s*([^\s：:]{1,12}?[〔\[［（(]\d{4}[〕\]］）)]\d{1,5}号)"),
    "issuer": re.compile(r"(?:发文机关|发布机构|发文单位)[:：]\s*([^\s：:]{2,40}?)(?=成文日期|发文日期|发布日期|文号|$|\s)"),
}
# the metadata block of a government disclosure page, also without colons and several keys
# on one line: "索引号MB1534522/2023-05475发文日期2023-01-03", "分类政务公开有效性有效"
_META_KEYS = (
    "索引号|发布机构|发文机构|发文机关|发文单位|发布单位|发布机关|所属机构|信息来源|成文日期|发文日期|发布日期"
    "|生成日期|公开日期|公开范围|公开方式|公开形式|公开时限|组配分类|信息分类|主题分类|体裁分类|服务对象分类|分类"
    "|有效性|时效性|效力状态|文号|发文字号|文件编号|统一编号|主题词|关键词|名称|标题|内容概述|政策咨询机关"
    "|政策咨询电话|浏览量|浏览次数|法宝引证码")
# keys that never start a plan sentence, so a colon is not needed to recognise them
_STRONG_KEYS = ("索引号|发布机构|发文机构|发文机关|成文日期|发文日期|发布日期|生成日期|公开日期|组配分类|信息分类"
                "|主题分类|有效性|时效性|效力状态|文号|发文字号|政策咨询机关|法宝引证码")
_META_LINE = re.compile(rf"^(?:{_META_KEYS})(?:[:：]|(?=.{{0,160}}$))")
_STRONG_LINE = re.compile(rf"^(?:{_STRONG_KEYS})")
_META_COUNT = re.compile(rf"(?:{_META_KEYS})[:：]?")
# page widgets and headers: a line made of nothing else is furniture
_WIDGETS = re.compile(
    r"无障碍(?:浏览|阅读)?|长者助手|长辈版|关怀版|适老化|我的收藏|收藏本页|收藏|打印本页|打印|关闭窗口|关闭|"
    r"字体|字号|[大中小]|默认|分享到|分享|繁体|简体|繁|简|English|登录|注册|站内搜索|搜索|返回顶部|返回|"
    r"政府信息公开|信息公开|规章库|政策文件|政策解读|当前位置|您的位置|网站首页|首页|[:：>》＞|｜丨/\-—·•\s【】\[\]()（）]")


_COMPACT = re.compile(r"[\s【】\[\]]")
_BULLET = re.compile(r"^[-•·●▪]+")
_PUBLISHED = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\d{1,2}:\d{2}(?::\d{2})?.{0,30}$")
_DISCLOSURE = re.compile(r"政府信息公开(?:专栏|目录|平台|网)?$")


# "主办单位：", "承办：", "协办单位：" (主辦單位： as written in traditional characters): the
# labels a footer shares with a plan's tasks; the group is the label's kind
_SITE_LABEL = re.compile(r"^(主[办辦]|承[办辦]|[协協][办辦])(?:[单單]位[:：]?|[:：])")
_SITE_KINDS = re.compile(r"(主[办辦]|承[办辦]|[协協][办辦])(?:[单單]位)?[:：]")
# what only a footer holds: a site code, a licence, a copyright, the site's own links
_FOOTER_MARK = re.compile(
    r"网站标识码|ICP备|公网安备|版权所有|技术支持|联系我们|网站地图|网站声明|隐私声明|建议使用|分辨率|Copyright|©", re.I)


def is_site_label(text: str) -> bool:
    """A line that opens with a site label ("主办单位：…") and holds no footer mark: it
    may be a task's responsibility, and ``footer_site_labels`` decides."""
    compact = _BULLET.sub("", _COMPACT.sub("", text))
    return bool(_SITE_LABEL.match(compact)) and not _FOOTER_MARK.search(compact)


def footer_site_labels(lines: list[tuple[str, bool]], is_plan_line) -> set[int]:
    """Indices of the site-label lines among ``lines`` that are a page's footer.

    ``lines`` are the document's non-blank lines in order, each with whether it is
    furniture. The site-label lines of one task form a group ("主办单位：…" / "协办单位：…";
    a label seen again opens the next group). A group is the responsibility of the task
    above when it comes right after a plan line (``is_plan_line``) and the plan goes on
    after it. A group after the last task, with only furniture or the end of the page
    after it, is the task's own when the document's other tasks carry such groups too;
    otherwise it is the footer. Any other group (after furniture, after another
    group, after the signature) is the footer.
    """
    groups = _groups(lines)
    if not groups:
        return set()
    # the plan's last line other than a site label (looked for from the end: it is near)
    last_plan = next((k for k in range(len(lines) - 1, -1, -1) if not lines[k][1]
                      and not is_site_label(lines[k][0]) and is_plan_line(lines[k][0])), -1)
    footer: set[int] = set()
    habit = False  # a group has already been read as a task's
    last: list[tuple[int, int]] = []
    for start, end, first in groups:
        before = lines[start - 1] if start else None
        if not (first and before is not None and not before[1] and is_plan_line(before[0])):
            footer.update(range(start, end + 1))
        elif end < last_plan:
            habit = True
        else:
            last.append((start, end))
    if not habit:
        for start, end in last:
            footer.update(range(start, end + 1))
    return footer


def _groups(lines: list[tuple[str, bool]]) -> list[tuple[int, int, bool]]:
    """(first index, last index, first group of its run) of each group of consecutive
    site-label lines."""
    out: list[tuple[int, int, bool]] = []
    held: set[str] = set()  # the label kinds of the open group
    run_open = False
    for i, (text, dropped) in enumerate(lines):
        if dropped or not is_site_label(text):
            run_open = False
            continue
        kinds = {_kind(k) for k in _SITE_KINDS.findall(_COMPACT.sub("", text))}
        if run_open and not (kinds & held):
            out[-1] = (out[-1][0], i, out[-1][2])
            held |= kinds
        else:
            out.append((i, i, not run_open))
            held = kinds
        run_open = True
    return out


def _kind(label: str) -> str:
    return label.replace("辦", "办").replace("協", "协")


def is_furniture(text: str) -> bool:
    """True for one line of page furniture (text already normalised)."""
    compact = _COMPACT.sub("", text)
    compact = _BULLET.sub("", compact)  # "- 发布日期：…" in a bulleted metadata list
    if not compact:
        return False
    if _SITE_LABEL.match(compact):
        return bool(_FOOTER_MARK.search(compact))  # else decided with its neighbours
    if _LINE_START.match(compact) or _LINE_ANY.search(compact) or _CONTACT.match(compact):
        return True
    if _META_LINE.match(compact) and (":" in compact[:8] or "：" in compact[:8]
                                      or _STRONG_LINE.match(compact)
                                      or len(_META_COUNT.findall(compact)) >= 2):
        return _looks_like_metadata(compact)
    if _PUBLISHED.match(compact):
        return True  # "2023-01-05 10:00 区人民政府办公室": publication time and source
    if len(compact) <= 60 and not _WIDGETS.sub("", compact):
        return True
    return len(compact) <= 30 and bool(_DISCLOSURE.search(compact))


def _looks_like_metadata(compact: str) -> bool:
    """A metadata line, not a plan sentence that starts with such a word ("名称统一…。")."""
    return not re.search(r"[。；！？]$", compact) and "，" not in compact[:20]


def read_metadata(text: str) -> dict:
    """{'doc_number': …, 'issuer': …} found in a gov.cn metadata line, else {}."""
    found = {}
    if "：" in text or ":" in text or "文号" in text or "发文字号" in text:
        for key, pattern in _META.items():
            m = pattern.search(text)
            if m:
                found[key] = m.group(1)
    return found


def trailing_start(texts: list[str], is_heading) -> int | None:
    """Index where a trailing web block begins (contact, related links…), or None.

    A stop marker only counts when no numbered heading follows it: a plan that happens
    to contain "相关链接" in a heading keeps its tail.
    """
    for i, text in enumerate(texts):
        if len(text) <= 20 and _STOP.match(text.replace(" ", "")):
            if not any(is_heading(t) for t in texts[i + 1:]):
                return i
    return None
