"""Prepared tables kept on disk: built on a fresh machine, read back unchanged, made again when what
they follow from changes, and worked out in the process when the cache folder cannot be used."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from helpers.text import prepared as prepared_module
from helpers.text.prepared import KEEP, cache_folder, prepared, table_path

TABLE = {"احد": 1.5e-05, "الى": 0.002, "nested": ((1, 2.5), ["a"])}


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builds:
    """A build function that counts its calls."""

    def __init__(self, table=TABLE):
        self.table, self.calls = table, 0

    def __call__(self):
        self.calls += 1
        return self.table


def test_a_fresh_cache_builds_the_table_once_then_reads_it(cache_home):
    build = Builds()
    assert prepared("test-table", ("v1",), build) == TABLE
    assert table_path("test-table", ("v1",)).parent == cache_home / "arabic-news-discourse" == cache_folder()
    assert prepared("test-table", ("v1",), build) == TABLE
    assert build.calls == 1


def test_other_inputs_make_another_table(cache_home):
    build = Builds()
    prepared("test-table", ("v1",), build)
    assert prepared("test-table", ("v2",), Builds({"other": 1.0})) == {"other": 1.0}
    assert prepared("test-table", ("v1",), build) == TABLE and build.calls == 1


def test_another_code_version_makes_another_table(cache_home, monkeypatch):
    build = Builds()
    prepared("test-table", ("v1",), build)
    monkeypatch.setattr(prepared_module, "package_fingerprint", lambda: "edited code")
    prepared("test-table", ("v1",), build)
    assert build.calls == 2


def test_a_cache_folder_that_cannot_be_written_builds_in_the_process(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    build = Builds()
    assert prepared("test-table", ("v1",), build) == TABLE
    assert prepared("test-table", ("v1",), build) == TABLE
    assert build.calls == 2


def test_a_damaged_table_is_built_again(cache_home):
    build = Builds()
    prepared("test-table", ("v1",), build)
    path = table_path("test-table", ("v1",))
    path.write_bytes(path.read_bytes()[:20])  # cut short
    assert prepared("test-table", ("v1",), build) == TABLE
    assert build.calls == 2
    assert prepared("test-table", ("v1",), build) == TABLE and build.calls == 2  # stored whole again


def test_only_the_newest_tables_of_a_name_are_kept(cache_home):
    for version in range(KEEP + 3):
        prepared("test-table", (version,), Builds())
        os.utime(table_path("test-table", (version,)), ns=(version * 10**9, version * 10**9))
    prepared("test-other", ("v1",), Builds())
    kept = sorted(p.name for p in cache_folder().glob("test-table-*.marshal"))
    assert kept == sorted(table_path("test-table", (v,)).name for v in range(3, KEEP + 3))
    assert table_path("test-other", ("v1",)).exists()
    assert not [p for p in cache_folder().iterdir() if p.name.startswith(".")]  # no temporary file left


def _build_in_a_process(home: str) -> dict:
    os.environ["XDG_CACHE_HOME"] = home
    return prepared("test-table", ("v1",), Builds())


def test_processes_that_build_a_table_at_once_each_leave_a_whole_one(cache_home):
    with multiprocessing.get_context("fork").Pool(4) as pool:
        tables = pool.map(_build_in_a_process, [str(cache_home)] * 8)
    assert tables == [TABLE] * 8
    build = Builds()
    assert prepared("test-table", ("v1",), build) == TABLE and build.calls == 0


def test_an_edited_reporting_lexicon_gets_its_own_cue_spellings(cache_home, tmp_path):
    """The quotes' cue spellings are kept on disk by the lexicon file's contents: a lexicon edited in
    place (a verb added) is read with the verb, not with the spellings of the file as it was."""
    from helpers.annotate.quotes.document import _cue_spellings
    from helpers.annotate.quotes.lexicon import LEXICON_PATH, reporting_lexicon

    path = tmp_path / "reporting.yaml"
    text = LEXICON_PATH.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    before = _cue_spellings(reporting_lexicon(path))[0]
    assert "تمتم" not in before
    path.write_text(text.replace("verbs:\n", "verbs:\n  - {lemma: تمتم, class: neutral, past: [تمتم], present: [يتمتم], participle: []}\n", 1),
                    encoding="utf-8")
    assert "تمتم" in _cue_spellings(reporting_lexicon(path))[0]
    assert len(list((cache_home / "arabic-news-discourse").glob("cue-spellings-*"))) == 2
