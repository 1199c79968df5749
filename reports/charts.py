"""Progress charts as matplotlib ``Figure`` objects (no pyplot, nothing global).

    s = summarize(evaluate_plan(ws, plan, round_name))
    fig = status_chart(s)          # all tasks by light
    figure_png(fig, "status.png", dpi=150)

Every clickable artist (a slice, a bar) carries a gid “kind:value” — ``light:late``,
``department:区发改局``, ``month:2025-06``, ``task:<uuid>`` — that ``pick_key`` reads back,
so the dashboard can tell what was clicked without knowing how the chart was drawn.
Labels default to Chinese; pass ``text={...}`` (keys of ``TEXT``) to translate them.
"""
from __future__ import annotations

import io

from models.status.summary import NO_DEPARTMENT

from .chart_labels import bar_label, row_legend
from .charts_style import COLOURS, building, new_figure

TEXT = {
    "done": "已完成", "on_track": "正常推进", "at_risk": "存在风险", "late": "滞后",
    "status_title": "任务推进总体情况", "total": "共{n}项", "slice": "{label}  {n}项（{pct}%）",
    "department_title": "各牵头单位任务推进情况",
    "no_department": NO_DEPARTMENT,
    "others": "另有{n}个单位（共{tasks}项任务）未列出",
    "month_title": "任务按完成时限月份分布", "month_axis": "任务数（项）",
    "month_label": "{m}月", "month_label_year": "{y}年{m}月",
    "target_title": "指标完成情况（报送数值/目标值）",
    "target_title_no_actual": "指标目标值（尚无报送数值，仅列目标）",
    "target_axis": "完成目标的百分比（%）", "target_value_axis": "目标值",
    "target_missing": "未报数值", "no_data": "暂无数据", "count_axis": "任务数（项）",
}
# Slices and bar segments from good to bad; the pie splits green into done / on track.
PIE_KEYS = ("done", "on_track", "at_risk", "late")
LIGHT_KEYS = ("on_track", "at_risk", "late")


def _t(text: dict | None, key: str, **kw) -> str:
    s = (text or {}).get(key) or TEXT[key]
    return s.format(**kw) if kw else s


def _pickable(artist, gid: str) -> None:
    artist.set_gid(gid)
    artist.set_picker(True)


def pick_key(artist) -> tuple[str, str] | None:
    """(“light”|“department”|“month”|“task”, value) of a clicked artist, or None."""
    gid = artist.get_gid() if artist is not None else None
    if not gid or ":" not in gid:
        return None
    kind, value = gid.split(":", 1)
    return kind, value


def _empty(fig, ax, text) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, _t(text, "no_data"), ha="center", va="center", fontsize=11,
            color="#888888", transform=ax.transAxes)


