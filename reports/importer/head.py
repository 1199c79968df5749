"""The document head: everything before the first task.

A plan arrives either bare (title, maybe a date or issuer line, a preamble) or as the
attachment of a notice (印发通知)::

    济南市槐荫区人民政府关于印发…工作方案(2022—2025年)的通知      <- notice_title
    济槐政字〔2022〕16号                                         <- doc_number
    各街道办事处，区政府各部门：                                 <- addressees
    现将《…》印发给你们，请认真组织实施。                       <- body
    济南市槐荫区人民政府                                         <- signer
    2022年11月22日                                               <- date / date_text
    （此件公开发布）                                             <- note
    附件                                                         (attachment label, dropped)
    槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）      <- the plan's title
    为全面贯彻落实…制定本方案。                                  <- preamble

``find_body_start`` says where the plan proper begins; ``parse_head`` reads the lines
before it. Nothing here is guessed silently: lines it cannot place become warnings.
"""

from __future__ import annotations

import re

from .blocks import CONTACT_LINE
from .errors import warn
from .head_lines import (DATE, DOC_NUMBER, NOTE, compact, empty_head,
                         is_attachment_label, issuer_from_notice, issuer_from_title, iso_date,
                         kind_of, read_doc_number, year_of)
from .labels import parse_label

NOTICE_TITLE = re.compile(r"(关于)?.{0,80}(印发|转发|下发|发布|公布|下达|调整).{0,120}(的)?(通知|决定|通报)$")
# "…关于印发《X》的通知", and the 办公厅 form without 关于: "省政府办公厅印发《X》的通知"
_NOTICE_START = re.compile(r"关于.{0,60}(印发|转发|下发|发布|公布|下达)|(?:印发|转发)[《〈]")
_KIND_WORDS = re.compile(r"(要点|方案|计划|规划|分工表|分工|清单|意见|措施|细则|办法|安排|任务书|台账|纲要|任务|责任书)")
_PERIOD_LINE = re.compile(r"^（\s*\d{4}\s*[—\-－~至到]+\s*\d{4}\s*年?\s*）$|^（\s*\d{4}\s*年\s*）$")


def _title_like(text: str) -> bool:
    if not text or len(text) > 90 or text[-1] in "。；：:，":
        return False
    if parse_label(text) or DATE.match(text) or DOC_NUMBER.fullmatch(text.strip()) \
            or CONTACT_LINE.match(text):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _notice_plan_title(notice_title: str) -> str:
    """The issued plan's title in a notice title: "关于印发《X》的通知" -> X; but in
    "关于印发2023年区《政府工作报告》确定的…方案的通知" the 《》 names a cited document and
    the title is all that was issued."""
    issued = re.search(r"(?:印发|转发|下发|发布|公布|下达)(.+?)(?:的)?(?:通知|决定|通报)$", notice_title)
    m = re.search(r"《(.+?)》|〈(.+?)〉", notice_title)
    if m and (issued is None or issued.group(1).strip() == m.group(0)):
        return m.group(1) or m.group(2)
    return issued.group(1) if issued else (m.group(1) or m.group(2) if m else "")


