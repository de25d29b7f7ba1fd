"""Spread independent work over the machine's cores, when that is safe and worth it.

At national scale (about 6,000 record files, 5,000 offer pages) the work is
CPU-bound Python, one item at a time. The CI machine has two cores, so this
process and one forked child nearly halve it. The child inherits the loaded
catalogue and compiled validators for free; only its results travel back.

Forking is used only where it cannot deadlock: on platforms with ``fork`` and
when this process runs a single thread (``mkdocs serve`` runs a web server
thread, so it stays sequential; its real data set is small anyway). Results
always come back in input order, so the output does not depend on how many processes ran.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from . import settings

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1000
"""Below this many items a pool costs more than it saves."""
SWITCH = settings.PROCESSES.name
"""Number of worker processes; 1 turns the pool off (for profiling and comparisons)."""


def workers() -> int:
    """How many processes to use: VIDERE_PROCESSER, else the cores this process may run on."""
    wanted = settings.environment().processes
    if wanted is not None:
        return wanted
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def ordered_map(task: Callable[[T], R], items: Sequence[T], *, minimum: int = MIN_ITEMS) -> list[R]:
    """``[task(item) for item in items]``, spread over this process and forked children when there are at
    least ``minimum`` items and more than one core (a lower ``minimum`` suits items that each take milliseconds).

    ``task`` and ``items`` may be large and unpicklable: the children inherit both by fork and take their
    chunks from their own copy. This process works too, so two cores cost one fork, and only the children's
    results are pickled. Each process claims
    the next chunk from a shared counter, so a slow chunk does not hold the others up.
    """
    return StartedMap(task, items, minimum=minimum).results()


class StartedMap(Generic[R]):
    """:func:`ordered_map` begun now: the forked children start on the chunks at once, and this process joins
    in when it asks for the :meth:`results`. For work that can start while this process still has other work
    to do (the offer pages are filled in while MkDocs renders the rest). Without children, :meth:`results`
    does all the work."""

    def __init__(self, task: Callable[[T], R], items: Sequence[T], *, minimum: int = MIN_ITEMS):
        self._task: Callable[[Any], R] = task
        self._items: Sequence[Any] = items
        self._children: list[_MapChild] = []
        processes = workers()
        if processes < 2 or len(items) < minimum or not can_fork():
            return
        size = max(1, len(items) // (processes * CHUNKS_PER_PROCESS))
        self._chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        context = multiprocessing.get_context("fork")
        self._claim = _Counter(context)
        self._children = [_MapChild(context, task, items, self._chunks, self._claim) for _ in range(processes - 1)]

    def results(self) -> list[R]:
        """The results in order, once; what any process raised is raised here."""
        task, items, children = self._task, self._items, self._children
        if not children:
            return [task(item) for item in items]
        chunks = self._chunks
        done: list[list[R] | None] = [None] * len(chunks)
        try:
            while (index := self._claim()) < len(chunks):
                start, end = chunks[index]
                done[index] = [task(item) for item in items[start:end]]
            for child in children:
                for index, packed in child.results():
                    done[index] = pickle.loads(packed)
        except BaseException:
            self.cancel()  # the caller gets the error now, not after the children's remaining chunks
            raise
        for child in children:
            child.stop()
        self._children = []
        return [result for chunk in done for result in chunk]  # type: ignore[union-attr]

    def cancel(self) -> None:
        """End the children now (the build failed); what they did is lost."""
        for child in self._children:
            child.stop(now=True)
        self._children = []


CHUNKS_PER_PROCESS = 32
"""Chunks per process: enough that the last one is short, few enough that claiming costs nothing."""


class _Counter:
    """The number of the next chunk, shared by the processes of one ordered_map."""

    def __init__(self, context: Any):
        self._value = context.RawValue("q", 0)
        self._lock = context.Lock()

    def __call__(self) -> int:
        with self._lock:
            index = self._value.value
            self._value.value = index + 1
        return index


class _MapChild:
    """A forked process that claims chunks until none are left, then sends their pickled results at once."""

    def __init__(
        self,
        context: Any,
        task: Callable[[Any], Any],
        items: Sequence[Any],
        chunks: list[tuple[int, int]],
        claim: _Counter,
    ):
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_map_child, args=(task, items, chunks, claim, sender), daemon=True)
        self._process.start()
        sender.close()

    def results(self) -> list[tuple[int, bytes]]:
        """The child's chunks as (number, pickled results); what it raised is raised here."""
        try:
            ok, payload = self._receiver.recv()
        except EOFError:
            raise BackgroundFailed(f"processen stoppede uden svar (kode {self._process.exitcode})") from None
        if not ok:
            raise payload
        return payload

    def stop(self, *, now: bool = False) -> None:
        """Wait for the child to exit (it has sent its results), or end it ``now``."""
        if now:
            self._process.terminate()
        self._process.join()
        self._receiver.close()


