"""Charts: PNGs of the right size, Chinese that renders, nothing global, clickable artists."""
from __future__ import annotations

import struct
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from models.status.sample import build_sample
from models.status.summary import Summary
from models.status.targets import TargetValue
from models.status.view import progress_view
from reports import charts
from reports.charts_style import font_families, has_cjk_font

ROOT = Path(__file__).resolve().parent.parent
Q3 = "2025年第三季度"


@pytest.fixture
def view(ws):
    return progress_view(ws, build_sample(ws), Q3, "2025-11-01")


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def glyph_warnings(record) -> list[str]:
    return [str(w.message) for w in record
            if "missing from font" in str(w.message) or "Glyph" in str(w.message)]


def test_a_cjk_font_is_found():
    assert has_cjk_font(), "install fonts-noto-cjk (or SimHei / Microsoft YaHei)"
    from matplotlib import font_manager
    path = font_manager.findfont(font_manager.FontProperties(family=list(font_families())),
                                 fallback_to_default=False)
    # judged by the face's own name: the file name of a CJK face says little (wqy-zenhei.ttc)
    name = font_manager.FontProperties(fname=path).get_name()
    assert any(word in name for word in ("CJK", "Hei", "YaHei", "Song", "Kai")), (name, path)


def test_every_chart_renders_chinese_at_its_size_without_missing_glyphs(view, tmp_path):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        figures = charts.progress_figures(view)
        for name, fig in figures.items():
            w, h = fig.get_size_inches()
            path = charts.figure_png(fig, tmp_path / f"{name}.png", dpi=100)
            assert png_size(path) == (round(w * 100), round(h * 100))
    assert glyph_warnings(record) == []
    texts = [t.get_text() for t in figures["status"].axes[0].texts]
    assert "共10项" in texts
    title = figures["department"].axes[0].get_title(loc="left")
    assert title == "各牵头单位任务推进情况"


def test_charts_leave_global_settings_alone(view):
    import matplotlib
    before = (list(matplotlib.rcParams["font.sans-serif"]), matplotlib.rcParams["axes.unicode_minus"])
    fig = charts.month_chart(view.summary)
    charts.figure_png_bytes(fig)
    after = (list(matplotlib.rcParams["font.sans-serif"]), matplotlib.rcParams["axes.unicode_minus"])
    assert after == before
    assert fig.chart_rc["axes.unicode_minus"] is False


