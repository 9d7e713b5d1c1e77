"""Raw data is immutable: the seed keeps the hash recorded next to it."""
from __future__ import annotations

import hashlib
import json

from helpers import paths


def test_raw_files_match_their_recorded_hashes():
    package = json.loads((paths.RAW / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        data = (paths.RAW / resource["path"]).read_bytes()
        assert "sha256:" + hashlib.sha256(data).hexdigest() == resource["hash"], resource["path"]
        assert len(data) == resource["bytes"]


def test_every_raw_article_is_described():
    package = json.loads((paths.RAW / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    assert {p.name for p in paths.RAW.glob("*.txt")} == described
