"""The gazetteer (``data/gazetteer.yaml``): entities with their aliases, anaphors, demonyms and
groups, validated with errors that name the file and the entity, and matched by one
:class:`~helpers.annotate.matching.PhraseMatcher`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


from ..text.lexicons import cached_by_file, read_records, resolved
from ..text.morphology import ARTICLE
from ..paths import PACKAGE_DATA
from .matching import PhraseMatcher, phrase_key

GAZETTEER = PACKAGE_DATA / "gazetteer.yaml"

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

