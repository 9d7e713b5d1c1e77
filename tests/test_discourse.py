"""Discourse measures: counts checked by hand on the seed, keyness, KWIC offsets, and other articles."""
from __future__ import annotations

import math
import re
import subprocess
import sys
from collections import Counter

import pytest

from helpers.analysis import discourse
from helpers.figures.html import kwic_html
from helpers.text.loading import article_from_text
from helpers.text.normalize import normalize

#: A second article, written for these tests in another outlet's style: straight quotes, الناتو
#: with the article, إسطنبول with hamza, a single title line, a background paragraph (يذكر أن).
SECOND_ARTICLE = """وزير الخارجية: الشراكة مع "الناتو" ذات أهمية بالغة

الدوحة - أكد وزير الخارجية خلال استقباله وفدا من حلف الناتو أمس أن الشراكة مع الحلف "ذات أهمية بالغة لأمن المنطقة"، مشيرا إلى أن مبادرة إسطنبول للتعاون ما زالت إطارا مهما للحوار.
وقال الوزير إن التحديات في الخليج تتطلب "تعاونا أوثق في الأمن البحري ومواجهة التهديدات الإلكترونية".
من جهته، أعرب رئيس الوفد عن سعادته بالزيارة، وقال: "نقدر دور الدوحة في مبادرة إسطنبول ونسعى إلى تعزيز الشراكة".
يذكر أن قطر انضمت إلى مبادرة اسطنبول للتعاون عام 2005، إلى جانب البحرين والكويت والإمارات.
"""


@pytest.fixture(scope="module")
def second():
    return article_from_text(SECOND_ARTICLE, source="test:second-article", doc_id="second")


def _text(body: str):
    return article_from_text(body, source="test", doc_id="t")


# --- counts verified by reading the seed -----------------------------------------------------------

#: ناتو by paragraph (0 = kicker and headline): «ناتو»: in the headline, (ناتو) and مجلس «ناتو» in
#: paragraph 1, قمة «ناتو» and حلف»ناتو« in 3, then one each in 5 «ناتو», 6 (ناتو), 8 «ناتو»,
#: 9 لحلف»ناتو«, 10 (ناتو), 11 (ناتو), 12 سفراء «ناتو», 13 لـ «ناتو».
NATO_BY_PARA = {0: 1, 1: 2, 3: 2, 5: 1, 6: 1, 8: 1, 9: 1, 10: 1, 11: 1, 12: 1, 13: 1}
#: مبادرة اسطنبول: the kicker, ومبادرة اسطنبول and «…اطار مبادرة اسطنبول» in 1, one in 3, two in 9
#: (شركاء مبادرة اسطنبول, وتظل مبادرة اسطنبول), one each in 11, 12 and 13.
ICI_BY_PARA = {0: 1, 1: 2, 3: 1, 9: 2, 11: 1, 12: 1, 13: 1}


@pytest.mark.parametrize("term, by_para", [("ناتو", NATO_BY_PARA), ("مبادرة اسطنبول", ICI_BY_PARA), ("مبادرة إسطنبول", ICI_BY_PARA)])
def test_seed_term_counts_by_paragraph(seed, term, by_para):
    matches = discourse.find_term(seed, term)
    assert dict(Counter(m.para for m in matches)) == by_para
    assert len(matches) == sum(by_para.values())


def test_seed_totals(seed):
    counts = discourse.term_counts(seed, ["ناتو", "مبادرة اسطنبول", "الأمن", "أمن", "حلف شمال الأطلسي"]).set_index("term")["count"]
    # والأمن ×3; أمن also matches أمن ×2, وأمن ×1 (a term without ال accepts it with ال)
    assert counts.to_dict() == {"ناتو": 13, "مبادرة اسطنبول": 9, "الأمن": 3, "أمن": 6, "حلف شمال الأطلسي": 3}


@pytest.mark.parametrize("surface", ["لـ «ناتو»", "لحلف»ناتو«وتظل", "(ناتو)", "«ناتو»:"])
def test_seed_nato_in_marks_and_after_clitics(seed, surface):
    offset = seed.text.index(surface)
    nato = seed.text.index("ناتو", offset)
    assert any(m.start == nato for m in discourse.find_term(seed, "ناتو"))


def test_seed_frequencies_are_counts_of_normalised_forms(seed):
    table = discourse.frequencies(seed).set_index("form")
    assert table.loc["ناتو", "count"] == 13
    assert table.loc["الاطلسي", "count"] == 4  # الأطلسي ×3 + الاطلسي ×1, one form after normalisation
    assert not set(table.index) & {"في", "من", "الذي", "ان"}  # the stop list
    base = discourse.frequencies(seed, unit="base").set_index("form")
    assert base.loc["مبادرة", "count"] == 10  # مبادرة ×8, ومبادرة, والمبادرة
    assert base.loc["حلف", "count"] == 11  # حلف ×5, الحلف ×3, لحلف ×2, للحلف
    stems = discourse.frequencies(seed, unit="stem")
    assert stems["count"].sum() == discourse.frequencies(seed)["count"].sum()


