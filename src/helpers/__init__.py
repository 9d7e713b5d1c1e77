"""Discourse analysis of Arabic news: loading, normalisation, segmentation and annotation layers.

Submodules are imported on demand, so ``import helpers`` stays fast.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("arabic-news-discourse")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
