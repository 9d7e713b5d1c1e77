"""Drawing for the corpus notebooks (06–09): bars with bootstrap intervals and the number of
articles behind each, lines by day, and length distributions, all read from the right."""
from __future__ import annotations

import itertools
from collections.abc import Sequence

import pandas as pd

from ..annotate.quotes import KIND_LABELS
from . import charts
from .plots import rtl_legend


def with_articles(label: str, articles: int) -> str:
    """A group label with the number of articles behind it: «الرياض (ن=112)»."""
    return f"{label} (ن={articles})"


def interval_barh(ax, labels: Sequence[str], values, low, high, articles: Sequence[int], value_format: str = "{:.0%}", color: str = charts.PALETTE[0]):
    """Horizontal bars (first on top, labels on the right) with a bootstrap interval on each and
    the number of articles in each label, so that small groups are not over-read."""
    texts = [with_articles(label, n) for label, n in zip(labels, articles)]
    values, low, high = (pd.Series(list(v), dtype=float) for v in (values, low, high))
    charts.barh(ax, texts, values, color=color, value_format=None)
    ax.errorbar(values, range(len(values)), xerr=[values - low, high - values], fmt="none", ecolor="#333333", capsize=3, linewidth=1)
    top = max(high.max(), 1e-9)
    for y, (v, h) in enumerate(zip(values, high)):
        ax.text(h + 0.02 * top, y, charts.ar(value_format.format(v)), va="center", ha="right", fontsize=8, color="#333333")
    ax.set_xlim(top * 1.3, 0)
    ax.xaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False, fmt=value_format))


def stacked_shares(ax, frame: pd.DataFrame, labels: dict[str, str] | None = None, min_label: float = 0.04) -> None:
    """Shares (rows summing to 1) as horizontal stacked bars read from the right, one colour per
    column in column order, the share written on segments of at least ``min_label``; legend below."""
    left = pd.Series(0.0, index=frame.index)
    positions = range(len(frame))
    colours = (*charts.PALETTE[:6], "#999999")  # yellow left out: white labels do not read on it
    for k, column in enumerate(frame.columns):
        values = frame[column].astype(float)
        bars = ax.barh(list(positions), values, left=left, color=colours[k % len(colours)], label=charts.ar((labels or {}).get(column, column)))
        ax.bar_label(bars, labels=[charts.ar(f"{v:.0%}") if v >= min_label else "" for v in values], label_type="center", color="white", fontsize=8)
        left += values
    ax.set_yticks(list(positions), [charts.ar(i) for i in frame.index])
    ax.yaxis.tick_right()
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(frame) - 0.5, -0.5)
    ax.set_xlim(1, 0)
    ax.xaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False, fmt="{:.0%}"))
    rtl_legend(ax)


def daily_lines(ax, frame: pd.DataFrame, date: str, value: str, series: str, labels: dict[str, str] | None = None) -> None:
    """One line per ``series`` value over the days, with a legend read from the right."""
    for k, (key, part) in enumerate(frame.groupby(series, sort=False)):
        days = _every_day(part, date, value)
        ax.plot(days.index, days.to_numpy(), marker="o", markersize=3, color=charts.PALETTE[k % len(charts.PALETTE)],
                label=charts.ar((labels or {}).get(key, key)))
    _day_axis(ax)
    rtl_legend(ax)


def _every_day(part: pd.DataFrame, date: str, value: str) -> pd.Series:
    """``value`` by day over every calendar day of the range, missing days empty: a line breaks
    where the corpus has no articles instead of joining the days around the gap."""
    series = part.groupby(date)[value].sum().sort_index()
    return series.reindex(pd.date_range(series.index.min(), series.index.max(), freq="D")) if len(series) else series


def _day_axis(ax) -> None:
    import matplotlib.dates as mdates

    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m"))
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=4))


def daily_panels(axes, frame: pd.DataFrame, date: str, value: str, series: str, counts: pd.Series, labels: dict[str, str]) -> None:
    """Small multiples over the days: one panel per ``series`` value (same scale), and a last
    panel with the number of articles of each day (``counts``, indexed by date), so that a
    peak on a day of few articles is read as such."""
    keys = list(dict.fromkeys(frame[series]))
    flat = list(axes.flat)
    top = frame[value].max() * 1.05
    for k, (ax, key) in enumerate(zip(flat, keys)):
        days = _every_day(frame[frame[series] == key], date, value)
        ax.plot(days.index, days.to_numpy(), marker="o", markersize=2.5, color=charts.PALETTE[k % 6])
        charts.set_title(ax, labels.get(key, key), fontsize=10)
        ax.set_ylim(0, top)
        ax.yaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False, fmt="{:.0%}"))
        _day_axis(ax)
    last = flat[len(keys)]
    last.bar(counts.index, counts.to_numpy(), color="#888888")
    charts.set_title(last, "عدد مقالات اليوم", fontsize=10)
    _day_axis(last)
    for ax in flat[len(keys) + 1 :]:
        ax.set_visible(False)


