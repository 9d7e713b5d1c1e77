"""Atomic file writes: a reader never sees half a figure, table or index."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def _atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path next to ``target`` that replaces it only if the block succeeds."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    os.chmod(temporary, 0o644)  # mkstemp makes it private; figures are for sharing
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_bytes_atomic(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` so that no reader ever sees half a file."""
    with _atomic_path(target) as temporary:
        temporary.write_bytes(content)
