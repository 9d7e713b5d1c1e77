"""environment.yml and pyproject.toml name the same direct dependencies with the same bounds."""
from __future__ import annotations

import re
import tomllib

import yaml

from helpers import paths


def _split(requirement: str) -> tuple[str, str]:
    name, bound = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return re.sub(r"[-_.]+", "-", name).lower(), bound.replace(" ", "")


def test_environment_and_pyproject_agree():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip_deps = dict(map(_split, project["dependencies"] + sum(project["optional-dependencies"].values(), [])))
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_deps = dict(_split(d) for d in env["dependencies"] if isinstance(d, str))
    conda_deps.pop("python"), conda_deps.pop("pip")
    assert conda_deps == pip_deps


def test_matplotlib_311_is_the_default():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "matplotlib>=3.11" in project["dependencies"]


def test_paths_do_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.SEED_ARTICLE.is_file()
    assert (paths.ROOT / "pyproject.toml").is_file()
