"""What the notebooks call instead of defining it in a cell: the tables of notebooks 04 and 05
(helpers.analysis.cooperation, helpers.analysis.summary), their drawings (helpers.figures.plots)
and run.save_figure."""
from __future__ import annotations

import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import paths
from helpers.analysis import cooperation, summary
from helpers.annotate.entities import entity_table
from helpers.annotate.quotes import quote_table
from helpers.figures import charts, plots
from helpers.pipeline.notebook import setup
from helpers.text.loading import article_from_text


def mentions(*rows):
    """An entities table with just the columns the network reads: (id, type, sentence[, refers_to, appositive])."""
    records = []
    for row in rows:
        entity_id, kind, sentence, *rest = row
        refers_to = rest[0] if rest else entity_id
        appositive = rest[1] if len(rest) > 1 else False
        records.append({"entity_id": entity_id, "label_ar": f"اسم {entity_id}", "type": kind, "sentence": sentence,
                        "refers_to": refers_to, "appositive": appositive})
    return pd.DataFrame(records)


def test_network_links_entities_named_in_one_sentence():
    table = mentions(("nato", "ORG", 1), ("kuwait", "GPE", 1), ("nato", "ORG", 2), ("kuwait", "GPE", 2),
                     ("ici", "INITIATIVE", 2), ("ici", "INITIATIVE", 3),
                     ("sg", "PERSON", 3), ("office", "PERSON", 3, "sg", True))
    graph = cooperation.cooccurrence_network(table)
    assert graph.edges["kuwait", "nato"]["weight"] == 2
    assert graph.edges["ici", "nato"]["weight"] == 1 and graph.has_edge("ici", "sg")
    assert "office" not in graph  # an office in apposition counts with its holder
    assert graph.nodes["sg"]["mentions"] == 1 and graph.nodes["nato"]["mentions"] == 2
    edges = cooperation.network_edges(graph)
    assert list(edges.columns) == cooperation.EDGE_COLUMNS
    first = edges.iloc[0]
    assert sorted([first.source, first.target]) == ["kuwait", "nato"] and first.sentences == 2
    assert set(edges.source_type_ar) <= set(cooperation.TYPE_LABELS.values())


def test_network_labels_do_not_overlap():
    """Sixteen long labels in a small figure collide where the layout puts them; the solver parts them."""
    table = mentions(*[(f"e{i}", ["ORG", "GPE", "PERSON"][i % 3], 1) for i in range(16)])
    table["label_ar"] = [f"وزارة الخارجية رقم {i}" for i in range(16)]
    graph = cooperation.cooccurrence_network(table)
    fig, ax = charts.new_figure(width=6, height=5)
    types = plots.draw_network(ax, graph)
    assert types == ["GPE", "ORG", "PERSON"]
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts]
    assert len(boxes) == 16
    assert not [(i, j) for i in range(16) for j in range(i + 1, 16) if boxes[i].overlaps(boxes[j])]
    plt.close(fig)


def test_timeline_puts_relative_times_at_publication():
    article = article_from_text("العنوان الرئيسي\n\nفقرة أولى.", source="test", doc_id="t")
    timeline = pd.DataFrame({"text": ["2004", "2017", "أمس"], "kind": ["year", "year", "relative"], "year": [2004, 2017, None],
                             "para": [1, 2, 3], "context": ["إطلاق المبادرة", "افتتاح المركز", "الاجتماع"]})
    events = cooperation.timeline_events(article, timeline)
    publication = 2017 + 13 / 3 if 13 / 3 > 6 else 2017 + 6
    assert events.position.tolist() == [2004, 2017, publication, publication]
    assert events.text.tolist()[-1] == cooperation.PUBLICATION and events.label.tolist()[-1] == "العنوان الرئيسي"
    fig, ax = charts.new_figure(width=8, height=4)
    plots.draw_timeline(ax, events)
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["2004", "2017"]
    assert ax.xaxis_inverted() and len(ax.texts) == 4
    plt.close(fig)