def test_seed_ngrams(seed):
    bigrams = discourse.ngrams(seed, 2, unit="base").set_index("ngram")
    assert bigrams.loc["مبادرة اسطنبول", "count"] == 9
    trigrams = discourse.ngrams(seed, 3).set_index("ngram")
    assert trigrams.loc["مبادرة اسطنبول للتعاون", "count"] == 5
    assert "حلف ناتو" in discourse.ngrams(seed, 2).ngram.values  # حلف»ناتو« and حلف (ناتو): marks do not break


# --- term matching --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, term, expected",
    [
        ("وصل الوفد إلى الكويت", "الكويت", 1),
        ("أشاد بجهود والكويت وبالكويت وللكويت", "الكويت", 3),
        ("اجتماع للحلف", "الحلف", 1),
        ("اجتماع للحلف", "حلف", 1),
        ("قمة الناتو", "ناتو", 1),
        ("قمة ناتو", "الناتو", 0),
        ("الشعب الكويتي", "الكويت", 0),
        ("حلف»ناتو«مع", "حلف ناتو", 1),
        ("الحلف، ناتو", "حلف ناتو", 0),
        ("عن سعادته وسعادتهم", "سعادة", 2),
        ("سعادات", "سعادة", 0),
        ("تحديد الموعد", "تحدي", 0),
        ("الأمْنُ الإقليميّ", "الامن الاقليمي", 1),
        ("المبادرة والمبادرات", "مبادر*", 2),
        ("الى إسطنبول", "اسطنبول", 1),
    ],
)
def test_find_term(text, term, expected):
    assert len(discourse.find_term(_text(text), term)) == expected


@pytest.mark.parametrize("term", ["", "  ", "*", "ناتو *"])
def test_unusable_term(term):
    with pytest.raises(ValueError):
        discourse.compile_term(term)


# --- keyness ---------------------------------------------------------------------------------------


def test_log_likelihood_and_log_ratio_by_hand():
    # 10 in 1,000 words against 100 in 1,000,000: E1 = 1000·110/1001000, E2 = 1000000·110/1001000
    e1, e2 = 1000 * 110 / 1_001_000, 1_000_000 * 110 / 1_001_000
    assert discourse.log_likelihood(10, 100, 1000, 1_000_000) == pytest.approx(2 * (10 * math.log(10 / e1) + 100 * math.log(100 / e2)))
    assert discourse.log_likelihood(5, 5000, 1000, 1_000_000) == pytest.approx(0.0)
    assert discourse.log_ratio(10, 100, 1000, 1_000_000) == pytest.approx(math.log2(100))
    assert discourse.log_ratio(3, 0, 1000, 1_000_000) == pytest.approx(math.log2((3 / 1000) / (0.5 / 1_000_000)))
    assert discourse.chi2_p_value(3.841458820694124) == pytest.approx(0.05)


ARTICLE_TERMS = ("ناتو", "مبادرة", "اسطنبول", "الاطلسي", "للتعاون", "الاقليمي")
FREQUENT_FUNCTION_WORDS = ("في", "من", "ان", "علي", "الذي", "التي", "عن")


def test_keyness_ranks_article_terms_above_function_words(seed):
    table = discourse.keyness(seed, min_count=1)
    rank = table.set_index("form")["rank"]
    function_words = table[table.is_stop]
    assert len(function_words) >= 15
    assert max(rank[t] for t in ARTICLE_TERMS) < function_words["rank"].min()
    # الخليجي occurs once: G² still puts it above the common function words
    assert rank["الخليجي"] < min(rank[t] for t in FREQUENT_FUNCTION_WORDS)
    assert table.iloc[0].form == "ناتو"
    assert (table.set_index("form").loc[["ناتو", "مبادرة"], "p_value"] < 1e-6).all()


def test_keyness_by_log_ratio_puts_every_article_term_above_every_function_word(seed):
    table = discourse.keyness(seed, min_count=1, sort_by="log_ratio")
    rank = table.set_index("form")["rank"]
    assert max(rank[t] for t in ARTICLE_TERMS + ("الخليجي",)) < table[table.is_stop]["rank"].min()


def test_reference_is_built_lazily_not_at_import():
    code = "import sys, helpers.analysis.discourse.counts as c; print('wordfreq' in sys.modules, c._reference_counts.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "0"]


def test_reference_entries_are_normalised():
    reference = discourse.reference_counts()
    assert "إسطنبول" not in reference and reference["اسطنبول"] > 0
    assert all(form == normalize(form) for form in list(reference)[:5000])


