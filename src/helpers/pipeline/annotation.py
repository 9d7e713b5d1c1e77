"""Annotate every article under some inputs into an output folder: what ``python -m helpers annotate``
and the main job's first step run.

A corpus (a CSV/JSONL table, a folder of more than one article) gives the Parquet corpus tables of
:mod:`.corpus_tables`; a single .txt article gives ``OUT/<doc_id>/`` with article.json and one CSV
per layer (``format="csv"`` keeps that layout for a corpus). Warnings are collected per article,
summarised at the end and written in full to ``OUT/warnings.log``.
"""
from __future__ import annotations

import itertools
import os
import re
import shutil
import sys
import tempfile
import threading
import warnings
from collections import defaultdict
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from tqdm import tqdm

from .. import paths
from ..annotate.layers import map_articles, normal_folder, write_article
from ..machine import stoppable
from ..text.corpus_input import python_warning
from ..text.loading import Article, ArticleError, iter_articles
from .corpus_tables import (
    WARNINGS_FILE,
    Annotated,
    OutputError,
    annotate_corpus,
    check_output_folder,
    install,
    output_error,
)

FORMATS = ("auto", "parquet", "csv")
ENGINES = ("local", "dask")
#: Articles named per kind of warning in the summary.
NAMED_PER_KIND = 3


