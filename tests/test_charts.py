"""Arabic charts read right, and saved figures are reproducible and listed in a valid manifest.

Runs in both environments: ``.venv`` (matplotlib >= 3.11, libraqm shapes the text) and
``.venv-legacy`` (matplotlib 3.10, ``HELPERS_TEST_ENV=legacy``: arabic-reshaper + python-bidi).
The OCR tests read rendered labels back with Tesseract's Arabic model; each also renders the
label through the OTHER path (what a wrong shaping decision would draw) and requires that to fail.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.image
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.figures import charts
from helpers.figures import manifest as figures_manifest
from helpers.text.normalize import normalize

LEGACY_ENV = os.environ.get("HELPERS_TEST_ENV") == "legacy"

#: Labels as charts in this package carry them: plain Arabic, Arabic with Latin in brackets,
#: nested/reversed quotation marks with digits, multi-line, and bidi controls from the source.
LABELS = [
    "حلف شمال الأطلسي",
    "حلف شمال الأطلسي (NATO)",
    "مركز «ناتو» الإقليمي 2017",
    "مبادرة إسطنبول\nللتعاون",
    "وزير الخارجية الكويتي",
    "مجلس التعاون الخليجي (GCC)",
    "قال المتحدث باسم الحلف",
    "\u202bالأمن البحري في الخليج\u202c",
    "الشراكة بين الناتو ودول الخليج\nفي مواجهة التهديدات",
]

#: Recognised if the OCR text is this similar to the label (difflib ratio on normalised text);
#: measured: correct path 0.81-1.00 (Latin words are read as digits by the Arabic model),
#: wrong path 0.14-0.46.
OCR_THRESHOLD = 0.75
#: ...and at least this much more similar to the label than to the label reversed.
OCR_MARGIN = 0.2

def tesseract_text(png: Path, multiline: bool) -> str:
    """Tesseract's Arabic reading of an image (psm 6: a block of lines; psm 7: one line)."""
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-ara; scripts/setup-env.sh installs them)")
    result = subprocess.run(
        ["tesseract", str(png), "stdout", "-l", "ara", "--psm", "6" if multiline else "7"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"tesseract failed on {png}: {result.stderr.strip()}")
    return result.stdout


def comparable(text: str) -> str:
    """Text reduced to what OCR can be held to: the package normaliser, single spaces."""
    return " ".join(normalize(charts.strip_bidi_controls(text)).split())


def reversed_lines(text: str) -> str:
    """What a reader would see if each line were drawn in the wrong direction."""
    return "\n".join(line[::-1] for line in text.split("\n"))


def ocr_scores(label: str, ocr: str) -> tuple[float, float]:
    """Similarity of the OCR text to the label, and to the label reversed."""
    read = comparable(ocr)
    forward = difflib.SequenceMatcher(None, comparable(label), read).ratio()
    backward = difflib.SequenceMatcher(None, comparable(reversed_lines(label)), read).ratio()
    return forward, backward


def recognised(label: str, ocr: str) -> bool:
    forward, backward = ocr_scores(label, ocr)
    return forward >= OCR_THRESHOLD and forward >= backward + OCR_MARGIN


def render_label(drawn: str, path: Path) -> Path:
    """One label alone, large, in the house style, as a 200 dpi PNG."""
    fig, ax = charts.new_figure(8, 1.2 + 0.8 * drawn.count("\n"))
    ax.set_axis_off()
    ax.text(0.5, 0.5, drawn, fontsize=28, ha="center", va="center", multialignment="right", transform=ax.transAxes)
    fig.savefig(path, dpi=200)
    plt.close(fig)
    return path


# --- The shaping decision ----------------------------------------------------------------------


def test_shaping_decision_follows_matplotlib():
    native = charts.shapes_text_natively()
    assert native == (tuple(matplotlib.__version_info__[:2]) >= (3, 11))
    if LEGACY_ENV:
        assert not native, "the legacy environment must exercise the arabic-reshaper path"


@pytest.mark.parametrize("label", LABELS)
def test_ar_prepares_for_the_running_matplotlib(label):
    drawn = charts.ar(label)
    logical = charts.strip_bidi_controls(label)
    if charts.shapes_text_natively():
        assert drawn == logical
    else:
        assert drawn != logical and any("\ufb50" <= c <= "\ufeff" for c in drawn), "not reshaped"
        assert drawn.count("\n") == label.count("\n"), "lines must be reshaped one by one"
    assert charts.logical_text(drawn) == logical


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_bidi_controls_are_removed(control):
    label = f"{control}الناتو{control} NATO"
    assert charts.strip_bidi_controls(label) == "الناتو NATO"
    assert control not in charts.ar(label)


@pytest.mark.parametrize("label", ["تكلفة 10$ و20$", "$x$ ليست معادلة"])
def test_dollar_signs_are_drawn_literally(label, tmp_path):
    fig, ax = charts.new_figure(4, 1)
    ax.set_axis_off()
    ax.set_title(charts.ar(label))
    assert charts.figure_texts(fig) == [label]
    plt.close(fig)


def test_eastern_arabic_digits_formatter():
    assert charts.eastern_arabic_digits("2017") == "٢٠١٧"
    formatter = charts.tick_formatter(eastern_digits=True)
    assert charts.logical_text(formatter(12500, 0)) == "١٢٬٥٠٠"
    assert charts.logical_text(charts.tick_formatter(eastern_digits=False)(3, 0)) == "3"


# --- Reading the rendering back ---------------------------------------------------------------


@pytest.mark.ocr
@pytest.mark.parametrize("label", LABELS)
def test_label_reads_right(label, tmp_path):
    png = render_label(charts.ar(label), tmp_path / "label.png")
    ocr = tesseract_text(png, "\n" in label)
    forward, backward = ocr_scores(label, ocr)
    assert recognised(label, ocr), f"{label!r} read as {ocr!r} (score {forward:.2f}, reversed {backward:.2f})"


@pytest.mark.ocr
@pytest.mark.parametrize("label", LABELS)
def test_wrong_shaping_decision_is_caught(label, tmp_path):
    """Drawing through the other path (reshaper on 3.11, raw text on 3.10) must fail the OCR check."""
    wrong = charts.prepare(label, native=not charts.shapes_text_natively())
    png = render_label(wrong, tmp_path / "wrong.png")
    ocr = tesseract_text(png, "\n" in label)
    forward, backward = ocr_scores(label, ocr)
    assert not recognised(label, ocr), f"wrongly shaped {label!r} still read as {ocr!r} ({forward:.2f} vs {backward:.2f})"


def saved_text_crops(fig, texts, png: Path, out: Path, dpi: int = 300, pad_inches: float = 0.1) -> list[Path]:
    """Cut each text artist out of the PNG that ``save_figure`` wrote (tight bbox, 0.1 in pad)."""
    renderer = fig.canvas.get_renderer()
    page = fig.get_tightbbox(renderer).padded(pad_inches)
    image = matplotlib.image.imread(png)
    assert abs(image.shape[1] - page.width * dpi) <= 12 and abs(image.shape[0] - page.height * dpi) <= 12  # hinting at 300 dpi
    crops = []
    for k, text in enumerate(texts):
        box = text.get_window_extent(renderer)
        margin = 12
        left = max(int((box.x0 / fig.dpi - page.x0) * dpi) - margin, 0)
        right = int((box.x1 / fig.dpi - page.x0) * dpi) + margin
        top = max(int((page.y1 - box.y1 / fig.dpi) * dpi) - margin, 0)
        bottom = int((page.y1 - box.y0 / fig.dpi) * dpi) + margin
        crop = out / f"crop-{k}.png"
        matplotlib.image.imsave(crop, image[top:bottom, left:right])
        crops.append(crop)
    return crops


@pytest.mark.ocr
def test_saved_bar_chart_reads_right(tmp_path):
    """The package's own bar chart, saved by save_figure: every category label and the title read back."""
    labels = LABELS[:6]
    values = [12, 9, 7, 5, 3, 2]
    fig, ax = charts.new_figure(7, 4.5)
    charts.barh(ax, labels, values)
    title = charts.set_title(ax, "عدد الإشارات في المقال")
    record = charts.save_figure(
        fig, "99-01-label-test", caption_ar="اختبار", caption_en="Test", notebook="99-test",
        alt_text="Bars", data=pd.DataFrame({"label": labels, "mentions": values}), out_dir=tmp_path,
    )
    artists = [t for t in ax.get_yticklabels() if t.get_text()] + [title]
    expected = labels + ["عدد الإشارات في المقال"]
    assert [charts.logical_text(a.get_text()) for a in artists] == expected
    crops = saved_text_crops(fig, artists, tmp_path / record["files"]["png"], tmp_path)
    failures = []
    for label, crop in zip(expected, crops):
        ocr = tesseract_text(crop, "\n" in label)
        if not recognised(label, ocr):
            failures.append(f"{label!r} read as {ocr!r} {ocr_scores(label, ocr)}")
    plt.close(fig)
    assert not failures, failures


def rasterise(path: Path, out: Path) -> Path:
    """A saved PDF (poppler's pdftoppm) or SVG (headless Chromium) as a PNG, to read it back."""
    if path.suffix == ".pdf":
        if shutil.which("pdftoppm") is None:
            pytest.fail("pdftoppm is not installed (Debian: poppler-utils; scripts/setup-env.sh installs it)")
        subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(out.with_suffix(""))], check=True)
        return out
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.fail("chromium is not installed (scripts/setup-env.sh installs it)")
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--force-device-scale-factor=2",
         "--window-size=900,300", f"--screenshot={out}", path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return out


