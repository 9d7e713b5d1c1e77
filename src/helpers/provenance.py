"""What a result depends on, as hashes: the package's own code and data files, and input files.

Used to decide what is stale: a notebook whose code, package and input data hash the same as when
it last ran is not executed again; an article annotated by the same package version is not
annotated again.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def files_sha256(files: Iterable[Path], root: Path) -> str:
    """One hash over several files' relative paths and contents (order-independent)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + file_sha256(path).encode() + b"\n")
    return digest.hexdigest()


def _package_files() -> list[Path]:
    return [p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """The package's code and data files, hashed: changes whenever a rule, lexicon or codebook does.
    Computed once per process (a live edit of a data file is seen by the next process)."""
    return files_sha256(_package_files(), PACKAGE_DIR)
