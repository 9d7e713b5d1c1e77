"""Actors and places with canonical ids (gazetteer), and dates, years and numbers (no gazetteer).

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
import dataclasses
import re
import unicodedata
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import ahocorasick
import pandas as pd
import regex

from ..text.lexicons import cached_by_file, read_records, read_yaml, resolved, wordlist
from .names import find_names
from ..text.morphology import (
    ARTICLE, CONJUNCTIONS, LAM_ARTICLE, PREPOSITIONS, PROCLITIC_SEQUENCES, PROCLITICS_BEFORE_ARTICLE, PROCLITICS_BEFORE_LAM_ARTICLE, has_article,
)
from ..text.normalize import normalize, normalize_with_offsets
from ..paths import PACKAGE_DATA

GAZETTEER = PACKAGE_DATA / "gazetteer.yaml"
TIME_WORDS = PACKAGE_DATA / "time_words.yaml"

# --- matchable text: normalised, quote marks and brackets read as spaces --------------------

#: Characters that separate words like a space when matching names and phrases.
SEPARATORS = frozenset("«»“”„‹›\"'‘’()[]{}-–—_/")
#: A run of separators and white space, which matching reads as one space (or one line break);
#: a lone space is already what it should be and is left alone.
_SEPARATOR_CLASS = "[" + re.escape("".join(sorted(SEPARATORS))) + r"\s]"
SEPARATOR_RUN = re.compile(f"{_SEPARATOR_CLASS}{{2,}}|(?! ){_SEPARATOR_CLASS}")


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
        pieces.append(norm[copied : run.start()])
        offsets.extend(index[copied : run.start()])
        # one character for the run: a line break (at the run's last one) if it has any, else a space
        line_break = run.group().rfind("\n")
        pieces.append("\n" if line_break >= 0 else " ")
        offsets.append(index[run.start() + max(line_break, 0)])
        copied = run.end()
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


@dataclass(frozen=True)
class Hit:
    """One occurrence of a phrase in a matchable string: ``[start, end)`` there, its payload."""

    start: int
    end: int
    payload: object
    proclitics: str


class PhraseMatcher:
    """Every occurrence of many phrases in one pass (Aho–Corasick), with Arabic word boundaries.

    ``phrases`` maps a key (from :func:`phrase_key`) to a payload. A phrase that starts with the
    article ال also matches after the preposition ل written لل (للحلف); the hit then starts at
    the article's lam, and the proclitic ل is reported in :attr:`Hit.proclitics`.
    """

    def __init__(self, phrases: Mapping[str, object]):
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[object, bool]]] = {}
        for key, payload in phrases.items():
            entries.setdefault(key, []).append((payload, False))
            if has_article(key):
                entries.setdefault(LAM_ARTICLE + key[len(ARTICLE) :], []).append((payload, True))
        for key, values in entries.items():
            self.automaton.add_word(key, (len(key), key.startswith(ARTICLE), values))
        if entries:
            self.automaton.make_automaton()
        self.size = len(entries)

    def find(self, string: str) -> list[Hit]:
        """All boundary-respecting hits in ``string``, overlapping ones included."""
        if not self.size:
            return []
        hits = []
        for last, (length, with_article, values) in self.automaton.iter(string):
            start, end = last - length + 1, last + 1
            if end < len(string) and string[end].isalnum():
                continue
            word_start = start
            while word_start > 0 and string[word_start - 1].isalnum():
                word_start -= 1
            prefix = string[word_start:start]
            for payload, lam_article in values:
                allowed = PROCLITICS_BEFORE_LAM_ARTICLE if lam_article else (
                    PROCLITICS_BEFORE_ARTICLE if with_article else PROCLITIC_SEQUENCES
                )
                if prefix in allowed:
                    shift = 1 if lam_article else 0
                    hits.append(Hit(start + shift, end, payload, prefix + "ل" * shift))
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


def locate(article, offset: int) -> tuple[int, int]:
    """(para, sentence) of the sentence containing ``offset`` (or the last one starting before it)."""
    sentences = article.sentences
    i = max(bisect.bisect_right([s.start for s in sentences], offset) - 1, 0)
    return sentences[i].para, sentences[i].sentence


# --- the gazetteer ---------------------------------------------------------------------------

ENTITY_TYPES = ("ORG", "GPE", "PERSON", "LOC", "FAC", "EVENT", "INITIATIVE")
REQUIRED_KEYS = ("id", "type", "label_ar", "label_en", "aliases")
OPTIONAL_KEYS = ("wikidata", "anaphors", "antecedents", "ambiguous", "demonyms", "member_of", "office", "quoted_names")
#: Endings derived from a demonym (تركي → تركية، تركيون، تركيين، تركيات), each with and without ال.
DEMONYM_ENDINGS = ("", "ة", "ه", "ون", "ين", "ات")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_PATTERN = re.compile(r"^Q[1-9][0-9]*$")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used; the message names the file and the entity."""


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    label_ar: str
    label_en: str
    aliases: tuple[str, ...]
    wikidata: str | None = None
    anaphors: tuple[str, ...] = ()
    antecedents: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    office: bool = False
    quoted_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    """Validated entities by id, with the matcher over all their aliases and anaphors."""

    path: Path
    entities: dict[str, Entity] = field(hash=False)

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """Payloads are (entity id, kind, ambiguous), kind being ``name``, ``demonym`` or ``anaphor``."""
        phrases: dict[str, tuple[str, str, bool]] = {}
        for entity in self.entities.values():
            ambiguous = {phrase_key(a) for a in entity.ambiguous}
            for demonym in entity.demonyms:
                for form in demonym_forms(demonym):
                    phrases[form] = (entity.id, "demonym", phrase_key(demonym) in ambiguous)
            for alias in entity.aliases:
                key = phrase_key(alias)
                phrases[key] = (entity.id, "name", key in ambiguous)
            for anaphor in entity.anaphors:
                phrases[phrase_key(anaphor)] = (entity.id, "anaphor", False)
        return PhraseMatcher(phrases)

    @cached_property
    def quoted_matcher(self) -> PhraseMatcher:
        """The ``quoted_names``: payloads as in :attr:`matcher`; hits count only between quote marks."""
        return PhraseMatcher({phrase_key(name): (e.id, "name", False) for e in self.entities.values() for name in e.quoted_names})

    def members(self, group: str) -> list[str]:
        """Ids of the entities that list ``group`` in ``member_of``, in file order."""
        if group not in self.entities:
            raise KeyError(f"{self.path}: no entity {group!r}")
        return [e.id for e in self.entities.values() if group in e.member_of]

    @cached_property
    def demonym_keys(self) -> frozenset[str]:
        """Every matcher key of every demonym (التركية, الخليجيين): these end a name."""
        return frozenset(form for e in self.entities.values() for d in e.demonyms for form in demonym_forms(d))

    def related(self, entity_id: str) -> set[str]:
        """The entity's groups and every other member of them."""
        groups = set(self.entities[entity_id].member_of)
        return groups | {e.id for e in self.entities.values() if groups & set(e.member_of)} - {entity_id}


