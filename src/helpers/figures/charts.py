"""Arabic charts that read right on any matplotlib, and figures saved so that they can be cited.

Every string drawn in a figure goes through :func:`ar`. Whether it is reshaped here is decided in
ONE place, :func:`shapes_text_natively`: matplotlib >= 3.11 lays text out itself with libraqm
(HarfBuzz shaping + bidi), so strings are passed in logical order, untouched; older matplotlib
draws code points left to right, one by one, so Arabic is reshaped (``arabic_reshaper``) and put
in visual order (``python-bidi``) line by line. Doing that on 3.11 would draw every label
reversed, silently. No other module calls the reshaper or bidi.

:func:`save_figure` writes ``<name>.png`` (300 dpi), ``.pdf`` (TrueType fonts embedded), ``.svg``
and ``.csv`` (the plotted data) atomically and reproducibly, and records the figure in the
folder's ``index.json`` manifest and ``README.md`` gallery (:mod:`helpers.figures.manifest`).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

import matplotlib
import pandas as pd

from .files import _atomic_path, write_bytes_atomic

#: Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069): invisible in the source
#: text, but they would reorder what a chart shows, so labels never carry them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

#: Arabic faces in order of preference (they carry no Latin letters), then the Latin face that
#: draws what they lack; matplotlib falls back glyph by glyph along the list it is given.
ARABIC_FACES = ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri")
LATIN_FACES = ("Noto Sans",)
#: Ships with matplotlib and covers Arabic and Latin: every label renders on any machine.
FALLBACK_FACE = "DejaVu Sans"

#: Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), black last.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

#: Formats written by :func:`save_figure`, and what makes each byte-identical on a re-run.
FIGURE_FORMATS = {
    "png": {"Software": None},
    "pdf": {"CreationDate": None},
    "svg": {"Date": None},
}

#: rcParams for saving: 300 dpi PNG, TrueType (Type 42) fonts embedded in PDF, text as paths in
#: SVG (so that browsers do not re-apply bidi or substitute fonts), fixed SVG id salt.
SAVE_RC = {
    "savefig.dpi": 300,
    "savefig.facecolor": "auto",  # the figure's own colours, as drawn: the PNG is cut from that draw
    "savefig.edgecolor": "auto",
    "savefig.transparent": False,
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "path",
    "svg.hashsalt": "helpers.charts",
}

EASTERN_ARABIC_DIGITS = str.maketrans("0123456789.,%", "٠١٢٣٤٥٦٧٨٩٫٬٪")

# Drawn (possibly visual-order) string -> the logical string it was prepared from, so that the
# manifest records what a reader reads even when the legacy path drew a reshaped string.
_LOGICAL_TEXT: dict[str, str] = {}


# --- Shaping: the one place that decides -------------------------------------------------------


@cache
def shapes_text_natively() -> bool:
    """True when the running matplotlib shapes and reorders complex text itself (libraqm).

    matplotlib 3.11 builds ``ft2font`` against libraqm and exposes ``__libraqm_version__``;
    without that attribute, the version number decides.
    """
    from matplotlib import ft2font

    raqm = getattr(ft2font, "__libraqm_version__", None)
    if raqm is not None:
        return bool(raqm)
    return tuple(matplotlib.__version_info__[:2]) >= (3, 11)


def shaping_engine() -> str:
    """Which code shapes the Arabic in this process, for the manifest."""
    from importlib.metadata import version

    if shapes_text_natively():
        from matplotlib import ft2font

        return f"matplotlib {matplotlib.__version__} (libraqm {getattr(ft2font, '__libraqm_version__', '?')})"
    return (
        f"matplotlib {matplotlib.__version__} + arabic-reshaper {version('arabic-reshaper')}"
        f" + python-bidi {version('python-bidi')}"
    )


def strip_bidi_controls(text: str) -> str:
    """The text without embedding, override and isolate controls."""
    return BIDI_CONTROLS.sub("", text)


def visual_order(text: str) -> str:
    """Legacy preparation: each line reshaped (joined letter forms) and put in visual order.

    Only right for a matplotlib that does not shape text (< 3.11); lines are done separately
    because matplotlib splits multi-line text before drawing it.
    """
    import arabic_reshaper
    from bidi.algorithm import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def prepare(text: object, native: bool) -> str:
    """``text`` as a string to draw: bidi controls removed, reshaped unless ``native``, and
    ``$`` escaped so that a label from data (``10$ و20$``) is never read as mathtext."""
    logical = strip_bidi_controls(str(text))
    visual = logical if native else visual_order(logical)
    _LOGICAL_TEXT[visual] = logical  # the renderer is handed the string unescaped
    return visual.replace("$", r"\$")


def ar(text: object) -> str:
    """Any string (or number) to be drawn in a figure, prepared for the running matplotlib."""
    return prepare(text, native=shapes_text_natively())


def logical_text(drawn: str) -> str:
    """The logical-order string behind a drawn string (itself if it did not go through :func:`ar`)."""
    return _LOGICAL_TEXT.get(drawn, drawn)


def eastern_arabic_digits(text: object) -> str:
    """Western digits, decimal and thousands separators and per cent as Arabic ones: ``2017`` -> ``٢٠١٧``."""
    return str(text).translate(EASTERN_ARABIC_DIGITS)


def tick_formatter(eastern_digits: bool = True, fmt: str = "{:,.0f}") -> matplotlib.ticker.Formatter:
    """A tick formatter that writes numbers with ``fmt`` and, optionally, Eastern Arabic digits."""
    from matplotlib.ticker import FuncFormatter

    def format_tick(value: float, _position: int | None = None) -> str:
        label = fmt.format(value)
        return ar(eastern_arabic_digits(label) if eastern_digits else label)

    return FuncFormatter(format_tick)


# --- Fonts and house style ---------------------------------------------------------------------


def _installed(family: str) -> bool:
    from matplotlib import font_manager

    try:
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return False
    return True


@cache
def installed_font_families() -> tuple[str, ...]:
    """The fonts figures are drawn with: the best installed Arabic face and a Latin face.

    With Noto Naskh Arabic and Noto Sans (Debian ``fonts-noto-core``) installed, only those two
    are listed, DejaVu Sans only where one of them is missing. Listing no more matters:
    matplotlib's PDF backend embeds every listed font, ordered by file path, so fonts from one
    system folder keep PDFs byte-identical wherever the package (and matplotlib's own DejaVu
    Sans) is installed.
    """
    arabic = next((f for f in ARABIC_FACES if _installed(f)), None)
    latin = next((f for f in LATIN_FACES if _installed(f)), None)
    return tuple(f for f in (arabic, latin or FALLBACK_FACE) if f) if arabic else (FALLBACK_FACE,)


@cache
def _font_charmap(family: str) -> frozenset[int]:
    """The code points that ``family``'s regular face covers."""
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    return frozenset(font_manager.get_font(path).get_charmap())


