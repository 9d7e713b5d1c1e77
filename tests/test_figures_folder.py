"""The committed figures folder is citable: a valid manifest that lists exactly the files present,
a gallery in step with it, and every Arabic text the manifest records readable in its PNG.

The OCR check reads each whole PNG with Tesseract's Arabic model (page segmentation modes 3 and
11) and looks for each recorded text line among the lines read; it runs on ``figures/`` and,
so that it is never vacuous, on a folder of figures made here.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import paths
from helpers.figures import charts
from helpers.figures import manifest as figures_manifest
from helpers.text.normalize import normalize

ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
#: Lines with fewer Arabic letters (numbers, single short words) are too small a sample for OCR.
MIN_LETTERS = 6
#: A text line counts as read if some OCR line is this similar (difflib ratio, normalised text).
LINE_THRESHOLD = 0.7
#: Share of a figure's checked lines that must be read (whole-page OCR misses the odd tight line).
FIGURE_SHARE = 0.8

COMMITTED = paths.FIGURES
has_committed_index = (COMMITTED / figures_manifest.INDEX).exists()


def comparable(text: str) -> str:
    """The Arabic words of a text, normalised: Tesseract's Arabic model reads Latin as noise."""
    return " ".join("".join(ARABIC_LETTER.findall(word)) for word in normalize(text).split() if ARABIC_LETTER.search(word))


def ink_only(png: Path, out: Path) -> Path:
    """The figure's dark grey/black pixels only: coloured bars and legend keys removed, which
    otherwise hide neighbouring labels from Tesseract's page layout analysis."""
    import matplotlib.image
    import numpy as np

    rgb = matplotlib.image.imread(png)[..., :3]
    ink = (rgb.max(axis=-1) - rgb.min(axis=-1) < 0.12) & (rgb.mean(axis=-1) < 0.55)
    matplotlib.image.imsave(out, np.where(ink, 0.0, 1.0), cmap="gray", vmin=0, vmax=1)
    return out


def ocr_lines(png: Path, scratch: Path) -> list[str]:
    """Lines Tesseract reads in the PNG and in its ink-only version, as a page (psm 3) and as
    sparse text (psm 11)."""
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-ara)")
    lines = []
    for image in (png, ink_only(png, scratch / f"{png.stem}-ink.png")):
        for psm in ("3", "11"):
            result = subprocess.run(
                ["tesseract", str(image), "stdout", "-l", "ara", "--psm", psm],
                capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
            if result.returncode != 0:
                pytest.fail(f"tesseract failed on {image}: {result.stderr.strip()}")
            lines += [comparable(line) for line in result.stdout.splitlines() if line.strip()]
    return lines


def best_ratio(line: str, read: list[str]) -> float:
    """How well ``line`` matches the best run of as many words in any OCR line (OCR often reads
    neighbouring labels, such as legend entries, as one line)."""
    wanted = comparable(line)
    size = len(wanted.split())
    runs = {" ".join(words[i : i + size]) for words in (r.split() for r in read) for i in range(max(len(words) - size, 0) + 1)}
    return max((difflib.SequenceMatcher(None, wanted, run).ratio() for run in runs), default=0.0)


def unreadable_texts(folder: Path, scratch: Path) -> list[str]:
    """Problems found by reading each listed PNG back against the texts its record lists."""
    from concurrent.futures import ThreadPoolExecutor

    figures = figures_manifest.read_index(folder)["figures"]
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:  # one Tesseract process per figure
        readings = list(pool.map(lambda f: ocr_lines(folder / f["files"]["png"], scratch), figures))
    problems = []
    for figure, read in zip(figures, readings):
        lines = [line for text in figure["texts"] for line in text.split("\n") if len(ARABIC_LETTER.findall(line)) >= MIN_LETTERS]
        scores = {line: (best_ratio(line, read), best_ratio(line[::-1], read)) for line in lines}
        reversed_lines = [line for line, (forward, backward) in scores.items() if forward < LINE_THRESHOLD <= backward]
        missed = [line for line, (forward, _) in scores.items() if forward < LINE_THRESHOLD]
        if reversed_lines:
            problems.append(f"{figure['name']}: drawn reversed: {reversed_lines}")
        if lines and len(missed) > (1 - FIGURE_SHARE) * len(lines):
            problems.append(f"{figure['name']}: not read back: {missed} (OCR: {read})")
    return problems


@pytest.fixture(scope="module")
def made_here(tmp_path_factory):
    """Two figures saved the way notebooks save them."""
    folder = tmp_path_factory.mktemp("figures")
    speakers = ["الأمين العام لحلف الناتو", "وزير الخارجية الكويتي", "مصدر دبلوماسي (Reuters)"]
    fig, ax = charts.new_figure(7, 3)
    charts.barh(ax, speakers, [6, 4, 1])
    charts.set_title(ax, "عدد التصريحات حسب المتحدث")
    charts.save_figure(fig, "03-01-speakers", caption_ar="عدد التصريحات", caption_en="Statements by speaker",
                       data=pd.DataFrame({"speaker": speakers, "statements": [6, 4, 1]}), notebook="03-quotes",
                       alt_text="Bar chart of statements by speaker", out_dir=folder)
    plt.close(fig)
    frame = pd.DataFrame({"تصريح مباشر": [5, 2], "تصريح غير مباشر": [3, 4]}, index=speakers[:2])
    fig, ax = charts.new_figure(7, 2.5)
    charts.heatmap(ax, frame, eastern_digits=True)
    charts.set_title(ax, "أنواع الاقتباس حسب المتحدث")
    charts.save_figure(fig, "03-02-quote-types", caption_ar="أنواع الاقتباس", caption_en="Quote types by speaker",
                       data=frame.reset_index(names="speaker"), notebook="03-quotes", alt_text="Heatmap", out_dir=folder)
    plt.close(fig)
    return folder


@pytest.mark.ocr
def test_figures_made_here_read_back(made_here, tmp_path):
    assert figures_manifest.check_folder(made_here) == []
    assert unreadable_texts(made_here, tmp_path) == []


@pytest.mark.ocr
def test_a_reversed_figure_is_reported(made_here, tmp_path):
    """The OCR check fails a figure whose record lists texts that the PNG shows reversed."""
    folder = tmp_path / "figures"
    shutil.copytree(made_here, folder)
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    index["figures"][0]["texts"] = [text[::-1] for text in index["figures"][0]["texts"]]
    (folder / "index.json").write_text(figures_manifest.dumps(index), encoding="utf-8")
    assert any("drawn reversed" in problem for problem in unreadable_texts(folder, tmp_path))


@pytest.mark.skipif(not has_committed_index, reason="no figures committed yet (figures/index.json absent)")
def test_committed_manifest_lists_exactly_the_files():
    assert figures_manifest.check_folder(COMMITTED) == []


@pytest.mark.skipif(not has_committed_index, reason="no figures committed yet (figures/index.json absent)")
def test_committed_gallery_is_in_step_with_the_manifest():
    index = figures_manifest.read_index(COMMITTED)
    readme = (COMMITTED / figures_manifest.README).read_text(encoding="utf-8")
    assert readme == figures_manifest.render_readme(index)


@pytest.mark.ocr
@pytest.mark.skipif(not has_committed_index, reason="no figures committed yet (figures/index.json absent)")
def test_committed_figures_read_back(tmp_path):
    assert unreadable_texts(COMMITTED, tmp_path) == []
