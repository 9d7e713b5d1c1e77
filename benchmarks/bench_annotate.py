"""Annotation of real news to the corpus (Parquet) tables, against CAMeL Tools' word tokeniser
alone over the same texts, in one run: time, articles/s on 1 and 2 processes, and peak memory.

    .venv/bin/python benchmarks/bench_annotate.py [--tokens 1000000] [--repeat 1]

The corpus is real news: the 873 articles of data/raw/corpus/gulf-security-2015.jsonl, then
SaudiNewsNet articles from ../shared/corpora/saudinewsnet/dataset/*.zip (in the zips' order, the
articles already taken left out by URL) until it holds at least ``--tokens`` tokens (as the package
counts them). Measurements, each in a fresh process of its own so that its peak memory (max RSS)
is its own:

* annotation, one process: every layer of ``helpers.annotate.LAYERS`` for every article written
  to the corpus tables by ``helpers.pipeline.corpus_tables.annotate_corpus(articles, out, jobs=1)``
  into a fresh folder (no cache), reading the articles included, as ``python -m helpers annotate``
  does;
* annotation, two processes: the same with ``jobs=2`` (peak RSS of the writer and of the largest
  worker);
* a pure-CPU task on 1 and 2 processes just before and after the 2-process run (the cores are
  shared with other jobs: the speed-up 2 processes can get at the time);
* tokeniser: ``camel_tools.tokenizers.word.simple_word_tokenize`` over the same texts
  (``article.text``), one process, the texts already in memory.

CAMeL Tools is not a dependency of the package: the first run creates ``build/bench-venv`` with
the same Python, ``pip install --no-deps camel-tools`` and the two small packages its tokeniser
module imports (regex, emoji); none of its models is needed. Target (issue 13): annotation /
tokeniser <= 4 in one process, on the way to 1.5.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / "build" / "bench-venv"
GULF = ROOT / "data" / "raw" / "corpus" / "gulf-security-2015.jsonl"
SAUDINEWSNET = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "dataset"
#: What ``camel_tools.tokenizers.word`` imports besides camel_tools itself.
TOKENISER_IMPORTS = ["regex", "emoji"]
TARGET_RATIO = 4.0


def real_news() -> Iterator:
    """The benchmark's articles, in order: data/raw's gulf-security corpus, then SaudiNewsNet's
    zips (articles whose URL came already, and those the loader refuses, left out)."""
    from helpers.text.loading import iter_articles

    seen = set()
    sources = [GULF, *sorted(SAUDINEWSNET.glob("*.zip"))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for source in sources:
            for article in iter_articles(source, on_error=lambda error: None, on_warning=lambda *a, **k: None):
                url = article.metadata.get("url")
                if url in seen:
                    continue
                seen.add(url)
                yield article


ANNOTATE_CHILD = r"""
import itertools, json, resource, shutil, sys, time
sys.path.insert(0, "benchmarks")
from bench_annotate import real_news
from helpers.pipeline.corpus_tables import annotate_corpus
from helpers.annotate.tables import read_articles
count, out, jobs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
shutil.rmtree(out, ignore_errors=True)  # no cache: every article annotated
def cpu():
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
started, cpu_started = time.perf_counter(), cpu()
summary = annotate_corpus(itertools.islice(real_news(), count), out, jobs=jobs)
seconds, cpu_seconds = time.perf_counter() - started, cpu() - cpu_started
tokens = int(read_articles(out, columns=["n_tokens"]).n_tokens.sum())
shutil.rmtree(out, ignore_errors=True)
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "articles": summary.written, "annotated": summary.annotated, "tokens": tokens, "jobs": jobs,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

