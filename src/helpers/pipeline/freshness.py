"""Which notebooks a rebuild may skip: those whose code, package and input data are unchanged since
they last ran, and whose outputs are still as that run wrote them.

A notebook is *fresh* when all of these hash as they did after its last successful run (recorded
in ``build/notebook-fingerprints.json``): its code cells; the package's code and data files
(:func:`helpers.provenance.package_fingerprint`); every file under ``data/raw``; the notebook file
itself (so an edited or re-run notebook counts as changed); and every file its figures were saved
as, per ``figures/index.json``. ``python -m helpers build --force`` runs everything.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import paths
from ..provenance import file_sha256, files_sha256, package_fingerprint

FINGERPRINTS_FILE = paths.ROOT / "build" / "notebook-fingerprints.json"


def inputs_fingerprint(nb) -> str:
    """The notebook's code cells, the package and data/raw, hashed together."""
    code = "\n\0".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    raw = [p for p in paths.RAW.rglob("*") if p.is_file()] if paths.RAW.exists() else []
    parts = (hashlib.sha256(code.encode()).hexdigest(), package_fingerprint(), files_sha256(raw, paths.RAW))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _figures_intact(notebook: str) -> bool:
    """Every figure file the notebook saved is still there with the hash the manifest records."""
    index = paths.FIGURES / "index.json"
    if not index.exists():
        return True
    for record in json.loads(index.read_text(encoding="utf-8")).get("figures", []):
        if record.get("notebook") != notebook:
            continue
        for kind, name in record.get("files", {}).items():
            path = paths.FIGURES / name
            if not path.exists() or file_sha256(path) != record.get("file_sha256", {}).get(kind):
                return False
    return True


def _records() -> dict:
    try:
        return json.loads(FINGERPRINTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_fresh(path: Path, nb) -> bool:
    """True when the notebook may be skipped (see the module docstring)."""
    record = _records().get(path.name)
    return (
        record is not None
        and record.get("inputs") == inputs_fingerprint(nb)
        and path.exists()
        and record.get("notebook") == file_sha256(path)
        and _figures_intact(path.stem)
    )


def remember(path: Path, nb) -> None:
    """Record a notebook's fingerprints after a successful run (``nb`` as it was before running)."""
    records = _records()
    records[path.name] = {"inputs": inputs_fingerprint(nb), "notebook": file_sha256(path)}
    FINGERPRINTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINTS_FILE.write_text(json.dumps(records, indent=1, sort_keys=True) + "\n", encoding="utf-8")
