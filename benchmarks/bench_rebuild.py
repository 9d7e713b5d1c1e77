"""The main job's wall time against one ``jupyter nbconvert --execute`` of a trivial notebook, in one run.

    .venv/bin/python benchmarks/bench_rebuild.py [--repeat 3] [--no-fork-too]

The trivial notebook imports pandas and matplotlib and saves one figure. The main job is
``python -m helpers build`` exactly as a user runs it: annotate data/raw, execute every notebook
in notebooks/ in place (they come out byte-identical when nothing changed). Measurements
alternate (baseline, build, baseline, build, ...) and the medians count, so both sides see the
same machine load. ``--no-fork-too`` also times ``build --no-fork`` (one ordinary kernel per
notebook) to show what the forked, pre-warmed kernels buy. To separate the pipeline's own cost
from what the notebooks compute, it also builds as many copies of the trivial notebook as there
are notebooks. Target: build <= 2 x baseline.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0
TRIVIAL_SOURCE = """import pandas as pd
import matplotlib.pyplot as plt

frame = pd.DataFrame({"x": [1, 2, 3], "y": [2, 1, 3]})
fig, ax = plt.subplots()
ax.plot(frame.x, frame.y)
fig.savefig("trivial.png")"""


def write_trivial_notebook(folder: Path, name: str = "trivial.ipynb") -> Path:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell(TRIVIAL_SOURCE.replace("trivial.png", name.replace(".ipynb", ".png")))])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    path = folder / name
    nbformat.write(nb, path)
    return path


def timed(command: list[str], cwd: Path) -> float:
    """Run ``command`` and return its wall time in seconds."""
    started = time.perf_counter()
    out = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if out.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{out.stderr[-3000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="measurements of each, alternating; the median counts")
    parser.add_argument("--no-fork-too", action="store_true", help="also time the build with one ordinary kernel per notebook")
    args = parser.parse_args()

    jupyter = str(Path(sys.executable).with_name("jupyter"))
    python = sys.executable
    commands = {
        "trivial nbconvert --execute": [jupyter, "nbconvert", "--to", "notebook", "--execute", "trivial.ipynb", "--output", "trivial-out.ipynb"],
        "python -m helpers build": [python, "-m", "helpers", "build"],
    }
    if args.no_fork_too:
        commands["python -m helpers build --no-fork"] = [python, "-m", "helpers", "build", "--no-fork"]
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"{len(notebooks)} notebooks, {len(os.sched_getaffinity(0))} cores, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        write_trivial_notebook(Path(folder))
        copies = [str(write_trivial_notebook(Path(folder), f"copy-{k}.ipynb")) for k in range(len(notebooks))]
        commands[f"build of {len(copies)} trivial notebooks"] = [python, "-m", "helpers", "build", *copies]
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                cwd = Path(folder) if name.startswith("trivial") else ROOT  # the trivial notebook writes next to itself
                seconds[name].append(timed(command, cwd))

    baseline = statistics.median(seconds["trivial nbconvert --execute"])
    for name, values in seconds.items():
        runs = ", ".join(f"{v:.1f}" for v in values)
        print(f"{name:<36} median {statistics.median(values):6.1f} s  ({runs})  ratio {statistics.median(values) / baseline:.2f}")
    ratio = statistics.median(seconds["python -m helpers build"]) / baseline
    print(f"ratio build / trivial notebook: {ratio:.2f}  (target <= {TARGET_RATIO})  {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