def demonym_forms(demonym: str) -> set[str]:
    """Matcher keys for a demonym: feminine, plural and definite forms (خليجي → الخليجيين …)."""
    base = phrase_key(demonym)
    forms = {base + ending for ending in DEMONYM_ENDINGS} if base.endswith("ي") else {base}
    return forms | {ARTICLE + form for form in forms}


def _fail(path: Path, where: str, problem: str):
    raise GazetteerError(f"{path}: {where}: {problem}")


def _phrase_list(path: Path, where: str, entry: dict, key: str, required: bool) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        if required:
            _fail(path, where, f"'{key}' is missing or empty")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        _fail(path, where, f"'{key}' must be a non-empty list of strings")
    for item in value:
        if not isinstance(item, str) or not phrase_key(item):
            _fail(path, where, f"'{key}' holds an empty or non-text entry: {item!r}")
    return tuple(value)


def _parse_entity(path: Path, number: int, entry: object) -> Entity:
    where = f"entity #{number}"
    if not isinstance(entry, dict):
        _fail(path, where, f"expected a mapping of fields, got {type(entry).__name__}")
    where = f"entity {entry.get('id', f'#{number}')!r}"
    unknown = set(entry) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)
    if unknown:
        _fail(path, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}")
    for key in REQUIRED_KEYS:
        if entry.get(key) in (None, "", []):
            _fail(path, where, f"'{key}' is missing or empty")
    if not isinstance(entry["id"], str) or not ID_PATTERN.match(entry["id"]):
        _fail(path, where, "'id' must be lower-case letters, digits and hyphens (e.g. saudi-arabia)")
    if entry["type"] not in ENTITY_TYPES:
        _fail(path, where, f"'type' {entry['type']!r} is not one of {', '.join(ENTITY_TYPES)}")
    if not isinstance(entry.get("office", False), bool):
        _fail(path, where, "'office' must be true or false")
    qid = entry.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and QID_PATTERN.match(qid)):
        _fail(path, where, f"'wikidata' {qid!r} is not a QID such as Q7184 (or null)")
    aliases = _phrase_list(path, where, entry, "aliases", required=True)
    ambiguous = _phrase_list(path, where, entry, "ambiguous", required=False)
    demonyms = _phrase_list(path, where, entry, "demonyms", required=False)
    if {phrase_key(a) for a in ambiguous} - {phrase_key(a) for a in aliases + demonyms}:
        _fail(path, where, "every 'ambiguous' entry must also be one of its 'aliases' or 'demonyms'")
    return Entity(
        id=entry["id"],
        type=entry["type"],
        label_ar=str(entry["label_ar"]),
        label_en=str(entry["label_en"]),
        aliases=aliases,
        wikidata=qid,
        anaphors=_phrase_list(path, where, entry, "anaphors", required=False),
        antecedents=_phrase_list(path, where, entry, "antecedents", required=False),
        ambiguous=ambiguous,
        demonyms=demonyms,
        member_of=_phrase_list(path, where, entry, "member_of", required=False),
        office=entry.get("office", False),
        quoted_names=_phrase_list(path, where, entry, "quoted_names", required=False),
    )


