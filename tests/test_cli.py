"""``python -m helpers annotate``: the files it writes, and nothing written for bad input."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from helpers import paths
from helpers.annotate.layers import LAYERS, OUTPUT_MARKER
from helpers.annotate.tables import read_articles


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_annotate_one_article_writes_csv_per_layer(tmp_path):
    """A single .txt article keeps the CSV layout: OUT/<doc_id>/article.json and <layer>.csv."""
    (tmp_path / "in").mkdir()
    shutil.copy(paths.SEED_ARTICLE, tmp_path / "in")
    result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / "x", cwd=tmp_path)
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
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == [OUTPUT_MARKER, "nato-ici-kuwait-meeting", "warnings.log"]
    assert sorted(p.name for p in out.iterdir()) == ["article.json", *sorted(f"{name}.csv" for name in LAYERS)]


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
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["b", "warnings.log"]


def write_corpus(folder, count):
    """``count`` copies of the seed under different names, and one short article of its own."""
    folder.mkdir()
    text = paths.SEED_ARTICLE.read_text(encoding="utf-8")
    for k in range(count):
        (folder / f"copy-{k:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "other.txt").write_text("الكويت تستضيف اجتماعا\nقال الوزير إن «الاجتماع» ناجح.", encoding="utf-8")


@pytest.mark.parametrize("layout, files", [("csv", 13 * 7 + 1), ("parquet", len(LAYERS) + 2)])  # + the marker file
def test_parallel_annotation_writes_what_one_process_writes(tmp_path, layout, files):
    write_corpus(tmp_path / "in", 12)
    for jobs in (1, 3):
        result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / f"out-{jobs}", "--jobs", jobs, "--format", layout)
        assert result.returncode == 0, result.stderr
        assert f"annotated 13 article(s)" in result.stdout
    one, three = tmp_path / "out-1", tmp_path / "out-3"

    def written(folder):
        return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file() and ".cache" not in p.parts and p.suffix in (".csv", ".json", ".parquet"))

    assert len(written(one)) == files and written(one) == written(three)
    assert all((one / f).read_bytes() == (three / f).read_bytes() for f in written(one))


def test_a_folder_of_articles_gives_parquet_tables(tmp_path):
    write_corpus(tmp_path / "in", 2)
    result = run_cli("annotate", tmp_path / "in", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [OUTPUT_MARKER, ".cache", "articles.parquet", "warnings.log", *LAYERS])
    assert list(read_articles(tmp_path / "out").doc_id) == ["copy-00", "copy-01", "other"]


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
