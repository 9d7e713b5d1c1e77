"""Read the package's editable data files: word lists (``src/helpers/data/*.txt``), normalised like
the text, and YAML lexicons and codebooks, with errors that name the file.

A word list is UTF-8 text, one entry per line; ``#`` starts a comment. Entries go through
:func:`helpers.text.normalize.normalize`, so researchers may type them with or without hamza,
diacritics or tatweel.

Every loader here and in the annotation layer is cached by :func:`cached_by_file`: per file and
its modification time and size, so a researcher who edits a lexicon in a running kernel gets the
new entries on the next call, without restarting.
"""
from __future__ import annotations

import functools
import os
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


def file_version(path: str | Path) -> tuple[int, int] | None:
    """(modification time in ns, size) of a file, None if it cannot be read: an edit changes it."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def cached_by_file(load):
    """Cache ``load(path, *args)`` per path, arguments and :func:`file_version`.

    An edited file is read again on the next call (and only its newest version is kept); a file
    that cannot be read is not cached, so ``load`` raises its own error naming it. ``load`` gets
    the path resolved; the check costs one ``stat`` per call.
    """
    cache: dict[tuple, tuple[tuple[int, int], object]] = {}

    @functools.wraps(load)
    def cached(path, *args):
        name = os.fspath(path)
        if not os.path.isabs(name):
            name = os.path.abspath(name)
        version = file_version(name)
        if version is None:
            return load(resolved(path), *args)
        key = (name, *args)
        hit = cache.get(key)
        if hit is None or hit[0] != version:
            hit = cache[key] = (version, load(resolved(path), *args))
        return hit[1]

    cached.cache_clear = cache.clear
    return cached


def wordlist(name: str) -> frozenset[str]:
    """The normalised entries of ``data/<name>.txt`` (read again when the file changes)."""
    return _wordlist(f"{PACKAGE_DATA}/{name}.txt")


@cached_by_file
def _wordlist(path: Path) -> frozenset[str]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such word list")
    return frozenset(normalize(entry) for entry in read_entries(path))


def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` as written (for phrase matchers that normalise themselves)."""
    return _phrases(f"{PACKAGE_DATA}/{name}.txt")


@cached_by_file
def _phrases(path: Path) -> tuple[str, ...]:
    return tuple(read_entries(path))


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
