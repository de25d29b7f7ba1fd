"""Compiled Jinja templates kept between builds.

A build starts a fresh Python process, and compiling the theme's and Videre's
templates cost about 0.4 s of every real-data build (the budget is 3 s).
Jinja's bytecode cache stores each compiled template keyed by its name and a
checksum of its source, so an edited template is compiled again by itself. The
cache lives where Jinja puts it by default: a directory in the system's temp
folder that only the current user may read or write (Jinja checks both).
"""

from __future__ import annotations

from functools import lru_cache

import jinja2


@lru_cache(maxsize=1)
def shared() -> jinja2.BytecodeCache | None:
    """The user's bytecode cache, or None where no private temp directory can be made (then: compile)."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None
