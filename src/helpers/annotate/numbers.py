"""Dates, years, months, weekdays, relative times (أمس, اليوم) and numbers in Arabic news, with
the time words of ``data/time_words.yaml``; no gazetteer needed."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import regex

from ..text.lexicons import cached_by_file, read_yaml, resolved, wordlist
from ..text.morphology import ARTICLE, CONJUNCTIONS, LAM_ARTICLE, PREPOSITIONS
from ..text.normalize import normalize, normalize_with_offsets
from ..paths import PACKAGE_DATA
from .matching import locate, original_span

TIME_WORDS = PACKAGE_DATA / "time_words.yaml"

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


