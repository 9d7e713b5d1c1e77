"""People and organisations that no gazetteer lists, recognised from the shape of Arabic news text.

PERSON: a title, honorific or office (الرئيس, الشيخ, وزير الخارجية, المتحدث باسم …) followed, after the
office's complement (الخارجية السعودي, لحلف شمال الأطلسي), by name words: given names from a curated
list, name particles (بن, أبو, آل, عبد …), family names with the article (الصباح, الصفدي) and words rare
in general Arabic (wordfreq), which is how transliterated foreign names (بلينكن, روته) are told apart
from ordinary words. The mention is the name only, without the title. A later mention by surname or
part of the name (الصفدي, بن فرحان, آل ثاني) corefers with the person it is part of.

ORG: a head noun (وزارة, هيئة, وكالة, شركة, حزب …) and its genitive complement (الخارجية الكويتية, نفط
الكويت, رويترز للأنباء), stopping at verbs, prepositions and punctuation; a definite head
(الجيش, القوات, البنك …) needs a definite adjective (الجيش الإسرائيلي).

Ids are stable slugs of the normalised name: ``person:فيصل-بن-فرحان``, ``org:وزارة-الخارجية-الكويتية``.
The word lists are data (``data/names.yaml``). This module reads tokens and knows nothing of the
gazetteer: the caller passes the spans the gazetteer already claimed.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

from wordfreq import zipf_frequency

from ..text.lexicons import cached_by_file, read_yaml
from ..text.morphology import (
    ARTICLE, DEFINITE_WITH_CLITIC, LAM_ARTICLE, PROCLITIC_SEQUENCES, has_article, split_proclitics, strip_proclitics,
)
from ..text.normalize import normalize
from ..text.quotemarks import ALL_MARKS
from ..text.segment import token_fields
from ..paths import PACKAGE_DATA

NAMES = PACKAGE_DATA / "names.yaml"
LIST_KEYS = ("person_titles", "title_modifiers", "name_particles", "lineage_particles", "compound_starts", "given_names",
             "org_heads", "definite_org_heads", "stop_words", "facility_adjectives", "feminine_elatives", "name_final_words")
NUMBER_KEYS = ("first_name_max_zipf", "later_name_max_zipf", "later_definite_name_max_zipf", "clitic_word_min_zipf_gain")
#: Quote marks and brackets a title may be separated from the name by: (ناتو) ينس …
TRANSPARENT_PUNCT = ALL_MARKS | {"(", ")"}
#: A comma between a title and the name in apposition to it.
APPOSITION_COMMAS = frozenset("،,")
#: Prefixes of future and imperfect verbs (سيناقش, يزور, تبحث): rare words with them are not names.
VERB_PREFIXES = ("سي", "ست", "سن", "ي", "ت")
#: Prepositions that may be part of an office (سفير … لدى فرنسا), not the end of it.
PLACE_PREPOSITIONS = frozenset({"لدي"})
MAX_TITLE_WORDS = 3
MAX_COMPLEMENT_STEPS = 8
MAX_NAME_WORDS = 6
MAX_ORG_COMPLEMENT = 4


class NamesError(ValueError):
    """A names word-list file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class NameLists:
    """The normalised word lists of ``data/names.yaml``, each also an attribute (``lists.given_names``)."""

    lists: dict[str, frozenset[str]]
    thresholds: dict[str, float]

    def __post_init__(self):
        # plain attributes, not a __getattr__ call per look-up (the name finder makes about 140 an article)
        self.__dict__.update(self.lists)

    @cached_property
    def titles(self) -> dict[tuple[str, ...], int]:
        """Titles as word tuples (الأمين العام → ('الامين', 'العام'))."""
        return {tuple(t.split()): len(t.split()) for t in self.person_titles}

    @cached_property
    def title_first_words(self) -> frozenset[str]:
        """The words a title can start with (without proclitics)."""
        return frozenset(words[0] for words in self.titles)

    @cached_property
    def head_words(self) -> frozenset[str]:
        """The words an organisation can start with (without proclitics): its heads, definite or not."""
        return self.org_heads | self.definite_org_heads

    @cached_property
    def title_first_spellings(self) -> frozenset[str]:
        """:attr:`title_first_words` as written or with proclitics (والرئيس، لوزير)."""
        return spellings(self.title_first_words)

    @cached_property
    def head_spellings(self) -> frozenset[str]:
        """:attr:`head_words` as written or with proclitics (ووزارة، لحزب)."""
        return spellings(self.head_words)

    @cached_property
    def start_spellings(self) -> frozenset[str]:
        """The words a title or an organisation can start at, as written or with proclitics."""
        return self.title_first_spellings | self.head_spellings

    @cached_property
    def stop_spellings(self) -> frozenset[str]:
        """The stop words as written or with proclitics (وفي، لكن)."""
        return spellings(self.stop_words)