@pytest.mark.ocr
@pytest.mark.parametrize("fmt", ["pdf", "svg"])
@pytest.mark.parametrize("label", [LABELS[1], LABELS[2], LABELS[3]])
def test_saved_pdf_and_svg_read_right(label, fmt, tmp_path):
    """The vector files carry the same correctly shaped text as the PNG (fonts embedded / paths)."""
    fig, ax = charts.new_figure(6, 1 + 0.5 * label.count("\n"))
    ax.set_axis_off()
    ax.text(0.5, 0.5, charts.ar(label), fontsize=22, ha="center", va="center", multialignment="right", transform=ax.transAxes)
    record = charts.save_figure(fig, "99-01-vector", caption_ar="ا", caption_en="a", notebook="99-test", alt_text="a",
                                data=pd.DataFrame({"label": [label]}), out_dir=tmp_path)
    plt.close(fig)
    png = rasterise(tmp_path / record["files"][fmt], tmp_path / f"{fmt}.png")
    ocr = tesseract_text(png, "\n" in label)
    forward, backward = ocr_scores(label, ocr)
    assert recognised(label, ocr), f"{fmt}: {label!r} read as {ocr!r} ({forward:.2f} vs {backward:.2f})"


def test_legend_reads_from_the_right():
    fig, ax = charts.new_figure(7, 3)
    names = ["تقييم إيجابي", "تقييم سلبي", "تكثيف (intensifier)"]
    for k, name in enumerate(names):
        ax.bar([k], [k + 1], label=charts.ar(name))
    box = charts.legend(ax, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.1))
    fig.canvas.draw()
    texts = {charts.logical_text(t.get_text()): t.get_window_extent().x0 for t in box.get_texts()}
    assert sorted(texts, key=texts.get, reverse=True) == names, "first entry must be rightmost"
    keys = [h.get_window_extent().x0 for h in box.legend_handles]
    labels = [t.get_window_extent().x0 for t in box.get_texts()]
    assert all(key > label for key, label in zip(keys, labels)), "each key right of its label"
    assert set(names) <= set(charts.figure_texts(fig))
    plt.close(fig)