def _check_references(path: Path, entities: dict[str, Entity]) -> None:
    owner: dict[str, str] = {}
    for entity in entities.values():
        for ref in entity.member_of + entity.antecedents:
            if ref not in entities:
                _fail(path, f"entity {entity.id!r}", f"refers to unknown entity {ref!r}")
        keys = {phrase_key(p): p for p in entity.aliases + entity.anaphors}
        keys |= {form: d for d in entity.demonyms for form in demonym_forms(d)}
        for key, phrase in keys.items():
            if owner.setdefault(key, entity.id) != entity.id:
                _fail(path, f"entity {entity.id!r}", f"name {phrase!r} is also listed for {owner[key]!r}; a name may denote one entity only")
    quoted_owner: dict[str, str] = {}
    for entity in entities.values():
        for name in entity.quoted_names:
            if quoted_owner.setdefault(phrase_key(name), entity.id) != entity.id:
                _fail(path, f"entity {entity.id!r}", f"quoted name {name!r} is also listed for {quoted_owner[phrase_key(name)]!r}")
@cached_by_file
def _load_gazetteer(path: Path) -> Gazetteer:
    entities: dict[str, Entity] = read_records(path, "entities", "entity", _parse_entity, GazetteerError)
    _check_references(path, entities)
    return Gazetteer(path, entities)


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Read and validate a gazetteer (default ``data/gazetteer.yaml``); cached per file version."""
    return _load_gazetteer(resolved(path or GAZETTEER))


# --- mentions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A mention of a gazetteer entity: ``article.text[start:end] == text``."""

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
    organisations = [(m.start, m.end) for m in extra if m.type == "ORG"]
    kept = [m for m in known if not any(m.start < end and start < m.end for start, end in organisations)]
    return extra, kept


#: What may stand between an office and its holder's name: spaces, brackets, quote marks, a comma.
APPOSITION_GAP = regex.compile(r"[\s«»“”\"()\[\],،ـ-]*")
#: What may stand between an office and its genitive complement: الأمين العام لـ «ناتو».
GENITIVE_GAP = regex.compile(r"[\s«»“”\"()]*(?:لـ?)?[\s«»“”\"()]*")


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
                mention = dataclasses.replace(mention, refers_to=holder.refers_to, appositive=True)
            else:
                mention = dataclasses.replace(mention, refers_to=holders.get(entity.id, entity.id))
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