def _with_proclitics(words: Iterable[str]) -> set[str]:
    """Each word after each proclitic sequence (none, و، ل، وب …), a word with the article also as
    ل writes it (للحلف of الحلف): every form that :func:`strip_proclitics` may take back to one of
    the words, and forms it takes elsewhere."""
    return {prefix + end for word in words for end in ((word, word[1:]) if has_article(word) else (word,))
            for prefix in PROCLITIC_SEQUENCES}


def indexes_among(words: Sequence[str], forms: frozenset[str] | set[str]) -> list[int]:
    """Indexes, in order, of the ``words`` that are one of ``forms``: the test runs in C for each
    word, three times as fast as a comprehension over an article's words."""
    return list(compress(count(), map(forms.__contains__, words)))


def spellings(words: frozenset[str] | set[str]) -> frozenset[str]:
    """The word forms that are one of ``words`` as written or without their proclitics: what a
    per-word test ``w in words or strip_proclitics(w)[1] in words`` accepts, found without
    stripping every word of an article."""
    return frozenset(form for form in _with_proclitics(words) if form in words or strip_proclitics(form)[1] in words)


@cached_by_file
def _load_names(path: Path) -> NameLists:
    data = read_yaml(path, NamesError)
    if not isinstance(data, dict):
        raise NamesError(f"{path}: expected a mapping at the top level")
    unknown = set(data) - set(LIST_KEYS) - set(NUMBER_KEYS)
    if unknown:
        raise NamesError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    lists = {}
    for key in LIST_KEYS:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise NamesError(f"{path}: '{key}' must be a non-empty list of words")
        lists[key] = frozenset(" ".join(normalize(v).split()) for v in value)
    thresholds = {}
    for key in NUMBER_KEYS:
        if not isinstance(data.get(key), (int, float)):
            raise NamesError(f"{path}: '{key}' must be a number (a wordfreq Zipf frequency)")
        thresholds[key] = float(data[key])
    return NameLists(lists, thresholds)


def load_names(path: str | Path | None = None) -> NameLists:
    """Read and validate ``data/names.yaml`` (or another file of the same shape); cached per file version."""
    return _load_names(path or NAMES)


class Found(NamedTuple):
    """A recognised name: ``text[start:end]``, its type, stable id and label."""

    start: int
    end: int
    type: str  # PERSON or ORG
    entity_id: str
    label: str
    kind: str  # name (full), partial (a later part of a person's name)
    proclitics: str = ""


def slug(kind: str, words: list[str]) -> str:
    """``person:فيصل-بن-فرحان``: the normalised words joined by hyphens after a type prefix."""
    return f"{kind}:" + "-".join(words)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a normalised word is in general Arabic (wordfreq Zipf scale, 0 = unknown)."""
    return zipf_frequency(word, "ar")


#: Endings of plurals (الحلفاء، القيادات، المسؤولون): a definite plural does not go on a name.
PLURAL_ENDINGS = ("اء", "ات", "ون")


@lru_cache(maxsize=4)
def _demonym_spellings(demonyms: frozenset[str]) -> frozenset[str]:
    """The gazetteer's demonyms as written or with proclitics (one set per gazetteer)."""
    return spellings(demonyms)


