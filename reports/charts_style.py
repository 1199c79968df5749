"""The look of PlanDesk's charts: CJK fonts, light colours, a Figure that keeps its own rc.

matplotlib is imported inside functions: the import costs about a second and only
drawing a chart should pay it. Settings are never put into the global ``rcParams``: each
figure is built inside ``rc_context`` and re-enters it whenever it is drawn (a Qt canvas
repaints long after the figure was built, and the minus sign and text layout are
resolved at draw time).
"""
from __future__ import annotations

import contextlib
import functools
import threading
from pathlib import Path

# rcParams are process-global and rc_context is not thread-safe: a report drawn on a
# worker while the dashboard repaints would get the other's (or no) CJK font. Every
# chart is built and drawn holding this lock.
_RC_LOCK = threading.RLock()

# Simplified-Chinese faces first; on Linux matplotlib lists the Noto CJK collection only
# under its first face (JP), whose glyphs cover simplified Chinese too.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Noto Sans CJK JP", "Source Han Sans", "SimSun",
             "Noto Serif CJK SC", "Noto Serif CJK JP", "Arial Unicode MS")

COLOURS = {"done": "#1a7f3c", "on_track": "#5cb85c", "at_risk": "#f0ad00", "late": "#d9342b",
           "none": "#b0b0b0", "target": "#c7d2de", "measure": "#4a7ab0", "text": "#333333", "grid": "#dddddd"}


# The installable build ships a CJK face here, for machines whose own fonts matplotlib
# cannot read; a source checkout has none and uses the system's.
BUNDLED_FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


@functools.cache
def font_families() -> tuple[str, ...]:
    """The installed CJK fonts from CJK_FONTS, then DejaVu Sans for Latin fallbacks."""
    from matplotlib import font_manager
    for font in sorted(BUNDLED_FONTS.glob("*.tt[cf]")):
        font_manager.fontManager.addfont(str(font))
    available = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(n for n in CJK_FONTS if n in available) + ("DejaVu Sans",)


def has_cjk_font() -> bool:
    return len(font_families()) > 1


def rc() -> dict:
    return {"font.family": "sans-serif", "font.sans-serif": list(font_families()),
            "axes.unicode_minus": False, "font.size": 9, "axes.titlesize": 10,
            "axes.titleweight": "bold", "axes.edgecolor": "#999999",
            "axes.spines.top": False, "axes.spines.right": False,
            "svg.fonttype": "none", "pdf.fonttype": 42}


@functools.cache
def _figure_class():
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    class ChartFigure(Figure):
        """A Figure that draws inside its own rc settings, wherever it is drawn."""

        def __init__(self, *args, chart_rc=None, **kwargs):
            self.chart_rc = dict(chart_rc or rc())
            with _RC_LOCK, rc_context(self.chart_rc):
                super().__init__(*args, **kwargs)

        def draw(self, renderer):
            from .chart_labels import fit_tick_labels
            with _RC_LOCK, rc_context(self.chart_rc):
                # Fit the labels to this size with the axes where the last layout put
                # them; fitted labels move the axes, so again until nothing changes (the
                # figure's background covers a drawing done again on the screen and in PNG).
                fitted = fit_tick_labels(self, renderer)
                for _ in range(3):
                    super().draw(renderer)
                    again = fit_tick_labels(self, renderer)
                    if again == fitted:
                        return None
                    fitted = again
                return super().draw(renderer)

    return ChartFigure


def new_figure(width: float, height: float):
    """A constrained-layout figure (inches) that renders Chinese labels."""
    return _figure_class()(figsize=(width, height), layout="constrained")


@contextlib.contextmanager
def building(fig):
    """``with building(fig):`` — create artists under the figure's rc settings."""
    from matplotlib import rc_context
    with _RC_LOCK, rc_context(fig.chart_rc):
        yield
