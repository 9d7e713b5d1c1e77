"""Annotation layers as tidy pandas DataFrames (or column lists), and writing them per article to a folder.

Each layer is a function ``Article -> DataFrame`` registered in :data:`LAYERS`; every row
carries ``doc_id`` and exact ``start``/``end`` offsets into ``article.text``.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pandas as pd

from .. import __version__, paths
from ..machine import default_jobs, process_pool
from ..text.loading import Article
from ..text.segment import token_fields
from .entities import entity_columns, entity_table
from .quotes import quote_table
from .quotes.extract import quote_columns
from .themes import theme_columns, theme_table

#: The file that marks a folder as the package's output (``python -m helpers annotate --out``,
#: ``write_article``): input readers skip such folders, so output is never read back as input.
OUTPUT_MARKER = ".helpers-output.json"


def paragraph_columns(article: Article) -> dict[str, list]:
    """The paragraphs layer as column lists (see :func:`paragraph_table`)."""
    paras, roles, starts, ends, texts = [], [], [], [], []
    para = 0
    for role, span in article.blocks:
        para += role == "body"
        paras.append(para)
        roles.append(role)
        starts.append(span.start)
        ends.append(span.end)
        texts.append(article.span_text(span))
    return {"doc_id": [article.doc_id] * len(paras), "para": paras, "role": roles, "start": starts, "end": ends, "text": texts}


def paragraph_table(article: Article) -> pd.DataFrame:
    """One row per block: kicker, headline (para 0) and body paragraphs (para 1 …)."""
    return pd.DataFrame(paragraph_columns(article))


SENTENCE_FIELDS = ["sentence", "para", "role", "start", "end"]
TOKEN_FIELDS = ["token", "sentence", "para", "start", "end", "surface", "kind", "norm", "stem", "proclitics", "has_article", "is_stop"]


def _transpose(rows: list[tuple], fields: list[str]) -> dict[str, list]:
    columns = list(zip(*rows)) or [()] * len(fields)
    return {name: list(values) for name, values in zip(fields, columns)}


def sentence_columns(article: Article) -> dict[str, list]:
    """The sentences layer as column lists (see :func:`sentence_table`)."""
    sentences = article.sentences
    text = article.text
    return {"doc_id": [article.doc_id] * len(sentences), **_transpose(sentences, SENTENCE_FIELDS),
            "text": [text[s.start : s.end] for s in sentences]}


def sentence_table(article: Article) -> pd.DataFrame:
    """One row per sentence with its paragraph, role and offsets."""
    return pd.DataFrame(sentence_columns(article))


def token_columns(article: Article) -> dict[str, list]:
    """The tokens layer as column lists (see :func:`token_table`)."""
    fields = token_fields(article)
    return {"doc_id": [article.doc_id] * len(article.tokens), **{name: list(fields[name]) for name in TOKEN_FIELDS}}


def token_table(article: Article) -> pd.DataFrame:
    """One row per token: surface, normalised form, light stem, proclitics, article, stop word."""
    return pd.DataFrame(token_columns(article))


#: Layer name -> table function; ``annotate`` writes ``<name>.csv`` (or a Parquet table) for each.
LAYERS: dict[str, Callable[[Article], pd.DataFrame]] = {
    "paragraphs": paragraph_table,
    "sentences": sentence_table,
    "tokens": token_table,
    "quotes": quote_table,
    "entities": entity_table,
    "themes": theme_table,
}
#: Layers that can give their columns without building a DataFrame (the corpus tables use these):
#: building a DataFrame per layer per article and reading it back was a seventh of the corpus run.
_COLUMN_FUNCTIONS = {paragraph_table: paragraph_columns, sentence_table: sentence_columns, token_table: token_columns,
                     quote_table: quote_columns, entity_table: entity_columns, theme_table: theme_columns}

#: Column types of the corpus tables, by column name: these are integers or booleans (integers
#: may be missing, e.g. ``speaker_start`` without a named speaker); every other column is text.
#: ``tests/test_corpus_tables.py`` checks every layer's columns against this.
INT_COLUMNS = frozenset({"token", "sentence", "para", "start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"})
BOOL_COLUMNS = frozenset({"has_article", "is_stop", "anaphoric", "appositive", "anonymous"})


def column_type(name: str) -> str:
    """``"int"``, ``"bool"`` or ``"str"``: how a layer column is stored in the corpus tables."""
    return "int" if name in INT_COLUMNS else "bool" if name in BOOL_COLUMNS else "str"


def annotate_columns(article: Article, layers: Iterable[str] | None = None) -> dict[str, dict[str, list]]:
    """Every requested layer of one article as column lists (missing values as None): the same
    rows and values as :func:`annotate_article`, without a DataFrame for the layers that allow it."""
    result = {}
    for name in (LAYERS if layers is None else layers):
        function = LAYERS[name]
        if function in _COLUMN_FUNCTIONS:
            result[name] = _COLUMN_FUNCTIONS[function](article)
        else:
            frame = function(article)
            result[name] = {c: frame[c].to_numpy(dtype=object, na_value=None).tolist() for c in frame.columns}
    return result


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


ARTICLE_FIXED_COLUMNS = ("doc_id", "source", "sha256", "encoding", "kicker", "headline")


def article_row(article: Article) -> dict:
    """One row of the corpus ``articles`` table: provenance, every metadata field (a field named
    like a fixed column gets the prefix ``metadata_``), the title lines and the counts of article.json."""
    record = article_record(article)
    row = {name: record[name] for name in ARTICLE_FIXED_COLUMNS[:4]}
    for key, value in article.metadata.items():
        row[f"metadata_{key}" if key in ARTICLE_FIXED_COLUMNS or key.startswith("n_") else key] = value
    row["kicker"] = record["kicker"] and record["kicker"]["text"]
    row["headline"] = record["headline"] and record["headline"]["text"]
    row.update({f"n_{name}": count for name, count in record["counts"].items()})
    return row


def annotate_article(article: Article, layers: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every requested layer of one article, in memory."""
    names = list(LAYERS) if layers is None else list(layers)
    return {name: LAYERS[name](article) for name in names}


