"""The main job: annotate data/raw, then execute every notebook in place, in parallel.

Speed. Starting a Jupyter kernel and importing pandas, matplotlib and IPython costs a couple
of CPU-seconds per notebook, more than most notebooks' own work. On Linux the build therefore
starts one *kernel template* process that imports all of that once, and each notebook gets a
real, fresh IPython kernel forked from it (empty namespace, nothing executed; only modules
already imported and the package's data files already read). nbclient drives every kernel from one asyncio loop, as many at a time as
there are cores. ``--no-fork`` (or any non-Linux system) starts ordinary kernels instead.

Determinism. Notebooks are written only with what a clean run produces: outputs and execution
counts, no timestamps, no run-dependent ids, so two builds give byte-identical files.
"""
from __future__ import annotations

import asyncio
import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..machine import default_jobs
from ..figures.manifest import skip_slow_iri_checker

#: Modules the kernel template imports before forking kernels: what notebooks pay for at start.
#: The IPython/matplotlib *integration* (matplotlib_inline) is left to each kernel, which needs a shell.
#: The matplotlib backends and fontTools are what the first savefig to PNG/PDF/SVG imports;
#: jsonschema validates the figures manifest in every notebook that saves a figure.
TEMPLATE_IMPORTS = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "IPython.display", "numpy", "pandas", "matplotlib", "matplotlib.pyplot",
    "matplotlib.backends.backend_agg", "matplotlib.backends.backend_pdf", "matplotlib.backends.backend_svg",
    "fontTools.subset", "PIL.PngImagePlugin", "jsonschema", "networkx", "yaml",
)
#: Helpers modules never imported into kernels by the template (command line and this module).
NOT_FOR_KERNELS = {"helpers.__main__", "helpers.pipeline.cli", "helpers.pipeline.build", "helpers.pipeline.report", "helpers.pipeline.annotation"}
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
CELL_TIMEOUT = 600
#: What the committed notebooks say about their kernel: the same on every machine.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
TIMINGS_FILE = paths.ROOT / "build" / "notebook-timings.json"
FAILED_DIR = paths.ROOT / "build" / "failed"
KERNEL_LOG = paths.ROOT / "build" / "kernels.log"

# The stand-in kernel process that jupyter_client launches: it asks the template to fork a
# kernel for its connection file, forwards interrupt/terminate signals to it and exits with its
# status. Standard library only, run with ``python -S`` so that it starts in milliseconds.
RELAY_SOURCE = r"""
import json, os, signal, socket, sys, time
sock = socket.socket(socket.AF_UNIX)
deadline = time.monotonic() + 120
while True:
    try:
        sock.connect(sys.argv[1])
        break
    except (FileNotFoundError, ConnectionRefusedError):
        if time.monotonic() > deadline:
            sys.exit("kernel template did not start")
        time.sleep(0.02)
request = {"connection_file": sys.argv[2], "cwd": os.getcwd(), "env": dict(os.environ)}
sock.sendall(json.dumps(request).encode() + b"\n")
replies = sock.makefile("r")
pid = json.loads(replies.readline())["pid"]
def forward(signum, frame):
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass
for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(signum, forward)
line = replies.readline()
sys.exit(json.loads(line)["status"] if line else 1)
"""


# --- results and errors ------------------------------------------------------------------


class BuildError(RuntimeError):
    """The build stopped; the message says where and why."""


class NotebookFailure(BuildError):
    """A cell raised: names the notebook, the cell (index and first line) and the error."""

    def __init__(self, notebook: Path, cell_index: int, source: str, ename: str, evalue: str, saved: Path | None):
        self.notebook, self.cell_index, self.ename, self.evalue, self.saved = notebook, cell_index, ename, evalue, saved
        self.first_line = next((line.strip() for line in source.splitlines() if line.strip()), "")
        where = f"{_display_path(notebook)}, cell {cell_index} (0-based), first line: {self.first_line!r}"
        kept = f"\nthe partly executed notebook is in {_display_path(saved)}; the committed notebook was not changed" if saved else ""
        super().__init__(f"{where}\n{ename}: {evalue}{kept}")


@dataclass
class NotebookResult:
    path: Path
    seconds: float
    changed: bool
    skipped: bool = False  # fresh: code, package, inputs and outputs unchanged since its last run


@dataclass
class BuildSummary:
    annotated: int
    notebooks: list[NotebookResult] = field(default_factory=list)
    seconds: float = 0.0


