"""Corpus-wide identities of speakers and actors, speaker types, and national or foreign voice.

The quotes layer numbers speakers per article (S1, S2 …). Across a corpus the same person must
be one row: «وزير الخارجية عادل الجبير», «الجبير» and, in an article that names him, «وزير
الخارجية السعودي» are all ``adel-al-jubeir``. A speaker gets, in this order:

1. the id of a name found in its label: a person or body of ``data/aliases.yaml`` or a person of
   the gazetteer anywhere in the label; a state, organisation or alias-file actor only when the
   label *is* its name (in «سفير المملكة العربية السعودية» the ambassador speaks, not the state);
2. the id of a title of ``data/aliases.yaml`` that is the whole label (honorifics removed), in an
   article that also names that identity (offices change hands; a title alone is not a name);
3. the identity of an earlier speaker of the same article whose name ends with this label
   (a bare surname: كيري after جون كيري) or whose label holds it (a title after the titled name);
4. otherwise ``name:`` and its normalised label without honorifics (the same unknown label in
   two articles is still one id); a speaker the extractor could not find is ``unknown`` (its
   type too: it is not counted as an anonymous source).

Speaker types (official, anonymous source, expert, citizen, organisation, media) and the
voice's origin (Saudi, Gulf, foreign) come from ``data/speaker_types.yaml`` and the gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..paths import PACKAGE_DATA
from ..text.lexicons import cached_by_file, read_records, read_yaml, resolved
from ..text.normalize import normalize
from .gazetteer import ID_PATTERN, Gazetteer, demonym_forms, load_gazetteer
from .matching import PhraseMatcher, article_matchable, longest_first, matchable, original_span, phrase_key

ALIASES = PACKAGE_DATA / "aliases.yaml"
SPEAKER_TYPES = PACKAGE_DATA / "speaker_types.yaml"
KINDS = ("person", "body", "actor")
UNKNOWN = "unknown"
#: The type of a statement whose speaker the quotes layer could not find.
UNKNOWN_LABEL = "متحدث غير محدد"
#: Origins of a voice; Saudi and Gulf voices are the national ones.
ORIGINS = ("saudi", "gulf", "foreign", "unknown")
NATIONAL = ("saudi", "gulf")
NAME_WORD = re.compile(r"\w+")


class IdentityError(ValueError):
    """An alias or speaker-type file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True)
class Identity:
    """One person, body or actor of the alias file."""

    id: str
    label_ar: str
    label_en: str
    kind: str
    names: tuple[str, ...]
    titles: tuple[str, ...] = ()
    speaker_type: str | None = None
    country: str | None = None


def _strings(path: Path, where: str, entry: dict, key: str, required: bool) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None and not required:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and phrase_key(v) for v in value):
        raise IdentityError(f"{path}: {where}: '{key}' must be a non-empty list of names")
    return tuple(value)