def entity_table(article, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """One row per entity mention, with its paragraph and sentence (the ``entities`` layer)."""
    rows = []
    for mention in find_entities(article, gazetteer):
        para, sentence = locate(article, mention.start)
        rows.append({"doc_id": article.doc_id, **mention.__dict__, "anaphoric": mention.anaphoric, "para": para, "sentence": sentence})
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def reference_counts(table: pd.DataFrame) -> pd.Series:
    """References per entity (``refers_to``), an office in apposition to its holder's name not
    counted apart from the name: the number a researcher cites for "mentions of Stoltenberg"."""
    return table.loc[~table["appositive"].astype(bool), "refers_to"].value_counts()


# --- dates, years and numbers (no gazetteer) -------------------------------------------------


class TimeWordsError(ValueError):
    """A time-words file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class TimeWords:
    """The normalised word lists of ``data/time_words.yaml`` and the one regex built from them."""

    months: dict[str, tuple[int, str]]  # name -> (month, calendar)
    calendar_marks: dict[str, str]
    year_cues: frozenset[str]
    year_prepositions: frozenset[str]
    weekdays: dict[str, int]
    relative: dict[str, int | None]
    number_words: dict[str, int]
    scale_words: dict[str, int]
    percent_marks: tuple[str, ...]

    @cached_property
    def pattern(self) -> regex.Pattern:
        def alternation(words: Iterable[str]) -> str:
            return "|".join(r"\s+".join(map(regex.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))

        month = alternation(self.months)
        number_word = alternation(set(self.number_words) | set(self.scale_words))
        proclitics = f"[{''.join(CONJUNCTIONS)}]?[{''.join(PREPOSITIONS)}]?"
        before, after = rf"(?<![\p{{L}}\p{{N}}])(?:{proclitics})", r"(?![\p{L}\p{N}])"
        return regex.compile(
            rf"(?P<numeric_date>(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>\d{{4}}))"
            rf"|(?P<iso_date>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))"
            rf"|{before}(?P<month_date>(?:(?P<day>\d{{1,2}})\s+)?(?P<month_cue>شهر\s+)?(?P<month>{month})"
            rf"(?:\s*[/(]\s*(?:{month})\s*\)?)?(?:\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<year>\d{{4}}))?){after}"
            rf"|{before}(?P<relative>{alternation(self.relative)}){after}"
            rf"|{before}(?P<weekday>{alternation(self.weekdays)}){after}"
            rf"|{before}(?P<number>\d+(?:[.,]\d+)*)(?P<percent>\s*(?:{alternation(self.percent_marks)}))?"
            rf"(?:\s*(?P<calendar>{alternation(self.calendar_marks)}){after})?"
            rf"|{before}(?P<number_words>(?:{number_word})(?:\s+و?(?:{number_word}))*){after}",
            regex.V1,
        )


def _normalised_map(path: Path, data: dict, key: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise TimeWordsError(f"{path}: '{key}' must be a non-empty mapping")
    return {normalize(str(k)): v for k, v in value.items()}


def _normalised_list(path: Path, data: dict, key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise TimeWordsError(f"{path}: '{key}' must be a non-empty list")
    return [normalize(str(v)) for v in value]


@cached_by_file
def _load_time_words(path: Path) -> TimeWords:
    data = read_yaml(path, TimeWordsError)
    if not isinstance(data, dict):
        raise TimeWordsError(f"{path}: expected a mapping at the top level")
    months_by_calendar = data.get("months") or {}
    months = {}
    for calendar in ("gregorian", "hijri"):
        for name, number in _normalised_map(path, months_by_calendar, calendar).items():
            months[name] = (int(number), calendar)
    marks = {normalize(m): calendar for calendar, items in (data.get("calendar_marks") or {}).items() for m in items}
    return TimeWords(
        months=months,
        calendar_marks=marks,
        year_cues=frozenset(_normalised_list(path, data, "year_cues")),
        year_prepositions=frozenset(_normalised_list(path, data, "year_prepositions") if "year_prepositions" in data else ()),
        weekdays=_normalised_map(path, data, "weekdays"),
        relative=_normalised_map(path, data, "relative"),
        number_words=_normalised_map(path, data, "number_words"),
        scale_words=_normalised_map(path, data, "scale_words"),
        percent_marks=tuple(_normalised_list(path, data, "percent_marks")),
    )


def load_time_words(path: str | Path | None = None) -> TimeWords:
    """Read ``data/time_words.yaml`` (or another file of the same shape); cached per file."""
    return _load_time_words(resolved(path or TIME_WORDS))


@dataclass(frozen=True)
class TimeMention:
    """A date, year, month, weekday, relative time or number: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    kind: str  # date, year, month, weekday, relative, number or percent
    value: float | None = None  # the number (numbers, percentages, years)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str | None = None  # gregorian or hijri
    offset_days: int | None = None  # relative expressions: days from publication (-1 = أمس)


def number_value(words: str, time_words: TimeWords) -> int:
    """The value of written-out number words: ألفين وسبعة عشر → 2017, ثلاثة آلاف → 3000."""
    total = current = 0
    for word in regex.findall(r"\S+", normalize(words)):
        word = word[1:] if word.startswith("و") and word[1:] in time_words.number_words | time_words.scale_words else word
        if word in time_words.scale_words:
            total += max(current, 1) * time_words.scale_words[word]
            current = 0
        elif time_words.number_words.get(word) == 100 and 0 < current < 10:
            current *= 100
        else:
            current += time_words.number_words.get(word, 0)
    return total + current


def _numeric(text: str) -> float:
    return float(text.replace(",", "")) if "," in text and "." not in text else float(text.replace(",", "."))


def _previous_word_in(words: frozenset[str], norm: str, start: int) -> bool:
    """Is the word before ``start`` one of ``words``, bare or after one proclitic letter (وفي، لعام)?"""
    previous = regex.findall(r"\p{L}+", norm[max(0, start - 16) : start])
    return bool(previous) and (previous[-1] in words or previous[-1][1:] in words)


def _is_year_cued(norm: str, start: int, time_words: TimeWords) -> bool:
    return _previous_word_in(time_words.year_cues, norm, start)


def _counts_something(norm: str, start: int, end: int, time_words: TimeWords) -> bool:
    """Is the four-digit number at ``[start, end)`` a count (نشر 2000 جندي، 2024 مليون) and not a year?

    A count is followed by what it counts, an indefinite noun (or a scale word); a year stands
    after في، منذ، حتى … or before a definite word, a conjunction, a function word or punctuation
    (منذ 2011 والبلاد، انتخابات 2020 الرئاسية، رؤية 2030).
    """
    if _previous_word_in(time_words.year_prepositions, norm, start):
        return False
    following = regex.match(r"[ \t]*(\p{L}+)", norm[end:])
    if following is None:
        return False
    word = following[1]
    if word in time_words.scale_words:
        return True
    return not (word.startswith((ARTICLE, LAM_ARTICLE) + CONJUNCTIONS) or word in wordlist("stopwords"))


def _classify(match, norm: str, time_words: TimeWords) -> dict | None:
    """The fields of one regex match, or None when a bare month name stands alone (صفر, رمضان)."""
    if match["numeric_date"] or match["iso_date"]:
        day, month, year = (match["nd"], match["nm"], match["ny"]) if match["numeric_date"] else (match["id"], match["im"], match["iy"])
        return {"kind": "date", "day": int(day), "month": int(month), "year": int(year), "calendar": "gregorian"}
    if match["month_date"]:
        month, calendar = time_words.months[regex.sub(r"\s+", " ", match["month"])]
        if not (match["day"] or match["year"] or match["month_cue"]):
            return None
        year = int(match["year"]) if match["year"] else None
        kind = "date" if match["day"] or year else "month"
        return {"kind": kind, "day": int(match["day"]) if match["day"] else None, "month": month, "year": year, "calendar": calendar}
    if match["relative"]:
        return {"kind": "relative", "offset_days": time_words.relative[regex.sub(r"\s+", " ", match["relative"])]}
    if match["weekday"]:
        return {"kind": "weekday"}
    if match["number"]:
        value = _numeric(match["number"])
        calendar = time_words.calendar_marks.get(match["calendar"]) if match["calendar"] else None
        if match["percent"]:
            return {"kind": "percent", "value": value}
        four_digits = regex.fullmatch(r"\d{4}", match["number"]) is not None
        uncued_year = 1800 <= value <= 2100 and not _counts_something(norm, match.start(), match.end("number"), time_words)
        if calendar == "hijri" or (four_digits and (_is_year_cued(norm, match.start(), time_words) or uncued_year)):
            return {"kind": "year", "value": value, "year": int(value), "calendar": calendar or "gregorian"}
        return {"kind": "number", "value": value}
    value = number_value(match["number_words"], time_words)
    if 1800 <= value <= 2100 and _is_year_cued(norm, match.start("number_words"), time_words):
        return {"kind": "year", "value": value, "year": value, "calendar": "gregorian"}
    return {"kind": "number", "value": value}


#: The regex groups that hold a whole mention (a number's span runs on over % and هـ).
MATCH_GROUPS = ("numeric_date", "iso_date", "month_date", "relative", "weekday", "number", "number_words")


def find_numbers(article, time_words: TimeWords | None = None) -> list[TimeMention]:
    """Dates, years, months, weekdays, relative times (أمس, اليوم) and numbers, in text order.

    Arabic-Indic digits (٢٠١٧) are read through the normaliser; written-out numbers are summed
    (ألفين وسبعة عشر → 2017) and count as years after a year cue (عام, سنة). A four-digit number
    from 1800 to 2100 is taken for a year unless it counts something (:func:`_counts_something`).
    """
    time_words = time_words or load_time_words()
    norm, index = normalize_with_offsets(article.text)
    mentions = []
    for match in time_words.pattern.finditer(norm):
        fields = _classify(match, norm, time_words)
        if fields is None:
            continue
        group = next(g for g in MATCH_GROUPS if match[g])
        lo, hi = match.start(group), (match.end() if group == "number" else match.end(group))
        start, end = original_span(article.text, index, lo, hi)
        mentions.append(TimeMention(start, end, article.text[start:end], **fields))
    return mentions


NUMBER_COLUMNS = ["doc_id", "start", "end", "text", "kind", "value", "year", "month", "day", "calendar", "offset_days", "para", "sentence"]


def number_table(article, time_words: TimeWords | None = None) -> pd.DataFrame:
    """One row per date, year, month, weekday, relative time or number, with paragraph and sentence."""
    rows = []
    for mention in find_numbers(article, time_words):
        para, sentence = locate(article, mention.start)
        rows.append({"doc_id": article.doc_id, **mention.__dict__, "para": para, "sentence": sentence})
    frame = pd.DataFrame(rows, columns=NUMBER_COLUMNS)
    return frame.astype({c: "Int64" for c in ("year", "month", "day", "offset_days")})


TIMELINE_KINDS = ("date", "year", "month", "relative", "weekday")
#: Words that open the clause an event is told in (that, that he): وأوضح انه | تم اطلاق … في عام 2004.
CLAUSE_OPENERS = frozenset({"ان", "انه", "انها", "بان", "بانه"})
WORDS_BEFORE, WORDS_AFTER = 16, 4


def _context(article, start: int, end: int, sentence_start: int, sentence_end: int) -> str:
    """The clause that a date belongs to: from the clause opener (or a comma) to a few words after it."""
    before = article.text[sentence_start:start].split()
    opener = max((i + 1 for i, w in enumerate(before) if normalize(w).lstrip("وف") in CLAUSE_OPENERS or w.endswith((",", "،"))), default=0)
    before = before[opener:][-WORDS_BEFORE:]
    after = []
    for word in article.text[end:sentence_end].split()[:WORDS_AFTER]:
        if regex.match(r"^[«»\"“”(]", word):
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