def fonts_for(texts: Sequence[str]) -> list[str]:
    """The families that draw ``texts``, found as matplotlib's per-glyph fallback finds them."""
    families = installed_font_families()
    used: set[str] = set()
    for text in texts:
        for char in text:
            if char.isspace():
                continue
            family = next((f for f in families if ord(char) in _font_charmap(f)), None)
            if family is not None:
                used.add(family)
    return [f for f in families if f in used]


def house_style() -> dict:
    """rcParams of the house style: Arabic-first font list, readable sizes, the palette."""
    from cycler import cycler

    return {
        "font.family": list(installed_font_families()),
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.labelsize": 11,
        "xtick.labelsize": 10,
        "ytick.labelsize": 11,
        "legend.fontsize": 10,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.unicode_minus": False,  # U+2212 is in neither Noto face: a hyphen-minus is
        "figure.dpi": 100,
        **SAVE_RC,
    }


def apply_style() -> None:
    """Make the house style matplotlib's current style (what :func:`new_figure` does first)."""
    matplotlib.rcParams.update(house_style())


def new_figure(width: float = 7.0, height: float = 4.0, **subplots):
    """A figure and axes in the house style, with constrained layout so that nothing is clipped."""
    import matplotlib.pyplot as plt

    apply_style()
    subplots.setdefault("layout", "constrained")
    return plt.subplots(figsize=(width, height), **subplots)


def set_title(ax, text: str, **kwargs):
    """A right-aligned title (Arabic reads from the right)."""
    return ax.set_title(ar(text), loc="right", **kwargs)


