"""The Dask engine of ``python -m helpers annotate --engine dask``: articles are annotated on the
workers of a Dask cluster (an existing scheduler, or a local cluster of processes), in batches
submitted a few at a time; this process reads the articles, keeps the cache and writes the tables,
so the output is the same as the local engine's. Needs the optional extra ``.[dask]``.
"""
from __future__ import annotations

import logging

from ..machine import default_jobs


class DaskEngine:
    """Submit batches of articles to a Dask cluster: ``scheduler`` is its address
    (``tcp://host:8786``); without one, a ``LocalCluster`` of ``jobs`` single-threaded worker processes."""

    batch = 32  # articles per task: a task costs about a millisecond of scheduling

    def __init__(self, scheduler: str | None = None, jobs: int | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ImportError("the Dask engine needs Dask: pip install -e '.[dask]'") from None
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        else:
            self.cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.slots = 2 * max(1, sum(self.client.nthreads().values()))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def submit(self, function, items: list):
        """A future whose ``result()`` is ``function(items)``, computed on a worker."""
        return self.client.submit(function, items, pure=False)
