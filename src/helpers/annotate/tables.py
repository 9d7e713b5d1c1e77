"""Reading the corpus tables that ``python -m helpers annotate`` writes: ``OUT/articles.parquet`` and
``OUT/<layer>/part-*.parquet`` (see :mod:`helpers.pipeline.corpus_tables` for the writing side)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ARTICLES_FILE = "articles.parquet"


def _to_pandas(table) -> pd.DataFrame:
    """A DataFrame with integer columns that have missing values as pandas' nullable Int64."""
    frame = table.to_pandas()
    for f in table.schema:
        if pa.types.is_integer(f.type) and table[f.name].null_count:
            frame[f.name] = pd.array(table[f.name].to_pylist(), dtype="Int64")
    return frame


def read_layer(out_dir: str | Path, layer: str, columns: list[str] | None = None, filters=None) -> pd.DataFrame:
    """One layer of a corpus annotated into ``out_dir``, as a DataFrame (articles in input order).

    ``columns`` selects columns; ``filters`` selects rows, in pyarrow's form, e.g.
    ``[("doc_id", "in", ["snn-…", "snn-…"])]`` or ``[("kind", "==", "direct")]`` (row groups
    that cannot match are not read).
    """
    folder = Path(out_dir) / layer
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts:
        known = sorted(p.name for p in Path(out_dir).iterdir() if (p / "part-00000.parquet").exists()) if Path(out_dir).is_dir() else []
        raise FileNotFoundError(f"{folder}: no corpus table here (layers in {out_dir}: {', '.join(known) or 'none'})")
    tables = [pq.read_table(part, columns=columns, filters=filters) for part in parts]
    return _to_pandas(pa.concat_tables(tables)).reset_index(drop=True)


def read_articles(out_dir: str | Path, columns: list[str] | None = None, filters=None) -> pd.DataFrame:
    """The ``articles`` table of a corpus annotated into ``out_dir``: one row per article."""
    return _to_pandas(pq.read_table(Path(out_dir) / ARTICLES_FILE, columns=columns, filters=filters))

