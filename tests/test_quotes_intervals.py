"""The intervals of the real-news scores (helpers.annotate.quotes.intervals): the whole set's
estimate is evaluate's score, a draw of one article scores that article alone, and the intervals
are reproducible and hold the estimate."""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pytest

from helpers.annotate.quotes import intervals as iv
from helpers.annotate.quotes.evaluation import evaluate, predicted_statements, real_news


@functools.cache
def _dev7():
    articles, gold = real_news("dev7")
    return articles, gold, pd.concat([predicted_statements(a) for a in articles], ignore_index=True)


def _same(a: float, b: float) -> bool:
    return (np.isnan(a) and np.isnan(b)) or abs(a - b) < 1e-12


def test_the_estimates_are_evaluates_scores():
    articles, gold, predicted = _dev7()
    scores = evaluate(predicted, gold, articles).set_index(["measure", "kind"])
    found = iv.intervals(predicted, gold, articles, draws=50)
    assert len(found) > 20
    for row in found.itertuples():
        assert _same(row.estimate, float(scores.loc[(row.measure, row.kind), row.statistic])), row


def test_a_draw_of_one_article_scores_that_article_alone():
    articles, gold, predicted = _dev7()
    counts = iv.article_counts(predicted, gold, articles)
    docs = list(dict.fromkeys(counts["doc_id"]))
    for k in (0, 5, len(docs) - 1):
        weights = np.zeros((1, len(docs)))
        weights[0, k] = 1
        alone = iv._statistics(counts, weights)
        article = next(a for a in articles if a.doc_id == docs[k])
        scores = evaluate(predicted, [r for r in gold if r["article"] == docs[k]], [article]).set_index(["measure", "kind"])
        for (measure, kind, statistic), values in alone.items():
            assert _same(values[0], float(scores.loc[(measure, kind), statistic])), (docs[k], measure, kind, statistic)


def test_intervals_are_reproducible_and_hold_the_estimate():
    articles, gold, predicted = _dev7()
    first = iv.intervals(predicted, gold, articles, draws=300)
    again = iv.intervals(predicted, gold, articles, draws=300)
    pd.testing.assert_frame_equal(first, again)
    main = first.set_index(["measure", "kind", "statistic"]).loc[
        [("statements", "all", "recall"), ("speaker", "accuracy", "accuracy"), ("quoted_words", "direct+mixed", "f1")]]
    assert ((main["low"] <= main["estimate"]) & (main["estimate"] <= main["high"])).all()
    assert ((main["high"] - main["low"]) > 0.01).all()  # 24 articles: never a point
    assert ((main["low"] >= 0) & (main["high"] <= 1)).all()


def test_no_gold_is_a_clear_error():
    articles, _, predicted = _dev7()
    with pytest.raises(ValueError, match="no article has gold"):
        iv.intervals(predicted, [], articles)


def test_the_command_prints_a_splits_intervals(capsys):
    assert iv.main(["nosuchsplit"]) == 2
    assert "usage" in capsys.readouterr().err
    assert iv.main(["test"]) == 0
    out = capsys.readouterr().out
    assert "95% intervals" in out and "speaker" in out
