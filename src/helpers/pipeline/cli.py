"""Command line: ``python -m helpers annotate PATH ... --out DIR``, ``python -m helpers build`` and ``python -m helpers report``."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from . import paths
from .build import BuildError
from .loading import ArticleError, iter_articles


def annotate(inputs: list[str], out: str, skip_bad: bool = False, jobs: int | None = None) -> int:
    """Annotate every article under ``inputs`` into ``out`` with ``jobs`` processes; return the number written."""
    from functools import partial

    from tqdm import tqdm

    from .annotate import map_articles, write_article

    def report(error: ArticleError) -> None:
        print(f"skipped: {error}", file=sys.stderr)

    def unique(articles):
        """Articles whose doc_id (their output folder) no earlier article has."""
        sources: dict[str, str] = {}
        for article in articles:
            if article.doc_id in sources:
                error = ArticleError(article.source, f"its id {article.doc_id!r} is already taken by {sources[article.doc_id]}; rename one of them")
                if not skip_bad:
                    raise error
                report(error)
                continue
            sources[article.doc_id] = article.source
            yield article

    articles = unique(a for path in inputs for a in iter_articles(path, on_error=report if skip_bad else None))
    written = 0
    with tqdm(desc="annotating", unit=" articles", disable=None, file=sys.stderr) as progress:
        for _ in map_articles(partial(write_article, out_dir=out), articles, jobs):
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
    run.add_argument("--jobs", type=int, help="articles annotated at once, one process each (default: the number of cores)")
    build = commands.add_parser("build", help="the main job: annotate data/raw into data/processed, then execute every notebook in place")
    build.add_argument("notebooks", nargs="*", help="only these notebooks (default: every notebook in notebooks/)")
    build.add_argument("--jobs", type=int, help="notebooks run at once (default: the number of cores)")
    build.add_argument("--no-fork", action="store_true", help="start an ordinary kernel per notebook instead of forking a warmed-up one")
    report = commands.add_parser("report", help="export the executed notebooks to HTML (code hidden) with an index page")
    report.add_argument("--out", default=str(paths.ROOT / "build" / "report"), help="output folder (default: build/report)")
    args = parser.parse_args(argv)

    warnings.simplefilter("default")
    warnings.formatwarning = lambda message, category, *rest: f"warning: {message}\n"
    try:
        if args.command == "annotate":
            count = annotate(args.paths, args.out, args.skip_bad, args.jobs)
            print(f"annotated {count} article(s) into {Path(args.out).resolve()}")
        elif args.command == "build":
            from .build import build as run_build, describe

            summary = run_build(args.notebooks or None, jobs=args.jobs, fork=not args.no_fork)
            print(describe(summary))
        else:
            from .report import write_report

            index = write_report(Path(args.out))
            print(f"report: {index}")
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"build failed: {exc}" if args.command == "build" else f"error: {exc}", file=sys.stderr)
        return 1
    return 0
