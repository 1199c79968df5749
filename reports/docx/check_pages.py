"""Page-level rules of the self-check: sections, page numbers, colophon (design §8)."""
from __future__ import annotations

import re

from . import units
from .fonts import category
from .notice import CN_DATE_RE
from .resolve import rid_of
from .xml import W, qn, text_of

TOL = round(units.TOL_MM * units.TWIPS_PER_MM)  # ±1 mm in twips
_PRINT = re.compile(r"^(?P<office>.+?)[\s\t]+(?P<date>\S+)印发$")
_SIZE_NAME = {44: "二号", 32: "三号", 28: "四号", 72: "小初"}


def size_text(sz):
    if sz is None:
        return "未设字号"
    name = _SIZE_NAME.get(sz)
    return f"{sz / 2:g} 磅" + (f"（{name}）" if name else "")


def short(text: str, n: int = 12) -> str:
    text = text.replace("\n", " ").replace("\t", " ").strip()
    return text if len(text) <= n else text[:n] + "…"


class PageChecks:
    """Mixed into Checker: needs self.pkg, self.res, self.flag and self._font."""

    def check_settings(self):
        s = self.pkg.settings
        eo = s.find(qn("w:evenAndOddHeaders")) if s is not None else None
        if eo is None or eo.get(W + "val", "1") in ("0", "false", "off"):
            self.flag("文档设置", "未设“奇偶页不同”（evenAndOddHeaders），页码无法单页居右、双页居左")

    def check_sections(self, secs):
        footers = {}
        for n, (els, sp) in enumerate(secs, 1):
            where = f"第{n}节"
            if sp is None:
                self.flag(where, "缺少节属性（页面大小与页边距）")
                continue
            pgsz, mar = sp.find(qn("w:pgSz")), sp.find(qn("w:pgMar"))
            w = int(pgsz.get(W + "w", 0)) if pgsz is not None else 12240
            h = int(pgsz.get(W + "h", 0)) if pgsz is not None else 15840
            landscape = w > h
            pw, ph = (units.PAGE_H, units.PAGE_W) if landscape else (units.PAGE_W, units.PAGE_H)
            if abs(w - pw) > TOL or abs(h - ph) > TOL:
                self.flag(where, f"纸张 {units.to_mm(w):.0f}×{units.to_mm(h):.0f} mm，应为 A4（210×297 mm）")
            want = (dict(top=units.L_MARGIN_TOP, bottom=units.L_MARGIN_BOTTOM, left=units.L_MARGIN_LEFT,
                         right=units.L_MARGIN_RIGHT) if landscape else
                    dict(top=units.MARGIN_TOP, bottom=units.MARGIN_BOTTOM, left=units.MARGIN_LEFT,
                         right=units.MARGIN_RIGHT))
            names = dict(top="上", bottom="下", left="左", right="右")
            for side, value in want.items():
                got = int(mar.get(W + side, 0)) if mar is not None else 1440
                if abs(abs(got) - value) > TOL:
                    self.flag(where, f"{names[side]}页边距 {units.to_mm(abs(got)):.1f} mm，应为 "
                                     f"{units.to_mm(value):.0f} mm" + ("（横排页）" if landscape else ""))
            grid = sp.find(qn("w:docGrid"))
            if grid is not None:
                gtype = grid.get(W + "type", "default")
                pitch = int(grid.get(W + "linePitch", 0) or 0)
                if gtype in ("linesAndChars", "snapToChars"):
                    self.flag(where, "文档网格“指定行和字符网格”在 LibreOffice 中每行只排 14 字，应取消字符网格")
                elif gtype == "lines" and not (units.BODY_LINE_RANGE[0] <= pitch <= units.BODY_LINE_RANGE[1]):
                    self.flag(where, f"行网格间距 {pitch / 20:g} 磅，应为 28.95 磅（每页 22 行）或不用网格")
            for ref in sp.findall(qn("w:footerReference")):
                footers[ref.get(W + "type")] = rid_of(ref)
            is_last = n == len(secs)
            self.check_footers(where, footers, landscape, colophon_section=is_last and self._has_print_line(els))

    def _has_print_line(self, els) -> bool:
        return any(el.tag == qn("w:tbl") and "印发" in "".join(text_of(p) for p in el.iter(qn("w:p")))
                   for el in els)

    def check_footers(self, where, footers, landscape, colophon_section=False):
        for ftype, side in (("default", "奇数页"), ("even", "偶数页")):
            rid = footers.get(ftype)
            part = self.pkg.part_for(rid) if rid else None
            label = f"{where}{side}页脚"
            if part is None:
                if not colophon_section:
                    self.flag(label, "没有页码（应为“— 1 —”，4号宋体）")
                continue
            self.check_footer(label, part, ftype, landscape, colophon_section)

    def check_footer(self, label, part, ftype, landscape, colophon_section):
        found = False
        for p in part.iter(qn("w:p")):
            text, fonts = self._field_text(p)
            if "{PAGE}" not in text:
                continue
            found = True
            if not re.search(r"—\s*\{PAGE\}\s*—", text) or "——" in text:
                self.flag(label, f"页码“{text.replace('{PAGE}', '1').strip()}”应为两侧各一条一字线“— 1 —”（U+2014）")
            for face, sz in fonts:
                if category(face) != "songti":
                    self.flag(label, f"页码字体“{face}”，应为宋体")
                if sz != units.SZ_SMALL:
                    self.flag(label, f"页码字号 {size_text(sz)}，应为四号（14 磅）")
            if landscape or p.getparent().tag == qn("w:txbxContent"):
                continue  # turned page numbers sit in a text box placed on the page
            pp = self.res.ppr(p)
            if ftype == "default":
                if pp.jc not in ("right", "end"):
                    self.flag(label, "单页码应居右")
                elif not 200 <= pp.right <= 340:
                    self.flag(label, f"单页码右空 {pp.right / units.CHAR_4:.1f} 字，应为 1 字")
            else:
                if pp.jc not in ("left", "start", "both"):
                    self.flag(label, "双页码应居左")
                elif not 200 <= pp.left <= 340:
                    self.flag(label, f"双页码左空 {pp.left / units.CHAR_4:.1f} 字，应为 1 字")
        if not found and not colophon_section:
            self.flag(label, "没有 PAGE 页码域（应为“— 1 —”）")

    def _field_text(self, p):
        """Text with a PAGE field written as {PAGE}; (face, size) of the visible runs."""
        out, fonts, in_instr, skip = [], [], False, False
        fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
        for node in p.iter(qn("w:r"), qn("w:fldSimple")):
            if any(a.tag == fallback for a in node.iterancestors()):
                continue  # the VML copy of a text box Word and LibreOffice also write
            if node.tag == qn("w:fldSimple"):
                if "PAGE" in (node.get(W + "instr") or "").upper():
                    out.append("{PAGE}")
                    skip = True
                continue
            if skip and node.getparent().tag == qn("w:fldSimple"):
                continue
            fld = node.find(qn("w:fldChar"))
            if fld is not None:
                kind = fld.get(W + "fldCharType")
                in_instr = kind == "begin"
                if kind == "separate":
                    skip = True
                elif kind == "end":
                    skip = False
                continue
            instr = node.find(qn("w:instrText"))
            if instr is not None and in_instr:
                if (instr.text or "").strip().upper().startswith("PAGE"):
                    out.append("{PAGE}")
                continue
            t = "".join(x.text or "" for x in node.findall(qn("w:t")))
            if t and not skip:
                out.append(t)
            if t.strip():
                rp = self.res.rpr(node, p)
                fonts.append((rp.east_asia, rp.sz))
                if any(ch.isascii() and ch.isdigit() for ch in t):
                    fonts.append((rp.fonts.get("ascii"), rp.sz))
        return "".join(out), fonts

    def _check_colophon(self, tbl, i, texts) -> bool:
        paras = list(tbl.iter(qn("w:p")))
        lines = [text_of(p).strip() for p in paras]
        if not any(line.endswith("印发") for line in lines):
            return False
        where = "版记"
        last = [line for line in lines if line][-1]
        m = _PRINT.match(last)
        if not m:
            self.flag(where, f"“{short(last, 30)}”应为“印发机关 + 印发日期 + 印发”，印发机关左空 1 字，日期右空 1 字")
        elif not CN_DATE_RE.match(m.group("date")):
            self.flag(where, f"印发日期“{m.group('date')}”应用阿拉伯数字写全年月日，不编虚位")
        later = [t for k, _e, _s, t in texts[i + 1:] if t]
        if later:
            self.flag(where, "“……印发”一行应是版记的最后一行，也是全文最后一行")
        for p, line in zip(paras, lines):
            if not line:
                continue
            rps = [self.res.rpr(r, p) for r in p.iter(qn("w:r"))
                   if "".join(t.text or "" for t in r.findall(qn("w:t"))).strip()]
            self._font(f"版记“{short(line)}”", "版记", rps, "fangsong", units.SZ_SMALL)
            if line.startswith("抄送") and not (line.startswith("抄送：") and line.endswith("。")):
                self.flag(where, "抄送机关应写作“抄送：机关，机关。”（全角冒号，句号结尾）")
        pr = tbl.find(qn("w:tblPr"))
        tw = pr.find(qn("w:tblW")) if pr is not None else None
        if tw is not None and tw.get(W + "type") == "dxa" and abs(int(tw.get(W + "w")) - units.TYPE_W) > TOL:
            self.flag(where, f"分隔线长 {units.to_mm(int(tw.get(W + 'w'))):.0f} mm，应与版心等宽（156 mm）")
        borders = pr.find(qn("w:tblBorders")) if pr is not None else None
        rows = tbl.findall(qn("w:tr"))

        def width(b):
            if b is None or b.get(W + "val") in ("nil", "none"):
                return 0
            return int(b.get(W + "sz", 0))

        def cell_border(row, side):
            b = row.find(f"{W}tc/{W}tcPr/{W}tcBorders/{W}{side}") if row is not None else None
            return b

        def sz(side):
            """Table border, or the cells' own borders (LibreOffice writes those)."""
            b = borders.find(qn(f"w:{side}")) if borders is not None else None
            if side == "top" and rows:
                b = cell_border(rows[0], "top") if cell_border(rows[0], "top") is not None else b
            elif side == "bottom" and rows:
                b = cell_border(rows[-1], "bottom") if cell_border(rows[-1], "bottom") is not None else b
            elif side == "insideH" and len(rows) > 1 and cell_border(rows[0], "bottom") is not None:
                b = cell_border(rows[0], "bottom")
            return width(b)

        for side, name in (("top", "首条"), ("bottom", "末条")):
            if not 6 <= sz(side) <= 12:
                self.flag(where, f"{name}分隔线粗 {sz(side) / 8:g} 磅，应为粗线（0.35 mm ≈ 1 磅）")
        if len(rows) > 1 and not 3 <= sz("insideH") <= 8:
            self.flag(where, f"中间分隔线粗 {sz('insideH') / 8:g} 磅，应为细线（0.25 mm ≈ 0.75 磅）")
        if sz("left") or sz("right") or sz("insideV"):
            self.flag(where, "版记只有横向分隔线，不应有竖线")
        return True

