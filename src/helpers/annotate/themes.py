"""Cooperation themes from an editable codebook (``data/themes.yaml``), with the voice that speaks them.

Each pattern of the codebook is expanded once into its inflected forms (article, sound suffixes,
possessive pronouns on the first word; see the codebook's header), and all forms of all themes go
into one Aho–Corasick automaton (:class:`helpers.annotate.entities.PhraseMatcher`), matched over the same
normalised text as the entities, with the same proclitic rules and longest-match-first resolution.
Matches of one theme joined by و / أو / a comma are one coordinated match; words inside an entity
name (مبادرة اسطنبول للتعاون) are not themes. Each match gets the speaker and voice of the
statement it sits in, from :func:`helpers.annotate.quotes.voice_at`.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

import pandas as pd

from .entities import find_entities
from .gazetteer import ID_PATTERN
from .matching import Hit, PhraseMatcher, article_matchable, located_columns, longest_first, original_span, phrase_key
from ..text.lexicons import cached_by_file, read_records, resolved, wordlist
from ..text.morphology import ARTICLE, LAM_ARTICLE, POSSESSIVE_SUFFIXES, has_article, written_with_article
from ..text.normalize import normalize
from ..text.prepared import prepared
from ..paths import PACKAGE_DATA

CODEBOOK = PACKAGE_DATA / "themes.yaml"
THEME_KEYS = ("id", "label_ar", "label_en", "definition", "patterns", "modifiers")
REQUIRED_KEYS = ("id", "label_ar", "label_en", "definition", "patterns")

#: Sound endings tried on every content word: feminine, feminine plural, duals, masculine plurals.
SUFFIXES = ("", "ة", "ات", "ان", "ين", "ون", "تان", "تين")
#: Endings that replace a ta marbuta (أزمة → أزمات): the bare stem أزم is not offered.
FEMININE_SUFFIXES = ("ة", "ات", "تان", "تين")
EXACT_MARK = "="
#: What may stand between two coordinated matches of one theme: spaces, commas, و or أو.
COORDINATION = re.compile(r"^[\s,]*(?:او\s+)?و?$")
MAX_FORMS_PER_PATTERN = 50_000


class CodebookError(ValueError):
    """A codebook that cannot be used; the message names the file and the theme."""


@dataclass(frozen=True)
class Theme:
    id: str
    label_ar: str
    label_en: str
    definition: str
    patterns: tuple[str, ...]
    modifiers: tuple[str, ...] = ()


# --- morphology: a pattern's inflected forms ---------------------------------------------------


def _fixed_prefix(word: str) -> tuple[str, str]:
    """Split a proclitic written inside a pattern: والأمن → (و, الأمن), للأزمة → (لل, أزمة)."""
    if word[:1] == "و" and has_article(word[1:]):
        return "و", word[1:]
    if word.startswith(LAM_ARTICLE) and has_article(ARTICLE + word[len(LAM_ARTICLE) :]):
        return LAM_ARTICLE, word[len(LAM_ARTICLE) :]
    return "", word


def _suffixed(base: str) -> set[str]:
    """تدريب → تدريبات، تدريبين …; أزمة → أزمات، أزمتين … (a ta marbuta is replaced, not kept)."""
    if base.endswith("ة"):
        return {base[:-1] + ending for ending in FEMININE_SUFFIXES}
    return {base + ending for ending in SUFFIXES}


def _possessives(base: str) -> set[str]:
    """شراكة → شراكتنا …; شركاء → شركاؤه، شركائه …; تدريب → تدريبه، تدريباتهم …"""
    stem = base[:-1] if base.endswith("ة") else base
    hosts = {stem + "ت" if base.endswith("ة") else base, stem + "ات"}
    if base.endswith("اء"):
        hosts |= {base[:-1] + "ئ", base[:-1] + "ؤ"}
    return {host + pronoun for host in hosts for pronoun in POSSESSIVE_SUFFIXES}


def _starts_with_article(word: str) -> bool:
    """True for التدريب, الأمن; False for إلكتروني, ألماني, آلية (a hamzated alef is not the article)."""
    return written_with_article(normalize(word, alef=False), phrase_key(word))


def word_forms(word: str, first: bool) -> set[str]:
    """Every form of one pattern word (as written in the codebook) that the matcher accepts."""
    if word.startswith(EXACT_MARK):
        return {phrase_key(word[1:])}
    norm = phrase_key(word)
    if norm in wordlist("stopwords") or len(norm) <= 2:
        return {norm}
    prefix, rest = _fixed_prefix(norm)
    definite = _starts_with_article(word[len(prefix):]) if prefix != LAM_ARTICLE else False
    base = rest[len(ARTICLE) :] if definite else rest
    forms = _suffixed(base)
    if definite and not first:
        forms = {ARTICLE + form for form in forms}  # a definite complement stays definite: أمن الطاقة
    elif prefix != LAM_ARTICLE:
        forms |= {ARTICLE + form for form in forms}
    if first and not prefix:
        forms |= _possessives(base)
    return {prefix + form for form in forms}


def pattern_forms(pattern: str) -> set[str]:
    """All matcher keys of one pattern: the product of its words' forms."""
    choices = [sorted(word_forms(w, i == 0)) for i, w in enumerate(pattern.split())]
    return {" ".join(combo) for combo in itertools.product(*choices)}


