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

from .head_lines import (DATE, DOC_NUMBER, NOTE, compact, empty_head,
                         is_attachment_label, issuer_from_notice, issuer_from_title, iso_date,
                         kind_of, read_doc_number, year_of)
from .labels import parse_label

NOTICE_TITLE = re.compile(r"(关于)?.{0,80}(印发|转发|下发|发布|公布|下达|调整).{0,120}(的)?(通知|决定|通报)$")
_NOTICE_START = re.compile(r"关于.{0,60}(印发|转发|下发|发布|公布|下达)")
_KIND_WORDS = re.compile(r"(要点|方案|计划|规划|分工表|分工|清单|意见|措施|细则|办法|安排|任务书|台账|纲要|任务|责任书)")
_PERIOD_LINE = re.compile(r"^（\s*\d{4}\s*[—\-－~至到]+\s*\d{4}\s*年?\s*）$|^（\s*\d{4}\s*年\s*）$")


def _title_like(text: str) -> bool:
    if not text or len(text) > 90 or text[-1] in "。；：:，":
        return False
    if parse_label(text) or DATE.match(text) or DOC_NUMBER.fullmatch(text.strip()):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _notice_plan_title(notice_title: str) -> str:
    m = re.search(r"《(.+?)》", notice_title)
    if m:
        return m.group(1)
    m = re.search(r"(?:印发|转发|下发|发布|公布|下达)(.+?)(?:的)?通知$", notice_title)
    return m.group(1) if m else ""


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
    if notice is not None:
        wanted = compact(_notice_plan_title(_notice_title(paras, notice)[0]))
        for i in range(notice + 1, min(len(paras), notice + 200)):
            here = compact(paras[i][1])
            joined = here + (compact(paras[i + 1][1]) if i + 1 < len(paras) else "")
            if wanted and (here == wanted or (joined == wanted and len(here) < len(wanted))):
                plan_title = i
                break
        if plan_title is not None:
            search_from = plan_title + 1
        else:
            for i in range(notice + 1, len(paras)):
                if DATE.match(paras[i][1]):
                    search_from = i + 1
                    break
    for i in range(search_from, len(paras)):
        label = parse_label(paras[i][1])
        if label and not label.ambiguous and label.style not in ("bullet",):
            return i, notice, plan_title
    return len(paras), notice, plan_title


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
        m = DOC_NUMBER.search(text)
        if m and not out["doc_number"] and len(text) <= 60 and "《" not in text:
            out["doc_number"] = read_doc_number(m, line, warnings)
            rest = text.replace(m.group(0), "").strip()
            if rest.endswith("文件"):
                out["issuer_mark"] = rest[:-2]
            used.add(i)
        elif text.endswith("文件") and len(text) <= 30 and i < 10:
            out["issuer_mark"] = text[:-2].strip()
            used.add(i)
    if not out["doc_number"] and meta.get("doc_number"):
        m = DOC_NUMBER.search(meta["doc_number"])
        out["doc_number"] = read_doc_number(m, 0, warnings) if m else meta["doc_number"]

    title_index = plan_title
    if notice is not None:
        head["notice_title"], notice_end = _notice_title(paras, notice)
        used.update(range(notice, notice_end + 1))
        for i in range(notice):  # the web page repeats the notice title above it
            if compact(paras[i][1]) == compact(head["notice_title"]):
                used.add(i)
        stop = title_index if title_index is not None else len(paras)
        _read_notice(paras, notice_end + 1, stop, head, used)
    if title_index is None:
        start = (max(used) + 1) if (notice is not None and used) else 0
        title_index = next((i for i in range(start, len(paras))
                            if i not in used and _title_like(paras[i][1])
                            and not is_attachment_label(paras[i][1])), None)
    title_end = title_index
    if title_index is not None:
        out["title"], title_end = _title_lines(paras, title_index)
        used.update(range(title_index, title_end + 1))
    elif head["notice_title"]:
        out["title"] = _notice_plan_title(head["notice_title"]) or head["notice_title"]
        warnings.append({"line": paras[notice][0], "message":
                         "the plan's own title line was not found; taken from the notice title"})
    if not out["title"]:
        out["title"] = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", source_name)
        if paras:
            warnings.append({"line": paras[0][0], "message":
                             "no title line found; the file name is used as the title"})
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
            warnings.append({"line": paras[i][0],
                             "message": f"text before the plan title not understood, ignored: "
                                        f"{paras[i][1][:40]}"})
    out["preamble"] = "\n".join(preamble)
    out["kind"] = kind_of(out["title"]) if out["title"] else "other"
    if out["kind"] == "other" and head["notice_title"]:
        out["kind"] = kind_of(head["notice_title"])
    out["year"] = year_of(out["title"], out["doc_number"], head["date"])
    out["issuer"] = (out["issuer"] or out["issuer_mark"] or head["signer"]
                     or issuer_from_notice(head["notice_title"]) or issuer_from_title(out["title"]))
    return out


def _notice_title(paras, i: int) -> tuple[str, int]:
    text = paras[i][1]
    # a notice title broken over lines: "…关于印发" / "…的通知"
    end = i
    while not re.search(r"(通知|决定|通报)$", text) and end + 1 < len(paras) and end - i < 3:
        end += 1
        text += paras[end][1]
    if not re.search(r"(通知|决定|通报)$", text):
        return paras[i][1], i
    return text, end


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
            if body and len(body[-1][1]) <= 40 and not re.search(r"[。，；]", body[-1][1]):
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

