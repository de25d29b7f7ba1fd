"""Spread independent work over the machine's cores, when that is safe and worth it.

At national scale (about 6,000 record files, 5,000 handouts) the work is
CPU-bound Python, one item at a time. The CI machine has two cores, so a pool
of forked workers nearly halves it. Forked workers inherit the loaded
catalogue and compiled validators for free; only the results travel back.

Forking is used only where it cannot deadlock: on platforms with ``fork`` and
when this process runs a single thread (``mkdocs serve`` runs a web server
thread, so it stays sequential; its real data set is small anyway). Results
always come back in input order, so the output does not depend on the pool.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1000
"""Below this many items a pool costs more than it saves."""
SWITCH = "VIDERE_PROCESSER"
"""Number of worker processes; 1 turns the pool off (for profiling and comparisons)."""

_task: Callable[[Any], Any] | None = None


def workers() -> int:
    """How many processes to use: VIDERE_PROCESSER, else the cores this process may run on."""
    wanted = os.environ.get(SWITCH, "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _run(item: Any) -> Any:
    assert _task is not None
    return _task(item)


def ordered_map(task: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[task(item) for item in items]``, on forked workers when there are enough items and cores.

    ``task`` may be a closure over large, unpicklable state: the workers inherit it by fork.
    """
    processes = workers()
    if processes < 2 or len(items) < MIN_ITEMS or not can_fork():
        return [task(item) for item in items]
    global _task
    _task = task
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            return pool.map(_run, items, chunksize=max(1, len(items) // (processes * 8)))
    finally:
        _task = None