#: Names Windows reserves for devices, in any case and with any extension.
RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
#: Longest folder name, in UTF-8 bytes (most file systems allow 255; Arabic letters take 2 bytes each).
MAX_NAME_BYTES = 120


def folder_name(doc_id: str) -> str:
    """The folder an article's files go to: its id, unless the id is too long for a file name or a
    name Windows reserves (``CON``, ``NUL`` …); then the id, cut short, with 12 hex digits of its hash."""
    encoded = doc_id.encode("utf-8")
    if len(encoded) <= MAX_NAME_BYTES and doc_id.split(".")[0].lower() not in RESERVED_NAMES:
        return doc_id
    head = encoded[:MAX_NAME_BYTES].decode("utf-8", errors="ignore")
    return f"{head}-{hashlib.sha256(encoded).hexdigest()[:12]}"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def normal_folder(path: Path) -> Path:
    """Give a folder made by ``tempfile.mkdtemp`` (mode 0700) the permissions of any other folder."""
    os.chmod(path, 0o777 & ~_umask())
    return path


def mark_output(out_dir: str | Path) -> None:
    """Write :data:`OUTPUT_MARKER` into an output folder (once), so that it is never read as input."""
    marker = Path(out_dir) / OUTPUT_MARKER
    if not marker.exists():
        partial = marker.with_name(f"{OUTPUT_MARKER}.{os.getpid()}.tmp")
        partial.write_text(json.dumps({"written_by": "helpers (arabic-news-discourse)", "note": "output of the package; input readers skip this folder"}) + "\n", encoding="utf-8")
        os.replace(partial, marker)  # never a half-written marker


def write_article(article: Article, out_dir: str | Path, layers: Iterable[str] | None = None) -> Path:
    """Write ``out_dir/<folder>/`` (article.json and one CSV per layer) atomically; the folder is the
    article's id, or :func:`folder_name`'s safe form of it.

    Everything is computed first and written to a temporary folder that is renamed into
    place, so a failure leaves either the previous complete output or none.
    """
    tables = annotate_article(article, layers)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    mark_output(out_dir)
    name = folder_name(article.doc_id)
    target = out_dir / name
    staging = normal_folder(Path(tempfile.mkdtemp(prefix=f".{name[:40]}-", dir=out_dir)))
    old = None
    try:
        with open(staging / "article.json", "w", encoding="utf-8") as handle:
            json.dump(article_record(article), handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        for layer, frame in tables.items():
            frame.to_csv(staging / f"{layer}.csv", index=False, encoding="utf-8", lineterminator="\n")
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{name[:40]}-old-", dir=out_dir))
            os.replace(target, old / name)
        os.replace(staging, target)
    except BaseException:
        if old is not None and not target.exists():
            os.replace(old / name, target)  # put the previous output back
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
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
    with process_pool(jobs) as pool:
        # Articles are read here, in batches, not by the pool's feeder thread: a file that cannot
        # be read then raises in the caller (an exception in imap's input would hang the pool).
        while batch := list(itertools.islice(articles, 16 * jobs)):
            yield from pool.imap(function, batch, chunksize=4)
