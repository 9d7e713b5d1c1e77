"""A rebuild with nothing changed skips the notebook; a change to its code, the input data or its
outputs runs it again; --force runs everything."""
from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_notebook

import nbformat

from helpers import paths
from helpers.pipeline import build, freshness


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project of one notebook whose output depends on a file in data/raw."""
    for name in ("NOTEBOOKS", "RAW", "FIGURES"):
        monkeypatch.setattr(paths, name, tmp_path / name.lower())
        (tmp_path / name.lower()).mkdir()
    monkeypatch.setattr(freshness, "FINGERPRINTS_FILE", tmp_path / "build" / "fingerprints.json")
    (paths.RAW / "input.txt").write_text("نص", encoding="utf-8")
    nb = new_notebook(cells=[new_code_cell(f"print(open({str(paths.RAW / 'input.txt')!r}, encoding='utf-8').read())")])
    nb.metadata["kernelspec"] = dict(build.KERNELSPEC)
    path = paths.NOTEBOOKS / "01-test.ipynb"
    nbformat.write(nb, path)
    return path


def run(path, force=False):
    (result,) = build.build([path], annotate=False, fork=False, force=force).notebooks
    return result


@pytest.mark.slow
def test_unchanged_notebook_is_skipped_and_any_change_runs_it(project):
    assert not run(project).skipped
    assert run(project).skipped, "nothing changed: the second build skips it"
    assert not run(project, force=True).skipped, "--force runs it"
    (paths.RAW / "input.txt").write_text("نص آخر", encoding="utf-8")
    first = run(project)
    assert not first.skipped and first.changed, "changed input data: run again, new output"
    assert run(project).skipped
    nb = nbformat.read(project, as_version=4)
    nb.cells[0].source += "\nprint('more')"
    nbformat.write(nb, project)
    assert not run(project).skipped, "changed code: run again"
    project.write_text(project.read_text(encoding="utf-8").replace("نص آخر", "مُعدَّل"), encoding="utf-8")
    assert not run(project).skipped, "a notebook edited after its run is not trusted"
