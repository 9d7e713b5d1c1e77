"""Annotation layers as tidy pandas DataFrames, and writing them per article to a folder.

Each layer is a function ``Article -> DataFrame`` registered in :data:`LAYERS`; every row
carries ``doc_id`` and exact ``start``/``end`` offsets into ``article.text``.
"""
from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pandas as pd

from .. import __version__, paths
from ..machine import default_jobs
from .entities import entity_table
from ..text.loading import Article
from .quotes import quote_table
from .themes import theme_table


def paragraph_table(article: Article) -> pd.DataFrame:
    """One row per block: kicker, headline (para 0) and body paragraphs (para 1 …)."""
    rows = []
    para = 0
    for role, span in article.blocks:
        para += role == "body"
        rows.append(
            {"doc_id": article.doc_id, "para": para, "role": role, "start": span.start, "end": span.end, "text": article.span_text(span)}
        )
    return pd.DataFrame(rows, columns=["doc_id", "para", "role", "start", "end", "text"])


def sentence_table(article: Article) -> pd.DataFrame:
    """One row per sentence with its paragraph, role and offsets."""
    frame = pd.DataFrame(article.sentences)
    frame.insert(0, "doc_id", article.doc_id)
    frame["text"] = [article.text[s.start : s.end] for s in article.sentences]
    return frame


def token_table(article: Article) -> pd.DataFrame:
    """One row per token: surface, normalised form, light stem, proclitics, article, stop word."""
    columns = ["token", "sentence", "para", "start", "end", "surface", "kind", "norm", "stem", "proclitics", "has_article", "is_stop"]
    frame = pd.DataFrame(article.tokens, columns=columns)
    frame.insert(0, "doc_id", article.doc_id)
    return frame


#: Layer name -> table function; ``annotate`` writes ``<name>.csv`` for each.
LAYERS: dict[str, Callable[[Article], pd.DataFrame]] = {
    "paragraphs": paragraph_table,
    "sentences": sentence_table,
    "tokens": token_table,
    "quotes": quote_table,
    "entities": entity_table,
    "themes": theme_table,
}


def article_record(article: Article) -> dict:
    """Metadata and structure of an article, for ``article.json``."""

    def span(s):
        return None if s is None else {"start": s.start, "end": s.end, "text": article.span_text(s)}

    return {
        "doc_id": article.doc_id,
        "source": paths.relative(article.source),
        "sha256": article.sha256,
        "encoding": article.encoding,
        "metadata": article.metadata,
        "kicker": span(article.kicker),
        "headline": span(article.headline),
        "paragraphs": [span(p) for p in article.paragraphs],
        "counts": {"paragraphs": len(article.paragraphs), "sentences": len(article.sentences), "tokens": len(article.tokens)},
        "package_version": __version__,
    }


def annotate_article(article: Article, layers: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every requested layer of one article, in memory."""
    names = list(LAYERS) if layers is None else list(layers)
    return {name: LAYERS[name](article) for name in names}


def write_article(article: Article, out_dir: str | Path, layers: Iterable[str] | None = None) -> Path:
    """Write ``out_dir/<doc_id>/`` (article.json and one CSV per layer) atomically.

    Everything is computed first and written to a temporary folder that is renamed into
    place, so a failure leaves either the previous complete output or none.
    """
    tables = annotate_article(article, layers)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / article.doc_id
    staging = Path(tempfile.mkdtemp(prefix=f".{article.doc_id}-", dir=out_dir))
    try:
        with open(staging / "article.json", "w", encoding="utf-8") as handle:
            json.dump(article_record(article), handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        for name, frame in tables.items():
            frame.to_csv(staging / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        if target.exists():
            old = target.with_name(f".{article.doc_id}-old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
            os.replace(staging, target)
            shutil.rmtree(old)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


T = TypeVar("T")


def map_articles(function: Callable[[Article], T], articles: Iterable[Article], jobs: int | None = None) -> Iterator[T]:
    """``function(article)`` for each article, in order, computed by ``jobs`` processes (default: one per core).

    The first article is done in this process, so that the lexicons, gazetteer and matchers it
    loads are inherited by forked workers rather than loaded again by each. ``function`` must be
    picklable (a module-level function or a ``functools.partial`` of one).
    """
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    yield function(first)
    jobs = jobs or default_jobs()  # the same count as the notebook build
    second = next(articles, None)
    if second is None:
        return
    articles = itertools.chain([second], articles)
    if jobs == 1:
        yield from map(function, articles)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs) as pool:
        # Articles are read here, in batches, not by the pool's feeder thread: a file that cannot
        # be read then raises in the caller (an exception in imap's input would hang the pool).
        while batch := list(itertools.islice(articles, 16 * jobs)):
            yield from pool.imap(function, batch, chunksize=4)
