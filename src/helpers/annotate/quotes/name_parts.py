"""Step 4a's name parts: words after a speaker's head or name that still belong to its mention,
where a plainer reading would end the mention or start the verb's object there: a nisba without ال
(مسؤولون ومنظمات إسلامية), a genitive joined by و (وزارة التجارة والصناعة), a body's field (وكالة
دوجان للأنباء) or its state or city (السلطات المختصة في ألمانيا).
"""
from __future__ import annotations

from .document import _base, _Doc
from .lexicon import AFFILIATION_HEADS, NAMED_BODY_HEADS, OBJECT_NOUNS

NISBA_ENDINGS = ("يون", "يين", "يان", "يات", "ية", "يه", "ي")
#: The endings :func:`_definite_nisba` reads: singular, as a definite adjective after a title is.
DEFINITE_NISBA_ENDINGS = ("ي", "ية")
#: Nisba adjectives in a row after an indefinite head (مسؤول عسكري أمريكي).
NISBA_CHAIN_MAX = 3


def _nisba_form(base: str) -> bool:
    """A word (without ال) with a nisba ending that is not a verbal noun in ـاية or تفعلة (حماية،
    تسوية، تنمية): the strict test, for a word with no article, which may well be the verb's object."""
    stem = next((base[: -len(e)] for e in NISBA_ENDINGS if base.endswith(e)), "")
    return len(stem) >= 3 and not stem.endswith(("ا", "و", "ى")) and not (len(stem) == 3 and stem.startswith("ت"))


def _definite_nisba(token) -> bool:
    """A word with ال ending in ـي/ـية (الأمريكي، الخارجية): the loose test, where the article already
    ties the word to the noun phrase before it, so a verbal noun (التنمية) may pass as well."""
    return token.has_article and _base(token).endswith(DEFINITE_NISBA_ENDINGS)


def _indefinite_nisba(doc: _Doc, j: int) -> bool:
    """Token j is a nisba adjective, without ال, of the indefinite head before it, after at most
    ``NISBA_CHAIN_MAX - 1`` other such adjectives (مسؤول | عسكري، منظمات | إسلامية، مشرعون |
    أمريكيون): part of the speaker, not the start of a speech act's object. Not a verbal noun in ـاية
    or تفعلة (حماية، تسوية، تنمية)."""
    for k in range(j, max(j - NISBA_CHAIN_MAX, 0), -1):
        token, prev = doc.tokens[k], doc.tokens[k - 1]
        if token.kind != "word" or token.has_article or token.proclitics or doc.is_cue_word(token) or (
            _base(token) in OBJECT_NOUNS or not _nisba_form(_base(token))
        ):
            return False
        if doc.is_head(prev) and not prev.has_article and prev.proclitics in ("", "و"):  # مسؤولون ومنظمات | إسلامية
            return True
    return False


def _coordinated_genitive(doc: _Doc, lo: int, j: int) -> bool:
    """Token j is و + a definite noun joined to the definite genitive before it, inside the name of a
    body or a title (وزارة التجارة | والصناعة، الهيئة العامة للغذاء | والدواء، للسياحة | والتراث
    الوطني): not a second speaker (a head, a title word, a name) nor a nisba adjective."""
    token, prev = doc.tokens[j], doc.tokens[j - 1]
    if j - 1 <= lo or token.kind != "word" or token.proclitics != "و" or not token.has_article or not prev.has_article:
        return False
    if not doc.is_head(doc.tokens[lo]) or _nisba_form(_base(prev)) or j in doc.entity_end:
        return False
    base = _base(token)
    return not (doc.is_head(token) or base in doc.lex.title_words or _nisba_form(base) or doc.is_cue_word(token))


def _field_of_body(doc: _Doc, lo: int, j: int) -> bool:
    """Token j is لـ + the field of the body named in tokens [lo, j): a named body head and a proper
    name before it (وكالة دوجان | للأنباء), not who was spoken to (except الأنباء after وكالة)."""
    token, prev = doc.tokens[j], doc.tokens[j - 1]
    head = _base(doc.tokens[lo])
    return (j - 1 > lo and head in NAMED_BODY_HEADS and token.kind == "word" and token.proclitics == "ل" and token.has_article
            and prev.kind == "word" and not prev.has_article and not doc.is_head(prev)
            and (head == "وكالة" or not doc.is_addressee(j)))


def _seat(doc: _Doc, lo: int, j: int, hi: int) -> int:
    """Extend a body's mention over في and the state or city it is in (السلطات المختصة في ألمانيا،
    بعثة الأمم المتحدة في أفغانستان، سفارة المملكة في واشنطن): which body it is. Not a person's
    title, where في and a place say where the words were said (قال الوزير في الكويت)."""
    if j + 1 >= hi or doc.tokens[j].norm != "في" or (j + 1) in doc.inside or _base(doc.tokens[lo]) not in AFFILIATION_HEADS:
        return j
    return min(doc.entity_end[j + 1], hi) if doc.entity_type.get(j + 1) == "GPE" else j


def _indefinite_head(doc: _Doc, token) -> bool:
    """مسؤول، مصدر، دبلوماسي (no article): a following في/من describes the speaker (مسؤول في وزارة الدفاع)."""
    return doc.is_head(token) and not token.has_article and not token.proclitics
