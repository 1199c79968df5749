"""The progress workbook of a round: a summary sheet and the full progress table (进度台账).

Written fresh with openpyxl (never by editing a received file). Every text a clerk or a
department typed is written as text, so “=…” never becomes a formula; the light is a
coloured cell with its word in it, so it survives black-and-white printing.

The workbook is written in openpyxl's write-only mode, row after row, with each style's
cell-style array looked up once: the per-cell style machinery dominated a 10,000-task
sheet. Sheet settings are therefore made before the first row.
"""
from __future__ import annotations

import copy

from models.entities import STATUS_LABELS
from models.status import LIGHT_COLOURS, LIGHTS, flag_label, light_label
from models.status.agreement import answers_text

from .atomic import atomic_path

FORMULA_START = ("=", "+", "-", "@")   # what Excel would take as the start of a formula

FILLS = {"on_track": "C6EFCE", "at_risk": "FFEB9C", "late": "FFC7CE", "": "FFFFFF"}
FONTS = {"on_track": "006100", "at_risk": "9C5700", "late": "9C0006", "": "000000"}
TABLE_COLUMNS = (  # (header, width)
    ("序号", 9), ("任务", 46), ("牵头单位", 16), ("配合单位", 18), ("完成时限", 14),
    ("序时进度", 9), ("报送进度", 9), ("完成状态", 9), ("预警", 10), ("说明", 28),
    ("进展情况", 48), ("存在问题", 28), ("下一步工作计划", 28), ("报送轮次", 14))
FONT_NAME = "宋体"


def light_word(light: str) -> str:
    return f"{LIGHT_COLOURS[light]}灯·{light_label(light, 'zh')}" if light else ""


