"""The corpus tables are their own cache: a rebuild takes unchanged articles from them through the
index written with them, never from a file that is no longer the one indexed, and a run that stops
early leaves what it wrote for the next run to resume from."""
from __future__ import annotations

import os

import pyarrow.parquet as pq
import pytest
from test_corpus_tables import output_files, write_jsonl

from helpers.annotate.layers import LAYERS
from helpers.pipeline import article_cache, corpus_tables
from helpers.pipeline.article_cache import CACHE_FOLDER, INDEX_FILE, PARTIAL_PREFIX, Cache
from helpers.pipeline.corpus_tables import annotate_corpus
from helpers.provenance import package_fingerprint
from helpers.text.loading import iter_articles


def cache_folder(out):
    return out / CACHE_FOLDER / package_fingerprint()[:16]


def fresh_run(tmp_path, source, **options):
    """The files of a run that annotates every article of ``source``."""
    annotate_corpus(iter_articles(source), tmp_path / "fresh", jobs=1, **options)
    return output_files(tmp_path / "fresh")


def stopping_after(articles, count: int, error=RuntimeError):
    """``articles``, raising ``error`` after the first ``count`` (as a file that cannot be read does)."""
    for number, article in enumerate(articles):
        if number == count:
            raise error("stopped")
        yield article


def test_the_cache_gives_each_articles_rows_from_the_tables(tmp_path):
    source = write_jsonl(tmp_path / "corpus.jsonl", 9)
    out = tmp_path / "out"
    annotate_corpus(iter_articles(source), out, jobs=1, chunk_articles=2, part_articles=4)  # rows in three parts
    assert sorted(p.name for p in cache_folder(out).iterdir()) == [INDEX_FILE]
    cache = Cache(out, tuple(LAYERS), package_fingerprint()[:16])
    for article in iter_articles(source):
        row, warnings, tables = cache.load(cache.key(article))
        assert row["doc_id"] == article.doc_id and isinstance(warnings, list)
        for layer in LAYERS:
            expected = pq.read_table(out / layer, filters=[("doc_id", "==", article.doc_id)])
            assert tables[layer].equals(expected.select(tables[layer].column_names)), layer
    assert cache.load("f" * 64) is None
    assert Cache(out, tuple(LAYERS), "another-version").load(cache.key(article)) is None


def test_a_table_file_that_changed_is_not_read(tmp_path):
    source = write_jsonl(tmp_path / "corpus.jsonl", 9)
    out = tmp_path / "out"
    annotate_corpus(iter_articles(source), out, jobs=1, chunk_articles=2, part_articles=4)
    before = output_files(out)
    changed = out / "quotes" / "part-00001.parquet"
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 1))  # e.g. rewritten by another run
    assert annotate_corpus(iter_articles(source), out, jobs=1, chunk_articles=2, part_articles=4).annotated == 4  # that part's articles
    assert output_files(out) == before


def test_a_file_replaced_after_the_index_was_read_is_not_read(tmp_path):
    """As another run into the same folder does: the file is checked when it is opened."""
    source = write_jsonl(tmp_path / "corpus.jsonl", 2)
    out = tmp_path / "out"
    annotate_corpus(iter_articles(source), out, jobs=1)
    cache = Cache(out, tuple(LAYERS), package_fingerprint()[:16])
    assert len(cache.found()) == 2
    tokens = out / "tokens" / "part-00000.parquet"
    (tmp_path / "copy.parquet").write_bytes(tokens.read_bytes())
    os.replace(tmp_path / "copy.parquet", tokens)
    assert cache.load(cache.key(next(iter_articles(source)))) is None


def test_an_index_that_cannot_be_read_costs_only_time(tmp_path):
    source = write_jsonl(tmp_path / "corpus.jsonl", 4)
    out = tmp_path / "out"
    annotate_corpus(iter_articles(source), out, jobs=1)
    before = output_files(out)
    index = cache_folder(out) / INDEX_FILE
    index.write_bytes(index.read_bytes()[:100])  # cut short
    assert annotate_corpus(iter_articles(source), out, jobs=1).annotated == 4
    assert output_files(out) == before


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_a_run_that_stops_early_is_resumed_by_the_next(tmp_path, error):
    """Every article the writer received is kept (in a partial run), whatever the chunk size; the next
    run annotates only the rest, writes the files of a run that annotated everything, and removes the partial run."""
    source = write_jsonl(tmp_path / "corpus.jsonl", 20)
    out = tmp_path / "out"
    with pytest.raises(error):
        annotate_corpus(stopping_after(iter_articles(source), 18, error), out, jobs=1, chunk_articles=3)
    assert not (out / "tokens").exists() and not [p for p in out.iterdir() if p.name.startswith(".staging")]
    [partial] = cache_folder(out).iterdir()
    assert partial.name.startswith(PARTIAL_PREFIX)
    again = annotate_corpus(iter_articles(source), out, jobs=1, chunk_articles=3)
    assert (again.written, again.annotated) == (20, 12)  # the first batch of 8 had reached the writer, the next was annotated, the third being read
    assert output_files(out) == fresh_run(tmp_path, source, chunk_articles=3)
    assert sorted(p.name for p in cache_folder(out).iterdir()) == [INDEX_FILE]


def test_a_chunk_being_written_when_the_run_failed_is_not_kept(tmp_path, monkeypatch):
    """The index is written last for each chunk: the tables may hold a chunk it does not, never the other way round."""
    source = write_jsonl(tmp_path / "corpus.jsonl", 6)
    out = tmp_path / "out"
    add = article_cache.IndexWriter.add
    calls = []

    def fail_on_the_second_chunk(self, part, articles):
        calls.append(part)
        if len(calls) == 2:
            raise OSError("disk full")
        add(self, part, articles)

    monkeypatch.setattr(article_cache.IndexWriter, "add", fail_on_the_second_chunk)
    with pytest.raises(corpus_tables.OutputError):
        annotate_corpus(iter_articles(source), out, jobs=1, chunk_articles=2)
    monkeypatch.undo()
    again = annotate_corpus(iter_articles(source), out, jobs=1, chunk_articles=2)
    assert again.annotated == 4  # the first chunk was kept
    assert output_files(out) == fresh_run(tmp_path, source, chunk_articles=2)