def length_boxes(ax, frame: pd.DataFrame, group: str, value: str, order: Sequence[str]) -> None:
    """Box plots of ``value`` per group (horizontal, labels on the right, first group on top),
    each label with its number of articles."""
    data = [frame.loc[frame[group] == g, value].to_numpy() for g in order]
    ax.boxplot(data, vert=False, widths=0.6, flierprops={"markersize": 2})
    ax.set_yticks(range(1, len(order) + 1), [charts.ar(with_articles(g, len(d))) for g, d in zip(order, data)])
    ax.yaxis.tick_right()
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(order) + 0.5, 0.5)
    ax.invert_xaxis()
    ax.xaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False))


def statement_cards(frame: pd.DataFrame, limit: int = 20) -> str:
    """Statements as right-to-left HTML: outlet, date, speaker and kind, then the statement
    (highlighted) between the words before and after it in its article."""
    import html as h

    from .html import RTL_STYLE

    cards = []
    for row in frame.head(limit).itertuples():
        day = row.date.strftime("%Y-%m-%d") if pd.notna(row.date) else "?"
        head = f"{row.outlet_name_ar} · {day} · {row.identity_label} ({row.speaker_type_ar}) · {KIND_LABELS.get(row.kind, row.kind)}"
        body = f"…{h.escape(row.before)} <mark>{h.escape(row.text)}</mark> {h.escape(row.after)}…"
        cards.append(f'<p style="margin:0.4em 0"><small style="color:#555">{h.escape(head)}</small><br>{body}</p>')
    more = f"<p><small>{len(frame) - limit} more</small></p>" if len(frame) > limit else ""
    return f'<div dir="rtl" lang="ar" style="{RTL_STYLE}">{"".join(cards)}{more}</div>'


_EXPLORERS = itertools.count(1)


def explorer(frame: pd.DataFrame, limit: int = 20) -> None:
    """Browse statements: a static view of the first ``limit`` (what a saved notebook shows), and,
    in JupyterLab, dropdowns for outlet, speaker and kind and a term box that filter it live."""
    from IPython.display import HTML, display

    display(HTML(statement_cards(frame, limit)))
    try:
        import ipywidgets as w
    except ImportError:
        return
    any_ = "(الكل)"
    speakers = frame.identity_label.value_counts()
    outlet = w.Dropdown(options=[any_, *sorted(frame.outlet_name_ar.dropna().unique())], description="المصدر")
    speaker = w.Dropdown(options=[any_, *speakers.index[:200]], description="المتحدث")
    kind = w.Dropdown(options=[any_, *[(KIND_LABELS.get(k, k), k) for k in sorted(frame.kind.dropna().unique())]], description="النوع")
    term = w.Text(description="كلمة")
    out = w.Output()

    def update(_=None):
        part = frame
        for box, column in ((outlet, "outlet_name_ar"), (speaker, "identity_label"), (kind, "kind")):
            if box.value != any_:
                part = part[part[column] == box.value]
        if term.value.strip():
            part = part[part.text.str.contains(term.value.strip(), regex=False)]
        out.clear_output()
        with out:
            display(HTML(f"<p>{len(part)}</p>" + statement_cards(part, limit)))

    for box in (outlet, speaker, kind, term):
        box.observe(update, names="value")
    # A fixed model id (unique in the kernel session) keeps the saved notebook byte-identical from run to run.
    view = w.VBox([w.HBox([outlet, speaker]), w.HBox([kind, term]), out], model_id=f"helpers-statement-explorer-{next(_EXPLORERS)}")
    display(view)


def shorten(label: str, width: int) -> str:
    """A label cut at a word boundary to at most ``width`` characters, with … when cut."""
    import textwrap

    return textwrap.shorten(label, width, placeholder=" …")


def wrap(label: str, width: int) -> str:
    """A long label on several lines of at most ``width`` characters, broken between words."""
    import textwrap

    return "\n".join(textwrap.wrap(label, width)) or label
