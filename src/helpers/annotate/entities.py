"""Actors and places with canonical ids (gazetteer), and dates, years and numbers (no gazetteer).

This module holds the mention rules and the time line; the phrase matcher is in
:mod:`helpers.annotate.matching`, the gazetteer reader in :mod:`helpers.annotate.gazetteer` and the
dates and numbers in :mod:`helpers.annotate.numbers` (their names are importable from here too).

Names are matched over the normalised text (:func:`helpers.text.normalize.normalize_with_offsets`) with
quote marks and brackets read as spaces, so «ناتو», (ناتو), حلف»ناتو« and لـ «ناتو» all match, and
every mention maps back to exact offsets of ``article.text``. One Aho–Corasick automaton holds every
alias (:class:`PhraseMatcher`, shared with :mod:`helpers.annotate.themes`); a hit counts when it starts a word
or follows proclitics (و ف ب ل ك, and ل + ال written لل) and ends a word. Overlapping hits are
resolved longest first, so mentions never nest. Short anaphoric forms (الحلف, المبادرة, المركز,
الأمين العام) count only once the entity has been named (see ``data/gazetteer.yaml``).

Beyond the gazetteer, :mod:`helpers.annotate.names` finds titled people (الرئيس الأوكراني فولوديمير زيلينسكي),
their later mentions by surname, and organisations (وزارة الخارجية الكويتية), with slug ids such as
``person:فولوديمير-زيلينسكي`` and no Wikidata id (column ``source`` = ``pattern``).

Offices and their holders (``office: true`` in the gazetteer, e.g. NATO's Secretary General) are
resolved per article, never hard-wired, because offices change hands. The rule (:func:`link_offices`):

1. An office mention in apposition to a person's name (the office, with its genitive complement,
   immediately followed by the name, as in «الأمين العام لحلف شمال الأطلسي (ناتو) ينس شتولتنبرغ», or
   immediately preceded by it, as in «مارك روته، الأمين العام للحلف») refers to that person:
   ``refers_to`` is the person's id and ``appositive`` is True, because title and name are one
   reference and the name's own row already counts it.
2. A later office mention with no name next to it refers to the last person linked to that office
   in the same article (``appositive`` False: it is a reference of its own).
3. With no holder named in the article, the office stays itself (``refers_to`` = its own id).

So the references to a person are the rows with ``refers_to`` = the person and ``appositive`` False
(:func:`reference_counts`): Stoltenberg in the seed has 2, the name (with its title) and the later
«الامين العام». Every other mention refers to its own entity.
"""
from __future__ import annotations

import bisect
import weakref
from typing import NamedTuple

import pandas as pd
import regex

from ..text.morphology import CONJUNCTIONS
from ..text.normalize import normalize
from ..text.quotemarks import ALL_MARKS, MARK_CLASS
from .gazetteer import (
    DEMONYM_ENDINGS, ENTITY_TYPES, GAZETTEER, Entity, Gazetteer, GazetteerError, demonym_forms, load_gazetteer,
)
from .matching import (
    SEPARATORS, Hit, PhraseMatcher, article_matchable, locate, located_columns, longest_first, matchable, original_span,
    phrase_key,
)
from .names import find_names
from .numbers import (
    TIME_WORDS, TimeMention, TimeWords, TimeWordsError, find_numbers, load_time_words, number_table, number_value,
)

#: Public names, the gazetteer's, the matcher's and the numbers' included, so that callers keep
#: importing them from here.
__all__ = [
    "DEMONYM_ENDINGS", "ENTITY_TYPES", "GAZETTEER", "Entity", "Gazetteer", "GazetteerError", "demonym_forms", "load_gazetteer",
    "SEPARATORS", "Hit", "PhraseMatcher", "article_matchable", "locate", "longest_first", "matchable", "original_span", "phrase_key",
    "TIME_WORDS", "TimeMention", "TimeWords", "TimeWordsError", "find_numbers", "load_time_words", "number_table", "number_value",
    "Mention", "BRACKET_PAIRS", "close_brackets", "gazetteer_mentions", "pattern_mentions", "APPOSITION_GAP", "GENITIVE_GAP",
    "link_offices", "find_entities", "ENTITY_COLUMNS", "entity_table", "reference_counts", "TIMELINE_KINDS", "CLAUSE_OPENERS",
    "timeline_table",
]


