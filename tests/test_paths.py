"""paths.relative: a path inside the project as written from its root, symbolic links followed."""
from __future__ import annotations

from helpers import paths


def test_a_path_inside_the_project_is_written_from_its_root():
    assert paths.relative(paths.CORPUS) == "data/raw/corpus/gulf-security-2015.jsonl"
    assert paths.relative(f"{paths.CORPUS} (row 12)") == "data/raw/corpus/gulf-security-2015.jsonl (row 12)"
    assert paths.relative(paths.ROOT / "src" / ".." / "data") == "data"
    assert paths.relative(paths.ROOT) == "."


def test_a_path_outside_the_project_is_left_as_it_is(tmp_path):
    outside = tmp_path / "news.jsonl (row 3)"
    assert paths.relative(outside) == str(outside)
    assert paths.relative(f"{paths.ROOT}-copy/data") == f"{paths.ROOT}-copy/data"


def test_symbolic_links_are_followed(tmp_path):
    (tmp_path / "project").symlink_to(paths.ROOT)
    assert paths.relative(tmp_path / "project" / "data" / "raw") == "data/raw"
    (tmp_path / "raw").symlink_to(tmp_path)
    assert paths.relative(tmp_path / "raw" / "x.txt") == str(tmp_path / "raw" / "x.txt")
