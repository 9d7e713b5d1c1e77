"""Input that is never silently wrong or lost (issue 13): decoding, bad rows, JSON arrays and ZIP
archives, the package's own output, and warnings summarised rather than printed per article."""
from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import pytest

from helpers.annotate.layers import write_article
from helpers.text.loading import (
    ArticleError,
    ArticleWarning,
    LoadLog,
    decode_bytes,
    iter_articles,
    load_article,
)

SAUDINEWSNET = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet" / "dataset"
BODY = "قال الوزير إن الاجتماع ناجح وإن التعاون مستمر."


def rows_jsonl(*rows) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def collect(path, **kwargs):
    log = LoadLog()
    articles = list(iter_articles(path, on_error=log.error, on_warning=log.warning, **kwargs))
    return articles, log


# --- decoding ----------------------------------------------------------------------------


def test_utf8_with_one_invalid_byte_is_utf8_with_a_replacement_and_its_offset():
    data = "قال الوزير ".encode() + b"\x80" + " إن الاجتماع ناجح.".encode()
    log = LoadLog()
    text, encoding = decode_bytes(data, "one-bad.txt", log.warning)
    assert encoding == "utf-8" and text == "قال الوزير \ufffd إن الاجتماع ناجح."
    assert [w.kind for w in log.warnings] == ["invalid-utf8"]
    assert "at byte offset(s) 20;" in log.warnings[0].message


def test_windows_1256_is_still_read_as_windows_1256():
    log = LoadLog()
    text, encoding = decode_bytes("قال الوزير إن الاجتماع ناجح.".encode("cp1256"), "legacy.txt", log.warning)
    assert (text, encoding) == ("قال الوزير إن الاجتماع ناجح.", "windows-1256")
    assert [w.kind for w in log.warnings] == ["legacy-encoding"]


def test_a_nul_byte_after_the_first_8_kb_makes_a_binary_file(write_file):
    path = write_file("late-nul.txt", ("قال الوزير. " * 2000).encode() + b"\x00tail")
    with pytest.raises(ArticleError, match=r"binary file \(it contains NUL bytes, the first at byte 4\d{4}\)"):
        load_article(path)


def test_control_characters_are_reported_by_offset_or_refused(write_file):
    with pytest.warns(ArticleWarning, match=r"1 control character\(s\) at offset\(s\) 10;"):
        article = load_article(write_file("ctl.txt", "قال الوزير\x1a إن الاجتماع ناجح."))
    assert "\x1a" in article.text
    with pytest.raises(ArticleError, match="control characters"):
        load_article(write_file("junk.txt", "قال" + "\x01\x02\x03" * 10))


@pytest.mark.parametrize("separator", ["\f", "\u2028", "\u2029", "\v"])
def test_form_feed_and_unicode_separators_separate_paragraphs(write_file, separator):
    text = "عنوان الخبر\n" + separator.join(["قال الوزير إن الاجتماع ناجح.", "وأضاف أن التعاون مستمر."])
    article = load_article(write_file("sep.txt", text))
    assert [article.span_text(p) for p in article.paragraphs] == ["قال الوزير إن الاجتماع ناجح.", "وأضاف أن التعاون مستمر."]


# --- tables ------------------------------------------------------------------------------


def test_skip_bad_skips_exactly_the_bad_rows_and_names_each(write_file):
    path = write_file("rows.jsonl", rows_jsonl(
        {"id": "a", "text": BODY}, "{not json", {"id": "b", "text": BODY}, {"id": "c", "title": "بلا نص"},
        {"id": "d", "text": "   "}, [1, 2], {"id": "e", "text": BODY},
    ))
    articles, log = collect(path)
    assert [a.doc_id for a in articles] == ["a", "b", "e"]
    assert [e.source for e in log.errors] == [f"{path} (row {n})" for n in (2, 4, 5, 6)]
    assert "not valid JSON" in log.errors[0].problem and "no text field" in log.errors[1].problem
    with pytest.raises(ArticleError, match=r"rows.jsonl \(row 2\): is not valid JSON"):
        list(iter_articles(path))


def test_skip_bad_on_a_csv_keeps_every_good_row(write_file):
    path = write_file("t.csv", f'id,text\na,{BODY}\nb,""\nc,"{BODY}"\nd,x,extra\ne,{BODY}\n')
    articles, log = collect(path)
    assert [a.doc_id for a in articles] == ["a", "c", "e"]
    assert [e.source.rsplit(" ", 2)[-1] for e in log.errors] == ["2)", "4)"]


def test_a_row_with_undecodable_bytes_is_named_and_the_rest_read(write_file):
    good = rows_jsonl({"id": "a", "text": BODY}).encode()
    path = write_file("mixed.jsonl", good + b'{"id": "b", "text": "\x00"}\n' + good.replace(b'"a"', b'"c"'))
    articles, log = collect(path)
    assert [a.doc_id for a in articles] == ["a", "c"] and len(log.errors) == 1


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_a_windows_1256_table_is_decoded_with_one_warning(write_file, suffix):
    text = f"id,text\nx,{BODY}\n" if suffix == "csv" else rows_jsonl({"id": "x", "text": BODY})
    articles, log = collect(write_file(f"legacy.{suffix}", text.encode("cp1256")))
    assert articles[0].span_text(articles[0].paragraphs[0]) == BODY and articles[0].encoding == "windows-1256"
    assert [w.kind for w in log.warnings] == ["legacy-encoding"]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.csv", "", "the file is empty"),
        ("header.csv", "id,text\n", "a header but no rows"),
        ("blank.jsonl", "\n\n", "only whitespace"),
        ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image)"),
        ("empty.json", "[]", "the JSON array is empty"),
    ],
)
def test_an_empty_or_binary_table_is_an_error(write_file, name, content, problem):
    with pytest.raises(ArticleError) as info:
        list(iter_articles(write_file(name, content)))
    assert name in str(info.value) and problem in str(info.value)


