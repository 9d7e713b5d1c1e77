"""Loading articles: structure, encodings, many articles, and every kind of bad input."""
from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.text.loading import METADATA_KEYS, ArticleError, ArticleWarning, decode_bytes, iter_articles, load_article

BODY = "قال الوزير إن الاجتماع ناجح.\nوأضاف أن التعاون مستمر."


def test_seed_structure(seed):
    assert seed.span_text(seed.kicker) == "ضمن إطار مبادرة اسطنبول"
    assert seed.span_text(seed.headline).startswith("«ناتو»: اجتماع مجلس الحلف الإقليمي في الكويت")
    assert len(seed.paragraphs) == 13
    assert seed.span_text(seed.paragraphs[0]).startswith("كشف مسؤول من حلف شمال الاطلسي (ناتو)")
    assert seed.span_text(seed.paragraphs[-1]).endswith("بما في ذلك مبادرة اسطنبول.")
    assert seed.encoding == "utf-8" and seed.doc_id == "nato-ici-kuwait-meeting"


@pytest.mark.parametrize(
    "text, kicker, headline, paragraphs",
    [
        ("عنوان الخبر\n\n" + BODY, None, "عنوان الخبر", 2),
        ("فوق العنوان\nعنوان الخبر\n" + BODY, "فوق العنوان", "عنوان الخبر", 2),
        ("فوق العنوان\n\n\nعنوان الخبر\n\n\n\n" + BODY.replace("\n", "\n\n\n"), "فوق العنوان", "عنوان الخبر", 2),
        (BODY, None, None, 2),
        ("عنوان فقط", None, None, 1),
        ("عنوان\r\n\r\nقال الوزير إن الاجتماع ناجح.\r\nوأضاف أن التعاون مستمر.\r\n", None, "عنوان", 2),
        ("«ناتو»: عنوان بين علامتين\n" + BODY, None, "«ناتو»: عنوان بين علامتين", 2),
        # a byline or dateline on its own line is neither a headline nor a paragraph (see test_datelines.py)
        ("لارسن: «الشراكة ضرورة»\n\nبروكسل / مراد أوزتورك / الأناضول\n\n" + BODY, None, "لارسن: «الشراكة ضرورة»", 2),
        ("خبير لـ\"سكاي نيوز عربية\": \"العودة مرهونة بضمانات\"\nأبوظبي - سكاي نيوز عربية\n" + BODY, None,
         "خبير لـ\"سكاي نيوز عربية\": \"العودة مرهونة بضمانات\"", 2),
        ("على هامش المنتدى\nمصر والسعودية تبحثان أمن الطاقة\nكتب- هشام عبد العزيز\n" + BODY, "على هامش المنتدى",
         "مصر والسعودية تبحثان أمن الطاقة", 2),
        ("فوق العنوان\nالكويت - ناتو يبحث توسيع الشراكة مع دول الخليج\n" + BODY, "فوق العنوان",
         "الكويت - ناتو يبحث توسيع الشراكة مع دول الخليج", 2),
    ],
)
def test_structure(write_file, text, kicker, headline, paragraphs):
    article = load_article(write_file("a.txt", text))
    assert (article.span_text(article.kicker) if article.kicker else None) == kicker
    assert (article.span_text(article.headline) if article.headline else None) == headline
    assert len(article.paragraphs) == paragraphs
    for _, span in article.blocks:
        assert article.text[span.start : span.end].strip() == article.text[span.start : span.end]