# --- KWIC, collocations, dispersion ------------------------------------------------------------------


def test_kwic_lines_hold_the_keyword_at_their_offsets(seed):
    lines = discourse.kwic(seed, ["ناتو", "مبادرة اسطنبول"], context=5)
    assert len(lines) == 13 + 9
    for line in lines.itertuples():
        assert seed.text[line.start : line.end] == line.keyword
        block = seed.text[seed.text.rfind("\n", 0, line.start) + 1 :].split("\n", 1)[0]
        assert f"{line.before} {line.keyword}".strip() in block or line.before.endswith(("«", "(", "»"))
        assert len(re.findall(r"\w+", line.before)) <= 5 and len(re.findall(r"\w+", line.after)) <= 5
    assert "ومبادرة اسطنبول" in set(lines.keyword)


def test_kwic_html_is_right_to_left(seed):
    page = kwic_html(discourse.kwic(seed, "ناتو"))
    assert page.startswith('<div dir="rtl"') and page.count("<tr>") == 13 + 1


def test_collocations(seed):
    table = discourse.collocations(seed, "ناتو", window=4, min_count=2)
    assert (table["count"] >= 2).all() and not table.collocate.isin(["في", "من"]).any()
    top = table.iloc[0]
    assert top.collocate == "حلف" and top.g2 > 0 and top.pmi > 0
    assert (table["before"] + table["after"] == table["count"]).all()
    assert discourse.collocations(seed, "مبادرة اسطنبول", measure="pmi").pmi.is_monotonic_decreasing


def test_dispersion(seed):
    positions = discourse.dispersion(seed, ["ناتو", "الكويت"])
    assert positions.position.between(0, 1).all()
    nato = positions[positions.term == "ناتو"]
    assert nato.position.is_monotonic_increasing and list(nato.para) == sorted(
        p for p, n in NATO_BY_PARA.items() for _ in range(n)
    )
    summary = discourse.dispersion_summary(seed, ["ناتو", "غير موجود"]).set_index("term")
    assert summary.loc["ناتو", "paragraphs"] == len(NATO_BY_PARA)
    assert 0 <= summary.loc["ناتو", "dp"] < 0.5 and math.isnan(summary.loc["غير موجود", "dp"])


# --- other articles, several at once ------------------------------------------------------------------


def test_second_article(second):
    counts = discourse.term_counts(second, ["ناتو", "مبادرة اسطنبول", "الحلف"]).set_index("term")["count"]
    assert counts.to_dict() == {"ناتو": 2, "مبادرة اسطنبول": 3, "الحلف": 1}
    lines = discourse.kwic(second, "مبادرة اسطنبول")
    assert all(second.text[r.start : r.end] == r.keyword for r in lines.itertuples())
    assert discourse.keyness(second, min_count=1).iloc[:10].form.isin(["مبادرة", "اسطنبول", "الناتو"]).sum() >= 2


def test_several_articles_at_once(seed, second):
    both = [seed, second]
    frequencies = discourse.frequencies(both).set_index("form")
    assert frequencies.loc["مبادرة", "docs"] == 2
    assert frequencies.loc["مبادرة", "count"] == 8 + 3
    assert discourse.term_counts(both, "ناتو")["count"].tolist() == [13, 2]
    assert set(discourse.kwic(both, "ناتو").doc_id) == {seed.doc_id, "second"}
    assert set(discourse.dispersion(both, "مبادرة اسطنبول").doc_id) == {seed.doc_id, "second"}
    assert discourse.keyness(both)["count"].sum() <= len(discourse.word_tokens(seed)) + len(discourse.word_tokens(second))
    assert len(discourse.collocations(both, "مبادرة اسطنبول", min_count=1)) > 0


@pytest.mark.parametrize("bad", [[], ["not an article"], None])
def test_bad_input(bad):
    with pytest.raises(TypeError):
        discourse.frequencies(bad)


# --- evaluative lexicon ----------------------------------------------------------------------------------


def test_evaluative_lexicon_is_valid():
    lexicon = discourse.evaluative_lexicon()
    assert set(lexicon.polarity) <= set(discourse.POLARITIES)
    assert {"أهمية", "فريد*", "مهما", "فخر*", "سعادة", "قيمة", "تعزيز*"} <= set(lexicon.term)
    assert lexicon.term.is_unique


