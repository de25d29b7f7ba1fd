"""What is installed is what uv.lock says, so a build next year uses the versions tested today."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from tests.helpers.site import ROOT


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_installed_distribution_is_the_locked_version() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    locked = {_normal(package["name"]): package["version"] for package in lock["package"]}
    installed = {_normal(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}
    installed.pop("videre")  # the project itself, installed editable from this checkout
    assert {name: version for name, version in installed.items() if locked.get(name) != version} == {}
    for pinned in ("mkdocs", "mkdocs-material", "pyyaml", "properdocs"):
        assert pinned in installed, pinned


def test_mkdocs_and_material_are_pinned_exactly_and_mkdocs_stays_below_2() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {re.split(r"[=<>!~ ]", spec, maxsplit=1)[0]: spec for spec in project["dependencies"]}
    assert re.fullmatch(r"mkdocs==1\.[0-9.]+", pins["mkdocs"]), pins["mkdocs"]
    assert re.fullmatch(r"mkdocs-material==9\.[0-9.]+", pins["mkdocs-material"]), pins["mkdocs-material"]
