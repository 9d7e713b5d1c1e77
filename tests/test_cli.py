"""``python -m helpers annotate``: the files it writes, and nothing written for bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from helpers import paths


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_annotate_seed_folder(tmp_path):
    result = run_cli("annotate", paths.RAW, "--out", tmp_path / "x", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "x" / "nato-ici-kuwait-meeting"
    record = json.loads((out / "article.json").read_text(encoding="utf-8"))
    text = paths.SEED_ARTICLE.read_text(encoding="utf-8")
    assert record["counts"]["paragraphs"] == 13 and len(record["paragraphs"]) == 13
    assert record["kicker"]["text"] == "ضمن إطار مبادرة اسطنبول"
    for name in ("paragraphs", "sentences", "tokens"):
        frame = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        column = "surface" if name == "tokens" else "text"
        assert all(text[s:e] == t for s, e, t in zip(frame.start, frame.end, frame[column].astype(str))), name
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["nato-ici-kuwait-meeting"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "the file is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (a PNG image)"),
    ],
)
def test_bad_input_gives_a_clear_error_and_no_output(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("annotate", path, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert f"error: {path}: " in result.stderr and message in result.stderr
    assert not (tmp_path / "out").exists()


def test_skip_bad_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"")
    (tmp_path / "in" / "b.txt").write_text("عنوان\nقال الوزير إن الاجتماع ناجح.", encoding="utf-8")
    result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / "out", "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert "skipped:" in result.stderr and "a.txt: the file is empty" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["b"]