def _claimed_tokens(starts: tuple[int, ...], ends: tuple[int, ...], claimed: list[tuple[int, int, str]]) -> dict[int, tuple[int, str]]:
    """Token index -> (end, type) of the claimed span it overlaps (the last one listed, if several),
    for tokens that start and end at ``starts`` and ``ends``.

    Tokens are in text order, so the tokens a span overlaps are found by binary search.
    """
    found: dict[int, tuple[int, str]] = {}
    for start, end, kind in claimed:
        for i in range(bisect_right(ends, start), bisect_left(starts, end)):
            found[i] = (end, kind)
    return dict(sorted(found.items()))


class NameReader:
    """Scans an article's tokens for titled names and organisation heads."""

    def __init__(self, article, claimed: list[tuple[int, int, str]], lists: NameLists, demonyms: frozenset[str]):
        """``claimed`` lists (start, end, entity type) of the mentions the gazetteer already found."""
        self.text = article.text
        self.words = article.tokens
        fields = token_fields(article)
        self.norms = fields["norm"]  # normalize(t.surface), computed by the tokeniser
        #: token index -> (end offset, entity type) of the gazetteer mention it belongs to
        self.claimed = _claimed_tokens(fields["start"], fields["end"], claimed)
        self.covered = set(self.claimed)
        self.lists = lists
        self.demonyms = _demonym_spellings(demonyms)
        #: The words, outside gazetteer mentions, that a title or an organisation may start at: the
        #: only ones the scans below look at (a few in a hundred).
        starts = self.free_words_among(lists.start_spellings)  # one pass over the article for both
        self.title_starts = [i for i in starts if self.norms[i] in lists.title_first_spellings]
        self.org_starts = [i for i in starts if self.norms[i] in lists.head_spellings]

    def bare(self, i: int) -> str:
        """Word i without its proclitics: وزارة of ووزارة."""
        return strip_proclitics(self.norms[i])[1]

    def free_words_among(self, forms: frozenset[str]) -> list[int]:
        """Indexes, in order, of the words outside gazetteer mentions that are one of ``forms``
        (:func:`spellings`)."""
        return [i for i in indexes_among(self.norms, forms) if self.words[i].kind == "word" and i not in self.covered]

    # --- word classes -------------------------------------------------------------------------

    def is_word(self, i: int) -> bool:
        return i < len(self.words) and self.words[i].kind == "word"

    def is_stop(self, word: str) -> bool:
        return word in self.lists.stop_spellings

    def is_stop_at(self, i: int) -> bool:
        """A stop word at word i; علي (Ali) is told from على (on), which normalise alike, by its spelling."""
        word = self.norms[i]
        if word in self.lists.given_names and not self.words[i].surface.endswith("ى"):
            return False
        return self.is_stop(word)

    def is_demonym(self, word: str) -> bool:
        return word in self.demonyms

    def is_given(self, word: str) -> bool:
        return word in self.lists.given_names or (word.startswith(ARTICLE) and word[2:] in self.lists.given_names)

    def is_compound(self, word: str) -> bool:
        return word in self.lists.compound_starts or (word.startswith("عبدال") and len(word) > 6)

    def starts_name(self, i: int) -> bool:
        """Can a person's name start at word i: a given name, a particle, عبد…, or a rare non-verb word."""
        if not self.is_word(i) or i in self.covered:
            return False
        word = self.norms[i]
        if self.is_stop_at(i) or self.is_demonym(word) or word.startswith(ARTICLE):
            return False
        if word in self.lists.given_names or self.is_compound(word) or word in self.lists.name_particles:
            return True
        if word.startswith(DEFINITE_WITH_CLITIC) or self.prepositional_phrase(word):
            return False  # بالتحرك، لتحالف: rare as written, but a common word after a clitic, not a name
        return (len(word) >= 3 and not word.startswith(VERB_PREFIXES)
                and zipf(word) < self.lists.thresholds["first_name_max_zipf"])

    def continues_name(self, i: int, previous: str) -> bool:
        """Is word i a further part of a name whose last word was ``previous``?"""
        if not self.is_word(i) or i in self.covered:
            return False
        word = self.norms[i]
        if previous in self.lists.name_particles or (previous in self.lists.compound_starts):
            return not self.is_stop_at(i)
        if word in self.lists.name_final_words:
            return True  # نصر | الله، الجار | الله: however common the word
        if self.is_stop_at(i) or self.is_demonym(word) or self.title_at(i) or word.startswith(DEFINITE_WITH_CLITIC):
            return False
        if word in self.lists.name_particles or self.is_compound(word) or self.is_given(word):
            return True
        if self.prepositional_phrase(word) or split_proclitics(word)[0][:1] == "و":
            return False  # … | بمساندة تركيا; السيسي | وهادي: a conjunction opens the next name
        if word.startswith(ARTICLE) and word.endswith(PLURAL_ENDINGS):  # بوراك أقجان | الحلفاء: a plural, not a family name
            return False
        if word.startswith(ARTICLE) and word.endswith("ي") and self.after_given_name(i) and word not in self.lists.facility_adjectives:
            return True  # عبد الفتاح السيسي، أيمن الصفدي: a nisba after a given name is the family name, however common
        if word.startswith(("ي", "ت")) and word.endswith("ان") and len(word) >= 5:
            return False  # السيسي وهادي | يؤكدان: a present-tense dual verb, not a name (plurals in ـون: موشيه يعالون)
        limit = "later_definite_name_max_zipf" if word.startswith(ARTICLE) else "later_name_max_zipf"
        return not word.startswith(VERB_PREFIXES[:3]) and zipf(word) < self.lists.thresholds[limit]

    def after_given_name(self, i: int) -> bool:
        """Word i follows a given name (أيمن) or a compound one (عبد الفتاح، عبدالله)."""
        previous = self.norms[i - 1] if i > 0 else ""
        return self.is_given(previous) or self.is_compound(previous) or (i > 1 and self.norms[i - 2] in self.lists.compound_starts)

    def prepositional_phrase(self, word: str) -> bool:
        """A common word after the preposition ب or ل opens the next phrase, not more name (المستشارة
        ميركل | بمساندة تركيا): the rest is commoner than the whole by ``clitic_word_min_zipf_gain``
        (not بروس، بلينكن; ك is left out: كيري، كلين)."""
        proclitics, _, rest = split_proclitics(word)
        return (bool({"ب", "ل"} & set(proclitics.split("+")))
                and zipf(rest) >= zipf(word) + self.lists.thresholds["clitic_word_min_zipf_gain"])

    def title_at(self, i: int) -> int:
        """Number of words of the longest title starting at word i (its first word may carry proclitics)."""
        if not self.is_word(i) or self.norms[i] not in self.lists.title_first_spellings:
            return 0  # no title starts with this word: skip the longer look-ups
        words = 1  # how many words follow one another from word i, up to the longest title
        while words < MAX_TITLE_WORDS and self.is_word(i + words):
            words += 1
        first, bare = self.norms[i], self.bare(i)
        for size in range(words, 0, -1):
            rest = tuple(self.norms[i + 1:i + size])
            if (first, *rest) in self.lists.titles or (bare, *rest) in self.lists.titles:
                return size
        return 0

    # --- people -------------------------------------------------------------------------------

    def name_after_title(self, i: int) -> int | None:
        """Index of the first name word after the title and complement that start at word i, or None."""
        k, steps, loose = i + self.title_at(i), 0, 0
        while k < len(self.words) and steps < MAX_COMPLEMENT_STEPS:
            steps += 1
            token = self.words[k]
            if k in self.claimed:  # a gazetteer mention inside the complement: لحلف شمال الأطلسي
                end = self.claimed[k][0]
                while k < len(self.words) and self.words[k].start < end:
                    k += 1
                continue
            if token.kind != "word":
                if token.surface in TRANSPARENT_PUNCT:
                    k += 1
                    continue
                if token.surface in APPOSITION_COMMAS and self.apposed_name(k + 1):
                    return k + 1  # the name set off by commas: المتحدثة باسم الخارجية، كلير بنيت،
                return None
            word = self.norms[k]
            if word in self.lists.title_modifiers and word not in self.lists.given_names:
                k += 1  # المتحدث باسمها | المستشار …, not the name باسم
                continue
            if self.starts_name(k):
                return k
            if word in PLACE_PREPOSITIONS:  # السفير الكويتي لدى الأردن فلان
                k += 1
                continue
            if self.is_stop(word):
                return None
            if strip_proclitics(word)[1].startswith(ARTICLE) or word in self.lists.title_modifiers or self.title_at(k):
                k += max(self.title_at(k), 1)
                continue
            loose += 1  # an indefinite noun of the office: وزير خارجية البحرين
            if loose > 1:
                return None
            k += 1
        return None

    def apposed_name(self, k: int) -> int | None:
        """End of a name of two or three words set off by commas after a title (، يورغن لارسن،): words
        without the article that are not function words, titles or nationalities; None otherwise."""
        j = k
        while j < len(self.words) and j - k < 3 and self.is_word(j) and j not in self.covered:
            word = self.norms[j]
            if word.startswith(ARTICLE) or self.is_stop_at(j) or self.is_demonym(word) or self.title_at(j):
                return None
            j += 1
        closed = j < len(self.words) and self.words[j].surface in APPOSITION_COMMAS
        return j if closed and j - k >= 2 else None

    def name_span(self, k: int) -> int:
        """Index after the last word of the name that starts at word k."""
        j = k + 1
        while j < len(self.words) and j - k < MAX_NAME_WORDS and self.continues_name(j, self.norms[j - 1]):
            j += 1
        return self._without_trailing_particles(k, j)

    def _without_trailing_particles(self, k: int, j: int) -> int:
        """End of the name [k, j) without particles at its end: a name does not end on بن or عبد."""
        while j - 1 > k and self.norms[j - 1] in self.lists.name_particles | self.lists.compound_starts:
            j -= 1
        return j

    def lineage_span(self, k: int) -> int:
        """Index after the last word of the lineage name at word k: given names joined by particles
        (محمد بن إبراهيم بن عبد الرحمن), then at most one family name (الملا، بووشل); not the common
        words a longer reach would take after it (أحمد بن إبراهيم الملا | التفجير الإرهابي)."""
        particles = self.lists.name_particles | self.lists.compound_starts
        j = k + 1
        while self.is_word(j) and j not in self.covered and not self.is_stop_at(j) and (
            self.norms[j - 1] in particles or self.norms[j] in particles or self.is_compound(self.norms[j])
            or self.is_given(self.norms[j]) and not self.norms[j].startswith(ARTICLE)
        ):
            j += 1
        if self.continues_name(j, self.norms[j - 1]):
            j += 1
        return self._without_trailing_particles(k, j)

    def people(self) -> list[tuple[int, int]]:
        """(first, after-last) word indexes of every titled name, and of every lineage name without a
        title, in text order."""
        spans, after = [], 0  # the words before ``after`` are taken
        for i in self.title_starts:
            if i >= after and self.title_at(i):
                k = self.name_after_title(i)
                if k is not None:
                    apposed = self.apposed_name(k) if self.words[k - 1].surface in APPOSITION_COMMAS else None
                    after = apposed or self.name_span(k)
                    spans.append((k, after))
        taken = {k for span in spans for k in range(*span)}
        for i in self.lineage_starts():
            j = self.lineage_span(i)
            if taken.isdisjoint(range(i, j)):  # not محمد بن إبراهيم | بن عبد الرحمن again from إبراهيم
                spans.append((i, j))
                taken.update(range(i, j))
        return sorted(spans)

    def lineage_starts(self) -> list[int]:
        """Words that open a name by lineage, title or no title: a given name, بن and a name (حمد بن
        عبدالله الشنيبر، خالد بن محمد بووشل), a shape ordinary words do not take."""
        return [i - 1 for i in self.free_words_among(self.lists.lineage_particles)
                if i > 0 and i + 1 < len(self.words) and (self.is_given(self.norms[i - 1]) or self.is_compound(self.norms[i - 1]))
                and not self.norms[i - 1].startswith(ARTICLE) and self.is_word(i - 1) and i - 1 not in self.covered
                and self.starts_name(i + 1)]

    # --- organisations ------------------------------------------------------------------------

    def complement_word(self, i: int) -> bool:
        """Is word i a definite genitive or adjective of an organisation name (الخارجية, للأنباء)?"""
        if not self.is_word(i) or self.is_stop(self.norms[i]):
            return False
        if i in self.covered:
            return self.claimed[i][1] == "GPE"
        word = self.norms[i]
        return word.startswith((ARTICLE, LAM_ARTICLE))

    def org_adjective(self, i: int) -> bool:
        """Can word i describe the definite noun before it in an organisation's name: a nisba
        (الإسلامي، الدولية), a participle (المتحدة، المسلحة), an elative (الأعلى، الأحمر، الكبرى), a
        place or nationality? Not another noun (التصريحات، الهجوم: the verb's object)."""
        word = strip_proclitics(self.norms[i])[1]
        rest = word[len(ARTICLE):] if word.startswith(ARTICLE) else word
        return (i in self.covered or rest.endswith(("ي", "يه", "ية", "يين", "يون", "يات")) or rest.startswith("م") and len(rest) >= 4
                or len(rest) == 4 and rest.startswith("ا") or rest in self.lists.feminine_elatives)

    def org_at(self, i: int) -> int | None:
        """Index after the organisation that starts at word i, or None."""
        if not self.is_word(i) or i in self.covered:
            return None
        head = self.norms[i] if self.norms[i] in self.lists.org_heads else self.bare(i)
        definite = head in self.lists.definite_org_heads
        if head not in self.lists.org_heads and not definite:
            return None
        j = i + 1
        if not definite and self.is_word(j) and not self.complement_word(j) and j not in self.covered:
            word = self.norms[j]  # an indefinite genitive (نفط الكويت) or a rare foreign name (هاليبرتون)
            rare = zipf(word) < self.lists.thresholds["first_name_max_zipf"] and not word.startswith(VERB_PREFIXES)
            if not self.is_stop(word) and (rare or self.complement_word(j + 1)):
                j += 1
        noun = False  # a definite noun is in the name (not after a definite head: الهيئة العامة): only adjectives follow it
        while j - i <= MAX_ORG_COMPLEMENT and self.complement_word(j) and not (
                noun and not self.org_adjective(j) and not self.norms[j].startswith(LAM_ARTICLE)):  # … الأعلى | للقوات
            noun = noun or not self.org_adjective(j)
            j += 1
            if j - 1 in self.covered:  # a place or nationality closes the name: الجيش الإسرائيلي | المنطقة
                while j in self.covered and self.claimed[j] == self.claimed[j - 1]:
                    j += 1
                break
        if definite and (j == i + 1 or self.norms[i + 1].startswith(LAM_ARTICLE)):
            return None  # a bare definite head is a back-reference (الوزارة), not a name
        return j if j > i + 1 else None

    def organisations(self, taken: set[int]) -> list[tuple[int, int]]:
        """(first, after-last) word indexes of every organisation outside the ``taken`` words, in text order."""
        spans, after = [], 0  # the words before ``after`` are in an organisation already
        for i in self.org_starts:
            j = None if i < after or i in taken else self.org_at(i)
            if j is not None and not taken & set(range(i, j)):
                spans.append((i, j))
                after = j
        return spans


