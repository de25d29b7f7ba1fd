"""JSON for the published data files: one record per line.

``json.dumps(..., indent=1)`` runs in pure Python (CPython 3.11's C encoder only
writes JSON without indentation). For the national data set (~5,000 offers in
offers.json and the HSDS files) that cost seconds per build. Here every record
is encoded by the C encoder and written on its own line, so the data is the
same, the files are smaller, and a diff between two builds still shows which
records changed.
"""

from __future__ import annotations

import json
from typing import Any


def _one(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _lines(value: Any) -> str:
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(_one(item) for item in value) + "\n]"
    return _one(value)


def dumps(value: Any) -> str:
    """A list: one item per line. An object: one key per line, and a list under a key one item per line."""
    if isinstance(value, dict) and value:
        return "{\n" + ",\n".join(f"{_one(key)}: {_lines(item)}" for key, item in value.items()) + "\n}\n"
    return _lines(value) + "\n"