TOKENISER_CHILD = r"""
import json, resource, sys, time
from camel_tools.tokenizers.word import simple_word_tokenize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
tokens = 0
started, cpu_started = time.perf_counter(), time.process_time()
for text in texts:
    tokens += len(simple_word_tokenize(text))
seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "tokens": tokens,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def bench_python() -> Path:
    """The Python of build/bench-venv, with camel-tools (no dependencies) and its tokeniser's imports."""
    python = BENCH_VENV / "bin" / "python"
    check = [str(python), "-c", "import camel_tools.tokenizers.word"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"setting up {BENCH_VENV.relative_to(ROOT)}: camel-tools --no-deps, {', '.join(TOKENISER_IMPORTS)}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run(pip + ["--no-deps", "camel-tools"], check=True)
    subprocess.run(pip + TOKENISER_IMPORTS, check=True)
    subprocess.run(check, check=True)
    return python


def make_corpus(min_tokens: int) -> tuple[list[str], int]:
    """The texts of the first articles of :func:`real_news` that hold at least ``min_tokens`` tokens, and that count."""
    texts, tokens = [], 0
    for article in real_news():
        if tokens >= min_tokens:
            break
        texts.append(article.text)
        tokens += len(article.tokens)
    if tokens < min_tokens:
        sys.exit(f"the corpus has only {tokens:,} tokens, fewer than --tokens {min_tokens:,}")
    return texts, tokens


def run_child(python: Path, code: str, *args: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([str(python), "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"benchmark child failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=1_000_000, help="minimum corpus size in tokens (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=1, help="measurements of each side, alternating; the median counts")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_corpus import parallelism

    tokeniser_python = bench_python()
    texts, tokens = make_corpus(args.tokens)
    with tempfile.TemporaryDirectory(prefix="bench-annotate-") as scratch:
        corpus = Path(scratch) / "texts.json"
        corpus.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        out = str(Path(scratch) / "out")
        one, two, tokeniser, free = [], [], [], []
        for _ in range(args.repeat):
            tokeniser.append(run_child(tokeniser_python, TOKENISER_CHILD, str(corpus)))
            one.append(run_child(Path(sys.executable), ANNOTATE_CHILD, str(len(texts)), out, "1"))
            free.append(parallelism())
            two.append(run_child(Path(sys.executable), ANNOTATE_CHILD, str(len(texts)), out, "2"))
            free.append(parallelism())

    assert all(r["articles"] == r["annotated"] == len(texts) and r["tokens"] == tokens for r in one + two), \
        "every run must annotate the whole corpus afresh"
    tokenise_s = statistics.median(r["seconds"] for r in tokeniser)
    one_s = statistics.median(r["seconds"] for r in one)
    two_s = statistics.median(r["seconds"] for r in two)
    n = len(texts)
    print(f"corpus: {n:,} articles of real news, {tokens:,} tokens (helpers), {tokeniser[0]['tokens']:,} tokens (camel-tools)")
    print(f"camel simple_word_tokenize, 1 process:   {tokenise_s:7.2f} s  {n / tokenise_s:8.1f} articles/s  {tokens / tokenise_s:>9,.0f} tokens/s"
          f"  peak RSS {max(r['max_rss_mb'] for r in tokeniser):5.0f} MB")
    print(f"annotation to Parquet, 1 process:        {one_s:7.2f} s  {n / one_s:8.1f} articles/s  {tokens / one_s:>9,.0f} tokens/s"
          f"  peak RSS {max(r['max_rss_mb'] for r in one):5.0f} MB")
    print(f"annotation to Parquet, 2 processes:      {two_s:7.2f} s  {n / two_s:8.1f} articles/s  {tokens / two_s:>9,.0f} tokens/s"
          f"  peak RSS writer {max(r['max_rss_mb'] for r in two):5.0f} MB, worker {max(r['worker_rss_mb'] for r in two):5.0f} MB")
    ratio = one_s / tokenise_s
    print(f"ratio annotation / tokeniser, 1 process: {ratio:.2f}  (target <= {TARGET_RATIO:g}; median of {args.repeat})  {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")
    cpu = {name: statistics.median(r["cpu_seconds"] for r in runs) for name, runs in (("one", one), ("two", two), ("tokeniser", tokeniser))}
    print(f"CPU seconds (steadier than wall time on shared cores): tokeniser {cpu['tokeniser']:.2f}, annotation 1 process {cpu['one']:.2f}"
          f" (ratio {cpu['one'] / cpu['tokeniser']:.2f}), 2 processes {cpu['two']:.2f} in all")
    print(f"ratio annotation on 2 processes / tokeniser on 1: {two_s / tokenise_s:.2f}; 2 processes / 1 process (articles/s): {one_s / two_s:.2f}"
          f" (a pure-CPU task got {min(free):.2f}-{max(free):.2f} around it; 2.00 = both cores free)")
    rss = max(r["max_rss_mb"] for r in one) / max(r["max_rss_mb"] for r in tokeniser)
    print(f"peak RSS annotation / tokeniser, 1 process: {rss:.1f}")


if __name__ == "__main__":
    main()
