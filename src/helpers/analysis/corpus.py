"""A corpus as tables, and the overview of outlets and days.

:func:`read_corpus` gives one :class:`CorpusTables` from the Parquet corpus tables that
``python -m helpers annotate`` writes: an ``articles`` table (one row per article: outlet, date,
title, author, url, word count) and every annotation layer of :mod:`helpers.annotate.layers` over
the articles, each row keeping ``doc_id`` and its exact offsets. The research questions are answered by :mod:`helpers.analysis.voices`,
:mod:`helpers.analysis.actors` and :mod:`helpers.analysis.language` on these tables.

Group comparisons carry bootstrap intervals by article (:func:`bootstrap_by_article`): articles,
not words, are the independent units of a news corpus, so a long article cannot make a small
difference between outlets look certain.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..annotate.layers import LAYERS
from ..annotate.tables import read_articles, read_layer

#: The articles table's columns here: the corpus loader's metadata, and the number of words.
ARTICLE_COLUMNS = ["doc_id", "outlet", "outlet_name_ar", "date", "title", "author", "url", "n_words"]
BOOTSTRAP_SAMPLES = 1000
SEED = 2015


@dataclass
class CorpusTables:
    """The articles table and the annotation layers of a corpus, all keyed by ``doc_id``; layers
    are read from the Parquet tables when first asked for."""

    source: Path
    articles: pd.DataFrame
    folder: Path
    layers: dict[str, pd.DataFrame] = field(repr=False, default_factory=dict)

    def layer(self, name: str) -> pd.DataFrame:
        """One layer (``quotes``, ``tokens`` …) of the whole corpus."""
        if name not in LAYERS:
            raise KeyError(f"no layer {name!r}; the corpus has: {', '.join(LAYERS)}")
        if name not in self.layers:
            self.layers[name] = read_layer(self.folder, name)
        return self.layers[name]

    @property
    def warnings(self) -> list[str]:
        """The warnings of the run that annotated the corpus (``warnings.log``), one a line."""
        log = self.folder / "warnings.log"
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    def text(self, doc_id: str) -> str:
        """The text of one article rebuilt from its blocks: every offset of every layer indexes
        into it (what lies between blocks becomes line breaks)."""
        paragraphs = self.layer("paragraphs")
        rows = paragraphs[paragraphs.doc_id == doc_id]
        if rows.empty:
            raise KeyError(f"no article {doc_id!r} in {self.source}")
        text = ["\n"] * int(rows.end.max())
        for start, chunk in zip(rows.start, rows.text):
            text[start : start + len(chunk)] = chunk
        return "".join(text)


def read_corpus(folder: str | Path, source: str | Path | None = None) -> CorpusTables:
    """The corpus tables that ``python -m helpers annotate CORPUS --out FOLDER`` wrote (the main job
    writes the shipped corpus's to ``data/processed/corpus``), ``source`` naming the corpus file."""
    folder = Path(folder)
    meta = read_articles(folder)
    tokens = read_layer(folder, "tokens", columns=["doc_id", "kind"])
    words = tokens[tokens.kind == "word"].groupby("doc_id").size()
    articles = pd.DataFrame({
        "doc_id": meta.doc_id,
        "outlet": meta.get("outlet", pd.Series([None] * len(meta))).fillna("").astype(str),
        "outlet_name_ar": meta.get("outlet_name_ar", pd.Series([None] * len(meta))),
        "date": pd.to_datetime(meta.get("date", pd.Series([None] * len(meta))), errors="coerce"),
        "title": meta.get("title", meta.get("headline")),
        "author": meta.get("author"),
        "url": meta.get("url"),
        "n_words": meta.doc_id.map(words).fillna(0).astype(int),
    })
    articles["outlet_name_ar"] = articles.outlet_name_ar.fillna(articles.outlet)
    return CorpusTables(Path(source) if source else folder, articles[ARTICLE_COLUMNS], folder)


# --- uncertainty by article -----------------------------------------------------------------------


def bootstrap_by_article(
    frame: pd.DataFrame, group: str, numerator: str, denominator: str | None = None,
    samples: int = BOOTSTRAP_SAMPLES, seed: int = SEED, level: float = 0.95,
) -> pd.DataFrame:
    """A ratio per group (sum of ``numerator`` / sum of ``denominator``, or the mean of
    ``numerator``) with a percentile bootstrap interval that resamples the group's articles.

    ``frame`` has one row per article. Seeded, so the interval is the same on every run.
    Returns group, value, low, high, articles.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for key, part in frame.groupby(group, sort=True):
        top = part[numerator].to_numpy(dtype=float)
        bottom = part[denominator].to_numpy(dtype=float) if denominator else np.ones(len(part))
        picks = rng.integers(0, len(part), size=(samples, len(part)))
        with np.errstate(invalid="ignore", divide="ignore"):
            value = top.sum() / bottom.sum() if bottom.sum() else np.nan
            draws = top[picks].sum(axis=1) / bottom[picks].sum(axis=1)
        low, high = np.nanpercentile(draws, [50 * (1 - level), 50 * (1 + level)]) if np.isfinite(draws).any() else (np.nan, np.nan)
        rows.append({group: key, "value": value, "low": low, "high": high, "articles": len(part)})
    return pd.DataFrame(rows, columns=[group, "value", "low", "high", "articles"])


# --- overview --------------------------------------------------------------------------------------


def article_counts(tables: CorpusTables) -> pd.DataFrame:
    """The articles table with each article's statements and statements per 1,000 words."""
    statements = tables.layer("quotes").groupby("doc_id").size()
    frame = tables.articles.assign(statements=tables.articles.doc_id.map(statements).fillna(0).astype(int))
    frame["per_1000"] = 1000 * frame.statements / frame.n_words.clip(lower=1)
    return frame


def overview_by_outlet(tables: CorpusTables) -> pd.DataFrame:
    """Per outlet: articles, words, median length, statements, and statements per 1,000 words with
    its bootstrap interval (articles resampled), largest outlet first."""
    counts = article_counts(tables)
    sums = counts.groupby(["outlet", "outlet_name_ar"]).agg(
        articles=("doc_id", "size"), words=("n_words", "sum"), median_words=("n_words", "median"), statements=("statements", "sum")
    ).reset_index()
    density = bootstrap_by_article(counts, "outlet", "statements", "n_words")
    density[["value", "low", "high"]] *= 1000
    frame = sums.merge(density.drop(columns="articles").rename(columns={"value": "per_1000", "low": "per_1000_low", "high": "per_1000_high"}), on="outlet")
    return frame.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)


def overview_by_day(tables: CorpusTables) -> pd.DataFrame:
    """Per day: articles, words and statements (dates are SaudiNewsNet's extraction dates)."""
    counts = article_counts(tables)
    frame = counts.groupby("date").agg(articles=("doc_id", "size"), words=("n_words", "sum"), statements=("statements", "sum")).reset_index()
    frame["per_1000"] = 1000 * frame.statements / frame.words
    return frame


def length_distribution(tables: CorpusTables) -> pd.DataFrame:
    """Article length in words per outlet: count, quartiles, minimum and maximum."""
    frame = tables.articles.groupby(["outlet", "outlet_name_ar"]).n_words.describe().reset_index()
    frame = frame.rename(columns={"count": "articles", "25%": "q1", "50%": "median", "75%": "q3"})
    frame["articles"] = frame.articles.astype(int)
    return frame.sort_values("median", ascending=False, ignore_index=True)


def large_enough(frame: pd.DataFrame, minimum: int) -> pd.DataFrame:
    """Rows (groups) with at least ``minimum`` articles in their ``articles`` column, so that a
    figure does not compare a handful of articles with hundreds; in a corpus where no group is that
    large, the largest groups."""
    return frame[frame.articles >= min(minimum, frame.articles.max())]
