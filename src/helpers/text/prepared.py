"""Tables worked out once and kept on disk, so that the next process reads them instead of working
them out again (the respellings of wordfreq's Arabic words, the forms of the theme codebook).

A table is a :mod:`marshal` file in the user's cache folder (``$XDG_CACHE_HOME/arabic-news-discourse``,
by default ``~/.cache/arabic-news-discourse``) whose name hashes everything the table follows from:
the package's code and data files (:func:`helpers.provenance.package_fingerprint`), the Python
version (marshal's format, unicodedata's tables) and the inputs its caller names (an edited data
file's contents, a library's version and data). A change to any of them gives a new name, so a
table made by other code or from other data is never read.

A table is written to a temporary file and renamed, so two processes that make it at once each
leave a whole file; when the folder cannot be written (read-only, full) or a file cannot be read,
the table is worked out in the process, as without a cache.
"""
from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..provenance import package_fingerprint

FOLDER_NAME = "arabic-news-discourse"
#: Tables of one name kept, the newest: another checkout's (another code version) stays usable.
KEEP = 4

Table = TypeVar("Table")


def cache_folder() -> Path:
    """Where prepared tables are kept: ``$XDG_CACHE_HOME/arabic-news-discourse`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / FOLDER_NAME


def table_path(name: str, inputs: tuple) -> Path:
    """The file of table ``name`` made from ``inputs`` by this package's code and data on this Python."""
    made_from = repr((package_fingerprint(), sys.version, marshal.version, inputs))
    return cache_folder() / f"{name}-{hashlib.sha256(made_from.encode()).hexdigest()[:32]}.marshal"


def prepared(name: str, inputs: tuple, build: Callable[[], Table]) -> Table:
    """``build()``, read from the cache folder when this code made it from the same ``inputs`` before,
    else built and stored there. The table holds only what marshal keeps (dicts, lists, tuples,
    strings, numbers); ``inputs`` names, by value (a file's hash, a version), what ``build`` reads
    besides the package's own code and data."""
    path = table_path(name, inputs)
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, or cut short
        pass
    table = build()
    _store(path, marshal.dumps(table))
    return table


def _store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole (a temporary file renamed), then drop all but the newest
    :data:`KEEP` tables of its name; a folder that cannot be written is left as it is."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return
    _prune(path.parent, path.name.rsplit("-", 1)[0])


def _prune(folder: Path, name: str) -> None:
    """Remove the tables of ``name`` but the :data:`KEEP` newest (another process may remove them too)."""
    def modified(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return 0

    tables = sorted(folder.glob(f"{name}-*.marshal"), key=modified, reverse=True)
    for old in tables[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
