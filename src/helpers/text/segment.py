"""Sentences and tokens with exact character offsets: ``article.text[start:end]`` is the surface form.

Quote marks and punctuation are always tokens of their own (``كفاءة».`` is three tokens), numbers
such as 2017, 1,000 or ٢٠١٧ stay whole, and sentences never end inside a closed quotation.
"""
from __future__ import annotations

import weakref
from functools import lru_cache, partial
from typing import NamedTuple

import regex
import Stemmer

from .lexicons import wordlist
from .morphology import function_word, split_proclitics
from .normalize import normalize
from .quotemarks import QuoteMarks, pair_quote_marks

#: The three kinds of token. A word is a letter or mark, then letters, marks, tatweel and joiners,
#: with an apostrophe inside only before a letter (the loop unrolled: a quarter less time than one
#: alternation per character). A token's first character tells its kind: a digit, a letter or mark,
#: anything else but a space or a format character (these alone are skipped between tokens).
TOKEN_KINDS = {
    "number": r"\p{Nd}+(?:[.,٫٬]\p{Nd}+)*",
    "word": r"[\p{L}\p{M}][\p{L}\p{M}\u0640\u200c\u200d]*(?:['’](?=\p{L})[\p{L}\p{M}\u0640\u200c\u200d]*)*",
    "punct": r"[^\s\p{Cf}]",
}
TOKEN_RE = regex.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in TOKEN_KINDS.items()), regex.V1)
#: :data:`TOKEN_RE` without groups, for ``findall``: the tokens' text, in C, without a match object each.
TOKEN_TEXT_RE = regex.compile("|".join(f"(?:{pattern})" for pattern in TOKEN_KINDS.values()), regex.V1)
#: A sentence ends at a stop (and the closing marks after it) before a space, the end, or an Arabic
#: letter: outlets often leave out the space (".وقال، الطرفين.وذكر، النووي؟الأمير).
SENTENCE_END = regex.compile(
    r"(?:[.!?؟…]+|\.{3})(?:(?P<closers>[\s]*[»”\"')\]›]+)?(?=\s|$)|(?P<glued>[»”\"')\]›]*)(?=\p{Arabic}))"
)
#: After a full stop glued to the next word: an acronym that goes on (بي.بي.سي) or one of two
#: short parts (إي.واي), not a new sentence.
ACRONYM_GOES_ON = regex.compile(r"\p{L}+\.\p{L}")
ACRONYM_SHORT_PARTS = regex.compile(r"(?<=(?<!\p{L})\p{L}{1,2})\.\p{L}{1,3}(?!\p{L})")
#: A word in Arabic script, stemmed by the Arabic stemmer (any other word is lower-cased).
ARABIC_LETTER = regex.compile(r"\p{Arabic}")
#: The letters and full stops just before a full stop (U.S in U.S., د in د.).
WORD_BEFORE_STOP = regex.compile(r"[\p{L}\p{M}.]+$")
#: Abbreviations that end in a full stop without ending a sentence (normalised, without the stop).
ABBREVIATIONS = frozenset({"د", "م", "ص", "ه", "ق", "ج", "ت", "ا", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "No", "vs", "etc"})


class Sentence(NamedTuple):
    sentence: int  # 1-based, across the article
    para: int  # 0 for the kicker and headline, body paragraphs from 1
    role: str  # kicker, headline or body
    start: int
    end: int


class Token(NamedTuple):
    token: int  # 1-based, across the article
    sentence: int
    para: int
    start: int
    end: int
    surface: str
    kind: str  # word, number or punct
    norm: str
    stem: str
    proclitics: str  # e.g. "و+ب", "" when none
    has_article: bool
    is_stop: bool


# --- sentences ---------------------------------------------------------------------------


