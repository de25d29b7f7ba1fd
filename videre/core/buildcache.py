"""Results of pure build steps kept between builds, keyed by a hash of everything they depend on.

At national scale a build draws ~5,000 QR codes, one per offer's printed sheet,
and they are the larger part of the sheets' cost. A code depends only on its
address and on the code that draws it, so a rebuild of unchanged records can
take it from here. The key is a SHA-256 of the inputs and of a *salt* naming
the drawing code (its source and the library version), so a changed address or
a changed drawer never meets an old entry: the output is the same bytes
whether an entry was found or drawn anew. The same holds for two steps that
each cost a second or two over 5,000 offer pages and depend only on a page's
text: cutting it for its shell (videre.mkdocs.shells) and finding its search
spellings (videre.search.spelling).

The store is one JSON file per kind under ``$VIDERE_CACHE`` (default
``~/.cache/videre``; ``VIDERE_CACHE=0`` turns it off; see :mod:`videre.core.settings`).
It holds the entries the last build used, so it does not grow with every data set it has seen. It is
replaced atomically, so builds running side by side can only lose each
other's entries, never corrupt them. It keeps what earlier builds stored until
it passes :data:`LIMIT` entries; then only the last build's entries stay.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from . import settings

T = TypeVar("T")

SWITCH = settings.CACHE.name
LIMIT = 30_000
"""Entries a store may hold (a QR code is ~3 KB: 4× the national data set fits)."""


def folder() -> Path | None:
    """Where the stores live; None when the cache is off."""
    return settings.environment().cache


def key(salt: str, *parts: str) -> str:
    return hashlib.sha256("\x00".join((salt, *parts)).encode("utf-8", "surrogatepass")).hexdigest()  # any str


def salt_of(*sources: Path | str) -> str:
    """A salt from the drawing code: file contents (for paths) and version strings."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes() if isinstance(source, Path) else source.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


def _load(path: Path) -> dict[str, str]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _save(path: Path, entries: dict[str, str]) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entries, out, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        os.replace(temporary, path)
    except (OSError, ValueError):  # a read-only home, a full disk or text UTF-8 cannot hold (a lone surrogate)
        if temporary is not None:  # costs speed, never the build
            with contextlib.suppress(OSError):
                os.unlink(temporary)


MINIMUM = 500
"""Items below which :func:`cached_map` leaves the store alone: a few (an edit under ``make serve``, the real
data) are made sooner than a store of thousands of entries is read and written again."""


def cached_map(
    kind: str, keys: Sequence[str], items: Sequence[T], compute: Callable[[Sequence[T]], list[str]]
) -> list[str]:
    """``compute(items)`` through the store ``kind``: only the items whose key is missing are computed."""
    base = folder()
    if base is None or not items or len(items) < MINIMUM:
        return compute(items)
    path = base / f"{kind}.json"
    stored = _load(path)
    missing = [index for index, k in enumerate(keys) if not isinstance(stored.get(k), str)]
    fresh = compute([items[index] for index in missing]) if missing else []
    for index, value in zip(missing, fresh):
        stored[keys[index]] = value
    results = [stored[k] for k in keys]
    if missing:
        _save(path, stored if len(stored) <= LIMIT else dict(zip(keys, results)))
    return results
