"""A whole corpus to Parquet: wall time, articles/s on 1 and 2 processes, and memory as it grows.

    .venv/bin/python benchmarks/bench_corpus.py [--corpus ../shared/corpora/saudinewsnet/dataset] [--slice 2000]

The SaudiNewsNet zips (one JSON array per day) are unpacked to one temporary JSON Lines file, in
the zips' order, each record unchanged (records with an empty body, which the loader refuses, left out). Then, in one run:

* side by side: the first ``--slice`` articles annotated to the corpus tables with 1 process and
  with 2, each into a fresh folder (no cache): articles/s and the ratio, next to the speed-up a
  pure-CPU task gets from 2 processes just before and after (the machine's cores are shared);
* the whole corpus, once, with every core, as ``python -m helpers annotate CORPUS --out DIR``
  does (the same reader, engine and writer): wall time, articles/s, tokens/s, and the resident
  memory of the writer process and of the workers after 1k, 5k, 10k, 20k … articles (flat memory:
  these do not grow with the number of articles), plus the peak RSS of each.

Each measurement runs in a fresh process of its own, so that its peak RSS is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "dataset"
CHECKPOINTS = (1_000, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000)

CHILD = r"""
import json, resource, sys, time, warnings
import psutil
from helpers.pipeline.annotation import WarningLog, read_inputs
from helpers.annotate.tables import read_articles
from helpers.pipeline.corpus_tables import annotate_corpus

source, out, jobs, limit, checkpoints = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
me = psutil.Process()
memory = []
count = 0

def articles():
    for number, article in enumerate(read_inputs([source], out, False, WarningLog())):
        if limit and number == limit:
            return
        yield article

def step(result):
    global count
    count += 1
    if count in checkpoints:
        workers = [c.memory_info().rss for c in me.children(recursive=True)]
        memory.append({"articles": count, "writer_mb": me.memory_info().rss / 2**20,
                       "worker_mb": max(workers, default=0) / 2**20, "seconds": time.perf_counter() - start})

start = time.perf_counter()
summary = annotate_corpus(articles(), out, jobs=jobs, progress=step)
seconds = time.perf_counter() - start
tokens = int(read_articles(out, columns=["n_tokens"]).n_tokens.sum())
print(json.dumps({"jobs": jobs, "articles": summary.written, "tokens": tokens, "seconds": seconds, "memory": memory,
                  "peak_writer_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "peak_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def unpack(corpus: Path, target: Path) -> tuple[int, int]:
    """The zips' JSON arrays as one JSON Lines file; return the records written and those left out
    because their body is empty (an article the loader refuses)."""
    count = empty = 0
    with open(target, "w", encoding="utf-8") as out:
        for archive in sorted(corpus.glob("*.zip")):
            with zipfile.ZipFile(archive) as zipped:
                for name in sorted(zipped.namelist()):
                    if name.endswith(".json"):
                        for record in json.loads(zipped.read(name).decode("utf-8")):
                            if not (record.get("content") or "").strip():
                                empty += 1
                                continue
                            out.write(json.dumps(record, ensure_ascii=False) + "\n")
                            count += 1
    return count, empty


def _burn(n: int) -> None:
    total = 0
    for i in range(n):
        total += i * i


def parallelism(n: int = 15_000_000) -> float:
    """The speed-up two processes get over one on pure Python arithmetic, now: the cores this shared
    machine gives (2.0 when both cores are free)."""
    import multiprocessing
    import time

    start = time.perf_counter()
    _burn(n)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - start
    return 2 * one / two


def measure(source: Path, out: Path, jobs: int, limit: int = 0) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", CHILD, str(source), str(out), str(jobs), str(limit), json.dumps(CHECKPOINTS)],
                            capture_output=True, text=True, env=env)
    if result.returncode:
        sys.exit(f"the measurement with {jobs} process(es) failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of SaudiNewsNet zips")
    parser.add_argument("--slice", type=int, default=2000, help="articles for the 1-process / 2-process comparison")
    parser.add_argument("--skip-whole", action="store_true", help="only the side-by-side slice")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        tmp = Path(tmp)
        source = tmp / "saudinewsnet.jsonl"
        records, empty = unpack(args.corpus, source)
        print(f"corpus: {records:,} articles from {args.corpus} ({source.stat().st_size / 2**20:,.0f} MB as JSON Lines; "
              f"{empty} records with an empty body left out)", flush=True)
        before = parallelism()
        slices = {jobs: measure(source, tmp / f"slice-{jobs}", jobs, args.slice) for jobs in (1, 2)}
        after = parallelism()
        for jobs, r in slices.items():
            print(f"first {r['articles']:,} articles, {jobs} process(es): {r['seconds']:7.1f} s  {r['articles'] / r['seconds']:6.1f} articles/s  "
                  f"{r['tokens'] / r['seconds']:8,.0f} tokens/s  peak RSS writer {r['peak_writer_mb']:.0f} MB, worker {r['peak_worker_mb']:.0f} MB", flush=True)
        print(f"ratio 2 processes / 1 process (articles/s): {slices[1]['seconds'] / slices[2]['seconds']:.2f}; "
              f"a pure-CPU task got {before:.2f} before and {after:.2f} after (2.00 = both cores free)", flush=True)
        if args.skip_whole:
            return
        whole = measure(source, tmp / "whole", os.cpu_count() or 1)
        print(f"a pure-CPU task on 2 processes got {parallelism():.2f} after the whole corpus")
        print(f"whole corpus, {whole['jobs']} processes: {whole['articles']:,} articles, {whole['tokens']:,} tokens in {whole['seconds']:.0f} s "
              f"({whole['seconds'] / 60:.1f} min): {whole['articles'] / whole['seconds']:.1f} articles/s, {whole['tokens'] / whole['seconds']:,.0f} tokens/s")
        print(f"peak RSS: writer {whole['peak_writer_mb']:.0f} MB, largest worker {whole['peak_worker_mb']:.0f} MB")
        for point in whole["memory"]:
            print(f"  after {point['articles']:>6,} articles ({point['seconds']:6.0f} s): writer {point['writer_mb']:5.0f} MB, worker {point['worker_mb']:5.0f} MB")
        sizes = sum(p.stat().st_size for p in (tmp / "whole").rglob("*.parquet"))
        cache = sum(p.stat().st_size for p in (tmp / "whole" / ".cache").rglob("*") if p.is_file())
        print(f"tables {sizes / 2**20:,.0f} MB of Parquet, cache {cache / 2**20:,.0f} MB")


if __name__ == "__main__":
    main()
