"""Font roles, the official face names and how a face is written into a run.

The standard names only categories (仿宋, 楷体, 黑体, 小标宋, 宋体); offices have the
`*_GB2312` and 方正 faces installed, so those are the defaults.  The fallback of a
role is written as `w:altName` in the font table, which is what Word and WPS use when
the face itself is missing.
"""
from __future__ import annotations

import re

from .xml import W_NS, W, el, set_child

# role -> default face
DEFAULT_FACES = {
    "fangsong": "仿宋_GB2312",
    "kaiti": "楷体_GB2312",
    "heiti": "黑体",
    "xiaobiaosong": "方正小标宋简体",
    "songti": "宋体",
}
# role -> fallback face (font table altName)
DEFAULT_FALLBACKS = {
    "fangsong": "仿宋",
    "kaiti": "楷体",
    "heiti": "SimHei",
    "xiaobiaosong": "宋体",
    "songti": "SimSun",
}
ROLE_LABELS = {
    "fangsong": "仿宋", "kaiti": "楷体", "heiti": "黑体",
    "xiaobiaosong": "小标宋", "songti": "宋体",
}
ROLES = tuple(DEFAULT_FACES)


def category(face: str | None) -> str | None:
    """The GB/T 9704 category of a face name, or None when it belongs to none.

    Order matters: 仿宋 and 小标宋 both contain 宋.
    """
    if not face:
        return None
    f = face.lower().replace(" ", "")
    if "仿宋" in f or "fangsong" in f or "fang_song" in f:
        return "fangsong"
    if "楷" in f or "kai" in f:
        return "kaiti"
    if "黑" in f or "hei" in f:
        return "heiti"
    if "小标宋" in f or "标宋" in f or "biaosong" in f:
        return "xiaobiaosong"
    if "宋" in f or "song" in f:
        return "songti"
    return None


def write_rfonts(rpr, face: str, latin: str | None = None):
    """Write all four font slots plus hint=eastAsia into an rPr element.

    python-docx's `font.name` writes only ascii/hAnsi; CJK text is drawn from the
    eastAsia slot, and the hint makes “ ” — … use the CJK face too.
    """
    rf = set_child(rpr, "rFonts")
    for attr in list(rf.attrib):
        del rf.attrib[attr]
    latin = latin or face
    rf.set(W + "ascii", latin)
    rf.set(W + "hAnsi", latin)
    rf.set(W + "eastAsia", face)
    rf.set(W + "cs", latin)
    rf.set(W + "hint", "eastAsia")
    return rf


def font_table_xml(faces: dict[str, str], fallbacks: dict[str, str], latin: str | None):
    """A fresh word/fontTable.xml listing only the faces the document uses."""
    root = el("fonts", nsmap={"w": W_NS})
    seen = set()
    for role, face in faces.items():
        for name, alt in ((face, fallbacks.get(role)), (latin, None)):
            if not name or name in seen:
                continue
            seen.add(name)
            font = el("font", name=name)
            if alt and alt != name:
                font.append(el("altName", val=alt))
            cjk = bool(re.search(r"[\u4e00-\u9fff]|GB2312|Sim", name))
            font.append(el("charset", val="86" if cjk else "00"))
            font.append(el("family", val="modern" if cjk else "roman"))
            font.append(el("pitch", val="variable"))
            root.append(font)
    return root


def outside_gb2312(text: str) -> list[str]:
    """Characters a `*_GB2312` face cannot draw (e.g. 堃, 喆, 镕), in order of appearance.

    Checked through GBK, whose two-byte codes A1A1–F7FE are GB 2312 (Windows maps
    the em dash there, which Python's gb2312 codec does not).
    """
    seen, out = set(), []
    for ch in text:
        if ord(ch) < 0x80 or ch in seen or ch.isspace():
            continue
        seen.add(ch)
        try:
            code = ch.encode("gbk")
        except UnicodeEncodeError:
            out.append(ch)
            continue
        if len(code) != 2 or not (0xA1 <= code[0] <= 0xF7 and 0xA1 <= code[1] <= 0xFE):
            out.append(ch)
    return out
