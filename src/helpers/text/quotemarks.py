"""Pair quotation marks in Arabic news text: «…», “…”, "…", and nested quotes that arrive reversed.

This is the one place that decides which marks open and close, used by sentence splitting
(never split inside a quotation) and by the quotes extractor. Pairing is done within one
paragraph: Arabic news closes its quotes before the paragraph ends, or leaves them unclosed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPENERS = {"«": "»", "“": "”", "„": "”", "‹": "›"}
CLOSERS = {v: k for k, v in OPENERS.items()}
STRAIGHT = '"'
#: Every quote mark, the one set the package reads as quote marks (lists of punctuation elsewhere
#: are built from it: names, matching, word counts, the quotes extractor).
ALL_MARKS = frozenset(OPENERS) | frozenset(CLOSERS) | {STRAIGHT}
#: The quote marks as the inside of a regular-expression character class.
MARK_CLASS = re.escape("".join(sorted(ALL_MARKS)))
#: Words a reversed nested pair (»داعش«) may hold, and the characters searched for its second mark.
REVERSED_PAIR_MAX_WORDS = 6
REVERSED_PAIR_MAX_CHARS = 200
MARK = re.compile(f"[{MARK_CLASS}]")
CURLY_DOUBLE = re.compile("[“”]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted region: the marks at ``open`` and ``close`` (``close`` is None when unclosed).

    ``start``/``end`` delimit the words inside the marks; ``depth`` is 0 for outermost quotes;
    ``reversed_marks`` is True for a nested pair written »…« inside «…».
    """

    open: int
    close: int | None
    start: int
    end: int
    mark: str
    depth: int
    reversed_marks: bool = False

    @property
    def unclosed(self) -> bool:
        return self.close is None

    @property
    def outer_end(self) -> int:
        return self.end if self.close is None else self.close + 1


@dataclass(frozen=True)
class QuoteMarks:
    """The paired quotes of a region and the closing marks that matched nothing."""

    quotes: list[QuoteSpan]
    stray: list[int]


def _is_word_char(ch: str) -> bool:
    """A letter or digit, or a diacritic on one (عاماً": the tanween ends the word)."""
    return ch.isalnum() or unicodedata.category(ch) == "Mn"


def _straight_opens(text: str, i: int, lo: int, hi: int) -> bool:
    """A straight quote opens when it has no word character before it and one after it."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not _is_word_char(before) and not after.isspace()


def _no_closer_ahead(text: str, i: int, hi: int) -> bool:
    """No ” after offset i that it could pair with: none at all, or a “ comes first (that one opens)."""
    ahead = CURLY_DOUBLE.search(text, i + 1, hi)
    return ahead is None or ahead.group() == "“"


def _reversed_pair_ahead(text: str, i: int, hi: int, closer: str, opener: str) -> int | None:
    """At a closer glued to the word after it inside a quote (حلف»ناتو«مع، وتنظيم »داعش« في), find
    the opener glued to the word before it, a few words on."""
    if not (0 < i < hi - 1 and _is_word_char(text[i + 1])):
        return None
    j = text.find(opener, i + 1, min(hi, i + 1 + REVERSED_PAIR_MAX_CHARS))
    if j == -1 or j + 1 >= hi or not _is_word_char(text[j - 1]):
        return None
    if any(c in ALL_MARKS for c in text[i + 1 : j]) or len(text[i + 1 : j].split()) > REVERSED_PAIR_MAX_WORDS:
        return None
    return j


def pair_quote_marks(text: str, start: int = 0, end: int | None = None) -> QuoteMarks:
    """Pair the quotation marks of ``text[start:end]`` (one paragraph).

    An opener that is never closed quotes up to the next opener left open after it (its closer was
    left out), else up to its outer quote's closer or the paragraph's end; so unclosed quotes never
    overlap, and the work and the quoted text stay linear in the paragraph, whatever its marks."""
    end = len(text) if end is None else end
    if MARK.search(text, start, end) is None:
        return QuoteMarks([], [])  # two paragraphs in three of the news quote nothing
    stack: list[tuple[str, int]] = []  # (expected closer, offset of opener)
    open_count: dict[str, int] = {}  # openers on the stack by expected closer
    last_mark = {c: text.rfind(c, start, end) for c in CLOSERS}
    quotes: list[QuoteSpan] = []
    stray: list[int] = []

    def push(expected: str, offset: int) -> None:
        stack.append((expected, offset))
        open_count[expected] = open_count.get(expected, 0) + 1

    def unclosed(opened: int, until: int, depth: int) -> None:
        """An opener never closed: a quotation up to ``until``, or a stray mark when it quotes nothing (««)."""
        if text[opened + 1 : until].strip():
            quotes.append(QuoteSpan(opened, None, opened + 1, until, text[opened], depth))
        else:
            stray.append(opened)

    def pop() -> tuple[str, int]:
        expected, offset = stack.pop()
        open_count[expected] -= 1
        return expected, offset

    i = start
    while (mark := MARK.search(text, i, end)) is not None:
        i = mark.start()
        ch = text[i]
        # reversed nested pair »…« inside an open «…»
        if ch in CLOSERS and stack and stack[-1][0] == ch:
            j = _reversed_pair_ahead(text, i, end, ch, CLOSERS[ch])
            if j is not None and last_mark[ch] > j:
                quotes.append(QuoteSpan(i, j, i + 1, j, ch, len(stack), reversed_marks=True))
                i = j + 1
                continue
        if ch == STRAIGHT:
            if stack and stack[-1][0] == STRAIGHT and not _straight_opens(text, i, start, end):
                _, opened = pop()
                quotes.append(QuoteSpan(opened, i, opened + 1, i, STRAIGHT, len(stack)))
            elif _straight_opens(text, i, start, end):
                push(STRAIGHT, i)
            elif stack and stack[-1][0] == STRAIGHT:
                _, opened = pop()
                quotes.append(QuoteSpan(opened, i, opened + 1, i, STRAIGHT, len(stack)))
            elif text.find(STRAIGHT, i + 1, end) != -1:
                push(STRAIGHT, i)  # spaced on both sides (" نعم "): a later mark closes it
            else:
                stray.append(i)
        elif ch in CLOSERS and open_count.get(ch):
            # close the innermost matching opener; openers above it were never closed
            unclosed_end = i
            while stack:
                expected, opened = pop()
                if expected == ch:
                    quotes.append(QuoteSpan(opened, i, opened + 1, i, text[opened], len(stack)))
                    break
                unclosed(opened, unclosed_end, len(stack))
                unclosed_end = opened
        elif ch in OPENERS:
            push(OPENERS[ch], i)
        elif ch == "”" and not stack and not _straight_opens(text, i, start, end) and _no_closer_ahead(text, i, end):
            stray.append(i)  # …الرياض”، مشيرا إلى أننا “…”: a closer glued to its word, with no opener
        elif ch == "”" and not stack:
            # ” used for both marks: treat like a straight quote
            push("”", i)
        else:
            stray.append(i)
        i += 1
    para_end = end
    while para_end > start and text[para_end - 1].isspace():
        para_end -= 1
    for depth, (_, opened) in enumerate(stack):
        unclosed(opened, stack[depth + 1][1] if depth + 1 < len(stack) else para_end, depth)
    quotes.sort(key=lambda q: (q.open, q.depth))
    stray.sort()
    return QuoteMarks(quotes, stray)
