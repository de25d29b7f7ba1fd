"""The first line of every data file: which JSON Schema the editor should use.

    # yaml-language-server: $schema=../../../docs/schemas/tilbud.schema.json

Editors with the YAML language server (VS Code, many others) then check the
fields and suggest values while the contributor types. The path is relative
to the file, into ``docs/schemas/`` next to ``data/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .errors import WARNING, Problem

PREFIX = "# yaml-language-server: $schema="
SCHEMA_DIR = "docs/schemas"
RULE = "mangler-skemalinje"


def schema_target(kind: str, relative: Sequence[str]) -> str:
    """The schema path for a file at ``relative`` (parts below data/), seen from the file's folder."""
    return "../" * len(relative) + f"{SCHEMA_DIR}/{kind}.schema.json"


def schema_line(kind: str, relative: Sequence[str]) -> str:
    return PREFIX + schema_target(kind, relative)


def applies(data_dir: Path) -> bool:
    """The line can only work where the data tree sits next to docs/schemas, as in the repository."""
    return (data_dir.parent / SCHEMA_DIR).is_dir()


def check(path: Path, lines: Sequence[str], kind: str, relative: Sequence[str]) -> list[Problem]:
    """A warning when the file lacks the line, or when it points to another schema."""
    want = schema_line(kind, relative)
    first = lines[0].strip() if lines else ""
    if first == want:
        return []
    if first.startswith(PREFIX):
        return [
            Problem(
                path,
                1,
                len(PREFIX) + 1,
                "",
                RULE,
                f"skemalinjen peger på '{first.removeprefix(PREFIX)}', men filen skal bruge skemaet '{kind}'",
                f"ret linjen til '{want}'",
                level=WARNING,
            )
        ]
    return [
        Problem(
            path,
            1,
            1,
            "",
            RULE,
            "filen mangler skemalinjen øverst, som lader din editor tjekke felterne",
            f"indsæt som første linje: '{want}'",
            level=WARNING,
        )
    ]
