"""The notebook pipeline: the main job, deterministic notebooks, re-execution from anywhere, papermill
on another article, the HTML report, and a light ``python -m helpers``.

Tests marked ``slow`` re-execute the committed notebooks (a minute or two)."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import paths
from helpers.pipeline import build
from helpers.pipeline.report import text_direction, write_report

NOTEBOOKS = build.notebook_paths()
OTHER_ARTICLE = paths.ROOT / "tests" / "fixtures" / "quotes_articles" / "sudan-blinken.ar.txt"
#: Another corpus for the corpus notebooks: the 48 real-news gold articles (a JSONL like the shipped corpus).
OTHER_CORPUS = paths.ROOT / "tests" / "fixtures" / "real_news" / "articles.jsonl"
JUPYTER = str(Path(sys.executable).with_name("jupyter"))


def is_corpus_notebook(path: Path) -> bool:
    """A corpus notebook (06 on) takes ``corpus`` where the article notebooks take ``article``."""
    nb = nbformat.read(path, as_version=4)
    return any("parameters" in c.metadata.get("tags", []) and "corpus = None" in c.source for c in nb.cells)


def make_notebook(path: Path, *sources: str, markdown: str = "# دفتر تجريبي — test notebook\n\nنص عربي للتجربة.") -> Path:
    """A small numbered notebook in the project's convention (parameters cell, then setup)."""
    cells = [new_markdown_cell(markdown), new_code_cell("article = None\noutput_dir = None", metadata={"tags": ["parameters"]})]
    cells += [new_code_cell(source) for source in sources]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(build.KERNELSPEC)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


SMALL_NOTEBOOK_CELLS = (
    "import matplotlib.pyplot as plt\nfrom IPython.display import HTML, display\n"
    "from helpers.figures.html import rtl_html, rtl_table\nfrom helpers.pipeline.notebook import setup\n"
    f"run = setup('09-test', article, output_dir={str(Path('OUT'))!r} if output_dir is None else output_dir)",
    "print(run.article.doc_id, len(run.article.tokens))\ndisplay(HTML(rtl_html(run.article.text[:60])))",
    "fig, ax = plt.subplots(figsize=(3, 2))\nax.barh(['حلف', 'الكويت'], [3, 2])\nplt.show()",
)


def small_notebook(folder: Path, name: str = "09-test.ipynb") -> Path:
    cells = [c.replace("OUT", str(folder / "out")) for c in SMALL_NOTEBOOK_CELLS]
    return make_notebook(folder / name, *cells)


def digest_tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the build: failures, determinism ---------------------------------------------------


@pytest.mark.parametrize(
    "failing_source, error",
    [
        ("# حساب حصة المتحدثين\nshares = {}\nshares['ناتو']", "KeyError"),
        ("الجملة = 'مبادرة اسطنبول للتعاون'\nlen(الجملة) / 0", "ZeroDivisionError"),
        ("  \nprint(اسم_غير_معرف)", "NameError"),
    ],
)
def test_build_failure_names_notebook_cell_and_error(tmp_path, failing_source, error):
    good = small_notebook(tmp_path)
    bad = make_notebook(tmp_path / "08-broken.ipynb", "x = 1", failing_source, "print('never reached')")
    committed = bad.read_bytes()
    with pytest.raises(build.NotebookFailure) as caught:
        build.build([good, bad], annotate=False)
    failure = caught.value
    assert failure.notebook == bad and failure.cell_index == 3 and failure.ename == error
    message = str(failure)
    first_line = next(line.strip() for line in failing_source.splitlines() if line.strip())
    assert "08-broken.ipynb" in message and "cell 3" in message and first_line in message and error in message
    assert bad.read_bytes() == committed, "a failed notebook must not overwrite the committed one"
    assert failure.saved and failure.saved.exists()


