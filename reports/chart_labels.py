"""Tick labels that fit the size a chart is drawn at (the dashboard shrinks with the window).

Before each draw, category labels (ticks at fixed places, as ``set_xticks``/``set_yticks``
with a list of names make them) are fitted to the space there is: a name longer than its share of the figure's
width ends in “…”; rows too close for a line of text show every second (third…) name;
columns too narrow for their labels stand them upright, and thin them if still too close;
a number axis gets no more ticks than its numbers leave room for; a legend too wide for
one row is stacked, and the title ends in “…” where it would run into the legend;
numbers beside bars (``bar_label``: a department's total, a target's value) get smaller
when the rows come closer than their lines, down to ``BAR_LABEL_MIN_SIZE``, and past that
every number that would touch the one above it is left out (the bar still shows it).
The full names stay on the axis, so a larger window shows them again.
"""
from __future__ import annotations

import math

ELLIPSIS = "…"
NAME_SHARE = 0.34     # of the figure's width, at most, for a row's name
LEGEND_SHARE = 0.6    # of the figure's width, at most, for a legend in one row
GAP = 1.15            # room between two labels, as a share of a label's size
BAR_LABEL_MIN_SIZE = 6.0   # points: smaller than this a clerk cannot read a number


def fit_tick_labels(fig, renderer) -> list:
    """Fit every axes of ``fig``; returns what was chosen, to tell whether anything changed."""
    chosen: list = []
    for ax in fig.axes:
        _fit_legend(ax, fig, renderer)
        _fit_title(ax, fig, renderer)
        if ax.axison:
            _fit_rows(ax, fig, renderer)
            _fit_columns(ax, renderer)
        _fit_bar_labels(ax, renderer)
        legend = ax.get_legend()
        chosen.append((ax.get_title(loc="left"), round(ax._left_title.get_position()[0], 3),
                       legend._ncols if legend else 0,
                       [(t.get_fontsize(), t.get_visible()) for t in getattr(ax, "bar_labels", ())],
                       [t.get_text() for t in ax.get_yticklabels()],
                       [(t.get_text(), t.get_rotation()) for t in ax.get_xticklabels()],
                       tuple(ax.get_xticks())))
    return chosen


def _labels(axis):
    """(locations, full names) of an axis with category names, else None."""
    from matplotlib.ticker import FixedLocator
    if not isinstance(axis.get_major_locator(), FixedLocator):
        return None
    locs = list(axis.get_majorticklocs())
    fmt = axis.get_major_formatter()
    full = getattr(fmt, "full_names", None) or list(fmt.format_ticks(locs))
    return (locs, full[:len(locs)]) if locs and any(full) else None


def _set(axis, names: list[str], full: list[str]) -> None:
    from matplotlib.ticker import FixedFormatter
    fmt = FixedFormatter(names)
    fmt.full_names = full       # type: ignore[attr-defined]
    axis.set_major_formatter(fmt)


def _size(renderer, text: str, prop) -> tuple[float, float]:
    w, h, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
    return w, h


def _pitch(ax, locs, index: int) -> float:
    """The smallest distance between two ticks, in pixels (index 0: x, 1: y)."""
    pos = sorted(ax.transData.transform([(v, v) for v in locs])[:, index])
    return min((b - a for a, b in zip(pos, pos[1:])), default=math.inf)


def _ellipsize(renderer, name: str, prop, room: float) -> str:
    if _size(renderer, name, prop)[0] <= room:
        return name
    for n in range(len(name) - 1, 0, -1):
        short = name[:n].rstrip() + ELLIPSIS
        if _size(renderer, short, prop)[0] <= room:
            return short
    return ELLIPSIS


def _thinned(names: list[str], step: int) -> list[str]:
    return [n if i % step == 0 else "" for i, n in enumerate(names)]


def _fit_rows(ax, fig, renderer) -> None:
    found = _labels(ax.yaxis)
    if not found:
        return
    locs, full = found
    prop = ax.yaxis.get_major_ticks(len(locs))[0].label1.get_fontproperties()
    room = NAME_SHARE * fig.bbox.width
    names = [_ellipsize(renderer, n, prop, room) for n in full]
    line = _size(renderer, "国", prop)[1] * GAP
    step = max(1, math.ceil(line / _pitch(ax, locs, 1))) if len(locs) > 1 else 1
    _set(ax.yaxis, _thinned(names, step), full)


