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
    and its result, both picklable.
    """

    def __init__(self, task: Callable[[Callable[[Any], None]], Any]):
        self._messages: list[tuple[bool, Any]] = []
        self._process: Any = None
        if workers() < 2 or not can_fork():
            try:
                self._messages.append((True, task(lambda told: self._messages.append((True, told)))))
            except Exception:  # noqa: BLE001 - raised by told() and result(), as from a child
                import traceback

                self._messages.append((False, traceback.format_exc()))
            if len(self._messages) == 1:  # the task told nothing: what it told is its result
                self._messages.insert(0, self._messages[0])
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        self._receiver = receiver
        self._process = context.Process(target=_background_child, args=(task, sender), daemon=False)
        self._process.start()
        sender.close()

    def _next(self) -> None:
        try:
            self._messages.append(self._receiver.recv())
        except EOFError:
            self._messages.append((False, f"processen stoppede uden svar (kode {self._process.exitcode})"))
        if not self._messages[-1][0] or len(self._messages) == 2:
            self._process.join()
            self._receiver.close()
            self._process = None
            while len(self._messages) < 2:
                self._messages.append(self._messages[-1])

    def _message(self, index: int) -> Any:
        while len(self._messages) <= index:
            self._next()
        ok, payload = self._messages[index]
        if not ok:
            raise BackgroundFailed(payload)
        return payload

    def told(self) -> Any:
        """Wait until the task tells (or ends); what it told."""
        return self._message(0)

    def result(self) -> Any:
        """Wait for the task to end; its result, or BackgroundFailed with the child's traceback."""
        return self._message(1)


def _background_child(task: Callable[[Callable[[Any], None]], Any], sender: Any) -> None:
    import traceback

    told = False

    def tell(value: Any) -> None:
        nonlocal told
        if not told:
            told = True
            sender.send((True, value))

    try:
        result = task(tell)
        if not told:
            sender.send((True, result))
        sender.send((True, result))
    except BaseException:  # noqa: BLE001 - everything goes back to the parent, which raises it
        sender.send((False, traceback.format_exc()))
    finally:
        sender.close()
