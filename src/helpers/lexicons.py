"""Read the package's editable word lists (``src/helpers/data/*.txt``), normalised like the text.

A word list is UTF-8 text, one entry per line; ``#`` starts a comment. Entries go through
:func:`helpers.normalize.normalize`, so researchers may type them with or without hamza,
diacritics or tatweel.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .normalize import normalize
from .paths import PACKAGE_DATA


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
