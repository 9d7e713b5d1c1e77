"""Data files edited in a running kernel: every loader sees the new version on its next call."""
from __future__ import annotations

import shutil

import pytest

from helpers.annotate.entities import load_gazetteer
from helpers.annotate.names import load_names
from helpers.annotate.themes import load_codebook, theme_table
from helpers.paths import PACKAGE_DATA
from helpers.text import lexicons
from helpers.text.loading import article_from_text
from helpers.text.segment import analyse_word


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """The package's data folder copied to tmp_path and used in its place for word lists."""
    folder = tmp_path / "data"
    shutil.copytree(PACKAGE_DATA, folder)
    monkeypatch.setattr(lexicons, "PACKAGE_DATA", folder)
    return folder


def test_an_edited_word_list_is_read_again(data_copy):
    assert "كويت" not in lexicons.wordlist("stopwords")
    assert analyse_word("كويت")[4] is False
    with (data_copy / "stopwords.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nكويت  # added in a live kernel\n")
    assert "كويت" in lexicons.wordlist("stopwords")
    assert analyse_word("كويت")[4] is True  # the per-word analysis follows the list it used
    assert "كويت" in lexicons.phrases("stopwords")


def test_an_unchanged_file_is_not_read_again(data_copy, monkeypatch):
    first = lexicons.wordlist("stopwords")
    monkeypatch.setattr(lexicons, "read_entries", lambda path: pytest.fail(f"{path} read again"))
    assert lexicons.wordlist("stopwords") is first


def test_an_edited_codebook_changes_the_themes(tmp_path):
    path = tmp_path / "themes.yaml"
    shutil.copy(PACKAGE_DATA / "themes.yaml", path)
    article = article_from_text("عنوان\n\nبحث الجانبان زراعة القمح في الصحراء.", source="test", doc_id="t")
    assert theme_table(article, load_codebook(path)).empty
    with path.open("a", encoding="utf-8") as handle:
        handle.write("  - id: farming\n    label_ar: الزراعة\n    label_en: Farming\n"
                     "    definition: Growing crops.\n    patterns: [زراعة]\n")
    assert list(theme_table(article, load_codebook(path))["theme_id"]) == ["farming"]


def test_an_edited_gazetteer_and_name_list_are_read_again(tmp_path):
    gazetteer, names = tmp_path / "gazetteer.yaml", tmp_path / "names.yaml"
    shutil.copy(PACKAGE_DATA / "gazetteer.yaml", gazetteer)
    shutil.copy(PACKAGE_DATA / "names.yaml", names)
    before = load_gazetteer(gazetteer)
    assert load_gazetteer(gazetteer) is before
    text = gazetteer.read_text(encoding="utf-8").replace("label_en: NATO\n", "label_en: The Alliance\n", 1)
    gazetteer.write_text(text, encoding="utf-8")
    assert load_gazetteer(gazetteer).entities["nato"].label_en == "The Alliance"
    assert "زمرد" not in load_names(names).given_names
    names.write_text(names.read_text(encoding="utf-8").replace("given_names: [", "given_names: [زمرد, ", 1), encoding="utf-8")
    assert "زمرد" in load_names(names).given_names


def test_a_missing_word_list_names_itself(data_copy):
    with pytest.raises(FileNotFoundError, match="nowhere.txt: no such word list"):
        lexicons.wordlist("nowhere")