# --- Fonts -------------------------------------------------------------------------------------

ARABIC_SAMPLE = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأؤإئةى لا ـ ً ٌ ٍ َ ُ ِ ّ ْ ٠١٢٣٤٥٦٧٨٩ ، ؛ ؟ « » ( ) - % ٪ NATO 2017"


def test_no_glyph_missing_for_arabic_latin_and_punctuation():
    fig, ax = charts.new_figure(9, 2)
    charts.set_title(ax, ARABIC_SAMPLE)
    charts.barh(ax, ["مرحبًا (OK)", "«ناتو»\nسطر ثانٍ"], [1, 2], eastern_digits=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        texts = charts.figure_texts(fig)
    assert charts.strip_bidi_controls(ARABIC_SAMPLE) in texts
    plt.close(fig)


def test_missing_glyph_is_an_error(tmp_path):
    fig, ax = charts.new_figure(4, 1)
    charts.set_title(ax, "مرحبا 中文")
    with pytest.raises(charts.FigureTextError, match="missing"):
        charts.save_figure(fig, "99-01-cjk", caption_ar="ا", caption_en="a", notebook="99-test", alt_text="a",
                           data=pd.DataFrame({"a": [1]}), out_dir=tmp_path)
    plt.close(fig)


def test_fonts_recorded_are_the_ones_that_draw_each_script():
    families = charts.installed_font_families()
    assert families[-1] in charts.LATIN_FACES + (charts.FALLBACK_FACE,)
    assert charts.fonts_for([charts.ar("الناتو")]) == [families[0]]
    if families[0] != charts.FALLBACK_FACE:  # Arabic faces carry no Latin letters: the Latin face draws them
        assert charts.fonts_for(["NATO"]) == [families[1]]


def test_pdf_does_not_depend_on_where_the_fonts_live():
    """The committed figures are drawn with fonts from one system folder (see installed_font_families)."""
    from matplotlib import font_manager

    folders = {Path(font_manager.findfont(font_manager.FontProperties(family=f))).parent for f in charts.installed_font_families()}
    assert len(folders) == 1 or charts.installed_font_families() == (charts.FALLBACK_FACE,)


# --- Saving for citation -----------------------------------------------------------------------

SAVE_SCRIPT = textwrap.dedent(
    """
    import sys
    import matplotlib
    matplotlib.use("Agg")
    import pandas as pd
    from helpers.figures import charts

    out = sys.argv[1]
    labels = ["حلف شمال الأطلسي (NATO)", "مركز «ناتو» الإقليمي 2017", "مبادرة إسطنبول\\nللتعاون"]
    values = [0.5, 0.3, 0.2]
    fig, ax = charts.new_figure(6, 3)
    charts.barh(ax, labels, values, value_format="{:.0%}", eastern_digits=True)
    charts.set_title(ax, "حصة كل جهة")
    data = pd.DataFrame({"label": labels, "share": values})
    for k in (1, 2):
        charts.save_figure(fig, f"99-0{k}-share", caption_ar="حصة كل جهة من الإشارات", caption_en="Share of mentions",
                           data=data, notebook="99-test", alt_text="Three horizontal bars", out_dir=out,
                           article_sha256="0" * 64)
    """
)


def save_in_fresh_process(out: Path) -> None:
    subprocess.run([sys.executable, "-c", SAVE_SCRIPT, str(out)], check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def saved_twice(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    save_in_fresh_process(first)
    save_in_fresh_process(second)
    return first, second


def test_saving_twice_is_byte_identical(saved_twice):
    first, second = saved_twice
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert {Path(n).suffix for n in names} >= {".png", ".pdf", ".svg", ".csv", ".json", ".md"}
    differing = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert not differing


def test_saved_files_are_citable(saved_twice):
    folder = saved_twice[0]
    assert figures_manifest.check_folder(folder) == []
    index = figures_manifest.read_index(folder)
    figures_manifest.validate(index)
    record = index["figures"][0]
    assert record["figure"] == "Figure 99-01"
    assert hashlib.sha256((folder / record["files"]["csv"]).read_bytes()).hexdigest() == record["data_sha256"]
    assert "حلف شمال الأطلسي (NATO)" in record["texts"] and "مبادرة إسطنبول\nللتعاون" in record["texts"]
    assert "حصة كل جهة" in record["texts"] and "٥٠٪" in record["texts"]
    assert record["fonts"] and set(record["fonts"]) <= set(record["font_families"])
    png = (folder / record["files"]["png"]).read_bytes()
    assert png.startswith(b"\x89PNG") and b"pHYs" in png
    pdf = (folder / record["files"]["pdf"]).read_bytes()
    assert b"/FontFile2" in pdf and b"/CreationDate" not in pdf, "TrueType fonts embedded, no date"
    svg = (folder / record["files"]["svg"]).read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "## Figure 99-01" in readme and "## Figure 99-02" in readme and "حصة كل جهة من الإشارات" in readme


def test_png_is_300_dpi(saved_twice):
    import struct

    png = (saved_twice[0] / "99-01-share.png").read_bytes()
    start = png.index(b"pHYs") + 4
    x_per_metre, y_per_metre, unit = struct.unpack(">IIB", png[start : start + 9])
    assert unit == 1 and round(x_per_metre * 0.0254) == 300


def test_manifest_schema_rejects_bad_records(saved_twice):
    index = json.loads((saved_twice[0] / "index.json").read_text(encoding="utf-8"))
    for damage in (
        lambda r: r.pop("alt_text"),
        lambda r: r["texts"].append("\u202eعكس"),
        lambda r: r.update(data_sha256="abc"),
        lambda r: r.update(name="speaker share"),
    ):
        broken = json.loads(json.dumps(index))
        damage(broken["figures"][0])
        with pytest.raises(figures_manifest.ManifestError):
            figures_manifest.validate(broken)


def test_check_folder_finds_unlisted_and_missing_files(saved_twice, tmp_path):
    folder = tmp_path / "figures"
    shutil.copytree(saved_twice[0], folder)
    (folder / "99-01-share.svg").unlink()
    (folder / "99-09-stray.png").write_bytes(b"")
    problems = figures_manifest.check_folder(folder)
    assert any("99-01-share.svg: listed" in p for p in problems)
    assert any("99-09-stray.png: not listed" in p for p in problems)


@pytest.mark.parametrize("name", ["speaker-share", "3-2-share", "03-02-Speaker", "03-02-", "03-02-a_b"])
def test_bad_figure_names_are_refused(name, tmp_path):
    fig, _ax = charts.new_figure(2, 1)
    with pytest.raises(ValueError, match="figure name"):
        charts.save_figure(fig, name, caption_ar="ا", caption_en="a", notebook="99-test", alt_text="a",
                           data=pd.DataFrame({"a": [1]}), out_dir=tmp_path)
    plt.close(fig)


def test_data_must_be_the_plotted_frame(tmp_path):
    fig, _ax = charts.new_figure(2, 1)
    with pytest.raises(TypeError, match="DataFrame"):
        charts.save_figure(fig, "99-01-a", caption_ar="ا", caption_en="a", notebook="99-test", alt_text="a",
                           data=[1, 2], out_dir=tmp_path)
    plt.close(fig)


def _save_one(args):
    out, k = args
    fig, ax = charts.new_figure(3, 2)
    charts.barh(ax, [f"فئة {k}"], [k])
    charts.save_figure(fig, f"99-{k:02d}-parallel", caption_ar=f"شكل {k}", caption_en=f"Figure {k}",
                       data=pd.DataFrame({"k": [k]}), notebook="99-test", alt_text="One bar", out_dir=out)
    plt.close(fig)


def test_parallel_processes_share_one_manifest(tmp_path):
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        pool.map(_save_one, [(tmp_path, k) for k in range(1, 9)])
    index = figures_manifest.read_index(tmp_path)
    assert [f["name"] for f in index["figures"]] == [f"99-{k:02d}-parallel" for k in range(1, 9)]
    assert figures_manifest.check_folder(tmp_path) == []


def draw_share_chart():
    """A chart whose legend sits below the axes, as the notebooks' stacked bars do."""
    fig, ax = charts.new_figure(6, 2.5)
    bars = charts.barh(ax, ["حلف شمال الأطلسي (NATO)", "الكويت"], [0.6, 0.4], value_format="{:.0%}")
    charts.legend(ax, handles=[bars], labels=["حصة الإشارات"], loc="upper center", bbox_to_anchor=(0.5, -0.3))
    charts.set_title(ax, "حصة كل جهة")
    return fig


def test_png_is_the_page_savefig_draws(tmp_path):
    """The PNG cut from save_figure's one draw matches savefig(bbox_inches="tight") pixel for pixel,
    up to antialiasing at a half-pixel offset: same size, same picture."""
    import numpy as np

    record = charts.save_figure(draw_share_chart(), "99-01-page", caption_ar="ا", caption_en="a", notebook="99-test",
                                alt_text="a", data=pd.DataFrame({"a": [1]}), out_dir=tmp_path)
    reference = draw_share_chart()
    with matplotlib.rc_context(charts.SAVE_RC):
        reference.savefig(tmp_path / "reference.png", bbox_inches="tight", pad_inches=0.1)
    ours = matplotlib.image.imread(tmp_path / record["files"]["png"])
    theirs = matplotlib.image.imread(tmp_path / "reference.png")
    assert ours.shape == theirs.shape
    difference = np.abs(ours[..., :3] - theirs[..., :3])
    assert difference.mean() < 0.01, f"mean difference {difference.mean():.4f}"
    assert (difference.max(axis=2) > 0.5).mean() < 0.01, "more than 1% of pixels differ strongly"
    plt.close("all")


def test_saving_leaves_the_figure_as_it_was(tmp_path):
    fig = draw_share_chart()
    engine, dpi = fig.get_layout_engine(), fig.dpi
    charts.save_figure(fig, "99-01-same", caption_ar="ا", caption_en="a", notebook="99-test", alt_text="a",
                       data=pd.DataFrame({"a": [1]}), out_dir=tmp_path)
    assert fig.get_layout_engine() is engine and fig.dpi == dpi
    plt.close(fig)


def test_show_displays_the_saved_png_and_closes_the_figure(tmp_path, monkeypatch):
    import io

    import IPython.display
    from PIL import Image

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objects, **_: shown.extend(objects))
    fig = draw_share_chart()
    record = charts.save_figure(fig, "99-01-shown", caption_ar="حصة كل جهة", caption_en="Share", notebook="99-test",
                                alt_text="Two bars", data=pd.DataFrame({"a": [1]}), out_dir=tmp_path, show=True)
    assert not plt.fignum_exists(fig.number), "the inline backend would draw it again"
    image, caption = shown
    saved = Image.open(tmp_path / record["files"]["png"])
    preview = Image.open(io.BytesIO(image.data))
    assert preview.size == (-(-saved.width // 3), -(-saved.height // 3))  # the 300 dpi file at the 100 dpi screen size
    assert image.alt == "Two bars" and "حصة كل جهة" in caption.data and "Figure 99-01" in caption.data


@pytest.mark.parametrize("values", [[3, 2], [1, 0], [2, 1, 1]])
def test_counts_get_whole_number_ticks(values):
    """Small counts: ticks at 0.5 would print '2' twice under a whole-number format."""
    fig, ax = charts.new_figure(4, 2)
    charts.barh(ax, [f"ب{k}" for k in range(len(values))], values)
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert len(ticks) == len(set(ticks)) > 1, ticks
    plt.close(fig)


def test_shares_keep_fractional_ticks():
    fig, ax = charts.new_figure(4, 2)
    charts.barh(ax, ["أ", "ب"], [0.6, 0.4], value_format="{:.0%}")
    fig.canvas.draw()
    assert any(not float(tick).is_integer() for tick in ax.get_xticks())
    plt.close(fig)
