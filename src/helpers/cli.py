"""Command line: ``python -m helpers annotate PATH ... --out DIR`` and ``python -m helpers build``."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from . import paths
from .loading import ArticleError, iter_articles


def annotate(inputs: list[str], out: str, skip_bad: bool = False) -> int:
    """Annotate every article under ``inputs`` into ``out``; return the number written."""
    from tqdm import tqdm

    from .annotate import write_article

    def report(error: ArticleError) -> None:
        print(f"skipped: {error}", file=sys.stderr)

    written = 0
    with tqdm(desc="annotating", unit=" articles", disable=None, file=sys.stderr) as progress:
        for path in inputs:
            for article in iter_articles(path, on_error=report if skip_bad else None):
                write_article(article, out)
                written += 1
                progress.update()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("annotate", help="write article.json and one CSV per layer for each article")
    run.add_argument("paths", nargs="+", help="a .txt file, a folder of them, or a CSV/JSON Lines file with a text column")
    run.add_argument("--out", required=True, help="output folder; each article gets OUT/<doc_id>/")
    run.add_argument("--skip-bad", action="store_true", help="report unreadable files and go on instead of stopping")
    commands.add_parser("build", help="the main job: annotate data/raw into data/processed")
    args = parser.parse_args(argv)

    warnings.simplefilter("default")
    warnings.formatwarning = lambda message, category, *rest: f"warning: {message}\n"
    try:
        if args.command == "annotate":
            count = annotate(args.paths, args.out, args.skip_bad)
            print(f"annotated {count} article(s) into {Path(args.out).resolve()}")
        else:
            count = annotate([str(paths.RAW)], str(paths.PROCESSED))
            print(f"annotated {count} article(s) into {paths.PROCESSED}")
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
