"""Shared fixtures: a cache folder of the session's own, the seed article and a factory for article
files in a temporary folder."""
from __future__ import annotations

import pytest

from helpers import paths
from helpers.text.loading import load_article


@pytest.fixture(scope="session", autouse=True)
def prepared_tables_folder(tmp_path_factory):
    """A cache folder of the session's own (helpers.text.prepared): tests start from a fresh machine's
    empty cache and leave the user's alone."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def seed():
    """The seed article, loaded once per test session."""
    return load_article(paths.SEED_ARTICLE)


@pytest.fixture
def write_file(tmp_path):
    """Write bytes or text to a file under tmp_path and return its path."""

    def write(name: str, content: bytes | str, encoding: str = "utf-8"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return write