# ---- all tasks by light -------------------------------------------------------------
def status_chart(summary, text: dict | None = None, size=(5.6, 2.7), show_title: bool = True):
    """A ring of all counted tasks: done, on track, at risk, late."""
    fig = new_figure(*size)
    with building(fig):
        ax = fig.add_subplot()
        counts = {"done": summary.done, "on_track": summary.by_light["on_track"] - summary.done,
                  "at_risk": summary.by_light["at_risk"], "late": summary.by_light["late"]}
        keys = [k for k in PIE_KEYS if counts[k] > 0]
        _title(ax, text, "status_title", show_title)
        if not keys:
            _empty(fig, ax, text)
            return fig
        total = sum(counts.values())
        wedges, _ = ax.pie([counts[k] for k in keys], colors=[COLOURS[k] for k in keys],
                           startangle=90, counterclock=False,
                           wedgeprops={"width": 0.42, "edgecolor": "white", "linewidth": 1.5})
        for w, k in zip(wedges, keys):
            _pickable(w, f"light:{'on_track' if k == 'done' else k}")
        ax.text(0, 0, _t(text, "total", n=total), ha="center", va="center", fontsize=12,
                fontweight="bold", color=COLOURS["text"])
        ax.set_aspect("equal")
        labels = [_t(text, "slice", label=_t(text, k), n=counts[k], pct=f"{100 * counts[k] / total:.0f}")
                  for k in keys]
        ax.legend(wedges, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return fig


# ---- by lead department -------------------------------------------------------------
def department_chart(summary, text: dict | None = None, top: int = 12, width: float = 6.0,
                     show_title: bool = True):
    """Stacked horizontal bars per lead department, the departments with most trouble on top.

    Only the first ``top`` are drawn; the rest are named in a note under the axis rather
    than summed into one bar, which would dwarf every other bar.
    """
    rows = list(summary.by_department.items())
    hidden = rows[top:]
    rows = rows[:top]
    fig = new_figure(width, 1.1 + 0.32 * max(len(rows), 2) + (0.2 if hidden else 0))
    with building(fig):
        ax = fig.add_subplot()
        _title(ax, text, "department_title", show_title)
        if not rows:
            _empty(fig, ax, text)
            return fig
        # The tasks without a lead are a group of the summary, named in the chart's language.
        names = [_t(text, "no_department") if r[0] == NO_DEPARTMENT else r[0] for r in rows]
        ys = list(range(len(rows)))[::-1]      # first row on top
        left = [0] * len(rows)
        for k in LIGHT_KEYS:
            values = [r[1][k] for r in rows]
            bars = ax.barh(ys, values, left=left, color=COLOURS[k], label=_t(text, k), height=0.62)
            for bar, (name, _counts), v in zip(bars, rows, values):
                if v:
                    _pickable(bar, f"department:{name}")
            left = [a + b for a, b in zip(left, values)]
        for y, total in zip(ys, left):
            bar_label(ax, total, y, f" {total}", va="center", fontsize=8, color=COLOURS["text"])
        if hidden:
            n_tasks = sum(sum(c.values()) for _, c in hidden)
            # supxlabel, not fig.text: constrained layout makes room for it.
            fig.supxlabel(_t(text, "others", n=len(hidden), tasks=n_tasks), x=0.01,
                          ha="left", fontsize=8, color="#666666")
        ax.set_yticks(ys, names)       # shortened to the space there is (chart_labels)
        ax.set_xlabel(_t(text, "count_axis"))
        ax.set_xlim(0, max(left) * 1.1 + 0.5)   # room for the totals
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", color=COLOURS["grid"], linewidth=0.6)
        ax.set_axisbelow(True)
        _legend_top_right(ax)
    return fig


# ---- due by month -------------------------------------------------------------------
def month_chart(summary, text: dict | None = None, size=(6.0, 3.0), show_title: bool = True):
    """Stacked bars of tasks by the month of their deadline."""
    fig = new_figure(*size)
    with building(fig):
        ax = fig.add_subplot()
        _title(ax, text, "month_title", show_title)
        months = list(summary.due_by_month.items())
        if not months:
            _empty(fig, ax, text)
            return fig
        xs = list(range(len(months)))
        bottom = [0] * len(months)
        for k in LIGHT_KEYS:
            values = [m[1][k] for m in months]
            bars = ax.bar(xs, values, bottom=bottom, color=COLOURS[k], label=_t(text, k), width=0.7)
            for bar, (month, _), v in zip(bars, months, values):
                if v:
                    _pickable(bar, f"month:{month}")
            bottom = [a + b for a, b in zip(bottom, values)]
        labels, year = [], None
        for month, _ in months:
            y, m = month.split("-")
            labels.append(_t(text, "month_label_year" if y != year else "month_label",
                             y=y, m=int(m)))
            year = y
        # Upright and thinned when the chart is drawn small (chart_labels).
        ax.set_xticks(xs, labels, fontsize=8)
        ax.set_ylabel(_t(text, "month_axis"))
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
        ax.set_axisbelow(True)
        _legend_top_right(ax)
        ax.set_ylim(0, max(bottom) * 1.08 + 0.2)
    return fig


# ---- targets ------------------------------------------------------------------------
def target_chart(values, text: dict | None = None, top: int = 12, width: float = 6.0,
                 show_title: bool = True):
    """Each numeric target: reported value as a percent of the target where a report
    gave one; with no reported value anywhere, the target values themselves (and the title
    says so)."""
    with_actual = [v for v in values if v.ratio is not None]
    shown = (with_actual + [v for v in values if v.ratio is None])[:top]
    fig = new_figure(width, 1.1 + 0.34 * max(len(shown), 2))
    with building(fig):
        ax = fig.add_subplot()
        if not shown:
            _title(ax, text, "target_title", show_title)
            _empty(fig, ax, text)
            return fig
        ys = list(range(len(shown)))[::-1]
        names = [f"{v.number} {v.metric}" for v in shown]
        if with_actual:
            _title(ax, text, "target_title", show_title)
            for y, v in zip(ys, shown):
                if v.ratio is None:
                    bar = ax.barh(y, 100, color="none", edgecolor=COLOURS["none"],
                                  linestyle="--", height=0.6)[0]
                    bar_label(ax, 2, y, _t(text, "target_missing") + f"（{_num(v.target)}{v.unit}）",
                              va="center", fontsize=8, color="#777777")
                else:
                    colour = COLOURS["done"] if v.ratio >= 100 else COLOURS["measure"]
                    bar = ax.barh(y, min(v.ratio, 150), color=colour, height=0.6)[0]
                    bar_label(ax, min(v.ratio, 150), y,
                              f" {_num(v.actual)}/{_num(v.target)}{v.unit}", va="center", fontsize=8)
                _pickable(bar, f"task:{v.task_uuid}")
            ax.axvline(100, color=COLOURS["text"], linewidth=0.8, linestyle=":")
            ax.set_xlabel(_t(text, "target_axis"))
            ax.set_xlim(0, max([110.0] + [min(v.ratio, 150) + 35 for v in with_actual]))
        else:
            _title(ax, text, "target_title_no_actual", show_title)
            # Targets in different units share no scale: each is one full bar, labelled.
            for y, v in zip(ys, shown):
                bar = ax.barh(y, 100, color=COLOURS["target"], height=0.6)[0]
                bar_label(ax, 100, y, " " + _target_text(v), va="center", fontsize=8)
                _pickable(bar, f"task:{v.task_uuid}")
            ax.set_xlabel(_t(text, "target_value_axis"))
            ax.set_xlim(0, 160)
            ax.set_xticks([])
        ax.set_yticks(ys, names, fontsize=8)
    return fig


# ---- output -------------------------------------------------------------------------
def figure_png(fig, path, dpi: int = 150):
    """Write a figure as PNG, atomically. Returns the path."""
    from .atomic import atomic_path
    with atomic_path(path, suffix=".png") as tmp:
        fig.savefig(tmp, format="png", dpi=dpi)
    return path


def figure_png_bytes(fig, dpi: int = 150) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _title(ax, text, key: str, show: bool) -> None:
    # Left-aligned, so the legend can share its line on the right.
    if show:
        ax.set_title(_t(text, key), loc="left")


def _legend_top_right(ax) -> None:
    """The light legend on the title's line, clear of the bars."""
    row_legend(ax, loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, ncols=3,
               fontsize=8, borderaxespad=0.2, handlelength=1.2, columnspacing=1.0)


SUFFIX_QUALIFIERS = ("以上", "左右", "以内", "以下", "以外")


def _target_text(v) -> str:
    """达到14件, 90%以上: the qualifier where a clerk puts it."""
    q = v.qualifier or ""
    value = f"{_num(v.target)}{v.unit}"
    return value + q if q in SUFFIX_QUALIFIERS else q + value


def _num(v: float) -> str:
    """A value as a clerk writes it: 2亿, 8万, 6.2 — never 2e+08."""
    for size, unit in ((1e8, "亿"), (1e4, "万")):
        if abs(v) >= size and (abs(v) / size) * 100 == int((abs(v) / size) * 100):
            return f"{v / size:g}{unit}"
    return f"{v:,.10g}".replace(",", "") if abs(v) < 1e6 else f"{v:.0f}"


CHART_TITLES = {"status": "status_title", "department": "department_title",
                "month": "month_title", "target": "target_title"}


def progress_figures(view, text: dict | None = None, show_title: bool = True) -> dict:
    """The four charts of a ``models.status.view.ProgressView``, by name (CHART_TITLES)."""
    return {"status": status_chart(view.summary, text, show_title=show_title),
            "department": department_chart(view.summary, text, show_title=show_title),
            "month": month_chart(view.summary, text, show_title=show_title),
            "target": target_chart(view.targets, text, show_title=show_title)}


def target_title(values, text: dict | None = None) -> str:
    """The target chart's title: it says when no reported value was found."""
    return _t(text, "target_title" if any(v.ratio is not None for v in values)
              else "target_title_no_actual")