def _parse_identity(path: Path, number: int, entry: object) -> Identity:
    if not isinstance(entry, dict):
        raise IdentityError(f"{path}: entry #{number}: expected a mapping of fields")
    where = f"identity {entry.get('id', f'#{number}')!r}"
    unknown = set(entry) - {"id", "label_ar", "label_en", "kind", "speaker_type", "country", "names", "titles"}
    if unknown:
        raise IdentityError(f"{path}: {where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    if not isinstance(entry.get("id"), str) or not ID_PATTERN.match(entry["id"]):
        raise IdentityError(f"{path}: {where}: 'id' must be lower-case letters, digits and hyphens")
    if entry.get("kind") not in KINDS:
        raise IdentityError(f"{path}: {where}: 'kind' must be one of {', '.join(KINDS)}")
    for key in ("label_ar", "label_en"):
        if not entry.get(key):
            raise IdentityError(f"{path}: {where}: '{key}' is missing or empty")
    return Identity(
        id=entry["id"], label_ar=str(entry["label_ar"]), label_en=str(entry["label_en"]), kind=entry["kind"],
        names=_strings(path, where, entry, "names", True), titles=_strings(path, where, entry, "titles", False),
        speaker_type=entry.get("speaker_type"), country=entry.get("country"),
    )


@dataclass(frozen=True)
class SpeakerTypes:
    """Speaker-type cues, their order, labels, honorifics and cues of a Saudi voice."""

    path: Path
    order: tuple[str, ...]
    labels: dict
    cues: dict
    honorifics: tuple[str, ...]
    saudi_cues: tuple[str, ...]
    gazetteer_types: dict
    media: frozenset[str]
    entity_origins: dict


def _word_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """Whole words of any phrase, after optional proclitics and article (المصادر، ومصادر، لمصدر)."""
    alternatives = "|".join(sorted((re.escape(normalize(p)) for p in phrases), key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:[وف]?(?:[بلك]|لل)?(?:ال)?)(?:{alternatives})(?=\s|$)")


@cached_by_file
def _load_speaker_types(path: Path) -> SpeakerTypes:
    data = read_yaml(path, IdentityError)
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict) or not data["types"]:
        raise IdentityError(f"{path}: expected a 'types:' mapping of type id: {{label_ar, cues}}")
    labels, cues = {}, {}
    for key, entry in data["types"].items():
        if not isinstance(entry, dict) or not entry.get("label_ar"):
            raise IdentityError(f"{path}: type {key!r}: needs a 'label_ar'")
        labels[key] = entry["label_ar"]
        cues[key] = _strings(path, f"type {key!r}", entry, "cues", False)
    order = tuple(data.get("order") or labels)
    if set(order) != set(labels):
        raise IdentityError(f"{path}: 'order' must list every type once: {', '.join(labels)}")
    mapping = data.get("gazetteer_types") or {}
    origins = data.get("entity_origins") or {}
    if set(origins.values()) - set(ORIGINS):
        raise IdentityError(f"{path}: 'entity_origins' values must be one of {', '.join(ORIGINS)}")
    if set(mapping.values()) - set(labels):
        raise IdentityError(f"{path}: 'gazetteer_types' names an unknown type")
    return SpeakerTypes(
        path, order, labels, cues, _strings(path, "honorifics", data, "honorifics", False),
        _strings(path, "saudi_cues", data, "saudi_cues", False), dict(mapping), frozenset(data.get("media_entities") or ()),
        origins,
    )


def load_speaker_types(path: str | Path | None = None) -> SpeakerTypes:
    """Read ``data/speaker_types.yaml`` (or ``path``); cached per file."""
    return _load_speaker_types(resolved(path or SPEAKER_TYPES))


@cached_by_file
def _load_aliases(path: Path, gazetteer: Gazetteer) -> dict[str, Identity]:
    identities = read_records(path, "identities", "identity", _parse_identity, IdentityError)
    types = load_speaker_types()
    owner: dict[str, str] = {}
    for identity in identities.values():
        if identity.id in gazetteer.entities:
            raise IdentityError(f"{path}: identity {identity.id!r}: the gazetteer already has this id; add names there")
        if identity.country and identity.country not in gazetteer.entities:
            raise IdentityError(f"{path}: identity {identity.id!r}: country {identity.country!r} is not a gazetteer id")
        if identity.speaker_type and identity.speaker_type not in types.labels:
            raise IdentityError(f"{path}: identity {identity.id!r}: speaker_type {identity.speaker_type!r} is not in {types.path.name}")
        for name in identity.names:
            if owner.setdefault(phrase_key(name), identity.id) != identity.id:
                raise IdentityError(f"{path}: identity {identity.id!r}: name {name!r} is also listed for {owner[phrase_key(name)]!r}")
    return identities


def load_aliases(path: str | Path | None = None, gazetteer: Gazetteer | None = None) -> dict[str, Identity]:
    """Read and check ``data/aliases.yaml`` (or ``path``) against the gazetteer; cached per file."""
    return _load_aliases(resolved(path or ALIASES), gazetteer or load_gazetteer())


@cached_by_file
def _name_keys(path: Path) -> frozenset[str]:
    return frozenset(phrase_key(name) for identity in _load_aliases(path, load_gazetteer()).values() for name in identity.names)


def identity_names(path: str | Path | None = None) -> frozenset[str]:
    """Every name of the alias file's identities as the matcher keys it (عاصفة الحزم، الاتفاق
    النووي): a quotation of exactly one names an actor, it is not anyone's words."""
    return _name_keys(resolved(path or ALIASES))


@cached_by_file
def _person_matcher(path: Path) -> PhraseMatcher:
    return PhraseMatcher({phrase_key(name): identity.id for identity in _load_aliases(path, load_gazetteer()).values()
                          if identity.kind == "person" for name in identity.names})


def person_name_spans(article, path: str | Path | None = None) -> list[tuple[int, int, str]]:
    """Where the alias file's people are named in ``article.text`` (start, end, id), longest first
    and not overlapping: أردوغان or بشار الأسد is a person wherever it appears, with or without a title."""
    string, index = article_matchable(article)
    hits = longest_first(_person_matcher(resolved(path or ALIASES)).find(string), [False] * len(string))
    return [(*original_span(article.text, index, hit.start, hit.end), hit.payload) for hit in hits]


class Resolver:
    """Names, titles and types of the alias file and the gazetteer, ready to match speaker labels."""

    def __init__(self, aliases: dict[str, Identity], gazetteer: Gazetteer, types: SpeakerTypes):
        self.aliases, self.gazetteer, self.types = aliases, gazetteer, types
        anywhere, whole = {}, {}
        for entity in gazetteer.entities.values():
            target = anywhere if entity.type == "PERSON" and not entity.office else whole
            for name in entity.aliases:
                target.setdefault(phrase_key(name), entity.id)
        for identity in aliases.values():
            target = whole if identity.kind == "actor" else anywhere
            for name in identity.names:
                target[phrase_key(name)] = identity.id
        self.anywhere = PhraseMatcher(anywhere)
        self.whole = whole
        self.titles = {phrase_key(t): i.id for i in aliases.values() for t in i.titles}
        self.name_patterns = {i.id: _word_pattern(i.names) for i in aliases.values()}
        self.full_names = {i.id: _word_pattern(tuple(n for n in i.names if " " in n.strip()))
                           for i in aliases.values() if any(" " in n.strip() for n in i.names)}
        self.honorific = _word_pattern(types.honorifics) if types.honorifics else None
        self.type_patterns = {t: _word_pattern(types.cues[t]) for t in types.order if types.cues.get(t)}
        self.saudi = _word_pattern(types.saudi_cues) if types.saudi_cues else None
        places = {}
        for entity in gazetteer.entities.values():
            if entity.type == "GPE" or entity.id == "gcc":
                places.update({phrase_key(a): entity.id for a in entity.aliases})
                places.update({form: entity.id for d in entity.demonyms for form in demonym_forms(d)})
        self.places = PhraseMatcher(places)

    def bare(self, label: str) -> str:
        """The label normalised, without honorifics (معالي، الدكتور، الشيخ …)."""
        key = phrase_key(label)
        if self.honorific is not None:
            key = " ".join(self.honorific.sub(" ", f" {key} ").split())
        return key

    def by_name(self, label: str, article_text: str) -> str | None:
        """The id of the longest person/body name in the label, or of the entity the label is.

        A one-word name (a surname: الجبير) counts when it is the whole label or when the article
        also gives a full name of the identity: «فهد الجبير» is not «عادل الجبير».
        """
        bare = self.bare(label)
        if bare in self.whole:
            return self.whole[bare]
        key = phrase_key(label)
        for hit in sorted(longest_first(self.anywhere.find(key), [False] * len(key)), key=lambda h: h.start - h.end):
            surname = " " not in key[hit.start : hit.end]
            full = self.full_names.get(hit.payload)
            if not surname or bare == key[hit.start : hit.end] or (full is not None and full.search(article_text)):
                return hit.payload
        return None

    def by_title(self, label: str, article_text: str) -> str | None:
        """The alias id whose title is the whole label, when the article also names it."""
        identity = self.titles.get(self.bare(label))
        if identity and self.name_patterns[identity].search(article_text):
            return identity
        return None

    def origin(self, identity: str, label: str) -> str:
        """saudi, gulf, foreign or unknown: from the identity's country, else places in the label."""
        country = None
        if identity in self.aliases:
            country = self.aliases[identity].country
        elif identity in self.types.entity_origins:
            return self.types.entity_origins[identity]
        elif identity in self.gazetteer.entities:
            if self.gazetteer.entities[identity].type != "GPE":
                return "foreign"  # an organisation or person of the gazetteer not listed as Saudi or Gulf
            country = identity
        if country is None:
            key = phrase_key(label)
            hits = sorted(longest_first(self.places.find(key), [False] * len(key)), key=lambda h: h.start)
            country = hits[0].payload if hits else None
            if country is None and self.saudi is not None and self.saudi.search(key):
                return "saudi"
        if country is None:
            return "unknown"
        if country == "saudi-arabia":
            return "saudi"
        if country == "gcc" or "gcc" in self.gazetteer.entities[country].member_of:
            return "gulf"
        return "foreign"

    def speaker_type(self, identity: str, label: str, anonymous: bool) -> str:
        """The speaker's type: anonymous sources first, then the identity's type, then cue words."""
        if anonymous:
            return "anonymous"
        if identity in self.aliases and self.aliases[identity].speaker_type:
            return self.aliases[identity].speaker_type
        if identity in self.gazetteer.entities:
            if identity in self.types.media:
                return "media"
            mapped = self.types.gazetteer_types.get(self.gazetteer.entities[identity].type)
            if mapped:
                return mapped
        key = phrase_key(label)
        for kind, pattern in self.type_patterns.items():
            if pattern.search(key):
                return kind
        return self.types.order[-1]

    def label(self, identity: str) -> str | None:
        if identity in self.aliases:
            return self.aliases[identity].label_ar
        if identity in self.gazetteer.entities:
            return self.gazetteer.entities[identity].label_ar
        return None


#: Resolvers by the identity of the loaded files they were built from (the loaders return the same
#: objects until a file is edited); each entry keeps its inputs alive so their ids stay theirs.
_RESOLVERS: dict[tuple[int, int, int], tuple[tuple, Resolver]] = {}


def resolver(aliases: str | Path | None = None, speaker_types: str | Path | None = None) -> Resolver:
    """The resolver for the default (or given) alias and speaker-type files: built once per version
    of the files, so an edited alias file is used in a live kernel too."""
    gazetteer = load_gazetteer()
    inputs = (load_aliases(aliases, gazetteer), gazetteer, load_speaker_types(speaker_types))
    key = tuple(id(x) for x in inputs)
    if key not in _RESOLVERS:
        if len(_RESOLVERS) >= 4:
            _RESOLVERS.clear()
        _RESOLVERS[key] = (inputs, Resolver(*inputs))
    return _RESOLVERS[key][1]


SPEAKER_COLUMNS = [
    "doc_id", "speaker_id", "speaker_label", "identity", "identity_label", "resolved_by", "speaker_type",
    "speaker_type_ar", "origin", "statements",
]


def _article_speakers(doc_id: str, speakers: pd.DataFrame, text: str, r: Resolver) -> list[dict]:
    rows, named = [], []  # named: (bare name, bare label, identity) of earlier speakers
    for speaker_id, group in speakers.groupby("speaker_id", sort=False):
        label = str(group.speaker_label.iloc[0])
        anonymous = bool(group.anonymous.any())
        if speaker_id == UNKNOWN:
            identity, how = UNKNOWN, "unknown"
        else:
            identity, how = r.by_name(label, text), "name"
            for other in group.speaker.dropna().unique():
                if identity is None:
                    identity = r.by_name(str(other), text)
            if identity is None and not anonymous:
                identity, how = r.by_title(label, text), "title"
            bare = r.bare(label)
            if identity is None and not anonymous:
                earlier = [i for name, full, i in named if bare and (name.endswith(" " + bare) or f" {bare} " in f" {full} ")]
                identity, how = (earlier[-1], "article") if earlier else (None, None)
            if identity is None:
                identity, how = f"name:{'-'.join(NAME_WORD.findall(bare)) or UNKNOWN}", "label"
            named.append((r.bare(r.label(identity) or label), bare, identity))
        kind = r.speaker_type(identity, label, anonymous) if identity != UNKNOWN else UNKNOWN
        rows.append({
            "doc_id": doc_id, "speaker_id": speaker_id, "speaker_label": label, "identity": identity,
            "identity_label": r.label(identity) or label, "resolved_by": how, "speaker_type": kind,
            "speaker_type_ar": r.types.labels.get(kind, UNKNOWN_LABEL), "origin": r.origin(identity, label) if identity != UNKNOWN else "unknown",
            "statements": len(group),
        })
    return rows


def speaker_identities(quotes: pd.DataFrame, texts: dict[str, str], r: Resolver | None = None) -> pd.DataFrame:
    """One row per speaker of each article: corpus-wide identity, how it was found, type and origin.

    ``quotes`` is the quotes layer of one article or a corpus; ``texts`` maps ``doc_id`` to the
    article's text (titles count as names only in an article that names their holder).
    """
    r = r or resolver()
    rows = []
    for doc_id, speakers in quotes.groupby("doc_id", sort=False):
        article_text = matchable(texts.get(doc_id, ""))[0]
        rows += _article_speakers(doc_id, speakers.sort_values("start"), article_text, r)
    return pd.DataFrame(rows, columns=SPEAKER_COLUMNS)


def with_identities(quotes: pd.DataFrame, texts: dict[str, str], r: Resolver | None = None) -> pd.DataFrame:
    """The quotes table with each statement's speaker identity, type and origin."""
    speakers = speaker_identities(quotes, texts, r).drop(columns=["speaker_label", "statements"])
    return quotes.merge(speakers, on=["doc_id", "speaker_id"], how="left")


PATTERN_PERSON = "person:"


def entity_identities(entities: pd.DataFrame, texts: dict[str, str], r: Resolver | None = None) -> pd.Series:
    """The corpus-wide identity of each entity mention: its gazetteer id (an office: its holder),
    or, for a person the entities layer named from the text (``person:عادل-بن-احمد-الجبير``), the
    alias-file or gazetteer identity its name holds; other people keep their ``person:`` id."""
    r = r or resolver()
    ids = entities.refers_to.fillna(entities.entity_id)
    found: dict[tuple[str, str], str] = {}
    result = []
    for doc_id, entity in zip(entities.doc_id, ids):
        if entity.startswith(PATTERN_PERSON):
            key = (doc_id, entity) if " " not in entity else ("", entity)
            if key not in found:
                name = entity[len(PATTERN_PERSON) :].replace("-", " ")
                text = matchable(texts.get(doc_id, ""))[0] if "-" not in entity else ""
                found[key] = r.by_name(name, text) or entity
            entity = found[key]
        result.append(entity)
    return pd.Series(result, index=entities.index, name="identity")


def actor_mentions(entities: pd.DataFrame, paragraphs: pd.DataFrame, r: Resolver | None = None) -> pd.DataFrame:
    """Every mention of an actor, by corpus-wide identity: the entities layer's mentions
    (:func:`entity_identities`), and names of the alias file the entities layer did not find
    (the coalition in Yemen, the nuclear agreement), from the paragraphs' text. One table:
    doc_id, para, start, end, actor, label_ar."""
    r = r or resolver()
    texts = {d: "\n".join(group.text) for d, group in paragraphs.groupby("doc_id", sort=False)}
    frame = entities.assign(actor=entity_identities(entities, texts, r))[["doc_id", "para", "start", "end", "actor"]]
    spans = {d: list(zip(g.start, g.end)) for d, g in frame.groupby("doc_id", sort=False)}
    matcher = PhraseMatcher({phrase_key(n): i.id for i in r.aliases.values() for n in i.names})
    rows = []
    for row in paragraphs.itertuples():
        key, index = matchable(row.text)
        for hit in longest_first(matcher.find(key), [False] * len(key)):
            start, end = row.start + index[hit.start], row.start + index[hit.end]
            if not any(s < end and start < e for s, e in spans.get(row.doc_id, ())):
                rows.append({"doc_id": row.doc_id, "para": row.para, "start": start, "end": end, "actor": hit.payload})
    frame = pd.concat([frame, pd.DataFrame(rows, columns=frame.columns)], ignore_index=True)
    frame["label_ar"] = [r.label(a) or a for a in frame.actor]
    return frame.sort_values(["doc_id", "start"], ignore_index=True)
