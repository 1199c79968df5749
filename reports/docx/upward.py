"""上行文: documents to the office above — the 请示 and the head of a 报告 (GB/T 9704 7.2.4).

A 上行文 carries 签发人 (发文字号 1 字 in from the left, “签发人：” and the names in 楷体
1 字 in from the right, on the line of the last name), one 主送机关 for a 请示, and for a
请示 the contact person and telephone as the 附注.  Everything else is the notice's: the
same header, title breaking, signature chain, 版记 and pagination.
"""
from __future__ import annotations

import re
from pathlib import Path

from .document import save_atomic
from .notice import NoticeError, problem_text, validate_notice
from .options import RenderOptions
from .render import (RenderResult, build_letter, layout_warnings, paginate, title_lexicon,
                     with_colophon_defaults)
from .title import break_title

REQUEST_CLOSING = "妥否，请批示。"
_SEPARATORS = re.compile(r"[，,、；;]")


def upward(meta: dict, kind: str) -> dict:
    """The metadata of a 上行文 of `kind` ("request" or "report") with its defaults."""
    meta = {"letterhead": "printed", "sealed": True, **meta, "direction": "up"}
    addressees = str(meta.get("addressees") or "").strip()
    if addressees and not addressees.endswith("："):
        meta["addressees"] = addressees.rstrip(":，,。") + "："
    if kind == "request":
        contact = str(meta.get("contact") or "").strip()
        if contact and not meta.get("note"):
            meta["note"] = f"（联系人：{contact}）"
    return meta


def upward_problems(meta: dict, kind: str) -> list[str]:
    errors = validate_notice(meta)
    addressees = str(meta.get("addressees") or "").strip().rstrip("：:")
    if kind == "request":
        if not addressees:
            errors.append(problem_text("request_no_addressee"))
        elif _SEPARATORS.search(addressees):
            errors.append(problem_text("request_many_addressees", addressees=addressees))
        if not str(meta.get("contact") or meta.get("note") or "").strip():
            errors.append(problem_text("request_no_contact"))
        if not str(meta.get("title") or "").strip().endswith("的请示"):
            errors.append(problem_text("request_title"))
    return errors


def request_body(meta: dict) -> str:
    """The body the clerk gave, ending with the closing a 请示 needs."""
    body = str(meta.get("body") or "").strip()
    if not body:
        body = "为做好有关工作，现将有关事项请示如下：\n（请在此写明请示事项和理由。）"
    if not body.rstrip().endswith(("请批示。", "请批复。", "请审批。", "请予批准。")):
        body = body.rstrip() + "\n" + REQUEST_CLOSING
    return body


def render_request(meta: dict, out_path, options=None) -> RenderResult:
    """A 请示 to the office above, paginated like a notice; returns what render_notice does."""
    opts = RenderOptions.from_any(options)
    meta, result = prepare({**meta, "body": request_body(upward(meta, "request"))}, "request",
                           opts, out_path)
    lexicon = title_lexicon({}, meta, opts)
    document = paginate(lambda layout: build_letter(meta, opts, layout, lexicon), meta, opts, result,
                        title_first_line=break_title(meta["title"], lexicon=lexicon)[0],
                        body=[p for p in meta["body"].splitlines() if p.strip()])
    result.warnings = [str(w) for w in result.warnings]
    save_atomic(document, out_path)
    return result


def prepare(meta: dict, kind: str, opts, out_path) -> tuple[dict, RenderResult]:
    """The checked metadata of a 上行文 with its 版记 defaults, and the result to fill.
    Raises NoticeError with every problem."""
    meta, warnings = with_colophon_defaults(upward(meta, kind), opts)
    errors = upward_problems(meta, kind)
    if errors:
        raise NoticeError(errors)
    result = RenderResult(Path(out_path))
    result.warnings += warnings + layout_warnings(meta)
    return meta, result
