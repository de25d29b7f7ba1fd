"""Every build option declared once: its name, where it is set, its type, default and Danish help.

The options come from ``mkdocs.yml`` (``extra.videre`` and MkDocs' own ``site_url``) and from the
environment. This is the only module that reads the environment (``tests/test_layout.py`` holds the rule);
the rest of the package gets typed values from :func:`environment` and from
:meth:`videre.core.options.SiteOptions.from_mapping`. The README's table lists the same options with the same
help text (``tests/core/test_settings.py``), as Datasette holds its documentation to ``CONFIG_OPTIONS``.

A renamed option keeps its old name in :attr:`Setting.old`: the old name still works and says, in Danish,
what it is called now, as Material's ``Deprecated(moved_to=…)`` does.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("videre.settings")

EXTRA = "mkdocs.yml: extra.videre"
MKDOCS = "mkdocs.yml"
ENVIRONMENT = "miljøvariabel"
"""Where an option is set, as the README's table and the error messages write it."""


class SettingError(ValueError):
    """An option with a value it cannot have; the message names the option and says how to fix it."""


@dataclass(frozen=True)
class Type:
    """What an option's value must be: ``rule`` completes "skal være …" in the error message."""

    name: str
    rule: str
    convert: Callable[[Any], Any]
    """Takes a value from YAML or the text of an environment variable; raises ValueError or TypeError."""


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "1", "false", "0"}:
        return value.strip().lower() in {"true", "1"}
    raise ValueError(value)


def _whole(low: int, high: int | None = None) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
        if not isinstance(number, int) or isinstance(number, bool) or number < low or (high and number > high):
            raise ValueError(value)
        return number

    return convert


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _url(value: Any) -> str:
    """An absolute web address, or nothing."""
    if _text(value) and not value.startswith(("http://", "https://")):
        raise ValueError(value)
    return value


def _email(value: Any) -> str:
    if "@" not in _text(value):
        raise ValueError(value)
    return value


def _repo(value: Any) -> str:
    owner, slash, name = _text(value).partition("/")
    if not (owner and slash and name) or "/" in name:
        raise ValueError(value)
    return value


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(_text(value))


def _folder(value: Any) -> Path:
    return Path(_text(value))


def _folder_or_off(value: Any) -> Path | None:
    return None if _text(value) == "0" else Path(value)


