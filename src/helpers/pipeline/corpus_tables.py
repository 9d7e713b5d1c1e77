"""Corpus tables: one Parquet table per annotation layer for a whole corpus, an ``articles`` table,
and a cache that lets a rebuild re-annotate only the articles that changed.

Layout of an output folder ``OUT`` (every row keeps ``doc_id`` and exact ``start``/``end``)::

    OUT/.helpers-output.json          marks OUT as output: input readers skip it
    OUT/articles.parquet              one row per article: doc_id, source, sha256, encoding,
                                      every metadata field, kicker, headline, n_paragraphs, n_sentences,
                                      n_tokens, n_quotes, n_entities, n_themes
    OUT/<layer>/part-00000.parquet    the layer's rows, articles in input order; one row group
    OUT/<layer>/part-00001.parquet    per chunk of articles, a new part every PART_ARTICLES articles
    OUT/warnings.log                  every warning of the run, one per line
    OUT/.cache/<version>/…            the tables' index, which makes them the cache (see :mod:`.article_cache`)

The tables are written into a staging folder and moved into place at the end, so a failed or
interrupted run leaves the previous tables (or none), never a mixture; what it wrote is kept for
the next run as a partial run in the cache.
"""
from __future__ import annotations

import errno
import gc
import json
import os
import pickle
import shutil
import struct
import tempfile
import warnings
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from .article_cache import Cache, IndexWriter, part_name
from ..annotate.layers import LAYERS, annotate_columns, article_row, column_type, mark_output, normal_folder
from ..annotate.tables import ARTICLES_FILE
from ..machine import default_jobs, process_pool
from ..provenance import package_fingerprint
from ..text.loading import Article

WARNINGS_FILE = "warnings.log"
#: Articles per row group (the unit the writer holds in memory) and per part file of each layer.
CHUNK_ARTICLES = 256
PART_ARTICLES = 8192
#: Articles whose column lists the writer converts to Arrow at once: enough to make the fixed cost
#: of converting a column small, few enough that the lists' Python objects (about 150 kB an article
#: of real news) are not all held until the end of a chunk (35 MB more at the peak).
PIECE_ARTICLES = 32


class OutputError(Exception):
    """An output folder that cannot be written (a file, read-only, a full disk …); the message names it."""

    def __init__(self, path: str | Path, problem: str):
        self.path, self.problem = str(path), problem
        super().__init__(f"{path}: {problem}")


def output_error(exc: OSError, out: str | Path) -> OutputError:
    """A clear :class:`OutputError` for an operating-system error met while writing ``out``."""
    reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc)).lower()
    where = f" (while writing {exc.filename})" if exc.filename else ""
    return OutputError(out, f"cannot write the output: {reason}{where}; the tables already there are unchanged")


