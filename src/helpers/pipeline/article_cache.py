"""The corpus tables' cache: each annotated article's encoding by key, so that a rebuild annotates
again only the articles that changed::

    OUT/.cache/<code version>/<pack>.pack     the entries of up to PACK_ENTRIES articles

Entries are written a pack of articles at a time, not a file each: creating a file took 25 to
600 us of system time on ext4, most when other processes were writing, up to a tenth of a corpus
run. A pack is the size of its index, its index (key -> offset and size of the entry after it)
and the entries; it is written to the run's scratch folder and renamed into place, so the folder
only ever holds whole packs, and two runs never write the same file. A run that stops early
keeps the packs it wrote: at most the last PACK_ENTRIES - 1 articles are annotated again.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import struct
from pathlib import Path

CACHE_FOLDER = ".cache"
#: Entries a pack holds: a file per 64 articles; a rebuild reads the packs' indexes first.
PACK_ENTRIES = 64
_INDEX_SIZE = struct.Struct("<Q")


class Cache:
    """Encoded annotations by article under ``OUT/.cache/<version>``. The key hashes the article's
    SHA-256, its id and metadata and the layers; the folder is the package's code and data
    version, so any change to either starts afresh."""

    def __init__(self, out: Path, layers: tuple[str, ...], version: str):
        self.root = out / CACHE_FOLDER
        self.folder = self.root / version
        self.layers = layers
        self.pending: dict[str, bytes] = {}  # stored, not yet in a pack
        self._index: dict[str, tuple[Path, int, int]] | None = None  # key -> (pack, offset, size)

    def key(self, article) -> str:
        identity = [article.sha256, article.doc_id, article.metadata, self.layers]
        return hashlib.sha256(json.dumps(identity, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()

    def load(self, key: str) -> bytes | None:
        """The entry stored under ``key``, or None."""
        if key in self.pending:
            return self.pending[key]
        place = self.index().get(key)
        if place is None:
            return None
        pack, offset, size = place
        with open(pack, "rb") as file:
            file.seek(offset)
            return file.read(size)

    def index(self) -> dict[str, tuple[Path, int, int]]:
        """Key -> (pack, offset, size) of every entry in the folder, read on the first look-up; a
        pack that cannot be read is passed over (its articles are annotated again)."""
        if self._index is None:
            self._index = {}
            for pack in sorted(self.folder.glob("*.pack")):
                try:
                    with open(pack, "rb") as file:
                        (size,) = _INDEX_SIZE.unpack(file.read(_INDEX_SIZE.size))
                        self._add(pack, _INDEX_SIZE.size + size, pickle.loads(file.read(size)))
                except (OSError, ValueError, EOFError, struct.error, pickle.UnpicklingError):
                    continue
        return self._index

    def _add(self, pack: Path, start: int, entries: dict[str, tuple[int, int]]) -> None:
        self._index.update((key, (pack, start + offset, size)) for key, (offset, size) in entries.items())

    def store(self, key: str, blob: bytes, scratch: Path) -> None:
        """Keep one entry; every :data:`PACK_ENTRIES` entries are written as a pack (:meth:`flush`)."""
        self.pending.setdefault(key, blob)
        if len(self.pending) >= PACK_ENTRIES:
            self.flush(scratch)

    def flush(self, scratch: Path) -> None:
        """Write the entries kept as one pack: to ``scratch`` (the run's staging folder), then renamed."""
        if not self.pending:
            return
        entries, offset = {}, 0
        for key, blob in self.pending.items():
            entries[key] = (offset, len(blob))
            offset += len(blob)
        index = pickle.dumps(entries, protocol=5)
        name = hashlib.sha256("".join(entries).encode()).hexdigest()[:32] + ".pack"
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(scratch / name, "wb") as file:
            file.write(_INDEX_SIZE.pack(len(index)) + index)
            file.writelines(self.pending.values())
        os.replace(scratch / name, self.folder / name)
        if self._index is not None:
            self._add(self.folder / name, _INDEX_SIZE.size + len(index), entries)
        self.pending = {}

    def prune(self) -> None:
        """Remove the entries of other code versions."""
        for folder in self.root.iterdir() if self.root.is_dir() else ():
            if folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True)
