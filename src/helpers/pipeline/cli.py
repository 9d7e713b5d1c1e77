"""Command line: ``python -m helpers annotate PATH ... --out DIR``, ``python -m helpers build`` and ``python -m helpers report``."""
from __future__ import annotations

import argparse
import importlib.util
import sys
import warnings
from pathlib import Path

from .. import paths
from .build import BuildError
from ..text.loading import ArticleError


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``--jobs 0`` and ``--jobs -1`` are refused)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("annotate", help="annotate articles: Parquet tables for a corpus, or article.json and one CSV per layer for one article")
    run.add_argument("paths", nargs="+", help="a .txt file, a folder of them, or a CSV/JSON Lines file with a text column")
    run.add_argument("--out", required=True, help="output folder (marked with .helpers-output.json; never read back as input)")
    run.add_argument("--format", choices=["auto", "parquet", "csv"], default="auto",
                     help="parquet: one table per layer for the whole corpus (OUT/<layer>/part-*.parquet, OUT/articles.parquet); "
                          "csv: OUT/<doc_id>/<layer>.csv per article; auto (default): csv for a single .txt article, parquet otherwise")
    run.add_argument("--skip-bad", action="store_true", help="report unreadable files and go on instead of stopping")
    run.add_argument("--jobs", type=positive_int, help="processes (or Dask workers of a local cluster) annotating at once (default: the number of cores)")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local: processes on this machine (default); dask: a Dask cluster (pip install -e '.[dask]')")
    run.add_argument("--scheduler", help="with --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster")
    build = commands.add_parser("build", help="the main job: annotate data/raw into data/processed, then execute every notebook in place")
    build.add_argument("notebooks", nargs="*", help="only these notebooks (default: every notebook in notebooks/)")
    build.add_argument("--jobs", type=positive_int, help="notebooks run at once (default: the number of cores)")
    build.add_argument("--no-fork", action="store_true", help="start an ordinary kernel per notebook instead of forking a warmed-up one")
    build.add_argument("--force", action="store_true", help="execute every notebook, also those whose code, package and inputs are unchanged since they last ran")
    report = commands.add_parser("report", help="export the executed notebooks to HTML (code hidden) with an index page")
    report.add_argument("--out", default=str(paths.ROOT / "build" / "report"), help="output folder (default: build/report)")
    args = parser.parse_args(argv)

    warnings.simplefilter("default")
    warnings.formatwarning = lambda message, category, *rest: f"warning: {message}\n"
    if args.command == "annotate":
        if args.scheduler and args.engine != "dask":
            parser.error("--scheduler needs --engine dask")
        if args.engine == "dask" and importlib.util.find_spec("distributed") is None:
            parser.error("--engine dask needs Dask: pip install -e '.[dask]'")
        if args.engine == "dask" and args.format == "csv":
            parser.error("--engine dask writes the Parquet corpus tables; use --format parquet (or auto)")
    clear_errors: list[type[Exception]] = [ArticleError]  # printed as "error: <path>: <problem>", exit code 2
    try:
        if args.command == "annotate":
            from .annotation import annotate_inputs
            from .corpus_tables import OutputError

            clear_errors.append(OutputError)

            count = annotate_inputs(args.paths, args.out, args.skip_bad, args.jobs, format=args.format, engine=args.engine, scheduler=args.scheduler)
            print(f"annotated {count} article(s) into {Path(args.out).resolve()}")
        elif args.command == "build":
            from .build import build as run_build, describe

            summary = run_build(args.notebooks or None, jobs=args.jobs, fork=not args.no_fork, force=args.force)
            print(describe(summary))
        else:
            from .report import write_report

            index = write_report(Path(args.out))
            print(f"report: {index}")
    except tuple(clear_errors) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # an input or output the system refused (permissions, a full disk …)
        print(f"error: {exc.filename}: {exc.strerror or exc}" if exc.filename else f"error: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"build failed: {exc}" if args.command == "build" else f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted: {'the output folder is unchanged' if args.command == 'annotate' else 'stopped'}", file=sys.stderr)
        return 130
    return 0
