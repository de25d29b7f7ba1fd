"""Make Pagefind's bundle byte-identical from build to build.

Pagefind 1.x writes its filter index from a hash map, so the order of filter
values (and with it the file's hash, the name of the file, the metadata file
that names it, and ``pagefind-entry.json``) changes from run to run. Everything
else in the bundle is already stable. This module rewrites each filter file
with its values sorted by name, names it after its new content and updates the two
files that refer to it. Nothing else is touched: a file is only rewritten when
decoding and re-encoding it without sorting gives back the exact same bytes,
so an unknown format change leaves the bundle as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class _Map(list):
    """A CBOR map kept as a list of (key, value) pairs, in file order."""


def _head(data: bytes, pos: int) -> tuple[int, int, int]:
    first = data[pos]
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, pos + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError("indefinite or reserved CBOR length")
    return major, int.from_bytes(data[pos + 1 : pos + 1 + size], "big"), pos + 1 + size


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    major, value, pos = _head(data, pos)
    if major in (0, 1):
        return (value if major == 0 else -1 - value), pos
    if major in (2, 3):
        raw = data[pos : pos + value]
        return (raw if major == 2 else raw.decode("utf-8")), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = _Map()
        for _ in range(value):
            key, pos = _decode(data, pos)
            item, pos = _decode(data, pos)
            pairs.append((key, item))
        return pairs, pos
    if major == 7 and value in (20, 21, 22):
        return {20: False, 21: True, 22: None}[value], pos
    raise ValueError(f"unsupported CBOR item (major type {major})")


def _encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise ValueError("integer too large")


def _encode(item: Any, *, sort: bool) -> bytes:
    if isinstance(item, bool) or item is None:
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[item]])
    if isinstance(item, int):
        return _encode_head(0, item) if item >= 0 else _encode_head(1, -1 - item)
    if isinstance(item, bytes):
        return _encode_head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(item, _Map):
        pairs = sorted(item, key=lambda kv: _encode(kv[0], sort=sort)) if sort else list(item)
        return _encode_head(5, len(pairs)) + b"".join(_encode(k, sort=sort) + _encode(v, sort=sort) for k, v in pairs)
    if isinstance(item, list):
        if sort and item and all(isinstance(i, list) and len(i) == 2 and isinstance(i[0], str) for i in item):
            item = sorted(item, key=lambda pair: pair[0])  # Pagefind writes maps as [key, value] pairs
        return _encode_head(4, len(item)) + b"".join(_encode(i, sort=sort) for i in item)
    raise TypeError(type(item))


def _canonical(payload: bytes) -> bytes | None:
    """The payload with every map sorted, or None if it does not round-trip exactly."""
    if not payload.startswith(SIGNATURE):
        return None
    try:
        item, end = _decode(payload, len(SIGNATURE))
    except (ValueError, IndexError, UnicodeDecodeError):
        return None
    if end != len(payload) or SIGNATURE + _encode(item, sort=False) != payload:
        return None
    return SIGNATURE + _encode(item, sort=True)


def _gzip(payload: bytes) -> bytes:
    return gzip.compress(payload, compresslevel=9, mtime=0)


def _renamed(name: str, content: bytes) -> str:
    """Same name pattern (``<language>_<hash>``), new hash of the same length taken from the content."""
    old_hash = name.partition("_")[2]
    new_hash = hashlib.sha256(content).hexdigest()[: len(old_hash)]
    return name.replace(old_hash, new_hash)


def canonicalize(bundle: Path) -> int:
    """Rewrite the filter files in a Pagefind bundle in sorted order; returns how many changed."""
    renames: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        payload = gzip.decompress(path.read_bytes())
        canonical = _canonical(payload)
        if canonical is None:
            continue
        old = path.stem  # e.g. da_ada4ff5
        new = _renamed(old, canonical)
        path.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(_gzip(canonical))
        renames[old] = new
    if not renames:
        return 0
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    for meta_path in sorted(bundle.glob("pagefind.*.pf_meta")):
        payload = gzip.decompress(meta_path.read_bytes())
        for old, new in renames.items():
            payload = payload.replace(old.encode(), new.encode())  # same length: CBOR stays valid
        old_name = meta_path.name.removeprefix("pagefind.").removesuffix(".pf_meta")  # da_983271f65b
        new_name = _renamed(old_name, payload)
        meta_path.unlink()
        (bundle / f"pagefind.{new_name}.pf_meta").write_bytes(_gzip(payload))
        entry = entry.replace(f'"{old_name}"', f'"{new_name}"')
    entry_path.write_text(entry, encoding="utf-8")
    return len(renames)
