"""What this machine offers the package: the cores this process may use, a pool of worker
processes on them, and stopping a run cleanly on Ctrl-C or SIGTERM.

A signal handler that raises KeyboardInterrupt at once (Python's default for Ctrl-C) is right
almost everywhere, but not while a process pool starts or stops: an exception between forking the
workers and finishing the pool's set-up leaves the pool's worker-handler thread forking
replacements that nobody stops, and they outlive the run holding its output pipes (a run told to
stop by a scheduler then never ends). So :func:`process_pool` starts and stops its pool with
signals held: a signal that arrives meanwhile is raised as soon as that step is done. Its workers
take SIGTERM in the kernel (:func:`_worker_signals`), so that the pool's terminate always ends them.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator


def default_jobs() -> int:
    """How many notebooks (or articles) are processed at once: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class _Stopping:
    """The state :func:`stoppable` shares with :func:`_signals_held` (signals are per process)."""

    owner: int | None = None  # the process whose run the handler stops
    held = 0  # nesting depth of steps a signal must not cut in half
    deferred = False  # a signal arrived while held and is still to be raised
    raised = False  # the run's KeyboardInterrupt has been raised: later signals only set the flag


@contextlib.contextmanager
def stoppable() -> Iterator[threading.Event]:
    """Ctrl-C or SIGTERM (as a job scheduler or ``kill`` sends) stops the run inside this block.

    The first signal raises KeyboardInterrupt (after the step in hand, if signals are held); later
    ones only set the flag, so that the clean-up they would interrupt runs to its end. The flag
    is yielded because a KeyboardInterrupt that lands where Python ignores exceptions (a lock
    released while a worker is forked) is lost: callers check it at every article too. A forked
    process (a pool worker before :func:`_worker_signals` has run) ends on SIGTERM and leaves Ctrl-C
    to the parent.
    """
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum, frame):
        if os.getpid() != _Stopping.owner:
            if signum == signal.SIGTERM:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        stop.set()
        if _Stopping.raised:
            return
        if _Stopping.held:
            _Stopping.deferred = True
            return
        _Stopping.raised = True
        raise KeyboardInterrupt

    def unraisable(info):
        if not isinstance(info.exc_value, KeyboardInterrupt):  # a lost Ctrl-C is honoured through the flag
            previous_hook(info)

    _Stopping.owner, _Stopping.deferred, _Stopping.raised = os.getpid(), False, False
    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGINT, signal.SIGTERM)}
    previous_hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        yield stop
    finally:
        for signum, old_handler in previous.items():
            signal.signal(signum, old_handler)
        sys.unraisablehook = previous_hook
        _Stopping.owner = None


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Run a step that a signal must not cut in half; a signal that arrives during it is raised after."""
    _Stopping.held += 1
    try:
        yield
    finally:
        _Stopping.held -= 1
    if not _Stopping.held and _Stopping.deferred:
        _Stopping.deferred, _Stopping.raised = False, True
        raise KeyboardInterrupt


def _worker_signals() -> None:
    """In a pool's worker: SIGTERM (the pool's terminate) ends it in the kernel, and Ctrl-C is left to
    the parent. A Python handler would not do: a SIGTERM that lands just before the worker blocks on
    the task queue's lock, which terminate holds, runs no handler, and the pool waits for ever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def process_pool(jobs: int) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``jobs`` worker processes, forked where the platform can (workers then inherit what
    this process has loaded), terminated and joined on leaving the block."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = None
    try:
        with _signals_held():
            pool = context.Pool(jobs, initializer=_worker_signals)
        yield pool
    finally:
        with _signals_held():
            if pool is not None:
                pool.terminate()
                pool.join()
