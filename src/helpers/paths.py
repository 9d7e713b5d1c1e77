"""Project locations, derived from this file so that code and notebooks agree from any working directory."""
from __future__ import annotations

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


def relative(path: str | Path) -> str:
    """``path`` relative to the project root when it lies inside it, so that records and printed
    output do not depend on where the project was cloned; otherwise ``path`` unchanged."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
