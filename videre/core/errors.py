"""Problems found in records, and how they are shown to contributors.

A problem is data: where it is, which field, which rule, a Danish message and
exactly one hint. Rendering is separate, so the command line, the MkDocs build
and ``--json`` all show the same list. Rule ids are stable: tests and the
contributing guide cite them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ERROR = "fejl"
WARNING = "advarsel"


@dataclass(frozen=True, order=True)
class Problem:
    file: Path
    line: int
    column: int
    field: str
    rule: str
    message: str
    hint: str
    level: str = ERROR

    def location(self, root: Path | None = None) -> str:
        return f"{display_path(self.file, root)}:{self.line}:{self.column}"

    def to_json(self, root: Path | None = None) -> dict[str, object]:
        data = asdict(self)
        data["file"] = display_path(self.file, root)
        return {
            "fil": data["file"],
            "linje": self.line,
            "kolonne": self.column,
            "felt": self.field,
            "regel": self.rule,
            "besked": self.message,
            "hint": self.hint,
            "niveau": self.level,
        }


def display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside root, or a symlink loop
            pass
    return path.as_posix()


def sort_key(problem: Problem) -> tuple:
    # Missing fields first within a record: they explain most of what follows.
    return (problem.file.as_posix(), problem.line, problem.rule != "mangler-felt", problem.column, problem.field)


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


def render_one(problem: Problem, root: Path | None = None, source: Sequence[str] | None = None) -> str:
    lines = [f"{problem.location(root)}: {problem.level} [{problem.rule}]: {problem.message}"]
    if source and 0 < problem.line <= len(source):
        text = source[problem.line - 1].replace("\t", " ")
        number = str(problem.line)
        lines.append(f"  {number} | {text}")
        width = max(1, len(text.rstrip()) - (problem.column - 1)) if text.strip() else 1
        width = min(width, 40)
        lines.append(f"  {' ' * len(number)} | {' ' * (problem.column - 1)}^{'~' * (width - 1)}")
    lines.append(f"  Hint: {problem.hint}")
    return "\n".join(lines)


def render_text(
    problems: Sequence[Problem], root: Path | None = None, sources: dict[Path, Sequence[str]] | None = None
) -> str:
    """The whole report, sorted by file and line, ending with a count."""
    ordered = sorted(problems, key=sort_key)
    blocks = [render_one(p, root, (sources or {}).get(p.file)) for p in ordered]
    errors = len(errors_only(ordered))
    warnings = len(ordered) - errors
    files = len({p.file for p in ordered})
    summary = f"{errors} fejl og {warnings} {'advarsel' if warnings == 1 else 'advarsler'} i {files} {'fil' if files == 1 else 'filer'}."
    return "\n\n".join([*blocks, summary]) if blocks else "Ingen fejl."


def render_json(problems: Sequence[Problem], root: Path | None = None) -> str:
    ordered = sorted(problems, key=sort_key)
    return json.dumps(
        {
            "fejl": [p.to_json(root) for p in ordered],
            "antal_fejl": len(errors_only(ordered)),
            "antal_advarsler": len(ordered) - len(errors_only(ordered)),
        },
        ensure_ascii=False,
        indent=2,
    )
