"""Annotation throughput and peak memory, against CAMeL Tools' word tokeniser alone, in one run.

    .venv/bin/python benchmarks/bench_annotate.py [--tokens 1000000] [--repeat 3]

The corpus repeats the articles of data/raw until it holds at least ``--tokens`` tokens (as the
package counts them); each copy is a separate article. Two measurements, each in a fresh process
of its own so that their peak memory (max RSS) is their own:

* annotation: every layer of ``helpers.annotate.LAYERS`` for every article (loading included,
  the tables built in memory and dropped, as ``python -m helpers annotate`` does before writing);
* annotation on every core: the same, through ``helpers.annotate.map_articles`` (what
  ``python -m helpers annotate`` uses for a folder), one worker process per core;
* tokeniser: ``camel_tools.tokenizers.word.simple_word_tokenize`` over the same texts, one process.

CAMeL Tools is not a dependency of the package: the first run creates ``build/bench-venv`` with
the same Python, ``pip install --no-deps camel-tools`` and the two small packages its tokeniser
module imports (regex, emoji); none of its models is needed. Target: annotation / tokeniser <= 1.5.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / "build" / "bench-venv"
#: What ``camel_tools.tokenizers.word`` imports besides camel_tools itself.
TOKENISER_IMPORTS = ["regex", "emoji"]
TARGET_RATIO = 1.5

ANNOTATE_CHILD = r"""
import json, resource, sys, time
from helpers.annotate import LAYERS
from helpers.text.loading import article_from_text
texts = json.load(open(sys.argv[1], encoding="utf-8"))
layer_seconds = dict.fromkeys(LAYERS, 0.0)
tokens = 0
started = time.perf_counter()
for number, text in enumerate(texts):
    article = article_from_text(text, source=f"copy-{number}", doc_id=f"copy-{number:06d}")
    for name, layer in LAYERS.items():
        t = time.perf_counter()
        table = layer(article)
        layer_seconds[name] += time.perf_counter() - t
        if name == "tokens":
            tokens += len(table)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "tokens": tokens, "layers": layer_seconds,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

ANNOTATE_PARALLEL_CHILD = r"""
import json, resource, sys, time
from helpers.annotate import LAYERS, map_articles
from helpers.machine import default_jobs
from helpers.text.loading import article_from_text
texts = json.load(open(sys.argv[1], encoding="utf-8"))

def token_rows(article):
    tables = {name: layer(article) for name, layer in LAYERS.items()}
    return len(tables["tokens"])

articles = (article_from_text(text, source=f"copy-{n}", doc_id=f"copy-{n:06d}") for n, text in enumerate(texts))
started = time.perf_counter()
tokens = sum(map_articles(token_rows, articles))
seconds = time.perf_counter() - started
rss = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
print(json.dumps({"seconds": seconds, "tokens": tokens, "jobs": default_jobs(), "max_rss_mb": rss}))
"""

TOKENISER_CHILD = r"""
import json, resource, sys, time
from camel_tools.tokenizers.word import simple_word_tokenize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
tokens = 0
started = time.perf_counter()
for text in texts:
    tokens += len(simple_word_tokenize(text))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "tokens": tokens,
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
    """The data/raw articles repeated until the corpus has at least ``min_tokens`` tokens."""
    from helpers.text.loading import iter_articles
    from helpers.paths import RAW

    articles = list(iter_articles(RAW))
    per_pass = sum(len(a.tokens) for a in articles)
    passes = -(-min_tokens // per_pass)
    return [a.text for a in articles] * passes, per_pass * passes


def run_child(python: Path, code: str, corpus: Path) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([str(python), "-c", code, str(corpus)], capture_output=True, text=True, env=env, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"benchmark child failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=1_000_000, help="minimum corpus size in tokens (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="measurements of each side, alternating; the median counts")
    args = parser.parse_args()

    tokeniser_python = bench_python()
    texts, tokens = make_corpus(args.tokens)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(texts, handle, ensure_ascii=False)
    corpus = Path(handle.name)
    try:
        annotation, parallel, tokeniser = [], [], []
        for _ in range(args.repeat):
            annotation.append(run_child(Path(sys.executable), ANNOTATE_CHILD, corpus))
            parallel.append(run_child(Path(sys.executable), ANNOTATE_PARALLEL_CHILD, corpus))
            tokeniser.append(run_child(tokeniser_python, TOKENISER_CHILD, corpus))
    finally:
        corpus.unlink()

    annotate_s = statistics.median(r["seconds"] for r in annotation)
    parallel_s = statistics.median(r["seconds"] for r in parallel)
    tokenise_s = statistics.median(r["seconds"] for r in tokeniser)
    ratio = annotate_s / tokenise_s
    assert all(r["tokens"] == tokens for r in annotation + parallel), "every run must annotate the whole corpus"
    print(f"corpus: {len(texts)} articles, {tokens:,} tokens (helpers), {tokeniser[0]['tokens']:,} tokens (camel-tools)")
    print(f"annotation, all {len(annotation[0]['layers'])} layers: {annotate_s:7.2f} s  {tokens / annotate_s:>10,.0f} tokens/s  peak RSS {max(r['max_rss_mb'] for r in annotation):6.0f} MB")
    for name in annotation[0]["layers"]:
        print(f"    {name:<12} {statistics.median(r['layers'][name] for r in annotation):7.2f} s")
    print(f"annotation on {parallel[0]['jobs']} cores (map_articles): {parallel_s:7.2f} s  {tokens / parallel_s:>10,.0f} tokens/s  peak RSS per process {max(r['max_rss_mb'] for r in parallel):6.0f} MB")
    print(f"camel simple_word_tokenize:     {tokenise_s:7.2f} s  {tokens / tokenise_s:>10,.0f} tokens/s  peak RSS {max(r['max_rss_mb'] for r in tokeniser):6.0f} MB")
    print(f"ratio annotation / tokeniser, one process: {ratio:.2f}  (target <= {TARGET_RATIO}; median of {args.repeat})  {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")
    parallel_ratio = parallel_s / tokenise_s
    print(f"ratio annotation on {parallel[0]['jobs']} cores / tokeniser on one: {parallel_ratio:.2f}  {'OK' if parallel_ratio <= TARGET_RATIO else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
