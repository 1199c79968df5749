"""Lines outside a table: the title, the 填报单位 line, instructions and footnotes.

A received workbook puts these in one-cell rows above or below its table. They are kept
as what they are: a footnote (注：…) is never a task, a 填报单位（盖章） line never the title.
"""
from __future__ import annotations

import re
import unicodedata

from models.hanzi_fold import fold

# 注：… / 注1. / 备注：… / 说明：… / 填表说明 … at the start of a line.
_FOOTNOTE = re.compile(r"^(?:注|备注|说明|填表说明|填报说明|附注)\s*\d*\s*[:：.．、]|^(?:填表|填报)说明")
# 填报单位（盖章）：   报送单位：   填表人：   联系电话：   日期：
_UNIT = re.compile(r"(?:填报|报送|填表|上报|报告)(?:单位|人|日期|时间)|联系人|联系电话|审核人|负责人[:：]"
                   r"|盖章|^(?:单位|日期|时间)[:：]|年\s*月\s*日$")
_INSTRUCTION = re.compile(r"^(?:填写说明|请(?:于|在|按|只)|注意[:：])")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def line_kind(text: str) -> str:
    """'footnote', 'unit', 'instruction', 'attachment', 'title' or 'other'."""
    s = fold(unicodedata.normalize("NFKC", text or "")).strip()  # 填報單位： is 填报单位：
    if not s:
        return "other"
    if _FOOTNOTE.match(s):
        return "footnote"
    if _INSTRUCTION.match(s):
        return "instruction"
    if _UNIT.search(s):
        return "unit"
    if _ATTACHMENT.match(s):
        return "attachment"
    return "title" if _CJK.search(s) else "other"
