"""Datelines and bylines at the start of a news body: «الرياض - واس»، «القاهرة: فلان»، «عواصم -
وكالات»، «عيسى الحربي- سبق- الرياض:»، «الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس».

A dateline says where a story was filed and who filed it (place, agency or reporter). It is not
discourse: the loader keeps it out of the paragraphs (so no count, quote or speaker comes from it)
and records it on the article. The same reading applies to a corpus's ``author`` field, which
often holds a dateline rather than a name. What a dateline is made of is data:
``data/datelines.yaml`` (agencies, desks, places) and ``data/outlets.yaml`` (outlets' own names).

Rules: a dateline is short segments (at most four words each, eight in all; sixteen in an author
field) joined by dashes, colons, slashes, commas, brackets, «من», a free-standing «و» or a run of
spaces, with no sentence punctuation; at least one segment is a known place, agency or outlet, or a
desk word such as «كتب» or «حوار» (a byline). In a body it is a whole line (a colon only at its
end); or the start of the first paragraph up to a colon, where a place or a source is required
(``سبق- الرياض: أعلنت …``); or an agency's «PLACE DATE واس» line; or a whole line that repeats the
author field or the name that opens the title (``فوزية الحربي`` under «فوزية الحربي: هيكل …»). A segment that a colon follows is a
place (``غولوفينكا (روسيا): أندرو كريمر``), one that a colon precedes a source; any other unknown
segment is a place when it is one word and a reporter when it is more.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..paths import PACKAGE_DATA
from .lexicons import cached_by_file, file_version, read_yaml
from .normalize import normalize

MAX_SEGMENT_WORDS = 4
#: A reporter's name never ends with one of these: before a place they make it a title's place
#: (السفير السعودي في واشنطن: …, a headline, not «reporter + place:»).
PLACE_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "لدى", "من", "إلى", "عن", "على"))
MAX_DATELINE_WORDS = 8
#: An author field may credit several places and reporters (``الرياض: ناصر الحقباني و نايف الرشيد -
#: صنعاء: عرفات مدابش``).
MAX_AUTHOR_WORDS = 16
#: How far into the first paragraph an inline dateline's colon may be.
MAX_INLINE_CHARS = 80
#: Between segments: dashes (a tatweel between spaces is a dash), colon, slash, commas, brackets,
#: «من» (``علي الزنقري من الرياض``), a free-standing «و» (``ناصر الحقباني و نايف الرشيد``) and a run
#: of spaces (``الكويت: ميرزا الخويلدي  بروكسل: عبد الله مصطفى``).
SEPARATOR = re.compile(r"\s*(?:[-–—:/،,()\[\]{}]|(?<=\s)ـ+(?=\s)|\sمن\s|\sو\s)\s*|\s{2,}")
QUOTES = "«»\"“”'"
#: A whole line of navigation text before the dateline (``Next Previous عين اليوم – الدمام``).
LATIN_PREFIX = re.compile(r"(?:[A-Za-z]+\s+){1,4}(?=[^\sA-Za-z])")
#: A sentence's end: a full stop after a word of three letters or more (not د. or أ. ف. ب), or ! ? … ;
SENTENCE_PUNCTUATION = re.compile(r"[^\W\d_]{3}\.|[!?؟…؛;]")
#: The Saudi Press Agency's own dateline: place, Hijri and Gregorian date, then واس.
AGENCY_DATE = re.compile(
    r"(?P<place>[^\d\s:،,-][^\d:،,]{0,30}?)\s+(?P<date>\d{1,2}\s+\S+\s+\d{4}\s*هـ?(?:\s+الموافق\s+\d{1,2}\s+\S+\s+\d{4}\s*م?)?)"
    r"\s+(?P<agency>واس)(?=[\s:.،-]|$)"
)
DATA_FILE = PACKAGE_DATA / "datelines.yaml"
OUTLETS_FILE = PACKAGE_DATA / "outlets.yaml"


class DatelineDataError(ValueError):
    """``datelines.yaml`` or ``outlets.yaml`` cannot be read; the message names the file."""


@dataclass(frozen=True)
class Dateline:
    """A dateline found in a string: ``text[start:end]`` is the dateline as written, without the
    separator that follows it; ``body`` is where the text after it starts."""

    start: int
    end: int
    body: int
    places: tuple[str, ...]
    agencies: tuple[str, ...]  # agencies and outlets credited, as written
    reporters: tuple[str, ...]
    date: str | None = None


def key(text: str) -> str:
    """A form for matching dateline words: normalised, without spaces, dots, quotes and brackets
    (أ.ف.ب = أ ف ب = (ا ف ب))."""
    return re.sub(r"[\s.«»\"“”'{}()\[\]]+", "", normalize(text)).casefold()


def vocabulary() -> dict[str, str]:
    """Matching key -> role (``place``, ``agency`` or ``desk``) for every entry of the data files;
    read again when either file is edited."""
    return _vocabulary(DATA_FILE, OUTLETS_FILE, file_version(OUTLETS_FILE))


@cached_by_file
def _vocabulary(data_file, outlets_file, _outlets_version) -> dict[str, str]:
    data = read_yaml(data_file, DatelineDataError)
    outlets = read_yaml(outlets_file, DatelineDataError)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in ("agencies", "desks", "places")):
        raise DatelineDataError(f"{DATA_FILE}: expected top-level 'agencies:', 'desks:' and 'places:' lists")
    if not isinstance(outlets, dict) or not isinstance(outlets.get("outlets"), list):
        raise DatelineDataError(f"{OUTLETS_FILE}: expected a top-level 'outlets:' list")
    roles: dict[str, str] = {}
    for name in data["places"]:
        roles[key(str(name))] = "place"
    for name in data["desks"]:
        roles[key(str(name))] = "desk"
    for path, entries, field in ((data_file, data["agencies"], "names"), (outlets_file, outlets["outlets"], "dateline_names")):
        for number, entry in enumerate(entries, 1):
            names = entry.get(field) if isinstance(entry, dict) else None
            if not isinstance(names, list):
                raise DatelineDataError(f"{path}: entry #{number} needs a '{field}:' list")
            for name in names:
                roles[key(str(name))] = "agency"
    roles.pop("", None)
    return roles


def _segments(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, colon) of each non-empty segment of ``text[start:end]``; ``colon`` is
    ``"before"`` for a segment that a colon follows, ``"after"`` for one that a colon precedes."""
    found, position, after = [], start, False
    for match in [*SEPARATOR.finditer(text, start, end), None]:
        stop = match.start() if match else end
        piece = text[position:stop]
        stripped = piece.strip(" \t" + QUOTES)
        colon = match is not None and ":" in match.group()
        if stripped:
            lead = piece.index(stripped)
            found.append((position + lead, position + lead + len(stripped), "before" if colon else "after" if after else ""))
            after = False
        after = after or colon
        if match:
            position = match.end()
    return found