def _protected(marks: QuoteMarks) -> list[tuple[int, int]]:
    """Regions inside closed quotations, where no sentence may end."""
    return [(q.start, q.end) for q in marks.quotes if q.close is not None and q.depth == 0]


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` ends an abbreviation such as د. or U.S. (also after و: ود.)."""
    if text[stop] != ".":
        return False
    word = WORD_BEFORE_STOP.search(text[max(0, stop - 12) : stop])
    if not word:
        return False
    bare = normalize(word.group().rstrip("."))
    return bare in ABBREVIATIONS or "." in bare or len(bare) == 1 or bare[:1] in "وف" and bare[1:] in ABBREVIATIONS


def _glued_acronym(text: str, stop: int, end: int) -> bool:
    """True when the full stop at ``stop``, glued to the next word, is inside an acronym (بي.بي.سي، إي.واي)."""
    return bool(ACRONYM_GOES_ON.match(text, stop + 1, end) or ACRONYM_SHORT_PARTS.match(text, stop, end))


def sentence_spans(text: str, start: int, end: int, marks: QuoteMarks | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into trimmed sentence spans; ``marks`` are its
    paired quotation marks when already known (:attr:`Article.quote_pairs`)."""
    protected = _protected(pair_quote_marks(text, start, end) if marks is None else marks)
    cuts = [start]
    for match in SENTENCE_END.finditer(text, start, end):
        stop = match.start()
        if any(lo <= stop < hi for lo, hi in protected) or _is_abbreviation(text, stop):
            continue
        if match.group("glued") is not None and _glued_acronym(text, stop, end):
            continue
        cuts.append(match.end())
    cuts.append(end)
    spans = []
    for lo, hi in zip(cuts, cuts[1:]):
        chunk = text[lo:hi]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((lo + lead, lo + lead + len(stripped)))
    return spans


def split_sentences(article) -> list[Sentence]:
    """All sentences of an article, kicker and headline included (each one sentence at least)."""
    sentences: list[Sentence] = []
    para = 0
    for (role, block), marks in zip(article.blocks, article.quote_pairs):
        if role == "body":
            para += 1
        for lo, hi in sentence_spans(article.text, block.start, block.end, marks):
            sentences.append(Sentence(len(sentences) + 1, para, role, lo, hi))
    return sentences


# --- tokens ------------------------------------------------------------------------------

#: The Snowball Arabic stemmer (PyStemmer, its C build), without a cache of its own: a form is stemmed
#: once, for the form cache, and keeping the last 10,000 distinct words made each stem three times
#: slower (1.7 -> 0.55 us a stem).
_STEMMER = Stemmer.Stemmer("arabic", maxCacheSize=0)


def analyse_word(surface: str) -> tuple[str, str, str, bool, bool]:
    """(norm, stem, proclitics, has_article, is_stop) for a word form, cached per type and stop list."""
    return _form_cache(wordlist("stopwords"))[surface][2:]


def _form_fields(surface: str, kind: str, stops: frozenset[str]) -> tuple[str, str, str, str, str, bool, bool]:
    """(surface, kind, norm, stem, proclitics, has_article, is_stop): the fields of a token that follow
    from its form and the stop list. A number or a punctuation mark has its normal form and nothing more."""
    norm = normalize(surface)
    if kind != "word":
        return surface, kind, norm, norm, "", False, False
    if norm in stops:  # function words such as الذي or الى carry no clitics or article
        proclitics, has_article, is_stop = "", False, True
    else:
        proclitics, has_article, _ = split_proclitics(norm)
        is_stop = function_word(norm, stops) is not None
    stem = _STEMMER.stemWord(norm) if _in_arabic_script(norm[:1]) else norm.lower()
    return surface, kind, norm, stem, proclitics, has_article, is_stop


#: Forms a :class:`_FormCache` holds before it starts again (a worker's memory stays bounded).
MAX_FORMS = 200_000


class _FormCache(dict):
    """Token text -> its :func:`_form_fields` for one stop list, worked out on a form's first look-up
    (its kind from its first character, :data:`TOKEN_KINDS`). A dict whose look-up is one subscript
    in C: with an ``lru_cache`` of (text, kind, stops) the key tuple, and the match's group and kind
    to fill it, were a third of tokenising an article."""

    def __init__(self, stops: frozenset[str]):
        super().__init__()
        self.stops = stops

    def __missing__(self, surface: str) -> tuple[str, str, str, str, str, bool, bool]:
        if len(self) >= MAX_FORMS:
            self.clear()
        fields = self[surface] = _form_fields(surface, _kind(surface[0]), self.stops)
        return fields


@lru_cache(maxsize=4096)
def _kind(first: str) -> str:
    """The kind of a token that starts with this character (:data:`TOKEN_KINDS`), once per character:
    matching the whole token again took a tenth of a new form's time."""
    return TOKEN_RE.match(first).lastgroup


@lru_cache(maxsize=4096)
def _in_arabic_script(first: str) -> bool:
    """Whether a word that starts with this character is stemmed as Arabic (:data:`ARABIC_LETTER`),
    once per character: matching each new form took a tenth of its time."""
    return ARABIC_LETTER.match(first) is not None


@lru_cache(maxsize=2)
def _form_cache(stops: frozenset[str]) -> _FormCache:
    """The :class:`_FormCache` of a stop list (a new one when the list's file changes)."""
    return _FormCache(stops)


def tokenize_span(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, kind) for every token of ``text[start:end]``."""
    return [(m.start(), m.end(), m.group(), m.lastgroup) for m in TOKEN_RE.finditer(text, start, end)]


#: A :class:`Token` from the tuple of all its fields, in C: NamedTuple's own ``__new__`` is a Python
#: function of twelve arguments, about a fifth of tokenising an article.
_token_from_fields = partial(tuple.__new__, Token)


def tokenize_article(article) -> list[Token]:
    """Every token of the article, sentence by sentence, with its linguistic features.

    A token's offset is where its text is next found: only spaces and format characters, which no
    token starts with, lie between tokens."""
    tokens: list[Token] = []
    text = article.text
    forms = _form_cache(wordlist("stopwords"))
    for sent in article.sentences:
        sentence, para = sent.sentence, sent.para  # unstarred, the token tuple is built at once
        end = sent.start
        for surface in TOKEN_TEXT_RE.findall(text, sent.start, sent.end):
            start = text.find(surface, end)
            end = start + len(surface)
            tokens.append(_token_from_fields((len(tokens) + 1, sentence, para, start, end) + forms[surface]))
    return tokens


#: Article -> :func:`token_fields`, made once per article.
_TOKEN_FIELDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def token_fields(article) -> dict[str, tuple]:
    """The article's tokens as columns, field name -> one value per token (``norm``: every token's
    normal form), made once per article: the tokens layer, the name finder and the quote document
    read the same columns instead of each building its own lists."""
    fields = _TOKEN_FIELDS.get(article)
    if fields is None:
        columns = list(zip(*article.tokens)) or [()] * len(Token._fields)
        fields = _TOKEN_FIELDS[article] = dict(zip(Token._fields, columns))
    return fields