def bar_label(ax, x: float, y: float, text: str, **options):
    """``ax.text`` for a number at the end of a horizontal bar, which ``fit_tick_labels``
    shrinks or leaves out when the bars are drawn too close for it."""
    label = ax.text(x, y, text, **options)
    label.full_size = label.get_fontsize()     # type: ignore[attr-defined]
    ax.bar_labels = [*getattr(ax, "bar_labels", ()), label]   # type: ignore[attr-defined]
    return label


def _fit_bar_labels(ax, renderer) -> None:
    labels = sorted(getattr(ax, "bar_labels", ()), key=lambda t: -t.get_position()[1])
    if not labels:
        return
    for label in labels:          # measured at full size again: the window may have grown
        label.set_fontsize(label.full_size)
        label.set_visible(True)
    rows = [ax.transData.transform(label.get_position())[1] for label in labels]
    pitch = min((a - b for a, b in zip(rows, rows[1:]) if a - b > 0), default=math.inf)
    line = max(label.get_window_extent(renderer).height for label in labels) * GAP
    if pitch < line:
        for label in labels:
            label.set_fontsize(max(BAR_LABEL_MIN_SIZE, label.full_size * pitch / line))
    kept: list = []
    for label in labels:          # top first, as the rows are read
        box = label.get_window_extent(renderer)
        if any(box.overlaps(other) for other in kept):
            label.set_visible(False)
        else:
            kept.append(box)


def _fit_legend(ax, fig, renderer) -> None:
    """A legend in a row reaching over most of the figure leaves no room for the axes (the
    layout keeps it clear of the edge): stacked. Legends made by ``row_legend`` only."""
    legend = ax.get_legend()
    options = getattr(legend, "row_options", None)
    if legend is None or options is None:
        return
    stacked = legend._ncols == 1 and options["ncols"] > 1
    if stacked:       # measure it in a row again: the window may have grown
        legend = row_legend(ax, **options)
    if legend.get_window_extent(renderer).width > LEGEND_SHARE * fig.bbox.width:
        row_legend(ax, **{**options, "ncols": 1})


def row_legend(ax, **options):
    """``ax.legend(**options)`` that ``fit_tick_labels`` may stack when the figure is narrow."""
    legend = ax.legend(**options)
    legend.row_options = options      # type: ignore[attr-defined]
    return legend


def _fit_title(ax, fig, renderer) -> None:
    """The left title shares its line with the legend: shortened to what is left of it."""
    if getattr(ax, "full_title", None) is None:
        ax.full_title = ax.get_title(loc="left")      # type: ignore[attr-defined]
    if not ax.full_title:
        return
    legend = ax.get_legend()
    beside = legend.get_window_extent(renderer).width if legend is not None else 0.0
    room = max(0.95 * fig.bbox.width - beside, 0.2 * fig.bbox.width)
    title = ax._left_title      # the left title's Text (its font)
    ax.set_title(_ellipsize(renderer, ax.full_title, title.get_fontproperties(), room), loc="left")
    # From the figure's left edge, where the room above was counted: long row names push
    # the axes right, and a title starting there would run under the legend.
    if ax.bbox.width > 0:
        title.set_x((fig.bbox.x0 + 0.02 * fig.bbox.width - ax.bbox.x0) / ax.bbox.width)


def _fit_numbers(ax, renderer) -> None:
    """A count or percent axis: no more ticks than its widest number leaves room for."""
    from matplotlib.ticker import MaxNLocator
    locator = ax.xaxis.get_major_locator()
    locs = list(ax.xaxis.get_majorticklocs())
    if not isinstance(locator, MaxNLocator) or not locs:
        return
    prop = ax.xaxis.get_major_ticks(len(locs))[0].label1.get_fontproperties()
    texts = ax.xaxis.get_major_formatter().format_ticks(locs)
    widest = max(_size(renderer, t, prop)[0] for t in texts) * GAP * 1.5
    locator.set_params(nbins=max(1, min(ax.xaxis.get_tick_space(), int(ax.bbox.width / widest))))


def _fit_columns(ax, renderer) -> None:
    found = _labels(ax.xaxis)
    if not found:
        _fit_numbers(ax, renderer)
        return
    locs, full = found
    ticks = ax.xaxis.get_major_ticks(len(locs))
    prop = ticks[0].label1.get_fontproperties()
    pitch = _pitch(ax, locs, 0)
    widest = max(_size(renderer, n, prop)[0] for n in full) * GAP
    line = _size(renderer, "国", prop)[1] * GAP
    upright = widest > 2 * pitch          # thinning to every other still would not do
    step = max(1, math.ceil((line if upright else widest) / pitch))
    for tick in ticks:
        tick.label1.set_rotation(90 if upright else 0)
        tick.label1.set_horizontalalignment("center")
    _set(ax.xaxis, _thinned(full, step), full)
