"""What a kind's builder and checker may know besides the record itself.

Its own module, below the registry, so that the kind modules and the registry
that lists them do not import each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .register import Register


@dataclass(frozen=True)
class Context:
    """What a builder may know besides the record itself."""

    register: Register
    data_dir: Path
    today: dt.date
    review_months: int | None = None
    """The review period; when set, records past it get a 'forældet' warning."""
    schema_line: bool = False
    """Check each file's '# yaml-language-server: $schema=' line (only where docs/schemas sits next to data/)."""