def check_output_folder(out: str | Path) -> Path:
    """``out`` as a folder that exists (created if needed) and is marked; :class:`OutputError` if it cannot be."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(out, "is a file, not a folder; give --out a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        mark_output(out)
    except OSError as exc:
        raise output_error(exc, out) from None
    return out


def _inside(path: str | Path, folder: Path) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(folder) + os.sep)


# --- one article's annotation ------------------------------------------------------------


def _row_count(columns) -> int:
    """Rows of one layer of an article: its column lists, or the Arrow table the cache gave."""
    return len(next(iter(columns.values()), ())) if isinstance(columns, dict) else len(columns)


@dataclass
class Annotated:
    """One article's annotation as columns by layer (lists, integers and booleans packed: :func:`_packed`;
    taken from the cache, an Arrow table a layer), its row of the articles table and its warnings.

    Sent to another process (a worker's result, pickled) as its :func:`encode` bytes. The writer
    turns the columns of a chunk of articles into Arrow tables, and indexes the article under
    ``key`` (its cache key, set by :func:`annotated_stream`) so that the tables are the cache.
    """

    doc_id: str
    row: dict
    columns: dict[str, dict[str, list]]
    warnings: list[str] = field(default_factory=list)
    fresh: bool = True  # annotated in this run (not taken from the cache)
    key: str | None = None

    def __reduce__(self):
        return decode, (encode(self),)


@lru_cache(maxsize=1)
def _codec():
    """zstd at level 1: a pickle of an article's columns (60 kB on real news) to a third of its size
    in 0.12 ms; level 3 takes a third longer for 7% less, lz4 a third less time for a third more."""
    import pyarrow as pa

    return pa.Codec("zstd", compression_level=1)


def encode(annotated: Annotated) -> bytes:
    """``annotated`` as bytes: a compressed pickle of its fields, the form in which workers send it
    back. Its columns are lists and packed arrays: pickled and compressed in about 0.37 ms an
    article of real news (before packing), where an Arrow table per layer took 0.65 ms to build and
    0.3 ms to encode."""
    data = pickle.dumps((annotated.doc_id, annotated.row, annotated.columns, annotated.warnings), protocol=5)
    return len(data).to_bytes(8, "little") + _codec().compress(data, asbytes=True)


def decode(blob: bytes) -> Annotated:
    size = int.from_bytes(blob[:8], "little")
    doc_id, row, columns, warnings_ = pickle.loads(_codec().decompress(blob[8:], decompressed_size=size, asbytes=True))
    return Annotated(doc_id, row, columns, warnings_)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while, then back on if it was on.

    Annotating an article makes hundreds of thousands of objects, nearly all freed by reference
    counting as soon as they are done with; counted as allocations they set off a collection every
    few hundred, and every few dozen of those traversed the lexicons' and caches' millions of
    references: a fifth of a corpus run, another twelfth when the collector ran between batches
    (reading and writing). The few cycles an article leaves (under one object an article on
    real news) are collected once the collector is back on, by its next full collection: what the
    pause let live (the lexicons and caches loaded meanwhile) goes straight to the oldest generation
    (frozen and unfrozen), not left in the youngest for the next collection to traverse all at
    once (0.15 s after 300 articles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def annotate_batch(articles: list[Article], layers: tuple[str, ...]) -> list[Annotated]:
    """Annotate articles (in a worker process or a Dask worker), catching each one's warnings; when
    the batch goes back to the writer's process, the results are encoded here (:class:`Annotated`
    pickles as its encoding), in parallel, so that the one writer only builds the tables. The
    garbage collector waits until the batch is done (:func:`collector_paused`; a corpus run pauses
    it for the whole run, here and in its forked workers)."""
    with collector_paused():
        return [_annotate_one(article, layers) for article in articles]


def _annotate_one(article: Article, layers: tuple[str, ...]) -> Annotated:
    """One article's :class:`Annotated`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        columns = {name: _packed(layer) for name, layer in annotate_columns(article, layers).items()}
        row = article_row(article)
    for name in layers:
        row.setdefault(f"n_{name}", _row_count(columns[name]))
    return Annotated(article.doc_id, row, columns, [str(w.message) for w in caught])


def _packed(columns: dict[str, list]) -> dict[str, list | array]:
    """A layer's columns as the writer keeps them: an integer or boolean column with no
    missing value as an :class:`array.array` of 32-bit integers (64-bit past 2**31) or bytes, made
    while the article's objects are still in the processor's caches. Pickling it and converting it to
    Arrow then copy one buffer instead of visiting a Python object a row: on real news, 0.41 -> 0.28 ms
    to convert an article's tokens, 0.33 -> 0.26 ms to pickle its layers."""
    return {name: _packed_values(values, column_type(name)) for name, values in columns.items()}


def _packed_values(values: list, kind: str) -> list | array:
    """One column for :func:`_packed`. The values are converted in one C call each way (``bytes`` of
    the booleans, ``struct.pack`` of the integers) and copied into the array: ``array(code, values)``
    parses a format string per value, twice as slow."""
    if kind == "bool":
        try:
            return array("b", bytes(values))
        except TypeError:  # a missing value (None)
            return values
    if kind == "int":
        for code in "iq":
            try:
                return array(code, struct.pack(f"{len(values)}{code}", *values))
            except struct.error:  # past 2**31 (then 2**63), or a missing value
                continue
    return values


