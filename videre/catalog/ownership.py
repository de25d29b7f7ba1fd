"""Who keeps which file: each municipality its own folder, the editorial team the rest.

The municipality register (``data/kommuner.yaml``) names each municipality's
team on the forge. From it come the CODEOWNERS file (who must review a pull
request) and the owner column of the review list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..kinds.register import Register
from ..kinds.registry import REGISTER_FILE

EDITORIAL_TEAM = "@videre-dk/redaktion"
"""The editorial team: reviews every change and owns everything no municipality owns."""
EDITORIAL_NAME = "Redaktionen"

CODEOWNERS_PATH = ".github/CODEOWNERS"


@lru_cache(maxsize=4096)
def _root_above(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / REGISTER_FILE).is_file():
            return candidate
    return None


def data_root(file: Path) -> Path | None:
    """The data tree a record file belongs to: the nearest folder above it with kommuner.yaml."""
    return _root_above(file.resolve().parent)


@lru_cache(maxsize=65536)
def data_path(file: Path) -> str:
    """A record file as the contributor sees it in the repository: ``data/offers/esbjerg/x.yaml``."""
    root = data_root(file)
    if root is None:
        return file.as_posix()
    return "data/" + file.resolve().relative_to(root).as_posix()


def municipality_of(path: str) -> str:
    """The municipality slug that owns a data path, or '' for editorial files."""
    parts = path.split("/")
    if len(parts) == 4 and parts[:2] == ["data", "offers"]:
        return parts[2]
    if len(parts) == 4 and parts[:3] == ["data", "contacts", "kommuner"]:
        return parts[3].removesuffix(".yaml")
    return ""


def owner_of(path: str, register: Register) -> tuple[str, str]:
    """(owner name, forge team) for a data path."""
    slug = municipality_of(path)
    known = {m.slug: m for m in register.municipalities}
    if slug in known:
        return f"{known[slug].name} Kommune", known[slug].team
    return EDITORIAL_NAME, EDITORIAL_TEAM


def codeowners(register: Register) -> str:
    """The CODEOWNERS file: the last matching line wins, so the catch-all comes first."""
    lines = [
        "# Genereret af 'videre codeowners' ud fra data/kommuner.yaml. Ret ikke i hånden.",
        "# Hver kommunes hold ejer kommunens tilbud og kontakter; redaktionen gennemser alt.",
        "",
        f"*  {EDITORIAL_TEAM}",
        "",
    ]
    width = max((len(f"/data/contacts/kommuner/{m.slug}.yaml") for m in register.municipalities), default=0)
    for m in sorted(register.municipalities, key=lambda m: m.slug):
        for pattern in (f"/data/offers/{m.slug}/", f"/data/contacts/kommuner/{m.slug}.yaml"):
            lines.append(f"{pattern.ljust(width)}  {m.team} {EDITORIAL_TEAM}")
    return "\n".join(lines) + "\n"
