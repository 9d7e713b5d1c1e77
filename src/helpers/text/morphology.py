"""Arabic morphology in one place: the article ال, the proclitics (و ف ب ل ك, and ل + ال written لل)
and the attached pronouns, with the rules that split them off a normalised word.

The lists and limits are data, in ``data/morphology.yaml`` (read once, at import); segment,
names, entities, themes, quotes and discourse all take them from here, so they cannot disagree.
Whether a first و ف ب ل ك is a proclitic or the word's own letter (وقال but وزير) is decided with
the Arabic word frequencies of ``wordfreq``, once per word of its list: the words that keep their
first letter are kept on disk (:mod:`helpers.text.prepared`).
"""
from __future__ import annotations

import math
from functools import lru_cache, partial
from importlib import metadata
from itertools import chain

from .lexicons import file_version, read_yaml
from .normalize import changed_forms
from .prepared import prepared
from ..paths import PACKAGE_DATA

MORPHOLOGY = PACKAGE_DATA / "morphology.yaml"


class MorphologyError(ValueError):
    """A morphology data file that cannot be used; the message names the file and the key."""


def _load(path=MORPHOLOGY) -> dict:
    data = read_yaml(path, MorphologyError)
    expected = {"article": str, "min_article_word": int, "conjunctions": list, "prepositions": list,
                "min_base_after_proclitic": int, "min_rest_after_proclitic": int, "pronoun_suffixes": list,
                "possessive_suffixes": list, "object_suffixes": list, "rest_zipf_margin": float,
                "word_with_clitic_share": float}
    if not isinstance(data, dict):
        raise MorphologyError(f"{path}: expected a mapping of keys")
    for key, kind in expected.items():
        if not isinstance(data.get(key), kind):
            raise MorphologyError(f"{path}: '{key}' is missing or not a {kind.__name__}")
    for key in ("possessive_suffixes", "object_suffixes"):
        if set(data[key]) - set(data["pronoun_suffixes"]):
            raise MorphologyError(f"{path}: '{key}' lists suffixes missing from 'pronoun_suffixes'")
    return data


_DATA = _load()

ARTICLE: str = _DATA["article"]
#: A word is read as article + base only from this length on (الدم → دم; الى stays whole).
MIN_ARTICLE_WORD: int = _DATA["min_article_word"]
CONJUNCTIONS: tuple[str, ...] = tuple(_DATA["conjunctions"])
PREPOSITIONS: tuple[str, ...] = tuple(_DATA["prepositions"])
#: ل + ال, with the article's alef dropped: للحلف.
LAM_ARTICLE = "ل" + ARTICLE[1:]
MIN_BASE_AFTER_PROCLITIC: int = _DATA["min_base_after_proclitic"]
MIN_REST_AFTER_PROCLITIC: int = _DATA["min_rest_after_proclitic"]
REST_ZIPF_MARGIN: float = _DATA["rest_zipf_margin"]
WORD_WITH_CLITIC_SHARE: float = _DATA["word_with_clitic_share"]
PRONOUN_SUFFIXES: frozenset[str] = frozenset(_DATA["pronoun_suffixes"])
POSSESSIVE_SUFFIXES: tuple[str, ...] = tuple(_DATA["possessive_suffixes"])
OBJECT_SUFFIXES: tuple[str, ...] = tuple(sorted(_DATA["object_suffixes"], key=len, reverse=True))

#: Every proclitic sequence (a conjunction, then a preposition, either optional), longest first,
#: ending with the empty one: وب, ول, … و, ف, ب, ل, ك, "".
PROCLITIC_SEQUENCES: tuple[str, ...] = tuple(
    sorted({c + p for c in ("",) + CONJUNCTIONS for p in ("",) + PREPOSITIONS}, key=len, reverse=True)
)
#: The sequences a word's first letter may begin, by that letter (the empty one last in each): a
#: word that starts with none of و ف ب ل ك is looked at once, not once per sequence.
_SEQUENCES_BY_LETTER: dict[str, tuple[str, ...]] = {
    letter: tuple(s for s in PROCLITIC_SEQUENCES if s[:1] in (letter, "")) for letter in CONJUNCTIONS + PREPOSITIONS
}
#: Sequences that may stand before the article as written (ل cannot: ل + ال is spelled لل).
PROCLITICS_BEFORE_ARTICLE = frozenset(s for s in PROCLITIC_SEQUENCES if not s.endswith("ل"))
#: Sequences that may stand before لل: a conjunction or nothing (وللحلف).
PROCLITICS_BEFORE_LAM_ARTICLE = frozenset(("",) + CONJUNCTIONS)
#: The article after a preposition or conjunction (للحلف، بالتحرك، والرئيس): a definite noun.
DEFINITE_WITH_CLITIC: tuple[str, ...] = (LAM_ARTICLE,) + tuple(
    p + ARTICLE for p in CONJUNCTIONS + PREPOSITIONS if p != "ل"
)
#: A hamzated alef before ل is part of the word, not the article: إلكتروني, ألماني, آلية.
HAMZATED_LOOKALIKES = ("إل", "أل", "آل")


