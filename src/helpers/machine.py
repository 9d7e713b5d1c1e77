"""What this machine offers the package: the cores this process may use."""
from __future__ import annotations

import os


def default_jobs() -> int:
    """How many notebooks (or articles) are processed at once: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
