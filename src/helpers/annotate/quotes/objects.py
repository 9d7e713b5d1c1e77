"""Step 4a's objects: words after a subject that start the verb's object, so the speaker's mention
ends before them: a possessed common noun (وجدد الوزير | موقفه), a verbal or speech noun (وأكد الوزير |
أهمية …), a demonstrative (ووصف الزياني | هذه التصريحات), an offered courtesy (قدم | التعازي), a
second actor or definite noun after a complete subject (دعا الرئيس | الأطراف), and an addressee
taken for the subject (وطالبت | مجلس الأمن).
"""
from __future__ import annotations

from ...text.morphology import OBJECT_SUFFIXES, frequency
from ..names import load_names
from .cues import _Cue
from .document import _base, _Doc
from .lexicon import (
    ADDRESSING_CLASSES,
    DEMONSTRATIVES,
    NAME_MAX_ZIPF,
    NAME_PARTICLES,
    OBJECT_NOUNS,
    OBJECT_QUANTIFIERS,
    OFFER_NOUNS,
    PREPOSITION_WORDS,
    SPEECH_NOUNS,
    SPOKESMAN_HEADS,
)
from .name_parts import _coordinated_genitive, _definite_nisba, _indefinite_head

#: A word at least as common as ``name_max_zipf`` (quote_rules.yaml) is a word, not a name: the
#: same threshold as a frequency (wordfreq's Zipf scale is log10 of the frequency per billion words).
COMMON_WORD_FREQUENCY = 10 ** (NAME_MAX_ZIPF - 9)


def _without_possessive(base: str) -> tuple[str, str] | None:
    """A word's base without its possessive pronoun, as written and as the noun is spelt alone
    (تصريحاته → تصريحات، سعادته → سعادت, سعادة), or None when no pronoun leaves two letters."""
    suffix = next((s for s in OBJECT_SUFFIXES if base.endswith(s)), "")  # longest first: هما before ها
    stem = base[: -len(suffix)] if suffix else ""
    if len(stem) < 2:
        return None
    return stem, stem[:-1] + "ة" if stem.endswith("ت") else stem


def _own_words(token) -> bool:
    """A noun for the speaker's own words with a possessive pronoun (كلمته، بيانها، تصريحاته)."""
    stems = _without_possessive(_base(token))
    return stems is not None and any(stem in SPEECH_NOUNS for stem in stems)


BARE_OBJECT_WORDS = SPEECH_NOUNS | OBJECT_QUANTIFIERS  # a bare speech noun or quantifier opens the object


def _verb_object(token) -> bool:
    """A verbal noun that opens the verb's object (object_nouns, no preposition on it): ولفت الجبير |
    الانتباه إلى، وأكد الوزير | أهمية …; a bare speech noun (ونقلت الصحيفة | تصريحات أصدرها …، ألقى
    الوزير | كلمة) or quantifier (جميع، كافة); also what an offering verb offers (:func:`_offered`)."""
    bare = token.kind == "word" and not token.proclitics and not token.has_article
    return bare and token.norm in BARE_OBJECT_WORDS or (
        token.kind == "word" and not token.proclitics and _base(token) in OBJECT_NOUNS or _offered(token))


def _demonstrative_object(doc: _Doc, j: int) -> bool:
    """A demonstrative after the subject opens the verb's object (ووصف الدكتور الزياني | هذه التصريحات
    بأنها …), unless a noun in construct or باسم governs it (المتحدث باسم هذه الجماعة، أحد هؤلاء
    العسكريين، دول هذه المنطقة): a common noun without the article, not a name or an honorific."""
    prev = doc.tokens[j - 1]
    in_construct = prev.kind == "word" and not prev.has_article and not prev.proclitics and not doc.is_name(prev) and (
        j - 1 not in doc.in_named and j - 1 not in doc.entity_end and prev.norm not in doc.lex.honorific_pronouns
        and prev.norm not in PREPOSITION_WORDS)
    return doc.tokens[j].norm in DEMONSTRATIVES and not (in_construct or prev.norm == "باسم")


def _offered(token) -> bool:
    """A courtesy or a message offered (التعازي، شكره، تهانيه، الدعوة: ``offer_nouns``): the object of
    قدم/رفع/وجه, never part of the speaker's mention."""
    base = _base(token)
    return base in OFFER_NOUNS or any(stem in OFFER_NOUNS for stem in _without_possessive(base) or ())


def _possessed_object(doc: _Doc, j: int, after_title: bool = False) -> bool:
    """A common noun with a possessive pronoun after the subject is the verb's object (وأكدت الشركة
    حرصها على …، وجدد الوزير موقفه): the noun without the pronoun is a commoner word than with it
    (not عبدالله), and a common word (not the name زنقاه). Not the genitive of a title in construct (وزير خارجيتها) nor part of a name
    (محمد عبده، مبارك بن بنيه). ``after_title``: also a "name" the name finder starts right after a
    title (أبدى الفريق | قناعته التامة: الفريق is also "the team")."""
    token, prev = doc.tokens[j], doc.tokens[j - 1]
    if _spokesman_for(doc, j):
        return False
    named = j in doc.in_named or j in doc.entity_end and not (after_title and doc.is_head(prev))
    if (token.kind != "word" or token.is_stop or token.has_article or named or doc.is_head(token)
            or doc.is_head(prev) and not prev.has_article or doc.given_name(j - 1) or prev.norm in NAME_PARTICLES):
        return False
    base = _base(token)
    stems = _without_possessive(base)
    if stems is None or stems[0] in PREPOSITION_WORDS:
        return False  # المقبوض عليهم
    stem, noun = stems
    common = max(frequency(stem), frequency(noun))
    if common < COMMON_WORD_FREQUENCY or common <= frequency(base):
        return False
    return stem not in load_names().lists["compound_starts"]  # عبده is a name (اللواء عبده الحذيفي)


