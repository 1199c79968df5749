"""Official 公文 font names mapped to free look-alikes for LibreOffice previews.

A machine without 仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体 or 宋体 would draw every
face in one sans-serif; a private fontconfig file, passed to the soffice process only
(FONTCONFIG_FILE), maps each official name to an installed look-alike of its category:
楷 to LXGW WenKai or AR PL UKai, 宋 and 小标宋 to Noto Serif CJK or AR PL UMing, 黑 to
Noto Sans CJK or WenQuanYi Zen Hei.  There is no free 仿宋; the serif stands in for it.
The system's own configuration is included first and never changed.  After a
conversion the PDF's embedded fonts tell which faces were substituted.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

# role -> (official names a document may ask for, look-alikes in order of preference)
LOOKALIKES = {
    "kaiti": (("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "华文楷体", "STKaiti"),
              ("LXGW WenKai", "AR PL UKai CN", "AR PL KaitiM GB")),
    "fangsong": (("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "华文仿宋", "STFangsong"),
                 ("Noto Serif CJK SC", "AR PL UMing CN", "Source Han Serif SC")),
    "xiaobiaosong": (("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋"),
                     ("Noto Serif CJK SC", "AR PL UMing CN", "Source Han Serif SC")),
    "songti": (("宋体", "SimSun", "NSimSun", "新宋体", "华文中宋", "STSong"),
               ("Noto Serif CJK SC", "AR PL UMing CN", "Source Han Serif SC")),
    "heiti": (("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "华文黑体", "STHeiti"),
              ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC")),
}
# How the official faces are named inside a PDF (PostScript names).
_PS_NAMES = {"仿宋_GB2312": "FangSong_GB2312", "楷体_GB2312": "KaiTi_GB2312", "黑体": "SimHei",
             "宋体": "SimSun", "方正小标宋简体": "FZXiaoBiaoSong-B05S", "仿宋": "FangSong",
             "楷体": "KaiTi"}


@cache
def installed_families() -> frozenset:
    """Font families fontconfig knows (empty where there is no fc-list, e.g. Windows)."""
    if sys.platform == "win32" or not shutil.which("fc-list"):
        return frozenset()
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return frozenset(f.strip() for line in out.splitlines() for f in line.split(","))


def mapping(families=None) -> dict:
    """official name -> the installed look-alike, for the names not installed themselves."""
    families = installed_families() if families is None else families
    out = {}
    for officials, alikes in LOOKALIKES.values():
        alike = next((a for a in alikes if a in families), None)
        if alike is None:
            continue
        for name in officials:
            if name not in families:
                out[name] = alike
    return out


def config_xml(substitutes: dict) -> str:
    rules = "".join(
        f'<match target="pattern"><test qual="any" name="family"><string>{escape(name)}</string>'
        f'</test><edit name="family" mode="prepend" binding="strong"><string>{escape(alike)}'
        "</string></edit></match>\n" for name, alike in substitutes.items())
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f"{rules}</fontconfig>\n")


def write_config(folder) -> Path | None:
    """A fonts.conf in `folder` for one soffice run, or None when nothing needs mapping."""
    substitutes = mapping()
    if not substitutes:
        return None
    path = Path(folder, "fonts.conf")
    path.write_text(config_xml(substitutes), encoding="utf-8")
    return path


def substitutions(embedded, requested=None) -> list[tuple[str, str]]:
    """(official name, face drawn instead) for each requested official face the PDF does
    not embed.  `embedded`: the PDF's base font names."""
    requested = requested or [names[0] for names, _ in LOOKALIKES.values()]
    flat = {re.sub(r"[\s_-]", "", e).lower() for e in embedded}
    used = [e for e in embedded if e]
    out = []
    for name in requested:
        ps = _PS_NAMES.get(name, name)
        if re.sub(r"[\s_-]", "", ps).lower() in flat or re.sub(r"[\s_-]", "", name).lower() in flat:
            continue
        alike = mapping().get(name)
        shown = alike or (", ".join(used[:3]) if used else "?")
        out.append((name, shown))
    return out