def has_article(norm: str) -> bool:
    """True when a normalised word starts with the article and is long enough to carry it."""
    return norm.startswith(ARTICLE) and len(norm) >= MIN_ARTICLE_WORD


def written_with_article(written: str, norm: str) -> bool:
    """:func:`has_article` for a word as typed (``written``, not normalised) and its normal form:
    التدريب and والأمن yes; إلكتروني, ألماني, آلية no, although they normalise to ال…."""
    return has_article(norm) and not written.lstrip("".join(CONJUNCTIONS)).startswith(HAMZATED_LOOKALIKES)


@lru_cache(maxsize=1)
def _frequency_tables() -> tuple[dict[str, float], dict[str, float]]:
    """wordfreq's Arabic frequencies as two dicts: each normal form that other spellings normalise to
    (احد from أحد، الى from إلى) with its own frequency and theirs added up, and wordfreq's list itself
    for every other word. The first is worked out once per wordfreq list and kept on disk
    (:func:`helpers.text.prepared.prepared`): normalising the list's 620,701 words took a fifth of a
    second in every process."""
    import wordfreq

    # The large list, as "best" is for Arabic, asked for as wordfreq's zipf_frequency asks for it
    # (its default list, positionally): wordfreq then reads and keeps one copy for this and for
    # the name finders' zipf_frequency, not two (a quarter of a second and 620,701 words each).
    listed = wordfreq.get_frequency_dict("ar", "best")
    respelled = prepared("wordfreq-respelled", _wordfreq_version(), partial(_respelled, listed))
    return respelled, listed


def _wordfreq_version() -> tuple:
    """What a table made from wordfreq's Arabic list follows from besides the package: wordfreq's
    version, the list's file and that file's version."""
    import wordfreq

    source = wordfreq.available_languages("best")["ar"]
    return metadata.version("wordfreq"), source, file_version(source)


def _respelled(listed: dict[str, float]) -> dict[str, float]:
    """The normal forms of :func:`_frequency_tables` that other spellings add to, with their sums."""
    added: dict[str, float] = {}
    # wordfreq's Arabic words are NFKC, hence composed (tests/test_morphology.py checks it).
    for word, norm in changed_forms(listed):
        added[norm] = added.get(norm, 0.0) + listed[word]
    return {norm: listed.get(norm, 0.0) + extra for norm, extra in added.items()}


def frequency(norm: str) -> float:
    """How often a normalised word is written in general Arabic, all its spellings together."""
    respelled, listed = _frequency_tables()
    return respelled.get(norm) or listed.get(norm, 0.0)


def _zipf(frequency_: float) -> float:
    """wordfreq's Zipf scale: log10 of the frequency per billion words, 0 for an unknown word."""
    return math.log10(frequency_) + 9 if frequency_ else 0.0


def _is_definite(rest: str) -> bool:
    """The article, or a preposition and the article, starts ``rest`` (الكويت, بالكويت, للحلف)."""
    return has_article(rest) or (rest[:1] in PREPOSITIONS and (rest.startswith(LAM_ARTICLE) or has_article(rest[1:])))


def _reads_as_proclitic(word: str) -> bool:
    """Whether the first letter of ``word`` is a conjunction or preposition: the rule of
    :func:`split_proclitics`, by general Arabic usage (:func:`frequency`). Asked once per word of
    wordfreq's list (:func:`_words_keeping_first_letter`): a word the list does not know reads as
    a proclitic and the rest."""
    clitic, rest = word[0], word[1:]
    if _is_definite(rest):
        return True
    whole, part = frequency(word), frequency(rest)
    if not whole:
        return True
    if not part or _zipf(part) < _zipf(whole) - REST_ZIPF_MARGIN:
        return False
    before = (ARTICLE,) + (CONJUNCTIONS + PREPOSITIONS if clitic in CONJUNCTIONS else PREPOSITIONS)
    # ل before a word starting with ل reads as ل + the article (للبنان): no evidence either way.
    seen = [frequency(x + word) for x in before if not (x == "ل" and word.startswith("ل"))]
    return not (sum(f > 0 for f in seen) >= 2 and sum(seen) >= WORD_WITH_CLITIC_SHARE * whole)


