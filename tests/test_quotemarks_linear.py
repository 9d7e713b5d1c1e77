"""Unclosed quote marks never overlap, so the quoted text (and the work on it) stays linear in the
paragraph whatever its marks: a line of thousands of «« must not quote the rest of the line once
per mark."""
from __future__ import annotations

import pytest

from helpers.text.quotemarks import pair_quote_marks


@pytest.mark.parametrize("line", [
    "قال الوزير " + "«" * 5000 + " إن التعاون مهم.",
    "قال الوزير " + "«كلام " * 3000 + "» انتهى.",
    "قال " + "“نعم " * 3000,
])
def test_unclosed_marks_quote_disjoint_stretches(line):
    quotes = pair_quote_marks(line).quotes
    unclosed = sorted((q.start, q.end) for q in quotes if q.unclosed)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(unclosed, unclosed[1:]))
    assert sum(q.end - q.start for q in quotes) <= 2 * len(line)


def test_an_unclosed_quote_still_runs_to_the_paragraph_end():
    text = "وقال: «إن الحلف ملتزم بأمن الخليج"
    (quote,) = pair_quote_marks(text).quotes
    assert quote.unclosed and text[quote.start:quote.end] == "إن الحلف ملتزم بأمن الخليج"


def test_an_unclosed_quote_ends_where_the_next_one_opens():
    text = "قال «أولا ثم أضاف «ثانيا"
    first, second = pair_quote_marks(text).quotes
    assert text[first.start:first.end].strip() == "أولا ثم أضاف" and text[second.start:second.end] == "ثانيا"


def test_an_opener_that_quotes_nothing_is_a_stray_mark():
    text = "قال «« «إن الحلف ملتزم"
    marks = pair_quote_marks(text)
    assert [text[q.start:q.end] for q in marks.quotes] == ["إن الحلف ملتزم"] and marks.stray == [4, 5]


@pytest.mark.parametrize("text", [
    "وأعلن عن تأسيس مركز مقره الرياض”، مشيرا إلى أن العمل سيبدأ قريبا.",
    "وأعلن عن تأسيس مركز مقره الرياض”، مشيرا إلى أننا “سنستمر في جهودنا”.",
])
def test_a_closing_mark_glued_to_its_word_with_no_opener_is_stray(text):
    """A ” after a word whose opener was left out does not open a quotation running to the end."""
    marks = pair_quote_marks(text)
    stray = text.index("”")
    assert stray in marks.stray and all(q.open != stray for q in marks.quotes)
    assert [text[q.start:q.end] for q in marks.quotes] == (["سنستمر في جهودنا"] if "“" in text else [])