def find_body_start(paras: list[tuple[int, str]]) -> tuple[int, int | None, int | None]:
    """(index of the first task paragraph, index of the notice title, index of plan title).

    With a notice, the plan starts after the plan title that repeats the notice's 《…》
    (numbered points of the notice itself are not tasks); otherwise at the first numbered
    heading.
    """
    notice = plan_title = None
    search_from = 0
    for i, (_, text) in enumerate(paras[:60]):
        if _NOTICE_START.search(text):
            title, _ = _notice_title(paras, i)
            if NOTICE_TITLE.search(title) and len(title) <= 160:
                notice = i
                break
    issuing = None
    if notice is None:
        # a notice copied without its title line: "现将《X》印发给你们" still names the plan
        issuing = next((i for i, (_, text) in enumerate(paras[:40]) if _issued_title(text)), None)
    if notice is not None or issuing is not None:
        if notice is not None:
            wanted = compact(_notice_plan_title(_notice_title(paras, notice)[0]))
        else:
            wanted = compact(_issued_title(paras[issuing][1]))
        after = notice if notice is not None else issuing
        for i in range(after + 1, min(len(paras), after + 200)):
            here = compact(paras[i][1])
            joined = [compact("".join(t for _, t in paras[i:i + n])) for n in (2, 3)]
            if wanted and here.startswith(wanted) and re.fullmatch(
                    r"(?:\d{4}[—\-－~至到]+\d{4}年?|\d{4}年)?", here[len(wanted):]):
                here = wanted  # "X（2022—2025年）" for the notice's "X"
            if wanted and (here == wanted or (wanted in joined and len(here) < len(wanted))):
                plan_title = i  # the title may be broken over two or three lines
                break
        if notice is None:
            pass
        elif plan_title is not None:
            search_from = plan_title + 1
        else:
            for i in range(notice + 1, len(paras)):
                if DATE.match(paras[i][1]):
                    search_from = i + 1
                    break
    if notice is None and plan_title is None:
        attached = _attached_plan_title(paras)
        if attached is not None:
            plan_title = attached
    if notice is None and plan_title is not None:
        search_from = plan_title + 1
    for i in range(search_from, len(paras)):
        label = parse_label(paras[i][1])
        if label and not label.ambiguous and label.style not in ("bullet",):
            return i, notice, plan_title
    return len(paras), notice, plan_title


_NOTICE_CLUE = re.compile(r"印发给你们|现予印发|现印发|征求意见|请认真|请结合实际|(?:公告|通知|通报|函)$")


def _attached_plan_title(paras: list[tuple[int, str]]) -> int | None:
    """Index of the plan title in a notice copied without its title line, whose plan is its
    attachment: addressees or a notice sentence, the notice's own points, its signature
    date, then "附件1" and the plan's title. None when the document is not of that form."""
    head = [text for _, text in paras[:6]]
    if not any(t.endswith("：") or _NOTICE_CLUE.search(t) for t in head):
        return None
    for i, (_, text) in enumerate(paras[:80]):
        if not DATE.match(text.strip()):
            continue
        for j in range(i + 1, min(i + 4, len(paras) - 1)):
            marker = is_attachment_label(paras[j][1])
            if marker and not marker.group("rest").strip() and _title_like(paras[j + 1][1]):
                return j + 1
        return None
    return None


_ISSUED = re.compile(r"(?:现将|特将|兹将)《(?P<a>[^《》]{4,80})》.{0,20}(?:印发|下发|转发)"
                     r"|《(?P<b>[^《》]{4,80})》(?:已经|经).{0,30}(?:同意|通过)[，,]?(?:现)?(?:予以)?(?:印发|下发)")


def _issued_title(text: str) -> str:
    """X in a notice sentence "现将《X》印发给你们" (short lines only), else ""."""
    if len(text) > 200:
        return ""
    m = _ISSUED.search(text)
    return (m.group("a") or m.group("b")) if m else ""