def test_charts_do_not_import_pyplot():
    code = ("import sys; sys.path.insert(0, '.');"
            "from models.workspace import Workspace;"
            "from models.status.sample import build_sample;"
            "from models.status.view import progress_view;"
            "from reports.charts import progress_figures, figure_png_bytes;"
            "ws = Workspace.memory(); p = build_sample(ws);"
            "[figure_png_bytes(f) for f in progress_figures(progress_view(ws, p)).values()];"
            "print('matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_clickable_artists_say_what_they_stand_for(view):
    figs = charts.progress_figures(view)
    keys = {charts.pick_key(a) for fig in figs.values() for ax in fig.axes
            for a in ax.get_children() if a.get_picker()}
    assert {("light", "late"), ("light", "at_risk"), ("light", "on_track")} <= keys
    assert ("department", "区财政局") in keys
    assert ("month", "2025-06") in keys
    target_tasks = {v for k, v in keys if k == "task"}
    assert target_tasks == {t.task_uuid for t in view.targets}
    assert charts.pick_key(None) is None


def test_empty_data_draws_a_placeholder():
    empty = Summary()
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        for fig in (charts.status_chart(empty), charts.department_chart(empty),
                    charts.month_chart(empty), charts.target_chart([])):
            assert charts.figure_png_bytes(fig, dpi=50)[:4] == b"\x89PNG"
            assert any(t.get_text() == "暂无数据" for t in fig.axes[0].texts)
    assert glyph_warnings(record) == []


def test_many_departments_show_the_worst_and_name_the_rest():
    s = Summary()
    s.by_department = {f"区第{i}局": {"on_track": 1, "at_risk": 0, "late": 1} for i in range(30)}
    fig = charts.department_chart(s, top=12)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "区第0局" and len(labels) == 12
    assert [t.get_text() for t in fig.texts] == ["另有18个单位（共36项任务）未列出"]


def test_targets_without_reported_values_plot_the_targets_and_say_so():
    values = [TargetValue("u1", "一（一）", "专利拥有量", 14, "件", "达到", None, ""),
              TargetValue("u2", "一（二）", "调解组织", 3, "家", "", None, "")]
    fig = charts.target_chart(values)
    assert fig.axes[0].get_title(loc="left") == charts.TEXT["target_title_no_actual"]
    assert charts.target_title(values) == charts.TEXT["target_title_no_actual"]
    # Different units share no scale: one full bar each, the value written beside it.
    assert [p.get_width() for p in fig.axes[0].patches] == [100, 100]
    labels = {t.get_text().strip() for t in fig.axes[0].texts}
    assert {"达到14件", "3家"} <= labels


def test_large_target_values_are_written_as_a_clerk_would():
    assert charts._num(200_000_000) == "2亿" and charts._num(80_000) == "8万"
    assert charts._num(6.2) == "6.2" and charts._num(2600) == "2600"
    pct = TargetValue("u3", "二（三）", "满意率", 90, "%", "以上", None, "")
    assert charts._target_text(pct) == "90%以上"


def test_labels_can_be_translated(view):
    fig = charts.status_chart(view.summary, text={"status_title": "All tasks",
                                                  "total": "{n} tasks"})
    assert fig.axes[0].get_title(loc="left") == "All tasks"
    assert "10 tasks" in [t.get_text() for t in fig.axes[0].texts]


def test_the_tasks_without_a_lead_are_named_in_the_charts_language():
    from types import SimpleNamespace

    from models.status.summary import NO_DEPARTMENT
    from reports.charts import department_chart
    counts = {"on_track": 1, "at_risk": 0, "late": 1, "done": 0}
    summary = SimpleNamespace(by_department={"区科技局": dict(counts), NO_DEPARTMENT: dict(counts)})
    fig = department_chart(summary, {"no_department": "(no lead department)"})
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any(t.startswith("(no lead") for t in labels) and NO_DEPARTMENT not in labels
    assert "区科技局" in labels


def _drawn_tick_labels(fig):
    """The visible, non-empty tick labels of a figure drawn by the Agg renderer, with their boxes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    out = []
    for ax in fig.axes:
        for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
            if label.get_visible() and label.get_text():
                out.append((label.get_text(), label.get_window_extent(renderer)))
    return out


def _overlaps(labels):
    return [(a, b) for i, (a, box_a) in enumerate(labels) for b, box_b in labels[i + 1:]
            if box_a.overlaps(box_b)]


def _crowded_summary():
    s = Summary()
    s.by_department = {f"区{name}服务中心第{i}办公室": {"on_track": i, "at_risk": 1, "late": 1}
                       for i, name in enumerate(("政务", "住房和城乡建设", "市场监督管理", "退役军人事务",
                                                 "医疗保障", "行政审批", "数据资源", "应急管理"))}
    s.due_by_month = {f"{2025 + m // 12}-{m % 12 + 1:02d}": {"on_track": 1, "at_risk": 1, "late": 0}
                      for m in range(18)}
    return s


# Inches at 100 dpi; the dashboard's canvases are never smaller than 260 × 200 pixels.
@pytest.mark.parametrize("size", [(2.6, 2.0), (2.4, 1.6), (3.2, 2.2)])
def test_tick_labels_never_overlap_when_a_chart_is_drawn_small(size):
    s = _crowded_summary()
    values = [TargetValue(f"u{i}", f"一（{i}）", "规模以上工业企业研发机构覆盖率", 90, "%", "", 45 + i, "")
              for i in range(8)]
    for fig in (charts.department_chart(s), charts.month_chart(s), charts.target_chart(values)):
        fig.set_size_inches(*size)
        labels = _drawn_tick_labels(fig)
        assert len(labels) >= 3 and _overlaps(labels) == []
    # Long names end in “…” rather than run into the bars; months stand upright or thin out.
    fig = charts.department_chart(s)
    fig.set_size_inches(*size)
    names = [t for t, _ in _drawn_tick_labels(fig) if t.startswith("区")]
    assert names and all(n.endswith("…") for n in names)


def test_at_full_size_every_name_is_shown_whole():
    s = _crowded_summary()
    fig = charts.department_chart(s, width=9.0)
    fig.set_size_inches(9.0, 4.5)
    names = [t for t, _ in _drawn_tick_labels(fig) if t.startswith("区")]
    assert names == list(s.by_department)
    fig = charts.month_chart(s, size=(14.0, 3.0))
    months = [t for t, _ in _drawn_tick_labels(fig) if "月" in t]
    assert len(months) == 18 and _overlaps(_drawn_tick_labels(fig)) == []


def _drawn_bar_labels(fig):
    """The numbers beside the bars as drawn (visible, not blank): (text, size, box)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return [(t.get_text(), t.get_fontsize(), t.get_window_extent(renderer))
            for ax in fig.axes for t in ax.texts if t.get_visible() and t.get_text().strip()]


def _many_bars():
    s = Summary()
    s.by_department = {f"区第{i}局": {"on_track": 3 * i, "at_risk": 1, "late": 2} for i in range(12)}
    values = [TargetValue(f"u{i}", f"一（{i}）", "研发机构覆盖率", 90, "%", "",
                          None if i % 4 == 3 else 45 + 10 * i, "") for i in range(12)]
    return charts.department_chart(s), charts.target_chart(values)


@pytest.mark.parametrize("size", [(2.6, 2.0), (2.4, 1.6), (3.2, 2.2)])
def test_numbers_beside_bars_never_overlap_when_a_chart_is_drawn_small(size):
    for fig in _many_bars():
        fig.set_size_inches(*size)
        drawn = _drawn_bar_labels(fig)
        boxes = [(text, box) for text, _size, box in drawn]
        assert _overlaps(boxes) == [], size
        # Smaller first, never unreadable; what is left out is left out whole.
        assert all(s >= 6 for _t, s, _b in drawn)
        assert len(drawn) >= 6
        right = fig.bbox.x1
        assert all(box.x1 <= right for _t, _s, box in drawn)


def test_numbers_beside_bars_come_back_when_the_chart_grows():
    for fig in _many_bars():
        fig.set_size_inches(2.4, 1.6)
        small = _drawn_bar_labels(fig)
        fig.set_size_inches(6.0, 5.2)
        full = _drawn_bar_labels(fig)
        assert len(full) == 12 and {s for _t, s, _b in full} == {8}
        assert len(small) < 12 or {s for _t, s, _b in small} != {8}
    department, _ = _many_bars()
    department.set_size_inches(6.0, 5.2)
    assert [t.strip() for t, _s, _b in _drawn_bar_labels(department)] == [
        str(3 * i + 3) for i in range(12)]


@pytest.mark.parametrize("size", [(3.5, 2.2), (2.6, 2.0), (6.0, 4.0)])
def test_the_title_and_the_legend_share_their_line_without_touching(size):
    """Long department names push the axes right: the title starts at the figure's edge,
    shortened to what the legend leaves, never under the legend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    s = Summary()
    s.by_department = {f"槐荫经济开发区管委会第{i}处": {"on_track": 1, "at_risk": 1, "late": i}
                       for i in range(8)}
    values = [TargetValue(f"u{i}", f"二（{i}）", "每万人口高价值发明专利拥有量", 14, "件", "", None, "")
              for i in range(4)]
    for fig in (charts.department_chart(s), charts.month_chart(_crowded_summary()),
                charts.target_chart(values)):
        fig.set_size_inches(*size)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        ax = fig.axes[0]
        title = ax._left_title
        box = title.get_window_extent(renderer)
        assert title.get_text() and box.x0 >= fig.bbox.x0
        legend = ax.get_legend()
        if legend is not None:
            assert not box.overlaps(legend.get_window_extent(renderer)), (size, title.get_text())
