"""Annotation cost against article size, and pathological input, each in a fresh process.

    .venv/bin/python benchmarks/bench_scale.py [--skip-20mb]

* real news of 1 MB and 4 MB in one article (the shipped corpus's bodies joined, paragraphs kept):
  the 4 MB article should cost at most 5x the 1 MB one (near-linear; issue 13);
* a 20 MB article: it must finish (time and peak memory printed);
* one 2 MB line of a million «« after a reporting verb: under 2 minutes and 1 GB.
Every annotation layer is run, as ``python -m helpers annotate`` does.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import json, resource, sys, time
from helpers.annotate import LAYERS
from helpers.text.corpus_input import LoadLog
from helpers.text.loading import article_from_text
kind, size = sys.argv[1], int(sys.argv[2])
if kind == "news":
    bodies = [json.loads(line)["content"] for line in open(sys.argv[3], encoding="utf-8")]
    parts, total, k = [], 0, 0
    while total < size:
        parts.append(bodies[k % len(bodies)]); total += len(parts[-1]) + 1; k += 1
    text = "عنوان\n\n" + "\n".join(parts)[:size]
else:
    text = "عنوان\n\nقال الوزير " + "«" * size + " إن التعاون مهم."
started = time.perf_counter()
article = article_from_text(text, source=kind, on_warning=LoadLog().warning)
rows = sum(len(layer(article)) for layer in LAYERS.values())
print(json.dumps({"seconds": time.perf_counter() - started, "chars": len(text), "rows": rows,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(kind: str, size: int) -> dict:
    corpus = ROOT / "data" / "raw" / "corpus" / "gulf-security-2015.jsonl"
    result = subprocess.run([sys.executable, "-c", CHILD, kind, str(size), str(corpus)], capture_output=True, text=True)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit {result.returncode}"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def show(label: str, m: dict) -> None:
    if "error" in m:
        print(f"{label:30s} failed: {m['error']}")
    else:
        print(f"{label:30s} {m['seconds']:8.1f} s  {m['max_rss_mb']:7.0f} MB  ({m['chars']:,} characters, {m['rows']:,} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-20mb", action="store_true")
    args = parser.parse_args()
    one, four = measure("news", 1_000_000), measure("news", 4_000_000)
    show("real news, 1 MB article", one)
    show("real news, 4 MB article", four)
    if "error" not in one and "error" not in four:
        print(f"{'4 MB / 1 MB':30s} {four['seconds'] / one['seconds']:8.2f}x  (target <= 5x)")
    if not args.skip_20mb:
        show("real news, 20 MB article", measure("news", 20_000_000))
    show("a million «« on one line", measure("marks", 1_000_000))


if __name__ == "__main__":
    main()