def render_progress_xlsx(view, out_path) -> None:
    """Write the workbook of a ``models.status.view.ProgressView`` (atomically)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    styles = _Styles(wb)
    _summary(wb.create_sheet("汇总"), view, styles)
    _table(wb.create_sheet("进度台账"), view, styles)
    with atomic_path(out_path, suffix=".xlsx") as tmp:
        wb.save(tmp)


# ---- cells ----------------------------------------------------------------------------
class _Styles:
    """Named styles, one per look: assigning a named style to a cell is a lookup, while
    assigning font/fill/border objects hashes them per cell (13 s instead of 2 s for
    10,000 rows)."""

    def __init__(self, wb):
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
        thin = Side(style="thin", color="999999")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        font = Font(name=FONT_NAME, size=10)
        bold = Font(name=FONT_NAME, size=10, bold=True)
        wrap = Alignment(wrap_text=True, vertical="center")
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_fill = PatternFill("solid", fgColor="D9E1F2")
        looks = {
            "title": dict(font=Font(name=FONT_NAME, size=14, bold=True)),
            "plain": dict(font=font),
            "plain_b": dict(font=bold),
            "header": dict(font=bold, fill=header_fill, alignment=center, border=border),
            "cell": dict(font=font, alignment=wrap, border=border),
            "center": dict(font=font, alignment=center, border=border),
            "pct": dict(font=font, alignment=center, border=border, number_format="0%"),
        }
        for n in range(6):
            looks[f"indent{n}"] = dict(font=font, border=border, alignment=Alignment(
                wrap_text=True, vertical="center", indent=n))
        for name in list(looks):
            if name not in ("title", "plain", "plain_b", "header"):
                looks[name + "_b"] = {**looks[name], "font": bold}
        for light in ("", *LIGHTS):
            fill = PatternFill("solid", fgColor=FILLS[light])
            lfont = Font(name=FONT_NAME, size=10, bold=True, color=FONTS[light])
            looks[f"light_{light}"] = dict(font=lfont, fill=fill, alignment=center, border=border)
            looks[f"label_{light}"] = dict(font=lfont if light else font, fill=fill, border=border,
                                           alignment=wrap)
            looks[f"header_{light}"] = dict(font=lfont if light else bold,
                                            fill=fill if light else header_fill,
                                            alignment=center, border=border)
        self.names = {}
        for key, props in looks.items():
            style = NamedStyle(name=f"台账·{key}", **props)
            wb.add_named_style(style)
            self.names[key] = style.name
        self._arrays: dict = {}

    def __getitem__(self, key: str) -> str:
        return self.names[key]

    def row(self, sheet, cells) -> None:
        """Append one row of (value, style name or None) pairs."""
        from openpyxl.cell import WriteOnlyCell
        out = []
        for value, style in cells:
            cell = WriteOnlyCell(sheet, value)
            if isinstance(value, str):
                cell.data_type = "s"     # text stays text, even when it starts with "="
            if style is not None:
                cell._style = copy.copy(self.array(cell, style))
            if isinstance(value, str) and value[:1] in FORMULA_START:
                cell.quotePrefix = True  # and stays text when the clerk edits it in Excel
            out.append(cell)
        sheet.append(out)

    def array(self, cell, name: str):
        """The cell-style array of a named style: what ``cell.style = name`` computes, looked
        up once per style instead of once per cell (half the time of a large sheet)."""
        found = self._arrays.get(name)
        if found is None:
            cell.style = name
            found = self._arrays[name] = copy.copy(cell._style)
        return found


def _percent(v):
    return None if v is None else round(v / 100.0, 4)


# ---- the progress table --------------------------------------------------------------
def _table(sheet, view, st: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    statuses, plan = view.statuses, view.plan
    last_col = get_column_letter(len(TABLE_COLUMNS))
    for c, (_, width) in enumerate(TABLE_COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "C4"
    sheet.auto_filter.ref = f"A3:{last_col}{len(statuses) + 3}"
    sheet.print_title_rows = "3:3"
    _print_setup(sheet)
    st.row(sheet, [(f"{plan.title}推进情况台账", st["title"])])
    st.row(sheet, [(_as_of_line(view), st["plain"])])
    st.row(sheet, [(header, st["header"]) for header, _ in TABLE_COLUMNS])
    for s in statuses:
        b = "_b" if s.is_heading else ""
        leaf = not s.is_heading
        st.row(sheet, (
            (s.path_number, st["center" + b]), (s.title, st[f"indent{min(s.level - 1, 5)}{b}"]),
            ("、".join(s.lead), st["cell" + b]), ("、".join(s.support), st["cell" + b]),
            (s.deadline_text, st["cell" + b]), (_percent(s.expected), st["pct" + b]),
            (_percent(s.reported), st["pct" + b]),
            (STATUS_LABELS.get(s.reported_status, "") if leaf else "", st["center" + b]),
            (light_word(s.light), st[f"light_{s.light}"]), (_explain(s), st["cell" + b]),
            (s.report_text if leaf else "", st["cell" + b]),
            (s.report_problems if leaf else "", st["cell" + b]),
            (s.report_next_steps if leaf else "", st["cell" + b]),
            (s.report_round if leaf else "", st["center" + b])))


def _explain(s) -> str:
    """The reason, plus the flags it does not already say."""
    reason = s.reason_text("zh")     # the report is a Chinese document whatever the UI speaks
    extra = [flag_label(f, "zh") for f in s.flags
             if f != "done" and flag_label(f, "zh") not in reason]
    answers = f"各单位：{answers_text(s.answers)}" if s.answers else ""
    return "；".join(p for p in (reason, "、".join(extra), answers) if p)


def _as_of_line(view) -> str:
    st = view.statuses
    parts = [f"报送轮次：{st.round_name}" if st.round_name else "（尚无报送轮次）"]
    if st.as_of:
        parts.append(f"统计截至：{st.as_of.year}年{st.as_of.month}月{st.as_of.day}日")
    return "    ".join(parts)


def _print_setup(sheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"     # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


# ---- the summary sheet ---------------------------------------------------------------
def _summary(sheet, view, st: _Styles) -> None:
    s = view.summary
    sheet.column_dimensions["A"].width = 34
    for col in "BCDEF":
        sheet.column_dimensions[col].width = 13
    st.row(sheet, [(f"{view.plan.title}推进情况汇总", st["title"])])
    st.row(sheet, [(_as_of_line(view), st["plain"])])
    st.row(sheet, [(s.sentence(), st["plain"])])
    sheet.append([])
    _block(sheet, st, "按预警等级", ("等级", "任务数（项）"),
           [((light_word(k), k), s.by_light[k]) for k in LIGHTS]
           + [(("其中：已完成", ""), s.done), (("其中：已逾期", ""), s.flags["overdue"]),
              (("其中：本轮未报送", ""), s.flags["no_report"])])
    _block(sheet, st, "按牵头单位", ("牵头单位", *(light_label(k, "zh") for k in LIGHTS), "合计"),
           [((name, ""), *(c[k] for k in LIGHTS), sum(c.values()))
            for name, c in s.by_department.items()], light_cols=True)
    _block(sheet, st, "按完成时限月份", ("月份", *(light_label(k, "zh") for k in LIGHTS), "合计"),
           [((f"{m[:4]}年{int(m[5:])}月", ""), *(c[k] for k in LIGHTS), sum(c.values()))
            for m, c in s.due_by_month.items()]
           + [(("长期坚持或无时限", ""), None, None, None, s.undated)], light_cols=True)
    if view.targets:
        rows = [((f"{t.number} {t.metric}", ""), t.target, t.unit, t.actual,
                 None if t.ratio is None else round(t.ratio / 100, 4)) for t in view.targets]
        _block(sheet, st, "指标完成情况（报送数值取自进展情况文字）",
               ("指标", "目标值", "单位", "报送数值", "完成比例"), rows, percent_col=5)
    rules = view.statuses.rules
    if rules is not None:
        st.row(sheet, [("预警规则", st["plain_b"])])
        st.row(sheet, [(f"报送进度低于序时进度{rules.at_risk_gap:g}个百分点以上为黄灯，"
                      f"{rules.late_gap:g}个百分点以上或超过完成时限未完成为红灯；"
                      f"{rules.due_soon_days}天内到期为“即将到期”。"
                      "有下级任务的标题行取下级任务中最差的等级，不重复计数。", st["plain"])])


def _block(sheet, st, title, headers, rows, light_cols=False, percent_col=None) -> None:
    """A titled little table and a blank row after it."""
    st.row(sheet, [(title, st["plain_b"])])
    st.row(sheet, [(h, st["header_" + (LIGHTS[c - 2] if light_cols and 2 <= c <= 4 else "")])
                 for c, h in enumerate(headers, 1)])
    for (label, light), *rest in rows:
        st.row(sheet, [(label, st[f"label_{light}"])]
             + [(v, st["pct" if c == percent_col else "center"]) for c, v in enumerate(rest, 2)])
    sheet.append([])
