"""A corpus as tables: loading (with a Parquet cache), and the overview of outlets and days.

:func:`load_corpus` gives one :class:`CorpusTables`: an ``articles`` table (one row per article:
outlet, date, title, author, url, word count) and every annotation layer of
:mod:`helpers.annotate.layers` concatenated over the articles, each row keeping ``doc_id`` and its
exact offsets. The research questions are answered by :mod:`helpers.analysis.voices`,
:mod:`helpers.analysis.actors` and :mod:`helpers.analysis.language` on these tables.

Group comparisons carry bootstrap intervals by article (:func:`bootstrap_by_article`): articles,
not words, are the independent units of a news corpus, so a long article cannot make a small
difference between outlets look certain.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths
from ..annotate.layers import LAYERS, annotate_article, map_articles
from ..text.lexicons import read_yaml
from ..text.loading import ArticleError, article_from_text

#: The shipped corpus (873 SaudiNewsNet articles on Gulf security, July–August 2015).
SHIPPED_CORPUS = paths.RAW / "corpus" / "gulf-security-2015.jsonl"
#: Where it lives until it is copied into data/raw.
SHARED_CORPUS = paths.ROOT.parent / "shared" / "corpora" / "gulf-security-2015.jsonl"
CACHE = paths.ROOT / "build" / "cache"
#: Outlet codes and readable names (SaudiNewsNet's ``source`` field).
OUTLETS_FILE = paths.PACKAGE_DATA / "speaker_types.yaml"
ARTICLE_COLUMNS = ["doc_id", "outlet", "outlet_name_ar", "date", "title", "author", "url", "n_tokens"]
#: Data files read after annotation (editing them needs no re-annotation).
ANALYSIS_DATA = {"speaker_types.yaml", "aliases.yaml"}
BOOTSTRAP_SAMPLES = 1000
SEED = 2015


class CorpusError(ValueError):
    """A corpus file that cannot be used; the message names the file (and the line)."""


@dataclass
class CorpusTables:
    """The articles table and the annotation layers of a corpus, all keyed by ``doc_id``."""

    source: Path
    articles: pd.DataFrame
    layers: dict[str, pd.DataFrame] = field(repr=False)
    warnings: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)

    def layer(self, name: str) -> pd.DataFrame:
        """One layer (``quotes``, ``tokens`` …) of the whole corpus."""
        if name not in self.layers:
            raise KeyError(f"no layer {name!r}; the corpus has: {', '.join(self.layers)}")
        return self.layers[name]

    def text(self, doc_id: str) -> str:
        """The text of one article rebuilt from its paragraphs: every offset of every layer indexes
        into it (what lies between paragraphs becomes line breaks)."""
        paragraphs = self.layer("paragraphs")
        rows = paragraphs[paragraphs.doc_id == doc_id]
        if rows.empty:
            raise KeyError(f"no article {doc_id!r} in {self.source}")
        text = ["\n"] * int(rows.end.max())
        for start, chunk in zip(rows.start, rows.text):
            text[start : start + len(chunk)] = chunk
        return "".join(text)


def default_corpus() -> Path:
    """The shipped corpus file (the shared copy until it is in data/raw)."""
    return SHIPPED_CORPUS if SHIPPED_CORPUS.exists() else SHARED_CORPUS


@lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """Outlet code -> Arabic name, from ``data/speaker_types.yaml`` (``outlets:``)."""
    data = read_yaml(OUTLETS_FILE, CorpusError)
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), dict):
        raise CorpusError(f"{OUTLETS_FILE}: expected an 'outlets:' mapping of code: Arabic name")
    return {str(k): str(v) for k, v in data["outlets"].items()}


def _rows(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and len(rows) >= limit:
                break
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}: line {number} is not valid JSON ({exc.msg})") from None
            missing = [k for k in ("id", "content") if not row.get(k)]
            if missing:
                raise CorpusError(f"{path}: line {number} has no {' or '.join(missing)}")
            row["_line"] = number
            rows.append(row)
    return rows


def _annotate_row(row_and_source: tuple[dict, str]) -> tuple[dict, dict[str, pd.DataFrame], list[str]]:
    """Annotate one JSONL row (title + blank line + body); warnings come back as text, not printed."""
    row, source = row_and_source
    text = (row.get("title") or "").strip() + "\n\n" + row["content"]
    metadata = {k: row[k] for k in ("source", "date_extracted", "title", "author", "url") if row.get(k)}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = article_from_text(text, source=f"{source} (line {row['_line']})", doc_id=row["id"], metadata=metadata)
        except ArticleError as error:
            raise CorpusError(str(error)) from None
        tables = annotate_article(article)
    words = tables["tokens"]
    record = {
        "doc_id": row["id"],
        "outlet": row.get("source", ""),
        "date": row.get("date_extracted"),
        "title": row.get("title", ""),
        "author": row.get("author", ""),
        "url": row.get("url", ""),
        "n_tokens": int((words.kind == "word").sum()),
    }
    return record, tables, [str(w.message) for w in caught]


def _code_version() -> str:
    """A digest of the annotating code and data, so a cache built by other code is not reused."""
    digest = hashlib.sha256()
    for folder in ("text", "annotate", "data"):
        for file in sorted((paths.PACKAGE_DIR / folder).rglob("*")):
            if file.is_file() and file.suffix in {".py", ".yaml", ".txt", ".csv"} and file.name not in ANALYSIS_DATA:
                digest.update(file.relative_to(paths.PACKAGE_DIR).as_posix().encode() + file.read_bytes())
    return digest.hexdigest()[:12]


def _cache_dir(path: Path, limit: int | None) -> Path:
    corpus = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return CACHE / f"corpus-{corpus}-{_code_version()}-{'all' if limit is None else limit}"


def _build(path: Path, limit: int | None) -> CorpusTables:
    rows = _rows(path, limit)
    if not rows:
        raise CorpusError(f"{path}: no articles")
    records, parts, problems = [], {name: [] for name in LAYERS}, []
    for record, tables, caught in map_articles(_annotate_row, [(row, paths.relative(path)) for row in rows]):
        records.append(record)
        problems += [{"doc_id": record["doc_id"], "warning": message} for message in caught]
        for name, frame in tables.items():
            parts[name].append(frame)
    articles = pd.DataFrame(records)
    articles["date"] = pd.to_datetime(articles.date, errors="coerce").dt.normalize()
    layers = {name: pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True) for name, frames in parts.items()}
    return CorpusTables(path, articles, layers, pd.DataFrame(problems, columns=["doc_id", "warning"]))


@contextlib.contextmanager
def _build_lock(cache: Path):
    """An exclusive lock on building ``cache`` (POSIX file lock; elsewhere none)."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: parallel builds then only cost time, the rename below stays atomic
        yield
        return
    with open(cache.with_name(cache.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _write_cache(tables: CorpusTables, cache: Path) -> None:
    """Write the tables to a private folder, rename it into place, and drop caches of the same
    corpus and limit built by other code (they would never be read again)."""
    staging = Path(tempfile.mkdtemp(prefix=f".{cache.name}-", dir=cache.parent))
    for name, frame in {"articles": tables.articles, "warnings": tables.warnings, **tables.layers}.items():
        frame.to_parquet(staging / f"{name}.parquet", index=False)
    shutil.rmtree(cache, ignore_errors=True)
    os.replace(staging, cache)
    _, corpus, _, limit = cache.name.split("-")  # corpus-<corpus sha>-<code version>-<limit>
    for old in cache.parent.glob(f"corpus-{corpus}-*-{limit}"):
        if old != cache and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def load_corpus(path: str | Path | None = None, limit: int | None = None) -> CorpusTables:
    """The corpus at ``path`` (a JSONL file; None = the shipped corpus), its first ``limit`` articles.

    Built once and cached as Parquet under ``build/cache/``, keyed by the file's SHA-256 and the
    annotating code, so notebooks do not annotate 873 articles each time.
    """
    path = Path(path) if path else default_corpus()
    if not path.is_absolute() and not path.exists():
        path = paths.ROOT / path
    if not path.is_file():
        raise CorpusError(f"{path}: no such corpus file")
    cache = _cache_dir(path, limit)
    names = ["articles", "warnings", *LAYERS]
    if not all((cache / f"{n}.parquet").exists() for n in names):
        with _build_lock(cache):  # notebooks run in parallel: one builds, the others wait and read
            if not all((cache / f"{n}.parquet").exists() for n in names):
                _write_cache(_build(path, limit), cache)
    frames = {n: pd.read_parquet(cache / f"{n}.parquet") for n in names}
    articles = frames.pop("articles")
    articles.insert(2, "outlet_name_ar", [outlet_names().get(o, o) for o in articles.outlet])
    return CorpusTables(path, articles[ARTICLE_COLUMNS], {n: frames[n] for n in LAYERS}, frames["warnings"])


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
    frame["per_1000"] = 1000 * frame.statements / frame.n_tokens.clip(lower=1)
    return frame


def overview_by_outlet(tables: CorpusTables) -> pd.DataFrame:
    """Per outlet: articles, words, median length, statements, and statements per 1,000 words with
    its bootstrap interval (articles resampled), largest outlet first."""
    counts = article_counts(tables)
    sums = counts.groupby(["outlet", "outlet_name_ar"]).agg(
        articles=("doc_id", "size"), words=("n_tokens", "sum"), median_words=("n_tokens", "median"), statements=("statements", "sum")
    ).reset_index()
    density = bootstrap_by_article(counts, "outlet", "statements", "n_tokens")
    density[["value", "low", "high"]] *= 1000
    frame = sums.merge(density.drop(columns="articles").rename(columns={"value": "per_1000", "low": "per_1000_low", "high": "per_1000_high"}), on="outlet")
    return frame.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)


def overview_by_day(tables: CorpusTables) -> pd.DataFrame:
    """Per day: articles, words and statements (dates are SaudiNewsNet's extraction dates)."""
    counts = article_counts(tables)
    frame = counts.groupby("date").agg(articles=("doc_id", "size"), words=("n_tokens", "sum"), statements=("statements", "sum")).reset_index()
    frame["per_1000"] = 1000 * frame.statements / frame.words
    return frame


def length_distribution(tables: CorpusTables) -> pd.DataFrame:
    """Article length in words per outlet: count, quartiles, minimum and maximum."""
    frame = tables.articles.groupby(["outlet", "outlet_name_ar"]).n_tokens.describe().reset_index()
    frame = frame.rename(columns={"count": "articles", "25%": "q1", "50%": "median", "75%": "q3"})
    frame["articles"] = frame.articles.astype(int)
    return frame.sort_values("median", ascending=False, ignore_index=True)


def large_enough(frame: pd.DataFrame, minimum: int) -> pd.DataFrame:
    """Rows (groups) with at least ``minimum`` articles in their ``articles`` column, so that a
    figure does not compare a handful of articles with hundreds; in a corpus where no group is that
    large, the largest groups."""
    return frame[frame.articles >= min(minimum, frame.articles.max())]


@dataclass
class CorpusRun:
    """A corpus notebook run: its name (``06-corpus-overview``), the corpus tables and where it writes."""

    notebook: str
    tables: CorpusTables
    figures_dir: Path

    def figure_name(self, index: int, slug: str) -> str:
        """A stable figure name such as ``06-02-quoting-density``."""
        return f"{self.notebook.split('-', 1)[0]}-{index:02d}-{slug}"


def corpus_run(notebook: str, corpus: str | None = None, output_dir: str | None = None) -> CorpusRun:
    """Load the corpus (None = the shipped one) and decide where figures go: ``figures/`` for the
    shipped corpus, ``build/runs/<corpus name>/figures`` for another unless ``output_dir`` says."""
    tables = load_corpus(corpus)
    if output_dir:
        figures = Path(output_dir) / "figures"
    elif corpus is None:
        figures = paths.FIGURES
    else:
        figures = paths.ROOT / "build" / "runs" / tables.source.stem / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    return CorpusRun(notebook, tables, figures)
