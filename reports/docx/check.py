"""check_docx: the app's own GB/T 9704-2012 self-check of a .docx (design §8).

One line per deviation, empty when conformant.  Properties are judged after style
inheritance (docDefaults, basedOn, character styles, theme fonts), the way Word shows
them.  Geometry that only a layout shows (lines per page, the colophon on the last
page) is measured on a LibreOffice PDF by the tests, not here.
"""
from __future__ import annotations

import re

from models.messages import msg

from . import units
from .check_pages import PageChecks, short, size_text
from .fonts import ROLE_LABELS, category
from .header import SIGNER_LABEL
from .notice import CN_DATE_RE, COPY_NUMBER_RE, DOC_NUMBER_RE, SECRECY_RE, URGENCY, doc_number_problems
from .resolve import Package, sections_of
from .title import MAX_TITLE_CHARS, forbidden_breaks, rendered_width
from .xml import W, qn, text_of

ROLE_COLUMN_LABELS = ("牵头单位", "配合单位", "责任单位", "指导单位", "参加单位", "协办单位")

_HEAD1 = re.compile(r"^[一二三四五六七八九十]+、")
_HEAD2 = re.compile(r"^（[一二三四五六七八九十]+）")
_HEAD3 = re.compile(r"^\d+[.．]")
_HEAD4 = re.compile(r"^（\d+）")
_DOCNO_HINT = re.compile(r"〔\d+〕|[\[（(【［]\d{4}[\]）)】］]\s*\S*\d+号$")
_DATE_LIKE = re.compile(r"^\s*[\d〇零一二三四五六七八九十○]{2,4}\s*年.{1,4}月.{1,4}日\s*$")
_LABEL = re.compile(r"^附件\d*$")


