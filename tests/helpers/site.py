"""The real project and its builds: where things are, a strict build, a data tree to build from."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
EPOCH = "1790000000"  # a fixed SOURCE_DATE_EPOCH, as `make build` takes it from the last commit


def build_site(
    out: Path,
    *,
    data: Path = DATA,
    env: dict[str, str] | None = None,
    config: Path = ROOT / "mkdocs.yml",
    engine: str = "mkdocs",
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` the way `make build` does (or the same with ProperDocs)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIDERE_DATA": str(data), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(out)],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """A data tree with the real municipality register plus the given files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "kommuner.yaml", root / "kommuner.yaml")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def shared_build(tmp_path_factory, name: str, env: dict[str, str] | None = None) -> Path:
    """A strict build of the real data, made once per test run however many pytest-xdist workers need it:
    the first builds it while the others wait at a lock in the folder the workers of one run share.
    ``name`` must say everything that differs in ``env``; a failed build is tried again by the next worker."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    out = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / f"{name}.bygget"
        if not done.exists():
            result = build_site(out, env=env)
            assert result.returncode == 0, f"mkdocs build --strict fejlede:\n{result.stdout}\n{result.stderr}"
            done.touch()
    return out


def dated_build(tmp_path_factory, day) -> Path:
    """The real site as built on ``day``, with a fixed SOURCE_DATE_EPOCH; shared by the tests and workers of a run."""
    return shared_build(
        tmp_path_factory, f"site-{day.isoformat()}", env={"VIDERE_TODAY": day.isoformat(), "SOURCE_DATE_EPOCH": EPOCH}
    )
