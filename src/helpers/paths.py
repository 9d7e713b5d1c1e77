"""Project locations, derived from this file so that code and notebooks agree from any working directory."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_DATA = PACKAGE_DIR / "data"
ROOT = PACKAGE_DIR.parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
FIGURES = ROOT / "figures"
NOTEBOOKS = ROOT / "notebooks"
SEED_ARTICLE = RAW / "nato-ici-kuwait-meeting.ar.txt"
#: The shipped corpus (SaudiNewsNet's Gulf-security sample, CC BY-NC-SA 4.0: see its LICENSE.md).
#: Reading RAW as a folder leaves it out (datapackage.json lists it in a sub-folder): name it.
CORPUS = RAW / "corpus" / "gulf-security-2015.jsonl"
_ROOT_NAME = str(ROOT)


def relative(path: str | Path) -> str:
    """``path`` relative to the project root when it lies inside it, so that records and printed
    output do not depend on where the project was cloned; otherwise ``path`` unchanged.

    Symbolic links are followed as :meth:`Path.resolve` does, on the string: an article's record
    asks this of its source (``….jsonl (row 12)``), and the Path objects cost as much as the
    look-ups of the folders."""
    real = os.path.realpath(path)
    if real == _ROOT_NAME:
        return "."
    return real[len(_ROOT_NAME) + 1 :] if real.startswith(_ROOT_NAME + "/") else str(path)