class Checker(PageChecks):
    def __init__(self, path):
        self.pkg = Package(path)
        self.res = self.pkg.resolver
        self.out: list[str] = []

    def flag(self, where: str, problem: str) -> None:
        line = f"{where}：{problem}"
        if line not in self.out:
            self.out.append(line)

    # --- document level --------------------------------------------------------
    def run(self) -> list[str]:
        body = self.pkg.document.find(qn("w:body"))
        self.check_settings()
        secs = sections_of(body)
        self.check_sections(secs)
        paras = [(el, i) for i, (els, _sp) in enumerate(secs) for el in els]
        self.check_content(paras, secs)
        return self.out

    # --- paragraphs ------------------------------------------------------------
    def check_content(self, paras, secs):
        items = []  # (kind, element, section index)
        for el, si in paras:
            if el.tag == qn("w:p"):
                items.append(("p", el, si))
            elif el.tag == qn("w:tbl"):
                items.append(("tbl", el, si))
        texts = [(k, el, si, text_of(el).strip() if k == "p" else "") for k, el, si in items]
        gongwen = False
        state = "head"
        after_label = False
        seen_title = False
        date_seen = False
        print_found = False
        n_para = 0
        for i, (kind, el, si, text) in enumerate(texts):
            if kind == "tbl":
                if self._check_colophon(el, i, texts):
                    print_found = True
                else:
                    self._empty_role_columns(el)
                    self._table_width(el, secs[si][1])
                continue
            if not text:
                continue
            n_para += 1
            where = f"第{n_para}段“{short(text)}”"
            pp = self.res.ppr(el)
            runs = [r for r in el.iter(qn("w:r")) if "".join(t.text or "" for t in r.findall(qn("w:t"))).strip()]
            rps = [self.res.rpr(r, el) for r in runs] or [self.res.rpr(None, el)]

            if state == "head" and self._head_mark(where, text, rps):
                continue
            if state == "head" and text.startswith(SIGNER_LABEL):
                self._signers(where, el, rps)
                continue
            if _DOCNO_HINT.search(text) and state == "head" and (len(text) < 30 or DOC_NUMBER_RE.match(text)
                                                                  or SIGNER_LABEL in text
                                                                  or "\t" in text_of(el)):
                gongwen = True
                number = re.split(r"\t|签发人", text_of(el).strip())[0].strip()
                for problem in doc_number_problems(number.replace(" ", "")):
                    self.flag(where, problem)
                upward = "\t" in text_of(el).strip()
                if upward:
                    self._signers(where, el, rps)
                    rps = rps[:1]
                    if not any(SIGNER_LABEL in t for _k, _e, _s, t in texts[max(0, i - 3):i + 1]):
                        self.out.append(str(msg("docx.check.signer_missing", number=number)))
                self._font(where, "发文字号", rps, "fangsong", units.SZ_BODY)
                self._doc_number_width(number, upward)
                state = "title"
                continue
            if state == "head" and any(rp.color and rp.color not in ("000000", "AUTO") for rp in rps):
                gongwen = True
                self._font(where, "发文机关标志", rps, "xiaobiaosong", None)
                if not any(rp.color in ("FF0000", "E60000", "C00000", "FF0101") for rp in rps):
                    self.flag(where, "发文机关标志应为红色")
                continue
            if _LABEL.match(text):
                self._font(where, "附件标识", rps, "heiti", units.SZ_BODY)
                if pp.first_line or pp.left or pp.jc == "center":
                    self.flag(where, "附件标识应顶格编排")
                after_label, state = True, "attachment"
                continue
            if pp.jc == "center" and (state in ("head", "title") or after_label or not seen_title):
                self._title_breaks(text_of(el).strip())
                if state in ("head", "title") and not after_label:
                    self._font(where, "标题", rps, "xiaobiaosong", units.SZ_TITLE)
                    seen_title = True
                after_label = False
                state = "main" if state in ("head", "title") else state
                continue
            after_label = False
            if state in ("head", "title"):
                state = "main"
            if text.endswith("：") and not pp.first_line and state == "main" and len(text) < 120 \
                    and not _HEAD1.match(text):
                self._font(where, "主送机关", rps, "fangsong", units.SZ_BODY)
                continue
            if text.startswith("附件：") or text.startswith("附件:"):
                if text.startswith("附件:"):
                    self.flag(where, "附件说明应使用全角冒号“附件：”")
                self._attach_item(where, text[3:], rps)
                state = "attachlist"
                continue
            if state == "attachlist" and _HEAD3.match(text):
                self._attach_item(where, text, rps)
                continue
            if _DATE_LIKE.match(text):
                date_seen = True
                if not CN_DATE_RE.match(text.replace(" ", "")):
                    self.flag(where, "成文日期应用阿拉伯数字写全年月日，不编虚位（如 2022年11月22日）")
                self._font(where, "成文日期", rps, "fangsong", units.SZ_BODY)
                continue
            if pp.jc in ("right", "end"):
                self._font(where, "署名", rps, "fangsong", units.SZ_BODY)
                continue
            if date_seen and state != "attachment" and (text.startswith("(") or text.startswith("（")):
                if text.startswith("("):
                    self.flag(where, "附注应使用全角括号（）")
                self._font(where, "附注", rps, "fangsong", units.SZ_BODY)
                continue
            if pp.jc == "center":
                continue  # attachment titles and other centred lines: no rule in the standard
            self._body(where, text, pp, rps, el)
        if gongwen and not print_found:
            self.out.append(str(msg("docx.check.colophon_missing")))

    def _title_breaks(self, text: str) -> None:
        """Breaks inside a word, a number or a quoted name; four full lines of a block."""
        lines = [ln for ln in text.split("\n") if ln.strip()]
        for snippet in forbidden_breaks(lines):
            self.out.append(str(msg("docx.check.title_break", snippet=snippet)))
        widths = [rendered_width(ln) for ln in lines]
        if len(lines) >= 3 and min(widths) >= MAX_TITLE_CHARS - 1.5 and max(widths) - min(widths) < 1:
            self.out.append(str(msg("docx.check.title_rectangle", lines=len(lines))))

    def _empty_role_columns(self, tbl) -> None:
        rows = tbl.findall(qn("w:tr"))
        if len(rows) < 2:
            return
        header = [text_of(tc).strip() for tc in rows[0].findall(qn("w:tc"))]
        for col, label in enumerate(header):
            if label not in ROLE_COLUMN_LABELS:
                continue
            cells = [r.findall(qn("w:tc")) for r in rows[1:]]
            values = [text_of(c[col]).strip() for c in cells if len(c) == len(header)]
            if values and not any(values):
                self.out.append(str(msg("docx.check.empty_role_column", column=label)))

    def _table_width(self, tbl, sp) -> None:
        """A table wider than its page's type area is cut off or pushed into the margin
        (156 mm upright, 225 mm on a landscape page)."""
        pgsz = sp.find(qn("w:pgSz")) if sp is not None else None
        mar = sp.find(qn("w:pgMar")) if sp is not None else None
        if pgsz is None or mar is None:
            return
        room = int(pgsz.get(W + "w", 0)) - abs(int(mar.get(W + "left", 0))) - abs(int(mar.get(W + "right", 0)))
        grid = [int(g.get(W + "w", 0)) for g in tbl.iter(qn("w:gridCol"))]
        width = sum(grid)
        if width > room + units.mm(units.TOL_MM):
            self.out.append(str(msg("docx.check.table_too_wide", width=f"{units.to_mm(width):.0f}",
                                    room=f"{units.to_mm(room):.0f}")))

    def _head_mark(self, where, text, rps) -> bool:
        """份号 (fangsong digits), 密级和保密期限 and 紧急程度 (黑体), flush left."""
        if COPY_NUMBER_RE.match(text):
            if len(text) != 6:
                self.flag(where, "份号应为 6 位阿拉伯数字（如 000123）")
            return True
        if SECRECY_RE.match(text) or text in URGENCY:
            self._font(where, "密级和紧急程度", rps, "heiti", units.SZ_BODY)
            return True
        return False

    def _signers(self, where, el, rps):
        """签发人： in 仿宋, the names in 楷体."""
        for r, rp in zip([r for r in el.iter(qn("w:r")) if "".join(t.text or "" for t in r.findall(qn("w:t"))).strip()], rps):
            t = "".join(x.text or "" for x in r.findall(qn("w:t"))).strip()
            if t.startswith(SIGNER_LABEL) or t.endswith("：") or "〔" in t:
                continue
            self._font(where, "签发人姓名", [rp], "kaiti", units.SZ_BODY)

    def _doc_number_width(self, number, upward):
        limit = units.LINE_CHARS - (2 if not upward else 12)
        w = rendered_width(number)
        if w > limit:
            self.out.append(str(msg("docx.check.doc_number_wrapped", number=number, width=f"{w:g}")))

    def _attach_item(self, where, text, rps):
        name = re.sub(r"^\d+[.．]", "", text).strip()
        if name and name[-1] in "，。、；：！？,.;:!?":
            self.flag(where, "附件名称后不加标点符号")
        self._font(where, "附件说明", rps, "fangsong", units.SZ_BODY)

    def _body(self, where, text, pp, rps, el):
        if _HEAD1.match(text):
            label, first_role = "一级标题", "heiti"
        elif _HEAD2.match(text):
            label, first_role = "二级标题", "kaiti"
        elif _HEAD4.match(text) or _HEAD3.match(text):
            label, first_role = "三、四级标题", "fangsong"
        else:
            label, first_role = "正文", "fangsong"
        self._font(where, label, rps[:1], first_role, units.SZ_BODY)
        if len(rps) > 1:
            rest = "fangsong" if label != "一级标题" else "heiti"
            if label == "一级标题":
                self._font(where, label, rps[1:], rest, units.SZ_BODY)
            else:
                self._font(where, "正文", [rp for rp in rps[1:] if category(rp.east_asia) != first_role]
                           or rps[1:], "fangsong", units.SZ_BODY)
        if pp.line_rule != "exact" or not (units.BODY_LINE_RANGE[0] <= (pp.line or 0) <= units.BODY_LINE_RANGE[1]):
            rule = {"exact": "固定值", "atLeast": "最小值"}.get(pp.line_rule or "auto", "倍数")
            value = f"{(pp.line or 240) / 20:g} 磅" if pp.line_rule in ("exact", "atLeast") else f"{(pp.line or 240) / 240:g} 倍"
            self.flag(where, f"{label}行距为{rule} {value}，应为固定值 28.95 磅（每页 22 行）")
        prev = el.getprevious()
        continued = prev is not None and prev.tag == qn("w:p") and self.res.ppr(prev).jc == "distribute"
        ok_indent = (units.FIRST_LINE_RANGE[0] <= pp.first_line <= units.FIRST_LINE_RANGE[1]
                     or pp.first_line_chars == 200 or (continued and not pp.first_line))
        if not ok_indent:
            self.flag(where, f"{label}首行缩进 {pp.first_line / units.CHAR_3:.1f} 字，应为 2 字")
        if pp.left or pp.hanging:
            self.flag(where, f"{label}左缩进应为 0（回行顶格）")
        for rp in rps:
            if rp.color and rp.color not in ("000000", "AUTO"):
                self.flag(where, f"{label}文字颜色 #{rp.color}，应为黑色")
                break

    def _font(self, where, label, rps, role, sz):
        for rp in rps:
            face = rp.east_asia
            if category(face) != role:
                shown = face or "（未指定，取自主题或默认）"
                self.flag(where, f"{label}字体“{shown}”，应为{ROLE_LABELS[role]}")
            if sz is not None and rp.sz != sz:
                self.flag(where, f"{label}字号 {size_text(rp.sz)}，应为{size_text(sz)}")


def check_docx(path, pages: bool = False) -> list[str]:
    """Deviations of the .docx at `path` from GB/T 9704-2012, one line each.

    With `pages`, the pagination is checked too, on the document as LibreOffice lays
    it out (reports.docx.check_layout).
    """
    out = Checker(path).run()
    if pages:
        from .check_layout import page_findings
        out += [line for line in page_findings(path) if line not in out]
    return out
