"""Each normalisation step on its own, at the start, middle and end of words, and composed."""
from __future__ import annotations

import pytest

from helpers.text import normalize as n


@pytest.mark.parametrize(
    "step, text, expected",
    [
        (n.remove_tatweel, "", ""),
        (n.remove_tatweel, "لـ «ناتو»", "ل «ناتو»"),
        (n.remove_tatweel, "الحـــلف", "الحلف"),
        (n.remove_tatweel, "ـالحلفـ", "الحلف"),
        (n.remove_diacritics, "", ""),
        (n.remove_diacritics, "الأَمْنُ", "الأمن"),
        (n.remove_diacritics, "مُهِمّاً", "مهما"),
        (n.remove_diacritics, "هٰذا", "هذا"),
        (n.remove_diacritics, "ًكتاب", "كتاب"),
        (n.normalize_alef, "", ""),
        (n.normalize_alef, "أمن", "امن"),
        (n.normalize_alef, "إسطنبول", "اسطنبول"),
        (n.normalize_alef, "القرآن", "القران"),
        (n.normalize_alef, "ٱلله", "الله"),
        (n.normalize_alef, "سأل", "سال"),
        (n.normalize_alef_maqsura, "على", "علي"),
        (n.normalize_alef_maqsura, "مستوى الأمن", "مستوي الأمن"),
        (n.normalize_alef_maqsura, "", ""),
        (n.normalize_ta_marbuta, "مبادرة", "مبادره"),
        (n.normalize_ta_marbuta, "ةة", "هه"),
        (n.normalize_persian_letters, "کویت", "كويت"),
        (n.normalize_persian_letters, "ی", "ي"),
        (n.normalize_digits, "٢٠١٧", "2017"),
        (n.normalize_digits, "عام ۲۰۰۴", "عام 2004"),
        (n.normalize_digits, "1000", "1000"),
        (n.normalize_punctuation, "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
        (n.normalize_punctuation, "٪٥", "%٥"),
        (n.remove_bidi_controls, "\u202eناتو\u202c", "ناتو"),
        (n.remove_bidi_controls, "NATO\u200f", "NATO"),
        (n.remove_bidi_controls, "\u2067ناتو\u2069 2017", "ناتو 2017"),
        (n.remove_zero_width, "ناتو\u200cالحلف", "ناتوالحلف"),
        (n.remove_zero_width, "\ufeffكشف", "كشف"),
        (n.normalize_unicode, "\ufefb", "لا"),  # lam-alef ligature, a presentation form
        (n.normalize_unicode, "\ufe8d\ufedf", "ال"),
        (n.normalize_unicode, "ا\u0654", "أ"),  # alef + combining hamza composes (NFC)
        (n.normalize_unicode, "½", "½"),  # NFKC is not applied outside presentation forms
    ],
)
def test_step(step, text, expected):
    assert step(text) == expected


def test_default_normalize_composes_steps():
    assert n.normalize("وأكَّدَ الأمينُ العامُّ لـ«ناتو» على ٢٠١٧") == "واكد الامين العام ل«ناتو» علي 2017"


def test_options_switch_steps():
    assert n.normalize("مبادرة") == "مبادرة"
    assert n.normalize("مبادرة", ta_marbuta=True) == "مبادره"
    assert n.normalize("أمن", alef=False) == "أمن"
    with pytest.raises(TypeError, match="unknown normalisation option"):
        n.normalize("x", hamza=True)


@pytest.mark.parametrize("text", ["وأكَّدَ", "الأمين", "إلى", "ﻻ", "٢٠١٧", "قال", "NATO", "x" * 80 + "أ"])
def test_a_word_is_normalised_as_a_text_is(text):
    """Words (up to SHORT_TEXT characters) are translated directly, longer texts at the characters that change."""
    assert n.normalize(text) == n.normalize(" " + text)[1:] == n.normalize(text + " " * n.SHORT_TEXT).rstrip()


@pytest.mark.parametrize("options", [{}, {"ta_marbuta": True}, {"alef": False}, {"unicode": False, "digits": False}, {"persian": False, "ta_marbuta": True}])
def test_a_long_text_is_translated_as_str_translate_does(options):
    """A long text's changed characters are replaced one after another, which equals translating
    only while no replacement holds a character the table changes (the steps' order sees to it)."""
    composition = n._composition(frozenset(options.items()))
    assert not [out for out in composition.table.values() if out and composition.changed.search(out)]
    text = "".join(map(chr, sorted(composition.table))) + " وأكَّدَ الأمينُ ﻻ ۃ ٢٠١٧ ـ على؟ " * 3
    assert n._translated(text, composition) == text.translate(composition.table)


def test_changed_forms_of_composed_words_are_their_normal_forms():
    words = ["قال", "أحد", "إلى", "مستشفى", "ناتو", "٢٠١٧", "الأمن"]
    assert list(n.changed_forms(words)) == [(w, n.normalize(w)) for w in words if n.normalize(w) != w]


@pytest.mark.parametrize(
    "text",
    ["", "الأَمْنُ السِّيبرانيّ", "لـ «ناتو»\u202e ٢٠١٧، ﻻ", "NATO and ناتو", "ا\u0654من"],
)
def test_offsets_map_back_to_the_original(text):
    norm, index = n.normalize_with_offsets(text)
    assert len(index) == len(norm) + 1 and index[-1] == len(text)
    assert norm == n.normalize(text)
    for i, char in enumerate(norm):
        assert char in n.normalize(text[index[i]])
