"""Arabic text normalisation: one small pure function per step, character maps as data.

Every step maps single characters (to one, several or no characters), so the steps
compose into one ``str.translate`` table, and a normalised string can always be mapped
back to the offsets of the original text (:func:`normalize_with_offsets`).
Matching code everywhere (lexicons, entities, themes, quotes) uses :func:`normalize`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

# --- character maps (data) ---------------------------------------------------------

#: Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) and other compatibility
#: characters that legacy and PDF-extracted Arabic text carries instead of letters.
PRESENTATION_FORM_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))

TATWEEL = "\u0640"

#: Harakat, tanween, shadda, sukun, maddah/hamza marks, superscript alef, Quranic marks.
DIACRITICS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))  # fathatan .. wavy hamza below
    + "\u0670"  # superscript (dagger) alef
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))  # Quranic annotation signs
    + "".join(chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2)  # extended marks
)

ALEF_VARIANTS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
ALEF_MAQSURA = {"ى": "ي"}
TA_MARBUTA = {"ة": "ه"}
#: Persian/Urdu letters that look like Arabic ones and turn up in Gulf news text.
PERSIAN_LOOKALIKES = {"ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك", "ە": "ه", "ھ": "ه", "ۀ": "ه", "ۃ": "ة"}
#: Arabic-Indic (U+0660) and Extended/Eastern Arabic-Indic (U+06F0) digits.
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
PUNCTUATION = {"،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": "."}
#: Directional formatting (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) and marks (LRM RLM ALM).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
#: Zero-width space, non-joiner, joiner, word joiner, BOM/ZWNBSP, soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


# --- steps: each a pure function str -> str ------------------------------------------------


def _delete(chars: str) -> dict[int, None]:
    return {ord(c): None for c in chars}


def _table(mapping: dict[str, str]) -> dict[int, str]:
    return {ord(k): v for k, v in mapping.items()}


@lru_cache(maxsize=1)
def _presentation_table() -> dict[int, str]:
    table = {}
    for lo, hi in PRESENTATION_FORM_RANGES:
        for code in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code):
                table[code] = folded
    return table


def normalize_unicode(text: str) -> str:
    """Compose to NFC and fold Arabic presentation forms (ﻻ, ﺔ …) to plain letters (NFKC).

    NFKC is applied only to the presentation-form blocks: applied to the whole text it would
    also rewrite digits, fractions and Latin ligatures that a researcher may want to keep.
    """
    return unicodedata.normalize("NFC", text).translate(_presentation_table())


def remove_tatweel(text: str) -> str:
    """Remove the kashida/tatweel (ـ), which only stretches words: لـ «ناتو» → ل «ناتو»."""
    return text.translate(_delete(TATWEEL))


def remove_diacritics(text: str) -> str:
    """Remove harakat, tanween, shadda, sukun, superscript alef and Quranic marks."""
    return text.translate(_delete(DIACRITICS))


def normalize_alef(text: str) -> str:
    """Map hamzated and wasla alef forms (أ إ آ ٱ) to bare alef (ا), as news spelling varies."""
    return text.translate(_table(ALEF_VARIANTS))


def normalize_alef_maqsura(text: str) -> str:
    """Map alef maqsura (ى) to ya (ي): Egyptian and Gulf typing often swaps them."""
    return text.translate(_table(ALEF_MAQSURA))


def normalize_ta_marbuta(text: str) -> str:
    """Map ta marbuta (ة) to ha (ه). Off by default: it merges distinct words."""
    return text.translate(_table(TA_MARBUTA))


def normalize_persian_letters(text: str) -> str:
    """Map Persian/Urdu look-alike letters (ی ک ھ …) to their Arabic counterparts."""
    return text.translate(_table(PERSIAN_LOOKALIKES))


def normalize_digits(text: str) -> str:
    """Map Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits to ASCII 0–9."""
    return text.translate(_table(DIGITS))


def normalize_punctuation(text: str) -> str:
    """Map Arabic punctuation (، ؛ ؟ ٪ ٫ ٬) to its Latin equivalent."""
    return text.translate(_table(PUNCTUATION))


def remove_bidi_controls(text: str) -> str:
    """Remove invisible bidi controls (U+202A–E, U+2066–9, LRM, RLM, ALM) that reorder display."""
    return text.translate(_delete(BIDI_CONTROLS))


def remove_zero_width(text: str) -> str:
    """Remove zero-width spaces, joiners, the BOM and soft hyphens."""
    return text.translate(_delete(ZERO_WIDTH))


#: The steps in the order :func:`normalize` applies them, by keyword name.
STEPS = {
    "unicode": normalize_unicode,
    "bidi": remove_bidi_controls,
    "zero_width": remove_zero_width,
    "tatweel": remove_tatweel,
    "diacritics": remove_diacritics,
    "persian": normalize_persian_letters,
    "alef": normalize_alef,
    "alef_maqsura": normalize_alef_maqsura,
    "ta_marbuta": normalize_ta_marbuta,
    "digits": normalize_digits,
    "punctuation": normalize_punctuation,
}
DEFAULTS = {name: True for name in STEPS} | {"ta_marbuta": False}


def _options(overrides: dict[str, bool]) -> tuple[tuple[str, bool], ...]:
    unknown = set(overrides) - set(STEPS)
    if unknown:
        raise TypeError(f"unknown normalisation option(s): {', '.join(sorted(unknown))}; known: {', '.join(STEPS)}")
    return tuple((name, overrides.get(name, DEFAULTS[name])) for name in STEPS)


def _composed_table(options: tuple[tuple[str, bool], ...]) -> dict[int, str | None]:
    """One translate table equal to applying every enabled step to each character in turn."""
    enabled = [STEPS[name] for name, on in options if on]
    candidates = set(_presentation_table())
    for chars in (TATWEEL, DIACRITICS, BIDI_CONTROLS, ZERO_WIDTH):
        candidates.update(map(ord, chars))
    for mapping in (ALEF_VARIANTS, ALEF_MAQSURA, TA_MARBUTA, PERSIAN_LOOKALIKES, DIGITS, PUNCTUATION):
        candidates.update(map(ord, mapping))
        candidates.update(ord(c) for v in mapping.values() for c in v)
    table: dict[int, str | None] = {}
    for code in candidates:
        out = chr(code)
        for step in enabled:
            out = step(out)
        if out != chr(code):
            table[code] = out or None
    return table


def _one_of(codes: list[int]) -> re.Pattern | None:
    """A pattern for one of these characters (None when there are none)."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in codes) + "]") if codes else None


