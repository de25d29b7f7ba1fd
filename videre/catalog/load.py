"""Load every record below ``data/``: find, parse, validate, build, cross-check.

All problems from all files are collected in one run. A file with errors is
left out of the catalog, but the run goes on, so a contributor sees every
problem at once. Nothing here prints or exits: callers render the problems.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import clock, parallel, schemaline
from ..core import schema as S
from ..core.errors import ERROR, Problem, errors_only
from ..core.validate import Validator, closest, cpr_like, fold
from ..core.yamlsource import Document, load
from ..kinds import redirects
from ..kinds.context import Context
from ..kinds.register import Register, build_register, register_schema
from ..kinds.register import empty as empty_register
from ..kinds.registry import KINDS, REGISTER_FILE, Kind
from . import addresses, freshness
from .catalog import Catalog

_SLUG = re.compile(S.SLUG_PATTERN)
IGNORED_NAMES = {"README.md", ".gitkeep", redirects.PUBLISHED_FILE}


@dataclass
class LoadResult:
    catalog: Catalog
    problems: list[Problem]
    sources: dict[Path, Sequence[str]] = field(default_factory=dict)
    """Source lines of files with problems, so reports can quote the line."""

    @property
    def errors(self) -> list[Problem]:
        return errors_only(self.problems)


def register_view(register: Register) -> S.RegisterView:
    return S.RegisterView([r.slug for r in register.all_regions or register.regions], register.slugs)


def load_register(path: Path, today: dt.date) -> tuple[Register, list[Problem], Document | None]:
    """The register as in force on ``today`` (see :mod:`videre.kinds.register`)."""
    document, problems = load(path)
    if document is None:
        return empty_register(), problems, None
    problems += Validator(register_schema(), today).problems(document)
    if errors_only(problems):
        return empty_register(), problems, document
    register, found = build_register(document, today)
    return register, problems + found, document


def _path_problems(relative: tuple[str, ...], file: Path, known: list[str]) -> list[Problem]:
    """Folder and file names must be plain slugs: no look-alikes, spaces or traversal."""
    problems: list[Problem] = []
    for index, part in enumerate(relative):
        name = part.removesuffix(".yaml") if index == len(relative) - 1 else part
        if not _SLUG.match(name):
            suggestion = re.sub(r"[^a-z0-9-]+", "-", fold(name)).strip("-") or "tilbud"
            suggestion = closest(suggestion, known) or suggestion if index < len(relative) - 1 else suggestion
            problems.append(
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "ugyldigt-filnavn",
                    f"navnet '{part}' må kun have små bogstaver a–z, tal og bindestreg",
                    f"omdøb til '{suggestion}{'.yaml' if part.endswith('.yaml') else ''}'",
                )
            )
        elif cpr_like(name):
            problems.append(
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "cpr-nummer",
                    f"navnet '{part}' ligner et CPR-nummer",
                    "giv filen et navn efter tilbuddet; adressen på siden må aldrig vise et CPR-nummer",
                )
            )
    return problems


def _symlink_problem(path: Path, data_dir: Path) -> Problem:
    """Records are plain files inside data/: a symlink could pull in any file on the machine."""
    target = Path(os.path.realpath(path))
    inside = target == data_dir or data_dir in target.parents
    where = "en anden fil i data/" if inside else "en fil uden for data/"
    return Problem(
        path,
        1,
        1,
        "",
        "symlink",
        f"'{path.name}' er en genvej (symlink) til {where}; Videre læser kun almindelige filer",
        "erstat genvejen med selve filen",
    )


def discover(data_dir: Path) -> list[Path]:
    """Every file below data_dir outside hidden folders, and every symlink (never followed; the loader
    reports them), sorted. One ``scandir`` per folder: at national scale there are 6,000 files."""
    found: list[Path] = []

    def walk(folder: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_symlink() or entry.is_file(follow_symlinks=False):
                    found.append(Path(entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    walk(entry.path)

    walk(str(data_dir))
    return sorted(found, key=lambda path: path.parts)  # the order of Path comparison, without its cost


class FileCache:
    """What reading each file gave, kept between loads of one tree (``mkdocs serve`` reloads it on every edit).

    A file is read again only when its size, modification time or inode changed, so a reload after one
    edit reads one file; the result is what a fresh load gives, problems included. Anything every file
    depends on (the register, the date, the review period) empties the cache.
    """

    def __init__(self) -> None:
        self.context: object = None
        self.files: dict[Path, tuple[tuple[int, int, int], _Loaded]] = {}

    def begin(self, context: object) -> None:
        if context != self.context:
            self.context, self.files = context, {}

    def get(self, path: Path, stamp: tuple[int, int, int] | None) -> _Loaded | None:
        found = self.files.get(path)
        return found[1] if found is not None and stamp is not None and found[0] == stamp else None


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def load_catalog(
    data_dir: Path,
    *,
    today: dt.date | None = None,
    only: Sequence[Path] | None = None,
    review_months: int | None = None,
    cache: FileCache | None = None,
) -> LoadResult:
    """Load the whole data tree. ``only`` limits validation to some files (the register is always read).

    With ``review_months``, records not confirmed within that period get a 'forældet' warning.
    With a ``cache``, files unchanged since the last load with that cache are not read again.
    """
    today = today or clock.today()
    data_dir = data_dir.resolve()
    register_stamp = _stamp(data_dir / REGISTER_FILE)  # before reading: a later edit is seen next time
    register, problems, register_doc = load_register(data_dir / REGISTER_FILE, today)
    schema_line = schemaline.applies(data_dir)
    if register_doc is not None and schema_line:
        problems += schemaline.check(register_doc.path, register_doc.lines, "kommuner", (REGISTER_FILE,))
    sources: dict[Path, Sequence[str]] = {}
    if register_doc is not None and problems:
        sources[register_doc.path] = register_doc.lines
    ctx = Context(register, data_dir, today, review_months, schema_line)
    view = register_view(register)
    validators = {kind.name: Validator(kind.schema(view), today) for kind in KINDS}
    collected: dict[str, list[Any]] = {kind.name: [] for kind in KINDS}
    wanted = {p.resolve() for p in only} if only is not None else None

    depth = len(data_dir.parts)
    paths = [
        path
        for path in discover(data_dir)
        if path.parts[depth:] != (REGISTER_FILE,)
        and path.name not in IGNORED_NAMES
        and (wanted is None or path in wanted)
    ]

    def load_path(path: Path) -> _Loaded:
        return _load_one(path, path.parts[depth:], ctx, validators)

    with gc_paused():
        if cache is None:
            loaded = parallel.ordered_map(load_path, paths)
        else:
            loaded = _load_cached(paths, load_path, cache, (register_stamp, today, review_months, schema_line))
        documents: dict[Path, Document] = {}
        for path, (file_problems, kind_name, record, lines, kept) in zip(paths, loaded):
            problems += file_problems
            if kept is not None:
                documents[path] = kept
            if record is not None:
                collected[kind_name].append(record)
            if lines is not None:
                sources[path] = lines

        catalog = _catalog(register, collected)
        problems += _collisions(catalog)
        if only is None:
            problems += addresses.check_catalog(catalog, data_dir, sources, register_doc, documents)
    return LoadResult(catalog, problems, sources)


_Loaded = tuple[list[Problem], str, Any, Sequence[str] | None, Document | None]
"""What loading one file gives: its problems, its kind, the record (None when it has errors),
the file's lines when there are problems to show them with, and the parsed document when the
whole-catalog checks need its positions (:attr:`Kind.keeps_document`)."""


def _load_cached(paths: list[Path], load_path: Any, cache: FileCache, context: object) -> list[_Loaded]:
    cache.begin(context)
    stamps = [_stamp(path) for path in paths]  # before reading, as for the register
    found = [cache.get(path, stamp) for path, stamp in zip(paths, stamps)]
    missing = [index for index, hit in enumerate(found) if hit is None]
    fresh = parallel.ordered_map(load_path, [paths[index] for index in missing])
    for index, result in zip(missing, fresh):
        found[index] = result
    cache.files = {
        path: (stamp, result)
        for path, stamp, result in zip(paths, stamps, found)  # type: ignore[misc]
        if stamp is not None
    }
    return found  # type: ignore[return-value]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are read and checked against each other.

    Reading allocates hundreds of thousands of small, acyclic objects (YAML nodes, values,
    positions), and every few hundred allocations the collector would walk them all again:
    at national scale that doubled the time to read the files. The checks across the catalog
    come after every record is in memory, where one full collection walks them all: at 4× that
    made them 0.5–0.9 s instead of 0.06 s. Reference counting still frees everything; the
    collector resumes its normal schedule afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_one(path: Path, relative: tuple[str, ...], ctx: Context, validators: dict[str, Validator]) -> _Loaded:
    """Read, validate and build one file. Pure: it may run in a worker process (videre.core.parallel)."""
    if path.is_symlink():
        return [_symlink_problem(path, ctx.data_dir)], "", None, None, None
    if path.suffix == ".yml":
        return (
            [
                Problem(
                    path,
                    1,
                    1,
                    "",
                    "ugyldigt-filnavn",
                    "filendelsen skal være '.yaml', ikke '.yml'",
                    f"omdøb filen til '{path.stem}.yaml'",
                )
            ],
            "",
            None,
            None,
            None,
        )
    if path.suffix != ".yaml":
        return (
            [
                Problem(
                    path,
                    1,
                    1,
                    "",
                    "ukendt-placering",
                    f"filen '{path.name}' er ikke en YAML-post",
                    "flyt eller slet filen; kun .yaml-filer hører til i data/",
                    level=ERROR,
                )
            ],
            "",
            None,
            None,
            None,
        )
    problems = _path_problems(relative, path, ctx.register.slugs)
    kind = _kind_for(relative)
    if kind is None:
        problems.append(
            Problem(
                path,
                1,
                1,
                "",
                "ukendt-placering",
                f"filen ligger i '{'/'.join(relative[:-1]) or 'data'}', hvor den ikke bliver brugt",
                "læg tilbud i data/offers/<kommune>/ og kontakter i data/contacts/kommuner/",
            )
        )
        return problems, "", None, None, None
    if problems:
        return problems, kind.name, None, None, None
    document, problems = load(path)
    if document is None:
        return problems, kind.name, None, _raw_lines(path) if problems else None, None
    record = None
    problems += validators[kind.name].problems(document)
    if ctx.schema_line:
        problems += schemaline.check(path, document.lines, kind.name, relative)
    if not errors_only(problems):
        built = kind.build(document.data, path, kind.match(relative) or (), ctx)
        if kind.check is not None:
            problems += list(kind.check(built, document, ctx))
        if not errors_only(problems):
            record = built
            problems += freshness.stale_problems(document, ctx.today, ctx.review_months)
    kept = document if kind.keeps_document and record is not None else None
    return problems, kind.name, record, document.lines if problems else None, kept


def _raw_lines(path: Path) -> Sequence[str] | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None


def _kind_for(relative: tuple[str, ...]) -> Kind | None:
    return next((kind for kind in KINDS if kind.match(relative) is not None), None)


def _catalog(register: Register, collected: dict[str, list[Any]]) -> Catalog:
    fields: dict[str, Any] = {}
    for kind in KINDS:
        records = collected[kind.name]
        if kind.collection == "contacts":
            fields["contacts"] = {r.municipality: r for r in records}
        else:
            fields[kind.collection] = tuple(records)
    return Catalog(register=register, **fields)


def _collisions(catalog: Catalog) -> list[Problem]:
    """Two records may never claim the same address on the site."""
    problems: list[Problem] = []
    municipalities = {m.slug for m in catalog.register.municipalities}
    for partner in catalog.partners:
        if partner.slug in municipalities:
            problems.append(
                Problem(
                    partner.file,
                    1,
                    1,
                    "",
                    "dublet-id",
                    f"foreningen hedder '{partner.slug}' ligesom en kommune",
                    f"omdøb filen, fx til '{partner.slug}-forening.yaml'",
                )
            )
    seen: dict[str, Path] = {}
    for offer in catalog.all_offers():
        key = offer.id.casefold()
        if key in seen:
            problems.append(
                Problem(
                    offer.file,
                    1,
                    1,
                    "",
                    "dublet-id",
                    f"tilbuddet '{offer.id}' findes også i {seen[key].as_posix()}",
                    "giv det ene tilbud et andet filnavn",
                )
            )
        seen[key] = offer.file
    titles: dict[tuple[str, str], Path] = {}
    for offer in catalog.all_offers():
        key = (offer.owner, " ".join(offer.title.casefold().split()))
        if key in titles:
            problems.append(
                Problem(
                    offer.file,
                    1,
                    1,
                    "titel",
                    "mulig-dublet",
                    f"'{offer.owner}' har allerede et tilbud med titlen '{offer.title}' ({titles[key].name})",
                    "slå de to filer sammen, eller giv dem hver sin titel",
                    level="advarsel",
                )
            )
        titles[key] = offer.file
    return problems