def _from_cache(cache: Cache, key: str) -> Annotated | None:
    """The :class:`Annotated` the cache holds under ``key`` (None for none), marked as not annotated in this run."""
    found = cache.load(key)
    if found is None:
        return None
    row, warnings_, tables = found
    return Annotated(row["doc_id"], row, tables, warnings_, fresh=False, key=key)


# --- engines: where articles are annotated ------------------------------------------------


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _Joined:
    """The first article's result (computed in this process) joined with the rest's pending result."""

    def __init__(self, first: list, rest):
        self.first, self.rest = first, rest

    def result(self):
        return self.first + self.rest.get()


class LocalEngine:
    """Annotate on this machine with ``jobs`` forked processes (or in this process for one job).

    The first batch's first article is annotated here before the pool forks, so that workers
    inherit the lexicons, gazetteer and matchers it loads instead of loading them again.
    """

    def __init__(self, jobs: int | None = None):
        self.jobs = jobs or default_jobs()
        self.slots = 2 * self.jobs  # batches in flight
        self.batch = 8
        self._pool = None
        self._stack = ExitStack()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stack.close()

    def submit(self, function: Callable[[list], list], items: list):
        if self.jobs == 1:
            return _Done(function(items))
        if self._pool is None:
            first = function(items[:1])
            self._pool = self._stack.enter_context(process_pool(self.jobs))
            return _Joined(first, self._pool.apply_async(function, (items[1:],)))
        return _Joined([], self._pool.apply_async(function, (items,)))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def annotated_stream(articles: Iterable[Article], engine, cache: Cache, layers: tuple[str, ...]) -> Iterator[Annotated]:
    """Each article's annotation, in input order, with its cache key: from the cache, or computed by ``engine``.

    Articles are read here, a few batches ahead of the workers (so memory stays flat and a file
    that cannot be read raises here).
    """
    pending = deque()
    function = partial(annotate_batch, layers=layers)

    def settle(keys, hits, future):
        fresh = iter(future.result() if future is not None else ())
        for key, hit in zip(keys, hits):
            if hit is None:
                hit = next(fresh)
                hit.key = key
            yield hit

    for batch in _batches(articles, engine.batch):
        keys = [cache.key(article) for article in batch]
        hits = [_from_cache(cache, key) for key in keys]
        misses = [article for article, hit in zip(batch, hits) if hit is None]
        pending.append((keys, hits, engine.submit(function, misses) if misses else None))
        while len(pending) >= engine.slots:
            yield from settle(*pending.popleft())
    while pending:
        yield from settle(*pending.popleft())


# --- writing the tables ---------------------------------------------------------------------


def _arrow_type(kind: str):
    import pyarrow as pa

    return {"int": pa.int64(), "bool": pa.bool_(), "str": pa.string()}[kind]


def columns_table(layer: str, names: tuple[str, ...], pieces: list[dict[str, list]]):
    """One layer's rows of consecutive articles (their column lists ``names``, in order) as one
    Arrow table with the corpus tables' column types: the lists are joined and converted at once,
    which costs a third less than a table per article (converting a column has a fixed cost of a
    few microseconds, and a layer has up to 19 columns)."""
    import pyarrow as pa

    for columns in pieces:
        if tuple(columns) != names:
            raise ValueError(f"the {layer} layer's columns changed from one article to the next: {list(names)} then {list(columns)}")
    schema = _layer_schema(names)
    return pa.table([_arrow_column([columns[name] for columns in pieces], schema.field(name).type) for name in names], schema=schema)


def _arrow_column(pieces: list[list | array], arrow_type):
    """One Arrow array from a column's pieces: from their buffers when every piece is packed
    (:func:`_packed`), else value by value."""
    import numpy as np
    import pyarrow as pa

    if all(isinstance(piece, array) for piece in pieces):
        return pa.array(np.concatenate([_unpacked(piece) for piece in pieces]), type=arrow_type)
    values = []
    for piece in pieces:
        values += _unpacked(piece).tolist() if isinstance(piece, array) else piece
    return pa.array(values, type=arrow_type)


