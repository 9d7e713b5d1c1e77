"""Charts of the kinds the notebooks draw, read from the right: dispersion, stacked bars, paragraph roles."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..analysis.discourse import ROLE_LABELS, VOICE_LABELS, VOICES, word_tokens
from ..text.loading import Article
from . import charts


#: Narrowest block (share of the article's words) that gets its paragraph number written on it.
MIN_LABELLED_WIDTH = 0.02


def draw_dispersion(ax, positions: pd.DataFrame, terms: Sequence[str], article: Article) -> None:
    """A lexical dispersion plot: one row per term, a tick at each occurrence, read from the right.

    The x axis is the running text (0 = first word) drawn right to left, as Arabic is read;
    faint lines mark paragraph starts, numbered along the top.
    """
    words = word_tokens(article)
    for row, term in enumerate(terms):
        hits = positions[positions.term == term].position
        ax.vlines(hits, row - 0.35, row + 0.35, color=charts.PALETTE[row % len(charts.PALETTE)], linewidth=2)
    starts = {}
    for i, token in enumerate(words):
        starts.setdefault(token.para, i / len(words))
    ax.vlines(list(starts.values()), -0.5, len(terms) - 0.5, color="#bbbbbb", linewidth=0.6, zorder=0)
    top = ax.secondary_xaxis("top")
    top.set_xticks(list(starts.values()), [charts.ar(p) for p in starts])
    top.tick_params(length=0, labelsize=8)
    ax.set_yticks(range(len(terms)), [charts.ar(t) for t in terms])
    ax.yaxis.tick_right()
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(1, 0)
    ax.xaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False, fmt="{:.0%}"))


def draw_stacked_barh(ax, frame: pd.DataFrame, labels: dict[str, str], value_format: str = "{:,.0f}") -> None:
    """Horizontal stacked bars read from the right: one bar per row of ``frame``, one segment per column."""
    left = pd.Series(0.0, index=frame.index)
    positions = list(range(len(frame)))
    for k, column in enumerate(frame.columns):
        values = frame[column].astype(float)
        bars = ax.barh(positions, values, left=left, color=charts.PALETTE[k % len(charts.PALETTE)], label=charts.ar(labels.get(column, column)))
        texts = [charts.ar(value_format.format(v)) if v else "" for v in values]
        ax.bar_label(bars, labels=texts, label_type="center", color="white", fontsize=9)
        left += values
    ax.set_yticks(positions, [charts.ar(i) for i in frame.index])
    ax.yaxis.tick_right()
    ax.tick_params(axis="y", length=0)
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    ax.set_ylim(len(frame) - 0.5, -0.5)
    ax.set_xlim(max(left.max(), 1) * 1.02, 0)
    ax.xaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False))
    charts.whole_number_ticks(ax.xaxis, left)


def draw_role_strip(ax, roles: pd.DataFrame) -> None:
    """The article as a strip read from the right: each block as wide as its words, coloured by its
    role (top row), with the share of its words in each voice below (bottom row)."""
    from matplotlib.patches import Patch

    palette = dict(zip(("lead", "attribution", "background", "quotation", "closing", "context"), charts.PALETTE))
    role_colours = {"kicker": "#555555", "headline": "#555555", **palette}
    voice_colours = {"journalist": "#dddddd", "reported": "#88a8c8", "quoted": "#1f4e79"}
    total = roles.words.sum()
    x = 0.0
    for row in roles.itertuples():
        width = row.words / total
        ax.barh(1, width, left=x, height=0.8, color=role_colours[row.role], edgecolor="white", linewidth=1.5)
        if width >= MIN_LABELLED_WIDTH:
            label = "ع" if row.block in ("kicker", "headline") else str(row.para)
            ax.text(x + width / 2, 1, charts.ar(label), ha="center", va="center", color="white", fontsize=9, fontweight="bold")
        bottom = -0.2
        for voice in VOICES:
            height = 0.8 * getattr(row, f"{voice}_share")
            ax.bar(x + width / 2, height, bottom=bottom, width=width, color=voice_colours[voice], edgecolor="white", linewidth=0.5)
            bottom += height
        x += width
    ax.set_xlim(1, 0)
    ax.set_ylim(-0.3, 1.5)
    ax.set_yticks([1, 0.2], [charts.ar("دور الفقرة"), charts.ar("الأصوات")])
    ax.yaxis.tick_right()
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter(charts.tick_formatter(eastern_digits=False, fmt="{:.0%}"))
    for spine in ("left", "top", "right"):
        ax.spines[spine].set_visible(False)
    titles = [Patch(color=role_colours["headline"], label=charts.ar("العناوين"))] if roles.block.ne("body").any() else []
    present = [r for r in ROLE_LABELS if r in set(roles.role) and r not in ("kicker", "headline")]
    role_handles = titles + [Patch(color=role_colours[r], label=charts.ar(ROLE_LABELS[r])) for r in present]
    rtl_legend(ax, role_handles, [Patch(color=voice_colours[v], label=charts.ar(VOICE_LABELS[v])) for v in VOICES])


#: Narrowest block (share of the article's words) that gets its paragraph number written on it.


def rtl_legend(ax, *rows):
    """A legend below the figure that reads from the right: one row per list of handles (default:
    the axes' handles), first entry rightmost, each key to the right of its label. Placed by the
    figure's constrained layout, so never clipped."""
    from matplotlib.patches import Patch

    rows = rows or (ax.get_legend_handles_labels()[0],)
    columns = max(len(row) for row in rows)
    blank = Patch(color="none", label="")
    grid = [[blank] * (columns - len(row)) + list(row)[::-1] for row in rows]
    handles = [grid[r][c] for c in range(columns) for r in range(len(rows))]  # matplotlib fills by column
    return ax.figure.legend(
        handles=handles, loc="outside lower right", ncol=columns, frameon=False, markerfirst=False, columnspacing=1.2,
    )
