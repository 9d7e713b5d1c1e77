"""What every notebook does first: resolve its parameters into articles and output folders.

Each notebook's ``parameters`` cell (papermill convention) holds plain literals::

    article = None      # a .txt file, a folder, or a CSV/JSONL table; None = the seed in data/raw
    output_dir = None   # None = figures/ and data/processed/ for the seed, build/runs/<name>/ otherwise

and the next cell calls ``run = setup("03-quotes", article, output_dir)``. The corpus notebooks
(06 on) have ``corpus = None`` instead of ``article`` (None = the shipped corpus) and call
``run = setup_corpus("06-corpus-overview", corpus, output_dir)``. Committed figures are only ever
written for the project's own data: another article or corpus gets a folder of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..figures import charts
from ..analysis.corpus import CorpusTables, read_corpus
from ..provenance import file_sha256
from ..text.loading import Article, iter_articles


class _Figures:
    """What every notebook run has: its name, a figures folder and (in each kind of run) the
    ``input_sha256`` its figures record."""

    notebook: str
    figures_dir: Path

    @property
    def number(self) -> str:
        """The notebook number that prefixes its figure names: ``03``."""
        return self.notebook.split("-", 1)[0]

    def figure_name(self, index: int, slug: str) -> str:
        """A stable figure name such as ``03-02-speaker-share``."""
        return f"{self.number}-{index:02d}-{slug}"

    def save_figure(self, fig, slug: str, index: int, *, caption_ar: str, caption_en: str, data: pd.DataFrame,
                    alt_text: str, show: bool = True) -> dict:
        """Save figure ``index`` of this notebook as ``<number>-<index>-<slug>`` in its figures folder,
        recording the notebook and the sha256 of its input (its first article, or the corpus file),
        and show it with its caption.

        Every notebook saves through here, so names, folders and provenance cannot drift apart;
        see :func:`helpers.figures.charts.save_figure` for the files written. Returns the record.
        """
        return charts.save_figure(
            fig, self.figure_name(index, slug), caption_ar=caption_ar, caption_en=caption_en, data=data,
            notebook=self.notebook, alt_text=alt_text, out_dir=self.figures_dir, article_sha256=self.input_sha256, show=show,
        )


@dataclass
class Run(_Figures):
    """A notebook run: its name (``03-quotes``), its articles and where it writes."""

    notebook: str
    articles: list[Article]
    figures_dir: Path
    tables_dir: Path

    @property
    def article(self) -> Article:
        """The first (for the seed: the only) article."""
        return self.articles[0]

    @property
    def input_sha256(self) -> str:
        return self.article.sha256


@dataclass
class CorpusRun(_Figures):
    """A corpus notebook run: its name (``06-corpus-overview``), the corpus tables and where it writes."""

    notebook: str
    tables: CorpusTables
    figures_dir: Path
    corpus_sha256: str

    @property
    def input_sha256(self) -> str:
        return self.corpus_sha256


def _project_path(path: str | Path) -> Path:
    """A path as given, or relative to the project root when it does not exist as given."""
    path = Path(path)
    return paths.ROOT / path if not path.is_absolute() and not path.exists() else path


def setup_corpus(notebook: str, corpus: str | None = None, output_dir: str | None = None) -> CorpusRun:
    """Load the corpus tables (annotating the corpus first if its tables are missing or stale) and
    decide the figures folder: the shipped corpus's tables are the main job's (data/processed/corpus)
    and its figures go to figures/; another corpus gets build/runs/<name>/ unless ``output_dir`` says."""
    from .annotation import corpus_tables_for

    source = _project_path(corpus) if corpus else paths.CORPUS
    base = Path(output_dir) if output_dir else None if corpus is None else paths.ROOT / "build" / "runs" / source.stem
    figures_dir = base / "figures" if base else paths.FIGURES
    tables_dir = paths.PROCESSED / "corpus" if corpus is None else base / "tables" / "corpus"
    tables = read_corpus(corpus_tables_for(source, tables_dir), source)
    figures_dir.mkdir(parents=True, exist_ok=True)
    return CorpusRun(notebook, tables, figures_dir, file_sha256(source))


def setup(notebook: str, article: str | None = None, output_dir: str | None = None) -> Run:
    """Load the notebook's articles and decide its output folders (created if missing)."""
    source = _project_path(article) if article else paths.RAW  # relative to the project root, whatever the working directory
    articles = list(iter_articles(source))
    if output_dir:
        base = Path(output_dir)
        figures_dir, tables_dir = base / "figures", base / "tables"
    elif article is None:
        figures_dir, tables_dir = paths.FIGURES, paths.PROCESSED
    else:
        base = paths.ROOT / "build" / "runs" / source.stem
        figures_dir, tables_dir = base / "figures", base / "tables"
    figures_dir.mkdir(parents=True, exist_ok=True)
    tables_dir.mkdir(parents=True, exist_ok=True)
    return Run(notebook, articles, figures_dir, tables_dir)

