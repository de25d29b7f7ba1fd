"""The real project and its builds: where things are, a strict build, a data tree to build from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def build_site(out: Path, *, data: Path = DATA, env: dict[str, str] | None = None,
               config: Path = ROOT / "mkdocs.yml", engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` the way `make build` does (or the same with ProperDocs)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIDERE_DATA": str(data), **(env or {})}
    return subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(out)],
                          cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=600)


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """A data tree with the real municipality register plus the given files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "kommuner.yaml", root / "kommuner.yaml")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