def _map_child(
    task: Callable[[Any], Any], items: Sequence[Any], chunks: list[tuple[int, int]], claim: _Counter, sender: Any
) -> None:
    import traceback

    try:
        done = []
        while (index := claim()) < len(chunks):
            start, end = chunks[index]
            done.append((index, pickle.dumps([task(item) for item in items[start:end]], pickle.HIGHEST_PROTOCOL)))
        message: tuple[bool, Any] = (True, done)
    except Exception as exc:
        message = (False, _picklable(exc, traceback.format_exc()))
    try:
        sender.send(message)
    finally:
        sender.close()


def _picklable(exc: Exception, trace: str) -> Exception:
    """The exception itself when it survives pickling (as Pool.map gives it), else its traceback."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return BackgroundFailed(trace)
    return exc


class BackgroundFailed(RuntimeError):
    """The task in the background raised; the message carries its traceback."""


class Background:
    """One task running beside this process (forked), or already done here when forking is not safe.

    The MkDocs build spends seconds on work that the theme never sees (handouts, open data, screens);
    run beside the page rendering, it costs no wall time on a machine with a second core. The child
    inherits everything by fork and sends back only what the task tells (once, early, with ``tell``)
    and how it ended, both picklable, through :class:`_Letters`, so it never waits for this process to
    read. When this process gives up on the task (its own step failed), :meth:`cancel` ends the child.
    """

    def __init__(self, task: Callable[[Callable[[Any], None]], Any]):
        self._told: tuple[bool, Any] | None = None
        self._ended: tuple[bool, Any] | None = None
        self._process: Any = None
        if workers() < 2 or not can_fork():
            self._ended = _outcome(task, self._tell_here)
            return
        context = multiprocessing.get_context("fork")
        self._letters = _Letters(context)
        self._process = context.Process(target=_background_child, args=(task, self._letters), daemon=False)
        self._process.start()
        self._letters.sent_from_child_only()

    def _tell_here(self, value: Any) -> None:
        if self._told is None:
            self._told = (True, value)

    def _receive(self) -> None:
        """The child's next message: what it told, or how it ended (then the child is gone)."""
        try:
            kind, payload = self._letters.receive()
        except EOFError:
            kind, payload = "ended", (False, f"processen stoppede uden svar (kode {self._process.exitcode})")
        if kind == "told":
            self._told = (True, payload)
            return
        self._ended = payload
        self._reap()

    def _reap(self) -> None:
        self._process.join()
        self._letters.close()
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

    def cancel(self) -> None:
        """End the task now, if it still runs: its result is no longer wanted."""
        if self._process is not None:
            self._process.terminate()
            self._reap()
        if self._ended is None:
            self._ended = (False, "opgaven blev afbrudt")


class _Letters:
    """A child's messages to its parent: each one is pickled into a file they share, and only where it lies
    goes down the pipe. A pipe holds 64 KB, so a child that sent a long message itself would wait until the
    parent read it, and a parent that stopped early would wait at exit for a child that never ends."""

    def __init__(self, context: Any):
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - shared with the child by fork, closed in close()
        self._receiver, self._sender = context.Pipe(duplex=False)
        self._end = 0

    def sent_from_child_only(self) -> None:
        """In the parent, after the fork: only the child writes, so the pipe ends when the child does."""
        self._sender.close()

    def send(self, message: Any) -> None:
        packed = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
        os.pwrite(self._file.fileno(), packed, self._end)
        self._sender.send((self._end, len(packed)))
        self._end += len(packed)

    def receive(self) -> Any:
        start, length = self._receiver.recv()
        packed = b""
        while len(packed) < length:
            chunk = os.pread(self._file.fileno(), length - len(packed), start + len(packed))
            if not chunk:
                raise EOFError("beskeden er ikke skrevet færdig")
            packed += chunk
        return pickle.loads(packed)

    def close(self) -> None:
        self._sender.close()
        self._receiver.close()
        self._file.close()


def _outcome(task: Callable[[Callable[[Any], None]], Any], tell: Callable[[Any], None]) -> tuple[bool, Any]:
    """(True, the task's result), or (False, its traceback)."""
    import traceback

    try:
        return True, task(tell)
    except Exception:
        return False, traceback.format_exc()


def _unwrap(outcome: tuple[bool, Any] | None) -> Any:
    assert outcome is not None
    ok, payload = outcome
    if not ok:
        raise BackgroundFailed(payload)
    return payload


def _background_child(task: Callable[[Callable[[Any], None]], Any], letters: _Letters) -> None:
    told = False

    def tell(value: Any) -> None:
        nonlocal told
        if not told:
            told = True
            letters.send(("told", value))

    try:
        letters.send(("ended", _outcome(task, tell)))
    finally:
        letters.close()