def parse_head(paras, notice: int | None, plan_title: int | None, meta: dict,
               warnings: list, source_name: str) -> dict:
    """Read the head lines (all before the body). Returns the plan-level fields."""
    head = empty_head()
    out = {"title": "", "issuer": meta.get("issuer", ""),
           "doc_number": "", "year": None, "kind": "other", "head": head, "preamble": "",
           "issuer_mark": ""}
    used: set[int] = set()
    # document number and issuer mark anywhere in the head
    for i, (line, text) in enumerate(paras):
        # "文号：蔡政办〔2023〕1号" in a metadata line: the number is what follows the key
        m = DOC_NUMBER.search(re.split(r"(?:发文字号|文号)[:：]?", text)[-1])
        if m and not out["doc_number"] and len(text) <= 60 and "《" not in text:
            out["doc_number"] = read_doc_number(m, line, warnings)
            for j, (_, other) in enumerate(paras):  # the page repeats it on a line of its own
                if j != i and compact(other) == compact(text):
                    used.add(j)
            rest = text.replace(m.group(0), "").strip()
            if rest.endswith("文件"):
                out["issuer_mark"] = rest[:-2]
            used.add(i)
        elif text.endswith("文件") and len(text) <= 30 and i < 10 \
                and not re.search(r"\d|年|号", text):  # "2026年中央一号文件" is a title
            out["issuer_mark"] = text[:-2].strip()
            used.add(i)
    if not out["doc_number"] and meta.get("doc_number"):
        m = DOC_NUMBER.search(meta["doc_number"])
        out["doc_number"] = read_doc_number(m, 0, warnings) if m else meta["doc_number"]

    title_index = plan_title
    if notice is not None:
        head["notice_title"], notice_end = _notice_title(paras, notice)
        used.update(range(notice, notice_end + 1))
        before = paras[notice - 1][1] if notice > 0 else ""
        if (notice - 1) not in used and head["notice_title"].startswith("关于") and len(before) <= 40 \
                and re.search(r"(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|领导小组)$", before) \
                and not DOC_NUMBER.search(before):
            # "XX区人民政府办公室" / "关于印发…的通知": the issuer begins the notice title
            head["notice_title"] = before + head["notice_title"]
            used.add(notice - 1)
        for i in range(notice):  # the web page repeats the notice title above it
            if compact(paras[i][1]) == compact(head["notice_title"]):
                used.add(i)
        stop = title_index if title_index is not None else len(paras)
        _read_notice(paras, notice_end + 1, stop, head, used)
    elif title_index is not None:
        # the issuing notice without its title line: addressees, body, signer, date
        _read_notice(paras, 0, title_index, head, used)
    searched = False
    if title_index is None:
        start = (max(used) + 1) if (notice is not None and used) else 0
        title_index = next((i for i in range(start, len(paras))
                            if i not in used and _title_like(paras[i][1])
                            and not is_attachment_label(paras[i][1])), None)
        searched = True
    title_end = title_index
    if title_index is not None:
        out["title"], title_end = _title_lines(paras, title_index)
        if searched:
            better = _restated_title(paras, title_end + 1, out["title"], used)
            if better is not None:
                title_index, title_end = better
                out["title"] = "".join(paras[j][1] for j in range(title_index, title_end + 1))
        used.update(range(title_index, title_end + 1))
    elif head["notice_title"]:
        out["title"] = _notice_plan_title(head["notice_title"]) or head["notice_title"]
        warn(warnings, paras[notice][0], "importer.title_from_notice")
    if not out["title"]:
        out["title"] = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", source_name)
        if paras:
            warn(warnings, paras[0][0], "importer.title_from_file")
    # after the title: a date, a signer or a doc number line may follow; then the preamble
    preamble = []
    start = (title_end + 1) if title_end is not None else 0
    for i in range(start, len(paras)):
        if i in used:
            continue
        line, text = paras[i]
        if DATE.match(text) and not head["date"]:
            head["date_text"], head["date"] = text, iso_date(text)
            if preamble and len(preamble[-1]) <= 30 and not head["signer"]:
                head["signer"] = preamble.pop()
            continue
        if NOTE.match(text) and i == start:
            head["note"] = head["note"] or text
            continue
        if not preamble and not head["addressees"] and text.endswith("：") and "。" not in text \
                and len(text) <= 120:
            head["addressees"] = text.rstrip("：")  # a plan issued as its own document
            continue
        preamble.append(text)
    for i in range(0, start):
        if i not in used and not is_attachment_label(paras[i][1]):
            warn(warnings, paras[i][0], "importer.text_before_title", text=paras[i][1][:40])
    out["preamble"] = "\n".join(preamble)
    out["kind"] = kind_of(out["title"]) if out["title"] else "other"
    if out["kind"] == "other" and head["notice_title"]:
        out["kind"] = kind_of(head["notice_title"])
    out["year"] = year_of(out["title"], out["doc_number"], head["date"])
    out["issuer"] = (out["issuer"] or out["issuer_mark"] or head["signer"]
                     or issuer_from_notice(head["notice_title"]) or issuer_from_title(out["title"]))
    return out


