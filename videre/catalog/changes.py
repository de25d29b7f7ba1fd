"""Recent changes: what was changed or confirmed lately, newest first.

In a git checkout each record's date is its last commit (with the commit
subject). Outside git, or for a file git does not know yet, the record's own
``sidst_bekræftet`` date is used; an example has none, so outside git it is
left out rather than given a date that looks like a confirmation. Git is asked once, with a bounded log and a
timeout; any failure falls back to the record dates. The same input always
gives the same list.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..core.model import confirmed
from .catalog import Catalog
from .freshness import dated_records
from .ownership import data_path, data_root

MAX_COMMITS = 2000
TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Change:
    date: dt.date
    path: str
    """The record's file, e.g. ``data/offers/esbjerg/x.yaml``."""
    kind: str
    title: str
    url: str
    what: str
    """The commit subject, or 'Bekræftet af <enhed>' when the date comes from the record."""
    from_git: bool
    example: bool = False
    """The record is an example: the page marks it, and its change is never a confirmation."""


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_history(data_dir: Path, *, max_commits: int = MAX_COMMITS) -> dict[str, tuple[dt.date, str]]:
    """The newest commit (date, subject) for each file below ``data_dir``, keyed ``data/<path>``.

    Empty when ``data_dir`` is not in a git checkout or git fails in any way.
    """
    data_dir = data_dir.resolve()
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if not top:
        return {}
    log = _git(["log", f"--max-count={max_commits}", "--format=%x1e%cs%x1f%s", "--name-only", "--", "."], data_dir)
    if log is None:
        return {}
    root = Path(top.strip()).resolve()
    history: dict[str, tuple[dt.date, str]] = {}
    for entry in log.split("\x1e")[1:]:
        header, _, names = entry.partition("\n")
        day, _, subject = header.partition("\x1f")
        try:
            date = dt.date.fromisoformat(day.strip())
        except ValueError:
            continue
        for name in names.splitlines():
            if not name.strip():
                continue
            try:
                relative = (root / name.strip()).relative_to(data_dir).as_posix()
            except ValueError:
                continue
            history.setdefault(f"data/{relative}", (date, subject.strip()))
    return history


def recent_changes(
    catalog: Catalog, *, limit: int = 60, history: dict[str, tuple[dt.date, str]] | None = None
) -> list[Change]:
    """The newest ``limit`` changes to records, newest first (ties by file path)."""
    found = list(dated_records(catalog))
    if history is None:
        root = data_root(found[0][1].file) if found else None
        history = git_history(root) if root is not None else {}
    changes = []
    for kind, record, title, url in found:
        path = data_path(record.file)
        example = bool(getattr(record, "example", False))
        if path in history:
            date, subject = history[path]
            changes.append(Change(date, path, kind, title, url, subject, True, example))
        elif (checked := confirmed(record)) is not None:
            changes.append(Change(checked.date, path, kind, title, url, f"Bekræftet af {checked.by}", False))
    changes.sort(key=lambda c: (-c.date.toordinal(), c.path))
    return changes[:limit]
