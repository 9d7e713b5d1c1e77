"""Datelines and bylines: recognised on real SaudiNewsNet bodies and author fields, recorded on the
article, and kept out of paragraphs, sentences and tokens."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import paths
from helpers.text import datelines
from helpers.text.loading import article_from_text, iter_articles

REAL_NEWS = Path(__file__).parent / "fixtures" / "real_news"
QUIET = {"on_warning": lambda warning: None}


@pytest.fixture(scope="module")
def corpus():
    return list(iter_articles(paths.CORPUS, **QUIET))


# Author fields of the shipped corpus, as written (place, agency or outlet, reporter).
@pytest.mark.parametrize(
    "author, place, agency, reporter",
    [
        ("الرياض - الوئام :", "الرياض", "الوئام", None),
        ("العواصم: الوكالات", "العواصم", "الوكالات", None),
        ("واشنطن: محمد علي صالح", "واشنطن", None, "محمد علي صالح"),
        ("علي الزنقري من الرياض", "الرياض", None, "علي الزنقري"),
        ("&nbsp;أ ف ب (بولي علم)", "بولي علم", "أ ف ب", None),
        ("\xa0محمد المداح (واشنطن)", "واشنطن", None, "محمد المداح"),
        ("صفاء قره محمد ـ بيروت", "بيروت", None, "صفاء قره محمد"),
        ("سبق &ndash; وكالات:", None, "سبق، وكالات", None),
        ("الرياض، جدة، الكويت: واس", "الرياض، جدة، الكويت", "واس", None),
        ("المنامة، القاهرة: واس، هاني زايد", "المنامة، القاهرة", "واس", "هاني زايد"),
        ("غولوفينكا (روسيا):   أندرو إي. كريمر", "غولوفينكا، روسيا", None, "أندرو إي. كريمر"),
        ("بروكسل: عبد الله مصطفى لندن: «الشرق الأوسط»", "بروكسل، لندن", "الشرق الأوسط", "عبد الله مصطفى"),
        ("الكويت - د. ب. أ", "الكويت", "د. ب. أ", None),
        ("كتب - فرحان الجارالله:", None, None, "فرحان الجارالله"),
        ("«الاقتصادية» من الرياض", "الرياض", "الاقتصادية", None),
    ],
)
def test_author_fields_that_hold_a_dateline(author, place, agency, reporter):
    found = datelines.from_author(author)
    joined = ["، ".join(part) or None for part in (found.places, found.agencies, found.reporters)]
    assert joined == [place, agency, reporter]


@pytest.mark.parametrize("author", ["عبدالله الفرج", "د. خالد محمد باطرفي", "أيمـن الـحـمـاد", "كلمة اليوم", ""])
def test_a_columnists_name_is_not_a_dateline(author):
    assert datelines.from_author(author) is None


# Body openings of the shipped corpus: (first line, dateline as written, where the discourse resumes).
@pytest.mark.parametrize(
    "line, dateline, rest",
    [
        ("عين اليوم – الدمام", "عين اليوم – الدمام", ""),
        ("Next Previous عين اليوم – واس", "عين اليوم – واس", ""),
        ("سبق- الرياض: أعلنت شركة اتحاد اتصالات", "سبق- الرياض", "أعلنت شركة اتحاد اتصالات"),
        ("عيسى الحربي- سبق- الرياض: أعرب الأمين العام", "عيسى الحربي- سبق- الرياض", "أعرب الأمين العام"),
        ("واس - الكويت : أعرب رئيس مجلس الأمة", "واس - الكويت", "أعرب رئيس مجلس الأمة"),
        ("الرياضي ـ الكويت", "الرياضي ـ الكويت", ""),
        ("برلين 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "برلين 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", ""),
        ("عين اليوم – أسطنبول/ديار بكر", "عين اليوم – أسطنبول/ديار بكر", ""),
    ],
)
def test_body_openings_that_are_datelines(line, dateline, rest):
    found = datelines.find(line, 0, len(line))
    assert line[found.start : found.end] == dateline
    assert line[found.body :] == rest


@pytest.mark.parametrize(
    "line",
    [
        "قال وزير الخارجية عادل الجبير : إن عودة السفير السعودي إلى اليمن تتوقف",
        "الملاحظة الأولى: الولايات المتحدة رغم فترة العداء الشديدة",
        "يقول ماوتسي تونج: إن الأيديولوجيا تتغير",
        "جون كيري",  # a photo caption, not a dateline
        "الخليج يواجه عربدة ما بعد الاتفاق",
    ],
)
def test_body_openings_that_are_discourse(line):
    assert datelines.find(line, 0, len(line)) is None


def test_a_titles_place_after_a_preposition_is_not_a_reporter_and_place():
    """السفير السعودي في واشنطن: العلاقات متينة is a headline that attributes, not «reporter place:»
    (a reporter's name never ends with في، لدى …); a name run into the next credit's place still is."""
    assert datelines.parse("السفير السعودي في واشنطن: العلاقات متينة") is None
    article = article_from_text("السفير السعودي في واشنطن: العلاقات متينة\nقال المسؤول إن الأمر محسوم.", source="t", doc_id="t")
    assert article.headline is not None
    credits = datelines.parse("بروكسل: عبد الله مصطفى لندن: «الشرق الأوسط»")
    assert credits is not None and credits.reporters == ("عبد الله مصطفى",) and "لندن" in credits.places


def test_the_gold_datelines_and_no_others():
    gold = {}
    for batch in sorted(REAL_NEWS.glob("gold-batch*.jsonl")):
        for record in map(json.loads, batch.read_text(encoding="utf-8").splitlines()):
            if record["kind"] == "dateline":
                gold[record["article"]] = record["text"]
    assert len(gold) == 4
    articles = list(iter_articles(REAL_NEWS / "articles.jsonl", **QUIET))
    assert {a.doc_id: a.span_text(a.dateline) for a in articles if a.dateline} == gold


def test_a_jsonl_row_title_headline_dateline_and_paragraphs(corpus):
    article = next(a for a in corpus if a.doc_id == "snn-7e9f9608db4f")  # «سبق- وكالات: أعلنت …»
    assert article.text.startswith(article.metadata["title"] + "\n\n")
    assert article.span_text(article.headline) == article.metadata["title"]
    assert article.span_text(article.dateline) == "سبق- وكالات"
    assert article.span_text(article.paragraphs[0]).startswith("أعلن زعيم الجمهوريين")
    assert (article.metadata["dateline_agency"], article.metadata["dateline_in"]) == ("سبق، وكالات", "body")


def test_an_agency_dateline_keeps_its_date(corpus):
    article = next(a for a in corpus if a.metadata["outlet"] == "was" and a.dateline)
    assert article.metadata["dateline_date"].endswith("أغسطس 2015 م") and article.metadata["dateline_agency"] == "واس"


def test_bylines_repeat_the_title_or_the_author(corpus):
    article = next(a for a in corpus if a.metadata["title"].startswith("فوزية الحربي:"))
    assert article.span_text(article.dateline) == "فوزية الحربي"
    assert article.metadata["dateline_reporter"] == "فوزية الحربي"


def test_datelines_in_the_corpus_are_counted_and_kept_out_of_the_discourse(corpus):
    in_body = [a for a in corpus if a.dateline]
    assert 60 <= len(in_body) <= 70  # 63 when written: every sabq, was and 3alyoum opening
    assert sum(a.metadata["dateline_in"] == "author" for a in corpus) >= 590
    for article in in_body:
        span = article.dateline
        assert article.metadata["dateline"] == article.span_text(span)
        assert all(p.start >= span.end or p.end <= span.start for p in article.paragraphs)
        assert all(t.end <= span.start or t.start >= span.end for t in article.tokens)


def test_a_paragraph_that_is_only_a_dateline_is_kept_when_it_is_the_whole_body():
    article = article_from_text("عنوان الخبر\n\nالرياض - واس", source="t")
    assert article.dateline is None and len(article.paragraphs) == 1


def test_an_edited_outlet_table_is_read_again(tmp_path, monkeypatch):
    """A researcher who adds an outlet's dateline name in a live kernel sees it used at once."""
    import shutil

    from helpers.text import corpus_input, datelines

    copy = tmp_path / "outlets.yaml"
    shutil.copy(corpus_input.OUTLETS_FILE, copy)
    monkeypatch.setattr(corpus_input, "OUTLETS_FILE", copy)
    monkeypatch.setattr(datelines, "OUTLETS_FILE", copy)
    assert datelines.key("صحيفة التجربة") not in datelines.vocabulary()
    text = copy.read_text(encoding="utf-8").replace("dateline_names: [الشرق الأوسط,", "dateline_names: [صحيفة التجربة, الشرق الأوسط,", 1)
    copy.write_text(text + "\n", encoding="utf-8")
    assert datelines.vocabulary()[datelines.key("صحيفة التجربة")] == "agency"
    assert "صحيفة التجربة" in corpus_input.outlets()["aawsat"].dateline_names
