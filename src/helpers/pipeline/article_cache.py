"""The corpus tables' cache is the corpus tables themselves: a rebuild into the same output folder
takes an unchanged article's rows from the tables the previous run wrote instead of annotating it
again. Besides the tables it needs only a small index, written with them::

    OUT/.cache/<code version>/index.parquet          an entry per article of OUT's tables
    OUT/.cache/<code version>/partial-<run>/         what a run that stopped early had written:
                                                     its <layer>/part-*.parquet and index.parquet

An entry is the article's key (:meth:`Cache.key`), its row of the articles table and its warnings,
the part file its rows are in and, for each layer, the first of its rows in that part and how many
there are. An index also names the table files it describes with their size and time of last
change: a file that is no longer the one written (another run replaced it, someone edited it) is
never read, so an index cannot give the rows of other tables; a copy of the folder that keeps the
times (``cp -a``, ``rsync -a``) keeps the cache. A file of the cache that cannot be read costs only
the articles it holds, which are annotated again.

Freshly annotated articles are thus written once, as the tables, instead of a second time (pickled
and compressed, 0.4 ms an article of real news) for a cache of their own. A run writes its index in
its staging folder beside its tables; when the run succeeds the index is moved into place after the
tables (:meth:`Cache.adopt`), and the other code versions and this version's partial runs are removed.
A run that fails or is interrupted keeps its staging folder as a partial run (:meth:`Cache.keep`):
every article the writer had received, its files closed. A run killed outright keeps nothing.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import os
import pickle
import shutil
from pathlib import Path

CACHE_FOLDER = ".cache"
INDEX_FILE = "index.parquet"
PARTIAL_PREFIX = "partial"
#: Key of an index's Parquet metadata: the files it describes, path -> [size, mtime_ns].
_FILES_KEY = "helpers.files"
#: Errors of a cache file that cannot be read: its articles are annotated again.
_UNREADABLE = (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError)


def part_name(part: int) -> str:
    """The file of a layer's ``part``-th part."""
    return f"part-{part:05d}.parquet"


def _identity(stat: os.stat_result) -> list[int]:
    """What tells a file from another written before or after it at the same path."""
    return [stat.st_size, stat.st_mtime_ns]


def _open_indexed(path: Path, identity: list[int] | None):
    """``path`` as a Parquet file, if it is still the file an index described (checked on the open
    file, so that another run replacing it afterwards changes nothing); else ValueError."""
    import pyarrow.parquet as pq

    handle = open(path, "rb")  # noqa: SIM115 (closed with the ParquetFile that reads it)
    if _identity(os.fstat(handle.fileno())) != identity:
        handle.close()
        raise ValueError(f"{path} is no longer the file indexed")
    return pq.ParquetFile(handle)


def _span_columns(layer: str) -> tuple[str, str]:
    return f"{layer}_start", f"{layer}_rows"


class IndexWriter:
    """Writes the index of the tables being written under ``folder``: a row group per chunk of articles."""

    def __init__(self, folder: Path, layers: tuple[str, ...]):
        self.folder, self.layers = folder, layers
        self.next_row = dict.fromkeys(layers, 0)  # layer -> its first row in the part not yet indexed
        self.part = 0
        self._writer = None

    def add(self, part: int, articles: list[tuple[str, dict, list[str], dict[str, int]]]) -> None:
        """Index a chunk of articles of ``part`` written to every layer: (key, row, warnings, rows by layer) each."""
        import pyarrow as pa

        if part != self.part:
            self.part, self.next_row = part, dict.fromkeys(self.layers, 0)
        columns = {"key": [key for key, *_ in articles], "row": [pickle.dumps(row, protocol=5) for _, row, _, _ in articles],
                   "warnings": [warnings for _, _, warnings, _ in articles], "part": [part] * len(articles)}
        for layer in self.layers:
            rows = [counts[layer] for *_, counts in articles]
            starts = list(itertools.accumulate(rows, initial=self.next_row[layer]))
            columns.update(zip(_span_columns(layer), (starts[:-1], rows)))
            self.next_row[layer] = starts[-1]
        table = pa.table(columns, schema=self._schema())
        if self._writer is None:
            import pyarrow.parquet as pq

            self._writer = pq.ParquetWriter(self.folder / INDEX_FILE, table.schema)
        self._writer.write_table(table)

    def _schema(self):
        import pyarrow as pa

        spans = [(name, pa.int64()) for layer in self.layers for name in _span_columns(layer)]
        return pa.schema([("key", pa.string()), ("row", pa.binary()), ("warnings", pa.list_(pa.string())), ("part", pa.int64()), *spans])

    def close(self, files: list[Path]) -> None:
        """Finish the index (none if no article was indexed), naming ``files``: the tables, closed."""
        if self._writer is None:
            return
        described = {path.relative_to(self.folder).as_posix(): _identity(path.stat()) for path in files}
        self._writer.add_key_value_metadata({_FILES_KEY: json.dumps(described)})
        self._writer.close()
        self._writer = None


