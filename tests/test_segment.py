"""Sentences and tokens: exact offsets, punctuation split from words, no split inside quotations."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.text.loading import article_from_text
from helpers.text.segment import analyse_word, sentence_spans, split_proclitics, tokenize_span


def _tokens(text):
    return [surface for _, _, surface, _ in tokenize_span(text, 0, len(text))]


def _sentences(text):
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("«للمضي قدما بشراكتنا وجعلها أكثر كفاءة».", ["«", "للمضي", "قدما", "بشراكتنا", "وجعلها", "أكثر", "كفاءة", "»", "."]),
        ('مبادرة اسطنبول للتعاون".', ["مبادرة", "اسطنبول", "للتعاون", '"', "."]),
        ("حلف»ناتو«مع", ["حلف", "»", "ناتو", "«", "مع"]),
        ("في عام 2017 استقبلنا 1,000 ضابط و٢٠٠٤", ["في", "عام", "2017", "استقبلنا", "1,000", "ضابط", "و", "٢٠٠٤"]),
        ("نسبة 3.5% فقط", ["نسبة", "3.5", "%", "فقط"]),
        ("لـ «ناتو»", ["لـ", "«", "ناتو", "»"]),
        ("الأَمْنُ السِّيبرانيّ", ["الأَمْنُ", "السِّيبرانيّ"]),
        ("NATO's (ناتو) summit", ["NATO's", "(", "ناتو", ")", "summit"]),
        ("قال\u202eالوزير", ["قال", "الوزير"]),
        ("نعم، لا؛ لماذا؟", ["نعم", "،", "لا", "؛", "لماذا", "؟"]),
    ],
)
def test_tokens(text, expected):
    assert _tokens(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال الوزير إن الاجتماع ناجح. وأضاف أن التعاون مستمر.", ["قال الوزير إن الاجتماع ناجح.", "وأضاف أن التعاون مستمر."]),
        ("قال «هذا مهم. وهذا أهم». ثم غادر.", ["قال «هذا مهم. وهذا أهم».", "ثم غادر."]),
        ('قال "هذا مهم! وهذا أهم" ثم غادر؟ نعم.', ['قال "هذا مهم! وهذا أهم" ثم غادر؟', "نعم."]),
        ("افتتح في عام 2017. وبلغت الكلفة 3.5 مليون.", ["افتتح في عام 2017.", "وبلغت الكلفة 3.5 مليون."]),
        ("التقى د. محمد مع U.S. officials اليوم. ثم عاد.", ["التقى د. محمد مع U.S. officials اليوم.", "ثم عاد."]),
        ("قال «هذا مهم. وهذا أهم. ثم غادر.", ["قال «هذا مهم.", "وهذا أهم.", "ثم غادر."]),  # unclosed quote: split anyway
        ("انتهى الاجتماع...", ["انتهى الاجتماع..."]),
        # a stop glued to the next Arabic word still ends a sentence (the space is often left out) …
        ('وقال: "الوضع مستقر".وأضاف أن الحل قريب', ['وقال: "الوضع مستقر".', "وأضاف أن الحل قريب"]),
        ("بين الطرفين.وذكر المصدر أن النووي؟الأمير", ["بين الطرفين.", "وذكر المصدر أن النووي؟", "الأمير"]),
        ("قال «إنه مقلق.».وأضاف", ["قال «إنه مقلق.».", "وأضاف"]),
        ('تحدث: "نحن واثقون". \xa0 "آلام وعدم راحة"', ['تحدث: "نحن واثقون".', '"آلام وعدم راحة"']),
        # a word ending in tanween and alif (أيضًا، جدًا) is a word, not the abbreviation ا
        ("ويعتبر الاجتماع محوريًا. وكان الوزير قد صرح.", ["ويعتبر الاجتماع محوريًا.", "وكان الوزير قد صرح."]),
        # … but not inside an acronym or after an abbreviation
        ("أكدت إي.واي وبي.بي.سي ود.خليفة أن النمو قوي.", ["أكدت إي.واي وبي.بي.سي ود.خليفة أن النمو قوي."]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("وبالكويت", ("و+ب", True, "كويت")),
        ("للحلف", ("ل", True, "حلف")),
        ("والتدريبات", ("و", True, "تدريبات")),
        ("بلد", ("", False, "بلد")),
        ("ولد", ("", False, "ولد")),
        ("وقطر", ("و", False, "قطر")),
        ("الكويت", ("", True, "كويت")),
        ("فالامن", ("ف", True, "امن")),
    ],
)
def test_proclitics(word, expected):
    assert split_proclitics(word) == expected


@pytest.mark.parametrize(
    "surface, stem",
    [
        ("الكويت", "كويت"),  # Arabic script: the Arabic stemmer
        ("NATO's", "nato's"),  # any other script: lower-cased
        ("Bالكويت", "bالكويت"),  # by its first letter
        ("\u064e", ""),  # a lone mark normalises to nothing
    ],
)
def test_a_word_is_stemmed_by_the_script_it_starts_with(surface, stem):
    assert analyse_word(surface)[1] == stem


def test_seed_sentences_and_tokens(seed):
    assert len(seed.sentences) == 15  # kicker, headline and one sentence per body paragraph
    assert [s.para for s in seed.sentences] == [0, 0] + list(range(1, 14))
    assert all(seed.text[t.start : t.end] == t.surface for t in seed.tokens)
    words = [t for t in seed.tokens if t.kind == "word"]
    assert sum(t.norm == "ناتو" for t in words) == 13
    said = next(t for t in words if t.surface == "وقال")
    assert not said.is_stop and said.proclitics == "و"
    assert not next(t for t in words if t.surface == "امس").is_stop
    assert next(t for t in words if t.surface == "الذي").is_stop


ARABIC_HEAVY = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرزسشصضطظعغفقكلمنهوىيةأإآءئؤ") + list("٠١٢٣٤٥٦٧٨٩0123456789")
        + list(" \n\n.،؛؟!:«»“”\"()-ـًٌٍَُِّْ") + ["\u202e", "\u200f", "\u200c", "\ufefb", "A", "z", "é"]
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABIC_HEAVY)
def test_segmentation_never_raises_and_spans_reproduce_text(text):
    if not text.strip():
        return
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = article_from_text(text, source="<hypothesis>")
    for _, span in article.blocks:
        assert 0 <= span.start < span.end <= len(text)
    for sent in article.sentences:
        assert text[sent.start : sent.end].strip() == text[sent.start : sent.end] != ""
    previous_end = 0
    for token in article.tokens:
        assert text[token.start : token.end] == token.surface
        assert token.start >= previous_end
        previous_end = token.end
    assert all(c.isspace() or c in "\u202e\u200f\u200c" for c in _outside_tokens(text, article.tokens))


def _outside_tokens(text, tokens):
    covered = set()
    for t in tokens:
        covered.update(range(t.start, t.end))
    return [c for i, c in enumerate(text) if i not in covered]