def set_labels(ax, x: str | None = None, y: str | None = None) -> None:
    """Axis labels, aligned to the right / top as an Arabic reader expects."""
    if x is not None:
        ax.set_xlabel(ar(x), loc="right")
    if y is not None:
        ax.set_ylabel(ar(y), loc="top")


def barh(
    ax,
    labels: Sequence[object],
    values: Sequence[float],
    color: str | Sequence[str] = PALETTE[0],
    value_format: str | None = "{:,.0f}",
    eastern_digits: bool = False,
):
    """Horizontal bars laid out right to left: category labels on the right, first item on top.

    Bars grow leftwards from the right-hand axis; ``value_format`` (None: no value labels)
    writes each value at the end of its bar, and the ticks of the value axis. Returns the bar
    container.
    """
    if len(labels) != len(values):
        raise ValueError(f"barh: {len(labels)} labels but {len(values)} values")
    positions = range(len(labels))
    bars = ax.barh(list(positions), list(values), color=color)
    ax.set_yticks(list(positions), [ar(label) for label in labels], multialignment="right")
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.tick_params(axis="y", length=0)
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    if not ax.yaxis_inverted():
        ax.invert_yaxis()
    if not ax.xaxis_inverted():
        ax.invert_xaxis()
    ax.xaxis.set_major_formatter(tick_formatter(eastern_digits, value_format or "{:,g}"))
    whole_number_ticks(ax.xaxis, values)
    if value_format is not None:
        texts = [value_format.format(v) for v in values]
        texts = [ar(eastern_arabic_digits(t) if eastern_digits else t) for t in texts]
        ax.bar_label(bars, labels=texts, padding=3)
        ax.margins(x=0.12)
    return bars


def whole_number_ticks(axis, values: Iterable[float]) -> None:
    """Ticks at whole numbers only when every value is whole (counts), so that small counts do not
    get ticks at 0.5 that a whole-number format prints twice ("2 2")."""
    from matplotlib.ticker import MaxNLocator

    if all(float(value).is_integer() for value in values):
        axis.set_major_locator(MaxNLocator(integer=True))


def legend(ax, handles=None, labels: Sequence[object] | None = None, ncol: int = 1, **kwargs):
    """A legend that reads from the right: each key to the right of its label, entries right-aligned,
    and in a multi-column legend the first entry rightmost. Labels go through :func:`ar`."""
    if handles is None:
        handles, found = ax.get_legend_handles_labels()
        labels = found if labels is None else labels
        labels = [logical_text(label) for label in labels]
    elif labels is None:
        labels = [logical_text(h.get_label()) for h in handles]
    handles, labels = list(handles), [ar(label) for label in labels]
    if ncol > 1:  # matplotlib fills columns left to right
        handles, labels = handles[::-1], labels[::-1]
    kwargs.setdefault("frameon", False)
    return ax.legend(handles, labels, ncol=ncol, markerfirst=False, alignment="right", **kwargs)


def heatmap(ax, frame: pd.DataFrame, cmap: str = "cividis", value_format: str | None = "{:,.0f}", eastern_digits: bool = False):
    """A table of numbers as a heatmap: row labels on the right, columns read from the right.

    ``cividis`` is the default colour map because it stays readable with colour-vision
    deficiencies and in greyscale.
    """
    values = frame.to_numpy(dtype=float)
    columns = list(frame.columns)[::-1]
    image = ax.imshow(values[:, ::-1], cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(columns)), [ar(c) for c in columns])
    ax.set_yticks(range(len(frame.index)), [ar(r) for r in frame.index], multialignment="right")
    ax.yaxis.tick_right()
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if value_format is not None:
        threshold = (values.max() + values.min()) / 2 if values.size else 0
        for row, row_values in enumerate(values[:, ::-1]):
            for column, value in enumerate(row_values):
                label = value_format.format(value)
                label = ar(eastern_arabic_digits(label) if eastern_digits else label)
                colour = "white" if value < threshold else "black"
                ax.text(column, row, label, ha="center", va="center", color=colour)
    return image


# --- Saving for citation -----------------------------------------------------------------------