class WarningLog:
    """The warnings of a run, by article: a short summary for the terminal, all of them in a file."""

    def __init__(self):
        self.entries: list[tuple[int, int, str, str, str]] = []  # (article number, phase, doc_id, source, message)

    def add(self, number: int, phase: int, article: str, source: str, messages: list[str]) -> None:
        """Record warnings, the file they name shown relative to the project (the log of the main
        job is then the same in any clone)."""
        shown = paths.relative(source)
        self.entries += [(number, phase, article, shown, shown + message[len(source):] if message.startswith(source + ": ") else message)
                         for message in messages]

    @staticmethod
    def kind(source: str, message: str) -> str:
        """What a warning is about, without its file name, offsets and counts ("unbalanced quotation marks")."""
        if message.startswith(source + ": "):
            message = message[len(source) + 2:]
        head = re.split(r"[:;(]", message, maxsplit=1)[0]
        return re.sub(r"\d+", "N", re.sub(r"^\d+\s+", "", head.strip()))

    def write(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(f"{message}\n" for *_, message in sorted(self.entries, key=lambda e: e[:2]))

    def summary(self, log_path: Path) -> str | None:
        """A few lines: how many warnings of each kind, and the first articles that had them."""
        if not self.entries:
            return None
        by_kind: dict[str, list[str]] = defaultdict(list)
        for _, _, article, source, message in sorted(self.entries, key=lambda e: e[:2]):
            by_kind[self.kind(source, message)].append(article)
        articles = len({entry[2] for entry in self.entries})
        lines = [f"warnings: {len(self.entries)} in {articles} article(s), all of them in {log_path}"]
        for kind, names in sorted(by_kind.items(), key=lambda item: -len(item[1])):
            first = list(dict.fromkeys(names))
            shown = ", ".join(first[:NAMED_PER_KIND]) + (" …" if len(first) > NAMED_PER_KIND else "")
            lines.append(f"  {kind}: {len(names)} ({shown})")
        return "\n".join(lines)


def _inside(source: str, folder: str) -> bool:
    return os.path.abspath(source).startswith(folder)


def read_inputs(inputs: list[str], out: str | Path, skip_bad: bool, log: WarningLog) -> Iterator[Article]:
    """The articles under ``inputs``, each once, with their loading warnings sent to ``log``.

    Files inside ``out`` are never taken as input (their errors and warnings are ignored too),
    even when ``out`` lies inside an input folder. Two articles with one id are an error (with
    ``skip_bad``, the second is reported and left out).
    """
    out_folder = os.path.abspath(out) + os.sep

    def report(error: ArticleError) -> None:
        log.add(count, -1, error.source, error.source, [f"skipped: {error}"])
        print(f"skipped: {error}", file=sys.stderr)

    def on_error(error: ArticleError) -> None:
        if _inside(error.source, out_folder):
            return
        if not skip_bad:
            raise error
        report(error)

    sources: dict[str, str] = {}
    count = 0
    for path in inputs:
        stream = iter_articles(path, on_error=on_error, on_warning=python_warning)  # each one, caught per article below
        while True:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                article = next(stream, None)
            if article is None:
                break
            if _inside(article.source, out_folder):
                continue
            if article.doc_id in sources:
                error = ArticleError(article.source, f"its id {article.doc_id!r} is already taken by {sources[article.doc_id]}; rename one of them")
                if not skip_bad:
                    raise error
                report(error)
                continue
            sources[article.doc_id] = article.source
            messages = [str(w.message) for w in caught]
            log.add(count, 0, article.doc_id, article.source, [m for m in messages if not _inside(m.split(": ")[0], out_folder)])
            count += 1
            yield article


def _write_one(article: Article, out_dir: Path) -> tuple[str, list[str]]:
    """``write_article`` in a worker, returning the folder it wrote and the warnings it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        folder = write_article(article, out_dir)
    return folder.name, [str(w.message) for w in caught]


def _annotate_to_csv(articles: Iterator[Article], out: str | Path, jobs: int | None, log: WarningLog, progress,
                     interrupted: threading.Event) -> int:
    """The CSV layout: ``OUT/<doc_id>/`` per article, written into a staging folder and moved into
    ``out`` only when every article is done, so that a failed run changes nothing (whatever ``jobs``)."""
    out = check_output_folder(out)
    staging = None
    try:
        staging = normal_folder(Path(tempfile.mkdtemp(prefix=".staging-", dir=out)))
        folders = []
        for number, (folder, messages) in enumerate(map_articles(partial(_write_one, out_dir=staging), articles, jobs)):
            if interrupted.is_set():
                raise KeyboardInterrupt
            log.add(number, 1, folder, folder, messages)
            folders.append(folder)
            progress.update()
        log.write(staging / WARNINGS_FILE)
        install(staging, out, [*folders, WARNINGS_FILE])
    except OSError as exc:
        if exc.filename is None or _inside(exc.filename, os.path.abspath(out) + os.sep):
            raise output_error(exc, out) from None
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return len(folders)


def annotate_inputs(
    inputs: list[str],
    out: str,
    skip_bad: bool = False,
    jobs: int | None = None,
    *,
    format: str = "auto",
    engine: str = "local",
    scheduler: str | None = None,
) -> int:
    """Annotate every article under ``inputs`` into ``out``; return the number of articles written.

    ``format``: ``parquet`` (corpus tables), ``csv`` (a folder per article) or ``auto`` (CSV for a
    single .txt article, Parquet otherwise). ``engine``: ``local`` (``jobs`` processes) or ``dask``
    (a Dask cluster at ``scheduler``, or a local one). Raises :class:`ArticleError` for unreadable
    input and :class:`~.corpus_tables.OutputError` for an output that cannot be written; nothing in
    ``out`` changes unless the run succeeds.
    """
    if format not in FORMATS or engine not in ENGINES:
        raise ValueError(f"format must be one of {FORMATS} and engine one of {ENGINES}")
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    for path in inputs:
        if os.path.abspath(path) == os.path.abspath(out) or _inside(path, os.path.abspath(out) + os.sep):
            raise OutputError(out, f"holds the input {path}; give --out a folder of its own (it may be inside an input folder)")
    log = WarningLog()
    articles = read_inputs(inputs, out, skip_bad, log)
    head = list(itertools.islice(articles, 2))  # read before anything is written: bad input leaves no output
    if not head:
        raise ArticleError(", ".join(map(str, inputs)), "no article could be read" + (" (every input was skipped)" if skip_bad else ""))
    if format == "auto":
        format = "csv" if len(head) == 1 and Path(head[0].source).is_file() else "parquet"
    if format == "csv" and engine != "local":
        raise ValueError("the Dask engine writes the Parquet corpus tables; use --format parquet")
    articles = itertools.chain(head, articles)
    log_path = Path(out) / WARNINGS_FILE
    with tqdm(desc="annotating", unit=" articles", disable=None, file=sys.stderr) as progress, stoppable() as interrupted:
        if format == "csv":
            written = _annotate_to_csv(articles, out, jobs, log, progress, interrupted)
            fresh = written
        else:
            counter = itertools.count()

            def step(result: Annotated) -> None:
                if interrupted.is_set():
                    raise KeyboardInterrupt
                log.add(next(counter), 1, result.doc_id, result.doc_id, result.warnings)
                progress.update()

            summary = annotate_corpus(articles, out, jobs=jobs, engine=engine, scheduler=scheduler, progress=step,
                                      extra_files={WARNINGS_FILE: log.write})
            written, fresh = summary.written, summary.annotated
    kept = "" if format == "csv" else f" ({fresh} annotated, {written - fresh} unchanged and taken from the cache)"
    print(f"{written} article(s) written as {'a folder of CSV files each' if format == 'csv' else 'Parquet corpus tables'}{kept}", file=sys.stderr)
    if (text := log.summary(log_path)) is not None:
        print(text, file=sys.stderr)
    return written


def _lock(handle) -> None:
    """An exclusive lock on an open file (POSIX); elsewhere none: parallel runs then only cost time,
    as the tables are installed whole (staging folder, then rename)."""
    try:
        import fcntl
    except ImportError:
        return
    fcntl.flock(handle, fcntl.LOCK_EX)


#: Beside a corpus's tables: what they were made from (the corpus file's hash and the package's).
STAMP_FILE = "made-from.json"


def corpus_tables_for(source: str | Path, out: str | Path) -> Path:
    """``out`` holding the corpus tables of ``source``, annotated now unless they were made from the
    same file by the same package (see :data:`STAMP_FILE`). Notebooks that ask at once wait for the
    first one, which annotates (a file lock), instead of annotating the corpus side by side."""
    import json

    from ..provenance import file_sha256, package_fingerprint

    source, out = Path(source), Path(out)
    stamp = {"source_sha256": file_sha256(source), "package": package_fingerprint()}
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f".{out.name}.lock", "w") as lock:
        _lock(lock)
        try:
            if json.loads((out / STAMP_FILE).read_text(encoding="utf-8")) == stamp:
                return out
        except (OSError, ValueError):
            pass
        annotate_inputs([str(source)], str(out), format="parquet")
        (out / STAMP_FILE).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    return out