# --- the codebook ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Codebook:
    """Validated themes in file order, with the matcher over all their forms."""

    path: Path
    themes: dict[str, Theme] = field(hash=False)

    @cached_property
    def forms(self) -> dict[str, tuple[tuple[str, bool], str]]:
        """Every matcher key -> ((theme id, is_modifier), its pattern); expanded once per codebook and
        kept on disk by its themes and the stop list (:func:`helpers.text.prepared.prepared`): the
        expansion took a twentieth of a second in every process."""
        made_from = (repr(list(self.themes.values())), sorted(wordlist("stopwords")))
        return prepared("theme-forms", made_from, partial(_expanded, self))

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """Payloads are (theme id, is_modifier)."""
        return PhraseMatcher({key: value for key, (value, _) in self.forms.items()})


def _fail(path: Path, where: str, problem: str):
    raise CodebookError(f"{path}: {where}: {problem}")


def _phrases(path: Path, where: str, entry: dict, key: str, required: bool) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not value:
        _fail(path, where, f"'{key}' must be a non-empty list of words or phrases")
    for item in value:
        if not isinstance(item, str) or not phrase_key(item.replace(EXACT_MARK, "")):
            _fail(path, where, f"'{key}' holds an empty or non-text pattern: {item!r}")
    return tuple(value)


def _parse_theme(path: Path, number: int, entry: object) -> Theme:
    if not isinstance(entry, dict):
        _fail(path, f"theme #{number}", f"expected a mapping of fields, got {type(entry).__name__}")
    where = f"theme {entry.get('id', f'#{number}')!r}"
    unknown = set(entry) - set(THEME_KEYS)
    if unknown:
        _fail(path, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(THEME_KEYS)}")
    for key in REQUIRED_KEYS:
        if key != "patterns" and (not isinstance(entry.get(key), str) or not entry[key].strip()):
            _fail(path, where, f"'{key}' is missing or empty")
    if not ID_PATTERN.match(entry["id"]):
        _fail(path, where, "'id' must be lower-case letters, digits and hyphens (e.g. maritime-security)")
    return Theme(
        id=entry["id"],
        label_ar=entry["label_ar"].strip(),
        label_en=entry["label_en"].strip(),
        definition=entry["definition"].strip(),
        patterns=_phrases(path, where, entry, "patterns", required=True),
        modifiers=_phrases(path, where, entry, "modifiers", required=False),
    )


def _expanded(codebook: Codebook) -> dict[str, tuple[tuple[str, bool], str]]:
    """key -> ((theme id, is_modifier), the pattern it came from); clashes between themes are errors."""
    keys: dict[str, tuple[tuple[str, bool], str]] = {}
    for theme in codebook.themes.values():
        for pattern, is_modifier in [(p, False) for p in theme.patterns] + [(m, True) for m in theme.modifiers]:
            forms = pattern_forms(pattern)
            if len(forms) > MAX_FORMS_PER_PATTERN:
                _fail(codebook.path, f"theme {theme.id!r}", f"pattern {pattern!r} has {len(forms):,} forms; split it or mark words =exact")
            for key in forms:
                (other, _), source = keys.get(key, ((theme.id, is_modifier), pattern))
                if other != theme.id:
                    _fail(codebook.path, f"theme {theme.id!r}", f"pattern {pattern!r} matches «{key}», which pattern {source!r} of theme {other!r} also matches")
                if key not in keys or not is_modifier:
                    keys[key] = ((theme.id, is_modifier), pattern)
    return keys