def _default_cache(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")) / "videre"


BOOLEAN = Type("true eller false", "true eller false (eller 1 eller 0)", _boolean)
MONTHS = Type("helt tal 1–60", "et helt tal fra 1 til 60", _whole(1, 60))
COUNT = Type("helt tal fra 1", "et helt tal fra 1 og op", _whole(1))
URL = Type("URL", "en adresse, der begynder med http:// eller https://", _url)
EMAIL = Type("e-mailadresse", "en e-mailadresse med @", _email)
REPO = Type("ejer/navn", "forgens repository skrevet som 'ejer/navn'", _repo)
DATE = Type("dato", "en dato skrevet som ÅÅÅÅ-MM-DD", _date)
FOLDER = Type("mappe", "stien til en mappe", _folder)
FOLDER_OR_OFF = Type("mappe eller 0", "stien til en mappe, eller 0", _folder_or_off)


@dataclass(frozen=True)
class Setting:
    """One option: the name a user writes, where, its type, default and help; ``attribute`` is what code reads."""

    name: str
    where: str
    type: Type
    default: Any
    """The value when unset; a function of the environment when found at build time (the cache's folder)."""
    help: str
    attribute: str
    shown: str = ""
    """The default in words, when it is found at build time (today's date, the machine's cores)."""
    old: str = ""
    """The name before a rename: still read, with a message saying the new name."""

    @property
    def default_text(self) -> str:
        if self.shown:
            return self.shown
        return str(self.default).lower() if isinstance(self.default, bool) else str(self.default)

    @property
    def label(self) -> str:
        """The option as an error message names it."""
        return self.label_of(self.name)

    def label_of(self, name: str) -> str:
        if self.where == ENVIRONMENT:
            return f"miljøvariablen {name}"
        return f"extra.videre.{name} i mkdocs.yml" if self.where == EXTRA else f"{name} i mkdocs.yml"

    def convert(self, value: Any) -> Any:
        try:
            return self.type.convert(value)
        except (ValueError, TypeError):
            fix = "Ret den, eller slet variablen" if self.where == ENVIRONMENT else "Ret værdien, eller slet linjen"
            raise SettingError(
                f"{self.label} skal være {self.type.rule}, ikke {value!r}. "
                f"{fix} for at bruge standarden ({self.default_text})."
            ) from None


SHOW_EXAMPLES = Setting(
    name="vis_eksempler",
    where=EXTRA,
    type=BOOLEAN,
    default=True,
    attribute="show_examples",
    help="Vis poster markeret eksempel. Sæt false i en produktionsbygning.",
)
REVIEW_MONTHS = Setting(
    name="gennemsyn_maaneder",
    where=EXTRA,
    type=MONTHS,
    default=12,
    attribute="review_months",
    help="Hvor mange måneder der går, før en post skal bekræftes igen.",
)
EDITOR_EMAIL = Setting(
    name="redaktion_email",
    where=EXTRA,
    type=EMAIL,
    default="redaktion@videre.example.org",
    attribute="editor_email",
    help="Redaktionens adresse. 'Rapportér fejl' skriver hertil, når fejl_url ikke er sat.",
)
ISSUE_URL = Setting(
    name="fejl_url",
    where=EXTRA,
    type=URL,
    default="",
    shown="ingen",
    attribute="issue_url",
    help="Hvis sat, åbner 'Rapportér fejl' en udfyldt sag på denne adresse i stedet for en e-mail.",
)
REPO_NAME = Setting(
    name="repo",
    where=EXTRA,
    type=REPO,
    default="videre-dk/videre",
    attribute="repo",
    help="Forgens repository. Redaktionen på /redaktion/ åbner pull requests her.",
)
SITE_URL = Setting(
    name="site_url",
    where=MKDOCS,
    type=URL,
    default="https://videre.example.org/",
    attribute="site_url",
    help="Sitets offentlige adresse (MkDocs' egen indstilling). Åbne data, gennemsynslisten og redaktionen "
    "skriver hele adresser ud fra den.",
)
SHOW_EXAMPLES_ENV = Setting(
    name="VIDERE_VIS_EKSEMPLER",
    where=ENVIRONMENT,
    type=BOOLEAN,
    default=None,
    shown="ikke sat: vis_eksempler gælder",
    attribute="show_examples",
    help="Sætter vis_eksempler for én bygning uden at rette mkdocs.yml, fx false i produktion.",
)
TODAY = Setting(
    name="VIDERE_TODAY",
    where=ENVIRONMENT,
    type=DATE,
    default=None,
    shown="dagens dato i Danmark",
    attribute="today",
    help="Byggedatoen. Daterede fakta og 'sidst bekræftet' følger den. Til test; kommandoen videre bruger --dato.",
)
DATA = Setting(
    name="VIDERE_DATA",
    where=ENVIRONMENT,
    type=FOLDER,
    default=None,
    shown="data ved siden af mkdocs.yml",
    attribute="data",
    help="Mappen med de poster, bygningen læser.",
)
CACHE = Setting(
    name="VIDERE_CACHE",
    where=ENVIRONMENT,
    type=FOLDER_OR_OFF,
    default=_default_cache,
    attribute="cache",
    shown="$XDG_CACHE_HOME/videre, ellers ~/.cache/videre",
    help="Mappen til byggecachen (QR-koder, skaller, søgeord og søgeindeks). 0 slår cachen fra.",
)
PROCESSES = Setting(
    name="VIDERE_PROCESSER",
    where=ENVIRONMENT,
    type=COUNT,
    default=None,
    shown="alle kerner, processen må bruge",
    attribute="processes",
    help="Hvor mange processer der læser poster og laver sider. 1 slår de ekstra processer fra.",
)
SHELLS = Setting(
    name="VIDERE_SKALSIDER",
    where=ENVIRONMENT,
    type=BOOLEAN,
    default=True,
    attribute="shells",
    help="Fyld tilbudssiderne i fælles skaller. false sender hver side gennem MkDocs (til sammenligning og "
    "som nødudgang).",
)
EDITOR_BACKEND = Setting(
    name="VIDERE_REDAKTION_LOKAL",
    where=ENVIRONMENT,
    type=URL,
    default="",
    shown="ingen: GitHub",
    attribute="editor_backend",
    help="Adressen på en lokal stand-in for GitHub, som redaktionen taler med i stedet. make redaktion sætter den.",
)

SETTINGS: tuple[Setting, ...] = (
    SHOW_EXAMPLES,
    REVIEW_MONTHS,
    EDITOR_EMAIL,
    ISSUE_URL,
    REPO_NAME,
    SITE_URL,
    SHOW_EXAMPLES_ENV,
    TODAY,
    DATA,
    CACHE,
    PROCESSES,
    SHELLS,
    EDITOR_BACKEND,
)
"""Every option, in the README's order."""


@functools.cache
def _renamed(setting: Setting) -> None:
    """Says once per process that an old name was used (the environment is read many times in a build)."""
    log.warning(
        "%s hedder nu %s. Det gamle navn virker stadig, men skriv det nye.", setting.label_of(setting.old), setting.name
    )


def site_values(
    raw: Mapping[str, Any] | None, site_url: str | None = None, declared: tuple[Setting, ...] = SETTINGS
) -> dict[str, Any]:
    """The options set under ``extra.videre`` (and ``site_url``), checked, by attribute; unknown keys fail."""
    raw = dict(raw or {})
    mine = [s for s in declared if s.where == EXTRA]
    for setting in mine:
        if setting.old and setting.old in raw:
            _renamed(setting)
            value = raw.pop(setting.old)
            raw.setdefault(setting.name, value)
    unknown = sorted(set(raw) - {s.name for s in mine})
    if unknown:
        raise SettingError(
            f"ukendt indstilling under extra.videre i mkdocs.yml: {', '.join(unknown)}. "
            f"Tilladte er {', '.join(sorted(s.name for s in mine))}; se tabellen i README.md."
        )
    values = {s.attribute: s.convert(raw[s.name]) for s in mine if s.name in raw}
    if site_url:
        address = SITE_URL.convert(site_url)
        values[SITE_URL.attribute] = address if address.endswith("/") else address + "/"
    return values


@dataclass(frozen=True)
class Environment:
    """The options set in the environment, typed; None where unset and the caller knows the default."""

    show_examples: bool | None
    today: dt.date | None
    data: Path | None
    cache: Path | None
    """None: the cache is off."""
    processes: int | None
    shells: bool
    editor_backend: str


def environment(environ: Mapping[str, str] | None = None, declared: tuple[Setting, ...] = SETTINGS) -> Environment:
    """The environment's options, read now (tests and the bench change them between builds); an empty
    variable counts as unset."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in (s for s in declared if s.where == ENVIRONMENT):
        text = environ.get(setting.name, "")
        if not text and setting.old and environ.get(setting.old, ""):
            _renamed(setting)
            text = environ[setting.old]
        default = setting.default(environ) if callable(setting.default) else setting.default
        values[setting.attribute] = setting.convert(text) if text else default
    return Environment(**values)