def _unpacked(piece: array):
    """A packed column as a NumPy array over its buffer, booleans as booleans."""
    import numpy as np

    return np.frombuffer(piece, dtype=np.bool_ if piece.typecode == "b" else piece.typecode)


@lru_cache(maxsize=None)
def _layer_schema(names: tuple[str, ...]):
    """The Arrow schema of a layer with these columns (their types by :func:`column_type`): made
    once per layer, not once per chunk."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(column_type(name))) for name in names])


def piece_table(layer: str, names: tuple[str, ...], articles: list):
    """One layer's rows of consecutive articles as one Arrow table: the column lists of those
    annotated in this run converted together (:func:`columns_table`), joined with the tables of those
    taken from the cache into one array a column. The Parquet writer's pages follow the arrays it is
    given (a text column's dictionary page fills at another row), so a piece is one array a column
    whichever articles came from the cache: the files are those of a run that annotated them all."""
    import pyarrow as pa

    if all(isinstance(columns, dict) for columns in articles):
        return columns_table(layer, names, articles)
    tables, lists = [], []
    for columns in articles:
        if isinstance(columns, dict):
            lists.append(columns)
            continue
        if lists:
            tables.append(columns_table(layer, names, lists))
            lists = []
        tables.append(columns)
    if lists:
        tables.append(columns_table(layer, names, lists))
    return pa.concat_tables(tables).combine_chunks()


@dataclass
class _Held:
    """An article the writer holds until its chunk is written; its columns only until they are in a piece."""

    key: str | None
    row: dict
    warnings: list[str]
    rows: dict[str, int]  # by layer
    columns: dict | None


class TableWriter:
    """Writes :class:`Annotated` articles, in order, as the corpus tables under ``folder``, and
    their index (:class:`~.article_cache.IndexWriter`), a chunk of articles at a time.

    Each layer's rows for a chunk of articles become one row group; only one chunk is held in
    memory: Arrow tables of :data:`PIECE_ARTICLES` articles each, and the columns of the articles
    after them. The held articles and the pieces each change by one append, so that an interrupt
    anywhere leaves them consistent for :meth:`abort` to write.
    """

    def __init__(self, folder: Path, layers: tuple[str, ...], chunk_articles: int = CHUNK_ARTICLES, part_articles: int = PART_ARTICLES):
        self.folder, self.layers = folder, layers
        self.chunk_articles, self.part_articles = chunk_articles, max(part_articles, chunk_articles)
        self.held: list[_Held] = []  # the chunk's articles
        self.pieces: list[tuple[int, dict]] = []  # (articles, their Arrow table by layer) of the chunk's first articles
        self.count = 0  # articles written
        self.writers: dict[str, tuple[int, object]] = {}  # layer -> (part number, its open writer)
        self.parts: list[Path] = []  # every part file opened
        self.names: dict[str, tuple[str, ...]] = {}  # layer -> its columns (the first article's)
        self.article_chunks: list[Path] = []
        self.index = IndexWriter(folder, layers)
        self.flushing = False  # a chunk is being written: some files may have it, others not

    def add(self, annotated: Annotated) -> None:
        rows = {layer: _row_count(annotated.columns[layer]) for layer in self.layers}
        self.held.append(_Held(annotated.key, annotated.row, annotated.warnings, rows, annotated.columns))
        if len(self.held) - self._converted() == PIECE_ARTICLES:
            self._convert()
        if len(self.held) == self.chunk_articles or (self.count + len(self.held)) % self.part_articles == 0:
            self.flush()

    def _converted(self) -> int:
        return sum(articles for articles, _ in self.pieces)

    def _convert(self) -> None:
        """The articles held after the pieces as one more piece; their columns are let go (the
        lists' Python objects, about 150 kB an article of real news, are not kept to the end of the chunk)."""
        articles = self.held[self._converted():]
        tables = {}
        for layer in self.layers:
            names = self.names.setdefault(layer, _column_names(articles[0].columns[layer]))
            tables[layer] = piece_table(layer, names, [held.columns[layer] for held in articles])
        self.pieces.append((len(articles), tables))
        for held in articles:
            held.columns = None

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.held:
            return
        self.flushing = True
        if self._converted() < len(self.held):
            self._convert()
        part = self.count // self.part_articles
        for layer in self.layers:
            table = pa.concat_tables([tables[layer] for _, tables in self.pieces])  # written as one row group, chunks and all: no copy to join them
            open_part, writer = self.writers.get(layer, (None, None))
            if open_part != part:
                if writer is not None:
                    writer.close()
                (self.folder / layer).mkdir(exist_ok=True)
                self.parts.append(self.folder / layer / part_name(part))
                writer = pq.ParquetWriter(self.parts[-1], _layer_schema(self.names[layer]))
                self.writers[layer] = (part, writer)
            writer.write_table(table, row_group_size=max(len(table), 1))
        chunk = self.folder / f".articles-{len(self.article_chunks):06d}.parquet"
        _write_rows([held.row for held in self.held], chunk)
        self.article_chunks.append(chunk)
        self.index.add(part, [(held.key, held.row, held.warnings, held.rows) for held in self.held])
        self.count += len(self.held)
        self.held, self.pieces = [], []
        self.flushing = False

    def close(self) -> None:
        """Write what is buffered, close every part, assemble ``articles.parquet`` and finish the index."""
        self.flush()
        for _, writer in self.writers.values():
            writer.close()
        for layer in self.layers:  # a corpus with no articles still gets (empty) tables
            (self.folder / layer).mkdir(exist_ok=True)
        _concatenate(self.article_chunks, self.folder / ARTICLES_FILE)
        self.index.close(self.parts)

    def abort(self) -> None:
        """Close the files after a failure, the articles received written and indexed for the next
        run (unless the failure came while writing a chunk: then the chunks before it)."""
        with suppress(Exception):  # only the cache: the run fails with its first error anyway
            if not self.flushing:
                self.flush()
        for _, writer in self.writers.values():
            with suppress(Exception):
                writer.close()
        with suppress(Exception):
            self.index.close(self.parts)


def _column_names(columns) -> tuple[str, ...]:
    """The columns of one layer of an article: its column lists' names, or the cache's table's."""
    return tuple(columns) if isinstance(columns, dict) else tuple(columns.column_names)


def _metadata_array(values: list):
    """An Arrow array for one metadata field: its own type when every value shares one, else text."""
    import pyarrow as pa

    try:
        return pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str) for v in values], pa.string())