@cached_by_file
def _load_codebook(path: Path) -> Codebook:
    codebook = Codebook(path, read_records(path, "themes", "theme", _parse_theme, CodebookError))
    codebook.forms  # validate the patterns now, not on first use
    return codebook


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and validate a codebook (default ``data/themes.yaml``); cached per file version.

    Unknown keys, duplicate ids, missing labels, empty pattern lists or patterns, and a form
    that two themes would both match raise :class:`CodebookError` naming the file and theme.
    """
    return _load_codebook(resolved(path or CODEBOOK))


# --- matching ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeMatch:
    """A theme in the text: ``article.text[start:end] == text``."""

    theme_id: str
    label_ar: str
    label_en: str
    start: int
    end: int
    text: str


def _outside_names(hits: list[Hit], index: list[int], article) -> list[Hit]:
    """Hits that do not lie inside an entity name (the تعاون of مبادرة اسطنبول للتعاون)."""
    names = sorted((m.start, m.end) for m in find_entities(article) if m.kind == "name")
    starts = [start for start, _ in names]
    reach = list(itertools.accumulate((end for _, end in names), max))  # furthest end of the names so far

    def inside_a_name(hit: Hit) -> bool:
        before = bisect.bisect_right(starts, index[hit.start])  # names that start at or before the hit
        return before > 0 and index[hit.end - 1] < reach[before - 1]

    return [h for h in hits if not inside_a_name(h)]


def _coordinated(string: str, hits: list[Hit]) -> list[tuple[str, int, int]]:
    """(theme id, start, end) chains: same-theme hits joined by و/أو/comma merge; stray modifiers go."""
    chains: list[list] = []
    for hit in hits:
        theme_id, is_modifier = hit.payload
        gap = string[chains[-1][2] : hit.start] if chains else ""
        if chains and chains[-1][0] == theme_id and COORDINATION.match(gap):
            chains[-1][2] = hit.end
        elif not is_modifier:
            chains.append([theme_id, hit.start, hit.end])
    return [tuple(chain) for chain in chains]


def find_themes(article, codebook: Codebook | None = None) -> list[ThemeMatch]:
    """Every theme match in the article, in text order."""
    codebook = codebook or load_codebook()
    string, index = article_matchable(article)
    hits = _outside_names(codebook.matcher.find(string), index, article)
    matches = []
    for theme_id, lo, hi in _coordinated(string, longest_first(hits, [False] * len(string))):
        theme = codebook.themes[theme_id]
        start, end = original_span(article.text, index, lo, hi)
        matches.append(ThemeMatch(theme.id, theme.label_ar, theme.label_en, start, end, article.text[start:end]))
    return matches


THEME_COLUMNS = [
    "doc_id", "theme_id", "label_ar", "label_en", "start", "end", "text", "para", "sentence",
    "speaker_id", "speaker_label", "voice",
]


def theme_columns(article, codebook: Codebook | None = None) -> dict[str, list]:
    """The ``themes`` layer as column lists (what the corpus tables store): one entry per match."""
    from .quotes import voice_at

    matches = find_themes(article, codebook)
    voices = [voice_at(article, m.start, m.end) for m in matches]
    return located_columns(article, matches, THEME_COLUMNS, speaker_id=[v[0] for v in voices],
                           speaker_label=[v[1] for v in voices], voice=[v[2] for v in voices])


def theme_table(article, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per theme match with paragraph, sentence and the speaker and voice (the ``themes`` layer).

    ``voice`` is ``quoted`` or ``reported`` inside a statement (speaker from the quotes layer) and
    ``journalist`` elsewhere.
    """
    return pd.DataFrame(theme_columns(article, codebook), columns=THEME_COLUMNS)
