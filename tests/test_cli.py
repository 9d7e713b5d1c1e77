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


def write_corpus(folder, count):
    """``count`` copies of the seed under different names, and one short article of its own."""
    folder.mkdir()
    text = paths.SEED_ARTICLE.read_text(encoding="utf-8")
    for k in range(count):
        (folder / f"copy-{k:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "other.txt").write_text("الكويت تستضيف اجتماعا\nقال الوزير إن «الاجتماع» ناجح.", encoding="utf-8")


def test_parallel_annotation_writes_what_one_process_writes(tmp_path):
    write_corpus(tmp_path / "in", 12)
    for jobs in (1, 3):
        result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / f"out-{jobs}", "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        assert f"annotated 13 article(s)" in result.stdout
    one, three = tmp_path / "out-1", tmp_path / "out-3"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert len(files) == 13 * 7 and files == sorted(p.relative_to(three) for p in three.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (three / f).read_bytes() for f in files)


def test_two_articles_with_one_id_are_refused(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "news.txt").write_text("عنوان\nقال الوزير إن الاجتماع ناجح.", encoding="utf-8")
    result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert f"error: {tmp_path / 'in' / 'b' / 'news.txt'}: its id 'news' is already taken by {tmp_path / 'in' / 'a' / 'news.txt'}" in result.stderr
    result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / "out", "--skip-bad")
    assert result.returncode == 0 and "skipped:" in result.stderr and "annotated 1 article(s)" in result.stdout


def test_unreadable_file_in_a_parallel_run_stops_with_its_name(tmp_path):
    """A bad file after the first article is read while workers run: it must stop the run, not hang it."""
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "copy-01.txt").write_bytes("خبر".encode("utf-8") + b"\x00\x01\x02" * 50)
    result = subprocess.run([sys.executable, "-m", "helpers", "annotate", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "2"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"error: {tmp_path / 'in' / 'copy-01.txt'}: " in result.stderr