# --- mentions ------------------------------------------------------------------------------


class Mention(NamedTuple):
    """A mention of a gazetteer entity: ``article.text[start:end] == text``. A named tuple: an article
    has dozens, and a frozen dataclass took three times as long to make."""

    start: int
    end: int
    text: str
    entity_id: str
    type: str
    wikidata: str | None
    label_ar: str
    label_en: str
    kind: str  # name, demonym, anaphor, or partial (a later part of a person's name)
    proclitics: str
    refers_to: str = ""  # the entity the mention denotes: an office's holder, else entity_id
    appositive: bool = False  # an office in apposition to its holder's name (not a reference of its own)
    source: str = "gazetteer"  # gazetteer or pattern (helpers.annotate.names)

    @property
    def anaphoric(self) -> bool:
        return self.kind == "anaphor"


#: A mark that opens inside a mention and the mark that closes it (»…« is a reversed nested pair).
BRACKET_PAIRS = {"(": ")", "[": "]", "«": "»", "»": "«", "“": "”", '"': '"'}


def close_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a span by one character when that closes a mark opened inside it.

    ``حلف شمال الأطلسي (ناتو`` becomes ``حلف شمال الأطلسي (ناتو)`` and ``حلف»ناتو`` becomes
    ``حلف»ناتو«``, so that a mention never shows half a pair of brackets or quote marks.
    """
    open_marks = [c for c in text[start:end] if c in BRACKET_PAIRS]
    if open_marks and end < len(text) and text[end] == BRACKET_PAIRS[open_marks[-1]] and len(open_marks) % 2:
        return start, end + 1
    return start, end


def _genitive_name(string: str, anaphor: Hit, named: list[Hit]) -> Hit | None:
    """The name that ``anaphor`` governs with the preposition ل (الأمين العام لـ«ناتو», … للأمم المتحدة)."""
    i = bisect.bisect_left([h.start for h in named], anaphor.end)
    if i == len(named):
        return None
    follower = named[i]
    between = string[anaphor.end : follower.start].strip() + follower.proclitics
    return follower if between.endswith("ل") and len(between) <= 2 else None


def _resolve_anaphors(string: str, candidates: list[Hit], named: list[Hit], taken: list[bool], gazetteer: Gazetteer) -> list[Hit]:
    """Anaphors that follow a mention of their entity (or an antecedent), or govern one with ل.

    ``الأمين العام للأمم المتحدة`` is not NATO's Secretary General even after NATO was named: an
    anaphor followed by ل and another entity's name belongs to that name.
    """
    accepted: list[Hit] = []
    for hit in sorted(candidates, key=lambda h: (h.start, h.start - h.end)):
        if any(taken[hit.start : hit.end]):
            continue
        entity = gazetteer.entities[hit.payload[0]]
        licensing = {entity.id, *entity.antecedents}
        follower = _genitive_name(string, hit, named)
        if follower is not None:
            ok = follower.payload[0] in licensing
        else:
            ok = any(h.payload[0] in licensing and h.start < hit.start for h in named + accepted)
        if ok:
            taken[hit.start : hit.end] = [True] * (hit.end - hit.start)
            accepted.append(hit)
    return accepted


def gazetteer_mentions(article, gazetteer: Gazetteer) -> list[Mention]:
    """Every gazetteer mention in the article, in text order."""
    string, index = article_matchable(article)
    hits = gazetteer.matcher.find(string)
    quoted = [h for h in gazetteer.quoted_matcher.find(string) if _between_quote_marks(article.text, *original_span(article.text, index, h.start, h.end))]
    taken = [False] * len(string)
    # quoted names first: of two hits of one length (the region الشرق الأوسط and the paper
    # «الشرق الأوسط») the one listed first wins; a longer hit (صحيفة «الشرق الأوسط») still wins
    named = longest_first(quoted + [h for h in hits if h.payload[1] != "anaphor"], taken)
    mentioned = {h.payload[0] for h in named if not h.payload[2]}
    for hit in [h for h in named if h.payload[2]]:
        if not gazetteer.related(hit.payload[0]) & mentioned:
            named.remove(hit)
            taken[hit.start : hit.end] = [False] * (hit.end - hit.start)
    anaphors = _resolve_anaphors(string, [h for h in hits if h.payload[1] == "anaphor"], named, taken, gazetteer)
    mentions = []
    for hit in sorted(named + anaphors, key=lambda h: h.start):
        entity = gazetteer.entities[hit.payload[0]]
        start, end = close_brackets(article.text, *original_span(article.text, index, hit.start, hit.end))
        mentions.append(
            Mention(start, end, article.text[start:end], entity.id, entity.type, entity.wikidata, entity.label_ar, entity.label_en,
                    hit.payload[1], hit.proclitics, entity.id)
        )
    return mentions


def _between_quote_marks(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole of a quotation: «الشرق الأوسط», “القبس”, "الرأي", or reversed »…«."""
    return 0 < start and end < len(text) and BRACKET_PAIRS.get(text[start - 1]) == text[end] and text[end] in "»«”\""


def pattern_mentions(article, gazetteer: Gazetteer, known: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """People and organisations outside the gazetteer (:mod:`helpers.annotate.names`), and the ``known``
    mentions that survive: an organisation's name swallows the places inside it (الكويتية of
    وزارة الخارجية الكويتية), as the longest match does everywhere else."""
    found = find_names(article, [(m.start, m.end, m.type) for m in known], gazetteer.demonym_keys)
    extra = [Mention(f.start, f.end, article.text[f.start:f.end], f.entity_id, f.type, None, f.label, None, f.kind, f.proclitics,
                     f.entity_id, source="pattern") for f in found]
    organisations = sorted((m.start, m.end) for m in extra if m.type == "ORG")
    return extra, [m for m in known if not _overlaps_any(organisations, m.start, m.end)]


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap one of ``spans`` (sorted, non-overlapping)? By binary search."""
    k = bisect.bisect_left(spans, (end,))
    return k > 0 and spans[k - 1][1] > start


#: What may stand between an office and its holder's name: spaces, brackets, quote marks, a comma.
APPOSITION_GAP = regex.compile(rf"[\s{MARK_CLASS}()\[\],،ـ-]*")
#: What may stand between an office and its genitive complement: الأمين العام لـ «ناتو».
GENITIVE_GAP = regex.compile(rf"[\s{MARK_CLASS}()]*(?:لـ?)?[\s{MARK_CLASS}()]*")


def _holder(text: str, mentions: list[Mention], i: int, gazetteer: Gazetteer) -> Mention | None:
    """The person named in apposition to the office mention ``mentions[i]`` (rule 1), or None."""
    office = gazetteer.entities[mentions[i].entity_id]
    end, j = mentions[i].end, i + 1
    while j < len(mentions) and mentions[j].entity_id in office.antecedents and GENITIVE_GAP.fullmatch(text[end : mentions[j].start]):
        end, j = mentions[j].end, j + 1

    def is_person(m: Mention) -> bool:
        return m.type == "PERSON" and not getattr(gazetteer.entities.get(m.entity_id), "office", False)

    if j < len(mentions) and is_person(mentions[j]) and APPOSITION_GAP.fullmatch(text[end : mentions[j].start]):
        return mentions[j]
    if i > 0 and is_person(mentions[i - 1]) and APPOSITION_GAP.fullmatch(text[mentions[i - 1].end : mentions[i].start]):
        return mentions[i - 1]
    return None


def link_offices(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Set ``refers_to`` and ``appositive`` of office mentions by the rule in the module docstring."""
    holders: dict[str, str] = {}
    linked = []
    for i, mention in enumerate(mentions):
        entity = gazetteer.entities.get(mention.entity_id)
        if entity is not None and entity.office:
            holder = _holder(text, mentions, i, gazetteer)
            if holder is not None:
                holders[entity.id] = holder.refers_to
                mention = mention._replace(refers_to=holder.refers_to, appositive=True)
            else:
                mention = mention._replace(refers_to=holders.get(entity.id, entity.id))
        linked.append(mention)
    return linked


#: Article -> {gazetteer: its mentions}: the entities, quotes and themes layers all need them.
_MENTIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def find_entities(article, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every entity mention in the article (gazetteer, then names found without it), in text order.

    Computed once per article and gazetteer (the result lives as long as the article does).
    """
    gazetteer = gazetteer or load_gazetteer()
    per_gazetteer = _MENTIONS.setdefault(article, {})
    if gazetteer not in per_gazetteer:
        extra, known = pattern_mentions(article, gazetteer, gazetteer_mentions(article, gazetteer))
        mentions = sorted(known + extra, key=lambda m: m.start)
        per_gazetteer[gazetteer] = tuple(link_offices(article.text, mentions, gazetteer))
    return list(per_gazetteer[gazetteer])


ENTITY_COLUMNS = [
    "doc_id", "start", "end", "text", "entity_id", "type", "wikidata", "label_ar", "label_en",
    "para", "sentence", "kind", "anaphoric", "proclitics", "refers_to", "appositive", "source",
]


def entity_columns(article, gazetteer: Gazetteer | None = None) -> dict[str, list]:
    """The ``entities`` layer as column lists (what the corpus tables store): one entry per mention."""
    return located_columns(article, find_entities(article, gazetteer), ENTITY_COLUMNS)


def entity_table(article, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """One row per entity mention, with its paragraph and sentence (the ``entities`` layer)."""
    return pd.DataFrame(entity_columns(article, gazetteer), columns=ENTITY_COLUMNS)


def reference_counts(table: pd.DataFrame) -> pd.Series:
    """References per entity (``refers_to``), an office in apposition to its holder's name not
    counted apart from the name: the number a researcher cites for "mentions of Stoltenberg"."""
    return table.loc[~table["appositive"].astype(bool), "refers_to"].value_counts()


# --- the time line: dated events with the actors of their sentence ----------------------------

TIMELINE_KINDS = ("date", "year", "month", "relative", "weekday")
#: Words that open the clause an event is told in (that, that he): وأوضح انه | تم اطلاق … في عام 2004.
CLAUSE_OPENERS = frozenset({"ان", "انه", "انها", "بان", "بانه"})
WORDS_BEFORE, WORDS_AFTER = 16, 4


def _context(article, start: int, end: int, sentence_start: int, sentence_end: int) -> str:
    """The clause that a date belongs to: from the clause opener (or a comma) to a few words after it."""
    before = article.text[sentence_start:start].split()
    opener = max((i + 1 for i, w in enumerate(before) if normalize(w).lstrip("".join(CONJUNCTIONS)) in CLAUSE_OPENERS or w.endswith((",", "،"))), default=0)
    before = before[opener:][-WORDS_BEFORE:]
    after = []
    for word in article.text[end:sentence_end].split()[:WORDS_AFTER]:
        if word[:1] in ALL_MARKS or word[:1] == "(":
            break
        after.append(word.rstrip(",،.؛"))
        if word != after[-1]:
            break
    return " ".join(before + [article.text[start:end]] + after)


def timeline_table(article, gazetteer: Gazetteer | None = None, time_words: TimeWords | None = None) -> pd.DataFrame:
    """The dated events of an article: every date, year or relative time, its sentence context and actors.

    ``entities`` lists (``;``-separated) the entity ids named in the same sentence, so that a year
    can be read as "the ICI launch" (2004, with ici and istanbul) or "the centre opening" (2017).
    """
    numbers = number_table(article, time_words)
    dated = numbers[numbers["kind"].isin(TIMELINE_KINDS)].copy()
    entities = entity_table(article, gazetteer)
    spans = {s.sentence: s for s in article.sentences}
    dated["context"] = [_context(article, r.start, r.end, spans[r.sentence].start, spans[r.sentence].end) for r in dated.itertuples()]
    dated["entities"] = [";".join(dict.fromkeys(entities.loc[entities["sentence"] == s, "entity_id"])) for s in dated["sentence"]]
    return dated.drop(columns=["value"]).reset_index(drop=True)