def _write_rows(rows: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(dict.fromkeys(name for row in rows for name in row))
    pq.write_table(pa.table({name: _metadata_array([row.get(name) for row in rows]) for name in names}), path)


def _concatenate(chunks: list[Path], target: Path) -> None:
    """One Parquet file from chunk files whose columns may differ (metadata fields that only some
    articles have): the union of the columns in first-seen order, a field's type widened to text
    when chunks disagree; read and written one chunk at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types: dict[str, object] = {}
    for chunk in chunks:
        for f in pq.read_schema(chunk):
            known = types.get(f.name)
            if known is None or pa.types.is_null(known):
                types[f.name] = f.type
            elif not pa.types.is_null(f.type) and f.type != known:
                types[f.name] = pa.string()
    order = [n for n in ("doc_id", "source", "sha256", "encoding") if n in types]
    order += [n for n in types if n not in order and not n.startswith("n_") and n not in ("kicker", "headline")]
    order += [n for n in ("kicker", "headline") if n in types] + [n for n in types if n.startswith("n_") and n not in order]
    schema = pa.schema([(n, pa.string() if pa.types.is_null(types[n]) else types[n]) for n in order])
    with pq.ParquetWriter(target, schema) as writer:
        for chunk in chunks:
            table = pq.read_table(chunk)
            columns = []
            for f in schema:
                if f.name not in table.column_names:
                    columns.append(pa.nulls(len(table), f.type))
                elif table.schema.field(f.name).type == f.type:
                    columns.append(table[f.name])
                elif pa.types.is_string(f.type) and not pa.types.is_null(table.schema.field(f.name).type):
                    columns.append(pa.array([None if v is None else json.dumps(v, ensure_ascii=False, default=str) if not isinstance(v, str) else v
                                             for v in table[f.name].to_pylist()], pa.string()))
                else:
                    columns.append(table[f.name].cast(f.type))
            writer.write_table(pa.table(columns, schema=schema))
        if not chunks:
            writer.write_table(schema.empty_table())
    for chunk in chunks:
        chunk.unlink()


def install(staging: Path, out: Path, names: list[str]) -> None:
    """Move ``names`` from ``staging`` into ``out``, each replacing what was there."""
    old = staging / ".replaced"
    old.mkdir()
    for name in names:
        target = out / name
        if target.exists() or target.is_symlink():
            os.replace(target, old / name)
        os.replace(staging / name, target)
    shutil.rmtree(old)


# --- the corpus run ---------------------------------------------------------------------------


@dataclass
class CorpusSummary:
    """What a corpus run did."""

    written: int  # articles in the tables
    annotated: int  # annotated in this run (the rest came from the cache)
    out: Path


def write_corpus(
    results: Iterable[Annotated],
    staging: Path,
    layers: tuple[str, ...],
    progress: Callable[[Annotated], None] | None = None,
    chunk_articles: int = CHUNK_ARTICLES,
    part_articles: int = PART_ARTICLES,
) -> tuple[int, int]:
    """Write the annotations into the corpus tables under ``staging``; return (written, annotated)."""
    writer = TableWriter(staging, layers, chunk_articles, part_articles)
    annotated = 0
    try:
        for result in results:
            writer.add(result)
            annotated += result.fresh
            if progress:
                progress(result)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return writer.count, annotated


def make_engine(engine: str = "local", jobs: int | None = None, scheduler: str | None = None):
    """The engine that annotates: ``local`` (processes on this machine) or ``dask`` (a Dask cluster)."""
    if engine == "local":
        return LocalEngine(jobs)
    if engine == "dask":
        from .engine_dask import DaskEngine

        return DaskEngine(scheduler, jobs)
    raise ValueError(f"unknown engine {engine!r} (expected 'local' or 'dask')")


def annotate_corpus(
    articles: Iterable[Article],
    out: str | Path,
    *,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    layers: Iterable[str] | None = None,
    progress: Callable[[Annotated], None] | None = None,
    chunk_articles: int = CHUNK_ARTICLES,
    part_articles: int = PART_ARTICLES,
    extra_files: dict[str, Callable[[Path], None]] | None = None,
) -> CorpusSummary:
    """Annotate ``articles`` into the corpus tables of ``out`` (see the module docstring).

    ``extra_files`` maps a file name to a function that writes it into the staging folder at the
    end (e.g. ``warnings.log``); it is installed with the tables. Raises :class:`OutputError` for
    an output that cannot be written; nothing in ``out`` changes unless the whole run succeeds, but
    the cache keeps what a run that stopped early wrote, so that the next run resumes there.
    """
    layers = tuple(LAYERS if layers is None else layers)
    out = check_output_folder(out)
    staging = cache = None
    try:
        staging = normal_folder(Path(tempfile.mkdtemp(prefix=".staging-", dir=out)))
        cache = Cache(out, layers, package_fingerprint()[:16])
        with collector_paused(), make_engine(engine, jobs, scheduler) as runner:  # forked workers inherit the pause
            results = annotated_stream(articles, runner, cache, layers)
            written, annotated = write_corpus(results, staging, layers, progress, chunk_articles, part_articles)
        for name, write in (extra_files or {}).items():
            write(staging / name)
        install(staging, out, [ARTICLES_FILE, *layers, *(extra_files or {})])
        cache.adopt(staging)
        cache.prune()
    except BaseException as exc:
        if cache is not None:
            cache.keep(staging)
        if isinstance(exc, OSError) and (exc.filename is None or _inside(exc.filename, out)):
            raise output_error(exc, out) from None
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return CorpusSummary(written, annotated, out)