def _display_path(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- notebooks on disk --------------------------------------------------------------------


def notebook_paths(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The numbered notebooks of ``folder`` in reading order (checkpoints excluded)."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


def tidy_notebook(nb) -> None:
    """Drop what changes from run to run or machine to machine (timestamps, papermill records,
    the Python version, how a cell's printed output happened to be split into flushes); give
    every cell a stable id."""
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    CoalesceStreamsPreprocessor().preprocess(nb, {})
    for key in ("papermill", "widgets", "execution"):
        nb.metadata.pop(key, None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    for index, cell in enumerate(nb.cells):
        for key in ("execution", "papermill", "collapsed", "scrolled", "ExecuteTime"):
            cell.metadata.pop(key, None)
        if not cell.get("id"):
            cell["id"] = f"cell-{index:03d}"
    nb.nbformat, nb.nbformat_minor = 4, max(int(nb.get("nbformat_minor", 5)), 5)


def notebook_text(nb) -> str:
    """The JSON text of a notebook exactly as the build writes it."""
    import nbformat

    return nbformat.writes(nb) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Atomically replace ``path`` with ``text`` unless it already holds exactly that."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    handle, staging = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(staging, path)
    return True


# --- the kernel template (fork server) -------------------------------------------------


def kernel_template_available() -> bool:
    """Forking a warmed-up interpreter is safe on Linux; elsewhere (macOS, Windows) it is not."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and os.environ.get("HELPERS_BUILD_FORK", "1") != "0"


def _warm_imports() -> None:
    """Import what notebooks import, once, in the template: third-party modules and helpers."""
    import importlib
    import pkgutil

    import helpers

    skip_slow_iri_checker()
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    names = list(TEMPLATE_IMPORTS)
    names += [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.") if m.name not in NOT_FOR_KERNELS]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # the notebook that imports it will show the error where it belongs
            pass
    # The inline backend must be imported by the kernel's own shell to hook into it.
    for name in [m for m in sys.modules if m.startswith("matplotlib_inline.backend_inline")]:
        del sys.modules[name]


def _warm_data() -> None:
    """Load, once in the template, what every notebook's first annotation loads for itself: run
    each annotation layer over the first article in data/raw (lexicons, gazetteer, codebook,
    name lists, matchers) and build the figures manifest's validator."""
    from ..annotate.layers import LAYERS
    from ..figures.manifest import validator
    from ..text.loading import iter_articles

    try:
        article = next(iter_articles(paths.RAW))
        for layer in LAYERS.values():
            layer(article)
        validator()
    except Exception:  # the notebook that needs it will show the error where it belongs
        pass


def _run_forked_kernel(request: dict) -> None:
    """In the forked child: become the process jupyter_client asked for and run an IPython kernel."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if sys.path and sys.path[0] == "":  # as ipykernel_launcher does
        del sys.path[0]
    # Trait defaults read the environment when the class is defined, in the template: pass them.
    parent = os.environ.get("JPY_PARENT_PID", "0")
    sys.argv = ["ipykernel_launcher", "-f", request["connection_file"], f"--IPKernelApp.parent_handle={parent}"]
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=sys.argv[1:])


def serve_kernels(socket_path: str) -> None:
    """The template process: import once, then fork one kernel per request until stdin closes."""
    import selectors
    import socket

    _warm_imports()
    _warm_data()
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(socket_path + ".tmp")
    os.replace(socket_path + ".tmp", socket_path)  # relays connect only once the template is ready
    listener.listen(64)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle; it closes our stdin
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(wake_read, selectors.EVENT_READ, "child")
    selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
    relays: dict[int, socket.socket] = {}
    try:
        while True:
            for key, _ in selector.select():
                if key.data == "stdin" and not sys.stdin.buffer.read1(4096):
                    return
                if key.data == "child":
                    os.read(wake_read, 4096)
                    _reap(relays)
                if key.data == "accept":
                    conn, _ = listener.accept()
                    request = json.loads(conn.makefile("r").readline())
                    pid = os.fork()
                    if pid == 0:
                        code = 1
                        try:
                            signal.set_wakeup_fd(-1)
                            for signum in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
                                signal.signal(signum, signal.SIG_DFL)
                            for handle in [listener, conn, *relays.values()]:
                                handle.close()
                            selector.close()
                            os.close(wake_read)
                            os.close(wake_write)
                            devnull = os.open(os.devnull, os.O_RDONLY)
                            os.dup2(devnull, 0)
                            _run_forked_kernel(request)
                            code = 0
                        finally:
                            os._exit(code)
                    relays[pid] = conn
                    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
                    _reap(relays)
    finally:
        for pid in relays:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _reap(relays: dict) -> None:
    """Tell each relay whose kernel has exited how it ended."""
    while relays:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = relays.pop(pid, None)
        if conn is not None:
            try:
                conn.sendall(json.dumps({"status": os.waitstatus_to_exitcode(status)}).encode() + b"\n")
            except OSError:
                pass
            conn.close()


class KernelTemplate:
    """Start the template process; hand out kernel managers whose kernels it forks."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="helpers-kernels-")
        self.socket_path = os.path.join(self.folder, "template.sock")
        code = f"from helpers.pipeline.build import serve_kernels; serve_kernels({self.socket_path!r})"
        # Kernels' own log lines (not their cells' output, which goes to the notebooks) go to a file.
        KERNEL_LOG.parent.mkdir(parents=True, exist_ok=True)
        with open(KERNEL_LOG, "ab") as log:
            self.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=log, stderr=log, cwd=paths.ROOT)

    def kernel_manager(self):
        from jupyter_client.manager import AsyncKernelManager

        relay = [sys.executable, "-S", "-c", RELAY_SOURCE, self.socket_path]

        class ForkedKernelManager(AsyncKernelManager):
            def format_kernel_cmd(self, extra_arguments=None):
                return relay + [self.connection_file]

        return ForkedKernelManager(kernel_name="python3")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


# --- executing notebooks ------------------------------------------------------------------


class Progress:
    """A progress bar over code cells of all notebooks, naming the notebooks still running."""

    def __init__(self, total_cells: int):
        from tqdm import tqdm

        self.bar = tqdm(total=total_cells, unit=" cells", desc="notebooks", file=sys.stderr, disable=None, dynamic_ncols=True)
        self.running: list[str] = []

    def start(self, name: str) -> None:
        self.running.append(name)
        self.bar.set_postfix_str(", ".join(self.running))

    def cell_done(self) -> None:
        self.bar.update()

    def finish(self, name: str, message: str) -> None:
        self.running.remove(name)
        self.bar.set_postfix_str(", ".join(self.running))
        self.bar.write(message, file=sys.stderr)

    def close(self) -> None:
        self.bar.close()


def code_cells(nb) -> int:
    return sum(cell.cell_type == "code" and bool(cell.source.strip()) for cell in nb.cells)


async def execute_notebook(
    path: Path, nb, kernel_manager, progress: Progress | None = None, timeout: int = CELL_TIMEOUT, on_interrupt=None
) -> NotebookResult:
    """Run every cell of ``nb`` in a fresh kernel with the notebook's folder as working directory.

    ``on_interrupt`` replaces nbclient's own Ctrl-C handler (which kills the kernel and lets the
    next cell fail as if the kernel had died)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    started = time.perf_counter()
    client = NotebookClient(
        nb,
        km=kernel_manager,
        timeout=timeout,
        record_timing=False,
        shutdown_kernel="graceful",
        resources={"metadata": {"path": str(path.parent)}},
    )
    if progress:
        progress.start(path.stem)
    try:
        async with client.async_setup_kernel(cleanup_kc=True):
            if on_interrupt is not None:
                asyncio.get_running_loop().add_signal_handler(signal.SIGINT, on_interrupt)
            for index, cell in enumerate(nb.cells):
                try:
                    await client.async_execute_cell(cell, index, execution_count=None)
                except CellExecutionError as error:
                    raise NotebookFailure(path, index, cell.source, error.ename, error.evalue, _save_failed(path, nb)) from None
                except Exception as error:  # dead kernel, timeout: still name the cell
                    raise NotebookFailure(path, index, cell.source, type(error).__name__, str(error), _save_failed(path, nb)) from None
                if cell.cell_type == "code" and cell.source.strip() and progress:
                    progress.cell_done()
    finally:
        atexit.unregister(client._cleanup_kernel)  # nbclient registers one per client; the kernel is shut down here
    tidy_notebook(nb)
    changed = write_if_changed(path, notebook_text(nb))
    seconds = time.perf_counter() - started
    if progress:
        progress.finish(path.stem, f"  done {path.stem} in {seconds:.1f} s{'' if changed else ' (unchanged)'}")
    return NotebookResult(path, seconds, changed)


def _save_failed(path: Path, nb) -> Path | None:
    """Keep the partly executed notebook for inspection, away from the committed one."""
    try:
        FAILED_DIR.mkdir(parents=True, exist_ok=True)
        target = FAILED_DIR / path.name
        tidy_notebook(nb)
        target.write_text(notebook_text(nb), encoding="utf-8")
        return target
    except OSError:
        return None


def _previous_timings() -> dict[str, float]:
    try:
        return json.loads(TIMINGS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_timings(results: Iterable[NotebookResult]) -> None:
    """Remember how long the project's notebooks took, to start the longest first next time."""
    ours = [r for r in results if r.path.parent == paths.NOTEBOOKS]
    if not ours:
        return
    timings = _previous_timings() | {r.path.name: round(r.seconds, 2) for r in ours}
    TIMINGS_FILE.parent.mkdir(parents=True, exist_ok=True)
    TIMINGS_FILE.write_text(json.dumps(timings, indent=1, sort_keys=True) + "\n", encoding="utf-8")


async def execute_notebooks(
    notebooks: list[Path], jobs: int, fork: bool, template: KernelTemplate | None, force: bool = True
) -> list[NotebookResult]:
    """Execute notebooks concurrently (longest first, by the previous build's timings). Unless
    ``force``, the project's notebooks that are fresh (:mod:`helpers.pipeline.freshness`) are skipped."""
    import nbformat
    from jupyter_client.manager import AsyncKernelManager

    from . import freshness

    loaded = {}
    for path in notebooks:
        try:
            loaded[path] = nbformat.read(path, as_version=4)
        except Exception as error:
            raise BuildError(f"{_display_path(path)}: not a readable notebook ({error})") from None
    ours = {p for p in notebooks if p.parent == paths.NOTEBOOKS}
    skipped = [] if force else [NotebookResult(p, 0.0, False, True) for p in notebooks if p in ours and freshness.is_fresh(p, loaded[p])]
    notebooks = [p for p in notebooks if p not in {r.path for r in skipped}]
    timings = _previous_timings()
    order = sorted(notebooks, key=lambda p: -timings.get(p.name, 0.0))
    progress = Progress(sum(code_cells(nb) for nb in loaded.values()))
    slots = asyncio.Semaphore(jobs)

    interrupted = []

    def interrupt() -> None:
        interrupted.append(True)
        for task in tasks:
            task.cancel()

    async def one(path: Path) -> NotebookResult:
        async with slots:
            manager = template.kernel_manager() if (fork and template) else AsyncKernelManager(kernel_name="python3")
            result = await execute_notebook(path, loaded[path], manager, progress, on_interrupt=interrupt)
            if path in ours:
                freshness.remember(path, loaded[path])  # code cells are as they were before the run
            return result

    tasks = [asyncio.ensure_future(one(path)) for path in order]
    try:
        results = await asyncio.gather(*tasks)
    except BaseException as error:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if interrupted and isinstance(error, asyncio.CancelledError):
            raise BuildError("interrupted (Ctrl-C); notebooks that had not finished were left as they were") from None
        raise
    finally:
        progress.close()
    _save_timings(results)
    return sorted([*results, *skipped], key=lambda r: r.path.name)


def build(
    notebooks: list[Path] | None = None, jobs: int | None = None, fork: bool | None = None, annotate: bool = True, force: bool = False
) -> BuildSummary:
    """Annotate data/raw into data/processed (the seed as CSV, the corpus as Parquet tables in
    data/processed/corpus), then execute the notebooks in place; unless ``force``,
    notebooks that are fresh are skipped (:mod:`helpers.pipeline.freshness`)."""
    started = time.perf_counter()
    notebooks = notebook_paths() if notebooks is None else [Path(p).resolve() for p in notebooks]
    fork = kernel_template_available() if fork is None else fork and kernel_template_available()
    template = KernelTemplate() if (fork and notebooks) else None  # warms up while we annotate
    skip_slow_iri_checker()
    try:
        annotated = 0
        if annotate:
            from .annotation import annotate_inputs, corpus_tables_for

            annotated = annotate_inputs([str(paths.RAW)], str(paths.PROCESSED))  # the seed (the corpus is not read as a folder's article)
            corpus_tables_for(paths.CORPUS, paths.PROCESSED / "corpus")
        results = asyncio.run(execute_notebooks(notebooks, jobs or default_jobs(), fork, template, force)) if notebooks else []
    finally:
        if template:
            template.close()
    return BuildSummary(annotated, results, time.perf_counter() - started)


def describe(summary: BuildSummary) -> str:
    """Where everything is, for the end of ``python -m helpers build``."""
    figures = sorted(p for p in paths.FIGURES.glob("*") if p.is_file()) if paths.FIGURES.exists() else []
    changed = [r.path.name for r in summary.notebooks if r.changed]
    skipped = [r.path.name for r in summary.notebooks if r.skipped]
    lines = [
        f"built in {summary.seconds:.1f} s",
        f"  data/processed/  annotations of {summary.annotated} article(s) and the notebooks' tables: {paths.PROCESSED}",
        f"  notebooks/       {len(summary.notebooks) - len(skipped)} executed in place ({len(changed)} changed), "
        f"{len(skipped)} skipped as unchanged (--force runs them): {paths.NOTEBOOKS}",
        f"  figures/         {len(figures)} files: {paths.FIGURES}",
        "  report:          python -m helpers report  ->  build/report/index.html",
    ]
    return "\n".join(lines)