class FigureTextError(ValueError):
    """A figure would draw a character that no installed font has (an empty box)."""


def drawn_texts(fig) -> list[str]:
    """Every text string the figure draws, as handed to matplotlib, each once, in drawing order.

    Found by drawing the figure with a renderer that records the text artists it is asked to
    draw: ticks outside the view and invisible artists are left out, as on the page. Raises
    :class:`FigureTextError` if matplotlib reports a glyph missing from every font.
    """
    return _recorded_draw(fig)[0]


def _recorded_draw(fig):
    """Draw ``fig`` once at its dpi (running its layout engine): the texts drawn, and the renderer."""
    from matplotlib.backends.backend_agg import RendererAgg

    seen: dict[str, None] = {}

    class RecordingRenderer(RendererAgg):
        """Agg, noting each text artist's lines (drawn one call per line) as one string."""

        lines: list[str] | None = None

        def open_group(self, s, gid=None):
            if s == "text":
                self.lines = []
            return super().open_group(s, gid)

        def close_group(self, s):
            if s == "text" and self.lines is not None:
                self.note("\n".join(self.lines))
                self.lines = None
            return super().close_group(s)

        def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
            if self.lines is not None:
                self.lines.append(s)
            else:
                self.note(s)
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

        @staticmethod
        def note(text: str) -> None:
            if text.strip():
                seen.setdefault(text, None)

    width, height = fig.get_size_inches() * fig.dpi
    renderer = RecordingRenderer(width, height, fig.dpi)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.draw(renderer)
    missing = sorted({str(w.message) for w in caught if "missing from" in str(w.message)})
    if missing:
        raise FigureTextError("; ".join(missing))
    return list(seen), renderer


@contextlib.contextmanager
def _laid_out_once(fig, dpi: float, pad_inches: float) -> Iterator[tuple[list[str], object, object]]:
    """Lay ``fig`` out and draw it once at ``dpi``; inside the block its layout stays as drawn.

    Yields the texts drawn, the page (the padded tight bounding box, in inches, that
    ``savefig(bbox_inches="tight")`` would find) and that page's pixels from this draw (see
    :func:`_page_pixels`). Saving every format from this one layout, the PNG from
    these pixels, draws the figure once per vector format instead of twice per format.
    """
    original_dpi, engine = fig.dpi, fig.get_layout_engine()
    fig.dpi = dpi
    try:
        texts, renderer = _recorded_draw(fig)
        page = fig.get_tightbbox(renderer).padded(pad_inches)
        if engine is not None:
            # No engine at all, not the "none" placeholder: savefig lays out again with any engine.
            with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
                fig.set_layout_engine(None)
        yield texts, page, _page_pixels(fig, renderer, page, dpi)
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)
        fig.dpi = original_dpi


def _page_pixels(fig, renderer, page, dpi: float):
    """The RGBA pixels of ``page`` (inches) from a full-canvas draw, sized as savefig sizes them.

    The page usually reaches past the canvas by the padding; savefig fills that margin with the
    figure's face colour, and so does this. None if that colour is not opaque (savefig decides).
    """
    import numpy as np
    from matplotlib.colors import to_rgba

    face = to_rgba(fig.get_facecolor())
    if face[3] < 1:
        return None
    drawn = np.asarray(renderer.buffer_rgba())
    height, width = drawn.shape[:2]
    left, top = round(page.x0 * dpi), round(height - page.y1 * dpi)
    pixels = np.empty((int(page.height * dpi), int(page.width * dpi), 4), np.uint8)
    pixels[:] = np.round(np.array(face) * 255)
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + pixels.shape[1], width), min(top + pixels.shape[0], height)
    pixels[y0 - top:y1 - top, x0 - left:x1 - left] = drawn[y0:y1, x0:x1]
    return pixels


def figure_texts(fig) -> list[str]:
    """Every text string the figure draws, in logical (reading) order, whichever path drew it."""
    return [logical_text(text) for text in drawn_texts(fig)]