class _Composition(NamedTuple):
    """The composed table of a set of options, with the patterns that find a character it changes
    and one it deletes or replaces by several (None when there is none)."""

    table: dict[int, str | None]
    changed: re.Pattern | None
    resized: re.Pattern | None


@lru_cache(maxsize=64)
def _composition(items: frozenset) -> _Composition:
    """The :class:`_Composition` for keyword options (their items), made once per set of options."""
    table = _composed_table(_options(dict(items)))
    resized = [code for code, out in sorted(table.items()) if len(out or "") != 1]
    return _Composition(table, _one_of(sorted(table)), _one_of(resized))


#: Up to this length :meth:`str.translate` is the faster way to apply the composed table.
SHORT_TEXT = 64


def _translated(text: str, composition: _Composition) -> str:
    """``text.translate`` by the composed table. In a long text each character that changes is
    replaced everywhere at once, in the order they first occur (on Arabic news, where a few dozen
    distinct characters change, a third less time than a call per changed character and a fifth
    of translating; the table's replacements never hold a character it changes, so the order does
    not matter: tests/test_normalize.py); a short text, such as a word, is left as it is when none
    changes, else translated (the regular expression's set-up costs more than the word)."""
    table, changed = composition.table, composition.changed
    if changed is None:
        return text
    if len(text) <= SHORT_TEXT:
        return text.translate(table) if changed.search(text) else text
    for char in dict.fromkeys(changed.findall(text)):
        text = text.replace(char, table[ord(char)] or "")
    return text


#: The composition of the default options, made once: nearly every call passes none, and making the
#: key of the cache of compositions was a third of normalising a word.
_DEFAULT_COMPOSITION = _composition(frozenset())


def normalize(text: str, **options: bool) -> str:
    """Normalise Arabic text for matching and counting.

    Keyword options switch steps on or off (all on by default except ``ta_marbuta``):
    unicode, bidi, zero_width, tatweel, diacritics, persian, alef, alef_maqsura,
    ta_marbuta, digits, punctuation.
    """
    composition = _composition(frozenset(options.items())) if options else _DEFAULT_COMPOSITION
    if options.get("unicode", True):
        text = unicodedata.normalize("NFC", text)
    return _translated(text, composition)


def changed_forms(words: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(word, normal form) for each of ``words`` that :func:`normalize` changes, for words already
    composed (NFC), such as a word list's: the same normal forms without a composition pass, and
    the words that no character of would change passed over by one search each."""
    composition = _composition(frozenset())
    if composition.changed is None:
        return
    search, table = composition.changed.search, composition.table
    for word in words:
        if search(word):
            yield word, word.translate(table)


#: The offsets 0, 1, … of texts up to this length, made once: an index is sliced from it (a copy of
#: references) rather than made of new integers, which were half the time of
#: :func:`normalize_with_offsets` on a news article.
_OFFSETS = list(range(2**16))


def _offsets(start: int, stop: int) -> list[int] | range:
    """The offsets ``start`` … ``stop - 1``, to add to an index."""
    return _OFFSETS[start:stop] if stop <= len(_OFFSETS) else range(start, stop)


def normalize_with_offsets(text: str, **options: bool) -> tuple[str, list[int]]:
    """Normalise ``text`` and return, for each character of the result, its offset in ``text``.

    The map has one extra final entry, ``len(text)``, so a normalised span ``[i, j)``
    maps back to the original span ``[index[i], index[j-1] + 1)``. NFC composition is not
    applied here (it could merge characters across offsets); the diacritics step removes the
    combining marks it would have merged, so for Arabic the result equals :func:`normalize`.
    A character replaced by one other keeps its offset: only those deleted or replaced by several
    (diacritics, ligatures) break the run of offsets.
    """
    composition = _composition(frozenset(options.items()))
    table, resized = composition.table, composition.resized
    index: list[int] = []
    copied = 0  # offsets of the characters of text before this one are in index
    for match in resized.finditer(text) if resized else ():
        offset = match.start()
        index += _offsets(copied, offset)
        index += [offset] * len(table[ord(match.group())] or "")
        copied = offset + 1
    index += _offsets(copied, len(text) + 1)
    return _translated(text, composition), index
