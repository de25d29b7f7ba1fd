"""How ``make test`` spreads the tests over pytest-xdist workers: one by one, except files with shared fixtures."""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

WIDE_SCOPES = {"module", "class", "package", "session"}


@lru_cache(maxsize=None)
def defines_wide_fixture(path: Path) -> bool:
    """Whether the test file defines a fixture that lives longer than one test (``@pytest.fixture(scope=...)``)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return True  # unreadable here: keep the file whole, as --dist loadfile would
    for node in ast.walk(tree):
        for decorator in getattr(node, "decorator_list", ()):
            if isinstance(decorator, ast.Call) and getattr(decorator.func, "attr", None) == "fixture":
                for keyword in decorator.keywords:
                    if keyword.arg == "scope" and getattr(keyword.value, "value", None) in WIDE_SCOPES:
                        return True
    return False


class FileOrTestScheduling(LoadScopeScheduling):
    """Each test is its own unit of work, except in a file with a wide fixture, which is one unit.

    Units go out biggest first (xdist sorts them by size), so the long files start early and the single
    tests fill in around them."""

    def _split_scope(self, nodeid: str) -> str:
        path = nodeid.split("::", 1)[0]
        return path if defines_wide_fixture(Path(self.config.rootpath) / path) else nodeid