def test_theme_tables_keep_every_theme_and_the_journalist(seed):
    from helpers.annotate.themes import load_codebook, theme_table

    codebook = load_codebook()
    themes = theme_table(seed, codebook)
    frequency = cooperation.theme_frequency(themes, codebook)
    assert len(frequency) == len(codebook.themes) and frequency.matches.sum() == len(themes)
    assert frequency.matches.is_monotonic_decreasing
    found = cooperation.found_themes(frequency, themes)
    grid = cooperation.theme_by_paragraph(seed, themes, found, {t.id: t.label_ar for t in codebook.themes.values()})
    assert grid.to_numpy().sum() == len(themes) and list(grid.columns) == [str(p) for p in range(len(seed.paragraphs) + 1)]
    by_speaker = cooperation.theme_by_speaker(themes, found)
    assert "الصحفي" in by_speaker.columns and by_speaker.to_numpy().sum() == len(themes)


def test_key_numbers_agree_with_the_layers(seed):
    table = summary.key_numbers([seed]).set_index("measure")[seed.doc_id]
    assert len(table) == 15
    assert table["التصريحات · statements"] == len(quote_table(seed))
    assert table["إشارات إلى الفاعلين · actor mentions"] == len(entity_table(seed))
    assert table["الكلمات · words"] == sum(t.kind != "punct" for t in seed.tokens)
    shares = [table[k] for k in table.index if k.startswith("٪")]
    assert sum(shares) == pytest.approx(100, abs=0.15)
    assert summary.top_label(pd.DataFrame({"label_ar": []})) == "—"
    assert summary.top_label(pd.DataFrame({"label_ar": ["ب", "ا", "ا", "ب"]})) == "ب (2)"  # a tie: the first seen


def test_story_map_rows_are_shares_of_their_totals(seed):
    counts, shares = summary.story_map(seed)
    assert list(counts.columns) == list(range(len(seed.paragraphs) + 1))
    assert (counts.iloc[1] + counts.iloc[2] == counts.iloc[0]).all()  # journalist + sources = all words
    assert shares.sum(axis=1).round(6).isin([0, 100]).all()
    data = summary.story_map_data(counts, shares)
    assert len(data) == counts.size and set(data.columns) == {"element", "para", "count", "share"}
    peaks = summary.story_map_peaks(counts, shares)
    assert peaks.total.tolist() == counts.sum(axis=1).tolist()


def test_run_save_figure_fills_in_the_run(tmp_path):
    run = setup("07-test", str(paths.SEED_ARTICLE), str(tmp_path))
    fig, ax = charts.new_figure(width=4, height=2)
    charts.barh(ax, ["ناتو", "الكويت"], [3, 2])
    record = run.save_figure(fig, "mentions", 2, caption_ar="الإشارات", caption_en="Mentions",
                             data=pd.DataFrame({"actor": ["ناتو", "الكويت"], "mentions": [3, 2]}), alt_text="Two bars", show=False)
    plt.close(fig)
    assert record["name"] == "07-02-mentions" and record["notebook"] == "07-test"
    assert record["article_sha256"] == run.article.sha256
    assert (run.figures_dir / "07-02-mentions.png").exists()
    index = json.loads((run.figures_dir / "index.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in index["figures"]] == ["07-02-mentions"]


def test_first_mentions_quote_the_sentence(seed):
    entities = entity_table(seed)
    ids = list(dict.fromkeys(entities["entity_id"]))[:4]
    first = cooperation.first_mentions(seed, entities, ids)
    assert list(first.entity_id) == ids  # in the order they are first named
    for row in first.itertuples():
        mention = entities[entities["entity_id"] == row.entity_id].iloc[0]
        assert mention["text"] in row.sentence_text and row.para == entities.loc[entities["entity_id"] == row.entity_id, "para"].min()