def test_windows_1256_gives_the_same_tokens_and_a_warning(seed, write_file):
    path = write_file("legacy.txt", seed.text, encoding="cp1256")
    with pytest.warns(ArticleWarning, match=r"legacy.txt: not valid UTF-8 .* decoded as windows-1256"):
        legacy = load_article(path)
    assert legacy.encoding == "windows-1256"
    assert [(t.start, t.end, t.surface) for t in legacy.tokens] == [(t.start, t.end, t.surface) for t in seed.tokens]


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "the file is empty"),
        (b"  \n\t\r\n ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
        (b"%PDF-1.7\n", "binary file (a PDF document)"),
        (b"abc\x00def\x00", "contains NUL bytes"),
        (b"Caf\xe9 cr\xe8me br\xfbl\xe9e, latin-1", "no legacy Arabic encoding gives Arabic text"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(write_file, content, problem):
    path = write_file("bad.txt", content)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert str(path) in str(info.value) and problem in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nothing.txt")


def test_latin_only_text_warns(write_file):
    with pytest.warns(ArticleWarning, match="no Arabic letters"):
        load_article(write_file("en.txt", "NATO met in Kuwait.\nIt was a meeting."))


def test_bidi_controls_warn_once_and_keep_offsets(write_file):
    text = "عنوان\n\nقال \u202eالوزير\u202c إن الاجتماع ناجح."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(write_file("bidi.txt", text))
    assert len([w for w in caught if issubclass(w.category, ArticleWarning)]) == 1
    assert "2 invisible bidi control" in str(caught[0].message)
    assert article.text == text
    word = next(t for t in article.tokens if t.norm == "الوزير")
    assert article.text[word.start : word.end] == "الوزير"
    assert all("\u202e" not in t.norm for t in article.tokens)


def test_folder_csv_and_jsonl_are_read_lazily(write_file, tmp_path):
    write_file("corpus/b.txt", "عنوان ثان\n" + BODY)
    write_file("corpus/a.txt", "عنوان أول\n" + BODY)
    write_file("corpus/table.csv", 'id,title,text\nx1,عنوان,"قال الوزير إن الاجتماع ناجح."\n')
    rows = [{"id": "j1", "text": BODY, "date": "2019-03-10"}, {"id": "j2", "body": BODY}]
    write_file("corpus/rows.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    articles = iter_articles(tmp_path / "corpus")
    assert next(articles).doc_id == "a"  # a generator: the first article comes before the rest are read
    rest = list(articles)
    assert [a.doc_id for a in rest] == ["b", "j1", "j2", "x1"]
    assert rest[1].metadata["date"] == "2019-03-10" and rest[1].metadata["date_kind"] == "published"
    assert rest[3].metadata["title"] == "عنوان" and rest[3].span_text(rest[3].headline) == "عنوان"
    assert all(list(a.metadata)[: len(METADATA_KEYS)] == list(METADATA_KEYS) for a in rest)


@pytest.mark.parametrize(
    "row, day, kind",
    [
        ({"date_extracted": "2015-07-31 23:59:00"}, "2015-07-31", "extracted"),
        ({"date_extracted": "2015-08-01 00:10:00"}, "2015-08-01", "extracted, probably published"),
        ({"date": "2019/3/10", "date_extracted": "2019-03-12"}, "2019-03-10", "published"),
        ({}, None, None),
    ],
)
def test_row_dates_are_parsed_with_how_far_they_are_the_publication_day(write_file, row, day, kind):
    article = next(iter_articles(write_file("d.jsonl", json.dumps({"text": BODY, **row}))))
    assert (article.metadata["date"], article.metadata["date_kind"]) == (day, kind)


def test_an_unreadable_date_is_left_empty_with_a_warning(write_file):
    with pytest.warns(ArticleWarning, match="'last Tuesday' is not a YYYY-MM-DD date"):
        article = next(iter_articles(write_file("d.jsonl", json.dumps({"text": BODY, "date": "last Tuesday"}))))
    assert article.metadata["date"] is None


def test_table_without_text_column(write_file):
    with pytest.raises(ArticleError, match="no text column"):
        list(iter_articles(write_file("t.csv", "id,title\n1,x\n")))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")))
def test_decoding_any_bytes_gives_text_or_a_clear_error(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            text, encoding = decode_bytes(data, "<bytes>")
        except ArticleError as error:
            assert str(error).startswith("<bytes>: ") and error.problem
        else:
            assert text.strip() and encoding


@pytest.mark.parametrize(
    "body, problem",
    [
        ("قال الوزير «إن الاجتماع ناجح.", "« at offset 17 is never closed"),
        ("قال الوزير إن الاجتماع» ناجح.", "» at offset 28 closes nothing"),
        ('قال الوزير "إن الاجتماع ناجح.', '" at offset 17 is never closed'),
    ],
)
def test_unbalanced_quote_marks_warn_with_their_offsets(write_file, body, problem):
    with pytest.warns(ArticleWarning, match="unbalanced quotation marks") as caught:
        article = load_article(write_file("q.txt", "عنوان\n" + body))
    assert str(article.source) in str(caught[0].message) and problem in str(caught[0].message)


def test_balanced_and_reversed_nested_quotes_do_not_warn(seed, write_file):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_article(write_file("ok.txt", seed.text))


def test_quote_marks_are_paired_once_per_article(write_file, monkeypatch):
    """Loading (the unbalanced-marks check) and sentence splitting share Article.quote_pairs."""
    from helpers.text import loading, quotemarks, segment

    calls = []

    def counting(text, start, end):
        calls.append((start, end))
        return quotemarks.pair_quote_marks(text, start, end)

    monkeypatch.setattr(loading, "pair_quote_marks", counting)
    monkeypatch.setattr(segment, "pair_quote_marks", counting)
    article = load_article(write_file("q.txt", "العنوان\n\nقال «نعم. لا» ثم مضى.\n\nوأضاف: «كلا».\n"))
    assert [s for s in segment.split_sentences(article)] and len(article.sentences) == 3
    assert sorted(calls) == sorted((span.start, span.end) for _, span in article.blocks)
    assert [len(marks.quotes) for marks in article.quote_pairs] == [0, 1, 1]


def test_html_character_references_in_a_corpus_row_are_decoded_with_a_warning(tmp_path):
    """SaudiNewsNet keeps some quote marks as &quot; and &#8220;: decoded, so that quotations are seen."""
    row = {"id": "a1", "title": "&quot;موبايلي&quot;.. تعيين رئيس جديد",
           "content": "وقال المتحدث باسم الشركة: &#8220;نحن مستعدون للمرحلة المقبلة&#8221;."}
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = next(iter(iter_articles(path)))
    assert article.text.startswith('"موبايلي"') and "“نحن مستعدون للمرحلة المقبلة”" in article.text
    assert "&" not in article.text and article.metadata["title"] == '"موبايلي".. تعيين رئيس جديد'
    assert any("HTML character reference" in str(w.message) for w in caught)


def test_stray_control_characters_in_arabic_text_warn_but_do_not_refuse(tmp_path):
    """A SaudiNewsNet row carries 26 SUB characters among 2,000 Arabic letters: text, with a warning."""
    body = "\x1a" * 26 + " " + "قال الوزير إن الاجتماع ناجح وإن التعاون مستمر بين البلدين. " * 40
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "عنوان", "content": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.warns(ArticleWarning, match="26 control character"):
        article = next(iter(iter_articles(path)))
    assert article.text.count("\x1a") == 26
