"""Raw data is immutable: the seed and the shipped corpus keep the hashes recorded next to them, the
corpus keeps its licence notice, and reading data/raw as a folder gives the seed alone."""
from __future__ import annotations

import hashlib
import json
import warnings

from helpers import paths
from helpers.text.loading import iter_articles

PACKAGE = json.loads((paths.RAW / "datapackage.json").read_text(encoding="utf-8"))
CORPUS_SHA256 = "5e06d8e06c48bcdff116149467c9c3f22d20dcb533bf649bd100e399ecbed5ad"


def test_raw_files_match_their_recorded_hashes():
    for resource in PACKAGE["resources"]:
        data = (paths.RAW / resource["path"]).read_bytes()
        assert "sha256:" + hashlib.sha256(data).hexdigest() == resource["hash"], resource["path"]
        assert len(data) == resource["bytes"]


def test_every_raw_article_is_described():
    described = {r["path"] for r in PACKAGE["resources"]}
    shipped = {p.relative_to(paths.RAW).as_posix() for p in paths.RAW.rglob("*") if p.suffix in {".txt", ".jsonl", ".csv"}}
    assert shipped == described


def test_the_corpus_is_the_shared_selection_byte_for_byte():
    assert hashlib.sha256(paths.CORPUS.read_bytes()).hexdigest() == CORPUS_SHA256
    resource = next(r for r in PACKAGE["resources"] if r["path"] == paths.CORPUS.relative_to(paths.RAW).as_posix())
    assert resource["hash"] == f"sha256:{CORPUS_SHA256}"
    assert "4e39239966c2ae8a3faa591201acb9cd1f51199d" in resource["sources"][0]["version"]
    assert "make_gulf_security.py" in resource["selection"]


def test_the_corpus_keeps_its_licence_and_research_only_notice():
    resource = next(r for r in PACKAGE["resources"] if r["path"].startswith("corpus/"))
    assert resource["licenses"][0]["name"] == "CC-BY-NC-SA-4.0"
    assert "sole purpose of aiding open scientific research" in resource["notice"]
    assert resource["citation"].startswith("Alhagri, M. A. (2015). Saudi Newspapers Arabic Corpus (SaudiNewsNet)")
    notice = (paths.CORPUS.parent / "LICENSE.md").read_text(encoding="utf-8")
    for words in ("Attribution-NonCommercial-ShareAlike 4.0", "sole purpose", "can only be used for\nthat purpose",
                  "Alhagri, M. A. (2015)", "belongs to the respective newspaper", "code keeps its own licence"):
        assert words in notice, words


def test_reading_raw_as_a_folder_gives_the_seed_alone():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [a.source for a in iter_articles(paths.RAW)] == [str(paths.SEED_ARTICLE)]


def test_the_corpus_loads_whole_with_its_metadata():
    articles = list(iter_articles(paths.CORPUS, on_warning=lambda warning: None))
    assert len(articles) == 873 and len({a.doc_id for a in articles}) == 873
    outlets = {a.metadata["outlet"] for a in articles}
    assert len(outlets) == 13 and all(a.metadata["outlet_name_en"] for a in articles)
    assert {a.metadata["date"][:7] for a in articles} == {"2015-07", "2015-08"}
    assert all(a.headline and a.span_text(a.headline) == a.metadata["title"] for a in articles)
