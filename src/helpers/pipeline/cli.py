"""Command line: ``python -m helpers annotate PATH ... --out DIR``, ``python -m helpers build`` and ``python -m helpers report``."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .. import paths
from .build import BuildError
from ..text.loading import ArticleError


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
            from .annotation import annotate_inputs

            count = annotate_inputs(args.paths, args.out, args.skip_bad, args.jobs)
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