def test_cli_build_failure_exits_non_zero_with_the_message(tmp_path):
    bad = make_notebook(tmp_path / "07-broken.ipynb", "raise ValueError('عطل مقصود')")
    result = subprocess.run([sys.executable, "-m", "helpers", "build", str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "07-broken.ipynb, cell 2" in result.stderr and "ValueError: عطل مقصود" in result.stderr


def test_rebuilds_are_byte_identical_and_carry_no_run_metadata(tmp_path):
    notebook = small_notebook(tmp_path)
    build.build([notebook], annotate=False)
    first = notebook.read_bytes()
    summary = build.build([notebook], annotate=False)
    assert notebook.read_bytes() == first and not summary.notebooks[0].changed
    nb = json.loads(first)
    assert nb["metadata"]["kernelspec"]["name"] == "python3" and "version" not in nb["metadata"]["language_info"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert all("execution" not in c["metadata"] for c in nb["cells"])
    assert any("image/png" in o.get("data", {}) for c in code for o in c["outputs"]), "the figure is kept"


def test_forked_kernels_give_the_same_notebook_as_ordinary_kernels(tmp_path):
    forked = small_notebook(tmp_path / "fork")
    ordinary = tmp_path / "plain" / forked.name
    ordinary.parent.mkdir()
    ordinary.write_text(forked.read_text().replace(str(tmp_path / "fork"), str(tmp_path / "plain")))
    build.build([forked], annotate=False, fork=True)
    build.build([ordinary], annotate=False, fork=False)
    assert forked.read_text().replace(str(tmp_path / "fork"), "X") == ordinary.read_text().replace(str(tmp_path / "plain"), "X")


def test_notebooks_run_in_parallel_and_all_get_written(tmp_path):
    notebooks = [small_notebook(tmp_path, f"0{k}-test.ipynb") for k in range(1, 5)]
    summary = build.build(notebooks, annotate=False, jobs=2)
    assert [r.path for r in summary.notebooks] == notebooks
    assert all(json.loads(p.read_text())["cells"][3]["outputs"] for p in notebooks)


# --- the report -------------------------------------------------------------------------


def test_report_hides_code_keeps_outputs_and_reads_arabic_right_to_left(tmp_path):
    notebook = small_notebook(tmp_path)
    build.build([notebook], annotate=False)
    index = write_report(tmp_path / "report", [notebook], figures_dir=paths.FIGURES)
    page = (tmp_path / "report" / "09-test.html").read_text(encoding="utf-8")
    assert "rtl_html(run.article.text" not in page, "code cells are hidden"
    assert "data:image/png;base64" in page, "figures are kept"
    assert '<p dir="rtl">نص عربي للتجربة.</p>' in page
    assert '<h1 dir="auto"' in page and "text-align: start" in page
    front = index.read_text(encoding="utf-8")
    assert 'href="09-test.html"' in front and "test notebook" in front
    for html_page in (page, front):  # read offline: no script or style from a CDN
        assert not re.search(r"""(?:src=|import[^;]*from\s*)["']https?://""", html_page), re.findall(r"https?://[^\s\"']+", html_page)[:5]


@pytest.mark.parametrize(
    "fragment, direction",
    [
        ("نص عربي للتجربة.", "rtl"),
        ("q1 · مسؤول من حلف شمال الاطلسي: «تقييم ودراسة التقدم»", "rtl"),
        ("يحدد الملف <code>reporting.yaml</code> أفعال القول التي يتعرف عليها المستخرج في الأخبار", "rtl"),
        ("يحدد <code>src/helpers/data/reporting.yaml</code> أفعال القول", "auto"),  # first strong letter: Arabic
        ("Quoted names such as «ناتو» are listed separately and never counted as speech.", "ltr"),
        ("03 · الاقتباسات والمتحدثون — Quotations and speakers", "auto"),
        ("2017 · 1,000", "auto"),
    ],
)
def test_report_text_direction_follows_the_letters(fragment, direction):
    assert text_direction(fragment) == direction


def test_report_refuses_an_unexecuted_notebook(tmp_path):
    notebook = make_notebook(tmp_path / "06-fresh.ipynb", "print('مرحبا')")
    with pytest.raises(build.BuildError, match="06-fresh.ipynb: has no outputs"):
        write_report(tmp_path / "report", [notebook])


# --- packaging --------------------------------------------------------------------------


def test_command_line_imports_no_heavy_module():
    code = (
        "import sys, helpers.pipeline.cli\n"
        "heavy = ['pandas', 'matplotlib', 'numpy', 'nbformat', 'nbclient', 'nbconvert', 'jsonschema', 'IPython']\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"python -m helpers imports {loaded} before it needs them"


def test_citation_names_the_package_version():
    import tomllib

    import yaml

    citation = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert citation["cff-version"] == "1.2.0" and citation["version"] == project["version"]
    assert citation["license"] == project["license"] and citation["authors"]


# --- the committed notebooks -------------------------------------------------------------


def test_there_are_numbered_notebooks_in_reading_order():
    assert NOTEBOOKS, "notebooks/ is empty"
    numbers = [p.name[:2] for p in NOTEBOOKS]
    assert numbers == [f"{k:02d}" for k in range(1, len(NOTEBOOKS) + 1)], [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_convention_and_tidy_metadata(notebook):
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    parameters = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1, "one cell tagged parameters"
    corpus = is_corpus_notebook(notebook)
    assert ("corpus = None" if corpus else "article = None") in parameters[0].source and "output_dir = None" in parameters[0].source
    assert f'{"setup_corpus" if corpus else "setup"}("{notebook.stem}"' in "".join(c.source for c in nb.cells).replace("'", '"')
    assert nb.metadata.kernelspec.name == "python3"
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert all(c.outputs or c is parameters[0] for c in code if c.execution_count) and any(c.outputs for c in code), "committed executed"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "executed top to bottom in one clean run"
    tidied = nbformat.read(notebook, as_version=4)
    build.tidy_notebook(tidied)
    assert build.notebook_text(tidied) == notebook.read_text(encoding="utf-8"), "run python -m helpers build to tidy it"
    assert not any(o.get("name") == "stderr" for c in code for o in c.outputs), "no warnings or errors in the committed outputs"


def _execute_with_papermill(notebook: Path, cwd: Path, tmp_path: Path, **parameters) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "papermill", str(notebook), str(tmp_path / notebook.name), "--cwd", str(cwd)]
    for name, value in parameters.items():
        command += ["-p", name, str(value)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd)


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_reexecution_reproduces_committed_figures_and_tables(notebook, tmp_path):
    """Run the notebook into a folder of its own and compare what it writes with what is committed."""
    out = tmp_path / "out"
    result = _execute_with_papermill(notebook, paths.NOTEBOOKS, tmp_path, output_dir=out)
    assert result.returncode == 0, result.stderr[-3000:]
    made_figures = digest_tree(out / "figures")
    committed_figures = digest_tree(paths.FIGURES)
    for name, digest in made_figures.items():
        if name in ("index.json", "README.md"):
            continue
        assert committed_figures.get(name) == digest, f"figures/{name} differs from a fresh run (or is not committed)"
    if (out / "figures" / "index.json").exists():
        made = {r["name"]: r for r in json.loads((out / "figures" / "index.json").read_text())["figures"]}
        committed = {r["name"]: r for r in json.loads((paths.FIGURES / "index.json").read_text())["figures"]}
        for name, record in made.items():
            assert committed.get(name) == record, f"figures/index.json record {name} differs from a fresh run"
    committed_tables = digest_tree(paths.PROCESSED)
    for name, digest in digest_tree(out / "tables").items():
        assert committed_tables.get(name) == digest, f"data/processed/{name} differs from a fresh run (or is not committed)"


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
@pytest.mark.parametrize("where", ["root", "notebooks"])
def test_nbconvert_execute_from_root_and_from_notebooks(notebook, where, tmp_path):
    """What a reader does; it rewrites the committed figures, which must come out byte-identical."""
    cwd = paths.ROOT if where == "root" else paths.NOTEBOOKS
    before = digest_tree(paths.FIGURES), digest_tree(paths.PROCESSED)
    argument = str(notebook.relative_to(cwd))
    command = [JUPYTER, "nbconvert", "--to", "notebook", "--execute", argument, "--output-dir", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / notebook.name).exists()
    assert (digest_tree(paths.FIGURES), digest_tree(paths.PROCESSED)) == before, "re-execution changed committed outputs"


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_on_another_article_writes_its_own_folder(notebook, tmp_path):
    before = digest_tree(paths.FIGURES), digest_tree(paths.PROCESSED)
    other = OTHER_CORPUS if is_corpus_notebook(notebook) else OTHER_ARTICLE
    relative = other.relative_to(paths.ROOT)  # relative to the project root, run from notebooks/
    parameter = {"corpus": relative} if is_corpus_notebook(notebook) else {"article": relative}
    result = _execute_with_papermill(notebook, paths.NOTEBOOKS, tmp_path, **parameter)
    assert result.returncode == 0, result.stderr[-3000:]
    run_folder = paths.ROOT / "build" / "runs" / other.stem
    assert run_folder.is_dir()
    assert (digest_tree(paths.FIGURES), digest_tree(paths.PROCESSED)) == before, "papermill wrote over committed outputs"
    executed = nbformat.read(tmp_path / notebook.name, as_version=4)
    printed = json.dumps([c.get("outputs", []) for c in executed.cells], ensure_ascii=False)
    assert other.stem in printed or any((run_folder / "figures").glob(f"{notebook.name[:2]}-*")), "ran on the other article"