def parse(text: str, start: int = 0, end: int | None = None, max_words: int = MAX_DATELINE_WORDS) -> Dateline | None:
    """``text[start:end]``, all of it, read as a dateline of at most ``max_words`` words; ``None``
    if it is not one."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    trimmed = chunk.rstrip(" \t:-–—ـ")
    lead = len(trimmed) - len(trimmed.lstrip())
    start, end = start + lead, start + len(trimmed)
    if start >= end or len(text[start:end].split()) > max_words or SENTENCE_PUNCTUATION.search(text[start:end]):
        return None
    segments = _segments(text, start, end)
    if not segments:
        return None
    roles = vocabulary()
    places, agencies, reporters, known = [], [], [], 0
    for lo, hi, colon in segments:
        surface = text[lo:hi]
        words = len(surface.split())
        role = roles.get(key(surface))
        if role is None and words > MAX_SEGMENT_WORDS:
            return None
        if role:
            known += 1
        elif colon == "before" and (split := _ends_with_place(surface)):
            reporters.append(split[0])
            places.append(split[1])
            known += 1
            continue
        elif colon:
            role = "place" if colon == "before" else "reporter"
        else:
            role = "place" if words == 1 else "reporter"
        if role == "place":
            places.append(surface)
        elif role == "agency":
            agencies.append(surface)
        elif role != "desk":
            reporters.append(surface)
    if not known or not (places or agencies or reporters):
        return None
    return Dateline(start, end, end, tuple(places), tuple(agencies), tuple(reporters))


def _ends_with_place(segment: str) -> tuple[str, str] | None:
    """(reporter, place) when a segment is a name run into the next credit's place, as in
    ``بروكسل: عبد الله مصطفى لندن: «الشرق الأوسط»`` (two credits with no dash between them)."""
    words = segment.split()
    for size in (2, 1):
        if len(words) - size >= 2 and vocabulary().get(key(" ".join(words[-size:]))) == "place" and (
            normalize(words[-size - 1]) not in PLACE_PREPOSITIONS  # not السفير السعودي في | واشنطن: a title's place
        ):
            cut = segment.rindex(words[-size]) if size == 1 else segment.rindex(" ".join(words[-size:]))
            return segment[:cut].strip(), segment[cut:].strip()
    return None


def _agency_dateline(text: str, start: int, end: int) -> Dateline | None:
    match = AGENCY_DATE.match(text, start, end)
    if not match:
        return None
    body = match.end()
    while body < end and text[body] in " \t:-–—":
        body += 1
    return Dateline(match.start(), match.end(), body, (match["place"].strip(),), (match["agency"],), (), match["date"])


def find(text: str, start: int, end: int, bylines: tuple[str, ...] = ()) -> Dateline | None:
    """The dateline that opens the paragraph ``text[start:end]``, if any: the whole paragraph, its
    start up to a colon, an agency's dated dateline, or a byline equal to one of ``bylines`` (the
    author field, the name before the title's colon). ``body`` is where the discourse resumes
    (``end`` when the paragraph is only a dateline)."""
    prefix = LATIN_PREFIX.match(text, start, end)
    if prefix and prefix.end() < end:
        start = prefix.end()
    dated = _agency_dateline(text, start, end)
    if dated:
        return dated
    whole = parse(text, start, end) if ":" not in text[start:end].rstrip(" \t:") else None
    if whole:
        return Dateline(whole.start, whole.end, end, whole.places, whole.agencies, whole.reporters)
    if end - start <= MAX_INLINE_CHARS and any(name.strip() and key(name) == key(text[start:end]) for name in bylines):
        return Dateline(start, end, end, (), (), (text[start:end],))
    colon = text.find(":", start, min(end, start + MAX_INLINE_CHARS))
    if colon < 0:
        return None
    inline = parse(text, start, colon)
    if inline is None or not (inline.places or inline.agencies):
        return None
    body = colon + 1
    while body < end and text[body].isspace():
        body += 1
    return Dateline(inline.start, inline.end, body, inline.places, inline.agencies, inline.reporters)


def decode_author(author: str) -> str:
    """An author field with its HTML entities decoded (``&nbsp;``, ``&ndash;``): the string that
    :func:`from_author`'s offsets index."""
    return html.unescape(author or "").replace("\xa0", " ")


def from_author(author: str) -> Dateline | None:
    """A corpus's author field read as a dateline (``الرياض - الوئام :``، ``&nbsp;واس (الرياض)``,
    ``علي الزنقري من الرياض``); ``None`` for a plain name. Offsets index :func:`decode_author`."""
    decoded = decode_author(author)
    return parse(decoded, max_words=MAX_AUTHOR_WORDS) if decoded.strip() else None
