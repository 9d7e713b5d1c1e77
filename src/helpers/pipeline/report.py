"""A shareable report: each executed notebook as an HTML page (code hidden), plus an index page.

``python -m helpers report`` writes ``build/report/``: ``index.html`` links every notebook page
and every figure of ``figures/`` (copied into ``build/report/figures/`` so the folder can be
zipped and sent). Text reads right to left wherever it is Arabic: each paragraph, list item and
heading gets ``dir="rtl"`` or ``dir="ltr"`` from the letters it holds (``auto`` when mixed);
tables and outputs built with ``rtl_html``/``rtl_table`` keep their ``dir="rtl"``. Pages load
nothing from the network, so the report reads the same offline.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import regex

from .. import paths
from ..figures.manifest import skip_slow_iri_checker
from .build import BuildError, notebook_paths

#: Opening tags of block elements without a ``dir`` (table cells follow their table), and
#: (looked ahead at, not consumed, so nested lists get theirs too) the element's content.
BLOCK_WITHOUT_DIR = re.compile(r"<(p|li|h[1-6]|blockquote|figcaption|dt|dd|pre)(?=[\s>])(?![^>]*\bdir=)(?=[^>]*>(.*?)</\1>)", re.S)
TAG = re.compile(r"<[^>]*>")
ARABIC_LETTER = regex.compile(r"[\p{Arabic}&&\p{L}]", regex.V1)
LATIN_LETTER = regex.compile(r"\p{Latin}")
ARABIC_STYLE = """
<style>
  /* Arabic reads right to left: blocks carry dir="rtl", "ltr" or "auto" (from their letters);
     the .jp-RenderedHTMLCommon prefix outranks JupyterLab's own left alignment. */
  .jp-RenderedHTMLCommon [dir] { text-align: start; }
  .jp-RenderedHTMLCommon [dir="rtl"], .jp-RenderedHTMLCommon [lang="ar"] {
    font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', 'DejaVu Sans', serif; line-height: 1.8; }
  .jp-RenderedHTMLCommon [dir="rtl"] table { margin-left: auto; margin-right: 0; }
  .jp-RenderedHTMLCommon [dir="rtl"] th, .jp-RenderedHTMLCommon [dir="rtl"] td { text-align: right; }
  /* printed output: each line takes the direction of its first strong letter */
  .jp-OutputArea-output pre { unicode-bidi: plaintext; text-align: start; }
</style>
"""
INDEX_STYLE = """
body { font-family: 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
figure { margin: 2rem 0; border-top: 1px solid #ccc; padding-top: 1rem; }
figure img { max-width: 100%; height: auto; }
figcaption p { margin: 0.3rem 0; }
.ar { direction: rtl; text-align: right; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', serif; line-height: 1.8; }
"""


#: nbconvert's JupyterLab template without the scripts it loads from a CDN (data/report-template).
REPORT_TEMPLATE = paths.PACKAGE_DATA / "report-template"


class ReportError(BuildError):
    """The report cannot be written; the message names the file."""


def notebook_title(nb, fallback: str) -> str:
    """The first Markdown heading of the notebook, without the leading #."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def text_direction(fragment: str) -> str:
    """``rtl`` or ``ltr`` when one script has more than twice the other's letters, else ``auto``
    (the first strong letter decides: a bilingual heading that starts in Arabic reads right to left)."""
    text = html.unescape(TAG.sub(" ", fragment))
    arabic, latin = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
    if arabic > 2 * latin:
        return "rtl"
    if latin > 2 * arabic:
        return "ltr"
    return "auto"


def rtl_aware(page: str) -> str:
    """Give block elements a direction from their own text and add the right-to-left style sheet."""
    page = BLOCK_WITHOUT_DIR.sub(lambda m: f'<{m.group(1)} dir="{text_direction(m.group(2))}"', page)
    return page.replace("</head>", ARABIC_STYLE + "</head>", 1)


def export_notebook(path: Path, out_dir: Path) -> tuple[str, Path]:
    """Export one notebook to ``out_dir/<name>.html``, code cells hidden; return (title, file)."""
    import nbformat
    from nbconvert import HTMLExporter

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:
        raise ReportError(f"{path}: not a readable notebook ({error})") from None
    if not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"):
        raise ReportError(f"{path}: has no outputs; run `python -m helpers build` first")
    exporter = HTMLExporter(
        template_name=REPORT_TEMPLATE.name, extra_template_basedirs=[str(REPORT_TEMPLATE.parent)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    title = notebook_title(nb, path.stem)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    target = out_dir / f"{path.stem}.html"
    target.write_text(rtl_aware(body), encoding="utf-8")
    return title, target


def figure_records(figures_dir: Path) -> list[dict]:
    """The figures manifest (``index.json``) records, in name order."""
    index = figures_dir / "index.json"
    if not index.exists():
        return []
    try:
        records = json.loads(index.read_text(encoding="utf-8"))["figures"]
    except (ValueError, KeyError) as error:
        raise ReportError(f"{index}: not a figures manifest ({error})") from None
    return sorted(records, key=lambda r: r["name"])


def figure_html(record: dict) -> str:
    """One figure of the index page: image, Arabic and English captions, links to every format."""
    files = record.get("files", {})
    image = files.get("svg") or files.get("png")
    links = " · ".join(f'<a href="figures/{html.escape(f)}">{fmt.upper()}</a>' for fmt, f in sorted(files.items()))
    esc = html.escape
    return (
        f'<figure id="{esc(record["name"])}">'
        f'<img src="figures/{esc(image)}" alt="{esc(record.get("alt_text", ""))}">'
        f'<figcaption><p><strong>{esc(record.get("figure", record["name"]))}</strong> ({esc(record.get("notebook", ""))})</p>'
        f'<p class="ar" dir="rtl" lang="ar">{esc(record.get("caption_ar", ""))}</p>'
        f'<p lang="en">{esc(record.get("caption_en", ""))}</p>'
        f"<p>{links}</p></figcaption></figure>"
    )


def index_html(pages: list[tuple[str, Path]], records: list[dict]) -> str:
    """The report's front page: notebooks in reading order, then every figure."""
    from .. import __version__

    items = "".join(f'<li dir="auto"><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a>: {html.escape(t)}</li>' for t, p in pages)
    figures = "".join(figure_html(r) for r in records) or "<p>No figures yet: run <code>python -m helpers build</code>.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Arabic news discourse: report</title><style>{INDEX_STYLE}</style></head><body>"
        f"<h1>Arabic news discourse: report</h1><p>arabic-news-discourse {html.escape(__version__)}. "
        'Cite the package (see <code>CITATION.cff</code>) and each figure by its number.</p>'
        f"<h2>Notebooks</h2><ol>{items}</ol><h2>Figures</h2>{figures}</body></html>\n"
    )


def write_report(out_dir: Path, notebooks: list[Path] | None = None, figures_dir: Path = paths.FIGURES) -> Path:
    """Export every notebook and build the index page; return the index page's path."""
    skip_slow_iri_checker()
    notebooks = notebook_paths() if notebooks is None else notebooks
    if not notebooks:
        raise ReportError(f"{paths.NOTEBOOKS}: no notebooks to export")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = [export_notebook(path, out_dir) for path in notebooks]
    records = figure_records(figures_dir)
    if figures_dir.exists():
        shutil.copytree(figures_dir, out_dir / "figures", dirs_exist_ok=True)
    index = out_dir / "index.html"
    index.write_text(index_html(pages, records), encoding="utf-8")
    return index
