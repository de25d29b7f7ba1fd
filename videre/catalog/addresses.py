"""The site's public addresses: the list of every address that has been public, and the redirect checks.

Which addresses the records make, whether each redirect's target exists on its
first day, and that no published address is lost (rule 'mangler-omdirigering').
The redirect record itself is :mod:`videre.kinds.redirects`; these checks need the
whole catalog, so they live here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..core import urls
from ..core.errors import Problem
from ..core.validate import closest
from ..core.yamlsource import Document
from ..kinds.redirects import PUBLISHED_FILE, RECORD_PREFIXES, REDIRECTS_FILE, Redirect
from ..kinds.register import Register
from .catalog import Catalog


def redirects(catalog: Catalog) -> tuple[Redirect, ...]:
    return tuple(item for record in catalog.redirects for item in record.items)


def active_redirects(catalog: Catalog) -> tuple[Redirect, ...]:
    """The redirects that work on the build date (the date of the catalog's register)."""
    return tuple(item for item in redirects(catalog) if item.active(catalog.register.day))


def region_paths(register: Register, day: dt.date | None) -> set[str]:
    """The addresses of the region pages on a day."""
    return {
        urls.region_page(r.slug)
        for r in register.all_regions or register.regions
        if day is None or r.valid.contains(day)
    }


# ---------------------------------------------------------------- the list of public addresses


def record_paths(catalog: Catalog) -> set[str]:
    """Every address made from a record: municipalities, offers, partners."""
    paths = {urls.municipality_page(m.slug) for m in catalog.register.municipalities}
    paths.update(o.url for o in catalog.all_offers())
    paths.update(p.url for p in catalog.partners)
    return paths


def address_list_text(catalog: Catalog) -> str:
    """The content of data/publicerede.txt: every record address, and every old address that redirects."""
    header = (
        "# Adresser på Videre, som links og QR-koder kan pege på. Skrevet af 'videre adresser --skriv'.\n"
        "# Forsvinder en adresse, skal den have en omdirigering i data/redirects.yaml.\n"
    )
    paths = record_paths(catalog) | {item.source for item in redirects(catalog)}
    return header + "".join(f"{path}\n" for path in sorted(paths))


def read_address_list(file: Path) -> list[tuple[int, str]]:
    """(line number, address) for each address in the published list; empty when the file is missing."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def check_catalog(
    catalog: Catalog,
    data_dir: Path,
    sources: dict[Path, Sequence[str]],
    register_document: Document | None = None,
    documents: Mapping[Path, Document] | None = None,
) -> list[Problem]:
    """Whole-catalog checks: redirect targets exist, and no published address is lost.

    The parsed files give the lines: ``register_document`` (kommuner.yaml) for a region that needs a
    redirect, ``documents`` (by path) for a redirect's fields."""
    problems: list[Problem] = []
    register = catalog.register
    current = record_paths(catalog) | region_paths(register, register.day)
    moved = {item.source: item for item in redirects(catalog)}
    for record in catalog.redirects:
        for index, item in enumerate(record.items):
            if item.active(register.day) and item.source in current:
                line, column = _where(documents, record.file, ("omdirigeringer", index, "fra"))
                problems.append(
                    Problem(
                        record.file,
                        line,
                        column,
                        f"omdirigeringer[{index}].fra",
                        "omdirigering-konflikt",
                        f"'{item.source}' er stadig en side, så den kan ikke omdirigeres",
                        "slet omdirigeringen, eller omdøb posten først",
                    )
                )
            # A redirect that starts later must point at a page that exists on its first day.
            target_day = item.start if not item.active(register.day) else register.day
            targets = (
                current if target_day == register.day else (record_paths(catalog) | region_paths(register, target_day))
            )
            if item.target.startswith((*RECORD_PREFIXES, "regioner/")) and item.target not in targets:
                line, column = _where(documents, record.file, ("omdirigeringer", index, "til"))
                guess = _sibling(item.target, targets)
                problems.append(
                    Problem(
                        record.file,
                        line,
                        column,
                        f"omdirigeringer[{index}].til",
                        "ukendt-reference",
                        f"'{item.target}' er ikke en side på Videre"
                        + (f" den {target_day}" if not item.active(register.day) else ""),
                        f"mente du '{guess}'?" if guess else "skriv adressen på den side, der findes nu",
                    )
                )
    problems += _ended_regions(register, moved, data_dir, register_document)
    published_file = data_dir / PUBLISHED_FILE
    published = read_address_list(published_file)
    new = sorted(current - {path for _, path in published})
    for line, path in published:
        if path in current or path in moved:
            continue
        candidates = [p for p in new if p.rsplit("/", 2)[0] == path.rsplit("/", 2)[0]]
        target = candidates[0] if len(candidates) == 1 else "<den nye adresse>"
        problems.append(
            Problem(
                published_file,
                line,
                1,
                "",
                "mangler-omdirigering",
                f"adressen '{path}' er offentliggjort, men ingen post har den længere",
                f"tilføj i data/{REDIRECTS_FILE}: '- {{fra: {path}, til: {target}}}'. "
                f"Har adressen aldrig været offentlig, så kør 'videre adresser --skriv'",
            )
        )
    for file in {p.file for p in problems} - set(sources):
        sources[file] = file.read_text(encoding="utf-8").splitlines()
    return problems


def _ended_regions(
    register: Register, moved: Mapping[str, Redirect], data_dir: Path, document: Document | None
) -> list[Problem]:
    """A region that has ended needs a redirect from its page, so printed links and QR codes keep working.

    Checked from the region's first day gone, in a data tree that keeps redirects (data/redirects.yaml):
    partial trees (tests, examples) have none.
    """
    problems: list[Problem] = []
    file = data_dir / "kommuner.yaml"
    if not (data_dir / REDIRECTS_FILE).is_file():
        return problems
    for region in register.all_regions:
        if region.valid.end is None or register.day is None or register.day <= region.valid.end:
            continue
        path, first_day = urls.region_page(region.slug), region.valid.end + dt.timedelta(days=1)
        item = moved.get(path)
        if item is not None and item.start is not None and item.start <= first_day:
            continue
        successor = next(iter({m.region_on(first_day) for m in register.area(region.slug)}), "") or "<ny-region>"
        line, column = _region_position(document, region.slug)
        problems.append(
            Problem(
                file,
                line,
                column,
                "",
                "mangler-omdirigering",
                f"regionen '{region.name}' slutter {region.valid.end}, men adressen '{path}' har "
                f"ingen omdirigering fra {first_day}",
                f"tilføj i data/{REDIRECTS_FILE}: '- {{fra: {path}, til: {urls.region_page(successor)}, "
                f'gælder_fra: "{first_day}"}}\'',
            )
        )
    return problems


def _where(documents: Mapping[Path, Document] | None, file: Path, at: tuple[object, ...]) -> tuple[int, int]:
    document = (documents or {}).get(file)
    return document.where(at) if document is not None else (1, 1)


def _region_position(document: Document | None, slug: str) -> tuple[int, int]:
    """Where the register names a region's slug (the key 'slug:'), from the parsed file's positions."""
    regions = document.data.get("regioner", []) if document is not None and isinstance(document.data, dict) else []
    for index, region in enumerate(regions):
        if isinstance(region, dict) and region.get("slug") == slug:
            return document.key_position(("regioner", index, "slug"))  # type: ignore[union-attr]
    return 1, 1


def _sibling(target: str, current: set[str]) -> str | None:
    return closest(target, sorted(current))