class _Rows:
    """The rows of one Parquet file by position, read a row group at a time (the last one kept)."""

    def __init__(self, name: str, file, columns: list[str] | None = None):
        self.name, self.file, self.columns = name, file, columns
        self.ends = list(itertools.accumulate(self.file.metadata.row_group(g).num_rows for g in range(self.file.num_row_groups)))
        self.group, self.table = None, None

    def take(self, start: int, count: int):
        """Rows ``start`` to ``start + count`` as an Arrow table (of one row group: a chunk of articles)."""
        if count == 0:
            return self.file.schema_arrow.empty_table()
        group = bisect.bisect_right(self.ends, start)
        first = self.ends[group - 1] if group else 0
        if group >= len(self.ends) or start + count > self.ends[group]:
            raise ValueError(f"{self.name}: rows {start} to {start + count} are not in one row group")
        if group != self.group:
            self.group, self.table = group, self.file.read_row_group(group, columns=self.columns)
        return self.table.slice(start - first, count)


class _Source:
    """An index and the tables it describes (under ``base``)."""

    def __init__(self, index: Path, base: Path, layers: tuple[str, ...]):
        import pyarrow.parquet as pq

        file = pq.ParquetFile(index)  # kept open: the rows and warnings are read from it later
        self.described = json.loads((file.metadata.metadata or {})[_FILES_KEY.encode()])
        self.base, self.layers = base, layers
        self.entries = file.read(columns=["key", "part", *(name for layer in layers for name in _span_columns(layer))])
        self.index = _Rows(INDEX_FILE, file, ["row", "warnings"])
        self.open: dict[str, _Rows] = {}  # layer -> the part file it was last read from

    def _rows(self, layer: str, part: int) -> _Rows:
        name = f"{layer}/{part_name(part)}"
        rows = self.open.get(layer)
        if rows is None or rows.name != name:
            rows = self.open[layer] = _Rows(name, _open_indexed(self.base / name, self.described.get(name)))
        return rows

    def article(self, position: int) -> tuple[dict, list[str], dict]:
        """The row, warnings and tables by layer of the article at ``position`` of the index;
        ValueError if one of its files is not the one the index describes."""
        entry = self.entries.slice(position, 1).to_pylist()[0]
        tables = {}
        for layer in self.layers:
            start, rows = (entry[column] for column in _span_columns(layer))
            tables[layer] = self._rows(layer, entry["part"]).take(start, rows)
        found = self.index.take(position, 1).to_pylist()[0]
        return pickle.loads(found["row"]), found["warnings"], tables


class Cache:
    """Annotated articles by key, from the tables of ``out`` and of partial runs, for code version
    ``version`` (``OUT/.cache/<version>``). The key hashes the article's SHA-256, its id and metadata
    and the layers; the folder is the package's code and data version, so any change to either
    starts afresh."""

    def __init__(self, out: Path, layers: tuple[str, ...], version: str):
        self.out, self.root = out, out / CACHE_FOLDER
        self.folder = self.root / version
        self.layers = layers
        self._found: dict[str, tuple[_Source, int]] | None = None  # key -> (index, position in it)

    def key(self, article) -> str:
        identity = [article.sha256, article.doc_id, article.metadata, self.layers]
        return hashlib.sha256(json.dumps(identity, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()

    def load(self, key: str) -> tuple[dict, list[str], dict] | None:
        """The articles-table row, warnings and Arrow table by layer stored under ``key``, or None."""
        found = self.found().get(key)
        if found is None:
            return None
        source, position = found
        try:
            return source.article(position)
        except _UNREADABLE:
            return None

    def found(self) -> dict[str, tuple[_Source, int]]:
        """Key -> (index, position) of every article the cache holds, read on the first look-up:
        the tables' index, then the partial runs'; an index that cannot be read is passed over."""
        if self._found is None:
            self._found = {}
            places = [(self.folder / INDEX_FILE, self.out)]
            places += [(partial / INDEX_FILE, partial) for partial in sorted(self.folder.glob(f"{PARTIAL_PREFIX}*"))]
            for index, base in places:
                try:
                    source = _Source(index, base, self.layers)
                except _UNREADABLE:
                    continue
                for position, key in enumerate(source.entries.column("key").to_pylist()):
                    self._found.setdefault(key, (source, position))
        return self._found

    def keep(self, staging: Path) -> None:
        """Keep the tables a run that stopped early wrote into ``staging`` (if it indexed any) as a partial run."""
        if not (staging / INDEX_FILE).is_file():
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            os.replace(staging, self.folder / f"{PARTIAL_PREFIX}{staging.name}")
        except OSError:  # a cache that cannot be written costs only time
            pass

    def adopt(self, staging: Path) -> None:
        """Move the index of the tables just installed from ``staging`` into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if (staging / INDEX_FILE).is_file():
            os.replace(staging / INDEX_FILE, self.folder / INDEX_FILE)
        else:  # no article: nothing to index
            (self.folder / INDEX_FILE).unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the other code versions and the partial runs (their articles are in the tables or no longer asked for)."""
        for folder in self.root.iterdir() if self.root.is_dir() else ():
            if folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True)
        for partial in self.folder.glob(f"{PARTIAL_PREFIX}*"):
            shutil.rmtree(partial, ignore_errors=True)
