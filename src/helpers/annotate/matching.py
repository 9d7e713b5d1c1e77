"""Phrase matching over Arabic text: the matchable form of a text (normalised, quote marks and
brackets read as spaces, with a map back to the original offsets) and a multi-pattern matcher
with Arabic word boundaries and proclitics. Entities and themes both match through it."""
from __future__ import annotations

import bisect
import re
import unicodedata
import weakref
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import NamedTuple

import ahocorasick

from ..text.morphology import (
    ARTICLE, LAM_ARTICLE, PROCLITIC_SEQUENCES, PROCLITICS_BEFORE_ARTICLE, PROCLITICS_BEFORE_LAM_ARTICLE, has_article,
)
from ..text.normalize import normalize_with_offsets
from ..text.quotemarks import ALL_MARKS

# --- matchable text: normalised, quote marks and brackets read as spaces --------------------

#: Characters that separate words like a space when matching names and phrases.
SEPARATORS = ALL_MARKS | frozenset("'‘’()[]{}-–—_/")
#: A run of separators and white space, which matching reads as one space (or one line break);
#: a lone space is already what it should be and is left alone. The pattern opens with the class
#: (two or more, or one that is not a space), which lets the engine skip to the next candidate
#: (twice as fast as ``class{2,}|(?! )class`` over news text).
_SEPARATOR_CLASS = "[" + re.escape("".join(sorted(SEPARATORS))) + r"\s]"
SEPARATOR_RUN = re.compile(f"{_SEPARATOR_CLASS}(?:{_SEPARATOR_CLASS}+|(?<! ))")


def matchable(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` for phrase matching and map each character back to its original offset.

    Quote marks, brackets and dashes become spaces, runs of spaces collapse to one, and line
    breaks stay, so that no phrase matches across paragraphs. The map has a final entry
    ``len(text)`` like :func:`normalize_with_offsets`.
    """
    norm, index = normalize_with_offsets(text)
    pieces: list[str] = []
    offsets: list[int] = []
    copied = 0  # characters of norm before this one are in pieces
    for run in SEPARATOR_RUN.finditer(norm):
        start, end = run.span()
        pieces.append(norm[copied:start])
        offsets += index[copied:start]
        # one character for the run: a line break (at the run's last one) if it has any, else a space
        line_break = norm.rfind("\n", start, end)
        pieces.append(" " if line_break < 0 else "\n")
        offsets.append(index[start if line_break < 0 else line_break])
        copied = end
    pieces.append(norm[copied:])
    offsets.extend(index[copied : len(norm)])
    offsets.append(len(text))
    return "".join(pieces), offsets


_MATCHABLE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def article_matchable(article) -> tuple[str, list[int]]:
    """:func:`matchable` of ``article.text``, computed once per article (entities and themes share it)."""
    if article not in _MATCHABLE:
        _MATCHABLE[article] = matchable(article.text)
    return _MATCHABLE[article]


def phrase_key(phrase: str) -> str:
    """A phrase as the matcher stores it: normalised, separators as single spaces, trimmed."""
    return matchable(phrase.strip())[0].strip()


# --- the multi-pattern matcher -------------------------------------------------------------


class Hit(NamedTuple):
    """One occurrence of a phrase in a matchable string: ``[start, end)`` there, its payload. A named
    tuple: an article has dozens, and a frozen dataclass took three times as long to make."""

    start: int
    end: int
    payload: object
    proclitics: str


#: Any sequence of proclitics, as a set (morphology's tuple is searched one by one).
_ANY_PROCLITICS = frozenset(PROCLITIC_SEQUENCES)


class PhraseMatcher:
    """Every occurrence of many phrases in one pass (Aho–Corasick), with Arabic word boundaries.

    ``phrases`` maps a key (from :func:`phrase_key`) to a payload. A phrase that starts with the
    article ال also matches after the preposition ل written لل (للحلف); the hit then starts at
    the article's lam, and the proclitic ل is reported in :attr:`Hit.proclitics`.
    """

    def __init__(self, phrases: Mapping[str, object]):
        self.automaton = ahocorasick.Automaton()
        # key -> its readings: (payload, the proclitics allowed before the key, the proclitic ل
        # that its first letter is when the key writes a phrase's article as لل)
        entries: dict[str, list[tuple[object, frozenset[str], str]]] = {}
        for key, payload in phrases.items():
            entries.setdefault(key, []).append((payload, PROCLITICS_BEFORE_ARTICLE if key.startswith(ARTICLE) else _ANY_PROCLITICS, ""))
            if has_article(key):
                entries.setdefault(LAM_ARTICLE + key[len(ARTICLE) :], []).append((payload, PROCLITICS_BEFORE_LAM_ARTICLE, "ل"))
        for key, readings in entries.items():
            self.automaton.add_word(key, (len(key), readings))
        if entries:
            self.automaton.make_automaton()
        self.size = len(entries)

    def find(self, string: str) -> list[Hit]:
        """All boundary-respecting hits in ``string``, overlapping ones included."""
        if not self.size:
            return []
        hits = []
        size = len(string)
        for last, (length, readings) in self.automaton.iter(string):
            end = last + 1
            if end < size and string[end].isalnum():
                continue
            start = word_start = end - length
            while word_start > 0 and string[word_start - 1].isalnum():
                word_start -= 1
            prefix = string[word_start:start]
            for payload, allowed, lam in readings:
                if prefix in allowed:
                    hits.append(Hit(start + len(lam), end, payload, prefix + lam))
        return hits


def longest_first(hits: Iterable[Hit], taken: list[bool]) -> list[Hit]:
    """Non-overlapping hits, longest first (then leftmost), returned in text order.

    ``taken`` (one flag per character of the matched string) marks characters already claimed
    and is updated, so that a later call (the anaphors) can only add hits around earlier ones.
    """
    kept = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(taken[hit.start : hit.end]):
            taken[hit.start : hit.end] = [True] * (hit.end - hit.start)
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def original_span(text: str, index: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The span of ``text`` behind normalised ``[lo, hi)``, with trailing marks (غداً, ـ) included."""
    start, end = index[lo], index[hi - 1] + 1
    while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == "\u0640"):
        end += 1
    return start, end


def _sentence_at(sentences: list, offset: int, starts: list[int] | None = None):
    """The sentence containing ``offset`` (or the last one starting before it); ``starts``, the
    sentences' starts if the caller listed them, spares a key function call per bisection step."""
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.start) if starts is None else bisect.bisect_right(starts, offset)
    return sentences[max(i - 1, 0)]


def locate(article, offset: int) -> tuple[int, int]:
    """(para, sentence) of the sentence containing ``offset`` (or the last one starting before it)."""
    sentence = _sentence_at(article.sentences, offset)
    return sentence.para, sentence.sentence


def located_columns(article, items: list, names: list[str], **extra: list) -> dict[str, list]:
    """Columns ``names`` of matches that each have ``start``: doc_id, the (para, sentence) of the
    start, the ``extra`` columns given, and every other column read from the match's attribute."""
    sentences = article.sentences
    starts = [s.start for s in sentences]
    places = [_sentence_at(sentences, item.start, starts) for item in items]
    known = {"doc_id": [article.doc_id] * len(items), "para": [s.para for s in places], "sentence": [s.sentence for s in places], **extra}
    return {name: known[name] if name in known else list(map(attrgetter(name), items)) for name in names}
