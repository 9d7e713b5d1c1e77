"""Charts of the kinds the notebooks draw, read from the right: dispersion, stacked bars, paragraph
roles, the actor network, the time line and the story map."""
from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd

from ..analysis.cooperation import PUBLICATION, TYPE_LABELS
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


def wrap(text: object, width: int = 28) -> str:
    """Break a long Arabic label into lines (matplotlib lays out each line right to left)."""
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def spread_labels(fig, texts, step: float = 0.01, rounds: int = 300) -> None:
    """Move overlapping labels apart vertically until no two boxes intersect (in display space)."""
    for _ in range(rounds):
        fig.canvas.draw()
        boxes = [t.get_window_extent().expanded(1.04, 1.12) for t in texts]
        moved = False
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                if a.overlaps(boxes[j]):
                    upper, lower = (texts[i], texts[j]) if a.y0 >= boxes[j].y0 else (texts[j], texts[i])
                    (x, y), (x2, y2) = upper.get_position(), lower.get_position()
                    upper.set_position((x, y + step))
                    lower.set_position((x2, y2 - step))
                    moved = True
        if not moved:
            return


def draw_network(ax, graph) -> list[str]:
    """The actor network (:func:`helpers.analysis.cooperation.cooccurrence_network`): line width =
    shared sentences, node size = references, colour = entity type; labels pushed outwards from
    the centre and apart from each other, a legend of types. Returns the types, in legend order."""
    import networkx as nx
    from matplotlib.patches import Patch

    types = sorted({graph.nodes[n]["type"] for n in graph})
    colours = {t: charts.PALETTE[i % len(charts.PALETTE)] for i, t in enumerate(types)}
    position = nx.spring_layout(graph, k=3.0 / max(len(graph), 1) ** 0.5, iterations=300, seed=4, weight=None)
    centre = sum(position.values()) / max(len(position), 1)
    nx.draw_networkx_edges(graph, position, ax=ax, width=[0.8 * graph.edges[e]["weight"] for e in graph.edges], edge_color="#999999", alpha=0.6)
    nx.draw_networkx_nodes(graph, position, ax=ax, node_size=[120 + 60 * graph.nodes[n]["mentions"] for n in graph],
                           node_color=[colours[graph.nodes[n]["type"]] for n in graph], alpha=0.9)
    node_labels = []
    for node, (x, y) in position.items():  # labels pushed outwards from the centre, away from the edges
        dx, dy = (position[node] - centre) / (((position[node] - centre) ** 2).sum() ** 0.5 + 1e-9)
        reach = 0.06 + 0.004 * graph.nodes[node]["mentions"]
        node_labels.append(ax.text(x + dx * reach, y + dy * reach, charts.ar(wrap(graph.nodes[node]["label"], 24)), fontsize=9,
                                   ha="left" if dx > 0.3 else "right" if dx < -0.3 else "center", va="bottom" if dy > 0 else "top",
                                   bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1}))
    ax.set_axis_off()
    ax.margins(0.12)
    spread_labels(ax.figure, node_labels)
    charts.legend(ax, handles=[Patch(color=colours[t]) for t in types], labels=[TYPE_LABELS[t] for t in types],
                  loc="lower left", title=charts.ar("نوع الكيان"))
    return types


def draw_timeline(ax, events: pd.DataFrame) -> None:
    """A time line read from the right (:func:`helpers.analysis.cooperation.timeline_events`): each
    event on a stem above or below the axis with its paragraph and context, years as ticks and the
    publication date last."""
    ax.axhline(0, color="#555555", linewidth=1)
    for i, event in events.reset_index(drop=True).iterrows():
        level = [1.2, -1.2, 2.3, -2.3][i % 4]
        colour = charts.PALETTE[2] if event["text"] == PUBLICATION else charts.PALETTE[0]
        ax.plot([event["position"], event["position"]], [0, level * 0.8], color=colour, linewidth=1)
        ax.scatter([event["position"]], [0], color=colour, zorder=3)
        ax.text(event["position"], level, charts.ar(wrap(f"{event['text']} (الفقرة {event['para']}): {event['label']}", 34)),
                ha="center", va="center", fontsize=8.5, bbox={"facecolor": "white", "edgecolor": colour, "pad": 3})
    publication = events["position"].max()
    ticks = sorted(set(events.loc[events["position"] < publication, "position"])) + [publication]
    ax.set_xticks(ticks, [str(int(t)) for t in ticks[:-1]] + [charts.ar("النشر")])
    ax.set_ylim(-3.1, 3.1)
    ax.set_xlim(min(ticks) - 3, max(ticks) + 3)
    ax.invert_xaxis()
    ax.get_yaxis().set_visible(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)


def draw_story_map(ax, shares: pd.DataFrame) -> None:
    """The story-map panel (:func:`helpers.analysis.summary.story_map`): one row per element, one
    column per paragraph from the headline (العنوان) on the right, each cell the row's percentage."""
    shown = shares.copy()
    shown.index = [label.split(" · ")[0] for label in shown.index]
    shown.columns = ["العنوان" if p == 0 else str(p) for p in shown.columns]
    charts.heatmap(ax, shown, value_format="{:,.0f}")
    charts.set_labels(ax, x="الفقرة")
    ax.xaxis.set_label_position("top")