def _surface_start(reader: NameReader, i: int) -> tuple[int, str]:
    """Offset of word i without its proclitics (وزارة in ووزارة, لجيش in للجيش as for gazetteer names)."""
    token, word = reader.words[i], reader.norms[i]
    if word in reader.lists.org_heads or word in reader.lists.definite_org_heads:
        return token.start, ""
    proclitics = strip_proclitics(word)[0]
    return token.start + len(proclitics), proclitics


def _later_mentions(reader: NameReader, people: list[Found], taken: set[int]) -> list[Found]:
    """Other mentions of each titled person by surname or part of the name (الصفدي, بن فرحان, آل ثاني),
    anywhere in the article: a headline often names the person the body introduces with a title. A
    lone given name is no mention, unless it ends a name of three words or more without بن (a family
    name: هادي of عبد ربه منصور هادي)."""
    forms: dict[tuple[str, ...], Found] = {}
    for person in people:
        words = person.entity_id.split(":", 1)[1].split("-")
        family_name = len(words) >= 3 and not set(words) & reader.lists.name_particles  # عبد ربه منصور هادي → هادي
        for size in range(len(words), 0, -1):
            tail = tuple(words[-size:])
            if size == 1 and (tail[0] in reader.lists.given_names and not family_name or len(tail[0]) < 3):
                continue
            if tail[0] in reader.lists.name_particles and size == 1:
                continue
            forms.setdefault(tail, person)
    sizes: dict[str, set[int]] = {}  # first word -> the numbers of words of the forms it starts
    for form in forms:
        if len(form) <= MAX_NAME_WORDS:
            sizes.setdefault(form[0], set()).add(len(form))
    if not sizes:
        return []  # no titled person: nothing to look for
    first_words = _with_proclitics(sizes)  # and more: a word that does not strip to one has no sizes below
    found = []
    for i in indexes_among(reader.norms, first_words):  # where a form can start
        proclitics, first = strip_proclitics(reader.norms[i])
        for size in sorted(sizes.get(reader.norms[i], set()) | sizes.get(first, set()), reverse=True):  # longest first
            words = tuple(reader.norms[i:i + size])
            if len(words) < size or any(k in taken for k in range(i, i + size)):
                continue
            for candidate in dict.fromkeys((words, (first, *words[1:]))):  # as written first; a set would order by hash
                person = forms.get(candidate)
                if person and not reader.continues_name(i + size, words[-1]):
                    start = reader.words[i].start + (len(words[0]) - len(candidate[0]))
                    found.append(Found(start, reader.words[i + size - 1].end, "PERSON", person.entity_id, person.label, "partial",
                                       "" if candidate is words else proclitics))
                    taken |= set(range(i, i + size))
                    break
            else:
                continue
            break
    return found