def test_bad_evaluative_lexicon_names_file_and_line(tmp_path):
    bad = tmp_path / "evaluative.csv"
    bad.write_text("term,polarity,category\nأهمية,positive,importance\nفخر,great,affect\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"evaluative.csv, line 3"):
        discourse.evaluative_lexicon(bad)


def test_an_edited_evaluative_lexicon_is_read_again(tmp_path):
    path = tmp_path / "evaluative.csv"
    path.write_text("term,polarity,category\nأهمية,positive,importance\n", encoding="utf-8")
    assert list(discourse.evaluative_lexicon(path).term) == ["أهمية"]
    path.write_text("term,polarity,category\nأهمية,positive,importance\nكارثة,negative,threat\n", encoding="utf-8")
    assert list(discourse.evaluative_lexicon(path).term) == ["أهمية", "كارثة"]


#: The evaluative expressions of the seed, read by hand against data/evaluative.csv: التقدم (headline
#: and paragraph 1), المثلى and كفاءة (2), الأزمات، الكوارث، والكوارث (4), مهما (5), لتطوير، الأزمات،
#: التهديدات (7), أهمية، استراتيجية، فريدة (9), عدم الاستقرار، قيمة، من أي وقت مضى (10), اشاد، لتعزيز،
#: أهمية، كبرى (11), فخره، وسعادته، التاريخي (12), ورحب (13).
SEED_EVALUATIONS = {0: 1, 1: 1, 2: 2, 4: 3, 5: 1, 7: 3, 9: 3, 10: 3, 11: 4, 12: 3, 13: 1}


def test_seed_evaluative_language(seed):
    found = discourse.evaluative_language(seed)
    assert dict(Counter(found.para)) == SEED_EVALUATIONS
    assert all(seed.text[r.start : r.end] == r.text for r in found.itertuples())
    assert set(found.voice) <= set(discourse.VOICES)
    by_polarity = found.polarity.value_counts().to_dict()
    assert by_polarity == {"positive": 17, "negative": 6, "neutral": 2}
    # the quoted official's words in paragraph 9 are his evaluation, not the journalist's
    assert set(found[found.para == 9].voice) == {"quoted"}


def test_evaluation_by_voice_adds_up(seed):
    table = discourse.evaluation_by_voice(seed).set_index("voice")
    assert table.total.sum() == sum(SEED_EVALUATIONS.values())
    assert table.words.sum() == len(discourse.word_tokens(seed))
    assert (table.per_1000_words == 1000 * table.total / table.words).all()


def test_voice_share(seed, second):
    for article in (seed, second):
        shares = discourse.voice_share(article)
        assert shares.words.sum() == len(discourse.word_tokens(article))
        assert shares.word_share.sum() == pytest.approx(1) and shares.char_share.sum() == pytest.approx(1)
    by_speaker = discourse.voice_share(seed, by="speaker")
    assert by_speaker.words.sum() == len(discourse.word_tokens(seed))


@pytest.mark.parametrize(
    "text, marker, expected",
    [
        ("وكان الوزير قد أعلن أمس", "كان … قد", 1),
        ("وكان الأمين العام لحلف شمال الأطلسي (ناتو) ينس شتولتنبرغ قد اشاد", "كان … قد", 1),
        ("كان الاجتماع مثمرا. وقد بحث الطرفان", "كان … قد", 0),
        ("يذكر أن قطر انضمت", "يذكر أن", 1),
    ],
)
def test_background_markers(text, marker, expected):
    assert len(discourse.find_marker(_text(text), marker)) == expected


def test_seed_paragraph_roles(seed):
    roles = discourse.paragraph_roles(seed)
    body = roles[roles.block == "body"].set_index("para")
    assert list(roles.role[:2]) == ["kicker", "headline"]
    assert body.role[1] == "lead" and body.role[13] == "closing"
    assert all(body.content_role[p] == "quotation" for p in (6, 7, 10))  # direct quotes only
    assert body.content_role[11] == "background"  # وكان الأمين العام … قد اشاد
    assert body.content_role[8] == "attribution"  # وتابع قائلا ان …
    shares = roles[[f"{v}_share" for v in discourse.VOICES]].sum(axis=1)
    assert shares.to_numpy() == pytest.approx(1)


def test_second_article_paragraph_roles(second):
    roles = discourse.paragraph_roles(second)
    body = roles[roles.block == "body"].set_index("para")
    assert list(body.role) == ["lead", *body.content_role.iloc[1:-1], "closing"]
    assert body.content_role.iloc[-1] == "background"  # يذكر أن قطر انضمت … عام 2005


def test_several_articles_voices_and_roles(seed, second):
    both = [seed, second]
    assert set(discourse.paragraph_roles(both).doc_id) == {seed.doc_id, "second"}
    assert discourse.voice_share(both).words.sum() == sum(len(discourse.word_tokens(a)) for a in both)
    assert len(discourse.evaluative_language(both)) == sum(len(discourse.evaluative_language(a)) for a in both)


@pytest.mark.parametrize("word, base", [("وكانت", "كانت"), ("والناتو", "ناتو"), ("وزير", "وزير"), ("ليبيا", "ليبيا"), ("الذي", "الذي")])
def test_base_form_keeps_words_and_function_words_whole(word, base):
    assert discourse.base_form(word) == base