def data_csv_bytes(data: pd.DataFrame) -> bytes:
    """The plotted data as UTF-8 CSV bytes (index dropped, ``\\n`` line ends): what is hashed."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"save_figure: data must be the plotted pandas DataFrame, not {type(data).__name__}")
    return data.to_csv(index=False, lineterminator="\n").encode("utf-8")


def save_figure(
    fig,
    name: str,
    *,
    caption_ar: str,
    caption_en: str,
    data: pd.DataFrame,
    notebook: str,
    alt_text: str,
    out_dir: str | os.PathLike | None = None,
    article_sha256: str | None = None,
    show: bool = False,
) -> dict:
    """Write ``<name>.png/.pdf/.svg/.csv`` into ``out_dir`` and record the figure in its manifest.

    ``name`` is ``run.figure_name(k, "slug")`` (``03-02-speaker-share``), ``data`` the DataFrame
    that was plotted, ``alt_text`` a plain-language description for readers who cannot see the
    figure. Files are replaced atomically and are byte-identical when the same figure is saved
    again. ``show=True`` displays the saved figure in the notebook (:func:`show_saved`). Returns
    the manifest record.
    """
    from .. import __version__, paths
    from . import manifest as figures_manifest

    figures_manifest.check_name(name)
    out = Path(out_dir) if out_dir is not None else paths.FIGURES
    out.mkdir(parents=True, exist_ok=True)
    csv_bytes = data_csv_bytes(data)
    import matplotlib.image

    files = {}
    dpi = SAVE_RC["savefig.dpi"]
    with matplotlib.rc_context(SAVE_RC), _laid_out_once(fig, dpi, pad_inches=0.1) as (drawn, page, page_pixels):
        for fmt, metadata in FIGURE_FORMATS.items():
            target = out / f"{name}.{fmt}"
            with _atomic_path(target) as temporary:
                if fmt == "png" and page_pixels is not None:
                    matplotlib.image.imsave(temporary, page_pixels, format="png", dpi=dpi, metadata=metadata)
                else:
                    fig.savefig(temporary, format=fmt, metadata=metadata, bbox_inches=page)
            files[fmt] = target.name
    write_bytes_atomic(out / f"{name}.csv", csv_bytes)
    files["csv"] = f"{name}.csv"
    record = {
        "name": name,
        "figure": figures_manifest.figure_label(name),
        "notebook": notebook,
        "caption_ar": caption_ar,
        "caption_en": caption_en,
        "alt_text": alt_text,
        "files": files,
        "file_sha256": {fmt: _sha256((out / file).read_bytes()) for fmt, file in files.items()},
        "texts": [logical_text(text) for text in drawn],
        "fonts": fonts_for(drawn),
        "font_families": list(installed_font_families()),
        "text_shaping": shaping_engine(),
        "data_sha256": _sha256(csv_bytes),
        "article_sha256": article_sha256,
        "package_version": __version__,
        "matplotlib_version": matplotlib.__version__,
    }
    figures_manifest.add_record(out, record)
    if show:
        show_saved(fig, record, page_pixels if page_pixels is not None else out / files["png"])
    return record


def show_saved(fig, record: dict, png) -> None:
    """Show a saved figure in the notebook as its PNG (a path, or its pixels), with its caption.

    The PNG is scaled down from 300 dpi to the figure's screen dpi instead of drawing the figure
    again, so readers see exactly the file they cite; ``fig`` is closed so that Jupyter's inline
    backend does not draw it a second time.
    """
    import io

    import matplotlib.pyplot as plt
    from IPython.display import HTML, Image, display
    from PIL import Image as PILImage

    plt.close(fig)
    factor = max(round(SAVE_RC["savefig.dpi"] / matplotlib.rcParams["figure.dpi"]), 1)
    with PILImage.open(png) if isinstance(png, (str, os.PathLike)) else PILImage.fromarray(png) as image:
        buffer = io.BytesIO()
        image.reduce(factor).save(buffer, format="png")
    display(Image(data=buffer.getvalue(), format="png", alt=record["alt_text"]))
    display(HTML(caption_html(record)))


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def caption_html(record: dict) -> str:
    """A saved figure's number and bilingual caption as HTML, for display under it in a notebook."""
    import html

    return (
        f'<p><b>{html.escape(record["figure"])}</b></p>'
        f'<p dir="rtl" lang="ar" style="text-align:right">{html.escape(record["caption_ar"])}</p>'
        f'<p lang="en">{html.escape(record["caption_en"])}</p>'
    )