def test_a_json_array_streams_its_objects(write_file):
    long_body = BODY * 15000  # one element longer than a read (a megabyte)
    path = write_file("day.json", json.dumps([{"title": "عنوان", "content": long_body}, {"content": BODY}], ensure_ascii=False, indent=2))
    articles = list(iter_articles(path))
    assert [a.doc_id for a in articles] == ["day-1", "day-2"]
    assert articles[0].span_text(articles[0].paragraphs[0]) == long_body


def test_a_truncated_json_array_keeps_what_came_before(write_file):
    path = write_file("cut.json", '[{"content": "' + BODY + '"}, {"content": "قال')
    articles, log = collect(path)
    assert len(articles) == 1 and "not valid JSON" in log.errors[0].problem


def test_a_zip_of_tables_and_texts(tmp_path):
    archive = tmp_path / "day.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("day.json", json.dumps([{"source": "sabq", "content": BODY}], ensure_ascii=False))
        zipped.writestr("notes/a.txt", "عنوان\n" + BODY)
        zipped.writestr("__MACOSX/._day.json", b"\x00\x05")
    articles = list(iter_articles(archive))
    assert [(a.doc_id, a.source) for a in articles] == [("day-1", f"{archive}/day.json (row 1)"), ("a", f"{archive}/notes/a.txt")]
    assert articles[0].metadata["outlet_name_en"] == "Sabq"


@pytest.mark.skipif(not SAUDINEWSNET.exists(), reason="the shared SaudiNewsNet copy is not here")
def test_a_saudinewsnet_zip_reads_whole():
    path = SAUDINEWSNET / "2015-07-23.zip"
    with zipfile.ZipFile(path) as zipped:
        expected = len(json.loads(zipped.read("2015-07-23.json")))
    articles, log = collect(path)
    assert len(articles) + len(log.errors) == expected and len(articles) > 0.95 * expected


# --- what is not input ---------------------------------------------------------------------


def test_the_packages_output_inside_the_input_folder_is_not_read(write_file, tmp_path):
    write_file("in/a.txt", "عنوان\n" + BODY)
    write_file("in/b.txt", "عنوان آخر\n" + BODY)
    first = list(iter_articles(tmp_path / "in"))
    for article in first:
        write_article(article, tmp_path / "in" / "out")  # --out inside the input folder
    write_file("in/.a-staging/paragraphs.csv", "doc_id,para,role,start,end,text\na,1,body,0,3,قال\n")
    write_file("in/tables/tokens.csv", "doc_id,token,start,end,surface\na,1,0,3,قال\n")
    articles, log = collect(tmp_path / "in")
    assert [a.doc_id for a in articles] == ["a", "b"] and not log.errors
    assert sorted(w.kind for w in log.warnings) == ["package-output"] * 3
    with pytest.raises(ArticleError, match="annotations written by helpers"):
        list(iter_articles(tmp_path / "in" / "out" / "a"))
    with pytest.raises(ArticleError, match="annotation table written by helpers"):
        list(iter_articles(tmp_path / "in" / "tables" / "tokens.csv"))


def test_ids_are_kept_as_given(write_file):
    """A table's ids are data: kept whole in every table (the output side makes folder names safe,
    see test_corpus_tables.test_long_and_reserved_ids_get_safe_folder_names)."""
    path = write_file("ids.jsonl", rows_jsonl({"id": "x" * 300, "text": BODY}, {"id": "CON", "text": BODY}))
    assert [a.doc_id for a in iter_articles(path)] == ["x" * 300, "CON"]


# --- warnings summarised ---------------------------------------------------------------------


def test_a_corpus_gives_one_summary_warning_not_one_per_article(write_file):
    path = write_file("q.jsonl", rows_jsonl(*({"id": f"r{i}", "text": "قال «إن الاجتماع ناجح."} for i in range(10))))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(list(iter_articles(path))) == 10
    assert len(caught) == 1
    assert "unbalanced-quotes: 10 (q.jsonl rows 1, 2, 3, …)" in str(caught[0].message).replace(str(path.parent) + "/", "")


def test_the_log_counts_by_kind_names_the_first_and_writes_everything(write_file, tmp_path):
    path = write_file("mixed.jsonl", rows_jsonl({"id": "a", "text": "NATO met."}, "{bad", {"id": "b", "text": "قال «نعم."}))
    log = collect(path)[1]
    assert log.counts() == {"no-arabic": 1, "unbalanced-quotes": 1, "skipped": 1}
    assert "skipped: 1 (" in log.summary() and "row 2" in log.summary()
    lines = log.write(tmp_path / "load.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[0].startswith(f"skipped\t{path} (row 2)\t")