def _spokesman_for(doc: _Doc, j: int) -> bool:
    """Token j is باسمه، باسمها … after a spokesman's title (المتحدث الرسمي باسمها): "for it", part of
    the title; not after another word (وأعرب الملك المفدى باسمه: "in his name")."""
    norm = doc.tokens[j].norm
    if not (norm.startswith("باسم") and norm[4:] in OBJECT_SUFFIXES):
        return False
    title = j - 2 if j >= 2 and _definite_nisba(doc.tokens[j - 1]) else j - 1  # المتحدث الرسمي | باسمها
    return title >= 0 and _base(doc.tokens[title]) in SPOKESMAN_HEADS


def _possessed_first(doc: _Doc, lo: int) -> bool:
    """A possessed common noun right after the verb is its object (وامتدح إدارته وإنجازاته); not an
    honorific pronoun (وقال معاليه), a title with a pronoun (وقال رئيسها) or a word of a name
    (وأضاف باسلمه، وقال جيه جونسون)."""
    token = doc.tokens[lo]
    if token.norm in doc.lex.honorific_pronouns or doc.is_name(token) or not _possessed_object(doc, lo):
        return False  # وأضاف باسلمه: a rare word may be a name
    nxt = doc.tokens[lo + 1] if lo + 1 < len(doc.tokens) else None
    if nxt is not None and not nxt.proclitics and (doc.entity_type.get(lo + 1) == "PERSON" or doc.is_name(nxt)):
        return False  # وقال جيه جونسون: the first word of a name (not إدارته | وإنجازاته)
    stems = _without_possessive(_base(token))
    return len(stems[0]) >= 3 and not any(stem in doc.lex.speaker_heads for stem in stems)  # not جيه


def _object_start(doc: _Doc, lo: int, hi: int) -> int | None:
    """Where the object starts in a subject region of a verb that takes one (دعا الرئيس الأطراف إلى،
    طالب وزير الخارجية المجتمع الدولي بـ، حث الرئيس الأمريكي جو بايدن إسرائيل على), or None.

    The object is a named state or organisation, or a definite noun (الأطراف، الحكومة), that
    follows the subject without a genitive link: not after an indefinite head (وزير الخارجية، أمير
    الكويت) or باسم, not with the preposition ل (الأمين العام لحلف …), not a title word, nisba
    adjective, a head before a name (الشيخ سالم) or a word of a named person (الجابر الصباح).
    """
    for k in range(lo + 1, hi):
        token, prev = doc.tokens[k], doc.tokens[k - 1]
        if token.kind != "word" or prev.norm == "باسم" or _indefinite_head(doc, prev) or "ل" in token.proclitics.split("+") or (
            _coordinated_genitive(doc, lo, k)
        ):
            continue
        if token.norm in DEMONSTRATIVES:
            return k  # وصف الوزير | هذه التصريحات بأنها …
        if k in doc.entity_end:
            # a name that began inside the word before (لحلف شمال الأطلسي) is that word's genitive
            if doc.entity_type.get(k) in ("GPE", "ORG") and doc.entity_offset[k] >= token.start:
                return k
            continue
        base = _base(token)
        titles_a_name = doc.is_head(token) and k + 1 < hi and (doc.entity_type.get(k + 1) == "PERSON" or doc.is_name(doc.tokens[k + 1]))
        common = token.has_article and not base.endswith(("ي", "ية", "يه")) and not titles_a_name  # الحكومة، not الشيخ سالم
        if common and k not in doc.in_named and base not in doc.lex.title_words and token.norm not in doc.lex.title_words:
            return k
    return None


def _object_after_name(doc: _Doc, j: int, k: int) -> bool:
    """A word with the article right after the holder's given names is the verb's object, not more
    name (وأكد المسؤول في المار صالح محمد صالح الحصيلة …)."""
    prev = doc.tokens[k - 1]
    return k - 1 > j + 1 and doc.tokens[k].has_article and not prev.has_article and doc.given_name(k - 1)


def _addressed_object(doc: _Doc, cue: _Cue, i: int) -> bool:
    """وطالبت مجلس الأمن بـ…: after a feminine verb that addresses someone (directive, critical), a
    masculine singular title or institution is the object, and the subject is dropped."""
    head = doc.tokens[i]
    base = _base(head)
    common_noun = doc.is_head(head) or (head.has_article and doc.entity_type.get(i) != "GPE")  # not دعت الكويت
    return (cue.form.gender == "f" and cue.form.number == "sg" and cue.cls in ADDRESSING_CLASSES and common_noun
            and not base.endswith(("ة", "ات", "ون", "ين", "اء")) and base not in doc.lex.anonymous_heads)
