"""Read the package's editable data files: word lists (``src/helpers/data/*.txt``), normalised like
the text, and YAML lexicons and codebooks, with errors that name the file.

A word list is UTF-8 text, one entry per line; ``#`` starts a comment. Entries go through
:func:`helpers.text.normalize.normalize`, so researchers may type them with or without hamza,
diacritics or tatweel.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .normalize import normalize
from ..paths import PACKAGE_DATA


def read_entries(path: Path) -> list[str]:
    """The non-comment, non-blank lines of a word list, stripped, in file order."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


@lru_cache(maxsize=None)
def wordlist(name: str) -> frozenset[str]:
    """The normalised entries of ``data/<name>.txt``."""
    path = PACKAGE_DATA / f"{name}.txt"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such word list")
    return frozenset(normalize(entry) for entry in read_entries(path))


@lru_cache(maxsize=None)
def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` as written (for phrase matchers that normalise themselves)."""
    return tuple(read_entries(PACKAGE_DATA / f"{name}.txt"))

@lru_cache(maxsize=64)
def resolved(path: str | Path) -> Path:
    """``path`` made absolute, once per distinct path: the data-file loaders run for every article."""
    return Path(path).resolve()


#: libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, error: type[ValueError]) -> object:
    """Parse a YAML data file, turning I/O and syntax problems into ``error`` naming the file."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML ({exc})") from None


def read_records(path: Path, key: str, noun: str, parse, error: type[ValueError]) -> dict:
    """The entries of a YAML data file's one top-level list ``key:``, parsed and keyed by unique id.

    ``parse(path, number, entry)`` returns a record with an ``id``; the gazetteer and the theme
    codebook are both read this way, so they report problems in the same words.
    """
    data = read_yaml(path, error)
    if not isinstance(data, dict) or not isinstance(data.get(key), list) or not data[key]:
        raise error(f"{path}: expected a top-level '{key}:' list")
    if set(data) - {key}:
        raise error(f"{path}: unknown top-level key(s) {', '.join(sorted(map(str, set(data) - {key})))}")
    records: dict = {}
    for number, entry in enumerate(data[key], 1):
        record = parse(path, number, entry)
        if record.id in records:
            raise error(f"{path}: {noun} {record.id!r}: duplicate id (entries #{list(records).index(record.id) + 1} and #{number})")
        records[record.id] = record
    return records