@lru_cache(maxsize=1)
def _words_keeping_first_letter() -> frozenset[str]:
    """The words of wordfreq's Arabic list (and the normal forms it respells) that
    :func:`split_proclitics` may ask about, a first و ف ب ل ك and more than
    ``min_base_after_proclitic`` letters after it, whose first letter :func:`_reads_as_proclitic`
    says is their own: 34,845 of 267,084. Worked out once per wordfreq list and kept on disk
    (:func:`helpers.text.prepared.prepared`): the rule's 2 to 14 frequency look-ups, each a miss in
    the processor's cache, were more than half of a new word form's time."""
    return frozenset(prepared("words-keeping-first-letter", _wordfreq_version(), _keeping_first_letter))


def _keeping_first_letter() -> list[str]:
    """:func:`_words_keeping_first_letter`, sorted (the same file on every run)."""
    respelled, listed = _frequency_tables()
    letters = CONJUNCTIONS + PREPOSITIONS
    candidates = {word for word in chain(listed, respelled) if len(word) > MIN_BASE_AFTER_PROCLITIC and word[0] in letters}
    return sorted(word for word in candidates if not _reads_as_proclitic(word))


def _is_proclitic(word: str) -> bool:
    """:func:`_reads_as_proclitic` for a word longer than ``min_base_after_proclitic`` letters and
    a first و ف ب ل ك, by one look-up."""
    return word not in _words_keeping_first_letter()


@lru_cache(maxsize=200_000)
def split_proclitics(norm: str) -> tuple[str, bool, str]:
    """Split a normalised word into (proclitics, has_article, base): وبالكويت → ("و+ب", True, "كويت").

    The one analysis a token gets: a conjunction, then a preposition, is split off when at least
    ``min_base_after_proclitic`` letters remain (ولد and بلد stay whole) and the letter is a clitic,
    not the word's own. It is a clitic when the article follows it (والناتو, بالكويت; ل before لل
    takes the article with it: للحلف = ل + ال + حلف) or when general Arabic does not know the whole
    word (ويفجرونهم). Otherwise, by wordfreq's frequencies of the normalised forms, two things must
    hold: the rest is a known word at most ``rest_zipf_margin`` rarer than the whole on the Zipf
    scale (وقال, وقطر; not ليبيا, بيان, فريق, whose rests are rare), and the whole is not a word in
    its own right, as general Arabic shows by writing it, in two ways or more adding up to
    ``word_with_clitic_share`` of its own frequency, after a clitic that could not stand before
    this one (the article, a conjunction before و ف, a preposition before ب ل ك: الوزير and
    لوزير, so وزير stays whole; never الوقال or ووقال, so وقال is و + قال).
    Cached per word: the tokeniser asks it once per word form, the quote finder of every token.
    """
    clitics = []
    rest = norm
    if len(rest) > MIN_BASE_AFTER_PROCLITIC and rest[0] in CONJUNCTIONS and _is_proclitic(rest):
        clitics.append(rest[0])
        rest = rest[1:]
    if len(rest) > MIN_BASE_AFTER_PROCLITIC and rest[0] in PREPOSITIONS:
        if rest.startswith(LAM_ARTICLE):
            return "+".join(clitics + ["ل"]), True, rest[len(LAM_ARTICLE) :]
        if _is_proclitic(rest):
            clitics.append(rest[0])
            rest = rest[1:]
    article = has_article(rest)
    return "+".join(clitics), article, rest[len(ARTICLE) :] if article else rest


@lru_cache(maxsize=200_000)
def proclitic_readings(word: str) -> tuple[tuple[str, str], ...]:
    """Every (proclitics, rest) a normalised word may be read as, longest proclitics first.

    A sequence is peeled off whenever ``min_rest_after_proclitic`` letters remain; after ل a
    rest starting with ل is read first as the article (للحلف → ("ل", "الحلف"), then ("ل", "لحلف")).
    The word itself, ("", word), comes last when it is long enough.
    """
    readings = []
    for prefix in _SEQUENCES_BY_LETTER.get(word[:1], ("",)):
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < MIN_REST_AFTER_PROCLITIC:
            continue
        if prefix.endswith("ل") and rest.startswith("ل") and has_article("ا" + rest):
            readings.append((prefix, "ا" + rest))
        readings.append((prefix, rest))
    return tuple(readings)


@lru_cache(maxsize=200_000)
def strip_proclitics(word: str) -> tuple[str, str]:
    """(proclitics, rest) for the longest reading of a word: وللرئيس → ('ول', 'الرئيس'); cached
    per word (the name finder asks it of every token)."""
    readings = proclitic_readings(word)
    return readings[0] if readings else ("", word)


def function_word(norm: str, stops: frozenset[str]) -> str | None:
    """The function word a normalised word is, bare or after a conjunction (الذي، وكانت → كانت),
    or None: such words carry no other clitics or article, whatever their letters look like."""
    if norm in stops:
        return norm
    return norm[1:] if norm[:1] in CONJUNCTIONS and norm[1:] in stops else None
