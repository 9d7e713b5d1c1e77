"""The word-form sets that stand in for per-word tests in the name finder and the quote document:
a set look-up must say what the test says, for every word of real text and every proclitic form."""
from __future__ import annotations

import pytest

from helpers.annotate.entities import load_gazetteer
from helpers.annotate.names import load_names, spellings
from helpers.annotate.quotes.document import _cue_spellings, _opens_cue, _reads_as_cue
from helpers.annotate.quotes.lexicon import reporting_lexicon
from helpers.text.morphology import OBJECT_SUFFIXES, PROCLITIC_SEQUENCES, strip_proclitics


@pytest.fixture(scope="module")
def words(seed):
    """The seed article's words, with and without their first letter, each with every proclitic
    sequence before it and every object pronoun after it (وللرئيس، ووصفتها …)."""
    norms = {t.norm for t in seed.tokens if t.kind == "word"}
    stems = norms | {w[1:] for w in norms}
    return {p + w + s for w in stems for p in PROCLITIC_SEQUENCES for s in ("", *OBJECT_SUFFIXES)}


@pytest.mark.parametrize("name", ["title_first_words", "head_words", "stop_words", "given_names", "demonyms"])
def test_spellings_are_the_words_with_or_without_their_proclitics(words, name):
    lists = load_names()
    listed = load_gazetteer().demonym_keys if name == "demonyms" else getattr(lists, name)
    expected = {w for w in words if w in listed or strip_proclitics(w)[1] in listed}
    assert words & spellings(listed) == expected


def test_cue_spellings_are_the_words_that_read_as_or_open_a_cue(words):
    lexicon = reporting_lexicon()
    readings, openers = _cue_spellings(lexicon)
    assert words & readings == {w for w in words if _reads_as_cue(lexicon, w)}
    assert words & openers == {w for w in words if _opens_cue(lexicon, w)}
