"""Helpers for the contribution tests: a project-shaped temp tree and the `videre` command."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers.site import DATA, ROOT, write_tree
from videre.cli import commands as cli

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


def videre(
    *args: str, cwd: Path = ROOT, data: Path | None = None, dato: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in this process, never on a terminal (so it never asks questions).

    In-process saves a Python start-up and the imports per call; the exit code and both streams are
    exactly what a shell would see, a ``SystemExit`` message included.
    """
    argv = ["--mkdocs", str(ROOT / "mkdocs.yml")]
    if data is not None:
        argv += ["--data", str(data)]
    if dato is not None:
        argv += ["--dato", dato]
    argv += list(args)
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    stdin, sys.stdin = sys.stdin, io.StringIO("")
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
                if isinstance(exit_.code, str):
                    err.write(exit_.code + "\n")
    finally:
        sys.stdin = stdin
        os.chdir(here)
    return subprocess.CompletedProcess(["videre", *argv], code, out.getvalue(), err.getvalue())


def problem_lines(text: str) -> list[str]:
    """The 'file:line:col: level [rule]: message' lines of a report, wherever they stand in a log."""
    return [match.group(1) for match in PROBLEM_LINE.finditer(text)]
