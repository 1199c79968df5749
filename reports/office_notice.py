"""A notice of the office with its own head: the 督办通知 and the 催报通知 printed as the
office prints its notices — 版头 (发文机关标志, 发文字号), signature and 版记 — once the
office has stored a notice; until then they stay plain letters (title, body, signature).

The head is the office's, never the plan's: an imported plan's issuer is the office above.
"""
from __future__ import annotations

import datetime as _dt

from reports.docx.document import save_atomic
from reports.docx.notice import check_notice, suggest_next_doc_number
from reports.docx.options import RenderOptions
from reports.docx.render import (RenderResult, build_letter, paginate, title_lexicon,
                                 with_colophon_defaults)
from reports.docx.title import break_title
from reports.notice_meta import prefix_of

# What carries over from the office's notices to its letters to departments (no 抄送, no
# 主送: those belong to one notice).
HEAD_FIELDS = ("issuer_mark", "letterhead", "signer", "printer", "sealed", "colophon_even_page",
               "fonts")


def office_head(ws, today: _dt.date, taken=()) -> dict:
    """The office's head from its latest stored notice, with the next 发文字号 of its
    sequence (numbers issued before and those in ``taken`` counted as used); {} when it
    has stored none. Record the number once the letter is written
    (``ws.record_doc_numbers``)."""
    notices = [n for n in ws.all_notices() if n]
    if not notices or not str(notices[-1].get("issuer_mark") or "").strip():
        return {}
    latest = notices[-1]
    head = {k: latest[k] for k in HEAD_FIELDS if k in latest}
    prefix = prefix_of(latest.get("doc_number", ""))
    if prefix:
        numbers = [n.get("doc_number", "") for n in notices]
        numbers += ws.issued_doc_numbers() + list(taken)
        head["doc_number"] = suggest_next_doc_number(numbers, prefix, today.year)
    return head


def render_office_notice(head: dict, title: str, addressees: str, paragraphs: list[str],
                         today: _dt.date, out_path, options=None) -> RenderResult:
    """The notice under the office's head, paginated and with its 版记 like the office's
    印发通知; ``paragraphs`` end with 特此通知. Raises NoticeError on a bad head."""
    opts = RenderOptions.from_any(options)
    meta = {"letterhead": "printed", "sealed": True, **head, "direction": "down",
            "title": title, "addressees": addressees.rstrip("：:") + "：",
            "body": "\n".join(paragraphs), "date": today.isoformat()}
    meta, warnings = with_colophon_defaults(meta, opts)
    check_notice(meta)
    result = RenderResult(out_path)
    result.warnings += warnings
    lexicon = title_lexicon({}, meta, opts)

    document = paginate(lambda layout: build_letter(meta, opts, layout, lexicon), meta, opts,
                        result, title_first_line=break_title(title, lexicon=lexicon)[0],
                        body=paragraphs)
    result.warnings = [str(w) for w in result.warnings]
    save_atomic(document, out_path)
    return result
