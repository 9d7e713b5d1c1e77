"""The corpus tables' cache: entries come back as stored, a pack of them a file, and a pack that
cannot be read costs only its own entries."""
from __future__ import annotations

from helpers.pipeline.article_cache import CACHE_FOLDER, PACK_ENTRIES, Cache


def entries(count: int) -> dict[str, bytes]:
    return {f"{k:064x}": f"entry {k}".encode() * (k + 1) for k in range(count)}


def stored(tmp_path, count: int) -> tuple[Cache, dict[str, bytes]]:
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    cache, kept = Cache(tmp_path / "out", ("tokens",), "v1"), entries(count)
    for key, blob in kept.items():
        cache.store(key, blob, scratch)
    return cache, kept


def test_entries_come_back_before_and_after_they_are_packed(tmp_path):
    count = PACK_ENTRIES + 5
    cache, kept = stored(tmp_path, count)
    assert len(cache.pending) == 5  # the first PACK_ENTRIES are written
    assert all(cache.load(key) == blob for key, blob in kept.items())
    cache.flush(tmp_path / "scratch")
    folder = tmp_path / "out" / CACHE_FOLDER / "v1"
    assert len(list(folder.iterdir())) == 2 and not list((tmp_path / "scratch").iterdir())
    again = Cache(tmp_path / "out", ("tokens",), "v1")  # the next run
    assert all(again.load(key) == blob for key, blob in kept.items())
    assert again.load("f" * 64) is None
    assert Cache(tmp_path / "out", ("tokens",), "v2").load(next(iter(kept))) is None


def test_a_pack_that_cannot_be_read_loses_only_its_entries(tmp_path):
    cache, kept = stored(tmp_path, 2 * PACK_ENTRIES)
    first, second = sorted((tmp_path / "out" / CACHE_FOLDER / "v1").iterdir())
    first.write_bytes(first.read_bytes()[:12])  # cut short
    again = Cache(tmp_path / "out", ("tokens",), "v1")
    found = {key for key in kept if again.load(key) is not None}
    assert len(found) == PACK_ENTRIES and all(again.load(key) == kept[key] for key in found)


def test_a_key_stored_twice_keeps_its_first_entry(tmp_path):
    cache = Cache(tmp_path / "out", ("tokens",), "v1")
    (tmp_path / "scratch").mkdir()
    cache.store("a" * 64, b"first", tmp_path / "scratch")
    cache.store("a" * 64, b"second", tmp_path / "scratch")
    cache.flush(tmp_path / "scratch")
    assert Cache(tmp_path / "out", ("tokens",), "v1").load("a" * 64) == b"first"
