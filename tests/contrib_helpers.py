"""Helpers for the contribution tests: a project-shaped temp tree and the `videre` command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DATA, ROOT, write_tree

PROBLEM_LINE = re.compile(r"(\S+:\d+:\d+: (?:fejl|advarsel) \[[^\]]+\]: .*)")


def project(tmp_path: Path, files: dict[str, str] | None = None, *, real_data: bool = False) -> Path:
    """``tmp/data`` next to a copy of ``docs/``, as in the repository; returns the data folder.

    With ``real_data`` the data tree is a copy of data/; otherwise the register plus ``files``.
    """
    data = tmp_path / "data"
    if real_data:
        shutil.copytree(DATA, data)
        for name, text in (files or {}).items():
            (data / name).parent.mkdir(parents=True, exist_ok=True)
            (data / name).write_text(text, encoding="utf-8")
    else:
        write_tree(data, files or {})
    shutil.copytree(ROOT / "docs", tmp_path / "docs")  # the schemas, and the pages records may link to
    return data


def videre(*args: str, cwd: Path = ROOT, data: Path | None = None,
           dato: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line, never on a terminal (so it never asks questions)."""
    command = [sys.executable, "-m", "videre.cli", "--mkdocs", str(ROOT / "mkdocs.yml")]
    if data is not None:
        command += ["--data", str(data)]
    if dato is not None:
        command += ["--dato", dato]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def problem_lines(text: str) -> list[str]:
    """The 'file:line:col: level [rule]: message' lines of a report, wherever they stand in a log."""
    return [match.group(1) for match in PROBLEM_LINE.finditer(text)]