def find_names(article, claimed: list[tuple[int, int, str]], demonyms: frozenset[str], lists: NameLists | None = None) -> list[Found]:
    """Titled people, their later partial mentions, and organisations, outside the ``claimed`` spans."""
    reader = NameReader(article, claimed, lists or load_names(), demonyms)
    people: list[Found] = []
    taken: set[int] = set()
    parts: dict[tuple[str, ...], Found] = {}  # every contiguous run of words of a person met so far -> that person
    for k, j in reader.people():
        key = tuple(reader.norms[k:j])
        same = parts.get(key)
        entity_id = same.entity_id if same else slug("person", list(key))
        start, end = reader.words[k].start, reader.words[j - 1].end
        found = Found(start, end, "PERSON", entity_id, same.label if same else article.text[start:end], "partial" if same else "name")
        people.append(found)
        for run in _runs(entity_id):
            parts.setdefault(run, found)
        taken |= set(range(k, j))
    partial = _later_mentions(reader, [p for p in people if p.kind == "name"], taken)
    organisations = []
    for i, j in reader.organisations(taken):
        start, proclitics = _surface_start(reader, i)
        words = [reader.bare(i) if proclitics else reader.norms[i], *reader.norms[i + 1:j]]
        organisations.append(Found(start, reader.words[j - 1].end, "ORG", slug("org", words), article.text[start:reader.words[j - 1].end],
                                   "name", proclitics))
    return sorted(people + partial + organisations, key=lambda f: f.start)


def _runs(entity_id: str) -> list[tuple[str, ...]]:
    """Every contiguous part of the person ``entity_id`` (تميم، بن حمد … of تميم-بن-حمد)."""
    known = entity_id.split(":", 1)[1].split("-")
    return [tuple(known[i:j]) for i in range(len(known)) for j in range(i + 1, len(known) + 1)]
