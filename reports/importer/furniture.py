"""Web-page furniture: the lines around a plan on a government web page.

Pasted plans carry the page's widgets ("字号：大 中 小", "打印本页", "扫码使用手机浏览"),
publication metadata ("发布时间：…", "2021.03.16591") and, after the plan, contact and
account blocks ("联系我们", "开户行：…", "订阅号"). They are not part of the plan and are
dropped here. The metadata block of a gov.cn page ("发文机关：… 发文字号：…") is read for
the plan's issuer and document number before it is dropped.
"""

from __future__ import annotations

import re

_LINE = re.compile(
    "|".join([
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
        r"|主办单位.*|承办单位[:：].*|网站标识码.*|.*ICP备.*|.*公网安备.*|政府网站找错|无障碍浏览?"
        r"|用户登录|English)$",
        r".{0,12}(对公账户|银行账户)$",
        r"^(单位名称|账号|帐号|开户行|开户银行|税号|联系地址|邮政编码|邮编|传真|联系电话|电子邮箱"
        r"|邮箱|E-?mail|网址|QQ|微信号?)[:：]",
    ]),
    re.I,
)
# "综合部：0531-55692989": a short key and a phone number, e-mail or account number
_CONTACT = re.compile(
    r"^[\u4e00-\u9fff]{1,8}[:：]\s*(（?0\d{2,3}）?[-—\s]?\d{7,8}|1[3-9]\d{9}|\d[\d\s]{11,}|\S+@\S+\.\S+)")
_STOP = re.compile(
    r"^(联系我们|相关链接|相关阅读|相关文章|相关新闻|相关信息|相关文件|上一篇|下一篇|版权所有"
    r"|主办单位|网站地图|订阅号|扫一扫|网站标识码|【?关闭窗口】?|.{0,12}对公账户)")
_META = {
    "doc_number": re.compile(r"(?:发文字号|文\s*号)[:：]\s*([^\s：:]+?〔?\d{4}〕?[^\s：:]*?号)"),
    "issuer": re.compile(r"(?:发文机关|发布机构|发文单位)[:：]\s*([^\s：:]{2,40})"),
}


def is_furniture(text: str) -> bool:
    """True for one line of page furniture (text already normalised)."""
    compact = re.sub(r"[\s【】\[\]]", "", text)
    return bool(_LINE.search(compact) or _CONTACT.match(compact))


def read_metadata(text: str) -> dict:
    """{'doc_number': …, 'issuer': …} found in a gov.cn metadata line, else {}."""
    found = {}
    if "：" in text or ":" in text:
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