def _restated_title(paras, start: int, title: str, used: set[int]) -> tuple[int, int] | None:
    """A later line (or two) that restates the title found first, as the plan's own title.

    A web page heads the text with its own headline ("上海印发2022年…工作要点", "政务服务丨
    济宁市人民政府关于…的实施意见") and the document then gives its title again; the
    restated one is the title and what lies between is page text.
    """
    whole = compact(title)
    found = None
    for i in range(start, min(len(paras), start + 12)):
        if i in used or parse_label(paras[i][1]):
            break
        for end in (i, i + 1):
            if end >= len(paras) or end in used or not all(_title_like(paras[j][1]) for j in range(i, end + 1)):
                continue
            text = compact("".join(paras[j][1] for j in range(i, end + 1)))
            if len(text) >= 8 and text in whole and _KIND_WORDS.search(text) \
                    and (found is None or len(text) > found[0]):
                found = (len(text), i, end)
    if not found:
        return None
    end = found[2]
    if end + 1 < len(paras) and _PERIOD_LINE.match(paras[end + 1][1]):
        end += 1  # "（2018—2020年）" under the title
    return found[1], end


def _notice_title(paras, i: int) -> tuple[str, int]:
    text = _bare_notice_title(paras[i][1])
    # a notice title broken over lines: "…关于印发" / "…的通知"
    end = i
    while not re.search(r"(通知|决定|通报)$", text) and end + 1 < len(paras) and end - i < 3:
        end += 1
        text = _bare_notice_title(text + paras[end][1])
    if not re.search(r"(通知|决定|通报)$", text):
        return paras[i][1], i
    return text, end


def _bare_notice_title(text: str) -> str:
    """A notice title as a page heads it: "京政办发〔2016〕26号《北京市人民政府办公厅关于印发
    〈…〉的通知》" -> the title without the document number and the wrapping 《》."""
    text = re.sub(r"^[A-Za-z\u4e00-\u9fff]{1,14}〔\d{4}〕\d{1,5}号\s*", "", text.strip())
    # a web page's column tag and a document number glued on, maybe cut short:
    # "【优化营商环境】…的通知淮知联发〔20215"
    text = re.sub(r"^[【\[][^】\]]{1,12}[】\]]\s*", "", text)
    text = re.sub(r"(?<=通知|决定|通报)\s*[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{0,4}[〕\]］)）]?\d*号?$", "", text)
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    return text


def _read_notice(paras, start: int, stop: int, head: dict, used: set[int]) -> None:
    """Addressees, body, signer, date and note between the notice title and the plan."""
    body: list[str] = []
    i = start
    while i < stop:
        line, text = paras[i]
        if i in used:
            i += 1
            continue
        if not head["addressees"] and not body and text.endswith("：") and "。" not in text \
                and len(text) <= 120:
            head["addressees"] = text.rstrip("：")
        elif DATE.match(text):
            head["date_text"], head["date"] = text, iso_date(text)
            if body and len(body[-1][1]) <= 40 and not re.search(r"[。，；]", body[-1][1]) \
                    and not parse_label(body[-1][1]):
                head["signer"] = body.pop()[1]
            used.add(i)
            i += 1
            while i < stop and (NOTE.match(paras[i][1]) or is_attachment_label(paras[i][1])):
                if NOTE.match(paras[i][1]):
                    head["note"] = paras[i][1]
                used.add(i)
                i += 1
            break
        elif compact(text) == compact(head["notice_title"]):
            pass
        elif NOTE.match(text) and re.search(r"此件|公开|发布", text) and body:
            head["note"] = head["note"] or text  # "（此件公开发布）" of a notice without a date
        else:
            body.append((i, text))
            used.add(i)
            i += 1
            continue
        used.add(i)
        i += 1
    head["body"] = "\n".join(t for _, t in body)
    used.update(j for j, _ in body)


def _title_lines(paras, i: int) -> tuple[str, int]:
    """The title at ``i``; a title broken over two lines is joined."""
    title = paras[i][1]
    end = i
    while end + 1 < len(paras) and end - i < 2:
        nxt = paras[end + 1][1]
        if _PERIOD_LINE.match(nxt) or (
                _title_like(nxt) and len(nxt) <= 40
                and (not _KIND_WORDS.search(title[-6:]) or re.search(r"(的|关于|和|与|及|暨)$", title))
                and (_KIND_WORDS.search(nxt) or re.search(r"(的|关于|和|与|及|暨)$", title))):
            title += nxt
            end += 1
        else:
            break
    return title, end

