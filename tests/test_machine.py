"""Stopping a run on Ctrl-C or SIGTERM: the first signal stops it, a signal while a process pool
starts or stops waits for that step, and no worker process outlives the run."""
import multiprocessing
import multiprocessing.pool
import os
import signal
import threading
import time

import pytest

from helpers import machine
from helpers.machine import process_pool, stoppable

SIGNALS = pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])


def _square(number: int) -> int:
    return number * number


@SIGNALS
def test_the_first_signal_stops_the_run_and_later_ones_only_set_the_flag(signum):
    with stoppable() as stop:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signum)
            time.sleep(5)
        os.kill(os.getpid(), signum)  # the run is stopping: its clean-up is not cut short
        time.sleep(0.01)
        assert stop.is_set()
    assert signal.getsignal(signum) is not None and signal.getsignal(signum) == (
        signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)


@SIGNALS
def test_a_signal_during_a_held_step_is_raised_when_the_step_is_done(signum):
    finished = False
    with stoppable() as stop, pytest.raises(KeyboardInterrupt):
        with machine._signals_held():
            os.kill(os.getpid(), signum)
            time.sleep(0.01)
            finished = True
    assert finished and stop.is_set()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the race is in forking a pool")
@SIGNALS
def test_a_signal_while_the_pool_starts_leaves_no_worker_behind(monkeypatch, signum):
    """The signal lands after the pool's threads have started but before its set-up is finished (a
    run killed at that moment once left a worker-handler thread forking workers that outlived it)."""
    real_finalize = multiprocessing.util.Finalize

    def finalize(obj, *args, **kwargs):
        if isinstance(obj, multiprocessing.pool.Pool):
            os.kill(os.getpid(), signum)
        return real_finalize(obj, *args, **kwargs)

    monkeypatch.setattr(multiprocessing.util, "Finalize", finalize)
    try:
        with stoppable(), pytest.raises(KeyboardInterrupt):
            with process_pool(2) as pool:
                pool.apply(_square, (3,))
        time.sleep(0.5)  # a leaked worker-handler thread would fork replacements by now
        assert multiprocessing.active_children() == []
        assert not [thread for thread in threading.enumerate() if "_handle_workers" in thread.name]
    finally:
        for child in multiprocessing.active_children():
            child.kill()


def test_a_pool_computes_and_is_gone_after_its_block():
    with process_pool(2) as pool:
        assert pool.map(_square, range(5)) == [0, 1, 4, 9, 16]
    assert multiprocessing.active_children() == []


def _worker_dispositions() -> tuple[bool, bool]:
    return signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_a_worker_ends_on_sigterm_in_the_kernel_and_leaves_ctrl_c_to_the_parent():
    """A Python SIGTERM handler in a worker lost the pool's SIGTERM when it landed just before the
    worker blocked on the task queue's lock (which terminate holds): the build then waited for ever."""
    with stoppable(), process_pool(2) as pool:
        assert pool.apply(_worker_dispositions) == (True, True)
