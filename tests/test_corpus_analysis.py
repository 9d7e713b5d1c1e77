"""Corpus tables and the corpus analyses, on a slice of the shipped SaudiNewsNet corpus."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import actors, corpus as C, language, voices
from helpers.analysis.discourse import base_form

LIMIT = 30


@pytest.fixture(scope="module")
def tables():
    return C.load_corpus(limit=LIMIT)


def test_load_corpus_builds_every_layer_and_reuses_its_cache(tables):
    assert len(tables.articles) == LIMIT and list(tables.articles.columns) == C.ARTICLE_COLUMNS
    assert tables.articles.date.dtype.kind == "M" and tables.articles.outlet_name_ar.str.len().gt(0).all()
    for name in ("paragraphs", "tokens", "quotes", "entities", "themes"):
        assert set(tables.layer(name).doc_id) <= set(tables.articles.doc_id)
    again = C.load_corpus(limit=LIMIT)
    pd.testing.assert_frame_equal(again.layer("quotes"), tables.layer("quotes"))
    assert C._cache_dir(C.default_corpus(), LIMIT).is_dir()


def test_offsets_index_the_rebuilt_text(tables):
    quotes = tables.layer("quotes").head(20)
    for row in quotes.itertuples():
        assert tables.text(row.doc_id)[row.start : row.end] == row.text


def test_a_bad_line_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "content": "نص"}, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(C.CorpusError, match=r"bad.jsonl: line 2"):
        C.load_corpus(bad)


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
    assert outlets.articles.sum() == LIMIT and outlets.words.sum() == tables.articles.n_tokens.sum()
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


def test_parallel_loads_build_the_cache_once(tmp_path, monkeypatch):
    """Notebooks run in parallel: the first load builds, the others wait for it and read its cache."""
    from concurrent.futures import ThreadPoolExecutor

    small = tmp_path / "small.jsonl"
    lines = C.default_corpus().read_text(encoding="utf-8").splitlines()[:3]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(C, "CACHE", tmp_path / "cache")
    builds = []
    real_build = C._build
    monkeypatch.setattr(C, "_build", lambda *a: builds.append(a) or real_build(*a))
    with ThreadPoolExecutor(3) as pool:
        loaded = list(pool.map(lambda _: C.load_corpus(small), range(3)))
    assert len(builds) == 1 and all(len(t.articles) == 3 for t in loaded)
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == [C._cache_dir(small, None).name]
