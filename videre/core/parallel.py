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


def ordered_map(task: Callable[[T], R], items: Sequence[T], *, minimum: int = MIN_ITEMS) -> list[R]:
    """``[task(item) for item in items]``, on forked workers when there are at least ``minimum`` items and
    more than one core (a lower ``minimum`` suits items that each take milliseconds).

    ``task`` may be a closure over large, unpicklable state: the workers inherit it by fork.
    """
    processes = workers()
    if processes < 2 or len(items) < minimum or not can_fork():
        return [task(item) for item in items]
    global _task
    _task = task
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            return pool.map(_run, items, chunksize=max(1, len(items) // (processes * 8)))
    finally:
        _task = None


class BackgroundFailed(RuntimeError):
    """The task in the background raised; the message carries its traceback."""


class Background:
    """One task running beside this process (forked), or already done here when forking is not safe.

    The MkDocs build spends seconds on work that the theme never sees (handouts, open data, screens);
    run beside the page rendering, it costs no wall time on a machine with a second core. The child
    inherits everything by fork and sends back only what the task tells (once, early, with ``tell``)
    and how it ended, both picklable.
    """

    def __init__(self, task: Callable[[Callable[[Any], None]], Any]):
        self._told: tuple[bool, Any] | None = None
        self._ended: tuple[bool, Any] | None = None
        self._process: Any = None
        if workers() < 2 or not can_fork():
            self._ended = _outcome(task, self._tell_here)
            return
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_background_child, args=(task, sender), daemon=False)
        self._process.start()
        sender.close()

    def _tell_here(self, value: Any) -> None:
        if self._told is None:
            self._told = (True, value)

    def _receive(self) -> None:
        """The child's next message: what it told, or how it ended (then the child is gone)."""
        try:
            kind, payload = self._receiver.recv()
        except EOFError:
            kind, payload = "ended", (False, f"processen stoppede uden svar (kode {self._process.exitcode})")
        if kind == "told":
            self._told = (True, payload)
            return
        self._ended = payload
        self._process.join()
        self._receiver.close()
        self._process = None

    def told(self) -> Any:
        """Wait until the task tells (or ends: then its result); what it told."""
        while self._told is None and self._ended is None:
            self._receive()
        return _unwrap(self._told or self._ended)

    def result(self) -> Any:
        """Wait for the task to end; its result, or BackgroundFailed with its traceback."""
        while self._ended is None:
            self._receive()
        return _unwrap(self._ended)


def _outcome(task: Callable[[Callable[[Any], None]], Any], tell: Callable[[Any], None]) -> tuple[bool, Any]:
    """(True, the task's result), or (False, its traceback)."""
    import traceback

    try:
        return True, task(tell)
    except Exception:  # noqa: BLE001 - the caller raises it as BackgroundFailed where it waits
        return False, traceback.format_exc()


def _unwrap(outcome: tuple[bool, Any] | None) -> Any:
    assert outcome is not None
    ok, payload = outcome
    if not ok:
        raise BackgroundFailed(payload)
    return payload


def _background_child(task: Callable[[Callable[[Any], None]], Any], sender: Any) -> None:
    told = False

    def tell(value: Any) -> None:
        nonlocal told
        if not told:
            told = True
            sender.send(("told", value))

    try:
        sender.send(("ended", _outcome(task, tell)))
    finally:
        sender.close()
