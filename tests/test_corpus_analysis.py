"""Corpus tables and the corpus analyses, on a slice of the shipped SaudiNewsNet corpus."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import actors, corpus as C, language, voices
from helpers.analysis.discourse import base_form
from helpers import paths
from helpers.pipeline.annotation import corpus_tables_for
from helpers.text.loading import ArticleError

LIMIT = 30


def corpus_slice(folder, limit):
    """The first ``limit`` articles of the shipped corpus, as a JSONL file of their own."""
    lines = paths.CORPUS.read_text(encoding="utf-8").splitlines()[:limit]
    path = folder / f"slice-{limit}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    source = corpus_slice(folder, LIMIT)
    return C.read_corpus(corpus_tables_for(source, folder / "tables"), source)


def test_corpus_tables_hold_every_layer_keyed_by_article(tables):
    assert len(tables.articles) == LIMIT and list(tables.articles.columns) == C.ARTICLE_COLUMNS
    assert tables.articles.date.dtype.kind == "M" and tables.articles.outlet_name_ar.str.len().gt(0).all()
    for name in ("paragraphs", "tokens", "quotes", "entities", "themes"):
        assert set(tables.layer(name).doc_id) <= set(tables.articles.doc_id)


def test_offsets_index_the_rebuilt_text(tables):
    quotes = tables.layer("quotes").head(20)
    for row in quotes.itertuples():
        assert tables.text(row.doc_id)[row.start : row.end] == row.text


def test_corpus_tables_are_made_once_per_corpus_and_package(tmp_path, monkeypatch):
    """Notebooks run in parallel: the first annotates, the others wait for it and read its tables;
    a later call with the same corpus and package annotates nothing."""
    from concurrent.futures import ThreadPoolExecutor

    from helpers.pipeline import annotation

    source = corpus_slice(tmp_path, 3)
    runs = []
    real = annotation.annotate_inputs
    monkeypatch.setattr(annotation, "annotate_inputs", lambda *a, **k: runs.append(a) or real(*a, **k))
    with ThreadPoolExecutor(3) as pool:
        folders = list(pool.map(lambda _: corpus_tables_for(source, tmp_path / "tables"), range(3)))
    assert len(runs) == 1 and all(len(C.read_corpus(f).articles) == 3 for f in folders)
    corpus_tables_for(source, tmp_path / "tables")
    assert len(runs) == 1
    source.write_text(source.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert len(C.read_corpus(corpus_tables_for(source, tmp_path / "tables")).articles) == 1, "an edited corpus is annotated again"


def test_a_bad_line_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "content": "قال الوزير إن الحلف مهم"}, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"bad.jsonl \(row 2\): is not valid JSON"):
        corpus_tables_for(bad, tmp_path / "tables")


def test_bootstrap_is_seeded_and_brackets_the_value():
    frame = pd.DataFrame({"g": ["a"] * 50 + ["b"] * 5, "x": np.arange(55) % 7, "n": 10})
    first = C.bootstrap_by_article(frame, "g", "x", "n")
    assert first.equals(C.bootstrap_by_article(frame, "g", "x", "n"))
    assert (first.low <= first.value).all() and (first.value <= first.high).all()
    width = first.high - first.low
    assert width[1] > width[0]  # five articles give a wider interval than fifty
    assert list(first.articles) == [50, 5]


def test_overview_adds_up(tables):
    outlets = C.overview_by_outlet(tables)
    assert outlets.articles.sum() == LIMIT and outlets.words.sum() == tables.articles.n_words.sum()
    assert outlets.statements.sum() == len(tables.layer("quotes"))
    assert C.overview_by_day(tables).articles.sum() == LIMIT


def test_voice_tables(tables):
    statements = voices.statements(tables)
    assert len(statements) == len(tables.layer("quotes")) and statements.identity.notna().all()
    shares = voices.quoted_share(statements, tables)
    assert shares.value_quoted.between(0, 1).all() and shares.value_reported.between(0, 1).all()
    assert set(voices.headline_speakers(statements).identity) <= set(statements[statements.in_headline].identity)


def test_actor_shares_count_articles(tables):
    mentions = actors.actors(tables)
    shares = actors.share_by_outlet(tables, mentions, "actor", ["iran"], actors.actor_labels(mentions))
    expected = mentions[mentions.actor == "iran"].doc_id.nunique()
    assert round((shares.value * shares.articles).sum()) == expected


def test_kwic_and_keyness_are_clitic_aware(tables):
    words = language.words(tables)
    lines = language.kwic(tables, words, "ناتو")
    assert len(lines) and all(base_form(w) == "ناتو" for w in lines.keyword.map(lambda k: k.replace("أ", "ا")))
    for row in lines.itertuples():
        assert tables.text(row.doc_id)[row.start : row.end] == row.keyword
    keys = language.outlet_keyness(words, words.outlet.iloc[0], "rest", min_count=1, top=None)
    assert keys.form.is_unique  # والناتو، للناتو، الناتو are one row
    with pytest.raises(ValueError, match="outlet"):
        language.outlet_keyness(words, "nowhere")


def test_statement_explorer_shows_a_static_view_first(tables, monkeypatch):
    import IPython.display

    from helpers.figures import corpus_plots

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    frame = voices.statements_in_context(voices.statements(tables), tables)
    corpus_plots.explorer(frame, limit=5)
    corpus_plots.explorer(frame, limit=5)
    static = shown[0].data
    assert 'dir="rtl"' in static and static.count("<mark>") == 5 and f"{len(frame) - 5} more" in static
    row = frame.iloc[0]
    assert row.text in static and tables.text(row.doc_id)[row.start : row.end] == row.text
    ids = [obj.model_id for obj in shown if hasattr(obj, "model_id")]
    assert len(ids) == 2 and len(set(ids)) == 2 and all(i.startswith("helpers-statement-explorer-") for i in ids)


