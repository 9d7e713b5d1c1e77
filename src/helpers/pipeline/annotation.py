"""Annotate every article under some inputs into an output folder: what ``python -m helpers annotate``
and the main job's first step run."""
from __future__ import annotations

import sys
from functools import partial

from tqdm import tqdm

from ..annotate.layers import map_articles, write_article
from ..text.loading import ArticleError, iter_articles


def annotate_inputs(inputs: list[str], out: str, skip_bad: bool = False, jobs: int | None = None) -> int:
    """Annotate every article under ``inputs`` into ``out`` with ``jobs`` processes; return the number written."""

    def report(error: ArticleError) -> None:
        print(f"skipped: {error}", file=sys.stderr)

    def unique(articles):
        """Articles whose doc_id (their output folder) no earlier article has."""
        sources: dict[str, str] = {}
        for article in articles:
            if article.doc_id in sources:
                error = ArticleError(article.source, f"its id {article.doc_id!r} is already taken by {sources[article.doc_id]}; rename one of them")
                if not skip_bad:
                    raise error
                report(error)
                continue
            sources[article.doc_id] = article.source
            yield article

    articles = unique(a for path in inputs for a in iter_articles(path, on_error=report if skip_bad else None))
    written = 0
    with tqdm(desc="annotating", unit=" articles", disable=None, file=sys.stderr) as progress:
        for _ in map_articles(partial(write_article, out_dir=out), articles, jobs):
            written += 1
            progress.update()
    return written
