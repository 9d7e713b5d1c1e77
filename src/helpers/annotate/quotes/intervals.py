"""How sure the real-news scores are: 95 % intervals by resampling articles (a percentile bootstrap).

A gold set of 24 articles is a small sample of the news, and the statements of one article are
not independent (one speaker, one outlet's habits, one layout), so the articles are what is
resampled, with replacement. Every score of :func:`evaluate` is a ratio of counts summed over
articles (matching never crosses an article), so each draw only re-weights per-article counts.

Run ``python -m helpers.annotate.quotes.intervals test3`` (or any split) to print them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .evaluation import SPLITS, _as_frame, evaluate, predicted_statements, real_news

#: Bootstrap draws and the interval's coverage; the seed makes the printed intervals reproducible.
DRAWS = 2000
LEVEL = 0.95
SEED = 20261207

#: The measures whose precision, recall and F1 are ratios of matched, predicted and gold counts.
_PRF = ("statements", "quoted_words")
#: The accuracies: right answers over the split's matched statements.
_ACCURACIES = ("speaker", "speaker_lenient", "kind")


def article_counts(predicted, gold: list[dict], articles) -> pd.DataFrame:
    """:func:`evaluate` run on each article with gold on its own: its rows, with ``doc_id`` (an
    article given twice counts once, as in :func:`evaluate`)."""
    frame = _as_frame(predicted)
    parts = []
    for article in {a.doc_id: a for a in articles}.values():
        records = [r for r in gold if r["article"] == article.doc_id]
        if records:
            scores = evaluate(frame[frame["doc_id"] == article.doc_id], records, [article])
            parts.append(scores.assign(doc_id=article.doc_id))
    if not parts:
        raise ValueError("no article has gold records: nothing to resample")
    return pd.concat(parts, ignore_index=True)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan)


def _statistics(counts: pd.DataFrame, weights: np.ndarray) -> dict[tuple[str, str, str], np.ndarray]:
    """Each score, for every row of ``weights`` (draws × articles, how often each article is drawn)."""
    docs = list(dict.fromkeys(counts["doc_id"]))

    def summed(measure: str, kind: str, column: str) -> np.ndarray:
        rows = counts[(counts["measure"] == measure) & (counts["kind"] == kind)].set_index("doc_id")
        return weights @ rows[column].reindex(docs).fillna(0).to_numpy(dtype=float)

    out = {}
    for measure, kind in counts[counts["measure"].isin(_PRF)][["measure", "kind"]].drop_duplicates().itertuples(index=False):
        tp, n_pred, n_gold = (summed(measure, kind, c) for c in ("n_matched", "n_predicted", "n_gold"))
        precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
        out[(measure, kind, "precision")] = precision
        out[(measure, kind, "recall")] = recall
        out[(measure, kind, "f1")] = np.where(tp > 0, _ratio(2 * tp, n_pred + n_gold), np.where((n_pred > 0) & (n_gold > 0), 0.0, np.nan))
    out[("reported", "mixed+indirect+speech_act", "recall")] = _ratio(
        summed("reported", "mixed+indirect+speech_act", "n_matched"), summed("reported", "mixed+indirect+speech_act", "n_gold"))
    matched = summed("statements", "all", "n_matched")
    for measure in _ACCURACIES:
        out[(measure, "accuracy", "accuracy")] = _ratio(summed(measure, "accuracy", "n_matched"), matched)
    out[("terms_as_speech", "per_10_articles", "value")] = _ratio(
        10 * summed("terms_as_speech", "count", "n_matched"), weights.sum(axis=1).astype(float))
    return out


def intervals(predicted, gold: list[dict], articles, draws: int = DRAWS, level: float = LEVEL,
              seed: int = SEED) -> pd.DataFrame:
    """Each score with its interval: columns ``measure``, ``kind``, ``statistic`` (precision, recall,
    f1, accuracy or value), ``estimate`` (the score on the whole set, as :func:`evaluate` gives
    it), ``low`` and ``high`` (the percentile interval of ``draws`` resamplings of the articles)."""
    counts = article_counts(predicted, gold, articles)
    n_docs = counts["doc_id"].nunique()
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n_docs, np.full(n_docs, 1 / n_docs), size=draws)
    estimates = _statistics(counts, np.ones((1, n_docs)))
    resampled = _statistics(counts, weights)
    tail = (1 - level) / 2 * 100
    rows = []
    for (measure, kind, statistic), values in resampled.items():
        finite = values[np.isfinite(values)]
        low, high = np.percentile(finite, [tail, 100 - tail]) if finite.size else (np.nan, np.nan)
        rows.append({"measure": measure, "kind": kind, "statistic": statistic,
                     "estimate": float(estimates[(measure, kind, statistic)][0]), "low": float(low), "high": float(high)})
    return pd.DataFrame(rows)


def intervals_real(split: str) -> pd.DataFrame:
    """:func:`intervals` of one split of the real-news gold (``tests/fixtures/real_news``)."""
    articles, gold = real_news(split)
    predicted = pd.concat([predicted_statements(a) for a in articles], ignore_index=True)
    return intervals(predicted, gold, articles)


def main(argv: list[str] | None = None) -> int:
    """Print a split's intervals: ``python -m helpers.annotate.quotes.intervals test3``."""
    import sys

    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] not in SPLITS:
        print(f"usage: python -m helpers.annotate.quotes.intervals [{'|'.join(SPLITS)}]", file=sys.stderr)
        return 2
    with pd.option_context("display.width", 200, "display.precision", 3):
        print(f"real news, {argv[0]} split: {LEVEL:.0%} intervals, the articles resampled {DRAWS:,} times")
        print(intervals_real(argv[0]).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
